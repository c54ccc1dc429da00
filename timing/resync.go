package timing

import (
	"math"
	"sort"
	"time"

	"github.com/capconv/capconv/convert/caption"
)

// Re-syncing a caption file to its media: a file timed to another cut or
// another frame rate is off by an offset that grows with time (a PAL
// speed-up is 4%, a 1.001 NTSC slip 3.6 s an hour). The cues' starts are
// the file's own anchors: each should fall where speech starts after a
// pause. resync finds the line t' = offset + scale·t that puts the most
// starts on such onsets (votes over offsets, for each scale a frame-rate
// change could make), fits it to the starts it matched, and moves every
// start along it.
const (
	// resyncReach is the largest offset looked for.
	resyncReach = 5 * time.Minute
	// resyncBin is the width of an offset vote.
	resyncBin = 40 * time.Millisecond
	// onsetPause is the pause before speech that makes its start an
	// onset a cue may start on.
	onsetPause = 250 * time.Millisecond
	// matchReach is how near an onset a moved start must fall to count
	// as matched.
	matchReach = 200 * time.Millisecond
	// resyncLead: a moved start is put this much before where the line
	// puts it, and taken as a printed start, so that the onset search
	// (see onset) finds the speech near it on either side.
	resyncLead = 250 * time.Millisecond
)

// resyncScales are the speed changes between frame rates, and none.
var resyncScales = func() []float64 {
	out := []float64{1}
	for _, r := range [][2]float64{{25, 24}, {25, 23.976}, {24, 23.976}, {30, 29.97}, {1001, 1000}, {25, 29.97}} {
		out = append(out, r[0]/r[1], r[1]/r[0])
	}
	return out
}()

// resync returns segs with their exact starts moved onto sp's speech
// (along the identity when no line matches more starts than it does),
// as starts the onset search looks near. Only segments with exact starts
// (a caption file's, re-timed) move.
func resync(segs []caption.Segment, sp *Speech) []caption.Segment {
	var starts []float64
	for _, s := range segs {
		if s.ExactStart {
			starts = append(starts, s.Start.Seconds())
		}
	}
	var onsets []float64
	for k, s := range sp.Spans {
		if k == 0 || s.Start-sp.Spans[k-1].End >= onsetPause {
			onsets = append(onsets, s.Start.Seconds())
		}
	}
	if len(starts) < 3 || len(onsets) < 3 {
		return segs
	}
	bestOffset, bestScale, bestVotes := 0.0, 1.0, matched(starts, onsets, 0, 1)
	reach, bin := resyncReach.Seconds(), resyncBin.Seconds()
	votes := make([]int, int(2*reach/bin)+1)
	for _, b := range resyncScales {
		clear(votes)
		for _, s := range starts {
			lo := sort.SearchFloat64s(onsets, b*s-reach)
			for _, o := range onsets[lo:] {
				d := o - b*s
				if d > reach {
					break
				}
				votes[int((d+reach)/bin)]++
			}
		}
		for i := 1; i+1 < len(votes); i++ {
			if v := votes[i-1] + votes[i] + votes[i+1]; v > bestVotes {
				a := float64(i)*bin - reach + bin/2
				if m := matched(starts, onsets, a, b); m > bestVotes {
					bestOffset, bestScale, bestVotes = a, b, m
				}
			}
		}
	}
	a, b := fitLine(starts, onsets, bestOffset, bestScale)
	if matched(starts, onsets, a, b) < bestVotes {
		a, b = bestOffset, bestScale
	}
	out := make([]caption.Segment, len(segs))
	move := func(t time.Duration) time.Duration {
		return max(0, time.Duration((a+b*t.Seconds())*float64(time.Second)))
	}
	for i, s := range segs {
		out[i] = s
		if !s.ExactStart {
			continue
		}
		out[i].Start = max(0, move(s.Start)-resyncLead)
		out[i].ExactStart = false
		if s.End != 0 {
			out[i].End = move(s.End)
		}
	}
	return out
}

// matched counts the starts that the line a + b·t puts within
// matchReach of an onset.
func matched(starts, onsets []float64, a, b float64) int {
	n := 0
	for _, s := range starts {
		if _, ok := nearest(onsets, a+b*s); ok {
			n++
		}
	}
	return n
}

// nearest returns the onset within matchReach of t.
func nearest(onsets []float64, t float64) (float64, bool) {
	k := sort.SearchFloat64s(onsets, t)
	best, dist := 0.0, math.Inf(1)
	for _, j := range []int{k - 1, k} {
		if j >= 0 && j < len(onsets) {
			if d := math.Abs(onsets[j] - t); d < dist {
				best, dist = onsets[j], d
			}
		}
	}
	return best, dist <= matchReach.Seconds()
}

// fitLine refits the line a + b·t by least squares to the starts it
// matches to onsets.
func fitLine(starts, onsets []float64, a, b float64) (float64, float64) {
	var n, sx, sy, sxx, sxy float64
	for _, s := range starts {
		o, ok := nearest(onsets, a+b*s)
		if !ok {
			continue
		}
		n++
		sx += s
		sy += o
		sxx += s * s
		sxy += s * o
	}
	if n < 3 {
		return a, b
	}
	den := n*sxx - sx*sx
	if den == 0 {
		return a, b
	}
	fb := (n*sxy - sx*sy) / den
	if math.Abs(fb-b) > 0.01 {
		return a, b // a fit far from the scale voted for is noise
	}
	return (sy - fb*sx) / n, fb
}
