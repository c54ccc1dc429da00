// Package stl reads EBU Tech 3264 subtitle files through go-astisub, the
// only place capconv uses it.
package stl

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/asticode/go-astisub"
	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/text"
	"golang.org/x/text/encoding/charmap"
)

// This file is the one place where capconv meets go-astisub: toAstisub and
// fromAstisub map the model to astisub's and back. capconv uses astisub
// for EBU STL, a binary format with code pages and teletext control codes
// that astisub decodes well. It does not use it for SRT, WebVTT, TTML and
// ASS, where astisub v0.39.0 loses speakers, cue identifiers or escaping
// (the tests in astisub_test.go show each case). astisub types never
// leave this file.

// stlLanguages maps astisub's STL language names to BCP 47 tags.
var stlLanguages = map[string]string{
	astisub.LanguageChinese: "zh", astisub.LanguageEnglish: "en", astisub.LanguageFrench: "fr",
	astisub.LanguageJapanese: "ja", astisub.LanguageNorwegian: "no",
}

// Read reads EBU STL (Tech 3264) through astisub: times relative to
// the programme's start timecode, text rows as lines, the original
// programme title (decoded from the header's code page, see gsiTitle)
// and the language when astisub knows it. A TTI block count that differs
// from the header's is a warning (see checkBlockCount). STL has no
// speaker field; labels in the text are read by ReadOptions.Labels.
// The GSI block is checked before astisub reads it (see checkGSI), so
// that its errors name the field and what was expected; what astisub
// still refuses is reported at the file, in words of the file.
func Read(data []byte, o text.Source) (doc *caption.Document, err error) {
	if len(data) < 1024 {
		return nil, text.Errorf(o.Pos(0), caption.ErrSyntax, "%d bytes: an EBU STL file starts with a 1024-byte GSI block", len(data))
	}
	defer func() {
		// astisub indexes its input without bounds checks in places; a
		// malformed file must be an error, not a crash.
		if r := recover(); r != nil {
			doc, err = nil, text.Errorf(o.Pos(0), caption.ErrSyntax, "malformed EBU STL: %v", r)
		}
	}()
	data, err = checkGSI(checkBlockCount(data, o), o)
	if err != nil {
		return nil, err
	}
	subs, err := astisub.ReadFromSTL(bytes.NewReader(data), astisub.STLOptions{})
	if err != nil {
		return nil, astisubError(err, o)
	}
	doc = fromAstisub(subs, data)
	doc.Title = gsiTitle(data, o)
	if len(doc.Cues) == 0 {
		return nil, text.Errorf(o.Pos(0), caption.ErrNoContent, "no subtitle in the EBU STL file")
	}
	for _, c := range doc.Cues {
		if c.Start < 0 || c.End < c.Start {
			return nil, text.Errorf(o.Pos(0), caption.ErrBadTimestamp, "subtitle %s --> %s: expected 0 <= start <= end", text.FormatClock(c.Start), text.FormatClock(c.End))
		}
	}
	return doc, nil
}

// GSI block fields capconv reads itself (EBU Tech 3264, section 3): the
// code page number and the total number of TTI blocks, as byte ranges
// (the title is gsiOPT).
const (
	gsiCPN, gsiCPNEnd = 0, 3
	gsiTNB, gsiTNBEnd = 238, 243
	ttiSize           = 128
	gsiSize           = 1024
)

// gsiField is a field of the GSI block: its byte range, its code in
// Tech 3264 and what it holds, for messages.
type gsiField struct {
	from, to   int
	code, name string
}

// text returns f's value in the GSI block gsi, trimmed as astisub trims it.
func (f gsiField) text(gsi []byte) string { return strings.TrimSpace(string(gsi[f.from:f.to])) }

// String names f in messages: `creation date (CD, bytes 224-229)`.
func (f gsiField) String() string {
	return fmt.Sprintf("%s (%s, bytes %d-%d)", f.name, f.code, f.from, f.to-1)
}

// The GSI fields capconv reads, and those astisub parses and may refuse.
var (
	gsiDFC = gsiField{3, 11, "DFC", "disk format code"}
	gsiOPT = gsiField{16, 48, "OPT", "original programme title"}
	gsiCCT = gsiField{12, 14, "CCT", "character code table"}
	gsiCD  = gsiField{224, 230, "CD", "creation date"}
	gsiRD  = gsiField{230, 236, "RD", "revision date"}
	gsiTNS = gsiField{243, 248, "TNS", "total number of subtitles"}
	gsiTNG = gsiField{248, 251, "TNG", "total number of subtitle groups"}
	gsiMNC = gsiField{251, 253, "MNC", "maximum number of characters in a row"}
	gsiMNR = gsiField{253, 255, "MNR", "maximum number of rows"}
	gsiTCP = gsiField{256, 264, "TCP", "start-of-programme timecode"}
	gsiTCF = gsiField{264, 272, "TCF", "first in-cue timecode"}
)

// checkGSI checks the fields of data's GSI block that astisub parses,
// whose errors would otherwise speak of astisub's own names
// ("parsing creationDate … 060102") or crash it. Fields that decide
// what is read (the frame rate, the character table, the programme's
// start) must be right: anything else fails, naming the field and what
// was expected. Fields capconv does not use (dates, counts, the first
// in-cue timecode) are blanked with a warning when malformed, which
// astisub then skips: a wrong creation date does not lose the subtitles.
func checkGSI(data []byte, o text.Source) ([]byte, error) {
	gsi := data[:gsiSize]
	if v := string(gsi[gsiDFC.from:gsiDFC.to]); v != "STL25.01" && v != "STL30.01" {
		return nil, text.Errorf(o.Pos(0), caption.ErrSyntax, "GSI block: %v %q: expected STL25.01 or STL30.01", gsiDFC, v)
	}
	if v := string(gsi[gsiCCT.from:gsiCCT.to]); v != "00" {
		return nil, text.Errorf(o.Pos(0), caption.ErrSyntax, "GSI block: %v %q: capconv reads only 00, Latin (ISO 6937)", gsiCCT, v)
	}
	if v := gsiTCP.text(gsi); v != "" && !isTimecode(v) {
		return nil, text.Errorf(o.Pos(0), caption.ErrBadTimestamp, "GSI block: %v %q: expected HHMMSSFF", gsiTCP, v)
	}
	var blank []gsiField
	for _, f := range []gsiField{gsiCD, gsiRD} {
		if v := f.text(gsi); v != "" && !isDate(v) {
			o.Warnf(0, "GSI block: %v %q: expected YYMMDD; ignored", f, v)
			blank = append(blank, f)
		}
	}
	for _, f := range []gsiField{gsiTNS, gsiTNG, gsiMNC, gsiMNR} {
		if v := f.text(gsi); v != "" && !isNumber(v) {
			o.Warnf(0, "GSI block: %v %q: expected a number; ignored", f, v)
			blank = append(blank, f)
		}
	}
	if v := gsiTCF.text(gsi); v != "" && !isTimecode(v) {
		o.Warnf(0, "GSI block: %v %q: expected HHMMSSFF; ignored", gsiTCF, v)
		blank = append(blank, gsiTCF)
	}
	if len(blank) > 0 {
		data = append([]byte(nil), data...)
		for _, f := range blank {
			copy(data[f.from:f.to], strings.Repeat(" ", f.to-f.from))
		}
	}
	return data, nil
}

// isDate reports whether s is a date as YYMMDD, as astisub parses it.
func isDate(s string) bool {
	_, err := time.Parse("060102", s)
	return err == nil && len(s) == 6
}

// isNumber reports whether s reads as a number (strconv.Atoi, as astisub
// reads it).
func isNumber(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

// isTimecode reports whether s is HHMMSSFF: eight digits.
func isTimecode(s string) bool {
	if len(s) != 8 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// astisubError turns an error astisub returns for a file checkGSI let
// through into one naming the file and what it holds, without astisub's
// words for its own code.
func astisubError(err error, o text.Source) error {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "teletext control code in open text"):
		return text.Errorf(o.Pos(0), caption.ErrSyntax, "TTI block: a teletext control code in open subtitling text (GSI display standard code, byte 11, is 0)")
	}
	msg = strings.ReplaceAll(msg, "astisub: ", "")
	return text.Errorf(o.Pos(0), caption.ErrSyntax, "EBU STL: %s", msg)
}

// codePages are the GSI code pages (CPN) of Tech 3264, in which the
// header's text fields are written.
var codePages = map[string]*charmap.Charmap{
	"437": charmap.CodePage437, // United States
	"850": charmap.CodePage850, // Multilingual
	"860": charmap.CodePage860, // Portugal
	"863": charmap.CodePage863, // Canada-French
	"865": charmap.CodePage865, // Nordic
}

// gsiTitle returns the original programme title of data's GSI block,
// decoded from the code page the block names. astisub keeps the raw
// bytes, which are not UTF-8 once a title holds a letter such as "é"
// (0x82 in code page 850). An unknown code page is read as 850, the
// multilingual one, with a warning.
func gsiTitle(data []byte, o text.Source) string {
	raw := data[gsiOPT.from:gsiOPT.to]
	cpn := string(data[gsiCPN:gsiCPNEnd])
	cm, ok := codePages[cpn]
	if !ok {
		cm = charmap.CodePage850
		if !isASCII(raw) {
			o.Warnf(0, "GSI code page %q (bytes 0-2) is none of 437, 850, 860, 863, 865: title read as code page 850", cpn)
		}
	}
	b, err := cm.NewDecoder().Bytes(raw)
	if err != nil { // a charmap maps every byte: not reached
		return strings.ToValidUTF8(strings.TrimSpace(string(raw)), "\uFFFD")
	}
	title := strings.TrimSpace(string(b))
	// Code pages keep bytes below 0x20 as C0 controls, which the text
	// readers replace (see text.Decode): so must this one, for the title
	// to read back from what capconv writes.
	if t := text.ReplaceControls(title); t != title {
		o.Warnf(0, "GSI block: control characters in the %v: replaced by U+FFFD", gsiOPT)
		title = t
	}
	return title
}

// isASCII reports whether b holds ASCII bytes only.
func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// checkBlockCount warns when the number of TTI blocks in data differs
// from the total its GSI block states (TNB), or when the file ends inside
// a block: the file was cut short or joined to another, and subtitles
// may be missing. It returns what astisub can read: data without a
// partial last block, and with the count of blocks for a TNB that is no
// number (astisub refuses both), so that the blocks that are there are
// read all the same.
func checkBlockCount(data []byte, o text.Source) []byte {
	blocks, rest := (len(data)-gsiSize)/ttiSize, (len(data)-gsiSize)%ttiSize
	if rest != 0 {
		o.Warnf(0, "%d bytes after the last whole TTI block: expected a multiple of %d bytes after the %d-byte GSI block; left out", rest, ttiSize, gsiSize)
		data = data[:len(data)-rest]
	}
	field := strings.TrimSpace(string(data[gsiTNB:gsiTNBEnd]))
	switch tnb, err := strconv.Atoi(field); {
	case err != nil:
		o.Warnf(0, "GSI total number of TTI blocks (TNB, bytes 238-242) %q: expected a number; the file holds %d", field, blocks)
		data = append([]byte(nil), data...)
		copy(data[gsiTNB:gsiTNBEnd], fmt.Sprintf("%05d", min(blocks, 99999)))
	case tnb != blocks:
		o.Warnf(0, "the GSI header says %d TTI blocks (TNB), the file holds %d: it may have been cut short or joined to another", tnb, blocks)
	}
	return data
}

// fromAstisub maps astisub subtitles to a Document: each item a cue, each
// line of it a Line whose speaker is its VoiceName. Empty lines are left
// out, a subtitle's extension blocks are joined to it (see
// joinExtensions, which reads their headers from data, the file), and
// cues are sorted by start. Bytes astisub could not decode become
// U+FFFD here, so that what capconv writes reads back the same.
func fromAstisub(s *astisub.Subtitles, data []byte) *caption.Document {
	doc := &caption.Document{}
	if s.Metadata != nil {
		doc.Title = strings.ToValidUTF8(strings.TrimSpace(s.Metadata.Title), "\uFFFD")
		doc.Language = stlLanguages[s.Metadata.Language]
	}
	for _, it := range s.Items {
		c := caption.Cue{Start: it.StartAt, End: it.EndAt, Placement: placementOf(it.InlineStyle)}
		for _, l := range it.Lines {
			var spans []caption.Span
			for k, li := range l.Items {
				// ISO 6937's dash (0xD0) is the horizontal bar, which
				// subtitles mean as the em dash.
				t := strings.ReplaceAll(strings.ToValidUTF8(li.Text, "\uFFFD"), "\u2015", "\u2014")
				italic := li.InlineStyle != nil && li.InlineStyle.STLItalics != nil && *li.InlineStyle.STLItalics
				// Teletext shows a control code as a space: the one that
				// switched the style between two items stood for one,
				// outside the italics.
				if k > 0 && t != "" && !strings.HasPrefix(t, " ") && len(spans) > 0 && !strings.HasSuffix(spans[len(spans)-1].Text, " ") {
					if prev := &spans[len(spans)-1]; !prev.Style.Italic {
						prev.Text += " "
					} else {
						t = " " + t
					}
				}
				spans = append(spans, caption.Span{Text: t, Style: caption.Style{Italic: italic}})
			}
			line := caption.StyledLine(strings.ToValidUTF8(strings.TrimSpace(l.VoiceName), "\uFFFD"), spans)
			if line.Text != "" {
				c.Lines = append(c.Lines, line)
			}
		}
		doc.Cues = append(doc.Cues, c)
	}
	doc.Cues = joinExtensions(doc.Cues, data)
	sort.SliceStable(doc.Cues, func(i, j int) bool { return doc.Cues[i].Start < doc.Cues[j].Start })
	return doc
}

// placementOf returns where a TTI block puts its subtitle: teletext's
// vertical position is the row of its first line, 1 to 23, read by
// thirds of the screen; the justification code says left, centre or
// right.
func placementOf(st *astisub.StyleAttributes) caption.Placement {
	var p caption.Placement
	if st == nil {
		return p
	}
	if pos := st.STLPosition; pos != nil && pos.VerticalPosition > 0 {
		rows := max(pos.MaxRows, 23)
		switch {
		case pos.VerticalPosition <= rows/3:
			p.Vertical = caption.Top
		case pos.VerticalPosition+pos.Rows-1 <= 2*rows/3:
			p.Vertical = caption.Middle
		}
	}
	if j := st.STLJustification; j != nil {
		switch *j {
		case astisub.JustificationLeft:
			p.Horizontal = caption.Left
		case astisub.JustificationRight:
			p.Horizontal = caption.Right
		}
	}
	return p
}

// toAstisub maps a Document to astisub subtitles: each cue an item, each
// line an astisub line with its speaker as VoiceName, the title and
// language as metadata.
func toAstisub(d *caption.Document) *astisub.Subtitles {
	s := astisub.NewSubtitles()
	s.Metadata = &astisub.Metadata{Title: d.Title}
	for name, tag := range stlLanguages {
		if tag == d.Language {
			s.Metadata.Language = name
		}
	}
	for i, c := range d.Cues {
		it := &astisub.Item{Index: i + 1, StartAt: c.Start, EndAt: c.End}
		for _, l := range c.Lines {
			it.Lines = append(it.Lines, astisub.Line{VoiceName: l.Speaker, Items: []astisub.LineItem{{Text: l.Text}}})
		}
		s.Items = append(s.Items, it)
	}
	return s
}

// Sniff reports whether data opens with an EBU STL GSI block: a code page
// number, then "STL25.01" or "STL30.01".
func Sniff(data []byte) bool {
	if len(data) < 11 || string(data[3:6]) != "STL" {
		return false
	}
	for _, c := range data[:3] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
