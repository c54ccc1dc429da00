package timing

import (
	"time"

	"github.com/capconv/capconv/convert/caption"
)

// maxShare is the most a cue timed to the audio moves a boundary away
// from its speech to be read: half a second, the tolerance within which
// a word still counts as shown with its speech (Netflix lets an end run
// 12 frames past it). A cue may so take up to twice that, half from
// each side. On the media harness's tracks it made 88.5% of the cues
// readable instead of 83.6%, with as many words within ±0.5 s of their
// speech (98.6%); 0.75 s made more readable but moved words out. Bounding
// each boundary's move in all, instead of each cue's lack, made 92.4%
// readable instead of 91.7%, and 99.1% within ±0.5 s instead of 99.0%.
const maxShare = 500 * time.Millisecond

// maxShareHops is how many cues on each side a cue's lack of time may
// reach: the neighbour lends what it has beyond its need, and where that
// is not enough, it moves whole and takes the rest from the cue beyond
// it, and so on, every cue moved by less than maxShare.
const maxShareHops = 3

// shareTime gives a cue timed to the audio (heard) that is too short or
// too fast to read the time it lacks from the cues chained to it on
// either side, at most maxShare from each, when that makes it readable
// and leaves them readable and no boundary more than maxShare from where
// its speech put it. Walking away from it, each cue lends the time it
// has beyond what it needs, then the room beyond the minimum gap on its
// far side, and moves whole by what the cues beyond it lend (at most
// maxShareHops cues). The cues before lend first: their words are said
// before their ends, so an earlier end still shows them all; a later
// start of a cue after may come after its first word is said. Speech too
// fast to read with no pause around it is otherwise boxed in by its
// neighbours (makeReadable); a cue timed without the audio takes its time
// from the gaps the model leaves instead.
func shareTime(cues []caption.Cue, heard []bool, o Options) {
	chained := func(a, b int) bool {
		return a >= 0 && b < len(cues) && heard[a] && heard[b] && chainedCues(cues[a], cues[b], o)
	}
	// lend walks from cue i in direction dir (-1 or +1) and returns how
	// much of want the cues there can give, and, when apply, moves them.
	type move struct {
		k         int
		near, far time.Duration
	}
	// No boundary ends up more than maxShare from where its speech put
	// it, however many cues move it: spare(k, end, dir) is how far
	// cue k's start (or end) may still move in direction dir.
	heardAt := make([][2]time.Duration, len(cues))
	for k, c := range cues {
		heardAt[k] = [2]time.Duration{c.Start, c.End}
	}
	spare := func(k int, end bool, dir int) time.Duration {
		at, was := cues[k].Start, heardAt[k][0]
		if end {
			at, was = cues[k].End, heardAt[k][1]
		}
		return max(maxShare+time.Duration(dir)*(was-at), 0)
	}
	var moves []move
	lend := func(i, dir int, want time.Duration, apply bool) time.Duration {
		got := time.Duration(0)
		moves = moves[:0]
		for k, hops := i+dir, 0; got < want && hops < maxShareHops && chained(min(k, k-dir), max(k, k-dir)); k, hops = k+dir, hops+1 {
			// Of what is still wanted (r), k gives its slack, then the
			// room on its far side; the rest it passes on, moving whole:
			// its near end moves by r, its far end by r-slack. A
			// boundary already moved far from its speech takes less.
			r := min(want-got, spare(k, dir < 0, dir))
			slack := min(r, max(cues[k].End-cues[k].Start-readTime(cues[k], o), 0))
			r = min(r, slack+spare(k, dir > 0, dir))
			if r < want-got {
				want = got + r // what k cannot pass on, the cues beyond are not asked for
			}
			var room time.Duration
			switch {
			case dir < 0 && k > 0:
				room = cues[k].Start - cues[k-1].End - o.MinGap
			case dir < 0:
				room = cues[k].Start // the first cue may move toward 0
			case k+1 < len(cues):
				room = cues[k+1].Start - cues[k].End - o.MinGap
			}
			room = min(r-slack, max(room, 0))
			moves = append(moves, move{k, r, r - slack})
			got += slack + room
		}
		if apply {
			// Moved once the walk is done: it reads the gaps as they were.
			for _, m := range moves {
				if dir < 0 {
					cues[m.k].End -= m.near
					cues[m.k].Start -= m.far
				} else {
					cues[m.k].Start += m.near
					cues[m.k].End += m.far
				}
			}
		}
		return min(got, want)
	}
	for i := range cues {
		lack := readTime(cues[i], o) - (cues[i].End - cues[i].Start)
		if !heard[i] || lack <= tolerance || lack > 2*maxShare {
			continue
		}
		fromPrev := lend(i, -1, min(lack, spare(i, false, -1)), false)
		fromNext := lend(i, +1, min(lack-fromPrev, spare(i, true, +1)), false)
		if fromPrev+fromNext < lack {
			continue // not readable even so: the cues stay on their speech
		}
		if fromPrev > 0 {
			cues[i].Start -= lend(i, -1, fromPrev, true)
		}
		if fromNext > 0 {
			cues[i].End += lend(i, +1, fromNext, true)
		}
	}
}
