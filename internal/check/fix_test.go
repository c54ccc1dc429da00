package check

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/timing"
	"github.com/google/go-cmp/cmp"
)

// spoken lists every word of cues in order with its speaker: what Fix
// must keep.
func spoken(cues []caption.Cue) []string {
	var out []string
	for _, c := range cues {
		for _, l := range c.Lines {
			for _, w := range strings.Fields(l.Text) {
				out = append(out, fmt.Sprintf("%s %s", l.Speaker, w))
			}
		}
	}
	return out
}

var vocabulary = strings.Fields("the a of and to in is it that we I you was for on are with as his they at be this from have or by one had not but what all were when can said there use an each which she do how their if will up other about out many then them these so some her would make like him into time has look two more write go see number no way could people my than first water been call who oil its now find long down day did get come made may part Ann: Bob, yes. no! well... Albert Einstein")

// randomCues makes n cues of random words, speakers, line breaks and
// times, overlapping, touching and far apart.
func randomCues(r *rand.Rand, n int) []caption.Cue {
	var cues []caption.Cue
	at := time.Duration(0)
	for range n {
		at += time.Duration(r.IntN(3000)-500) * time.Millisecond
		at = max(at, 0)
		c := caption.Cue{Start: at, End: at + time.Duration(r.IntN(4000)+1)*time.Millisecond}
		speaker := []string{"", "Ann", "Bob"}[r.IntN(3)]
		for l := range r.IntN(3) + 1 {
			var ws []string
			for range r.IntN(9) + 1 {
				ws = append(ws, vocabulary[r.IntN(len(vocabulary))])
			}
			line := caption.Line{Speaker: speaker, Text: strings.Join(ws, " ")}
			if l > 0 && r.IntN(5) == 0 {
				line.Speaker, line.Dash = "Bob", true
			}
			c.Lines = append(c.Lines, line)
		}
		cues = append(cues, c)
	}
	caption.SortCues(cues)
	return cues
}

// TestFixKeepsWords: whatever Fix does, every word, its speaker and its
// cue stay as they were, the cues stay in order, and none overlaps
// another nor ends before it starts.
func TestFixKeepsWords(t *testing.T) {
	presets := []string{"netflix", "bbc", "dcmp", "youtube"}
	for seed := range uint64(300) {
		r := rand.New(rand.NewPCG(seed, 15))
		o, _ := timing.Preset(presets[seed%4])
		if seed%3 == 0 {
			o.FPS = 25
		}
		doc := &caption.Document{Cues: randomCues(r, r.IntN(30)+1)}
		orig := slices.Clone(spoken(doc.Cues))
		fixed, changes := Fix(doc, o)
		unfixed := map[int]bool{}
		for _, ch := range changes {
			unfixed[ch.Cue] = unfixed[ch.Cue] || ch.Failed
		}
		for _, v := range append(timing.Check(fixed.Cues, o), timing.CheckChains(fixed.Cues, o)...) {
			switch v.Rule {
			case timing.RuleLines:
				// Too many lines for one cue: split, unless a change says why not.
				if !unfixed[v.Cue+1] {
					t.Errorf("seed %d: after Fix, %s, and no change says why", seed, v)
				}
			case timing.RuleOverlap, timing.RuleGap, timing.RuleChain, timing.RuleMinDuration:
				// A cue whose times leave no room says so; the cue before
				// a gap or overlap is the one Fix moves.
				if !unfixed[v.Cue+1] && !unfixed[v.Cue] && !(v.Rule == timing.RuleMinDuration && v.NoRoom) {
					t.Errorf("seed %d: after Fix, %s, and no change says why", seed, v)
				}
			}
		}
		if d := cmp.Diff(orig, spoken(fixed.Cues)); d != "" {
			t.Fatalf("seed %d: words changed (-want +got):\n%s", seed, d)
		}
		if d := cmp.Diff(orig, spoken(doc.Cues)); d != "" {
			t.Fatalf("seed %d: Fix changed its input (-want +got):\n%s", seed, d)
		}
		for i, c := range fixed.Cues {
			if c.End <= c.Start {
				t.Errorf("seed %d: cue %d ends at %v, not after its start %v", seed, i+1, c.End, c.Start)
			}
			if i > 0 && c.Start < fixed.Cues[i-1].End && !unfixed[i] {
				t.Errorf("seed %d: cue %d still overlaps cue %d", seed, i+1, i)
			}
		}
	}
}

func TestFix(t *testing.T) {
	s := time.Second
	cue := func(start, end time.Duration, lines ...string) caption.Cue {
		c := caption.Cue{Start: start, End: end}
		for _, l := range lines {
			c.Lines = append(c.Lines, caption.Line{Text: l})
		}
		return c
	}
	tests := []struct {
		name string
		o    timing.Options
		in   []caption.Cue
		want []caption.Cue
	}{
		{
			name: "overlap", in: []caption.Cue{cue(0, 3*s, "One."), cue(2*s, 4*s, "Two.")},
			want: []caption.Cue{cue(0, 2*s-timing.DefaultMinGap, "One."), cue(2*s, 4*s, "Two.")},
		},
		{
			name: "short cue into a free gap", in: []caption.Cue{cue(0, s/2, "Hi."), cue(5*s, 7*s, "Two.")},
			want: []caption.Cue{cue(0, timing.DefaultMinDuration, "Hi."), cue(5*s, 7*s, "Two.")},
		},
		{
			name: "chained", in: []caption.Cue{cue(0, 2*s, "One."), cue(2*s+s/4, 4*s, "Two.")},
			want: []caption.Cue{cue(0, 2*s+s/4-timing.DefaultMinGap, "One."), cue(2*s+s/4, 4*s, "Two.")},
		},
		{
			name: "bad break", in: []caption.Cue{cue(0, 3*s, "We looked at the", "house on the corner.")},
			want: []caption.Cue{cue(0, 3*s, "We looked at the house on the corner.")},
		},
		{
			name: "cues may touch", o: timing.Options{MinGap: -1}, in: []caption.Cue{cue(0, 2*s, "One."), cue(2*s, 4*s, "Two.")},
			want: []caption.Cue{cue(0, 2*s, "One."), cue(2*s, 4*s, "Two.")},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := Fix(&caption.Document{Cues: tt.in}, tt.o)
			if d := cmp.Diff(tt.want, got.Cues); d != "" {
				t.Errorf("Fix() mismatch (-want +got):\n%s", d)
			}
		})
	}
}

// TestFixSplits checks that a cue too long for its lines is split into
// cues that fit, its time shared by characters, and that the diff shows
// the one cue against the ones it became.
func TestFixSplits(t *testing.T) {
	long := "This cue says far more than two lines of a caption can hold, so that a viewer " +
		"would have to read four lines at once, which no style guide allows on the screen."
	doc := &caption.Document{Cues: []caption.Cue{
		{Start: 0, End: 8 * time.Second, Lines: []caption.Line{{Text: long}}},
		{Start: 10 * time.Second, End: 12 * time.Second, Lines: []caption.Line{{Text: "Short."}}},
	}}
	o, _ := timing.Preset("netflix")
	fixed, changes := Fix(doc, o)
	if len(fixed.Cues) != 3 {
		t.Fatalf("%d cues after Fix, want the long one split in two: %v", len(fixed.Cues), fixed.Cues)
	}
	a, b := fixed.Cues[0], fixed.Cues[1]
	if len(a.Lines) > 2 || len(b.Lines) > 2 || a.Start != 0 || b.End != 8*time.Second || b.Start < a.End {
		t.Errorf("split into %v and %v", a, b)
	}
	if mid := a.End; mid < 3*time.Second || mid > 5*time.Second {
		t.Errorf("the first part ends at %v: the time is not shared by characters", mid)
	}
	if d := cmp.Diff(spoken(doc.Cues), spoken(fixed.Cues)); d != "" {
		t.Errorf("words changed (-want +got):\n%s", d)
	}
	found := false
	for _, c := range changes {
		found = found || strings.Contains(c.What, "split into 2 cues")
	}
	if !found {
		t.Errorf("no change says the cue was split: %v", changes)
	}
	var diff strings.Builder
	if err := WriteDiff(&diff, "a.srt", doc.Cues, fixed.Cues); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(diff.String(), "@@ cues 1–2 @@") || strings.Contains(diff.String(), "Short.") {
		t.Errorf("diff:\n%s", diff.String())
	}
}
