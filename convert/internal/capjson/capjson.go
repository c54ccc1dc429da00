// Package capjson reads and writes capconv's own JSON schema, which
// carries the whole model but segments (docs/json.md): cues with their
// ids, speakers, dialogue dashes, styled spans (every style field,
// WebVTT classes and ruby included) and placement, chapters, the title,
// the language, the duration and how the source showed its speakers.
// Times are kept to the millisecond; nothing else is lost.
package capjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/text"
)

// The JSON format is capconv's own, for programs that consume captions:
//
//	{
//	  "version": 2,
//	  "title": "…",            // omitted when unknown
//	  "language": "en",        // omitted when unknown
//	  "duration": 3600.5,      // media duration in seconds, omitted when unknown
//	  "speakers_shown": "name", // omitted when the source showed no speakers
//	  "chapters": [{"start": 0, "end": 754.2, "title": "Llama 3"}],  // omitted when none
//	  "cues": [
//	    {"id": "1", "start": 1.5, "end": 3.25, "speaker": "Ann", "lines": ["Hello", "there."]},
//	    {"start": 4, "end": 5, "vertical": "top", "horizontal": "left", "speaker": "", "lines": ["Hi.", "Hey you."],
//	     "speakers": ["Ann", "Bob"], "dashes": [true, true],
//	     "spans": [null, [{"text": "Hey "}, {"text": "you", "italic": true, "color": "#ffff00"}, {"text": "."}]]}
//	  ]
//	}
//
// Times are seconds, rounded to the millisecond. "speaker" is the speaker
// of every line, "" when unknown or when the lines have different
// speakers; then "speakers" gives each line's speaker. "id" is omitted
// when the cue has none. "vertical" and "horizontal" place the cue,
// omitted at the bottom centre. "dashes" and "spans" go line by line
// like "speakers", present only when some line has a dialogue dash or
// styling; a plain line's spans are null. "lines" always holds each
// line's plain text, so that a program blind to styling reads the
// words: a line's spans must join to it. Keys are written in this
// order, so output is byte-stable.
//
// Version 2 added speakers_shown, vertical, horizontal, dashes and
// spans; a file without "version" is version 1, which reads as a
// version 2 file without them.

// schemaVersion is the version Append writes and the newest Read reads.
const schemaVersion = 2

// jsonDoc is the JSON document.
type jsonDoc struct {
	Version       int           `json:"version"`
	Title         string        `json:"title,omitempty"`
	Language      string        `json:"language,omitempty"`
	Duration      jsonSeconds   `json:"duration,omitempty"`
	SpeakersShown string        `json:"speakers_shown,omitempty"`
	Chapters      []jsonChapter `json:"chapters,omitempty"`
	Cues          []jsonCue     `json:"cues"`
}

// jsonChapter is one chapter.
type jsonChapter struct {
	Start jsonSeconds `json:"start"`
	End   jsonSeconds `json:"end,omitempty"`
	Title string      `json:"title"`
}

// jsonCue is one cue.
type jsonCue struct {
	ID         string       `json:"id,omitempty"`
	Start      jsonSeconds  `json:"start"`
	End        jsonSeconds  `json:"end"`
	Vertical   string       `json:"vertical,omitempty"`
	Horizontal string       `json:"horizontal,omitempty"`
	Speaker    string       `json:"speaker"`
	Lines      []string     `json:"lines"`
	Speakers   []string     `json:"speakers,omitempty"`
	Dashes     []bool       `json:"dashes,omitempty"`
	Spans      [][]jsonSpan `json:"spans,omitempty"`
}

// jsonSpan is a run of a line's text in one style (caption.Span).
type jsonSpan struct {
	Text      string `json:"text"`
	Italic    bool   `json:"italic,omitempty"`
	Bold      bool   `json:"bold,omitempty"`
	Underline bool   `json:"underline,omitempty"`
	Color     string `json:"color,omitempty"`
	Class     string `json:"class,omitempty"`
	Ruby      string `json:"ruby,omitempty"`
}

// jsonSeconds is a time written as seconds with at most three decimals.
type jsonSeconds time.Duration

// MarshalJSON writes the shortest decimal of the time in milliseconds.
func (s jsonSeconds) MarshalJSON() ([]byte, error) {
	ms := time.Duration(s).Round(time.Millisecond).Milliseconds()
	b := strconv.AppendInt(nil, ms/1000, 10)
	if f := ms % 1000; f != 0 {
		b = append(b, '.', byte('0'+f/100), byte('0'+f/10%10), byte('0'+f%10))
		for b[len(b)-1] == '0' {
			b = b[:len(b)-1]
		}
	}
	return b, nil
}

// errBadSeconds marks a time that is not a number of seconds in range.
var errBadSeconds = errors.New("bad time")

// UnmarshalJSON reads seconds, rounded to the nanosecond.
func (s *jsonSeconds) UnmarshalJSON(b []byte) error {
	f, err := strconv.ParseFloat(string(b), 64)
	if err != nil {
		return fmt.Errorf("%w: %s: expected a number of seconds", errBadSeconds, b)
	}
	if f < 0 || math.IsNaN(f) || f > float64(caption.MaxTime/time.Second) {
		return fmt.Errorf("%w: %s: expected seconds between 0 and %d", errBadSeconds, b, caption.MaxTime/time.Second)
	}
	*s = jsonSeconds(math.Round(f * float64(time.Second)))
	return nil
}

// Append appends d written in capconv's JSON schema, indented by two
// spaces. A chapter whose end is before its start is written without
// its end, which Read would refuse.
func Append(dst []byte, d *caption.Document) ([]byte, error) {
	return AppendTo(dst, d, nil)
}

// AppendTo is Append handing its output to sink as it goes (see
// text.Sink); it returns what sink has not taken yet. The cues are
// encoded one at a time, so that the document is never held twice.
func AppendTo(dst []byte, d *caption.Document, sink *text.Sink) ([]byte, error) {
	out := jsonDoc{Version: schemaVersion, Title: d.Title, Language: d.Language, Duration: jsonSeconds(d.Duration),
		SpeakersShown: d.SpeakersShown, Cues: []jsonCue{}}
	for _, c := range d.Chapters {
		end := c.End
		if end < c.Start {
			end = 0 // unknown: Read refuses an end before the start
		}
		out.Chapters = append(out.Chapters, jsonChapter{jsonSeconds(c.Start), jsonSeconds(end), c.Title})
	}
	b := bytes.NewBuffer(dst)
	if err := encoder(b, "").Encode(out); err != nil {
		return dst, err
	}
	if len(d.Cues) == 0 {
		return b.Bytes(), nil
	}
	// The head ends `"cues": []` and the closing brace: the cues go in
	// between, each encoded at its depth.
	head := b.Bytes()
	head = bytes.TrimSuffix(head, []byte("[]\n}\n"))
	b = bytes.NewBuffer(append(head, "[\n"...))
	enc := encoder(b, "    ")
	for i, c := range d.Cues {
		jc := jsonCue{ID: c.ID, Start: jsonSeconds(c.Start), End: jsonSeconds(c.End), Speaker: c.Speaker(), Lines: []string{}}
		for _, l := range c.Lines {
			jc.Lines = append(jc.Lines, l.Text)
			if jc.Speaker == "" && l.Speaker != "" {
				jc.Speakers = make([]string, len(c.Lines))
			}
		}
		if jc.Speakers != nil {
			for i, l := range c.Lines {
				jc.Speakers[i] = l.Speaker
			}
		}
		if c.Placement.Vertical != caption.Bottom {
			jc.Vertical = c.Placement.Vertical.String()
		}
		if c.Placement.Horizontal != caption.Center {
			jc.Horizontal = c.Placement.Horizontal.String()
		}
		jc.Dashes, jc.Spans = lineDashes(c.Lines), lineSpans(c.Lines)
		if i > 0 {
			b.WriteString(",\n")
		}
		b.WriteString("    ")
		if err := enc.Encode(jc); err != nil {
			return dst, err
		}
		b.Truncate(b.Len() - 1) // Encode's newline: a comma may follow
		if rest := sink.Spill(b.Bytes()); len(rest) == 0 {
			b = bytes.NewBuffer(rest)
			enc = encoder(b, "    ")
		}
	}
	b.WriteString("\n  ]\n}\n")
	return b.Bytes(), nil
}

// encoder returns the schema's encoder into b, its lines after the first
// indented by prefix: two spaces a level, "<" left as it is, since it is
// text, not markup, in this schema.
func encoder(b *bytes.Buffer, prefix string) *json.Encoder {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	return enc
}

// lineDashes returns each line's Dash, or nil when no line has one.
func lineDashes(lines []caption.Line) []bool {
	for _, l := range lines {
		if l.Dash {
			out := make([]bool, len(lines))
			for i, l := range lines {
				out[i] = l.Dash
			}
			return out
		}
	}
	return nil
}

// lineSpans returns each line's spans (nil for a plain line), or nil
// when every line is plain. Spans that do not join to their line's text
// break the model's invariant; they are left out, the text kept, since
// Read would refuse them.
func lineSpans(lines []caption.Line) [][]jsonSpan {
	var out [][]jsonSpan
	for i, l := range lines {
		if l.Spans == nil || !joinsTo(l.Spans, l.Text) {
			continue
		}
		if out == nil {
			out = make([][]jsonSpan, len(lines))
		}
		out[i] = make([]jsonSpan, len(l.Spans))
		for j, s := range l.Spans {
			st := s.Style
			out[i][j] = jsonSpan{Text: s.Text, Italic: st.Italic, Bold: st.Bold, Underline: st.Underline, Color: st.Color, Class: st.Class, Ruby: st.Ruby}
		}
	}
	return out
}

// joinsTo reports whether the texts of spans joined are text.
func joinsTo(spans []caption.Span, text string) bool {
	for _, s := range spans {
		t, ok := strings.CutPrefix(text, s.Text)
		if !ok {
			return false
		}
		text = t
	}
	return text == ""
}

// Read reads capconv's JSON schema. Unknown keys are ignored. Errors
// point at the offending cue or value: a cue whose "speakers" does not
// match its "lines" in length, or whose end is before its start, fails at
// that cue; a chapter whose end is before its start fails at that
// chapter; anything but white space after the object fails where it
// starts. Cues are sorted by start.
func Read(data []byte, o text.Source) (*caption.Document, error) {
	s, err := text.Decode(data, o)
	if err != nil {
		return nil, err
	}
	r := jsonReader{s: s, o: o, dec: json.NewDecoder(strings.NewReader(s))}
	jd, err := r.document()
	if err != nil {
		return nil, err
	}
	if len(jd.Cues) == 0 {
		return nil, text.Errorf(o.Pos(1), caption.ErrNoContent, "no cue: expected a JSON object with a non-empty \"cues\" array")
	}
	doc := &caption.Document{Title: jd.Title, Language: jd.Language, Duration: time.Duration(jd.Duration), SpeakersShown: jd.SpeakersShown}
	for _, c := range jd.Chapters {
		doc.Chapters = append(doc.Chapters, caption.Chapter{Start: time.Duration(c.Start), End: time.Duration(c.End), Title: c.Title})
	}
	for _, jc := range jd.Cues {
		c := caption.Cue{ID: jc.ID, Start: time.Duration(jc.Start), End: time.Duration(jc.End)}
		// cues() checked the names.
		c.Placement.Vertical, _ = parseVertical(jc.Vertical)
		c.Placement.Horizontal, _ = parseHorizontal(jc.Horizontal)
		for j, t := range jc.Lines {
			l := caption.Line{Speaker: jc.Speaker, Text: t}
			if jc.Speakers != nil {
				l.Speaker = jc.Speakers[j]
			}
			if jc.Dashes != nil {
				l.Dash = jc.Dashes[j]
			}
			if jc.Spans != nil {
				l.Spans = modelSpans(jc.Spans[j])
			}
			c.Lines = append(c.Lines, l)
		}
		doc.Cues = append(doc.Cues, c)
	}
	caption.SortCues(doc.Cues)
	return doc, nil
}

// jsonReader walks a JSON document token by token, so that each cue's
// errors can name where the cue starts.
type jsonReader struct {
	s   string
	o   text.Source
	dec *json.Decoder
}

// skip returns byte offset off moved past white space, commas and
// colons to the value that starts there.
func (r *jsonReader) skip(off int64) int64 {
	for off < int64(len(r.s)) && strings.IndexByte(" \t\r\n,:", r.s[off]) >= 0 {
		off++
	}
	return off
}

// at returns the position of the value at or after byte offset off.
func (r *jsonReader) at(off int64) caption.Position { return offsetPos(r.s, r.skip(off), r.o.File) }

// fail turns a decoding error into a ParseError at its offset, or at off.
// The offsets of Decode's errors count from the start of the value it
// decoded, the one at off; Token's count from the start of the input.
func (r *jsonReader) fail(err error, off int64, decoded bool) error {
	base := int64(0)
	if decoded {
		base = r.skip(off)
	}
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		// A Decoder's syntax offsets depend on its buffering; a fresh
		// scan of the whole input gives the true one.
		var v any
		if uerr := json.Unmarshal([]byte(r.s), &v); errors.As(uerr, &se) {
			return text.Errorf(offsetPos(r.s, se.Offset-1, r.o.File), caption.ErrSyntax, "%v", uerr)
		}
		return text.Errorf(r.at(off), caption.ErrSyntax, "%v", err)
	case errors.As(err, &te):
		// The offset is just past the value of the wrong type.
		return text.Errorf(offsetPos(r.s, base+te.Offset-1, r.o.File), caption.ErrSyntax, "%v", err)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		if strings.TrimSpace(r.s) == "" {
			return text.Errorf(r.o.Pos(1), caption.ErrNoContent, "empty file: expected a JSON object with \"cues\"")
		}
		return text.Errorf(offsetPos(r.s, int64(len(r.s)), r.o.File), caption.ErrSyntax, "unexpected end of JSON")
	case errors.Is(err, errBadSeconds):
		return text.Errorf(r.at(off), caption.ErrBadTimestamp, "%v", err)
	}
	return text.Errorf(r.at(off), caption.ErrSyntax, "%v", err)
}

// document reads the top-level object.
func (r *jsonReader) document() (jsonDoc, error) {
	var jd jsonDoc
	if tok, err := r.dec.Token(); err != nil || tok != json.Delim('{') {
		if err == nil {
			err = fmt.Errorf("%v: expected a JSON object with \"cues\"", tok)
		}
		return jd, r.fail(err, 0, false)
	}
	for r.dec.More() {
		off := r.dec.InputOffset()
		tok, err := r.dec.Token()
		if err != nil {
			return jd, r.fail(err, off, false)
		}
		key, _ := tok.(string)
		off = r.dec.InputOffset()
		switch key {
		case "cues":
			jd.Cues, err = r.cues()
		case "version":
			if err = r.dec.Decode(&jd.Version); err == nil && (jd.Version < 1 || jd.Version > schemaVersion) {
				return jd, text.Errorf(r.at(off), caption.ErrSyntax, "\"version\": %d: expected 1 to %d (a newer capconv wrote this file?)", jd.Version, schemaVersion)
			}
		case "speakers_shown":
			err = r.dec.Decode(&jd.SpeakersShown)
		case "title":
			if err = r.dec.Decode(&jd.Title); err == nil {
				jd.Title = r.replaceControls(jd.Title, off, "\"title\"")
			}
		case "language":
			err = r.dec.Decode(&jd.Language)
		case "duration":
			err = r.dec.Decode(&jd.Duration)
		case "chapters":
			jd.Chapters, err = r.chapters()
		default:
			var skip json.RawMessage
			err = r.dec.Decode(&skip)
		}
		if err != nil {
			var pe *caption.ParseError
			if errors.As(err, &pe) {
				return jd, err
			}
			return jd, r.fail(err, off, key != "cues" && key != "chapters")
		}
	}
	if _, err := r.dec.Token(); err != nil { // the closing brace
		return jd, r.fail(err, r.dec.InputOffset(), false)
	}
	if end := r.skipSpace(r.dec.InputOffset()); end < int64(len(r.s)) {
		return jd, text.Errorf(offsetPos(r.s, end, r.o.File), caption.ErrSyntax,
			"%.20q after the JSON object: expected the end of the file (one object per file)", r.s[end:])
	}
	return jd, nil
}

// skipSpace returns byte offset off moved past JSON white space.
func (r *jsonReader) skipSpace(off int64) int64 {
	for off < int64(len(r.s)) && strings.IndexByte(" \t\r\n", r.s[off]) >= 0 {
		off++
	}
	return off
}

// chapters reads the "chapters" array, checking each chapter where it
// starts: an end (when stated) must not be before the start.
func (r *jsonReader) chapters() ([]jsonChapter, error) {
	off := r.dec.InputOffset()
	if tok, err := r.dec.Token(); err != nil || tok != json.Delim('[') {
		if tok == nil && err == nil {
			return nil, nil // "chapters": null
		}
		if err == nil {
			err = fmt.Errorf("\"chapters\" is %v: expected an array", tok)
		}
		return nil, r.fail(err, off, false)
	}
	var out []jsonChapter
	for r.dec.More() {
		off := r.dec.InputOffset()
		var jc jsonChapter
		if err := r.dec.Decode(&jc); err != nil {
			return nil, r.fail(err, off, true)
		}
		if jc.End != 0 && jc.End < jc.Start {
			return nil, text.Errorf(r.at(off), caption.ErrBadTimestamp, "chapter %d %q: end %s is before start %s",
				len(out)+1, jc.Title, text.FormatClock(time.Duration(jc.End)), text.FormatClock(time.Duration(jc.Start)))
		}
		jc.Title = r.replaceControls(jc.Title, off, fmt.Sprintf("chapter %d", len(out)+1))
		out = append(out, jc)
	}
	if _, err := r.dec.Token(); err != nil {
		return nil, r.fail(err, r.dec.InputOffset(), false)
	}
	return out, nil
}

// replaceControls returns s, what names at byte offset off, with its
// control characters replaced as those of cue text are.
func (r *jsonReader) replaceControls(s string, off int64, what string) string {
	t := text.ReplaceControls(s)
	if t != s && r.o.Warn != nil {
		r.o.Warn(r.at(off), what+": control characters (escaped as \\u00XX): replaced by U+FFFD")
	}
	return t
}

// cues reads the "cues" array, checking each cue where it starts.
func (r *jsonReader) cues() ([]jsonCue, error) {
	off := r.dec.InputOffset()
	if tok, err := r.dec.Token(); err != nil || tok != json.Delim('[') {
		if err == nil {
			err = fmt.Errorf("\"cues\" is %v: expected an array", tok)
		}
		return nil, r.fail(err, off, false)
	}
	var out []jsonCue
	for r.dec.More() {
		off := r.dec.InputOffset()
		var jc jsonCue
		if err := r.dec.Decode(&jc); err != nil {
			return nil, r.fail(err, off, true)
		}
		switch {
		case jc.End < jc.Start:
			return nil, text.Errorf(r.at(off), caption.ErrBadTimestamp, "cue %d: end %s is before start %s",
				len(out)+1, text.FormatClock(time.Duration(jc.End)), text.FormatClock(time.Duration(jc.Start)))
		case jc.Speakers != nil && len(jc.Speakers) != len(jc.Lines):
			return nil, text.Errorf(r.at(off), caption.ErrSyntax, "cue %d: %d speakers for %d lines: expected one per line",
				len(out)+1, len(jc.Speakers), len(jc.Lines))
		}
		if err := checkCue(jc); err != nil {
			return nil, text.Errorf(r.at(off), caption.ErrSyntax, "cue %d: %v", len(out)+1, err)
		}
		if replaceControls(&jc) && r.o.Warn != nil {
			r.o.Warn(r.at(off), fmt.Sprintf("cue %d: control characters (escaped as \\u00XX): replaced by U+FFFD", len(out)+1))
		}
		out = append(out, jc)
	}
	_, err := r.dec.Token()
	if err != nil {
		return nil, r.fail(err, r.dec.InputOffset(), false)
	}
	return out, nil
}

// replaceControls replaces the control characters in c's text, which
// JSON escapes can hold and no other format carries, as text.Decode does
// in every other reader, so that the cue can be written in any format and
// read back. It reports whether it replaced any.
func replaceControls(c *jsonCue) bool {
	changed := false
	fix := func(s *string) {
		if t := text.ReplaceControls(*s); t != *s {
			*s, changed = t, true
		}
	}
	fix(&c.Speaker)
	for i := range c.Lines {
		fix(&c.Lines[i])
	}
	for i := range c.Speakers {
		fix(&c.Speakers[i])
	}
	for _, spans := range c.Spans {
		for j := range spans {
			fix(&spans[j].Text)
			fix(&spans[j].Ruby)
		}
	}
	return changed
}

// checkCue checks what version 2 added to a cue: placement names,
// dashes and spans line by line, spans that join to their line's text
// and colours as the model writes them.
func checkCue(jc jsonCue) error {
	if _, ok := parseVertical(jc.Vertical); !ok {
		return fmt.Errorf("\"vertical\": %q: expected \"top\", \"middle\" or \"bottom\"", jc.Vertical)
	}
	if _, ok := parseHorizontal(jc.Horizontal); !ok {
		return fmt.Errorf("\"horizontal\": %q: expected \"left\", \"center\" or \"right\"", jc.Horizontal)
	}
	if jc.Dashes != nil && len(jc.Dashes) != len(jc.Lines) {
		return fmt.Errorf("%d dashes for %d lines: expected one per line", len(jc.Dashes), len(jc.Lines))
	}
	if jc.Spans != nil && len(jc.Spans) != len(jc.Lines) {
		return fmt.Errorf("%d span lists for %d lines: expected one per line (null for a plain line)", len(jc.Spans), len(jc.Lines))
	}
	for i, spans := range jc.Spans {
		var b strings.Builder
		for _, s := range spans {
			if s.Color != "" && !isColor(s.Color) {
				return fmt.Errorf("line %d: span %q: color %q: expected \"#rrggbb\" or \"#rrggbbaa\" in lower case", i+1, s.Text, s.Color)
			}
			b.WriteString(s.Text)
		}
		if spans != nil && b.String() != jc.Lines[i] {
			return fmt.Errorf("line %d: spans join to %q, not to the line's text %q", i+1, b.String(), jc.Lines[i])
		}
	}
	return nil
}

// isColor reports whether c is "#rrggbb" or "#rrggbbaa" in lower case.
func isColor(c string) bool {
	if len(c) != 7 && len(c) != 9 || c[0] != '#' {
		return false
	}
	for i := 1; i < len(c); i++ {
		if !(c[i] >= '0' && c[i] <= '9' || c[i] >= 'a' && c[i] <= 'f') {
			return false
		}
	}
	return true
}

// modelSpans returns spans as the model's, nil when they are all plain
// (the model's plain line).
func modelSpans(spans []jsonSpan) []caption.Span {
	var out []caption.Span
	plain := true
	for _, s := range spans {
		st := caption.Style{Italic: s.Italic, Bold: s.Bold, Underline: s.Underline, Color: s.Color, Class: s.Class, Ruby: s.Ruby}
		plain = plain && st.IsPlain()
		out = append(out, caption.Span{Text: s.Text, Style: st})
	}
	if plain {
		return nil
	}
	return out
}

// parseVertical reads a "vertical" name; "" is the bottom.
func parseVertical(s string) (caption.Vertical, bool) {
	for _, v := range [...]caption.Vertical{caption.Bottom, caption.Middle, caption.Top} {
		if s == v.String() || s == "" {
			return v, true
		}
	}
	return caption.Bottom, false
}

// parseHorizontal reads a "horizontal" name; "" is the centre.
func parseHorizontal(s string) (caption.Horizontal, bool) {
	for _, h := range [...]caption.Horizontal{caption.Center, caption.Left, caption.Right} {
		if s == h.String() || s == "" {
			return h, true
		}
	}
	return caption.Center, false
}

// offsetPos turns a byte offset in s into a position.
func offsetPos(s string, off int64, file string) caption.Position {
	off = min(max(off, 0), int64(len(s)))
	line, start := 1, 0
	for i := 0; i < int(off); i++ {
		if s[i] == '\n' {
			line, start = line+1, i+1
		}
	}
	return caption.Position{File: file, Line: line, Col: utf8.RuneCountInString(s[start:off]) + 1}
}

// Sniff reports whether head, the decoded start of a file, opens a JSON
// object.
func Sniff(head []byte) bool { return bytes.HasPrefix(bytes.TrimLeft(head, " \t\r\n"), []byte("{")) }
