// Package ttml reads TTML and DFXP documents and writes TTML under the
// IMSC 1.1 Text profile or the DFXP profile: times as clock values or
// frames, one ttm:agent per speaker, the language and the title, styled
// spans (italic, bold, underline, colour), ruby, and the cue's placement
// as a region and a text alignment.
//
// What the formats keep and lose, read and written back:
//   - TTML (IMSC 1.1 Text) keeps cue times to the millisecond, ids that
//     are unique NCNames, speakers, the title, the language, spans with
//     italics, bold, underline and colour, ruby, and the top, middle or
//     bottom placement and left, centre or right alignment.
//   - DFXP is the same document under the TTML1 profile, which has no
//     ruby: a ruby base is written alone, its annotation lost.
//   - Both lose WebVTT classes (TTML has none), an explicit opaque white
//     (read back as the default colour), empty lines, and line feeds
//     inside a line (a space). Speaker labels and dialogue dashes shown
//     in the text (WriteOptions.Speakers, Line.Dash) read back as text,
//     which convert's label reading turns back into speakers and dashes;
//     ttm:agent keeps the speakers whatever is shown.
package ttml

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"math/big"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/labels"
	"github.com/capconv/capconv/convert/internal/text"
)

// TTML is written by hand, shaped for the IMSC 1.1 Text profile, so that
// the output is byte-stable and cheap to produce; it is read with an
// encoding/xml token stream, so that every error can name its line.
//
// What the writer does, and why:
//   - Each speaker becomes a ttm:agent declared in head/metadata with ids
//     speaker1, speaker2, … in Document.Speakers order: ids depend only on
//     the document, never on map order.
//   - A cue whose lines share a speaker names it on <p ttm:agent>; a cue
//     with several speakers puts each attributed line in a
//     <span ttm:agent>, since TTML has no per-line attribute.
//   - Styled runs are spans with inline tts: attributes inside each
//     line's span. Ruby is an IMSC 1.1 ruby container of a base and a
//     text span, standing under the p with the line style of its own:
//     TTML2 lets it nest in a span, but ttconv, the IMSC reference
//     implementation, only reads it as a child of p.
//   - A placement is a region, bottom, middle or top, with displayAlign
//     after, center or before, and only the ones used are declared. The
//     bottom one alone covers the title-safe area (inset 10%) and body
//     names it, as before placement existed. With others, each is a band
//     of a quarter of the picture, since IMSC forbids regions presented
//     at once to overlap, and every p names its own, since under TTML's
//     region association a p inside a body flowed into one region shows
//     in no other. Left and right alignment are tts:textAlign on the p.
//   - Speakers shown in the text (WriteOptions.Speakers, as
//     labels.Shower places them) and dialogue dashes open the line's
//     text, beside the ttm:agent markup that players do not show.
//   - A cue's xml:id is its Cue.ID when that is a valid NCName not used
//     before in the document, else cN (N its position from 1), suffixed
//     _2, _3, … if taken: xml:id values must be unique NCNames.
//   - Text is written as is under xml:space="default", where a reader
//     collapses runs of white space and trims lines. A cue whose text
//     would change under that rule (leading, trailing or repeated white
//     space, tabs, carriage returns) gets xml:space="preserve" instead, so
//     that its spaces survive; the writer never indents inside <p>.
//     A line feed inside a Line becomes a space (a Line is one line),
//     empty lines are left out by readers, and characters XML cannot
//     carry (most C0 controls, invalid UTF-8) become U+FFFD.
//
// What the reader does:
//   - It accepts the TTML namespace and the 2006/10 and 2006/04 DFXP
//     drafts. Times on body, div and p nest: in a par container (the
//     default) a child's begin and end count from its parent's begin, in
//     a seq container from the end of the previous sibling; a dur counts
//     from the element's own begin, and a parent's end clips its
//     children. A p with no end from itself or an ancestor is skipped
//     with a warning, as is a p that ends before it begins.
//   - Timing on span is ignored: the model has no partial cues.
//   - Styling, ruby and placement come from tts: attributes, referenced
//     styles and regions, with TTML's inheritance (see style.go).
//   - Cues are returned in Start order (stable): document order has no
//     temporal meaning in TTML.
//   - ttm:agent references, on p or span and inherited from body or div,
//     resolve to the agent's ttm:name (type "full" preferred) or, without
//     a name, to the agent id; a list of agents yields their names joined
//     by ", ". A line's speaker is the agent of its first character.
//   - Text is decoded as every reader decodes it (see text.Decode), with
//     the XML declaration's encoding="…" as the encoding named when the
//     user named none: a byte order mark wins over both, and the user
//     over the declaration, which is often copied from a template.
//   - Hostile XML reads as an error at its line: encoding/xml expands no
//     entity a DOCTYPE declares and fetches nothing (an external entity
//     is an undefined one), and elements nested deeper than maxDepth are
//     refused.

// TTML namespaces and profile.
const (
	nsTTML          = "http://www.w3.org/ns/ttml"
	nsXML           = "http://www.w3.org/XML/1998/namespace"
	nsMetadata      = "#metadata"  // suffix of the metadata namespace
	nsParameter     = "#parameter" // suffix of the parameter namespace
	ttmlRegionID    = "bottom"
	ttmlTopID       = "top"
	ttmlMiddleID    = "middle"
	ttmlStyleID     = "default"
	ttmlLineStyleID = "line"
)

// ttmlNamespaces are the root namespaces read: TTML and the two DFXP
// drafts still found in broadcast archives.
var ttmlNamespaces = [...]string{nsTTML, "http://www.w3.org/2006/10/ttaf1", "http://www.w3.org/2006/04/ttaf1"}

// ttmlHead opens every written document up to its profile attribute.
const ttmlHead = `<?xml version="1.0" encoding="UTF-8"?>
<tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttm="http://www.w3.org/ns/ttml#metadata" xmlns:ttp="http://www.w3.org/ns/ttml#parameter" xmlns:tts="http://www.w3.org/ns/ttml#styling" ttp:timeBase="media" `

// The profile attributes: TTML declares IMSC 1.1 Text (a TTML2 content
// profile); DFXP declares the TTML1 DFXP Full processor profile, which
// editors that import "DFXP" (Premiere, Avid, older broadcast tools)
// accept, and leaves out ttp:contentProfiles, a TTML2 attribute they
// reject.
const (
	imscProfile = `ttp:contentProfiles="http://www.w3.org/ns/ttml/profile/imsc1.1/text"`
	dfxpProfile = `ttp:profile="http://www.w3.org/ns/ttml/profile/dfxp-full"`
)

// ttmlStyling is the small styling every written document carries:
// centred white sans-serif text, each line on a dark box.
const ttmlStyling = `    <styling>
      <style xml:id="` + ttmlStyleID + `" tts:textAlign="center" tts:fontFamily="proportionalSansSerif" tts:color="white"/>
      <style xml:id="` + ttmlLineStyleID + `" tts:backgroundColor="#000000CC"/>
    </styling>
    <layout>
`

// ttmlRegions are the regions of the three vertical placements, in
// caption.Vertical order, each standing its text at its bottom, middle
// or top. Alone, the bottom one covers the picture inset by 10%, the
// usual title-safe area. With others, each takes a band of a quarter of
// the picture inside that area, room for three lines, since IMSC forbids
// two regions presented at once to overlap.
var ttmlRegions = [...]struct{ id, align, band string }{
	{ttmlRegionID, "after", `tts:origin="10% 65%" tts:extent="80% 25%"`},
	{ttmlMiddleID, "center", `tts:origin="10% 37.5%" tts:extent="80% 25%"`},
	{ttmlTopID, "before", `tts:origin="10% 10%" tts:extent="80% 25%"`},
}

// ttmlSafeArea is the geometry of the bottom region alone.
const ttmlSafeArea = `tts:origin="10% 10%" tts:extent="80% 80%"`

// WriteOptions tune the TTML writer. The zero value writes clock times
// and declares no frame rate.
type WriteOptions struct {
	// FrameRate, when not 0, is the media's frame rate in frames per
	// second (29.97 as 30000/1001): the document declares it in
	// ttp:frameRate (and ttp:frameRateMultiplier for the 1000/1001 rates).
	FrameRate float64
	// TimeFrames writes times as HH:MM:SS:FF at FrameRate instead of
	// HH:MM:SS.mmm; it needs FrameRate.
	TimeFrames bool
	// Speakers is how speakers are shown in the text, beside ttm:agent
	// (see labels.Shower); "" shows none.
	Speakers labels.Style
	// NonDrop writes iTT's timecode at 29.97 and 59.94 fps as non-drop
	// (see AppendITT).
	NonDrop bool
	// Sink, when set, takes the output as it is rendered (see text.Sink).
	Sink *text.Sink
}

// Append appends d rendered as an IMSC 1.1 Text profile TTML document to
// b. WebVTT classes are not written, as TTML has none; see the package
// documentation for what else is lost.
func Append(b []byte, d *caption.Document, o WriteOptions) ([]byte, error) {
	return appendTTMLProfile(b, d, o, imscProfile)
}

// AppendDFXP appends d rendered as TTML for tools that ask for DFXP: the
// same document as Append, which DFXP readers accept, under the DFXP
// profile, but without ruby, which TTML1 lacks: a ruby base is written
// as plain text of its style, and its annotation is lost.
func AppendDFXP(b []byte, d *caption.Document, o WriteOptions) ([]byte, error) {
	return appendTTMLProfile(b, d, o, dfxpProfile)
}

// appendTTMLProfile appends d rendered as TTML declaring profile to b,
// grown once to the document's size.
func appendTTMLProfile(b []byte, d *caption.Document, o WriteOptions, profile string) ([]byte, error) {
	for i, c := range d.Cues {
		if c.Start < 0 || c.End < 0 {
			return b, fmt.Errorf("cue %d: negative time %s --> %s: TTML media times start at 0", i+1, c.Start, c.End)
		}
	}
	speakers := d.Speakers()
	agents := make(map[string]string, len(speakers))
	taken := map[string]bool{ttmlRegionID: true, ttmlMiddleID: true, ttmlTopID: true, ttmlStyleID: true, ttmlLineStyleID: true}
	for i, s := range speakers {
		id := "speaker" + strconv.Itoa(i+1)
		agents[s] = id
		taken[id] = true
	}
	ids := ttmlCueIDs(d.Cues, taken)

	b = slices.Grow(b, o.Sink.Size(ttmlSize(d, ids, speakers)))
	lang := d.Language
	if lang == "" {
		lang = "en"
	}
	b = append(b, ttmlHead...)
	b = append(b, profile...)
	b = append(b, ` xml:lang="`...)
	b = appendXMLEscaped(b, lang, true)
	b = append(b, '"')
	b = append(b, ttmlFrameRateAttrs(o.FrameRate)...)
	b = append(b, ">\n  <head>\n"...)
	b = appendTTMLMetadata(b, d.Title, speakers)
	w := ttmlWriter{ids: ids, agents: agents, ruby: profile == imscProfile, show: labels.NewShower(o.Speakers)}
	if o.Speakers == "" {
		w.show = labels.NewShower(labels.None)
	}
	if o.TimeFrames {
		w.fps = o.FrameRate
	}
	b = w.appendLayout(b, d.Cues)
	for i, c := range d.Cues {
		b = w.appendCue(b, c, i)
		b = o.Sink.Spill(b)
	}
	return append(b, "    </div>\n  </body>\n</tt>\n"...), nil
}

// ttmlSize is about what appendTTMLProfile writes for d, a little more
// unless the text needs many escapes, so that the output is allocated
// once.
func ttmlSize(d *caption.Document, ids, speakers []string) int {
	n := len(ttmlHead) + len(ttmlStyling) + 3*128 + 256 + 2*len(d.Title)
	for _, s := range speakers {
		n += 2*len(s) + 128
	}
	for i, c := range d.Cues {
		n += 128
		if ids != nil {
			n += len(ids[i])
		}
		for _, l := range c.Lines {
			n += len(l.Text) + 40 + 48*len(l.Spans) // the line's span and its styled spans
			if l.Speaker != "" {
				n += 40
			}
		}
	}
	return n + n/32
}

// appendTTMLMetadata appends head/metadata: the title and one agent per
// speaker, or nothing when there is neither.
func appendTTMLMetadata(b []byte, title string, speakers []string) []byte {
	if title == "" && len(speakers) == 0 {
		return b
	}
	b = append(b, "    <metadata>\n"...)
	if title != "" {
		b = append(b, "      <ttm:title>"...)
		b = appendXMLEscaped(b, title, false)
		b = append(b, "</ttm:title>\n"...)
	}
	for i, s := range speakers {
		b = append(b, `      <ttm:agent xml:id="speaker`...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, "\" type=\"person\">\n        <ttm:name type=\"full\">"...)
		b = appendXMLEscaped(b, s, false)
		b = append(b, "</ttm:name>\n      </ttm:agent>\n"...)
	}
	return append(b, "    </metadata>\n"...)
}

// appendTTMLCueID appends the xml:id of cue i from ids, the result of
// ttmlCueIDs: "c" and the cue's number when ids is nil.
func appendTTMLCueID(dst []byte, i int, ids []string) []byte {
	if ids == nil {
		return strconv.AppendInt(append(dst, 'c'), int64(i+1), 10)
	}
	return append(dst, ids[i]...)
}

// ttmlWriter holds what the writer needs across cues.
type ttmlWriter struct {
	ids    []string          // cue ids (see appendTTMLCueID)
	agents map[string]string // speaker → agent id
	fps    float64           // frame rate of HH:MM:SS:FF times, 0 for clock times
	ruby   bool              // the profile has ruby (IMSC 1.1, not DFXP)
	// regions: some cue is not at the bottom, so every p names its
	// region, since a region on body would keep the p out of any other
	// (TTML's region association).
	regions  bool
	show     *labels.Shower
	prefixes []string
}

// appendLayout appends the end of head, with a region for each vertical
// placement cues use, and opens body.
func (w *ttmlWriter) appendLayout(b []byte, cues []caption.Cue) []byte {
	var used [len(ttmlRegions)]bool
	used[caption.Bottom] = true
	for _, c := range cues {
		if v := c.Placement.Vertical; int(v) < len(used) && v != caption.Bottom {
			used[v], w.regions = true, true
		}
	}
	b = append(b, ttmlStyling...)
	for i := len(ttmlRegions) - 1; i >= 0; i-- {
		if !used[i] {
			continue
		}
		r := ttmlRegions[i]
		geometry := r.band
		if !w.regions {
			geometry = ttmlSafeArea
		}
		b = append(b, `      <region xml:id="`+r.id+`" `+geometry+` tts:displayAlign="`+r.align+`"/>`+"\n"...)
	}
	b = append(b, "    </layout>\n  </head>\n  <body"...)
	if !w.regions {
		b = append(b, ` region="`+ttmlRegionID+`"`...)
	}
	return append(b, ` style="`+ttmlStyleID+`">`+"\n    <div>\n"...)
}

// appendCue appends one <p> line for c, cue i.
func (w *ttmlWriter) appendCue(dst []byte, c caption.Cue, i int) []byte {
	dst = append(dst, `      <p xml:id="`...)
	dst = appendTTMLCueID(dst, i, w.ids)
	dst = append(dst, `" begin="`...)
	dst = appendTTMLCueTime(dst, c.Start, w.fps)
	dst = append(dst, `" end="`...)
	dst = appendTTMLCueTime(dst, c.End, w.fps)
	dst = append(dst, '"')
	if w.regions {
		id := ttmlRegionID
		if v := c.Placement.Vertical; int(v) < len(ttmlRegions) {
			id = ttmlRegions[v].id
		}
		dst = append(dst, ` region="`...)
		dst = append(dst, id...)
		dst = append(dst, '"')
	}
	mixed := false
	if s := c.Speaker(); s != "" {
		dst = append(dst, ` ttm:agent="`...)
		dst = append(dst, w.agents[s]...)
		dst = append(dst, '"')
	} else {
		for _, l := range c.Lines {
			mixed = mixed || l.Speaker != ""
		}
	}
	w.prefixes = w.show.Prefixes(w.prefixes, c.Lines)
	for j, l := range c.Lines {
		if ttmlNeedsPreserve(w.prefixes[j] + l.Text) {
			dst = append(dst, ` xml:space="preserve"`...)
			break
		}
	}
	switch c.Placement.Horizontal {
	case caption.Left:
		dst = append(dst, ` tts:textAlign="left"`...)
	case caption.Right:
		dst = append(dst, ` tts:textAlign="right"`...)
	}
	if rightToLeft(c.Lines) {
		// Players lay TTML out left to right unless told: Arabic and
		// Hebrew need the paragraph's direction.
		dst = append(dst, ` tts:direction="rtl"`...)
	}
	dst = append(dst, '>')
	for j, l := range c.Lines {
		if j > 0 {
			dst = append(dst, "<br/>"...)
		}
		// Each line in a span of its own, for a box behind the text
		// that readers can read on any video (backgrounds are not
		// inherited, and a paragraph's would fill the region's width).
		if l.Text == "" && l.Spans == nil {
			continue
		}
		agent := ""
		if mixed {
			agent = w.agents[l.Speaker]
		}
		dst = w.appendLine(dst, w.prefixes[j], l, agent)
	}
	return append(dst, "</p>\n"...)
}

// appendLine appends line l, after prefix, in spans of the line style
// spoken by agent ("": the p's). A ruby container stands between them
// under the p, with the line style of its own: TTML2 lets it nest in a
// span, but ttconv, the IMSC reference, takes only a p as its parent.
func (w *ttmlWriter) appendLine(dst []byte, prefix string, l caption.Line, agent string) []byte {
	open := false
	start := func(attrs string) {
		dst = append(dst, `<span`+attrs+` style="`+ttmlLineStyleID+`"`...)
		if agent != "" {
			dst = append(dst, ` ttm:agent="`...)
			dst = append(dst, agent...)
			dst = append(dst, '"')
		}
	}
	runs := l.Runs()
	if prefix != "" || len(runs) == 0 || !w.isRuby(runs[0]) {
		start("")
		dst = append(dst, '>')
		dst = appendXMLEscaped(dst, prefix, false)
		open = true
	}
	for _, s := range runs {
		switch {
		case w.isRuby(s):
			if open {
				dst = append(dst, "</span>"...)
				open = false
			}
			start(` tts:ruby="container"`)
			dst = appendTTMLStyle(dst, s.Style)
			dst = append(dst, `><span tts:ruby="base">`...)
			dst = appendXMLEscaped(dst, s.Text, false)
			dst = append(dst, `</span><span tts:ruby="text">`...)
			dst = appendXMLEscaped(dst, s.Style.Ruby, false)
			dst = append(dst, "</span></span>"...)
			continue
		case !open:
			start("")
			dst = append(dst, '>')
			open = true
		}
		dst = appendTTMLSpan(dst, s)
	}
	if open {
		dst = append(dst, "</span>"...)
	}
	return dst
}

// isRuby reports whether s is written as a ruby container: it has an
// annotation and the profile has ruby (IMSC 1.1, not DFXP, which gets
// the base text alone).
func (w *ttmlWriter) isRuby(s caption.Span) bool { return w.ruby && s.Style.Ruby != "" }

// appendTTMLSpan appends a run of text that is no ruby container:
// plain text as it is, styled text in a span of tts: attributes.
func appendTTMLSpan(dst []byte, s caption.Span) []byte {
	st := s.Style
	st.Ruby, st.Class = "", "" // TTML has no classes
	if !isModelColor(st.Color) {
		st.Color = "" // not the model's: it might not even be a colour
	}
	if st.IsPlain() {
		return appendXMLEscaped(dst, s.Text, false)
	}
	dst = append(dst, "<span"...)
	dst = appendTTMLStyle(dst, st)
	dst = append(dst, '>')
	dst = appendXMLEscaped(dst, s.Text, false)
	return append(dst, "</span>"...)
}

// appendTTMLStyle appends the tts: attributes of st.
func appendTTMLStyle(dst []byte, st caption.Style) []byte {
	if st.Italic {
		dst = append(dst, ` tts:fontStyle="italic"`...)
	}
	if st.Bold {
		dst = append(dst, ` tts:fontWeight="bold"`...)
	}
	if st.Underline {
		dst = append(dst, ` tts:textDecoration="underline"`...)
	}
	if isModelColor(st.Color) {
		dst = append(dst, ` tts:color="`...)
		dst = append(dst, st.Color...)
		dst = append(dst, '"')
	}
	return dst
}

// isModelColor reports whether c is a colour as the model writes them,
// "#rrggbb" or "#rrggbbaa" in lower case, which TTML reads as it is.
func isModelColor(c string) bool {
	return (len(c) == 7 || len(c) == 9) && c[0] == '#' && isHex(c[1:])
}

// rightToLeft reports whether a cue's first strong character, the one
// that sets a paragraph's direction in Unicode's bidirectional algorithm,
// belongs to a right-to-left script.
func rightToLeft(lines []caption.Line) bool {
	for _, l := range lines {
		for _, r := range l.Text {
			switch {
			case unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko):
				return true
			case unicode.IsLetter(r):
				return false
			}
		}
	}
	return false
}

// ttmlFrameRateAttrs returns the root's frame rate attributes for fps:
// ttp:frameRate is a whole number, so the 1000/1001 (NTSC) rates add
// ttp:frameRateMultiplier="1000 1001". 0 means none.
func ttmlFrameRateAttrs(fps float64) string {
	if fps <= 0 {
		return ""
	}
	whole := math.Round(fps)
	if math.Abs(fps-whole) < 1e-6 {
		return fmt.Sprintf(` ttp:frameRate="%d"`, int(whole))
	}
	return fmt.Sprintf(` ttp:frameRate="%d" ttp:frameRateMultiplier="1000 1001"`, int(math.Round(fps*1001/1000)))
}

// appendTTMLCueTime appends d as clock time, or as HH:MM:SS:FF when fps
// is set.
func appendTTMLCueTime(dst []byte, d time.Duration, fps float64) []byte {
	if fps <= 0 {
		return appendTTMLTime(dst, d)
	}
	return appendTTMLFrames(dst, d, fps)
}

// appendTTMLFrames appends d as HH:MM:SS:FF: with ttp:timeBase="media",
// TTML reads the frames as a fraction of the second (frames ÷ effective
// frame rate), so d's whole seconds are written and the rest is counted in
// frames at fps, rounded to the nearest one.
func appendTTMLFrames(dst []byte, d time.Duration, fps float64) []byte {
	secs := int64(d / time.Second)
	ff := int64(math.Round((d - time.Duration(secs)*time.Second).Seconds() * fps))
	if ff >= int64(math.Ceil(fps)) || float64(ff) >= fps {
		secs, ff = secs+1, 0
	}
	h, m, s := secs/3600, secs/60%60, secs%60
	if h < 10 {
		dst = append(dst, '0')
	}
	dst = strconv.AppendInt(dst, h, 10)
	dst = append(dst, ':', byte('0'+m/10), byte('0'+m%10), ':', byte('0'+s/10), byte('0'+s%10), ':')
	return append(dst, byte('0'+ff/10), byte('0'+ff%10))
}

// appendTTMLTime appends d as HH:MM:SS.mmm, rounded to the millisecond
// (half up); hours widen past 99.
func appendTTMLTime(dst []byte, d time.Duration) []byte {
	ms := int64(d / time.Millisecond)
	if d%time.Millisecond >= time.Millisecond/2 {
		ms++
	}
	h, m, s := ms/3600000, ms/60000%60, ms/1000%60
	if h < 10 {
		dst = append(dst, '0')
	}
	dst = strconv.AppendInt(dst, h, 10)
	dst = append(dst, ':', byte('0'+m/10), byte('0'+m%10), ':', byte('0'+s/10), byte('0'+s%10), '.')
	f := ms % 1000
	return append(dst, byte('0'+f/100), byte('0'+f/10%10), byte('0'+f%10))
}

// ttmlCueIDs returns a unique xml:id for each cue. Valid, unclaimed cue
// ids are claimed first so that a generated cN never steals the id a later
// cue carries. It returns nil when every cue's id is "c" and its number
// (see appendTTMLCueID): no cue carries an id of its own and no taken id
// looks like one, which spares a string and a map entry per cue.
func ttmlCueIDs(cues []caption.Cue, taken map[string]bool) []string {
	var ids []string
	for i, c := range cues {
		if isNCName(c.ID) && !taken[c.ID] {
			if ids == nil {
				ids = make([]string, len(cues))
			}
			ids[i] = c.ID
			taken[c.ID] = true
		}
	}
	if ids == nil {
		clash := false
		for id := range taken {
			clash = clash || len(id) > 1 && id[0] == 'c' && text.IsDigits(id[1:])
		}
		if !clash {
			return nil
		}
		ids = make([]string, len(cues))
	}
	for i := range cues {
		if ids[i] != "" {
			continue
		}
		base := "c" + strconv.Itoa(i+1)
		id := base
		for n := 2; taken[id]; n++ {
			id = base + "_" + strconv.Itoa(n)
		}
		ids[i] = id
		taken[id] = true
	}
	return ids
}

// isXMLSpace reports whether c is XML white space.
func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// ttmlNeedsPreserve reports whether xml:space="default" processing would
// change s as the writer writes it (line feeds already turned to spaces).
func ttmlNeedsPreserve(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\t' || c == '\r' {
			return true
		}
		if isXMLSpace(c) && (i == 0 || i == len(s)-1 || isXMLSpace(s[i-1])) {
			return true
		}
	}
	return false
}

// collapseXMLSpace applies xml:space="default": runs of XML white space
// become one space and the ends are trimmed. Other Unicode spaces (such
// as U+00A0) are text and stay.
func collapseXMLSpace(s string) string {
	b := make([]byte, 0, len(s))
	pending := false
	for i := 0; i < len(s); i++ {
		if isXMLSpace(s[i]) {
			pending = true
			continue
		}
		if pending && len(b) > 0 {
			b = append(b, ' ')
		}
		pending = false
		b = append(b, s[i])
	}
	return string(b)
}

// isXMLChar reports whether XML 1.0 can carry r at all.
func isXMLChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// isPlainXML reports whether the byte c is printable ASCII that
// appendXMLEscaped writes as it is.
func isPlainXML(c byte, attr bool) bool {
	return c >= 0x20 && c < 0x7F && c != '&' && c != '<' && c != '>' && (c != '"' || !attr)
}

// appendXMLEscaped appends s escaped for character data, or for a
// double-quoted attribute value when attr is set. Carriage returns and, in
// attributes, tabs and line feeds are character references because XML
// parsers normalize them otherwise; a line feed in character data becomes
// a space.
func appendXMLEscaped(dst []byte, s string, attr bool) []byte {
	for i := 0; i < len(s); {
		// Copy the run of ASCII that needs no escape in one append.
		j := i
		for j < len(s) && isPlainXML(s[j], attr) {
			j++
		}
		dst = append(dst, s[i:j]...)
		if i = j; i == len(s) {
			break
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '&':
			dst = append(dst, "&amp;"...)
		case r == '<':
			dst = append(dst, "&lt;"...)
		case r == '>':
			dst = append(dst, "&gt;"...)
		case r == '"' && attr:
			dst = append(dst, "&quot;"...)
		case r == '\r':
			dst = append(dst, "&#xD;"...)
		case r == '\n' && attr:
			dst = append(dst, "&#xA;"...)
		case r == '\n':
			dst = append(dst, ' ')
		case r == '\t' && attr:
			dst = append(dst, "&#x9;"...)
		case r == utf8.RuneError && size == 1, !isXMLChar(r):
			dst = append(dst, "\uFFFD"...)
		default:
			dst = append(dst, s[i:i+size]...)
		}
		i += size
	}
	return dst
}

// isNCName reports whether s is an XML non-colonized name, as xml:id
// requires.
func isNCName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return false
			}
		}
		if !isNameStartChar(r) && (i == 0 || !isNameChar(r)) {
			return false
		}
	}
	return true
}

// isNameStartChar is XML 1.0 (fifth edition) NameStartChar without ':'.
func isNameStartChar(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r == '_':
		return true
	case r < 0xC0:
		return false
	}
	return r <= 0xD6 || r >= 0xD8 && r <= 0xF6 || r >= 0xF8 && r <= 0x2FF ||
		r >= 0x370 && r <= 0x37D || r >= 0x37F && r <= 0x1FFF || r >= 0x200C && r <= 0x200D ||
		r >= 0x2070 && r <= 0x218F || r >= 0x2C00 && r <= 0x2FEF || r >= 0x3001 && r <= 0xD7FF ||
		r >= 0xF900 && r <= 0xFDCF || r >= 0xFDF0 && r <= 0xFFFD || r >= 0x10000 && r <= 0xEFFFF
}

// isNameChar is XML 1.0 NameChar less NameStartChar.
func isNameChar(r rune) bool {
	return r == '-' || r == '.' || r >= '0' && r <= '9' || r == 0xB7 ||
		r >= 0x300 && r <= 0x36F || r >= 0x203F && r <= 0x2040
}

// Read reads a TTML or DFXP document.
func Read(data []byte, o text.Source) (*caption.Document, error) {
	decl, err := declaredEncoding(data, o)
	if err != nil {
		return nil, err
	}
	switch {
	case o.Encoding.IsZero():
		o.Encoding = decl
	case !decl.IsZero() && decl.Name() != o.Encoding.Name():
		o.Warnf(1, "the XML declaration says %s: read as %s, the encoding named", decl.Name(), o.Encoding.Name())
	}
	s, err := text.Decode(data, o)
	if err != nil {
		return nil, err
	}
	r := &ttmlReader{o: o, dec: xml.NewDecoder(strings.NewReader(s)), agents: map[string]string{},
		styles: map[string]*ttStyleDef{}, regions: map[string]*ttStyleDef{}, unknownRegion: map[string]bool{}}
	// s is UTF-8 whatever the declaration says: Decode read it.
	r.dec.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }
	if err := r.run(); err != nil {
		return nil, err
	}
	if len(r.doc.Cues) == 0 {
		pos := r.rootPos
		if r.bodyPos.Line > 0 {
			pos = r.bodyPos
		}
		if r.sawP {
			return nil, text.Errorf(pos, caption.ErrNoContent, "no timed <p>: expected a <p> with begin and end (or dur)")
		}
		return nil, text.Errorf(pos, caption.ErrNoContent, "no <p> in <body>: expected at least one timed <p>")
	}
	sort.SliceStable(r.doc.Cues, func(i, j int) bool { return r.doc.Cues[i].Start < r.doc.Cues[j].Start })
	return &r.doc, nil
}

// maxDepth is the deepest the reader follows elements it reads, far past
// any caption document (tt, body, div, p and a few spans): each open
// element costs a frame of some 300 bytes, so that a file of nothing but
// nested spans would otherwise take 25 times its size.
const maxDepth = 1000

// ttmlKind is what an open element means to the reader.
type ttmlKind int

const (
	ttRoot     ttmlKind = iota
	ttHead              // head, and metadata inside it
	ttBodyMeta          // metadata inside body or div: agents only
	ttTitle             // ttm:title in head
	ttAgent             // ttm:agent
	ttName              // ttm:name in ttm:agent
	ttBody
	ttDiv
	ttP
	ttSpan
	ttBr
	ttStyling     // styling in head
	ttStyleDecl   // style in styling
	ttInitial     // initial in styling (TTML2)
	ttLayout      // layout in head
	ttRegion      // region in layout
	ttRegionStyle // style nested in a region (TTML1)
	ttSkip        // anything else: skipped with its content
)

// rubyRole is what a span is to ruby (tts:ruby).
type rubyRole uint8

const (
	rubyNone      rubyRole = iota
	rubyContainer          // container, baseContainer, textContainer
	rubyBase
	rubyText
	rubyDelimiter // fallback punctuation that ruby-less players show
)

// ttmlFrame is an open element and what its descendants inherit.
type ttmlFrame struct {
	kind ttmlKind
	// begin and end are the active interval, absolute; end is valid when
	// hasEnd. known is false when begin cannot be resolved (after a seq
	// sibling without an end).
	begin, end    time.Duration
	hasEnd, known bool
	// seq: children follow each other; cursor is where the next begins.
	seq         bool
	cursor      time.Duration
	cursorKnown bool
	agent       string // speaker of the content
	preserve    bool   // xml:space="preserve" is in force
	fullName    bool   // ttm:name type="full"
	pos         caption.Position
	// chain is the style specified on this element and its content
	// ancestors, which a p overlays on its region's style.
	chain  ttStyle
	region string        // region the content is flowed into ("": none)
	style  caption.Style // style of the text in a p or span
	ruby   rubyRole
	// rubyOpen marks the container span that started r.cue.ruby.
	rubyOpen bool
}

// xmlEncoding finds the encoding="…" of an XML declaration.
var xmlEncoding = regexp.MustCompile(`^<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"']*)["']`)

// declaredEncoding returns the encoding the XML declaration names, or
// the zero Encoding when there is no declaration, when a byte order mark
// decides, or when it names UTF-8 or ASCII, which Decode's detection
// reads (and recovers when the declaration is wrong). A declared UTF-16
// is ignored too: a declaration readable as ASCII is not UTF-16.
func declaredEncoding(data []byte, o text.Source) (text.Encoding, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	m := xmlEncoding.FindSubmatch(data[:min(len(data), 1024)])
	if m == nil {
		return text.Encoding{}, nil
	}
	label := string(m[1])
	e, err := text.LookupEncoding(label)
	if err != nil {
		return text.Encoding{}, text.Errorf(o.At(1, 1), caption.ErrSyntax, "the XML declaration names an unknown encoding %q", label)
	}
	switch l := strings.ToLower(label); {
	case e.Name() == "utf-8", l == "ascii", l == "us-ascii", strings.HasPrefix(e.Name(), "utf-16"):
		return text.Encoding{}, nil
	}
	return e, nil
}

// ttmlReader holds the state of one Read call.
type ttmlReader struct {
	o        text.Source
	dec      *xml.Decoder
	ns       string // namespace of the tt root
	timing   ttmlTiming
	doc      caption.Document
	stack    []ttmlFrame
	agents   map[string]string // agent id → name ("" when unnamed)
	agentID  string            // agent being declared
	text     []byte            // text of the ttm:title or ttm:name being read
	cue      ttmlCue           // p being read
	sawP     bool
	rootDone bool
	rootPos  caption.Position
	bodyPos  caption.Position
	// styles and regions are declared in head; region is the one being
	// declared, for its nested styles.
	styles, regions map[string]*ttStyleDef
	region          *ttStyleDef
	initial         ttStyle         // TTML2 initial values, below every region
	unknownRegion   map[string]bool // regions warned about
	rootW, rootH    float64         // the root's tts:extent in pixels, 0 when not stated
	// cellCols and cellRows are the root's ttp:cellResolution.
	cellCols, cellRows float64
}

// run walks the token stream.
func (r *ttmlReader) run() error {
	for {
		line, col := r.dec.InputPos()
		pos := caption.Position{File: r.o.File, Line: line, Col: col}
		tok, err := r.dec.Token()
		if err == io.EOF {
			if !r.rootDone {
				return text.Errorf(pos, caption.ErrSyntax, "no <tt> root element: expected a TTML document")
			}
			return nil
		}
		if err != nil {
			return r.syntaxError(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			err = r.start(t, pos)
		case xml.EndElement:
			r.end()
		case xml.CharData:
			err = r.chars(t, pos)
		}
		if err != nil {
			return err
		}
	}
}

// syntaxError turns a decoder error into a ParseError at the decoder's
// position, which is more precise than SyntaxError.Line.
func (r *ttmlReader) syntaxError(err error) error {
	line, col := r.dec.InputPos()
	msg := strings.TrimPrefix(err.Error(), "xml: ")
	if se, ok := err.(*xml.SyntaxError); ok {
		msg = se.Msg
	}
	return text.Errorf(caption.Position{File: r.o.File, Line: line, Col: col}, caption.ErrSyntax, "malformed XML: %s", msg)
}

func (r *ttmlReader) warn(pos caption.Position, format string, args ...any) {
	if r.o.Warn != nil {
		r.o.Warn(pos, fmt.Sprintf(format, args...))
	}
}

// isNS reports whether space is a TTML namespace (suffix "") or its
// metadata or parameter namespace.
func (r *ttmlReader) isNS(space, suffix string) bool {
	for _, ns := range ttmlNamespaces {
		if space == ns+suffix {
			return true
		}
	}
	return space == r.ns+suffix
}

func (r *ttmlReader) is(n xml.Name, suffix, local string) bool {
	return n.Local == local && r.isNS(n.Space, suffix)
}

// ttmlAttr returns the value of the attribute named local in namespace space.
func ttmlAttr(t xml.StartElement, space, local string) (string, bool) {
	for _, a := range t.Attr {
		if a.Name.Local == local && a.Name.Space == space {
			return a.Value, true
		}
	}
	return "", false
}

// metaAttr returns a ttm: or ttp: attribute in any TTML namespace.
func (r *ttmlReader) metaAttr(t xml.StartElement, suffix, local string) (string, bool) {
	for _, a := range t.Attr {
		if a.Name.Local == local && r.isNS(a.Name.Space, suffix) {
			return a.Value, true
		}
	}
	return "", false
}

// start opens an element.
func (r *ttmlReader) start(t xml.StartElement, pos caption.Position) error {
	if len(r.stack) == 0 {
		return r.startRoot(t, pos)
	}
	if len(r.stack) >= maxDepth {
		return text.Errorf(pos, caption.ErrSyntax, "<%s> nested %d elements deep: expected at most %d", t.Name.Local, len(r.stack)+1, maxDepth)
	}
	parent := &r.stack[len(r.stack)-1]
	kind := r.classify(parent.kind, t.Name)
	if kind == ttSkip {
		if err := r.dec.Skip(); err != nil {
			return r.syntaxError(err)
		}
		return nil
	}
	f := ttmlFrame{kind: kind, begin: parent.begin, end: parent.end, hasEnd: parent.hasEnd,
		known: parent.known, agent: parent.agent, preserve: parent.preserve, pos: pos}
	if v, ok := ttmlAttr(t, nsXML, "space"); ok {
		f.preserve = v == "preserve"
	}
	if ref, ok := r.metaAttr(t, nsMetadata, "agent"); ok && kind >= ttBody && kind <= ttSpan {
		f.agent = r.speaker(ref, pos)
	}
	if kind == ttP {
		r.cue = ttmlCue{pos: pos}
	}
	if kind >= ttBody && kind <= ttSpan {
		r.startContent(&f, parent, t, pos)
	}
	switch kind {
	case ttBody, ttDiv, ttP:
		if err := r.resolveTiming(&f, parent, t, pos); err != nil {
			return err
		}
		if kind == ttBody {
			r.bodyPos = pos
		}
		if kind == ttP {
			r.sawP = true
			r.cue.cue.ID, _ = ttmlAttr(t, nsXML, "id")
			if r.cue.cue.ID == "" {
				r.cue.cue.ID, _ = ttmlAttr(t, "", "id")
			}
		}
	case ttBr:
		if r.cue.ruby == nil {
			r.cue.breakLine()
		}
	case ttStyleDecl:
		r.declareStyle(r.styles, "style", t, pos)
	case ttInitial:
		r.initial = r.initial.over(r.inlineStyle(t, pos))
	case ttRegion:
		r.region = r.declareStyle(r.regions, "region", t, pos)
	case ttRegionStyle:
		r.region.nested = r.region.nested.over(r.specified(t, pos))
	case ttAgent:
		r.agentID, _ = ttmlAttr(t, nsXML, "id")
		if _, ok := r.agents[r.agentID]; !ok {
			r.agents[r.agentID] = ""
		}
	case ttName:
		v, _ := ttmlAttr(t, "", "type")
		f.fullName = v == "full"
		r.text = r.text[:0]
	case ttTitle:
		r.text = r.text[:0]
	}
	r.stack = append(r.stack, f)
	return nil
}

// startRoot checks the root element and reads its parameters.
func (r *ttmlReader) startRoot(t xml.StartElement, pos caption.Position) error {
	if r.rootDone {
		return text.Errorf(pos, caption.ErrSyntax, "element <%s> after </tt>: expected a single root element", t.Name.Local)
	}
	if t.Name.Local != "tt" {
		return text.Errorf(pos, caption.ErrSyntax, "root element <%s>: expected <tt>", t.Name.Local)
	}
	r.ns, r.rootPos = t.Name.Space, pos
	r.rootExtent(t)
	if !r.isKnownNS(t.Name.Space) {
		r.warn(pos, "<tt> in namespace %q: expected %s; reading it as TTML", t.Name.Space, nsTTML)
	}
	r.doc.Language, _ = ttmlAttr(t, nsXML, "lang")
	timing, err := r.parseTiming(t, pos)
	if err != nil {
		return err
	}
	r.timing = timing
	r.stack = append(r.stack, ttmlFrame{kind: ttRoot, known: true, pos: pos})
	return nil
}

func (r *ttmlReader) isKnownNS(space string) bool {
	for _, ns := range ttmlNamespaces {
		if space == ns {
			return true
		}
	}
	return false
}

// classify says what an element means under a parent of kind parent.
func (r *ttmlReader) classify(parent ttmlKind, n xml.Name) ttmlKind {
	switch parent {
	case ttRoot:
		switch {
		case r.is(n, "", "head"):
			return ttHead
		case r.is(n, "", "body"):
			return ttBody
		}
	case ttHead, ttBodyMeta:
		switch {
		case r.is(n, nsMetadata, "agent"):
			return ttAgent
		case parent == ttHead && r.doc.Title == "" && r.is(n, nsMetadata, "title"):
			return ttTitle
		case parent == ttHead && r.is(n, "", "metadata"):
			return ttHead
		case parent == ttHead && r.is(n, "", "styling"):
			return ttStyling
		case parent == ttHead && r.is(n, "", "layout"):
			return ttLayout
		}
	case ttStyling:
		switch {
		case r.is(n, "", "style"):
			return ttStyleDecl
		case r.is(n, "", "initial"):
			return ttInitial
		}
	case ttLayout:
		if r.is(n, "", "region") {
			return ttRegion
		}
	case ttRegion:
		if r.is(n, "", "style") {
			return ttRegionStyle
		}
	case ttAgent:
		if r.is(n, nsMetadata, "name") {
			return ttName
		}
	case ttBody, ttDiv:
		switch {
		case r.is(n, "", "div"):
			return ttDiv
		case r.is(n, "", "p"):
			return ttP
		case r.is(n, "", "metadata"):
			return ttBodyMeta
		}
	case ttP, ttSpan:
		switch {
		case r.is(n, "", "span"):
			return ttSpan
		case r.is(n, "", "br"):
			return ttBr
		}
	}
	return ttSkip
}

// end closes the innermost element.
func (r *ttmlReader) end() {
	if len(r.stack) == 0 {
		return // the decoder rejects unbalanced end tags; nothing to close
	}
	f := r.stack[len(r.stack)-1]
	r.stack = r.stack[:len(r.stack)-1]
	switch f.kind {
	case ttRoot:
		r.rootDone = true
		return
	case ttP:
		r.endCue(f)
	case ttSpan:
		if f.rubyOpen {
			r.cue.endRuby(f.agent)
		}
	case ttTitle:
		r.doc.Title = collapseXMLSpace(string(r.text))
	case ttName:
		if name := collapseXMLSpace(string(r.text)); name != "" && (f.fullName || r.agents[r.agentID] == "") {
			r.agents[r.agentID] = name
		}
	}
	if p := &r.stack[len(r.stack)-1]; p.seq && f.kind >= ttBody && f.kind <= ttP {
		p.cursor, p.cursorKnown = f.end, p.cursorKnown && f.known && f.hasEnd
	}
}

// endCue keeps the p just closed when its interval is resolved.
func (r *ttmlReader) endCue(f ttmlFrame) {
	r.cue.breakLine()
	switch {
	case !f.known || !f.hasEnd:
		r.warn(f.pos, "<p> without an end time (no end or dur on it or its parents): skipped")
	case f.end < f.begin:
		r.warn(f.pos, "<p> ends at %s before it begins at %s: never shown, skipped", fmtTTMLTime(f.end), fmtTTMLTime(f.begin))
	default:
		r.cue.cue.Start, r.cue.cue.End = f.begin, f.end
		r.doc.Cues = append(r.doc.Cues, r.cue.cue)
	}
	r.cue = ttmlCue{}
}

// chars handles character data.
func (r *ttmlReader) chars(t xml.CharData, pos caption.Position) error {
	if len(r.stack) == 0 {
		if len(bytes.TrimLeft(t, " \t\r\n")) > 0 {
			return text.Errorf(pos, caption.ErrSyntax, "text outside the <tt> root: expected only markup there")
		}
		return nil
	}
	switch f := &r.stack[len(r.stack)-1]; f.kind {
	case ttP, ttSpan:
		switch {
		case r.cue.ruby != nil:
			r.cue.ruby.add(t, f.ruby)
		case f.ruby == rubyText || f.ruby == rubyDelimiter:
			// An annotation outside a ruby container has no base to
			// stand over, and the delimiters are for players without
			// ruby: neither is text of the line.
		default:
			r.cue.add(t, f.preserve, f.agent, f.style)
		}
	case ttTitle, ttName:
		r.text = append(r.text, t...)
	}
	return nil
}

// speaker resolves a ttm:agent reference list to a speaker name.
func (r *ttmlReader) speaker(ref string, pos caption.Position) string {
	var names []string
	for _, id := range strings.Fields(ref) {
		name, ok := r.agents[id]
		if !ok {
			r.warn(pos, "ttm:agent %q is not declared in head/metadata: using the id as the speaker", id)
		}
		if name == "" {
			name = id
		}
		names = append(names, name)
	}
	return strings.Join(names, ", ")
}

// startContent sets what body, div, p and span f inherits and
// specifies: its style chain, its region and, on p and span, the style
// and ruby role of its text.
func (r *ttmlReader) startContent(f, parent *ttmlFrame, t xml.StartElement, pos caption.Position) {
	spec := r.specified(t, pos)
	f.chain = parent.chain.inherited().over(spec)
	f.region, f.ruby = parent.region, parent.ruby
	if f.kind != ttSpan {
		if v, ok := ttmlAttr(t, "", "region"); ok {
			f.region = strings.TrimSpace(v)
		}
	}
	switch f.kind {
	case ttP:
		region, in := r.regionStyle(f.region, pos)
		region = r.initial.over(region)
		r.cue.base = region.inherited()
		full := r.cue.base.over(f.chain)
		r.cue.cue.Placement = r.placement(region, in, full)
		f.style = full.caption()
	case ttSpan:
		f.style = r.cue.base.over(f.chain).caption()
		if spec.set&setRuby != 0 {
			r.startRuby(f, spec.ruby)
		}
	}
}

// startRuby sets the ruby role of span f, whose tts:ruby is v.
func (r *ttmlReader) startRuby(f *ttmlFrame, v string) {
	switch v {
	case "container":
		f.ruby = rubyContainer
		if r.cue.ruby == nil {
			r.cue.ruby, f.rubyOpen = &ttmlRuby{}, true
		}
	case "baseContainer", "textContainer":
		f.ruby = rubyContainer
	case "base":
		f.ruby = rubyBase
		if r.cue.ruby != nil {
			r.cue.ruby.bases = append(r.cue.ruby.bases, rubyPart{style: f.style})
		}
	case "text":
		f.ruby = rubyText
		if r.cue.ruby != nil {
			r.cue.ruby.texts = append(r.cue.ruby.texts, rubyPart{})
		}
	case "delimiter":
		f.ruby = rubyDelimiter
	}
}

// ttmlCue collects the lines of the p being read.
type ttmlCue struct {
	cue   caption.Cue
	pos   caption.Position
	base  ttStyle // the style the p's region gives its content
	spans []caption.Span
	// run is the text of the line after spans, all in runStyle, kept as
	// bytes so that a run grows without a string per character.
	run      []byte
	runStyle caption.Style
	speaker  string
	pending  bool // collapsible white space waits for the next character
	// pendingStyle is the style of the white space pending: the space
	// keeps the style of where it was written.
	pendingStyle caption.Style
	ruby         *ttmlRuby // open ruby container
}

// add appends text read under the given xml:space mode, agent and style.
func (c *ttmlCue) add(text []byte, preserve bool, agent string, style caption.Style) {
	for _, ch := range text {
		switch {
		case preserve && ch == '\n':
			c.breakLine()
			continue
		case !preserve && isXMLSpace(ch):
			if !c.pending {
				c.pending, c.pendingStyle = true, style
			}
			continue
		}
		c.open(agent)
		if c.runStyle != style {
			c.flush()
			c.runStyle = style
		}
		c.run = append(c.run, ch)
	}
}

// open prepares the line for more text by agent: the first text names
// the line's speaker, and later text gets the space pending before it.
func (c *ttmlCue) open(agent string) {
	switch {
	case len(c.run) == 0 && len(c.spans) == 0:
		c.speaker = agent
	case c.pending:
		if c.runStyle != c.pendingStyle {
			c.flush()
			c.runStyle = c.pendingStyle
		}
		c.run = append(c.run, ' ')
	}
	c.pending = false
}

// flush moves the run into spans.
func (c *ttmlCue) flush() {
	if len(c.run) > 0 {
		c.spans = append(c.spans, caption.Span{Text: string(c.run), Style: c.runStyle})
		c.run = c.run[:0]
	}
}

// endRuby closes the ruby container of agent, adding its bases, with
// their annotations, to the line.
func (c *ttmlCue) endRuby(agent string) {
	spans := c.ruby.spans()
	c.ruby = nil
	if len(spans) == 0 {
		return
	}
	c.open(agent)
	c.flush()
	c.spans = append(c.spans, spans...)
}

// breakLine ends the current line; an empty line is dropped.
func (c *ttmlCue) breakLine() {
	c.flush()
	if l, ok := ttmlLine(c.speaker, c.spans); ok {
		c.cue.Lines = append(c.cue.Lines, l)
	}
	c.spans, c.speaker, c.pending = c.spans[:0], "", false
	c.runStyle = caption.Style{}
}

// ttmlLine returns the line of spans, or false when it holds nothing.
// Unlike caption.StyledLine it trims no white space: what remains of it
// was preserved (xml:space="preserve").
func ttmlLine(speaker string, spans []caption.Span) (caption.Line, bool) {
	out := caption.MergeSpans(append([]caption.Span(nil), spans...))
	if len(out) == 0 {
		return caption.Line{}, false
	}
	l := caption.Line{Speaker: speaker, Text: caption.JoinSpans(out)}
	for _, s := range out {
		if !s.Style.IsPlain() {
			l.Spans = out
			break
		}
	}
	return l, true
}

// ttmlRuby collects a ruby container's bases and annotations.
type ttmlRuby struct {
	bases, texts []rubyPart
}

// rubyPart is the text of a ruby base or annotation.
type rubyPart struct {
	text  []byte
	style caption.Style
}

// add appends text read in a span of role to the open base or
// annotation.
func (rb *ttmlRuby) add(text []byte, role rubyRole) {
	parts := rb.bases
	switch role {
	case rubyBase:
	case rubyText:
		parts = rb.texts
	default:
		return // white space between the container's spans
	}
	if len(parts) == 0 {
		return // text in a base or annotation outside its container
	}
	p := &parts[len(parts)-1]
	p.text = append(p.text, text...)
}

// spans returns the container as spans: a base with its annotation
// each when they pair up, else one span of all bases under all
// annotations.
func (rb *ttmlRuby) spans() []caption.Span {
	if len(rb.bases) == 0 {
		return nil
	}
	if len(rb.bases) == len(rb.texts) {
		out := make([]caption.Span, len(rb.bases))
		for i, b := range rb.bases {
			out[i] = caption.Span{Text: collapseXMLSpace(string(b.text)), Style: b.style}
			out[i].Style.Ruby = collapseXMLSpace(string(rb.texts[i].text))
		}
		return out
	}
	var base, ann strings.Builder
	for _, b := range rb.bases {
		base.WriteString(collapseXMLSpace(string(b.text)))
	}
	for _, t := range rb.texts {
		ann.WriteString(collapseXMLSpace(string(t.text)))
	}
	s := caption.Span{Text: base.String(), Style: rb.bases[0].style}
	s.Style.Ruby = ann.String()
	return []caption.Span{s}
}

// ttmlTiming holds the ttp: parameters that give frames and ticks a
// length.
type ttmlTiming struct {
	frameRate    *big.Rat // effective frames per second
	maxFrames    int64    // frames per second, rounded up
	subFrameRate int64
	tickRate     *big.Rat
	// smpte: ttp:timeBase="smpte", whose HH:MM:SS:FF times are timecode
	// labels counting nominal frames to a second (the whole ttp:frameRate)
	// played at frameRate, with the labels dropNTSC skips when drop.
	smpte   bool
	nominal int64
	drop    bool
}

// parseTiming reads the time parameters on the tt root.
func (r *ttmlReader) parseTiming(t xml.StartElement, pos caption.Position) (ttmlTiming, error) {
	tm := ttmlTiming{frameRate: big.NewRat(30, 1), subFrameRate: 1}
	positive := func(name, v string) (int64, error) {
		n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 32)
		if err != nil || n <= 0 {
			return 0, text.Errorf(pos, caption.ErrSyntax, "ttp:%s=%q: expected a positive integer", name, v)
		}
		return n, nil
	}
	fr, hasFrameRate := r.metaAttr(t, nsParameter, "frameRate")
	if hasFrameRate {
		n, err := positive("frameRate", fr)
		if err != nil {
			return tm, err
		}
		tm.frameRate.SetInt64(n)
	}
	if v, ok := r.metaAttr(t, nsParameter, "frameRateMultiplier"); ok {
		// TTML separates the two numbers with space; some writers use ':'.
		f := strings.FieldsFunc(v, func(c rune) bool { return c == ':' || isXMLSpace(byte(c)) })
		if len(f) != 2 {
			return tm, text.Errorf(pos, caption.ErrSyntax, "ttp:frameRateMultiplier=%q: expected two integers such as \"1000 1001\"", v)
		}
		num, err := positive("frameRateMultiplier", f[0])
		if err != nil {
			return tm, err
		}
		den, err := positive("frameRateMultiplier", f[1])
		if err != nil {
			return tm, err
		}
		tm.frameRate.Mul(tm.frameRate, big.NewRat(num, den))
	}
	tm.maxFrames = new(big.Int).Quo(new(big.Int).Add(tm.frameRate.Num(), new(big.Int).Sub(tm.frameRate.Denom(), big.NewInt(1))), tm.frameRate.Denom()).Int64()
	if v, ok := r.metaAttr(t, nsParameter, "subFrameRate"); ok {
		n, err := positive("subFrameRate", v)
		if err != nil {
			return tm, err
		}
		tm.subFrameRate = n
	}
	tm.tickRate = big.NewRat(1, 1)
	if hasFrameRate {
		tm.tickRate.Mul(tm.frameRate, big.NewRat(tm.subFrameRate, 1))
	}
	if v, ok := r.metaAttr(t, nsParameter, "tickRate"); ok {
		n, err := positive("tickRate", v)
		if err != nil {
			return tm, err
		}
		tm.tickRate.SetInt64(n)
	}
	tm.nominal = 30
	if hasFrameRate {
		tm.nominal, _ = positive("frameRate", fr)
	}
	switch v, _ := r.metaAttr(t, nsParameter, "timeBase"); v {
	case "clock":
		r.warn(pos, "ttp:timeBase=\"clock\" is read as media time")
	case "smpte":
		// iTT, and SMPTE-based workflows: times are timecode.
		tm.smpte = true
		if v, _ := r.metaAttr(t, nsParameter, "dropMode"); v == "dropNTSC" {
			tm.drop = true
		}
	}
	return tm, nil
}

// errTTMLTimeRange reports a time beyond caption.MaxTime.
var errTTMLTimeRange = fmt.Errorf("out of range: expected at most %.0f hours", caption.MaxTime.Hours())

// resolveTiming sets f's active interval from its begin, end and dur and
// its parent's interval.
func (r *ttmlReader) resolveTiming(f *ttmlFrame, parent *ttmlFrame, t xml.StartElement, pos caption.Position) error {
	ref, known := parent.begin, parent.known
	if parent.seq {
		ref, known = parent.cursor, parent.cursorKnown
	}
	f.known, f.hasEnd = known, false
	get := func(name string) (time.Duration, bool, error) {
		v, ok := ttmlAttr(t, "", name)
		if !ok {
			return 0, false, nil
		}
		d, err := r.timing.parse(v)
		if err != nil {
			return 0, false, text.Errorf(pos, caption.ErrBadTimestamp, "%s=%q on <%s>: %v", name, v, t.Name.Local, err)
		}
		return d, true, nil
	}
	begin, _, err := get("begin")
	if err != nil {
		return err
	}
	if f.begin, err = addTTMLTime(ref, begin, pos, "begin"); err != nil {
		return err
	}
	end, hasEnd, err := get("end")
	if err != nil {
		return err
	}
	if hasEnd {
		if f.end, err = addTTMLTime(ref, end, pos, "end"); err != nil {
			return err
		}
		f.hasEnd = true
	}
	dur, hasDur, err := get("dur")
	if err != nil {
		return err
	}
	if hasDur {
		e, err := addTTMLTime(f.begin, dur, pos, "dur")
		if err != nil {
			return err
		}
		if !f.hasEnd || e < f.end {
			f.end, f.hasEnd = e, true
		}
	}
	if parent.hasEnd && (!f.hasEnd || f.end > parent.end) {
		f.end, f.hasEnd = parent.end, true
	}
	if v, _ := ttmlAttr(t, "", "timeContainer"); v == "seq" {
		f.seq, f.cursor, f.cursorKnown = true, f.begin, f.known
	}
	return nil
}

// addTTMLTime adds an offset to a reference time within caption.MaxTime.
func addTTMLTime(ref, off time.Duration, pos caption.Position, name string) (time.Duration, error) {
	if off > caption.MaxTime-ref {
		return 0, text.Errorf(pos, caption.ErrBadTimestamp, "%s: %s after %s is %v", name, fmtTTMLTime(off), fmtTTMLTime(ref), errTTMLTimeRange)
	}
	return ref + off, nil
}

// fmtTTMLTime renders d for messages.
func fmtTTMLTime(d time.Duration) string { return string(appendTTMLTime(nil, d)) }

// parse reads a TTML time expression: a clock time HH:MM:SS(.fff) or
// HH:MM:SS:FF(.sub), or an offset time such as 12.5s, 500ms, 10f or 2t.
func (tm ttmlTiming) parse(s string) (time.Duration, error) {
	s = strings.Trim(s, " \t\r\n")
	if len(s) > 64 {
		return 0, fmt.Errorf("too long: expected a clock time such as 00:01:02.500 or an offset such as 62.5s")
	}
	var sec *big.Rat
	var err error
	if strings.IndexByte(s, ':') >= 0 {
		sec, err = tm.clock(s)
	} else {
		sec, err = tm.offset(s)
	}
	if err != nil {
		return 0, err
	}
	ns := new(big.Rat).Mul(sec, big.NewRat(int64(time.Second), 1))
	// Round half up: floor((2·num + den) / 2·den).
	n := new(big.Int).Lsh(ns.Num(), 1)
	n.Add(n, ns.Denom())
	n.Quo(n, new(big.Int).Lsh(ns.Denom(), 1))
	if !n.IsInt64() || n.Int64() > int64(caption.MaxTime) {
		return 0, errTTMLTimeRange
	}
	return time.Duration(n.Int64()), nil
}

// clock reads HH:MM:SS(.fff) or HH:MM:SS:FF(.sub) as seconds.
func (tm ttmlTiming) clock(s string) (*big.Rat, error) {
	const expected = "expected a clock time such as 00:01:02.500 or 00:01:02:12 (frames)"
	parts := strings.Split(s, ":")
	if len(parts) != 3 && len(parts) != 4 {
		return nil, fmt.Errorf("%s", expected)
	}
	secs, frac, _ := strings.Cut(parts[2], ".")
	if len(parts) == 4 && frac != "" || strings.HasSuffix(parts[2], ".") {
		return nil, fmt.Errorf("%s", expected)
	}
	h, okH := ttmlDecimal(parts[0], 1, 0)
	m, okM := ttmlDecimal(parts[1], 2, 2)
	sc, okS := ttmlDecimal(secs, 2, 2)
	if !okH || !okM || !okS {
		return nil, fmt.Errorf("%s", expected)
	}
	if m.Cmp(big.NewRat(59, 1)) > 0 || sc.Cmp(big.NewRat(59, 1)) > 0 {
		return nil, fmt.Errorf("minutes and seconds must be below 60")
	}
	total := new(big.Rat).Mul(h, big.NewRat(3600, 1))
	total.Add(total, m.Mul(m, big.NewRat(60, 1)))
	total.Add(total, sc)
	if frac != "" {
		f, ok := ttmlDecimal("0."+frac, 1, 0)
		if !ok {
			return nil, fmt.Errorf("%s", expected)
		}
		total.Add(total, f)
	}
	if len(parts) == 4 {
		f, err := tm.frames(parts[3])
		if err != nil {
			return nil, err
		}
		if tm.smpte {
			return tm.timecode(total, f), nil
		}
		total.Add(total, f)
	}
	return total, nil
}

// timecode returns when the frame a timecode label names plays: label is
// its HH:MM:SS in seconds, f its frames as seconds at frameRate. The
// label counts nominal frames to a second; dropNTSC skips two labels a
// minute (four at 60), but every tenth minute.
func (tm ttmlTiming) timecode(label, f *big.Rat) *big.Rat {
	n := new(big.Rat).Mul(label, big.NewRat(tm.nominal, 1))
	n.Add(n, new(big.Rat).Mul(f, tm.frameRate))
	if tm.drop {
		minutes := new(big.Int).Quo(label.Num(), new(big.Int).Mul(label.Denom(), big.NewInt(60))).Int64()
		skip := tm.nominal / 15 // 2 at 30, 4 at 60
		n.Sub(n, big.NewRat(skip*(minutes-minutes/10), 1))
	}
	return n.Quo(n, tm.frameRate)
}

// frames reads FF(.sub) as seconds at the document's frame rate.
func (tm ttmlTiming) frames(s string) (*big.Rat, error) {
	ff, sub, hasSub := strings.Cut(s, ".")
	f, ok := ttmlDecimal(ff, 1, 0)
	if !ok || hasSub && sub == "" {
		return nil, fmt.Errorf("expected frames such as 00:01:02:12 or 00:01:02:12.1")
	}
	if !f.Num().IsInt64() || f.Num().Int64() >= tm.maxFrames {
		return nil, fmt.Errorf("frame %s is out of range at %s frames per second", ff, strings.TrimSuffix(strings.TrimRight(tm.frameRate.FloatString(3), "0"), "."))
	}
	if hasSub {
		n, ok := ttmlDecimal(sub, 1, 0)
		if !ok || !n.Num().IsInt64() || n.Num().Int64() >= tm.subFrameRate {
			return nil, fmt.Errorf("sub-frame %s is out of range: expected below ttp:subFrameRate %d", sub, tm.subFrameRate)
		}
		f.Add(f, n.Quo(n, big.NewRat(tm.subFrameRate, 1)))
	}
	return f.Quo(f, tm.frameRate), nil
}

// offset reads an offset time (12.5s, 500ms, 2m, 1h, 10f, 2t) as seconds.
func (tm ttmlTiming) offset(s string) (*big.Rat, error) {
	const expected = "expected a clock time such as 00:01:02.500 or an offset such as 62.5s, 500ms, 10f or 2t"
	count, metric := s, ""
	switch {
	case strings.HasSuffix(s, "ms"):
		count, metric = s[:len(s)-2], "ms"
	case s != "":
		count, metric = s[:len(s)-1], s[len(s)-1:]
	}
	n, ok := ttmlDecimal(count, 1, 0)
	if !ok || strings.HasSuffix(count, ".") {
		return nil, fmt.Errorf("%s", expected)
	}
	switch metric {
	case "h":
		return n.Mul(n, big.NewRat(3600, 1)), nil
	case "m":
		return n.Mul(n, big.NewRat(60, 1)), nil
	case "s":
		return n, nil
	case "ms":
		return n.Quo(n, big.NewRat(1000, 1)), nil
	case "f":
		return n.Quo(n, tm.frameRate), nil
	case "t":
		return n.Quo(n, tm.tickRate), nil
	}
	return nil, fmt.Errorf("%s", expected)
}

// ttmlDecimal parses digits with at most one '.', the integer part having
// between min and max digits (max 0: unbounded).
func ttmlDecimal(s string, min, max int) (*big.Rat, bool) {
	intPart, frac, hasFrac := strings.Cut(s, ".")
	if len(intPart) < min || max > 0 && len(intPart) > max || hasFrac && frac == "" {
		return nil, false
	}
	for i := 0; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && s[i] != '.' {
			return nil, false
		}
	}
	if strings.Count(s, ".") > 1 {
		return nil, false
	}
	return new(big.Rat).SetString(s)
}

// Sniff reports whether head, the decoded start of a file, is XML whose
// root is a tt element.
func Sniff(head []byte) bool {
	head = bytes.TrimLeft(head, " \t\r\n")
	return bytes.HasPrefix(head, []byte("<")) && hasTTRoot(head)
}

// hasTTRoot reports whether an XML head opens a tt element, prefixed or
// not, after its prolog and comments.
func hasTTRoot(head []byte) bool {
	for len(head) > 0 {
		head = bytes.TrimLeft(head, " \t\r\n")
		switch {
		case bytes.HasPrefix(head, []byte("<?")), bytes.HasPrefix(head, []byte("<!--")), bytes.HasPrefix(head, []byte("<!")):
			end := []byte(">")
			if bytes.HasPrefix(head, []byte("<!--")) {
				end = []byte("-->")
			}
			i := bytes.Index(head, end)
			if i < 0 {
				return false
			}
			head = head[i+len(end):]
		case bytes.HasPrefix(head, []byte("<")):
			name := head[1:]
			if i := bytes.IndexAny(name, " \t\r\n/>"); i >= 0 {
				name = name[:i]
			}
			if i := bytes.IndexByte(name, ':'); i >= 0 {
				name = name[i+1:]
			}
			return string(name) == "tt"
		default:
			return false
		}
	}
	return false
}
