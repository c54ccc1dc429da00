package timing

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/capconv/capconv/convert/caption"
)

// Speech is where the media's audio holds speech (package convert/media
// finds it): with it, each turn's cues are timed to the speech in its
// window instead of to a model of how fast its speaker talks.
type Speech struct {
	// Spans are the stretches of speech, sorted by start and apart.
	Spans []SpeechSpan
	// Duration is the media's length: the last turn ends by it.
	Duration time.Duration
}

// SpeechSpan is one stretch of speech.
type SpeechSpan struct{ Start, End time.Duration }

const (
	// printedSlop is how much later than its printed start a turn's
	// speech may start: transcript tools truncate times to the second.
	printedSlop = time.Second
	// onsetLate: a weak first sound ("th", "h") is found a little late.
	onsetLate = 150 * time.Millisecond

	// onsetEarly: a span that starts this little before a printed start
	// is taken to start the turn (the truncation makes the printed start
	// the earliest, but detection blurs an onset by a frame or two).
	onsetEarly = 50 * time.Millisecond
	// snapPause is the shortest pause a break between cues is moved to:
	// a sentence end is a pause of a fifth of a second or more.
	snapPause = 150 * time.Millisecond
	// snapReach is how far, in speech time, a break between cues may
	// move to reach a pause.
	snapReach = time.Second
	// splitPause is the shortest pause that ends a cue even where its
	// words would fit in one: a cue is not left on screen over a silence
	// of a second or more, nor shown before the speech after it.
	splitPause = time.Second
	// fewSpeech and muchSpeech bound the speech found in a turn's window
	// against what its words need at its speaker's rate: less than
	// fewSpeech times is not the turn's speech (the detector missed it, or
	// the window is silent); more than muchSpeech times is music or other
	// sound. Either way the turn is timed without the audio.
	fewSpeech, muchSpeech = 0.25, 4.0
)

// Hearing is what the audio said of one turn, for reports.
type Hearing int

// What the audio said of a turn.
const (
	// NotHeard: no media was given.
	NotHeard Hearing = iota
	// Heard: the turn's cues are timed to the speech found in its window.
	Heard
	// NoSpeech: the window holds too little speech for the turn's words;
	// the turn is timed without the audio.
	NoSpeech
	// TooMuchSound: the window holds far more sound than the words need
	// (music, noise, other speech); the turn is timed without the audio.
	TooMuchSound
)

// String names h in reports.
func (h Hearing) String() string {
	switch h {
	case Heard:
		return "speech found"
	case NoSpeech:
		return "no speech found"
	case TooMuchSound:
		return "more sound than speech"
	}
	return "no media"
}

// TurnHearing is what the audio said of one turn: Match is the speech
// found in its window over what its words need at its speaker's rate (1
// is a perfect match; the rate is measured without the audio, so 0.7–1.5
// is usual).
type TurnHearing struct {
	Start   time.Duration // the turn's printed start
	Speaker string
	Hearing Hearing
	Speech  time.Duration // speech found for the turn
	Match   float64
}

// speechClock maps a turn's speech time (time spent speaking, pauses
// left out) to media time, over the spans of speech the turn holds.
type speechClock struct {
	spans []SpeechSpan
	cum   []time.Duration // speech time before each span
	total time.Duration
}

func newClock(spans []SpeechSpan) *speechClock {
	c := &speechClock{spans: spans, cum: make([]time.Duration, len(spans))}
	for i, s := range spans {
		c.cum[i] = c.total
		c.total += s.End - s.Start
	}
	return c
}

// endAt is the first instant at which s of speech has been spoken.
func (c *speechClock) endAt(s time.Duration) time.Duration {
	k := sort.Search(len(c.spans), func(k int) bool { return c.cum[k]+c.spans[k].End-c.spans[k].Start >= s })
	if k == len(c.spans) {
		return c.spans[len(c.spans)-1].End
	}
	return c.spans[k].Start + max(s-c.cum[k], 0)
}

// startAt is the last instant at which s of speech has been spoken: at a
// pause, the start of the speech after it.
func (c *speechClock) startAt(s time.Duration) time.Duration {
	k := sort.Search(len(c.spans), func(k int) bool { return c.cum[k]+c.spans[k].End-c.spans[k].Start > s })
	if k == len(c.spans) {
		return c.spans[len(c.spans)-1].End
	}
	return c.spans[k].Start + max(s-c.cum[k], 0)
}

// snap moves a break at speech time s to the nearest pause of at least
// snapPause within snapReach, after lo (the previous break) and before hi
// (the speech the rest of the turn needs), when there is one.
func (c *speechClock) snap(s, lo, hi time.Duration) time.Duration {
	// A longer pause is the likelier sentence end: it is preferred to a
	// nearer, shorter one by half its length.
	best, cost := s, snapReach
	for k := 1; k < len(c.spans); k++ {
		gap := c.spans[k].Start - c.spans[k-1].End
		if gap < snapPause {
			continue
		}
		at := c.cum[k]
		if at <= lo || at >= hi {
			continue
		}
		d := (at - s).Abs()
		if d > snapReach {
			continue
		}
		if d -= gap / 2; d < cost {
			best, cost = at, d
		}
	}
	return best
}

// splitAtPauses cuts the chunks of a turn timed to w's clock where the
// speech pauses for splitPause or more: at the word boundary nearest,
// in speech time, to the pause (chunkTimes then moves the break onto
// it).
func (w window) splitAtPauses(chunks [][]word) [][]word {
	c := w.clock
	var pauses []time.Duration // the long pauses, in speech time
	for k := 1; k < len(c.spans); k++ {
		if c.spans[k].Start-c.spans[k-1].End >= splitPause && c.cum[k] > w.clockFrom && c.cum[k] < w.clockTo {
			pauses = append(pauses, c.cum[k])
		}
	}
	if len(pauses) == 0 {
		return chunks
	}
	total := 0.0
	for _, ch := range chunks {
		total += spoken(ch)
	}
	if total == 0 {
		return chunks
	}
	span := float64(w.clockTo - w.clockFrom)
	var out [][]word
	done, p := 0.0, 0
	for _, ch := range chunks {
		from := 0
		at := done
		for i := range ch {
			next := at + spoken(ch[i:i+1])
			for p < len(pauses) && w.clockFrom+time.Duration(next/total*span) > pauses[p] {
				// The pause falls in word i: break before or after it,
				// whichever boundary is nearer.
				lo := w.clockFrom + time.Duration(at/total*span)
				hi := w.clockFrom + time.Duration(next/total*span)
				cut := i + 1
				if pauses[p]-lo < hi-pauses[p] {
					cut = i
				}
				if cut > from && cut < len(ch) {
					out = append(out, ch[from:cut])
					from = cut
				}
				p++
			}
			at = next
		}
		out = append(out, ch[from:])
		done = at
	}
	return out
}

// hear finds each turn's speech in sp and makes its window's clock, or
// says why the turn is timed without it.
func hear(segs []caption.Segment, ws []window, sp *Speech, m model) []TurnHearing {
	out := make([]TurnHearing, len(segs))
	spans := sp.Spans
	onsets := make([]time.Duration, len(segs))
	found := make([]bool, len(segs))
	for i := 0; i < len(segs); {
		j := sameStart(segs, i)
		limit := sp.Duration
		if j < len(segs) {
			limit = segs[j].Start + printedSlop
		}
		at, ok := onset(spans, segs[i], limit, m)
		for k := i; k < j; k++ {
			onsets[k], found[k] = at, ok
		}
		i = j
	}
	for i := 0; i < len(segs); {
		j := sameStart(segs, i)
		var need time.Duration
		for k := i; k < j; k++ {
			need += ws[k].need
			out[k] = TurnHearing{Start: segs[k].Start, Speaker: segs[k].Speaker}
		}
		end := sp.Duration
		if j < len(segs) {
			end = onsets[j]
		} else {
			// The last turn: nothing follows to say where it ends, so it
			// takes no more of the rest than its words could need.
			end = min(end, onsets[i]+time.Duration(muchSpeech*float64(need))+2*time.Second)
		}
		var in []SpeechSpan
		if found[i] {
			in = clip(spans, onsets[i], end)
		}
		heard := newClock(in)
		h := Heard
		switch {
		case !found[i] || float64(heard.total) < fewSpeech*float64(need):
			h = NoSpeech
		case float64(heard.total) > muchSpeech*float64(need):
			h = TooMuchSound
		}
		// Turns that share a start share the group's speech by their
		// share of its words' need.
		from := time.Duration(0)
		for k := i; k < j; k++ {
			out[k].Hearing = h
			if need > 0 {
				out[k].Match = float64(heard.total) / float64(need)
			}
			share := heard.total
			if k < j-1 && need > 0 {
				share = time.Duration(float64(heard.total) * float64(ws[k].need) / float64(need))
			}
			out[k].Speech = share
			if h == Heard {
				ws[k].clock = heard
				ws[k].clockFrom, ws[k].clockTo = from, from+share
			}
			from += share
		}
		i = j
	}
	return out
}

// onset is where the turn s begins to speak: the first speech at or just
// before its printed start, or, where speech is already going on then
// (the previous turn's last words), the start of the speech after the
// longest pause in the second that follows (half a second after the
// printed start when there is none); false when no speech starts before
// limit.
func onset(spans []SpeechSpan, s caption.Segment, limit time.Duration, m model) (time.Duration, bool) {
	p := s.Start
	k := sort.Search(len(spans), func(k int) bool { return spans[k].End > p })
	if k == len(spans) {
		return p + m.startLag, false
	}
	if spans[k].Start >= p-onsetEarly || s.ExactStart {
		if spans[k].Start >= limit {
			return p + m.startLag, false
		}
		return max(spans[k].Start, p), true
	}
	best, gap := time.Duration(-1), time.Duration(0)
	for j := k + 1; j < len(spans) && spans[j].Start <= p+printedSlop+onsetLate; j++ {
		if g := spans[j].Start - spans[j-1].End; g > gap {
			best, gap = spans[j].Start, g
		}
	}
	if best < 0 {
		// No pause: the turn follows the last one without a breath, or
		// both talk at once. Its speech starts where a printed start
		// says it does on average.
		return p + m.startLag, true
	}
	return best, true
}

// clip returns the parts of spans inside [from, to).
func clip(spans []SpeechSpan, from, to time.Duration) []SpeechSpan {
	k := sort.Search(len(spans), func(k int) bool { return spans[k].End > from })
	var out []SpeechSpan
	for ; k < len(spans) && spans[k].Start < to; k++ {
		s := spans[k]
		s.Start, s.End = max(s.Start, from), min(s.End, to)
		if s.End > s.Start {
			out = append(out, s)
		}
	}
	return out
}

// chunkTimes times the chunks of a turn whose window has a speech clock:
// each takes its share of the turn's speech by its characters (the
// pauses are the audio's, not the text's), and a break between two
// chunks moves to a pause nearby, where one chunk ends and the next
// starts. fracs are the chunks' cumulative shares of the turn's
// characters. It returns each chunk's start and end.
func (w window) chunkTimes(fracs []float64) (starts, ends []time.Duration) {
	c := w.clock
	span := w.clockTo - w.clockFrom
	starts, ends = make([]time.Duration, len(fracs)), make([]time.Duration, len(fracs))
	prev := w.clockFrom
	starts[0] = c.startAt(prev)
	at := func(f float64) time.Duration { return w.clockFrom + time.Duration(f*float64(span)) }
	for k, f := range fracs {
		if k == len(fracs)-1 {
			ends[k] = c.endAt(w.clockTo)
			break
		}
		hi := w.clockTo
		if k+2 < len(fracs) {
			hi = at(fracs[k+1])
		}
		s := c.snap(at(f), prev, hi)
		ends[k], starts[k+1] = c.endAt(s), c.startAt(s)
		prev = s
	}
	return starts, ends
}

// HearingReport says what the audio said of the turns: how many it timed,
// how well their speech matched their words, and each turn timed without
// it (the first ten) and why.
func HearingReport(hs []TurnHearing) string {
	var b strings.Builder
	heard := 0
	var matches []float64
	var missed []int
	for i, h := range hs {
		if h.Hearing == Heard {
			heard++
			matches = append(matches, h.Match)
		} else {
			missed = append(missed, i)
		}
	}
	fmt.Fprintf(&b, "media: speech found for %d of %d %s", heard, len(hs), pluralTurns(len(hs)))
	if len(matches) > 0 {
		sort.Float64s(matches)
		fmt.Fprintf(&b, " (speech over what the words need: median %.2f)", matches[len(matches)/2])
	}
	if len(missed) == 0 {
		b.WriteString("\n")
		return b.String()
	}
	fmt.Fprintf(&b, "; %d timed without the audio:\n", len(missed))
	const shown = 10
	for _, i := range missed[:min(len(missed), shown)] {
		h := hs[i]
		who := ""
		if h.Speaker != "" {
			who = " (" + h.Speaker + ")"
		}
		fmt.Fprintf(&b, "  turn %d at %s%s: %s\n", i+1, clock(h.Start), who, h.Hearing)
	}
	if len(missed) > shown {
		fmt.Fprintf(&b, "  and %d more\n", len(missed)-shown)
	}
	return b.String()
}

func pluralTurns(n int) string {
	if n == 1 {
		return "turn"
	}
	return "turns"
}
