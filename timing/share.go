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
// neighbours chained to it that have more than they need, the last one
// first, when that makes it readable and leaves them readable: the last
// cue's end moves earlier, the next one's start later. Speech too fast
// to read with no pause around it is otherwise boxed in by its
// neighbours (makeReadable); a cue timed without the audio takes its time
// from the gaps the model leaves instead.
func shareTime(cues []caption.Cue, heard []bool, o Options) {
	// spare is what cue j can lend to cue i, its neighbour: its time
	// beyond what it needs, when both are heard and chained.
	spare := func(i, j int) time.Duration {
		if j < 0 || j >= len(cues) || !heard[j] {
			return 0
		}
		a, b := cues[min(i, j)], cues[max(i, j)]
		if b.Start-a.End > max(o.ChainGap, o.MinGap)+tolerance || b.Start < a.End {
			return 0
		}
		return max(cues[j].End-cues[j].Start-readTime(cues[j], o), 0)
	}
	for i := range cues {
		lack := readTime(cues[i], o) - (cues[i].End - cues[i].Start)
		if !heard[i] || lack <= tolerance || lack > maxShare {
			continue
		}
		next, prev := spare(i, i+1), spare(i, i-1)
		if next+prev < lack {
			continue // not readable even so: the cues stay on their speech
		}
		// The last cue lends first: its words are said before its end,
		// so an earlier end still shows them all; a later start of the
		// next one may come after its first word is said.
		fromPrev := min(lack, prev)
		if fromPrev > 0 {
			cues[i-1].End -= fromPrev
			cues[i].Start -= fromPrev
		}
		if fromNext := lack - fromPrev; fromNext > 0 {
			cues[i].End += fromNext
			cues[i+1].Start += fromNext
		}
	}
}
