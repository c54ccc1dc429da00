package convert_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/timing"
)

// TestTimedToTheScreen checks that a transcript is cut into cues that fit
// the screen of a format smaller than the preset's lines: SCC's 32
// columns and its rows, a teletext row's 40 characters, labels included,
// so that the writer never wraps or splits a cue itself.
func TestTimedToTheScreen(t *testing.T) {
	doc, err := convert.ReadFile("../testdata/000_2e7f89a82c8d846d.txt", convert.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name         string
		f            convert.Format
		o            convert.Options
		chars, lines int
	}{
		{"SCC, 2 rows", convert.SCC, convert.Options{}, 32, 2},
		{"SCC, 3 rows, chevrons", convert.SCC, convert.Options{SCCRows: 3, ShowSpeakers: convert.LabelChevron}, 32, 3},
		{"SCC roll-up", convert.SCC, convert.Options{SCCRollUp: true, ShowSpeakers: convert.LabelUpper}, 32, 2},
		{"EBU STL", convert.STL, convert.Options{Timing: timing.Options{FPS: 25}}, 40, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var warnings []string
			o := tc.o
			o.Warn = func(_ caption.Position, msg string) { warnings = append(warnings, msg) }
			outs, err := convert.Convert(doc, []convert.Format{tc.f}, o)
			if err != nil {
				t.Fatal(err)
			}
			data, err := convert.Marshal(outs[0].Doc, tc.f, o)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range warnings {
				if strings.Contains(w, "rows of 32 columns") || strings.Contains(w, "wrapped") {
					t.Errorf("the writer had to fit a cue: %s", w)
				}
			}
			back, err := convert.ReadBytes(data, tc.f, convert.Options{Labels: convert.LabelNone})
			if err != nil {
				t.Fatal(err)
			}
			if len(back.Cues) < len(outs[0].Doc.Cues) {
				t.Errorf("%d cues read back, %d written", len(back.Cues), len(outs[0].Doc.Cues))
			}
			for i, c := range back.Cues {
				if len(c.Lines) > tc.lines && !tc.o.SCCRollUp {
					t.Errorf("cue %d: %d lines, want at most %d: %v", i+1, len(c.Lines), tc.lines, c.Lines)
				}
				for _, l := range c.Lines {
					if n := utf8.RuneCountInString(l.Text); n > tc.chars {
						t.Errorf("cue %d: a line of %d characters, want at most %d: %q", i+1, n, tc.chars, l.Text)
					}
				}
			}
		})
	}
}
