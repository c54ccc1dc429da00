package timing

import (
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
	"github.com/google/go-cmp/cmp"
)

// TestCrowdedTurns: turns printed in the same second, or closer than the
// minimum duration, give cues of at least the minimum duration where the
// silence after them allows, else at least half of it, and never a
// flash.
func TestCrowdedTurns(t *testing.T) {
	sec := func(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }
	turn := func(at float64, who, text string) caption.Segment {
		return caption.Segment{Start: sec(at), Speaker: who, Paragraphs: []string{text}}
	}
	tests := []struct {
		name    string
		segs    []caption.Segment
		o       Options
		atLeast time.Duration // every cue lasts this long
		reason  string
	}{
		{
			name:    "three turns in one second, then silence",
			segs:    []caption.Segment{turn(1, "A", "Yes."), turn(1, "B", "No."), turn(1, "A", "Maybe."), turn(10, "B", "Well, that settles it.")},
			atLeast: DefaultMinDuration,
		},
		{
			name:    "1.0, 1.3, 1.6",
			segs:    []caption.Segment{turn(1, "A", "Yes."), turn(1.3, "B", "No."), turn(1.6, "A", "Maybe."), turn(10, "B", "Well, that settles it.")},
			atLeast: DefaultMinDuration,
		},
		{
			name:    "crowd before a turn a second later, then silence",
			segs:    []caption.Segment{turn(1, "A", "Yes."), turn(1, "B", "No."), turn(1, "A", "Maybe."), turn(2, "B", "Well, that settles it then, I suppose."), turn(20, "A", "Right.")},
			atLeast: DefaultMinDuration,
			reason:  "the turn at 2 s moves whole into the silence after it",
		},
		{
			name:    "bbc preset",
			segs:    []caption.Segment{turn(1, "A", "Yes."), turn(1, "B", "No."), turn(1, "A", "Maybe."), turn(10, "B", "Well, that settles it.")},
			o:       mustPreset(t, "bbc"),
			atLeast: 1200 * time.Millisecond,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &caption.Document{Segments: tt.segs}
			MakeCues(doc, tt.o)
			o := tt.o.withDefaults()
			for i, c := range doc.Cues {
				if d := c.End - c.Start; d < tt.atLeast {
					t.Errorf("cue %d %q lasts %v, want at least %v (%s)", i, c.Lines[0].Text, d, tt.atLeast, tt.reason)
				}
				if i > 0 && c.Start < doc.Cues[i-1].End+o.MinGap {
					t.Errorf("cue %d starts %v after cue %d ends, want at least the minimum gap %v", i, c.Start-doc.Cues[i-1].End, i-1, o.MinGap)
				}
			}
		})
	}
}

func mustPreset(t *testing.T, name string) Options {
	t.Helper()
	o, err := Preset(name)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// TestMakeRoom: the crowd's cues move later, whole, into the silence after
// them; where the minimum duration does not fit before a fixed start, half
// of it does; cues with fixed starts never move.
func TestMakeRoom(t *testing.T) {
	o := Options{}.withDefaults() // 5/6 s minimum, 2-frame (83 ms) gaps
	tests := []struct {
		name    string
		in      [][2]int
		crowded []bool
		movable []bool
		want    [][2]int
		reason  string
	}{
		{
			name: "into the silence", in: [][2]int{{1500, 1600}, {1700, 1800}, {1900, 2000}, {10000, 12000}},
			crowded: []bool{true, true, true, false}, movable: []bool{true, true, true, true},
			want: [][2]int{{1500, 2333}, {2416, 3249}, {3333, 4166}, {10000, 12000}},
		},
		{
			name: "half before a fixed start", in: [][2]int{{1500, 1600}, {1700, 1800}, {1900, 2000}, {3500, 5000}},
			crowded: []bool{true, true, true, false}, movable: []bool{true, true, true, false},
			want:   [][2]int{{1500, 1916}, {1999, 2416}, {2499, 3333}, {3500, 5000}},
			reason: "three cues of 5/6 s end after 3.5 s; of 5/12 s they fit, and the last then has room for 5/6 s",
		},
		{
			name: "exact starts stay", in: [][2]int{{1500, 1600}, {1700, 1800}, {1900, 2000}},
			crowded: []bool{true, true, true}, movable: []bool{false, false, false},
			want:   [][2]int{{1500, 1600}, {1700, 1800}, {1900, 2000}},
			reason: "a caption file's starts, re-timed, are not the model's to move",
		},
		{
			name: "not crowded", in: [][2]int{{1500, 1600}, {1700, 1800}},
			crowded: []bool{false, false}, movable: []bool{true, true},
			want:   [][2]int{{1500, 1600}, {1700, 1800}},
			reason: "a short cue in a long window is makeReadable's to lengthen; moving its neighbours costs accuracy",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cues := cuesAt(tt.in...)
			ceilings := make([]time.Duration, len(cues))
			for i := range ceilings {
				ceilings[i] = noLimit
			}
			makeRoom(cues, tt.crowded, tt.movable, ceilings, o)
			if d := cmp.Diff(tt.want, spans(cues)); d != "" {
				t.Errorf("makeRoom mismatch (-want +got):\n%s\n%s", d, tt.reason)
			}
		})
	}
}
