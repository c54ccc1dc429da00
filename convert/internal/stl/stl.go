// Package stl reads EBU Tech 3264 subtitle files through go-astisub, the
// only place capconv uses it.
package stl

import (
	"bytes"
	"sort"
	"strings"

	"github.com/asticode/go-astisub"
	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/text"
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
// programme title and the language when astisub knows it. STL has no
// speaker field; labels in the text are read by ReadOptions.Labels.
// astisub's errors carry no position, so they are reported at the file.
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
	subs, err := astisub.ReadFromSTL(bytes.NewReader(data), astisub.STLOptions{})
	if err != nil {
		return nil, text.Errorf(o.Pos(0), caption.ErrSyntax, "EBU STL: %v", err)
	}
	doc = fromAstisub(subs)
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

// fromAstisub maps astisub subtitles to a Document: each item a cue, each
// line of it a Line whose speaker is its VoiceName. Empty lines are left
// out and cues are sorted by start. Bytes astisub could not decode become
// U+FFFD here, so that what capconv writes reads back the same.
func fromAstisub(s *astisub.Subtitles) *caption.Document {
	doc := &caption.Document{}
	if s.Metadata != nil {
		doc.Title = strings.ToValidUTF8(strings.TrimSpace(s.Metadata.Title), "\uFFFD")
		doc.Language = stlLanguages[s.Metadata.Language]
	}
	for _, it := range s.Items {
		c := caption.Cue{Start: it.StartAt, End: it.EndAt}
		for _, l := range it.Lines {
			var b strings.Builder
			for _, li := range l.Items {
				b.WriteString(li.Text)
			}
			if t := strings.ToValidUTF8(strings.TrimSpace(b.String()), "\uFFFD"); t != "" {
				speaker := strings.ToValidUTF8(strings.TrimSpace(l.VoiceName), "\uFFFD")
				c.Lines = append(c.Lines, caption.Line{Speaker: speaker, Text: t})
			}
		}
		doc.Cues = append(doc.Cues, c)
	}
	sort.SliceStable(doc.Cues, func(i, j int) bool { return doc.Cues[i].Start < doc.Cues[j].Start })
	return doc
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
