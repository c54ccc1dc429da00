package convert

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func sec(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

func TestParseClock(t *testing.T) {
	tests := []struct {
		in      string
		want    time.Duration
		wantErr bool
	}{
		{in: "0:00:01", want: sec(1)},
		{in: "00:00:03", want: sec(3)},
		{in: "1:02", want: sec(62)},
		{in: "12:34", want: sec(754)},
		{in: "1:02:03.5", want: sec(3723.5)},
		{in: "01:02:03,250", want: sec(3723.25)},
		{in: "101:00:00", want: 101 * time.Hour},
		{in: "0:60", wantErr: true},
		{in: "0:61:00", wantErr: true},
		{in: "0:0:01", wantErr: true},
		{in: "1", wantErr: true},
		{in: "1:02:03:04", wantErr: true},
		{in: "1:02.", wantErr: true},
		{in: "1:02x", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseClock(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("parseClock(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			}
			if got != tt.want {
				t.Errorf("parseClock(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestIsNameLike(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Mark Zuckerberg", true},
		{"Dwarkesh Patel", true},
		{"Speaker 1", true},
		{"SPEAKER_00", true},
		{"Ludwig van Beethoven", true},
		{"Mark J. Smith", true},
		{"Émilie Noël", true},
		{"we met at", false},
		{"The meeting is at", false},
		{"Yes.", false},
		{"Okay, so", false},
		{"One Two Three Four Five Six Seven", false},
	}
	for _, tt := range tests {
		if got := isNameLike(tt.in); got != tt.want {
			t.Errorf("isNameLike(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func readTranscriptString(t *testing.T, s string) (*Document, []string, error) {
	t.Helper()
	var warnings []string
	doc, err := readTranscript([]byte(s), ReadOptions{File: "t.txt", Warn: func(p Position, m string) {
		warnings = append(warnings, p.String()+": "+m)
	}})
	return doc, warnings, err
}

func TestReadTranscript(t *testing.T) {
	tests := []transcriptCase{
		{
			name: "seed dialect with chapter, mixed hour widths, CRLF, BOM, no final newline",
			in:   "\uFEFF00:00:00 - Llama 3\r\n\r\nAnn Lee 00:00:00\r\n\r\nHello there.\r\n\r\nBob 0:00:01\r\nFirst line\r\ncontinues.\r\n\r\n\r\nSecond “paragraph”.",
			want: &Document{
				Chapters: []Chapter{{Start: 0, Title: "Llama 3"}},
				Segments: []Segment{
					{Start: 0, Speaker: "Ann Lee", Paragraphs: []string{"Hello there."}, Pos: Position{File: "t.txt", Line: 3}},
					{Start: sec(1), Speaker: "Bob", Paragraphs: []string{"First line continues.", "Second “paragraph”."}, Pos: Position{File: "t.txt", Line: 7}},
				},
			},
		},
		{
			name: "prose ending in a time is text, not a speaker line",
			in:   "Ann 0:05\nwe met at 10:30\nAnn 0:09\nok",
			want: &Document{Segments: []Segment{
				{Start: sec(5), Speaker: "Ann", Paragraphs: []string{"we met at 10:30"}, Pos: Position{File: "t.txt", Line: 1}},
				{Start: sec(9), Speaker: "Ann", Paragraphs: []string{"ok"}, Pos: Position{File: "t.txt", Line: 3}},
			}},
		},
		{
			name: "a title line before the first speaker line",
			in:   "Episode 12\n\nAnn 0:05\nHi.",
			want: &Document{Title: "Episode 12", Segments: []Segment{
				{Start: sec(5), Speaker: "Ann", Paragraphs: []string{"Hi."}, Pos: Position{File: "t.txt", Line: 3}},
			}},
			warnings: 1,
		},
		{
			name: "a speaker line without text is kept and announced",
			in:   "Ann 0:05\n\nBob 0:07\nHi.",
			want: &Document{Segments: []Segment{
				{Start: sec(5), Speaker: "Ann", Pos: Position{File: "t.txt", Line: 1}},
				{Start: sec(7), Speaker: "Bob", Paragraphs: []string{"Hi."}, Pos: Position{File: "t.txt", Line: 3}},
			}},
			warnings: 1,
		},
	}
	runTranscriptCases(t, tests)
}

func TestReadTranscriptSeed(t *testing.T) {
	data, err := os.ReadFile("../testdata/000_2e7f89a82c8d846d.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := readTranscript(data, ReadOptions{File: "seed"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(doc.Segments), 10; got != want {
		t.Errorf("segments = %d, want %d", got, want)
	}
	if d := cmp.Diff([]string{"Dwarkesh Patel", "Mark Zuckerberg"}, doc.Speakers()); d != "" {
		t.Errorf("speakers mismatch (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]Chapter{{Title: "Llama 3"}}, doc.Chapters); d != "" {
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
		"ErrTimeGoesBack":   ErrTimeGoesBack,
		"ErrBadTimestamp":   ErrBadTimestamp,
		"ErrNoContent":      ErrNoContent,
		"ErrNotText":        ErrNotText,
		"ErrSyntax":         ErrSyntax,
		"ErrUnknownDialect": ErrUnknownDialect,
	}
	files, _ := filepath.Glob("../testdata/invalid/transcript-*.txt")
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
			if _, err := fmtSscanf(head, "want: line %d %s", &wantLine, &wantCause); err != nil {
				t.Fatalf("bad header %q: %v", head, err)
			}
			_, err = readTranscript(data, ReadOptions{File: file})
			var pe *ParseError
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
	want     *Document
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
				t.Errorf("readTranscript() mismatch (-want +got):\n%s", d)
			}
			if len(warnings) != tt.warnings {
				t.Errorf("got warnings %q, want %d", warnings, tt.warnings)
			}
		})
	}
}
