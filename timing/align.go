package timing

import (
	"math"
	"sort"
	"strings"
	"time"
)

// Aligning a turn's words to its speech. The audio says where the speech
// pauses; the text says where its words end, and which end a sentence or
// a clause. Each pause of anchorPause or more is either given to the
// boundary between two words (the words before it are said before it) or
// left inside speech (a hesitation, a stop); between two such anchors the
// words are spread evenly over the speech. Dynamic programming picks the
// anchors that keep the speaking rate between them closest to the turn's
// own, preferring sentence and clause ends, and the longer a pause the
// surer it is an anchor.
const (
	// rateSpread is how far the characters between two anchors may stray
	// from what the turn's rate gives, as a variance per character:
	// speakers slow down and hurry, by half and by twice.
	rateSpread = 3.0
	// sentenceBonus and clauseBonus reward a pause at a sentence end and
	// at a clause end.
	sentenceBonus, clauseBonus = 2.0, 1.0
	// skipCost is the cost of leaving a pause of 0.3 s inside speech; a
	// longer one costs more, up to maxSkipCost.
	skipCost, maxSkipCost = 1.5, 6.0
	// unpunctuated is the most a long pause costs at a boundary with no
	// punctuation: a second's pause is seldom inside a sentence.
	unpunctuated = 2.0
	// maxSkips is the most pauses in a row left inside speech.
	maxSkips = 3
)

// placeCost is the cost of a pause of length g at a boundary whose
// punctuation earns bonus: a sentence end is surer for a longer pause,
// and a long pause without punctuation is unlikely.
func placeCost(bonus float64, g time.Duration) float64 {
	if bonus > 0 {
		return -bonus * min(1, g.Seconds()/0.4)
	}
	return unpunctuated * min(1, max(0, g.Seconds()-0.3)/0.7)
}

// pause is a pause inside a turn's speech: where it falls in speech time,
// and how long it is.
type pause struct {
	at  time.Duration
	len time.Duration
}

// wordTimes returns, for each boundary of ws (before the first word, then
// after each word), the speech time of w's clock at which it falls.
func (w window) wordTimes(ws []word) []time.Duration {
	if w.clock.words != nil {
		if times := w.alignedTimes(ws); times != nil {
			return times
		}
	}
	return w.syllableTimes(ws)
}

// syllableTimes is wordTimes without the word aligner: the words spread
// over the syllables (or the time spent speaking) between the pauses
// that alignPauses anchors them to.
func (w window) syllableTimes(ws []word) []time.Duration {
	c := w.clock
	x := make([]float64, len(ws)+1) // characters said before each boundary
	for i := range ws {
		x[i+1] = x[i] + c.said(ws[i:i+1])
	}
	X := x[len(ws)]
	from, to := w.clockFrom, w.clockTo
	var ps []pause
	for k := 1; k < len(c.spans); k++ {
		if g := c.spans[k].Start - c.spans[k-1].End; g >= anchorPause && c.cum[k] > from && c.cum[k] < to {
			ps = append(ps, pause{at: c.cum[k], len: g})
		}
	}
	times := make([]time.Duration, len(ws)+1)
	linear := func(ax float64, ay time.Duration, bx float64, by time.Duration, lo, hi int) {
		for i := lo; i <= hi; i++ {
			f := 0.0
			if bx > ax {
				f = (x[i] - ax) / (bx - ax)
			}
			times[i] = ay + time.Duration(f*float64(by-ay))
		}
	}
	if len(ps) == 0 || X == 0 || len(ws) < 2 {
		linear(0, from, X, to, 0, len(ws))
		return times
	}
	anchors := alignPauses(x, ws, ps, from, to)
	// anchors[j] is the boundary pause j is given to, or -1.
	ax, ay, ai := 0.0, from, 0
	for j, b := range anchors {
		if b < 0 {
			continue
		}
		linear(ax, ay, x[b], ps[j].at, ai, b)
		ax, ay, ai = x[b], ps[j].at, b
	}
	linear(ax, ay, X, to, ai, len(ws))
	return times
}

// alignPauses gives each pause a word boundary (1..len(ws)-1) or -1, by
// dynamic programming over (pause, boundary) states: see the constants
// above for the costs.
func alignPauses(x []float64, ws []word, ps []pause, from, to time.Duration) []int {
	W := len(ws)
	X := x[W]
	rate := X / (to - from).Seconds() // characters a second of speech
	bonus := func(b int) float64 {
		switch {
		case ws[b-1].closesSentence():
			return sentenceBonus
		case ws[b-1].closesClause():
			return clauseBonus
		}
		return 0
	}
	skip := func(p pause) float64 { return min(maxSkipCost, skipCost*p.len.Seconds()/0.3) }
	segCost := func(dx float64, dy time.Duration) float64 {
		want := rate * dy.Seconds()
		d := dx - want
		return d * d / (rateSpread*(dx+want)/2 + 4)
	}
	// Each pause may go to a boundary within a band around where the
	// turn's rate puts it.
	band := max(60, 0.3*X)
	type state struct {
		cost         float64
		prevJ, prevB int // the previous anchor (-1: the turn's start)
	}
	J := len(ps)
	lo, hi := make([]int, J), make([]int, J)
	dp := make([][]state, J)
	for j, p := range ps {
		at := rate * (p.at - from).Seconds()
		lo[j] = max(1, sort.SearchFloat64s(x, at-band))
		hi[j] = min(W-1, sort.SearchFloat64s(x, at+band))
		dp[j] = make([]state, max(0, hi[j]-lo[j]+1))
		for i := range dp[j] {
			dp[j][i].cost = math.Inf(1)
		}
	}
	skipped := func(a, b int) float64 { // the cost of skipping pauses a..b-1
		s := 0.0
		for k := a; k < b; k++ {
			s += skip(ps[k])
		}
		return s
	}
	for j := range J {
		for bi := range dp[j] {
			b := lo[j] + bi
			best := state{cost: math.Inf(1)}
			// From the turn's start, skipping every pause before j.
			if j <= maxSkips {
				best = state{cost: skipped(0, j) + segCost(x[b], ps[j].at-from), prevJ: -1, prevB: 0}
			}
			for pj := max(0, j-maxSkips-1); pj < j; pj++ {
				sk := skipped(pj+1, j)
				dy := ps[j].at - ps[pj].at
				// Only rates from a third to three times the turn's: the
				// boundaries pb whose characters to b are that many.
				want := rate * dy.Seconds()
				first := max(lo[pj], sort.SearchFloat64s(x, x[b]-3*want-20))
				for pb := first; pb <= hi[pj] && pb < b && x[b]-x[pb] >= want/3-10; pb++ {
					pbi := pb - lo[pj]
					if math.IsInf(dp[pj][pbi].cost, 1) {
						continue
					}
					c := dp[pj][pbi].cost + sk + segCost(x[b]-x[pb], dy)
					if c < best.cost {
						best = state{cost: c, prevJ: pj, prevB: pb}
					}
				}
			}
			best.cost += placeCost(bonus(b), ps[j].len)
			dp[j][bi] = best
		}
	}
	// The end: from the last anchor to the turn's end, skipping the rest.
	endJ, endB, endCost := -1, 0, skipped(0, J)+segCost(X, to-from)
	if J > maxSkips {
		endCost = math.Inf(1)
	}
	for j := max(0, J-maxSkips-1); j < J; j++ {
		for bi, st := range dp[j] {
			if math.IsInf(st.cost, 1) {
				continue
			}
			b := lo[j] + bi
			c := st.cost + skipped(j+1, J) + segCost(X-x[b], to-ps[j].at)
			if c < endCost {
				endJ, endB, endCost = j, b, c
			}
		}
	}
	out := make([]int, J)
	for k := range out {
		out[k] = -1
	}
	if math.IsInf(endCost, 1) {
		return out // no alignment within the band: the words spread evenly
	}
	for j, b := endJ, endB; j >= 0; {
		out[j] = b
		st := dp[j][b-lo[j]]
		j, b = st.prevJ, st.prevB
	}
	return out
}

// alignedTimes is wordTimes by the clock's word aligner (see
// Speech.Words), or nil when there is none, it fails, or w has only part
// of its clock's speech (turns that share a start share it).
func (w window) alignedTimes(ws []word) []time.Duration {
	c := w.clock
	if len(c.spans) == 0 || w.clockFrom != 0 || w.clockTo != c.total {
		return nil
	}
	texts := make([]string, len(ws))
	for i, x := range ws {
		texts[i] = x.text
	}
	at := make([]time.Duration, 0, len(ws)+1)
	if len(ws) <= alignPiece {
		at = c.words([][]string{texts}, c.spans)
	} else {
		// A long turn is aligned a piece at a time, each ending at a
		// sentence end where the syllables spread evenly put it: the
		// warping's work and memory grow with a piece's length squared
		// (and so would anchoring an hour's pauses).
		base := w.evenTimes(ws)
		for a := 0; a < len(ws); {
			b := pieceEnd(ws, a)
			spans := clip(c.spans, c.startAt(base[a]), c.endAt(base[b]))
			piece := c.words([][]string{texts[a:b]}, spans)
			if len(piece) != b-a+1 {
				return nil
			}
			if a > 0 {
				piece = piece[1:]
			}
			at = append(at, piece...)
			a = b
		}
	}
	if len(at) != len(ws)+1 {
		return nil
	}
	snapToPauses(at, c.spans)
	times := make([]time.Duration, len(at))
	for i, t := range at {
		times[i] = c.measureAt(t)
		if i > 0 {
			times[i] = max(times[i], times[i-1])
		}
	}
	return times
}

// evenTimes is wordTimes with the words spread evenly over the clock.
func (w window) evenTimes(ws []word) []time.Duration {
	times := make([]time.Duration, len(ws)+1)
	total := 0.0
	for i := range ws {
		total += w.clock.said(ws[i : i+1])
	}
	done := 0.0
	for i := range ws {
		times[i] = w.clockFrom + time.Duration(float64(w.clockTo-w.clockFrom)*done/max(total, 1))
		done += w.clock.said(ws[i : i+1])
	}
	times[len(ws)] = w.clockTo
	return times
}

// AlignPieces returns the word lists a Speech.Words aligner is asked to
// align for a turn of these words (strings.Fields of its text), in order:
// the whole turn, or a long turn's pieces, in the words the aligner gets
// (a text without spaces, Chinese or Japanese, comes a character or so a
// word). An aligner that prepares its speech ahead (see
// media.Synthesizer.Prefetch) prepares these.
func AlignPieces(words []string) [][]string {
	ws := splitWords(strings.Join(words, " "))
	texts := make([]string, len(ws))
	for i, w := range ws {
		texts[i] = w.text
	}
	var out [][]string
	for a := 0; a < len(ws); {
		b := pieceEnd(ws, a)
		out = append(out, texts[a:b])
		a = b
	}
	return out
}

// alignPiece is the most words aligned at once: about three minutes of
// speech.
const alignPiece = 500

// pieceEnd is where the piece of ws from a ends: after the last sentence
// end within alignPiece words (a clause end, or alignPiece words, when
// none), or at the end of ws.
func pieceEnd(ws []word, a int) int {
	if len(ws)-a <= alignPiece {
		return len(ws)
	}
	clause := 0
	for i := a + alignPiece; i > a+alignPiece/2; i-- {
		if ws[i-1].closesSentence() {
			return i
		}
		if clause == 0 && ws[i-1].closesClause() {
			clause = i
		}
	}
	if clause > 0 {
		return clause
	}
	return a + alignPiece
}

// snapReach is how far from a pause an aligned word boundary may be and
// still be taken to fall in it: warping places a boundary to a frame or
// two in clean speech, but music or noise under it blurs the frames.
const snapReach = 300 * time.Millisecond

// snapToPauses moves each word boundary in at that lies within
// snapReach of a pause of anchorPause or more between spans into it, the
// nearest boundary to each pause.
func snapToPauses(at []time.Duration, spans []SpeechSpan) {
	for k := 1; k < len(spans); k++ {
		from, to := spans[k-1].End, spans[k].Start
		if to-from < anchorPause {
			continue
		}
		best, dist := -1, snapReach+1
		i := sort.Search(len(at), func(i int) bool { return at[i] >= from-snapReach })
		for ; i < len(at) && at[i] <= to+snapReach; i++ {
			d := max(from-at[i], at[i]-to, 0)
			if d < dist {
				best, dist = i, d
			}
		}
		if best >= 0 {
			at[best] = to
		}
	}
}
