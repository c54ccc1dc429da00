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
	// anchorPause is the shortest pause the words are aligned to: the
	// stops inside words are shorter.
	anchorPause = 150 * time.Millisecond
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

// splitAtPauses cuts the chunks of a turn timed to w's clock at each
// word boundary that falls on a pause of splitPause or more (times: see
// wordTimes).
func (w window) splitAtPauses(chunks [][]word, times []time.Duration) [][]word {
	c := w.clock
	var out [][]word
	at := 0
	for _, ch := range chunks {
		from := 0
		for i := 1; i < len(ch); i++ {
			t := times[at+i]
			if c.startAt(t)-c.endAt(t) >= splitPause {
				out = append(out, ch[from:i])
				from = i
			}
		}
		out = append(out, ch[from:])
		at += len(ch)
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
