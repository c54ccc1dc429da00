// Package captest holds what the tests of convert and of every codec
// share: documents that are hard to carry (escaping, right-to-left
// scripts, emoji, dialogue), the round trip every FuzzRead target runs,
// and the table runners for readers. It is imported by tests only.
package captest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/asticode/go-astisub"
	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/text"
	"github.com/google/go-cmp/cmp"
)

// Ms returns n milliseconds.
func Ms(n int64) time.Duration { return time.Duration(n) * time.Millisecond }

// Say builds lines of text for one speaker.
func Say(speaker string, texts ...string) []caption.Line {
	out := make([]caption.Line, len(texts))
	for i, t := range texts {
		out[i] = caption.Line{Speaker: speaker, Text: t}
	}
	return out
}

// Dashed returns lines with the first one marked as opened by a
// dialogue dash.
func Dashed(lines []caption.Line) []caption.Line {
	if len(lines) > 0 {
		lines[0].Dash = true
	}
	return lines
}

// Cat joins runs of lines, such as those of Say for several speakers.
func Cat(parts ...[]caption.Line) []caption.Line {
	var out []caption.Line
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// MustRead returns the content of the file at path or fails the test.
func MustRead(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// Testdata returns the path of elem in the module's testdata directory,
// relative to the package directory go test runs in, however deep it is.
func Testdata(elem ...string) string {
	dir, err := os.Getwd()
	if err != nil {
		panic(err)
	}
	up := "."
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(append([]string{up, "testdata"}, elem...)...)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			panic("captest: no go.mod above " + dir)
		}
		dir, up = parent, filepath.Join(up, "..")
	}
}

// Tricky returns cues whose text tests escaping, bidirectional text,
// emoji and combining characters in round trips, with a dialogue cue and
// times past 100 hours.
func Tricky() []caption.Cue {
	return []caption.Cue{
		{Start: 0, End: Ms(1500), Lines: Say("Ann", "Fish & chips", "a <b> c > d --> e")},
		{Start: Ms(1500), End: Ms(3000), Lines: Say("Ann", "שלום עולם, مرحبا")},
		{Start: Ms(3250), End: Ms(5000), Lines: Cat(Say("Bob", "🎉 party 👩‍👩‍👧"), Say("Ann", "e\u0301te\u0301 cafe\u0301"))},
		{Start: Ms(5000), End: Ms(3600000 + 61001), Lines: Say("Bob", "T&amp;C &lt;not an entity&gt;")},
		{Start: Ms(100*3600000 + 7), End: Ms(100*3600000 + 999), Lines: Say("Carla Díaz", "- a dash that is text")},
	}
}

// Safety returns text that every format must carry unchanged: markup and
// escaping characters, the cue arrow, right-to-left scripts, emoji with
// joiners and combining characters, and a dialogue cue of two speakers.
func Safety() *caption.Document {
	return &caption.Document{Title: "Tom & Jerry <live>", Language: "he", Cues: []caption.Cue{
		{ID: "a1", Start: 0, End: Ms(1500), Lines: Say("Ann", "Fish & chips", "a <b> c > d --> e")},
		{ID: "a2", Start: Ms(1500), End: Ms(3000), Lines: Say("Ann", "שלום עולם, مرحبا")},
		{ID: "a3", Start: Ms(3250), End: Ms(5000), Lines: Cat(Say("Bob", "🎉 party 👩‍👩‍👧"), Say("Ann", "e\u0301te\u0301 cafe\u0301"))},
		{ID: "a4", Start: Ms(5000), End: Ms(3600000 + 61000), Lines: Say("Bob", "T&amp;C &lt;not an entity&gt; {braces} \\N")},
		{ID: "a5", Start: Ms(3600000 + 61000), End: Ms(3600000 + 62000), Lines: Say("Ann", "Still me.")},
	}}
}

// CloneDoc copies d deeply enough for a test to edit its cues and lines.
func CloneDoc(d *caption.Document) *caption.Document {
	c := *d
	c.Cues = append([]caption.Cue(nil), d.Cues...)
	for i := range c.Cues {
		c.Cues[i].Lines = append([]caption.Line(nil), d.Cues[i].Lines...)
	}
	return &c
}

// RoundDoc returns d with every time rounded to unit, for comparing
// documents across a writer that rounds.
func RoundDoc(d *caption.Document, unit time.Duration) *caption.Document {
	c := CloneDoc(d)
	c.Duration = c.Duration.Round(unit)
	c.Chapters = append([]caption.Chapter(nil), d.Chapters...)
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

// ReadFunc is a codec's reader.
type ReadFunc func(data []byte, o text.Source) (*caption.Document, error)

// AppendFunc is a codec's writer, with its options bound.
type AppendFunc func(b []byte, d *caption.Document) ([]byte, error)

// FuzzRoundTrip is the body every FuzzRead target shares: read must not
// panic and must fail with a *caption.ParseError or give a document that
// write and reread turn into the same document, times rounded to unit.
func FuzzRoundTrip(t *testing.T, data []byte, read ReadFunc, write AppendFunc, reread ReadFunc, unit time.Duration) {
	t.Helper()
	doc, err := read(data, text.Source{})
	if err != nil {
		var pe *caption.ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("read() error %v is not a *ParseError", err)
		}
		return
	}
	b, err := write(nil, doc)
	if err != nil {
		t.Fatal(err)
	}
	again, err := reread(b, text.Source{})
	if err != nil {
		t.Fatalf("reading what was written: %v\n%q", err, b)
	}
	if d := cmp.Diff(RoundDoc(doc, unit), RoundDoc(again, unit)); d != "" {
		t.Errorf("round trip mismatch (-first +second):\n%s\n%q", d, b)
	}
}

// AddSeeds adds the files matching each pattern under testdata (see
// Testdata) as seeds, cut to 4000 bytes.
func AddSeeds(f *testing.F, patterns ...string) {
	for _, pattern := range patterns {
		paths, _ := filepath.Glob(Testdata(pattern))
		for _, p := range paths {
			data := MustRead(f, p)
			// Small seeds keep the mutator fast on a shared machine.
			if len(data) > 4000 {
				data = data[:4000]
			}
			f.Add(data)
		}
	}
}

// InvalidCase is one input that a reader must refuse.
type InvalidCase struct {
	Name  string
	Input string // used when File is ""
	File  string // in testdata/invalid
	Line  int
	Col   int // 0: not checked
	Err   error
	Msg   string // a part of the message ("" : not checked)
}

// CheckInvalid reads each case with read and checks that it fails with a
// *caption.ParseError wrapping its Err at its Line (and Col).
func CheckInvalid(t *testing.T, read ReadFunc, tests []InvalidCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.Name, func(t *testing.T) {
			data := []byte(tc.Input)
			if tc.File != "" {
				data = MustRead(t, Testdata("invalid", tc.File))
			}
			doc, err := read(data, text.Source{File: tc.File})
			var pe *caption.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("read() = %v, %v; want a *ParseError", doc, err)
			}
			if !errors.Is(err, tc.Err) {
				t.Errorf("read() error %q does not wrap %q", err, tc.Err)
			}
			if pe.Pos.Line != tc.Line || (tc.Col != 0 && pe.Pos.Col != tc.Col) {
				t.Errorf("read() error at %d:%d, want %d:%d (%v)", pe.Pos.Line, pe.Pos.Col, tc.Line, tc.Col, err)
			}
			if !strings.Contains(err.Error(), tc.Msg) {
				t.Errorf("read() error %q does not say %q", err, tc.Msg)
			}
		})
	}
}

// CheckReadCues reads file (under testdata) or, when file is "", input
// with read, and checks the number of cues and the cues of want by index.
func CheckReadCues(t *testing.T, read ReadFunc, file, input string, count int, want map[int]caption.Cue) {
	t.Helper()
	data := []byte(input)
	if file != "" {
		data = MustRead(t, Testdata(file))
	}
	doc, err := read(data, text.Source{File: file})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Cues) != count {
		t.Fatalf("read %d cues, want %d", len(doc.Cues), count)
	}
	for i, w := range want {
		if d := cmp.Diff(w, doc.Cues[i]); d != "" {
			t.Errorf("cue %d mismatch (-want +got):\n%s", i, d)
		}
	}
}

// RoundTripDiff compares cues after a write and a read, in milliseconds.
func RoundTripDiff(want, got []caption.Cue) string {
	round := func(cs []caption.Cue) []caption.Cue {
		out := make([]caption.Cue, len(cs))
		for i, c := range cs {
			c.Start, c.End = c.Start.Round(time.Millisecond), c.End.Round(time.Millisecond)
			if len(c.Lines) == 0 {
				c.Lines = nil
			}
			out[i] = c
		}
		return out
	}
	return cmp.Diff(round(want), round(got))
}

// CompareAstisub compares cue count, times and text of subs, read by
// astisub from what a capconv writer wrote, with doc; text renders line l
// of cue c as the writer wrote it.
func CompareAstisub(t *testing.T, doc *caption.Document, subs *astisub.Subtitles, text func(c caption.Cue, l caption.Line) string) {
	t.Helper()
	if len(subs.Items) != len(doc.Cues) {
		t.Fatalf("astisub read %d cues, want %d", len(subs.Items), len(doc.Cues))
	}
	for i, c := range doc.Cues {
		it := subs.Items[i]
		var want, got []string
		for _, l := range c.Lines {
			if l.Text != "" {
				want = append(want, text(c, l))
			}
		}
		for _, l := range it.Lines {
			// astisub keeps a trailing blank line of the last cue, and
			// reads "<v Name></v>" as an empty line.
			if s := l.String(); s != "" {
				got = append(got, s)
			}
		}
		if it.StartAt != c.Start || it.EndAt != c.End {
			t.Errorf("cue %d: astisub times %v --> %v, want %v --> %v", i, it.StartAt, it.EndAt, c.Start, c.End)
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("cue %d: astisub text mismatch (-want +got):\n%s", i, d)
		}
	}
}
