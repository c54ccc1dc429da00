package transcript

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/captest"
	"github.com/capconv/capconv/convert/internal/text"
	"github.com/google/go-cmp/cmp"
)

func sec(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

func readTranscriptString(t *testing.T, s string) (*caption.Document, []string, error) {
	t.Helper()
	var warnings []string
	doc, err := Read([]byte(s), text.Source{File: "t.txt", Warn: func(p caption.Position, m string) {
		warnings = append(warnings, p.String()+": "+m)
	}}, "")
	return doc, warnings, err
}

func TestReadTranscript(t *testing.T) {
	tests := []transcriptCase{
		{
			name: "seed dialect with chapter, mixed hour widths, CRLF, BOM, no final newline",
			in:   "\uFEFF00:00:00 - Llama 3\r\n\r\nAnn Lee 00:00:00\r\n\r\nHello there.\r\n\r\nBob 0:00:01\r\nFirst line\r\ncontinues.\r\n\r\n\r\nSecond “paragraph”.",
			want: &caption.Document{
				Chapters: []caption.Chapter{{Start: 0, Title: "Llama 3"}},
				Segments: []caption.Segment{
					{Start: 0, Speaker: "Ann Lee", Paragraphs: []string{"Hello there."}, Pos: caption.Position{File: "t.txt", Line: 3}},
					{Start: sec(1), Speaker: "Bob", Paragraphs: []string{"First line continues.", "Second “paragraph”."}, Pos: caption.Position{File: "t.txt", Line: 7}},
				},
			},
		},
		{
			name: "prose ending in a time is text, not a speaker line",
			in:   "Ann 0:05\nwe met at 10:30\nAnn 0:09\nok",
			want: &caption.Document{Segments: []caption.Segment{
				{Start: sec(5), Speaker: "Ann", Paragraphs: []string{"we met at 10:30"}, Pos: caption.Position{File: "t.txt", Line: 1}},
				{Start: sec(9), Speaker: "Ann", Paragraphs: []string{"ok"}, Pos: caption.Position{File: "t.txt", Line: 3}},
			}},
		},
		{
			name: "a title line before the first speaker line",
			in:   "Episode 12\n\nAnn 0:05\nHi.",
			want: &caption.Document{Title: "Episode 12", Segments: []caption.Segment{
				{Start: sec(5), Speaker: "Ann", Paragraphs: []string{"Hi."}, Pos: caption.Position{File: "t.txt", Line: 3}},
			}},
			warnings: 1,
		},
		{
			name: "a speaker line without text is kept and announced",
			in:   "Ann 0:05\n\nBob 0:07\nHi.",
			want: &caption.Document{Segments: []caption.Segment{
				{Start: sec(5), Speaker: "Ann", Pos: caption.Position{File: "t.txt", Line: 1}},
				{Start: sec(7), Speaker: "Bob", Paragraphs: []string{"Hi."}, Pos: caption.Position{File: "t.txt", Line: 3}},
			}},
			warnings: 1,
		},
	}
	runTranscriptCases(t, tests)
}

// TestSpeakerLinesAsText checks when a line shaped like a speaker line is
// the text of the turn above it, and when it is a speaker line whose text
// is missing: no name and time ever reach the screen as someone's words
// in a file whose turn lines carry no text.
func TestSpeakerLinesAsText(t *testing.T) {
	seg := func(line int, start time.Duration, speaker string, paras ...string) caption.Segment {
		return caption.Segment{Start: start, Speaker: speaker, Paragraphs: paras, Pos: caption.Position{File: "t.txt", Line: line}}
	}
	runTranscriptCases(t, []transcriptCase{
		{
			name: "a verse at the end, under a turn line in a file of turns with text",
			in:   "Ann 0:01\nhello there\n\nBob 0:09\nJohn 3:16\n",
			want: &caption.Document{Segments: []caption.Segment{seg(1, sec(1), "Ann", "hello there"), seg(4, sec(9), "Bob", "John 3:16")}},
		},
		{
			name:     "the last speaker line, after a blank line, has lost its text",
			in:       "Ann 0:00:01\nhello there\n\nBob 0:00:03\n",
			want:     &caption.Document{Segments: []caption.Segment{seg(1, sec(1), "Ann", "hello there"), seg(4, sec(3), "Bob")}},
			warnings: 1,
		},
		{
			name: "ending a paragraph, a name and a time are prose",
			in:   "Ann 0:00:01\nsee you at\nMeet Me At 10:30\n",
			want: &caption.Document{Segments: []caption.Segment{seg(1, sec(1), "Ann", "see you at Meet Me At 10:30")}},
		},
	})
	for _, in := range []string{
		"Ann 0:00:01\n",
		"Ann 0:00:01\n\nBob 0:00:03\n",
		"Ann 0:00:01\n\nBob 0:00:03\n\nCid 0:00:05\n",
		"Ann 0:00:01\nBob 0:00:03\nCid 0:00:05\nAnn 0:00:07\n",
		"[00:00:01] Ann:\n[00:00:03] Bob:\n",
		"Ann (00:01)\n\nBob (00:03)\n\nAnn (00:05)\n",
	} {
		_, _, err := readTranscriptString(t, in)
		if !errors.Is(err, caption.ErrNoContent) || !strings.Contains(err.Error(), "but no text") || !strings.HasPrefix(err.Error(), "t.txt:1: ") {
			t.Errorf("Read(%q) error = %v, want t.txt:1: … speaker lines but no text", in, err)
		}
	}
}

func TestReadTranscriptSeed(t *testing.T) {
	data, err := os.ReadFile(captest.Testdata("000_2e7f89a82c8d846d.txt"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Read(data, text.Source{File: "seed"}, "")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(doc.Segments), 10; got != want {
		t.Errorf("segments = %d, want %d", got, want)
	}
	if d := cmp.Diff([]string{"Dwarkesh Patel", "Mark Zuckerberg"}, doc.Speakers()); d != "" {
		t.Errorf("speakers mismatch (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]caption.Chapter{{Title: "Llama 3"}}, doc.Chapters); d != "" {
		t.Errorf("chapters mismatch (-want +got):\n%s", d)
	}
	if got := doc.Segments[1]; got.Start != sec(1) || got.Speaker != "Mark Zuckerberg" || got.Text() != "Thanks for having me. Big fan of your podcast." {
		t.Errorf("second segment = %+v", got)
	}
}

// TestReadTranscriptInvalid reads every file in testdata/invalid/ whose
// name starts with "transcript-". The first line of each file says, after
// "want: ", the line and the cause the error must name.
func TestReadTranscriptInvalid(t *testing.T) {
	causes := map[string]error{
		"ErrTimeGoesBack":   caption.ErrTimeGoesBack,
		"ErrBadTimestamp":   caption.ErrBadTimestamp,
		"ErrNoContent":      caption.ErrNoContent,
		"ErrNotText":        caption.ErrNotText,
		"ErrSyntax":         caption.ErrSyntax,
		"ErrUnknownDialect": caption.ErrUnknownDialect,
	}
	files, _ := filepath.Glob(captest.Testdata("invalid", "transcript-*.txt"))
	if len(files) == 0 {
		t.Fatal("no test files")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var wantLine int
			var wantCause string
			head, _, _ := strings.Cut(string(data), "\n")
			if _, err := fmt.Sscanf(head, "want: line %d %s", &wantLine, &wantCause); err != nil {
				t.Fatalf("bad header %q: %v", head, err)
			}
			_, err = Read(data, text.Source{File: file}, "")
			var pe *caption.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("got error %v, want a *ParseError", err)
			}
			if pe.Pos.Line != wantLine || !errors.Is(err, causes[wantCause]) {
				t.Errorf("got %v, want line %d and %s", err, wantLine, wantCause)
			}
			if !strings.HasPrefix(err.Error(), file+":") {
				t.Errorf("error %q does not start with the file name", err)
			}
		})
	}
}

// transcriptCase is one transcript read and the document and number of
// warnings it must give.
type transcriptCase struct {
	name     string
	in       string
	want     *caption.Document
	warnings int
}

// runTranscriptCases reads each case's input as a transcript and compares.
func runTranscriptCases(t *testing.T, tests []transcriptCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, warnings, err := readTranscriptString(t, tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("Read() mismatch (-want +got):\n%s", d)
			}
			if len(warnings) != tt.warnings {
				t.Errorf("got warnings %q, want %d", warnings, tt.warnings)
			}
		})
	}
}
