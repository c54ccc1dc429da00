package convert

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// roundDoc returns d with every time rounded to unit, for comparing
// documents across a writer that rounds.
func roundDoc(d *Document, unit time.Duration) *Document {
	c := cloneDoc(d)
	c.Duration = c.Duration.Round(unit)
	c.Chapters = append([]Chapter(nil), d.Chapters...)
	for i := range c.Chapters {
		c.Chapters[i].Start, c.Chapters[i].End = c.Chapters[i].Start.Round(unit), c.Chapters[i].End.Round(unit)
	}
	for i := range c.Cues {
		c.Cues[i].Start, c.Cues[i].End = c.Cues[i].Start.Round(unit), c.Cues[i].End.Round(unit)
		if len(c.Cues[i].Lines) == 0 {
			c.Cues[i].Lines = nil
		}
	}
	return c
}

// fuzzRoundTrip is the body every FuzzRead target shares: read must not
// panic and must fail with a *ParseError or give a document that write
// and read turn into the same document, times rounded to unit.
func fuzzRoundTrip(t *testing.T, data []byte, read func([]byte, ReadOptions) (*Document, error),
	write func(*bytes.Buffer, *Document) error, reread func([]byte, ReadOptions) (*Document, error), unit time.Duration) {
	doc, err := read(data, ReadOptions{})
	if err != nil {
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("read() error %v is not a *ParseError", err)
		}
		return
	}
	var b bytes.Buffer
	if err := write(&b, doc); err != nil {
		t.Fatal(err)
	}
	again, err := reread(b.Bytes(), ReadOptions{})
	if err != nil {
		t.Fatalf("reading what was written: %v\n%q", err, b.String())
	}
	if d := cmp.Diff(roundDoc(doc, unit), roundDoc(again, unit)); d != "" {
		t.Errorf("round trip mismatch (-first +second):\n%s\n%q", d, b.String())
	}
}

// addSeeds adds the files matching pattern under ../testdata as seeds.
func addSeeds(f *testing.F, patterns ...string) {
	for _, pattern := range patterns {
		paths, _ := filepath.Glob(filepath.Join("..", "testdata", pattern))
		for _, p := range paths {
			data := mustRead(f, p)
			// Small seeds keep the mutator fast on a shared machine.
			if len(data) > 4000 {
				data = data[:4000]
			}
			f.Add(data)
		}
	}
}

func FuzzReadASS(f *testing.F) {
	addSeeds(f, "*.golden.ass", "malformed/*.ass", "invalid/*.ass")
	var b bytes.Buffer
	if err := writeASS(&b, safety, WriteOptions{}); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Add([]byte("[Script Info]\nTitle: t\n[Events]\nFormat: Marked, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n" +
		"Dialogue: Marked=0,0:00:01.00,0:00:02.00,*Default,A,0,0,0,,{\\b1}x\\Ny\\h{z\n" +
		"Dialogue: Marked=0,0:00:01.00,0:00:02.00,*Default,B,0,0,0,,\\{w\\}\\\u2060n\n"))
	// Found by fuzzing: a trailing U+00A0 was trimmed as space on reading.
	f.Add([]byte(assEvents + "Dialogue: 0,0:00:00.00,0:00:00.00,Default,,0,0,0,,000000000\u00a0\n"))
	f.Add([]byte("0000000000000000000000\n[Events]\nFormat:" + strings.Repeat("0", 74) + ", TeXt\nDialogue:" + strings.Repeat("0", 49) + ",000000000\\h"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRoundTrip(t, data, readASS, func(b *bytes.Buffer, d *Document) error { return writeASS(b, d, WriteOptions{}) }, readASS, 10*time.Millisecond)
	})
}

func FuzzReadJSON(f *testing.F) {
	addSeeds(f, "*.golden.json")
	var b bytes.Buffer
	if err := writeJSON(&b, safety, WriteOptions{}); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Add([]byte(`{"cues": [{"start": 1.0005, "end": 2, "speaker": "A", "lines": ["x", ""], "speakers": ["", "B"]}], "chapters": [{"start": 0, "title": "c"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRoundTrip(t, data, readJSON, func(b *bytes.Buffer, d *Document) error { return writeJSON(b, d, WriteOptions{}) }, readJSON, time.Millisecond)
	})
}

// FuzzReadSTL feeds astisub's STL reader through readSTL: a malformed
// file must be an error, never a panic, and what reads must survive
// capconv's JSON, which carries the whole model.
func FuzzReadSTL(f *testing.F) {
	for _, d := range []*Document{safety, {Title: "x", Cues: []Cue{{Start: ms(40), End: ms(80), Lines: say("", "a", "b")}}}} {
		var b bytes.Buffer
		if err := toAstisub(d).WriteToSTL(&b); err != nil {
			f.Fatal(err)
		}
		f.Add(b.Bytes())
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRoundTrip(t, data, readSTL, func(b *bytes.Buffer, d *Document) error { return writeJSON(b, d, WriteOptions{}) }, readJSON, time.Millisecond)
	})
}
