package convert

import (
	"strings"
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/timing"
)

// TestMarshalKeepsLength: a cue of no length at the precision a format
// writes takes a step from the next cue, in every format that writes ends.
func TestMarshalKeepsLength(t *testing.T) {
	ms := func(n int) time.Duration { return time.Duration(n) * time.Millisecond }
	cue := func(s, e int, text string) caption.Cue {
		return caption.Cue{Start: ms(s), End: ms(e), Lines: []caption.Line{{Text: text}}}
	}
	tests := []struct {
		name string
		f    Format
		o    Options
		want []string
	}{
		{"srt", SRT, Options{}, []string{"00:00:04,820 --> 00:00:04,821", "00:00:04,821 --> 00:00:06,000"}},
		{"vtt", WebVTT, Options{}, []string{"00:00:04.820 --> 00:00:04.821", "00:00:04.821 --> 00:00:06.000"}},
		{"ass centiseconds", ASS, Options{}, []string{"0:00:04.82,0:00:04.83", "0:00:04.83,0:00:06.00"}},
		{"ttml frames", TTML, Options{Timing: timing.Options{FPS: 25}, TTMLTimeFrames: true},
			[]string{`begin="00:00:04:21" end="00:00:04:22"`, `begin="00:00:04:22" end="00:00:06:00"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &caption.Document{Cues: []caption.Cue{cue(4000, 4820, "Before."), cue(4820, 4820, "Yeah."), cue(4820, 6000, "After.")}}
			b, err := Marshal(doc, tt.f, tt.o)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(string(b), w) {
					t.Errorf("Marshal(%s) lacks %q:\n%s", tt.f, w, b)
				}
			}
			if doc.Cues[1].End != ms(4820) {
				t.Errorf("Marshal modified the document: %v", doc.Cues[1])
			}
		})
	}
}
