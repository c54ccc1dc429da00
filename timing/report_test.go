package timing

import (
	"strings"
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
	"github.com/google/go-cmp/cmp"
)

func cue(start, end time.Duration, speaker string, lines ...string) caption.Cue {
	c := caption.Cue{Start: start, End: end}
	for _, l := range lines {
		c.Lines = append(c.Lines, caption.Line{Speaker: speaker, Text: l})
	}
	return c
}

func TestCheck(t *testing.T) {
	s := time.Second
	long := strings.Repeat("word ", 10) // 50 characters with spaces
	tests := []struct {
		name string
		cues []caption.Cue
		want []Rule
	}{
		{"readable", []caption.Cue{cue(0, 2*s, "A", "Hello there.")}, nil},
		{"three lines", []caption.Cue{cue(0, 3*s, "A", "a", "b", "c")}, []Rule{RuleLines}},
		{"long line", []caption.Cue{cue(0, 5*s, "A", long)}, []Rule{RuleChars}},
		{"one long word is allowed", []caption.Cue{cue(0, 5*s, "A", strings.Repeat("x", 50))}, nil},
		{"too short", []caption.Cue{cue(0, s/2, "A", "Hi.")}, []Rule{RuleMinDuration}},
		{"too long", []caption.Cue{cue(0, 8*s, "A", "Hi.")}, []Rule{RuleMaxDuration}},
		{"too fast", []caption.Cue{cue(0, s, "A", "This is far too much text", "to read in a single second.")}, []Rule{RuleCPS}},
		{"overlap", []caption.Cue{cue(0, 2*s, "A", "One."), cue(s, 3*s, "A", "Two.")}, []Rule{RuleOverlap}},
		{"gap under 2 frames", []caption.Cue{cue(0, 2*s, "A", "One."), cue(2*s, 4*s, "A", "Two.")}, []Rule{RuleGap}},
		{"gap to chain is for CheckChains", []caption.Cue{cue(0, 2*s, "A", "One."), cue(2*s+s/4, 4*s, "A", "Two.")}, nil},
		{"empty", []caption.Cue{cue(0, 2*s, "A", " ")}, []Rule{RuleEmpty}},
		{"no lines", []caption.Cue{{Start: 0, End: 2 * s}}, []Rule{RuleEmpty}},
		{"zero duration", []caption.Cue{cue(s, s, "A", "Hi.")}, []Rule{RuleDuration}},
		{"negative duration", []caption.Cue{cue(2*s, s, "A", "Hi.")}, []Rule{RuleDuration}},
		{"out of order", []caption.Cue{cue(3*s, 5*s, "A", "One."), cue(0, 2*s, "A", "Two.")}, []Rule{RuleOrder}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []Rule
			for _, v := range Check(tt.cues, Options{}) {
				got = append(got, v.Rule)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("Check() rules (-want +got):\n%s", d)
			}
		})
	}
}

func TestBuildReport(t *testing.T) {
	s := time.Second
	doc := &caption.Document{Cues: []caption.Cue{
		cue(0, 2*s, "Ann", "Hello there."),               // 12 chars in 2 s: 6 cps
		cue(2*s, 3*s, "Bob", "Far too fast to read it."), // 24 cps, touches cue 1
	}}
	r := BuildReport("talk.vtt", doc, Options{})
	want := []SpeakerRate{{Name: "Ann", Cues: 1, CPS: 6}, {Name: "Bob", Cues: 1, CPS: 24}}
	if d := cmp.Diff(want, r.Speakers); d != "" {
		t.Errorf("speakers (-want +got):\n%s", d)
	}
	text := r.String()
	for _, s := range []string{
		"talk.vtt: 2 cues, 2 speakers",
		"speaker Ann: 1 cue, speaks 6.0 cps",
		"cue 2 at 0:00:02.000: cps: 24 characters a second, above 20",
		"cue 2 at 0:00:02.000: gap: 0.000 s after cue 1, under 0.083 s",
		"20–25 cps: 1 cue",
	} {
		if !strings.Contains(text, s) {
			t.Errorf("report lacks %q:\n%s", s, text)
		}
	}
}
