package timing

import (
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
	"github.com/google/go-cmp/cmp"
)

func TestJoinDialogue(t *testing.T) {
	ms := time.Millisecond
	o := Options{}.withDefaults()
	long := "Those are the good ones worth learning." // 39 characters
	dash := func(start, end time.Duration, lines ...caption.Line) caption.Cue {
		for i := range lines {
			lines[i].Dash = true
		}
		return caption.Cue{Start: start, End: end, Lines: lines}
	}
	line := func(speaker, text string) caption.Line { return caption.Line{Speaker: speaker, Text: text} }
	tests := []struct {
		name       string
		cues       []caption.Cue
		labelWidth func(string) int
		fixed      []bool
		want       []caption.Cue
	}{
		{
			name: "an interjection joins the cue before it",
			cues: []caption.Cue{cue(0, 3000*ms, "A", "Well, that is one way to see it."), cue(3083*ms, 3317*ms, "B", "Yeah."), cue(3400*ms, 7000*ms, "A", long)},
			// Both neighbours make a readable dialogue: 0–3.317 s is
			// shorter than 3.083–7 s.
			want: []caption.Cue{dash(0, 3317*ms, line("A", "Well, that is one way to see it."), line("B", "Yeah.")), cue(3400*ms, 7000*ms, "A", long)},
		},
		{
			name: "the neighbour that makes the shorter cue",
			cues: []caption.Cue{cue(0, 5000*ms, "A", "Well, that is one way to see it."), cue(5083*ms, 5317*ms, "B", "Yeah."), cue(5400*ms, 8000*ms, "A", long)},
			want: []caption.Cue{cue(0, 5000*ms, "A", "Well, that is one way to see it."), dash(5083*ms, 8000*ms, line("B", "Yeah."), line("A", long))},
		},
		{
			name:  "a cue of a stated range or exact start stays apart",
			cues:  []caption.Cue{cue(0, 3000*ms, "A", "Well, that is one way to see it."), cue(3083*ms, 3317*ms, "B", "Yeah."), cue(3400*ms, 7000*ms, "A", long)},
			fixed: []bool{true, false, true},
			want:  []caption.Cue{cue(0, 3000*ms, "A", "Well, that is one way to see it."), cue(3083*ms, 3317*ms, "B", "Yeah."), cue(3400*ms, 7000*ms, "A", long)},
		},
		{
			name: "readable cues stay apart",
			cues: []caption.Cue{cue(0, 3000*ms, "A", "Well, that is one way to see it."), cue(3083*ms, 4000*ms, "B", "Yeah."), cue(4083*ms, 6500*ms, "A", long)},
			want: []caption.Cue{cue(0, 3000*ms, "A", "Well, that is one way to see it."), cue(3083*ms, 4000*ms, "B", "Yeah."), cue(4083*ms, 6500*ms, "A", long)},
		},
		{
			name: "unnamed speakers stay apart",
			cues: []caption.Cue{cue(0, 3000*ms, "", "Well, that is one way to see it."), cue(3083*ms, 3400*ms, "", "Yeah.")},
			want: []caption.Cue{cue(0, 3000*ms, "", "Well, that is one way to see it."), cue(3083*ms, 3400*ms, "", "Yeah.")},
		},
		{
			name: "the same speaker stays apart",
			cues: []caption.Cue{cue(0, 3000*ms, "A", "Well, that is one way to see it."), cue(3083*ms, 3400*ms, "A", "Yeah.")},
			want: []caption.Cue{cue(0, 3000*ms, "A", "Well, that is one way to see it."), cue(3083*ms, 3400*ms, "A", "Yeah.")},
		},
		{
			name: "a two-line neighbour stays apart",
			cues: []caption.Cue{cue(0, 3000*ms, "A", "Well, that is one way", "to see it."), cue(3083*ms, 3400*ms, "B", "Yeah.")},
			want: []caption.Cue{cue(0, 3000*ms, "A", "Well, that is one way", "to see it."), cue(3083*ms, 3400*ms, "B", "Yeah.")},
		},
		{
			name: "a neighbour across a pause stays apart",
			cues: []caption.Cue{cue(0, 3000*ms, "A", "Well, that is one way to see it."), cue(4000*ms, 4300*ms, "B", "Yeah.")},
			want: []caption.Cue{cue(0, 3000*ms, "A", "Well, that is one way to see it."), cue(4000*ms, 4300*ms, "B", "Yeah.")},
		},
		{
			name:       "a line that its dash and label would widen past the limit",
			cues:       []caption.Cue{cue(0, 3000*ms, "Alexandra", long), cue(3083*ms, 3400*ms, "B", "Yeah.")},
			labelWidth: func(s string) int { return len(s) + 2 },
			want:       []caption.Cue{cue(0, 3000*ms, "Alexandra", long), cue(3083*ms, 3400*ms, "B", "Yeah.")},
		},
		{
			name: "a dialogue too fast to read is not made",
			cues: []caption.Cue{cue(0, 1500*ms, "A", long), cue(1583*ms, 1800*ms, "B", "Yeah, right.")},
			want: []caption.Cue{cue(0, 1500*ms, "A", long), cue(1583*ms, 1800*ms, "B", "Yeah, right.")},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fixed := tt.fixed
			if fixed == nil {
				fixed = make([]bool, len(tt.cues))
			}
			got := joinDialogue(append([]caption.Cue(nil), tt.cues...), fixed, o, tt.labelWidth)
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("joinDialogue (-want +got):\n%s", d)
			}
			for _, v := range Check(got, o) {
				if v.Rule != RuleCPS && v.Rule != RuleMinDuration {
					t.Errorf("joined cues break %v", v)
				}
			}
		})
	}
}
