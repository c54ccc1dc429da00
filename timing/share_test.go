package timing

import (
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
	"github.com/google/go-cmp/cmp"
)

// TestShareTime checks how a cue timed to the audio that is too fast to
// read takes time from its neighbours: from the last cue first, then the
// next, each boundary moved at most maxShare from its speech, never
// leaving a lender unreadable, and only from cues chained to it and timed
// to the audio too.
func TestShareTime(t *testing.T) {
	ms := func(n int) time.Duration { return time.Duration(n) * time.Millisecond }
	cue := func(start, end int, text string) caption.Cue {
		return caption.Cue{Start: ms(start), End: ms(end), Lines: []caption.Line{{Text: text}}}
	}
	// 40 characters need 2 s at 20 a second; 10 need the minimum 833 ms.
	forty := "abcdefghij abcdefghij abcdefghij abcdefg"
	ten := "abcdefghij"
	o := Options{}.withDefaults()
	gap := int(o.MinGap / time.Millisecond)
	for _, tt := range []struct {
		name  string
		cues  []caption.Cue
		heard []bool
		want  [][2]int // each cue's start and end, ms
	}{
		{
			name:  "the last cue lends",
			cues:  []caption.Cue{cue(0, 3000, ten), cue(3000+gap, 4700+gap, forty), cue(4700+2*gap, 8000, ten)},
			heard: []bool{true, true, true},
			want:  [][2]int{{0, 2700}, {2700 + gap, 4700 + gap}, {4700 + 2*gap, 8000}},
		},
		{
			name:  "then the next one",
			cues:  []caption.Cue{cue(0, 1000, ten), cue(1000+gap, 2600+gap, forty), cue(2600+2*gap, 8000, ten)},
			heard: []bool{true, true, true},
			want:  [][2]int{{0, 833}, {833 + gap, 2833 + gap}, {2833 + 2*gap, 8000}},
		},
		{
			name:  "each side lends at most maxShare",
			cues:  []caption.Cue{cue(0, 3000, ten), cue(3000+gap, 4000+gap, forty), cue(4000+2*gap, 8000, ten)},
			heard: []bool{true, true, true},
			want:  [][2]int{{0, 2500}, {2500 + gap, 4500 + gap}, {4500 + 2*gap, 8000}},
		},
		{
			name:  "too much to take: the cues stay on their speech",
			cues:  []caption.Cue{cue(0, 3000, ten), cue(3000+gap, 3900+gap, forty), cue(3900+2*gap, 8000, ten)},
			heard: []bool{true, true, true},
			want:  [][2]int{{0, 3000}, {3000 + gap, 3900 + gap}, {3900 + 2*gap, 8000}},
		},
		{
			// B takes 300 ms from A; C then takes 200 ms through B, which
			// leaves A's end and B's start 500 ms from their speech, and
			// the last 100 ms from D.
			name:  "a boundary moves at most maxShare from its speech in all",
			cues:  []caption.Cue{cue(0, 3000, ten), cue(3000+gap, 4700+gap, forty), cue(4700+2*gap, 6400+2*gap, forty), cue(6400+3*gap, 12000, ten)},
			heard: []bool{true, true, true, true},
			want:  [][2]int{{0, 2500}, {2500 + gap, 4500 + gap}, {4500 + 2*gap, 6500 + 2*gap}, {6500 + 3*gap, 12000}},
		},
		{
			name:  "neighbours without time to spare",
			cues:  []caption.Cue{cue(0, 900, ten), cue(900+gap, 2600+gap, forty), cue(2600+2*gap, 3500, ten)},
			heard: []bool{true, true, true},
			want:  [][2]int{{0, 900}, {900 + gap, 2600 + gap}, {2600 + 2*gap, 3500}},
		},
		{
			name:  "a neighbour without time to spare moves into the room before it",
			cues:  []caption.Cue{cue(1000, 1833, ten), cue(1833+gap, 3600+gap, forty), cue(3600+2*gap, 4433+2*gap, ten)},
			heard: []bool{true, true, true},
			want:  [][2]int{{767, 1600}, {1600 + gap, 3600 + gap}, {3600 + 2*gap, 4433 + 2*gap}},
		},
		{
			name:  "then the next one into the room after it, keeping the minimum gap",
			cues:  []caption.Cue{cue(0, 833, ten), cue(833+gap, 2600+gap, forty), cue(2600+2*gap, 3433+2*gap, ten), cue(3667+3*gap, 5000, ten)},
			heard: []bool{true, true, true, true},
			want:  [][2]int{{0, 833}, {833 + gap, 2833 + gap}, {2833 + 2*gap, 3666 + 2*gap}, {3667 + 3*gap, 5000}},
		},
		{
			name:  "and so on: the cue beyond the room lends the rest",
			cues:  []caption.Cue{cue(0, 833, ten), cue(833+gap, 2600+gap, forty), cue(2600+2*gap, 3433+2*gap, ten), cue(3600+3*gap, 5000, ten)},
			heard: []bool{true, true, true, true},
			want:  [][2]int{{0, 833}, {833 + gap, 2833 + gap}, {2833 + 2*gap, 3666 + 2*gap}, {3666 + 3*gap, 5000}},
		},
		{
			name:  "too little room: the cues stay on their speech",
			cues:  []caption.Cue{cue(0, 833, ten), cue(833+gap, 2600+gap, forty), cue(2600+2*gap, 3433+2*gap, ten), cue(3600+3*gap, 4433+3*gap, ten)},
			heard: []bool{true, true, true, true},
			want:  [][2]int{{0, 833}, {833 + gap, 2600 + gap}, {2600 + 2*gap, 3433 + 2*gap}, {3600 + 3*gap, 4433 + 3*gap}},
		},
		{
			name:  "as far as three cues",
			cues:  []caption.Cue{cue(0, 833, ten), cue(833+gap, 2600+gap, forty), cue(2600+2*gap, 3433+2*gap, ten), cue(3433+3*gap, 4266+3*gap, ten), cue(4266+4*gap, 9000, ten)},
			heard: []bool{true, true, true, true, true},
			want:  [][2]int{{0, 833}, {833 + gap, 2833 + gap}, {2833 + 2*gap, 3666 + 2*gap}, {3666 + 3*gap, 4499 + 3*gap}, {4499 + 4*gap, 9000}},
		},
		{
			name:  "no further than three cues",
			cues:  []caption.Cue{cue(0, 833, ten), cue(833+gap, 2600+gap, forty), cue(2600+2*gap, 3433+2*gap, ten), cue(3433+3*gap, 4266+3*gap, ten), cue(4266+4*gap, 5099+4*gap, ten), cue(5099+5*gap, 9000, ten)},
			heard: []bool{true, true, true, true, true, true},
			want:  [][2]int{{0, 833}, {833 + gap, 2600 + gap}, {2600 + 2*gap, 3433 + 2*gap}, {3433 + 3*gap, 4266 + 3*gap}, {4266 + 4*gap, 5099 + 4*gap}, {5099 + 5*gap, 9000}},
		},
		{
			name:  "a neighbour not timed to the audio, or not chained, lends nothing",
			cues:  []caption.Cue{cue(0, 3000, ten), cue(3000+gap, 4700+gap, forty), cue(5500, 9000, ten)},
			heard: []bool{false, true, true},
			want:  [][2]int{{0, 3000}, {3000 + gap, 4700 + gap}, {5500, 9000}},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			shareTime(tt.cues, tt.heard, o)
			var got [][2]int
			for _, c := range tt.cues {
				got = append(got, [2]int{int(c.Start / time.Millisecond), int(c.End / time.Millisecond)})
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("times (-want +got):\n%s", d)
			}
		})
	}
}
