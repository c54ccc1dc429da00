package timing

import (
	"math/rand"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/capconv/capconv/convert/caption"
	"github.com/google/go-cmp/cmp"
)

// ranged is a segment that states its range.
func ranged(start, end time.Duration, who, text string) caption.Segment {
	return caption.Segment{Start: start, End: end, Speaker: who, Paragraphs: []string{text}}
}

// cueSegments returns the index of the segment each cue's words come
// from.
func cueSegments(t *testing.T, doc *caption.Document) []int {
	t.Helper()
	var out []int
	seg, left := -1, 0
	for k, c := range doc.Cues {
		for left == 0 {
			seg++
			if seg >= len(doc.Segments) {
				t.Fatalf("cue %d: no segment left for its words", k)
			}
			left = len(wordTexts(doc.Segments[seg].Text()))
		}
		out = append(out, seg)
		for j, l := range c.Lines {
			if left == 0 && j > 0 && isDialogue(c) {
				// A dialogue's second line is the next segment's.
				seg++
				if seg >= len(doc.Segments) {
					t.Fatalf("cue %d: no segment left for its words", k)
				}
				left = len(wordTexts(doc.Segments[seg].Text()))
			}
			left -= len(wordTexts(l.Text))
		}
		for left < 0 && seg+1 < len(doc.Segments) && doc.Segments[seg+1].Speaker == doc.Segments[seg].Speaker {
			// A paragraph that breaks off mid-sentence runs on into the
			// same speaker's next (joinParagraphs).
			seg++
			left += len(wordTexts(doc.Segments[seg].Text()))
		}
		if left < 0 {
			t.Fatalf("cue %d takes words of two segments", k)
		}
	}
	return out
}

// isDialogue reports whether c is a dialogue cue (see joinDialogue): two
// lines of two speakers, each opened by a dash.
func isDialogue(c caption.Cue) bool {
	return len(c.Lines) == 2 && c.Lines[0].Speaker != c.Lines[1].Speaker && c.Lines[0].Dash && c.Lines[1].Dash
}

// segmentCues returns the cues made from segment i.
func segmentCues(t *testing.T, doc *caption.Document, i int) []caption.Cue {
	t.Helper()
	var out []caption.Cue
	for k, s := range cueSegments(t, doc) {
		if s == i {
			out = append(out, doc.Cues[k])
		}
	}
	if len(out) == 0 {
		t.Fatalf("segment %d has no cue", i)
	}
	return out
}

func TestStatedRanges(t *testing.T) {
	long := strings.TrimSpace(strings.Repeat("and then we trained the model again, ", 8)) // 303 characters
	yes := "Yes, I think so."                                                             // 16 characters, a clause and a sentence end: 24 units
	s := time.Second
	tests := []struct {
		name string
		segs []caption.Segment
		o    Options
		// seg is the segment whose cues are checked.
		seg int
		// wantStart and wantEnd are its first cue's start and last cue's
		// end; minCues the fewest cues it is cut into.
		wantStart, wantEnd time.Duration
		minCues            int
		// wantRule, when set, is a rule Check must report for one of the
		// segment's cues: the range is kept even where it is too short.
		wantRule Rule
		reason   string
	}{
		{
			name: "a turn that fills its range ends at End",
			segs: []caption.Segment{
				ranged(0, 3*s, "Ann", "We shipped the new model on Tuesday morning."),
				ranged(10*s, 12*s, "Bob", "Great."),
			},
			wantStart: 0, wantEnd: 3 * s, minCues: 1,
			reason: "44 characters need about 3.5 s at 15 cps: the 3 s range is all speech, and no cue passes its end into the silence before the next turn",
		},
		{
			name: "a long turn in a short range is split inside it",
			segs: []caption.Segment{
				ranged(2*s, 8*s, "Ann", long),
				ranged(30*s, 31*s, "Bob", "Right."),
			},
			wantStart: 2 * s, wantEnd: 8 * s, minCues: 4,
			wantRule: RuleCPS,
			reason:   "303 characters in 6 s read at 50 cps: the range is kept and Check says so",
		},
		{
			name: "a short turn in a long range ends after its speech",
			segs: []caption.Segment{
				ranged(0, 10*s, "Ann", yes),
				ranged(12*s, 14*s, "Bob", "Fine."),
			},
			wantStart: 0, wantEnd: time.Duration(float64(seconds(24/defaultModel.minRate))*defaultModel.slack) + defaultModel.linger,
			minCues: 1,
			reason:  "as in a start-only window more than twice what the words need: 1.15 × its speech at the slowest rate, the linger, then silence up to End",
		},
		{
			name: "the last turn uses its End, not an estimate",
			segs: []caption.Segment{
				ranged(5*s, 8*s, "Ann", "Sixty characters of closing words take four seconds to say."),
			},
			seg:       0,
			wantStart: 5 * s, wantEnd: 8 * s, minCues: 1,
			reason: "without End the estimate would run to about 9.5 s",
		},
		{
			name: "the media's end bounds a range that passes it",
			segs: []caption.Segment{
				ranged(5*s, 8*s, "Ann", "Sixty characters of closing words take four seconds to say."),
			},
			o:         Options{MediaDuration: 7 * s},
			wantStart: 5 * s, wantEnd: 7 * s, minCues: 1,
		},
		{
			name: "an overlapping range is clamped to the next start",
			segs: []caption.Segment{
				ranged(0, 5*s, "Ann", "We shipped the new model on Tuesday morning, right on time."),
				ranged(3*s, 6*s, "Bob", "And nobody slept that week."),
			},
			wantStart: 0, wantEnd: 3*s - DefaultMinGap, minCues: 1,
			reason: "the next start wins: Ann's range stops at 3 s, less the minimum gap before Bob's cue",
		},
		{
			name: "the next turn of an overlap starts at its own start",
			segs: []caption.Segment{
				ranged(0, 5*s, "Ann", "We shipped the new model on Tuesday morning, right on time."),
				ranged(3*s, 6*s, "Bob", "And nobody slept that week."),
			},
			seg:       1,
			wantStart: 3 * s, wantEnd: 6 * s,
			minCues: 1,
			reason:  "a stated start is exact: no truncation lag; 27 characters and a sentence end need 2.2 s at 15 cps, so the 3 s range is all speech",
		},
		{
			name: "a range too short to read keeps its end",
			segs: []caption.Segment{
				ranged(0, 300*time.Millisecond, "Ann", "Yes."),
				ranged(5*s, 6*s, "Bob", "Good."),
			},
			wantStart: 0, wantEnd: 300 * time.Millisecond, minCues: 1,
			wantRule: RuleMinDuration,
			reason:   "the silence after End is not used to reach the minimum duration",
		},
		{
			name: "a start-only turn before a range stops at the range's start",
			segs: []caption.Segment{
				{Start: 0, Speaker: "Ann", Paragraphs: []string{"We shipped the new model on Tuesday morning."}},
				ranged(2*s, 4*s, "Bob", "Great."),
			},
			wantStart: defaultModel.startLag, wantEnd: 2*s - DefaultMinGap, minCues: 1,
			reason: "the start-only turn's speech starts late, but the next turn's stated start is exact",
		},
		{
			name: "a zero-length range is timed as a start-only turn",
			segs: []caption.Segment{
				ranged(0, 0, "Ann", yes),
				ranged(10*s, 12*s, "Bob", "Fine."),
			},
			wantStart: defaultModel.startLag,
			wantEnd:   defaultModel.startLag + time.Duration(float64(seconds(24/defaultModel.minRate))*defaultModel.slack) + defaultModel.linger,
			minCues:   1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &caption.Document{Segments: tt.segs}
			MakeCues(doc, tt.o)
			cues := segmentCues(t, doc, tt.seg)
			if got := cues[0].Start; got != tt.wantStart {
				t.Errorf("first cue starts at %v, want %v (%s)", got, tt.wantStart, tt.reason)
			}
			if got := cues[len(cues)-1].End; got != tt.wantEnd {
				t.Errorf("last cue ends at %v, want %v (%s)", got, tt.wantEnd, tt.reason)
			}
			if len(cues) < tt.minCues {
				t.Errorf("%d cues, want at least %d (%s)", len(cues), tt.minCues, tt.reason)
			}
			if tt.wantRule != "" {
				found := false
				for _, v := range Check(doc.Cues, tt.o) {
					found = found || v.Rule == tt.wantRule && cueSegments(t, doc)[v.Cue] == tt.seg
				}
				if !found {
					t.Errorf("Check reports no %s violation for segment %d (%s)", tt.wantRule, tt.seg, tt.reason)
				}
			}
		})
	}
}

// TestStatedRangesMeasureRates: a speaker's rate is measured on their
// ranges, which hold speech only, not on the time to the next start.
func TestStatedRangesMeasureRates(t *testing.T) {
	var segs []caption.Segment
	text := strings.TrimSpace(strings.Repeat("word ", 40)) // 199 characters
	for i := range 4 {
		at := time.Duration(i) * 30 * time.Second
		segs = append(segs, ranged(at, at+10*time.Second, "Ann", text))
	}
	rates, slow := speakerRates(segs, segmentUnits(segmentWords(segs), defaultModel), Options{}.withDefaults(), defaultModel)
	if want := 19.9; rates["Ann"] != want || slow["Ann"] {
		t.Errorf("rate %v, slow %v; want %v measured on the 10 s ranges, not slow", rates["Ann"], slow["Ann"], want)
	}
}

// randomRanges builds a transcript of n segments whose starts fall on
// random milliseconds (some shared) and which all state a range, from a
// millisecond to a minute long, often passing the next start.
func randomRanges(r *rand.Rand, n int) *caption.Document {
	speakers := []string{"Ann", "Bob Smith", "SPEAKER_00"}
	doc := &caption.Document{}
	at := time.Duration(r.Intn(5000)) * time.Millisecond
	for range n {
		var words []string
		for k := r.Intn(80); k > 0; k-- {
			words = append(words, vocabulary[r.Intn(len(vocabulary))])
		}
		length := time.Duration(1+r.Intn(20000)) * time.Millisecond
		if r.Intn(8) == 0 {
			length = time.Duration(1+r.Intn(60000)) * time.Millisecond
		}
		doc.Segments = append(doc.Segments, ranged(at, at+length, speakers[r.Intn(len(speakers))], strings.Join(words, " ")))
		switch r.Intn(8) {
		case 0: // same start as the next segment
		case 1:
			at += length + time.Duration(r.Intn(1000))*time.Millisecond // a little overlap or a little silence
		default:
			at += time.Duration(1+r.Intn(15000)) * time.Millisecond
		}
	}
	return doc
}

// rangeBounds returns the stretch each segment's cues must keep to: from
// its start to its end clamped to the next later start; segments that
// share a start share the stretch up to the latest of their ends.
func rangeBounds(segs []caption.Segment, media time.Duration) (lo, hi []time.Duration) {
	lo, hi = make([]time.Duration, len(segs)), make([]time.Duration, len(segs))
	for i := 0; i < len(segs); {
		j := i
		var end time.Duration
		for ; j < len(segs) && segs[j].Start == segs[i].Start; j++ {
			end = max(end, segs[j].End)
		}
		if j < len(segs) {
			end = min(end, segs[j].Start)
		}
		if media > segs[i].Start {
			end = min(end, media)
		}
		for k := i; k < j; k++ {
			lo[k], hi[k] = segs[i].Start, end
		}
		i = j
	}
	return lo, hi
}

func TestStatedRangesProperties(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	for iter := range 300 {
		doc := randomRanges(r, 1+r.Intn(30))
		o := Options{MaxChars: 20 + r.Intn(30), MaxLines: 1 + r.Intn(3)}
		if r.Intn(2) == 0 {
			p, _ := Preset(PresetNames()[r.Intn(len(PresetNames()))])
			o.MaxCPS, o.MinDuration, o.MaxDuration, o.MinGap, o.ChainGap = p.MaxCPS, p.MinDuration, p.MaxDuration, p.MinGap, p.ChainGap
		}
		if r.Intn(4) == 0 {
			o.MediaDuration = doc.Segments[len(doc.Segments)-1].Start + time.Duration(1+r.Intn(5000))*time.Millisecond
		}
		var labelWidth func(string) int
		if r.Intn(2) == 0 {
			labelWidth = func(s string) int { return utf8.RuneCountInString(s) + 2 }
		}
		NewTurns(doc, o).MakeCues(doc, labelWidth)
		checkCueProperties(t, doc, o.withDefaults(), labelWidth)
		lo, hi := rangeBounds(doc.Segments, o.MediaDuration)
		for k, i := range cueSegments(t, doc) {
			c := doc.Cues[k]
			if c.Start < lo[i] || c.End > hi[i] {
				t.Errorf("cue %d [%v, %v] is outside segment %d's range [%v, %v]", k, c.Start, c.End, i, lo[i], hi[i])
			}
			if c.End <= c.Start {
				t.Errorf("cue %d [%v, %v] lasts %v", k, c.Start, c.End, c.End-c.Start)
			}
			if k > 0 && c.Start < doc.Cues[k-1].End {
				t.Errorf("cue %d starts at %v, before cue %d ends at %v", k, c.Start, k-1, doc.Cues[k-1].End)
			}
		}
		if t.Failed() {
			t.Fatalf("iteration %d, options %+v, labels %t", iter, o, labelWidth != nil)
		}
	}
}

// TestMixedRangesProperties: transcripts where some turns state a range
// and some do not keep the package's invariants, and every cue of a turn
// with a range stays inside it.
func TestMixedRangesProperties(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	for iter := range 300 {
		doc := randomRanges(r, 1+r.Intn(30))
		for i := range doc.Segments {
			switch r.Intn(4) {
			case 0:
				doc.Segments[i].End = 0
			case 1:
				doc.Segments[i].End = doc.Segments[i].Start
			}
		}
		o := Options{MaxChars: 20 + r.Intn(30), MaxLines: 1 + r.Intn(3)}
		MakeCues(doc, o)
		checkCueProperties(t, doc, o.withDefaults(), nil)
		lo, hi := rangeBounds(doc.Segments, 0)
		stated := statedEnds(doc.Segments)
		for k, i := range cueSegments(t, doc) {
			c := doc.Cues[k]
			if k > 0 && c.Start < doc.Cues[k-1].End {
				t.Errorf("cue %d starts at %v, before cue %d ends at %v", k, c.Start, k-1, doc.Cues[k-1].End)
			}
			if !groupStated(stated, doc.Segments, firstOfStart(doc.Segments, i)) {
				continue
			}
			if c.Start < lo[i] || c.End > hi[i] {
				t.Errorf("cue %d [%v, %v] is outside segment %d's range [%v, %v]", k, c.Start, c.End, i, lo[i], hi[i])
			}
		}
		if t.Failed() {
			t.Fatalf("iteration %d, options %+v", iter, o)
		}
	}
}

// firstOfStart returns the first segment that shares segs[i]'s start.
func firstOfStart(segs []caption.Segment, i int) int {
	for i > 0 && segs[i-1].Start == segs[i].Start {
		i--
	}
	return i
}

// TestStartOnlyUnchanged: a transcript whose segments state no end is
// timed as before ranges existed, whatever the segments' End fields hold
// of no length.
func TestStartOnlyUnchanged(t *testing.T) {
	r := rand.New(rand.NewSource(11))
	for i := range 20 {
		doc := randomTranscript(r, 1+r.Intn(40))
		want := caption.Document{Segments: doc.Segments}
		MakeCues(&want, Options{})
		zero := caption.Document{Segments: append([]caption.Segment(nil), doc.Segments...)}
		for k := range zero.Segments {
			zero.Segments[k].End = zero.Segments[k].Start
		}
		MakeCues(&zero, Options{})
		if d := cmp.Diff(want.Cues, zero.Cues); d != "" {
			t.Errorf("transcript %d (-no End +End == Start):\n%s", i, d)
		}
	}
}
