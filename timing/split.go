package timing

import (
	"math"
	"slices"
	"time"
)

// chunkLimits bound one cue's text.
type chunkLimits struct {
	maxChars, maxLines int
	maxWidth           int // most units of speech (characters, weighed by script) in one cue, from the speaking time
	reserve            int // label width before the first chunk
	// maxCPS, minDuration and minGap are the Options' reading limits.
	maxCPS              float64
	minDuration, minGap time.Duration
	// heard, when not nil, is where each word's speech is: chunks are
	// then cut where the speech leaves each cue time to be read.
	heard *heardWords
	// speaking, without heard, is how long the turn's words take to say
	// (its speech window less its pauses): chunks inside the turn are then
	// cut so that none is timed shorter than minDuration where another
	// cut allows it.
	speaking time.Duration
}

// heardWords is where a turn's words are in its audio, for splitChunks.
type heardWords struct {
	// starts[k] and ends[k] are the start and the end of speech at the
	// boundary before word k (k == len(ws): after the last word): a
	// cue of ws[i:j] starts at starts[i], its speech ends at ends[j].
	starts, ends []time.Duration
	// last is the latest end the turn's last cue may take (the turn's
	// window end) when its speech ends before that.
	last time.Duration
}

// room is how long a cue of ws[i:j] (of n words) may stay up without
// overlapping the next: from its speech's start to the next cue's, less
// the gap between.
func (h *heardWords) room(i, j, n int, gap time.Duration) time.Duration {
	if j == n {
		return max(h.ends[j], h.last) - h.starts[i]
	}
	return h.starts[j] - gap - h.starts[i]
}

// unreadCost is what a cue too fast or too short to be read costs, plus
// unreadShare times the share of the time it needs that it lacks. It is
// more than a cue break against a line-treatment rule inside a sentence
// costs (a cue, ruleCueCost and midSentenceCost): a viewer can read past
// a break that splits "the" from its noun, not a cue gone before it is
// read. On the media harness's tracks, cutting where the speech leaves
// time left 17.8% of the cues unreadable against 23.3% cutting by the
// text alone (lexfridman: 77 of 353 cues against 141 of 369).
const (
	unreadCost  = 60.0
	unreadShare = 20.0
)

// readCost is the cost of a cue of width characters given room to be
// read in (see unreadCost).
func (lim *chunkLimits) readCost(width int, room time.Duration) float64 {
	need := max(lim.minDuration, time.Duration(float64(width)/lim.maxCPS*float64(time.Second)))
	if room >= need-tolerance {
		return 0
	}
	return unreadCost + unreadShare*float64(need-max(room, 0))/float64(need)
}

// flashCost is the cost of a cue timed d, shorter than lim.minDuration:
// twice unreadCost times the share of that duration it lacks, 0 for one
// long enough. A guessed time is only a guess: a cue a tenth too short
// costs less than a cue break inside a sentence, one lasting half what it
// should what an unreadable cue costs. On the accuracy harness, against
// none: readable cues 78.3% → 78.8% (Lex Fridman 77.0% → 78.0%, where
// "Yeah." and "Exactly." now ride with the next sentence), bad breaks
// 0.70% → 0.74%, within ±0.5 s unchanged (82.78%); at unreadCost times
// the share, 78.4%.
func (lim *chunkLimits) flashCost(d time.Duration) float64 {
	if d >= lim.minDuration-tolerance {
		return 0
	}
	return 2 * unreadCost * float64(lim.minDuration-max(d, 0)) / float64(lim.minDuration)
}

// short is the width below which a chunk is a flash: 16 characters, two
// or three words, or half a line where lines are shorter (a CJK line of
// 16 characters says as much as a Latin one of 42).
func (lim *chunkLimits) short() int { return min(16, lim.maxChars/2) }

// chunker splits turns into chunks, reusing its buffers from one turn to
// the next: what it returns is valid until its next call.
type chunker struct {
	best   []float64 // best[j]: the least cost of chunking ws[:j]
	from   []int     // from[j]: where the last chunk of that best starts
	ends   []int     // chunkEnds
	spoken []int     // spoken[k]: what ws[:k] takes to say, in characters weighed by script
	chunks [][]word
	until  []int // until[k]: characters of ws[:k] as lines join them
	// clean[x]: how many breaks before ws[k], 0 < k < x, break no
	// line-treatment rule (breaksRule) and part no English noun phrase
	// (flagModifier).
	clean []int32
	// lastTop[i]: the last k with ws[i:k] within a line; firstBottom[j]:
	// the first k > 0 with ws[k:j] within one (see lineBounds).
	lastTop, firstBottom []int
}

// splitChunks cuts a turn's words into cue-sized chunks: at sentence ends
// first, then at clause boundaries, then between words, never inside a
// word. It minimises, by dynamic programming, the sum of the costs of the
// breaks it makes plus a penalty for very short chunks, so one sentence per
// cue wins where it fits.
func (ck *chunker) splitChunks(ws []word, lim chunkLimits) [][]word {
	n := len(ws)
	if n == 0 {
		return nil
	}
	ck.best = slices.Grow(ck.best[:0], n+1)[:n+1]
	ck.from = slices.Grow(ck.from[:0], n+1)[:n+1]
	best, from := ck.best, ck.from
	best[0] = 0
	ck.until = append(ck.until[:0], 0)
	ck.clean = append(ck.clean[:0], 0, 0)
	for k, x := range ws {
		sp := 0
		if k > 0 {
			sp = x.space()
			clean := ck.clean[k]
			if ws[k-1].flags&flagModifier == 0 && !breaksRule(ws[k-1], x) {
				clean++
			}
			ck.clean = append(ck.clean, clean)
		}
		ck.until = append(ck.until, ck.until[k]+sp+int(x.width))
	}
	ck.lineBounds(ws, lim)
	ck.chunkEnds(ws, lim)
	ends := ck.ends
	short := lim.short()
	perCue, straddle := cueCost, straddleCost
	if lim.heard != nil {
		perCue, straddle = heardCueCost, heardStraddleCost
	}
	// perUnit is the time a unit of ws[i:j]'s speech (ck.spoken) takes,
	// as cutTurnOf will share the turn's speaking time among its chunks.
	perUnit := 0.0
	if lim.heard == nil && lim.speaking > 0 && ck.spoken[n] > 0 {
		perUnit = float64(lim.speaking) / float64(ck.spoken[n])
	}
	for j := 1; j <= n; j++ {
		// The best so far lives in locals, not in best[j] and from[j]:
		// the loop reads best[i] and would otherwise reload it.
		bestJ, fromJ := math.Inf(1), 0
		endCost := cueEndCost(ws, j, perCue)
		midSentence := j < n && !ws[j-1].closesSentence()
		// The chunk ws[i:j] grows leftwards: its width, whether it
		// holds a sentence end before its last word and the first of
		// those (firstEnd) are carried along.
		w, straddles, firstEnd := 0, false, 0
		for i := j - 1; i >= 0; i-- {
			if i < j-1 {
				w += ws[i+1].space()
			}
			w += int(ws[i].width)
			if i < j-1 && ws[i].closesSentence() {
				straddles, firstEnd = true, i
			}
			if j-i > 1 && j > ends[i] {
				break // longer chunks starting earlier only grow
			}
			if h := lim.heard; h != nil && i < j-1 && h.starts[i+1]-h.ends[i+1] >= splitPause {
				break // no cue stays up over a long silence (see splitPause)
			}
			c := endCost
			if midSentence && straddles {
				c += straddle
			}
			if straddles && i > 0 && !ws[i-1].closesSentence() && ck.until[firstEnd+1]-ck.until[i]-ws[i].space() < short {
				// The chunk opens on a sentence's last word or two, left
				// over from the cue before ("goes / out. Tell me…").
				c += straddle
			}
			if w < short {
				c += float64(short-w) / 4 // a flash of two words is hard to read
			}
			if lim.maxLines == 2 && w+reserveAt(i, lim) > lim.maxChars {
				// Its two lines can only break against a rule, or inside an
				// English noun phrase ("search / box"), which the issue's
				// rules count alike. On the accuracy files, at a cost of 8
				// for the noun phrase (less than a cue), 24 and 32: breaks
				// inside noun phrases 0.91%, 0.73%, 0.65%; pooled within
				// ±0.5 s 82.72%, 82.69%, 82.68%.
				if !ck.cleanSplit(i, j) {
					c += perCue + ruleCueCost
				}
			}
			if h := lim.heard; h != nil {
				c += lim.readCost(w, h.room(i, j, n, lim.minGap))
			} else if perUnit > 0 && j < n {
				// A cue inside the turn cannot borrow time from a gap
				// (makeReadable): one timed too short flashes by. The
				// last may borrow from the gap after the turn.
				c += lim.flashCost(time.Duration(perUnit * float64(ck.spoken[j]-ck.spoken[i])))
			}
			if c := best[i] + c; c < bestJ {
				bestJ, fromJ = c, i
			}
		}
		best[j], from[j] = bestJ, fromJ
	}
	out := ck.chunks[:0]
	for j := n; j > 0; j = from[j] {
		out = append(out, ws[from[j]:j])
	}
	ck.chunks = out
	for a, b := 0, len(out)-1; a < b; a, b = a+1, b-1 {
		out[a], out[b] = out[b], out[a]
	}
	return out
}

// reserveAt is the room a label takes before ws[i] on its line.
func reserveAt(i int, lim chunkLimits) int {
	if i == 0 {
		return lim.reserve
	}
	return 0
}

// lineBounds sets lastTop and firstBottom for ws: a chunk ws[i:j] of two
// lines can break before ws[k] when k <= lastTop[i] (the top line fits,
// the label's room before ws[0] included) and k >= firstBottom[j] (the
// bottom line fits). Both only grow with i and j, as until does.
func (ck *chunker) lineBounds(ws []word, lim chunkLimits) {
	n := len(ws)
	ck.lastTop = slices.Grow(ck.lastTop[:0], n)[:n]
	ck.firstBottom = slices.Grow(ck.firstBottom[:0], n+1)[:n+1]
	until := ck.until
	// room only grows with i, and the bound with j: one pass each.
	k := 0
	for i := range ws {
		// The top line ws[i:k] is until[k]-until[i], less the space
		// before ws[i], plus the label's room.
		room := lim.maxChars + until[i] - reserveAt(i, lim)
		if i > 0 {
			room += ws[i].space()
		}
		for k < len(until) && until[k] <= room {
			k++
		}
		ck.lastTop[i] = k - 1 // k is the first whose top line is too wide
	}
	k = 1
	for j := 0; j <= n; j++ {
		// The bottom line ws[k:j] is until[j]-until[k], less the space
		// before ws[k]: until[k]+ws[k].space() is where ws[k] starts.
		for k < j && until[j]-until[k]-ws[k].space() > lim.maxChars {
			k++
		}
		ck.firstBottom[j] = k
	}
}

// cleanSplit reports whether ws[i:j] breaks into two lines that fit lim
// somewhere that breaks no line-treatment rule and parts no noun phrase:
// whether the breaks before ws[k] for k from firstBottom[j] to
// lastTop[i], inside the chunk, hold one.
func (ck *chunker) cleanSplit(i, j int) bool {
	lo, hi := max(i+1, ck.firstBottom[j]), min(j-1, ck.lastTop[i])
	return lo <= hi && ck.clean[hi+1] > ck.clean[lo]
}

// chunkEnds sets ends, for each word i, to the end of the longest chunk
// that starts at i and fits lim: ws[i:j] fits for every j from i+1 to
// ends[i], and for no later j, since a chunk only grows wider and needs
// more lines as words are added to its end. A single word always fits.
// Lines fill word by word (greedyLines): a line from ws[s] ends after
// lastTop[s], or after ws[s] alone; what the words take to say (as the
// speaker's rate counts it: a Chinese character as three, see
// spokenWeight) is read off prefix sums.
func (ck *chunker) chunkEnds(ws []word, lim chunkLimits) {
	n := len(ws)
	ck.spoken = append(ck.spoken[:0], 0)
	for k, x := range ws {
		sp := 0
		if k > 0 {
			sp = x.space()
		}
		ck.spoken = append(ck.spoken, ck.spoken[k]+sp+int(x.width)+int(x.heavy))
	}
	ck.ends = slices.Grow(ck.ends[:0], n)[:n]
	said := 0 // the first k whose ws[i:k] takes more than maxWidth to say; only grows with i
	for i := range ws {
		end := i
		for range lim.maxLines {
			if end < n {
				end = max(ck.lastTop[end], end+1)
			}
		}
		// The last j whose ws[i:j] is said in at most maxWidth units.
		room := lim.maxWidth + ck.spoken[i]
		if i > 0 {
			room += ws[i].space()
		}
		for said < len(ck.spoken) && ck.spoken[said] <= room {
			said++
		}
		ck.ends[i] = max(i+1, min(end, said-1))
	}
}

// cueCost is what each cue costs in splitChunks: fewer, fuller cues
// unless a break reads much better. Fuller cues stay up longer, so more
// words are on screen within 0.5 s of being spoken: raising it from 6 to
// 12 gained 4 points in the accuracy harness, and from 12 to 24 another
// 0.5 (pooled 81.9% → 82.4%, 8,953 cues → 8,746) at no cost in word-time
// error; beyond 24 nothing changes, as long as straddleCost stays above
// it.
const cueCost = 24.0

// heardCueCost is cueCost for a turn timed to the audio: there a cue
// lasts as long as its speech whatever its length, so a fuller cue only
// reads faster. At 24 instead of 12, 1.0 point fewer of the media
// harness's cues were readable (88.5% → 87.5%), the anime's 47% → 40%.
const heardCueCost = 12.0

// midSentenceCost is added to a cue break inside a sentence: one sentence
// per cue where possible (Netflix, BBC), even at the price of one more cue.
const midSentenceCost = 6.0

// straddleCost is added to a cue that ends one sentence and starts
// another it does not finish: sentence-first segmentation puts the cue
// break at the sentence end instead. It is worth more than the cue it
// saves (cueCost and the break's cost): at 24 against a cueCost of 60,
// 11% of the harness's cues carried a sentence end into a cue that ends
// mid-sentence, against 0.5% now.
const straddleCost = 80.0

// heardStraddleCost is straddleCost for a turn timed to the audio, where
// a cue lasts only as long as its speech: the start of a sentence said
// in a breath after the last one may ride with it when that leaves both
// cues time to be read. At 80, 1.1 points fewer of the media harness's
// cues were readable (88.6% → 87.5%; the anime's 47% → 40%).
const heardStraddleCost = 24.0

// ruleCueCost, added to the cost of one cue, is what a cue break that
// breaks a line-treatment rule (breaksRule) costs: a cue that ends on
// "the" or "of" reads as badly as a line that does, so it costs more
// than a cue more.
const ruleCueCost = 8.0

// cueEndCost is the cost of a chunk that ends before ws[j] (j == len(ws):
// at the turn's end) before splitChunks adds what depends on where the
// chunk starts: the cue itself (perCue), and the cue break after it.
func cueEndCost(ws []word, j int, perCue float64) float64 {
	c := perCue
	if j < len(ws) {
		c += 3 * breakCost(ws[j-1], ws[j])
		if breaksRule(ws[j-1], ws[j]) {
			c += perCue + ruleCueCost
		}
		if !ws[j-1].closesSentence() {
			c += midSentenceCost
		}
	}
	return c
}
