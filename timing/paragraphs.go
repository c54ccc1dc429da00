package timing

import (
	"slices"
	"time"

	"github.com/capconv/capconv/convert/caption"
)

// A transcript tool that prints a timestamp every so often starts a new
// paragraph where the clock says, often mid-sentence ("…it can" | "0:12:14
// definitely happen…"). Cut paragraph by paragraph, the sentence breaks
// there whatever it costs: a flash of "it can", a cue that ends on "the".
// So the last cue of a paragraph that breaks off mid-sentence and the
// first of the same speaker's next paragraph are cut again as one run of
// words, each word keeping the time its own paragraph gave it.

// paragraphTail is the last cue of a paragraph that may go on in the same
// speaker's next one.
type paragraphTail struct {
	words   []word // its words
	reserve int    // the label's room before its first word
	lim     chunkLimits
	speaker string
	ok      bool
}

// maxParagraphJoinGap is the most time between a paragraph's last cue and
// the next paragraph's first that a cue may span when they are cut again
// as one: longer, and the speaker stopped there.
const maxParagraphJoinGap = 1500 * time.Millisecond

// continues reports whether a cue of the next paragraph may carry on
// from the words ws, a paragraph's last cue, in window w: its sentence is
// unfinished, and its times are the model's guesses (guessed).
func continues(ws []word, w window) bool {
	return len(ws) > 0 && !ws[len(ws)-1].closesSentence() && w.guessed()
}

// guessed reports whether w's times are the model's guesses, not a
// caption's, a stated range's or the audio's: only such cues may be cut
// again across a paragraph break.
func (w window) guessed() bool { return !w.known && !w.exact && w.clock == nil }

// joinParagraphs cuts cues[k], the last cue of a paragraph whose words
// are tail.words, and cues[k+1], the first of the same
// speaker's next paragraph, whose words are head, again as one run of
// words (splitChunks), when that reads better. Each word keeps its time:
// a cue's words share its time by their units. It returns the cues and how
// many of the new ones start in the tail's paragraph (0 when nothing
// changed).
func (b *turnBuffers) joinParagraphs(cues []caption.Cue, k int, tail paragraphTail, head []word, o Options, m model) ([]caption.Cue, int) {
	t, h := cues[k], cues[k+1]
	if h.Start-t.End > maxParagraphJoinGap || len(head) == 0 {
		return cues, 0
	}
	n := len(tail.words)
	ws := append(append(b.joined[:0], tail.words...), head...)
	b.joined = ws
	// The times are shared before the words' flags change below.
	tailTime := shareTimes(t, ws[:n], m)
	headTime := shareTimes(h, ws[n:], m)
	glueAcross(ws, n)
	// A paragraph break is a pause, the only sign of one in text without
	// punctuation (YouTube's automatic captions): the cue break stays
	// there unless it breaks a line-treatment rule or leaves a flash.
	lim := tail.lim
	if !breaksRule(ws[n-1], ws[n]) && !flash(t, ws[:n], lim) && !flash(h, ws[n:], lim) {
		return cues, 0
	}
	chunks := b.splitChunks(ws, lim)
	if len(chunks) == 2 && len(chunks[0]) == n {
		return cues, 0 // the paragraph break is the best cue break
	}
	// startAt(j) and endAt(j) are when a cue that starts or ends before
	// ws[j] does so.
	startAt := func(j int) time.Duration {
		if j < n {
			return tailTime(j)
		}
		return headTime(j - n)
	}
	endAt := func(j int) time.Duration {
		if j <= n {
			return tailTime(j)
		}
		return headTime(j - n)
	}
	out := make([]caption.Cue, 0, len(chunks))
	from, inTail := 0, 0
	for c, ch := range chunks {
		to := from + len(ch)
		start, end := startAt(from), endAt(to)
		if end-start > o.MaxDuration && from < n && to > n {
			return cues, 0 // a cue that spans the paragraph break would stay up too long
		}
		reserve := 0
		if c == 0 {
			reserve = tail.reserve
		}
		var lines []caption.Line
		for _, l := range b.lineBreaker.breakWords(ch, lim.maxChars, lim.maxLines, reserve) {
			lines = append(lines, caption.Line{Speaker: tail.speaker, Text: join(l)})
		}
		out = append(out, caption.Cue{Start: start, End: end, Lines: lines})
		if from < n {
			inTail++
		}
		from = to
	}
	return slices.Replace(cues, k, k+2, out...), inTail
}

// shareTimes returns when, in cue c whose words are ws, the speech is at
// the boundary before ws[j]: c's time shared among its words by their
// units (see units), c.End after the last.
func shareTimes(c caption.Cue, ws []word, m model) func(j int) time.Duration {
	total := units(ws, m)
	return func(j int) time.Duration {
		if j >= len(ws) || total <= 0 {
			if j == 0 {
				return c.Start
			}
			return c.End
		}
		return c.Start + time.Duration(float64(c.End-c.Start)*units(ws[:j], m)/total)
	}
}

// glueAcross glues ws[k], the first word of a paragraph, to ws[k-1], the
// last of the one before, when both are written without spaces: no space
// between paragraphs of Chinese or Japanese.
func glueAcross(ws []word, k int) {
	if endsUnspaced(ws[k-1].text) && startsUnspaced(ws[k].text) {
		ws[k].flags |= flagGlued
	}
}

// endsUnspaced reports whether text ends with a character of a script
// written without spaces (closing marks aside).
func endsUnspaced(text string) bool {
	return unspaced(lastRune(text))
}

// flash reports whether cue c, of the words ws, is gone before it can be
// read: narrower than a short chunk (lim.short), or shorter than the
// shortest a cue may last.
func flash(c caption.Cue, ws []word, lim chunkLimits) bool {
	return width(ws) < lim.short() || c.End-c.Start < lim.minDuration
}
