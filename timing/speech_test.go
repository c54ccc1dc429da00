package timing

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
)

// TestMediaCuesKeepTheInvariants times random transcripts to random
// speech (spans where there are none, some turns with no speech in their
// window, others with far more, syllable peaks or none) and checks what
// MakeCues promises with or without media: cues sorted and apart, one
// speaker each, every word of the turns once and in order.
func TestMediaCuesKeepTheInvariants(t *testing.T) {
	words := strings.Fields("so the thing is, we shipped it. Yes! Really? And then, well, nobody knew what to do with 42 reports and a cow in a field.")
	for seed := range uint64(300) {
		r := rand.New(rand.NewPCG(seed, 1))
		var segs []caption.Segment
		at := time.Duration(r.IntN(3)) * time.Second
		for i := range 1 + r.IntN(12) {
			n := 1 + r.IntN(40)
			var text []string
			for range n {
				text = append(text, words[r.IntN(len(words))])
			}
			segs = append(segs, caption.Segment{Start: at, Speaker: []string{"Ann", "Bob"}[i%2], Paragraphs: []string{strings.Join(text, " ")}})
			if r.IntN(4) > 0 { // else the next turn shares this one's start
				at += time.Duration(1+r.IntN(12)) * time.Second
			}
		}
		sp := &Speech{Duration: at + time.Duration(r.IntN(10))*time.Second}
		for s := time.Duration(0); s < sp.Duration; {
			s += time.Duration(r.IntN(1500)) * time.Millisecond
			e := s + time.Duration(60+r.IntN(4000))*time.Millisecond
			sp.Spans = append(sp.Spans, SpeechSpan{Start: s, End: e})
			if r.IntN(2) == 0 {
				for p := s + 100*time.Millisecond; p < e; p += time.Duration(120+r.IntN(200)) * time.Millisecond {
					sp.Nuclei = append(sp.Nuclei, p)
				}
			}
			s = e + time.Duration(60+r.IntN(3000))*time.Millisecond
		}
		if r.IntN(2) == 0 {
			sp.Nuclei = nil
		}
		if r.IntN(2) == 0 {
			sp.Words = carelessAligner(r)
		}
		doc := &caption.Document{Segments: segs}
		MakeCues(doc, Options{Speech: sp})
		var got, want []string
		for _, s := range segs {
			want = append(want, strings.Fields(s.Paragraphs[0])...)
		}
		for k, c := range doc.Cues {
			if k > 0 && c.Start < doc.Cues[k-1].End {
				t.Fatalf("seed %d: cue %d starts at %v, before cue %d ends (%v)", seed, k+1, c.Start, k, doc.Cues[k-1].End)
			}
			if c.End < c.Start {
				t.Fatalf("seed %d: cue %d ends before it starts", seed, k+1)
			}
			for _, l := range c.Lines {
				if l.Speaker != c.Lines[0].Speaker && !isDialogue(c) {
					t.Fatalf("seed %d: cue %d has two speakers", seed, k+1)
				}
				got = append(got, strings.Fields(l.Text)...)
			}
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Fatalf("seed %d: words changed:\n got %q\nwant %q", seed, got, want)
		}
	}
}

// carelessAligner is a Speech.Words that returns what no aligner should,
// now and then: nothing, too few boundaries, times outside the spans and
// out of order; MakeCues must keep its promises whatever it says.
func carelessAligner(r *rand.Rand) func([][]string, []SpeechSpan) []time.Duration {
	return func(turns [][]string, spans []SpeechSpan) []time.Duration {
		n := 1
		for _, t := range turns {
			n += len(t)
		}
		switch r.IntN(6) {
		case 0:
			return nil
		case 1:
			n = max(0, n-1-r.IntN(2))
		}
		from, to := spans[0].Start, spans[len(spans)-1].End
		out := make([]time.Duration, n)
		for i := range out {
			out[i] = from - time.Second + time.Duration(r.Int64N(int64(to-from+2*time.Second)))
		}
		if r.IntN(3) > 0 {
			slices.Sort(out)
		}
		return out
	}
}

// TestMediaFallsBackWhereTheAudioDoesNotHelp gives turns windows the audio
// cannot time: one silent, one filled with sound far longer than its
// words (music), and checks that each is timed as without media and that
// its hearing says why, while the turn with speech is timed to it.
func TestMediaFallsBackWhereTheAudioDoesNotHelp(t *testing.T) {
	sec := func(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }
	segs := []caption.Segment{
		{Start: sec(0), Speaker: "Ann", Paragraphs: []string{"Hello and welcome to the show."}},
		{Start: sec(10), Speaker: "Bob", Paragraphs: []string{"Thanks."}},
		{Start: sec(20), Speaker: "Ann", Paragraphs: []string{"Let us begin."}},
		{Start: sec(80), Speaker: "Bob", Paragraphs: []string{"Goodbye."}},
	}
	sp := &Speech{
		Duration: sec(90),
		Spans: []SpeechSpan{
			{Start: sec(0.4), End: sec(2.6)}, // Ann's first turn
			// Bob's at 10 s: silence.
			{Start: sec(20.2), End: sec(79.5)}, // a minute of music under three words
			{Start: sec(80.3), End: sec(81.0)},
		},
	}
	doc := &caption.Document{Segments: segs}
	turns := NewTurns(doc, Options{Speech: sp})
	got := turns.Hearings()
	want := []Hearing{Heard, NoSpeech, TooMuchSound, Heard}
	for i, h := range got {
		if h.Hearing != want[i] {
			t.Errorf("turn %d: %v, want %v", i+1, h.Hearing, want[i])
		}
	}
	turns.MakeCues(doc, nil)
	plain := &caption.Document{Segments: segs, Duration: sp.Duration}
	MakeCues(plain, Options{MediaDuration: sp.Duration})
	if c := doc.Cues[0]; c.Start != sec(0.4) {
		t.Errorf("the heard turn starts at %v, want its speech's 0.4 s", c.Start)
	}
	for _, i := range []int{1, 2} {
		if doc.Cues[i].Start != plain.Cues[i].Start {
			t.Errorf("cue %d starts at %v; timed without the audio it starts at %v", i+1, doc.Cues[i].Start, plain.Cues[i].Start)
		}
	}
	if r := HearingReport(got); !strings.Contains(r, "speech found for 2 of 4 turns") || !strings.Contains(r, "turn 2 at 0:00:10.000 (Bob): no speech found") || !strings.Contains(r, "turn 3 at 0:00:20.000 (Ann): more sound than speech") {
		t.Errorf("report:\n%s", r)
	}
}

// TestUnsaidMarkBeforePause checks that a mark with nothing to say, a
// closing ＞, is heard before the pause that follows it, not after it
// starting the next cue alone; an opening ＜, and a word the aligner
// hears in no time at the pause, stay with the speech after it.
func TestUnsaidMarkBeforePause(t *testing.T) {
	s := time.Second
	// One second of speech, a pause of two, one more second.
	clock := &speechClock{pts: []clockPoint{{0, 0}, {s, s}, {3 * s, s}, {4 * s, 2 * s}}}
	w := window{clock: clock, end: 4 * s}
	for _, tt := range []struct {
		text  string
		pause int // the boundary the pause is heard at
	}{
		{"Yes ＞ no", 2},
		{"Yes -- no", 2},
		{"Yes ＜ no", 1},
		{"Yes ( no", 1},
		{"Yes agenda no", 1}, // a word heard in no time goes with the speech after
	} {
		ws := splitWords(tt.text)
		var b turnBuffers
		h := b.hearWords(w, ws, []time.Duration{0, s, s, 2 * s})
		for k := 1; k < len(ws); k++ {
			if got, want := h.starts[k] > h.ends[k], k == tt.pause; got != want {
				t.Errorf("%q: pause before word %d = %v, want %v (starts %v, ends %v)", tt.text, k, got, want, h.starts, h.ends)
			}
		}
	}
}
