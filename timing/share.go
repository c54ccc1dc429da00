package timing

import (
	"time"

	"github.com/capconv/capconv/convert/caption"
)

// maxShare is the most a cue timed to the audio moves a boundary with a
// neighbour to be read: half a second, the tolerance within which a word
// still counts as shown with its speech (Netflix lets an end run 12
// frames past it). On the media harness's tracks it made 88.5% of the
// cues readable instead of 83.6%, with as many words within ±0.5 s of
// their speech (98.6%); 0.75 s made more readable but moved words out.
const maxShare = 500 * time.Millisecond

// shareTime gives a cue timed to the audio (heard) that is too short or
// too fast to read the time it lacks, when at most maxShare, from the
// neighbours chained to it, when that makes it readable and leaves them
// readable: a neighbour lends the time it has beyond what it needs, then,
// moving whole, the room on its far side beyond the minimum gap, the last
// cue first: the last cue's end moves earlier (then its start), the next
// one's start later (then its end). Speech too fast to read with no pause
// around it is otherwise boxed in by its neighbours (makeReadable); a cue
// timed without the audio takes its time from the gaps the model leaves
// instead.
func shareTime(cues []caption.Cue, heard []bool, o Options) {
	// spare is what cue j can lend to cue i, its neighbour, when both
	// are heard and chained: its time beyond what it needs, and the room
	// it can move into on its far side.
	spare := func(i, j int) (slack, room time.Duration) {
		if j < 0 || j >= len(cues) || !heard[j] {
			return 0, 0
		}
		a, b := cues[min(i, j)], cues[max(i, j)]
		if b.Start-a.End > max(o.ChainGap, o.MinGap)+tolerance || b.Start < a.End {
			return 0, 0
		}
		slack = max(cues[j].End-cues[j].Start-readTime(cues[j], o), 0)
		switch {
		case j < i && j > 0:
			room = cues[j].Start - cues[j-1].End - o.MinGap
		case j < i:
			room = cues[j].Start // the first cue may move toward 0
		case j+1 < len(cues):
			room = cues[j+1].Start - cues[j].End - o.MinGap
		}
		return slack, max(room, 0)
	}
	for i := range cues {
		lack := readTime(cues[i], o) - (cues[i].End - cues[i].Start)
		if !heard[i] || lack <= tolerance || lack > maxShare {
			continue
		}
		nextSlack, nextRoom := spare(i, i+1)
		prevSlack, prevRoom := spare(i, i-1)
		if nextSlack+nextRoom+prevSlack+prevRoom < lack {
			continue // not readable even so: the cues stay on their speech
		}
		// The last cue lends first: its words are said before its end,
		// so an earlier end still shows them all; a later start of the
		// next one may come after its first word is said. Each lends its
		// slack before it moves.
		fromPrev := min(lack, prevSlack)
		fromNext := min(lack-fromPrev, nextSlack)
		movePrev := min(lack-fromPrev-fromNext, prevRoom)
		moveNext := lack - fromPrev - fromNext - movePrev
		if d := fromPrev + movePrev; d > 0 {
			cues[i-1].Start -= movePrev
			cues[i-1].End -= d
			cues[i].Start -= d
		}
		if d := fromNext + moveNext; d > 0 {
			cues[i].End += d
			cues[i+1].Start += d
			cues[i+1].End += moveNext
		}
	}
}
