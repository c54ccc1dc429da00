package timing

import (
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/capconv/capconv/convert/caption"
)

// Speech is where the media's audio holds speech (package convert/media
// finds it): with it, each turn's cues are timed to the speech in its
// window instead of to a model of how fast its speaker talks.
type Speech struct {
	// Spans are the stretches of speech, sorted by start and apart.
	Spans []SpeechSpan
	// Nuclei, when not nil, are the peaks of loudness of the syllables
	// inside the spans, sorted: words are then spread over syllables
	// said rather than over time spent speaking, which follows a speaker
	// who hurries or drawls.
	Nuclei []time.Duration
	// Duration is the media's length: the last turn ends by it.
	Duration time.Duration
	// Words, when not nil, aligns turns' words to their speech (package
	// convert/media does it by warping synthesized speech onto the
	// media's): given the words of one or more turns in a row, and the
	// spans they are said in, it returns the instant each boundary is
	// said (before the first word, then after each, the turns' words in
	// a row), or nil when it cannot. Without it, or when it fails, the
	// words are spread over the syllables.
	Words func(turns [][]string, spans []SpeechSpan) []time.Duration
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
	// refinePause: a turn whose speech starts after a pause shorter
	// than this may yet be the last turn's (a comma's pause just after
	// the printed start): with a word aligner, both turns' words are
	// aligned to say where it starts. After a longer pause the speech is
	// the turn's. (Aligning every turn's start measured no better.)
	refinePause = 500 * time.Millisecond
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

// speechClock maps a measure of how much of a turn has been said to
// media time, over the spans of speech the turn holds: the syllables
// said, when the audio's syllable nuclei are known (each nucleus is
// syllable seconds into its syllable's share), else the time spent
// speaking. Either way the measure stands still in pauses.
type speechClock struct {
	spans    []SpeechSpan
	cum      []time.Duration // the measure at each span's start
	total    time.Duration   // the measure at the end
	speech   time.Duration   // the time spent speaking
	pts      []clockPoint    // the measure, linear between points
	syllabic bool
	words    func([][]string, []SpeechSpan) []time.Duration // see Speech.Words
}

type clockPoint struct{ t, m time.Duration }

// syllable is the measure of one syllable: a fifth of a second, a
// syllable's usual length, so that both measures run alike.
const syllable = 200 * time.Millisecond

func newClock(spans []SpeechSpan, nuclei []time.Duration) *speechClock {
	c := &speechClock{spans: spans, cum: make([]time.Duration, len(spans)), syllabic: nuclei != nil}
	k := 0
	for i, s := range spans {
		c.cum[i] = c.total
		c.speech += s.End - s.Start
		c.pts = append(c.pts, clockPoint{s.Start, c.total})
		if !c.syllabic {
			c.total += s.End - s.Start
			c.pts = append(c.pts, clockPoint{s.End, c.total})
			continue
		}
		for k < len(nuclei) && nuclei[k] <= s.Start {
			k++
		}
		n := 0
		for ; k < len(nuclei) && nuclei[k] < s.End; k++ {
			c.pts = append(c.pts, clockPoint{nuclei[k], c.total + syllable*time.Duration(2*n+1)/2})
			n++
		}
		if n == 0 { // a sound too short for a syllable of its own
			c.total += min(syllable, s.End-s.Start)
		} else {
			c.total += syllable * time.Duration(n)
		}
		c.pts = append(c.pts, clockPoint{s.End, c.total})
	}
	return c
}

// endAt is the first instant at which m has been said.
func (c *speechClock) endAt(m time.Duration) time.Duration {
	i := sort.Search(len(c.pts), func(i int) bool { return c.pts[i].m >= m })
	return c.between(i, m)
}

// measureAt is how much has been said at instant t.
func (c *speechClock) measureAt(t time.Duration) time.Duration {
	i := sort.Search(len(c.pts), func(i int) bool { return c.pts[i].t >= t })
	switch {
	case len(c.pts) == 0:
		return 0
	case i == 0:
		return c.pts[0].m
	case i == len(c.pts):
		return c.total
	}
	a, b := c.pts[i-1], c.pts[i]
	if b.t == a.t {
		return b.m
	}
	return a.m + time.Duration(float64(b.m-a.m)*float64(t-a.t)/float64(b.t-a.t))
}

// startAt is the last instant at which no more than m has been said: at
// a pause, the start of the speech after it.
func (c *speechClock) startAt(m time.Duration) time.Duration {
	i := sort.Search(len(c.pts), func(i int) bool { return c.pts[i].m > m })
	return c.between(i, m)
}

// between interpolates the instant of measure m between points i-1 and i.
func (c *speechClock) between(i int, m time.Duration) time.Duration {
	switch {
	case len(c.pts) == 0:
		return 0
	case i == 0:
		return c.pts[0].t
	case i == len(c.pts):
		return c.pts[len(c.pts)-1].t
	}
	a, b := c.pts[i-1], c.pts[i]
	if b.m == a.m {
		return a.t
	}
	return a.t + time.Duration(float64(b.t-a.t)*float64(m-a.m)/float64(b.m-a.m))
}

// said is how much of the clock's measure a word takes: its syllables
// (see syllables) on a syllabic clock, else the time it takes to say, in
// characters (see spoken).
func (c *speechClock) said(w []word) float64 {
	if !c.syllabic {
		return spoken(w)
	}
	n := 0
	for _, x := range w {
		n += syllables(x.text)
		if x.kanji() {
			n += hanCount(x.text) // a kanji is about two morae
		}
	}
	// In characters, as the alignment's costs count them: a syllable is
	// about three.
	return 3 * float64(n)
}

// syllables counts the syllables of a word as it is written: its groups
// of vowels in alphabets that write them (Latin, Greek, Cyrillic), a
// syllable a character in scripts whose characters are syllables (Han,
// kana, Hangul), one a digit, and one for every two letters of other
// scripts; at least one for a word with a letter or digit.
func syllables(w string) int {
	if n, ok := asciiSyllables(w); ok {
		return n
	}
	return unicodeSyllables(w)
}

// unicodeSyllables is syllables for a word in any script.
func unicodeSyllables(w string) int {
	n, inVowel, letters, other := 0, false, 0, 0
	for _, r := range w {
		switch {
		case unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r):
			n++
			inVowel = false
		case unicode.IsDigit(r):
			n++
			inVowel = false
		case unicode.IsLetter(r):
			letters++
			switch {
			case isVowel(r):
				if !inVowel {
					n++
				}
				inVowel = true
			case unicode.In(r, unicode.Latin, unicode.Greek, unicode.Cyrillic):
				inVowel = false
			default:
				other++
				inVowel = false
			}
		default:
			inVowel = false
		}
	}
	n += other / 2
	if n == 0 && letters > 0 {
		n = 1
	}
	return n
}

// asciiSyllables is syllables for a word all in ASCII, most words of
// most transcripts, without the Unicode tables; false for any other.
func asciiSyllables(w string) (int, bool) {
	n, inVowel, letters := 0, false, 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= utf8.RuneSelf:
			return 0, false
		case c >= '0' && c <= '9':
			n++
			inVowel = false
		case c|0x20 >= 'a' && c|0x20 <= 'z':
			letters++
			switch c | 0x20 {
			case 'a', 'e', 'i', 'o', 'u', 'y':
				if !inVowel {
					n++
				}
				inVowel = true
			default:
				inVowel = false
			}
		default:
			inVowel = false
		}
	}
	if n == 0 && letters > 0 {
		n = 1
	}
	return n, true
}

// isVowel reports whether r is a vowel of the Latin, Greek or Cyrillic
// alphabet, accents and all.
func isVowel(r rune) bool {
	r = unicode.ToLower(r)
	if r < utf8.RuneSelf {
		return strings.ContainsRune("aeiouy", r)
	}
	return strings.ContainsRune("àáâãäåæèéêëìíîïòóôõöøœùúûüýÿāăąēĕėęěīĭįıōŏőũūŭůűųŷαεηιουωάέήίόύώаеёиоуыэюяіїє", r)
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
		at, ok, clean := onset(spans, segs[i], limit, m)
		if ok && (!clean || pauseBefore(spans, at) < refinePause) && sp.Words != nil && i > 0 && sameStart(segs, i-1) == i && j == i+1 {
			at = refineOnset(segs, spans, onsets, i, at, sp)
		}
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
		heard := newClock(in, clipTimes(sp.Nuclei, onsets[i], end, sp.Nuclei != nil))
		heard.words = sp.Words
		h := Heard
		switch {
		case !found[i] || float64(heard.speech) < fewSpeech*float64(need):
			h = NoSpeech
		case float64(heard.speech) > muchSpeech*float64(need):
			h = TooMuchSound
		}
		// Turns that share a start share the group's speech by their
		// share of its words' need.
		from := time.Duration(0)
		for k := i; k < j; k++ {
			out[k].Hearing = h
			if need > 0 {
				out[k].Match = float64(heard.speech) / float64(need)
			}
			share := heard.total
			if k < j-1 && need > 0 {
				share = time.Duration(float64(heard.total) * float64(ws[k].need) / float64(need))
			}
			out[k].Speech = time.Duration(float64(heard.speech) * float64(share) / float64(max(heard.total, 1)))
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
// limit. clean is false for the second kind, an onset guessed.
func onset(spans []SpeechSpan, s caption.Segment, limit time.Duration, m model) (at time.Duration, ok, clean bool) {
	p := s.Start
	k := sort.Search(len(spans), func(k int) bool { return spans[k].End > p })
	if k == len(spans) {
		return p + m.startLag, false, false
	}
	if spans[k].Start >= p-onsetEarly || s.ExactStart {
		if spans[k].Start >= limit {
			return p + m.startLag, false, false
		}
		return max(spans[k].Start, p), true, true
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
		return p + m.startLag, true, false
	}
	return best, true, false
}

// clipTimes returns the times in [from, to), or nil when keep is false.
func clipTimes(ts []time.Duration, from, to time.Duration, keep bool) []time.Duration {
	if !keep {
		return nil
	}
	lo := sort.Search(len(ts), func(k int) bool { return ts[k] >= from })
	hi := max(lo, sort.Search(len(ts), func(k int) bool { return ts[k] >= to })) // to may come before from
	return append([]time.Duration{}, ts[lo:hi]...)
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

// refineOnset finds where turn i starts in speech that runs on from the
// turn before (onset found no clean start, or one after a short pause,
// at guess), by aligning both turns' words to their speech, from the
// previous turn's onset to the next turn's printed start: the boundary
// between them, kept within the second after the printed start that
// transcript tools truncate to. Of a long turn only the words nearest
// the boundary are aligned (alignPiece in all), over its share of the
// speech by characters, so that the warping stays bounded.
func refineOnset(segs []caption.Segment, spans []SpeechSpan, onsets []time.Duration, i int, guess time.Duration, sp *Speech) time.Duration {
	prev, this := strings.Fields(segs[i-1].Text()), strings.Fields(segs[i].Text())
	p := segs[i].Start
	from, to := onsets[i-1], sp.Duration
	if j := sameStart(segs, i); j < len(segs) {
		to = segs[j].Start
	}
	if n := alignPiece / 2; len(prev) > n {
		keep := chars(prev[len(prev)-n:]) / chars(prev)
		from = guess - time.Duration(keep*float64(guess-from))
		prev = prev[len(prev)-n:]
	}
	if n := alignPiece / 2; len(this) > n {
		keep := chars(this[:n]) / chars(this)
		to = guess + time.Duration(keep*float64(to-guess))
		this = this[:n]
	}
	in := clip(spans, from, to)
	if len(prev) == 0 || len(this) == 0 || len(in) == 0 {
		return guess
	}
	at := sp.Words([][]string{prev, this}, in)
	if len(at) != len(prev)+len(this)+1 {
		return guess
	}
	return min(max(at[len(prev)], p), p+printedSlop+onsetLate)
}

// chars counts the characters of words, at least one.
func chars(words []string) float64 {
	n := 0
	for _, w := range words {
		n += utf8.RuneCountInString(w)
	}
	return float64(max(n, 1))
}

// pauseBefore is the silence before the span that starts at at (none
// when at starts no span, or the first).
func pauseBefore(spans []SpeechSpan, at time.Duration) time.Duration {
	k := sort.Search(len(spans), func(k int) bool { return spans[k].Start >= at })
	if k == 0 || k == len(spans) || spans[k].Start != at {
		return 0
	}
	return spans[k].Start - spans[k-1].End
}
