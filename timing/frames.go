package timing

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/capconv/capconv/convert/caption"
)

// The NTSC rates are 1000/1001 of the whole rate they are named after.
const ntscFactor = 1000.0 / 1001

// frameRates maps each frame rate --fps accepts to its exact value.
var frameRates = map[string]float64{
	"23.976": 24 * ntscFactor, "24": 24, "25": 25, "29.97": 30 * ntscFactor,
	"30": 30, "50": 50, "59.94": 60 * ntscFactor, "60": 60,
}

// FrameRateNames lists the frame rates ParseFPS accepts.
func FrameRateNames() []string {
	return []string{"23.976", "24", "25", "29.97", "30", "50", "59.94", "60"}
}

// ParseFPS returns the exact frame rate named s: the NTSC rates 23.976,
// 29.97 and 59.94 are 24, 30 and 60 × 1000/1001.
func ParseFPS(s string) (float64, error) {
	if f, ok := frameRates[strings.TrimSpace(s)]; ok {
		return f, nil
	}
	return 0, fmt.Errorf("unknown frame rate %q: expected one of %s", s, strings.Join(FrameRateNames(), ", "))
}

// IsNTSC reports whether fps is one of the 1000/1001 rates.
func IsNTSC(fps float64) bool {
	whole := math.Round(fps / ntscFactor)
	return math.Abs(fps-whole*ntscFactor) < 1e-9 && math.Abs(fps-math.Round(fps)) > 1e-6
}

// Frame returns the number of the frame at fps that d falls nearest to.
func Frame(d time.Duration, fps float64) int64 {
	return int64(math.Round(d.Seconds() * fps))
}

// FrameTime returns when frame n starts at fps, to the nanosecond.
func FrameTime(n int64, fps float64) time.Duration {
	return time.Duration(math.Round(float64(n) * float64(time.Second) / fps))
}

// SnapToFrames moves every cue's start and end to the nearest frame
// boundary at fps. Every cue keeps at least one frame, and the frames it
// needs come from its neighbours without reordering them: the gap after
// it, then the next cue's first frame (when it has more than one), then
// the gap before it or the previous cue's last frame, and only when none
// of those has one the cues that follow move a frame later. Cues that did
// not overlap still do not.
func SnapToFrames(cues []caption.Cue, fps float64) {
	if fps <= 0 {
		return
	}
	g := grid{
		tick: func(d time.Duration) int64 { return Frame(d, fps) },
		at:   func(n int64) time.Duration { return FrameTime(n, fps) },
	}
	g.fit(cues, true)
}

// KeepLength returns cues in which every cue lasts at least one unit once
// its times are rounded to the nearest multiple of unit, as a writer of
// that precision rounds them (1 ms for SRT and WebVTT, 10 ms for ASS): a
// cue that would be written with no length, or a negative one, takes a
// unit from its neighbours as SnapToFrames takes a frame. Times that need
// no change keep their exact value. cues is not modified: when a cue has
// to change, the result is a copy.
func KeepLength(cues []caption.Cue, unit time.Duration) []caption.Cue {
	if unit <= 0 {
		return cues
	}
	g := grid{
		tick: func(d time.Duration) int64 { return int64(max(d, 0).Round(unit) / unit) },
		at:   func(n int64) time.Duration { return time.Duration(n) * unit },
	}
	if g.valid(cues) {
		return cues
	}
	out := slices.Clone(cues)
	g.fit(out, false)
	return out
}

// grid is a time step cues are written at: tick returns the step a time
// is written as, at the time a step stands for.
type grid struct {
	tick func(time.Duration) int64
	at   func(int64) time.Duration
}

// valid reports whether every cue lasts at least one step and no start
// falls on a step before the previous cue's end where the cues did not
// overlap.
func (g grid) valid(cues []caption.Cue) bool {
	for i, c := range cues {
		if g.tick(c.End) <= g.tick(c.Start) {
			return false
		}
		if i > 0 && cues[i-1].End <= c.Start && g.tick(c.Start) < g.tick(cues[i-1].End) {
			return false
		}
	}
	return true
}

// fit moves cues' times onto g so that every cue lasts at least one step
// (see SnapToFrames). With all, every time is set on its step; otherwise
// only the times that change are, and the others keep their exact value.
func (g grid) fit(cues []caption.Cue, all bool) {
	n := len(cues)
	if n == 0 {
		return
	}
	s, e := make([]int64, n), make([]int64, n)
	for i, c := range cues {
		s[i], e[i] = g.tick(c.Start), g.tick(c.End)
	}
	// apart[i]: cues i and i+1 did not overlap, so they must not now.
	apart := make([]bool, n)
	for i := 0; i+1 < n; i++ {
		apart[i] = cues[i].End <= cues[i+1].Start
	}
	s0, e0 := slices.Clone(s), slices.Clone(e)
	for i := range n {
		lo := int64(math.MinInt64)
		if i > 0 {
			lo = s[i-1]
			if apart[i-1] {
				lo = e[i-1]
			}
		}
		s[i] = max(s[i], lo)
		if e[i] > s[i] {
			continue
		}
		next := int64(math.MaxInt64) // where the next cue lets this one end
		if i+1 < n && apart[i] {
			next = s[i+1]
		}
		switch {
		case s[i]+1 <= next: // the gap after
		case next == s[i] && e[i+1]-s[i+1] > 1: // the next cue's first step
			s[i+1]++
		case i > 0 && s[i] > 0 && s[i]-1 >= lo: // the gap before
			s[i]--
		case i > 0 && s[i] > 0 && apart[i-1] && e[i-1]-s[i-1] > 1 && e[i-1] == s[i]: // the previous cue's last step
			e[i-1]--
			s[i]--
		}
		e[i] = s[i] + 1 // where nothing had room, the next cues move later
	}
	for i := range cues {
		c := &cues[i]
		if all || s[i] != s0[i] {
			c.Start = g.at(s[i])
		}
		if all || e[i] != e0[i] {
			c.End = g.at(e[i])
		}
		if i > 0 {
			c.Start = max(c.Start, cues[i-1].Start) // an exact start on the step of a moved one
		}
	}
}

// Shift moves every cue and chapter of doc by d (segments are the input
// and keep their times) and returns how many cues it cut: cues that would
// end at or before 0 are dropped and starts before 0 become 0, since no
// format can carry a negative time. CutBeforeZero counts them first.
func Shift(doc *caption.Document, d time.Duration) (cut int) {
	if d == 0 {
		return 0
	}
	cues := doc.Cues[:0]
	for _, c := range doc.Cues {
		c.Start, c.End = c.Start+d, c.End+d
		if c.End <= 0 {
			cut++
			continue
		}
		c.Start = max(c.Start, 0)
		cues = append(cues, c)
	}
	doc.Cues = cues
	for i := range doc.Chapters {
		ch := &doc.Chapters[i]
		ch.Start = max(ch.Start+d, 0)
		if ch.End != 0 {
			ch.End = max(ch.End+d, 0)
		}
	}
	return cut
}

// CutBeforeZero returns how many of cues Shift by d would cut: those that
// would end at or before 0.
func CutBeforeZero(cues []caption.Cue, d time.Duration) int {
	n := 0
	for _, c := range cues {
		if c.End+d <= 0 {
			n++
		}
	}
	return n
}

// ParseTimecode reads an editor's timecode HH:MM:SS:FF at fps and returns
// the time it stands for. A ";" before the frames means drop-frame, valid
// at 29.97 and 59.94 fps only: frame numbers 0 and 1 (0 to 3 at 59.94)
// are skipped at the start of every minute not divisible by ten, so that
// the timecode keeps up with the clock.
func ParseTimecode(s string, fps float64) (time.Duration, error) {
	if fps <= 0 {
		return 0, fmt.Errorf("timecode %q needs a frame rate", s)
	}
	drop := strings.Contains(s, ";")
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ':' || r == ';' })
	if len(fields) != 4 {
		return 0, fmt.Errorf("timecode %q: expected HH:MM:SS:FF (or HH:MM:SS;FF for drop-frame)", s)
	}
	var v [4]int64
	for i, f := range fields {
		n, err := strconv.ParseInt(f, 10, 64)
		if err != nil || n < 0 || len(f) > 2 && i > 0 {
			return 0, fmt.Errorf("timecode %q: %q is not a number of two digits", s, f)
		}
		v[i] = n
	}
	nominal := int64(math.Round(fps))
	if v[1] > 59 || v[2] > 59 || v[3] >= nominal {
		return 0, fmt.Errorf("timecode %q: minutes, seconds or frames out of range at %.3f fps", s, fps)
	}
	frames := ((v[0]*60+v[1])*60+v[2])*nominal + v[3]
	if drop {
		if !IsNTSC(fps) || nominal%30 != 0 {
			return 0, fmt.Errorf("timecode %q: drop-frame (;) exists only at 29.97 and 59.94 fps", s)
		}
		dropped := 2 * nominal / 30 // frame numbers skipped per minute
		minutes := v[0]*60 + v[1]
		if v[2] == 0 && v[1]%10 != 0 && v[3] < dropped {
			return 0, fmt.Errorf("timecode %q does not exist in drop-frame: frames 0 to %d are skipped at this minute", s, dropped-1)
		}
		frames -= dropped * (minutes - minutes/10)
	}
	return FrameTime(frames, fps), nil
}

// Rescale returns a copy of doc with every time multiplied by from/to, as
// a change of frame rate that keeps every frame (a PAL speed-up, 23.976
// to 25, or its slow-down, 25 to 23.976) moves the speech: frame n of the
// from-rate media is frame n of the to-rate one. Segments, cues, chapters
// and the duration all move; doc is not modified. Snap the result to the
// new rate's frames with SnapToFrames.
func Rescale(doc *caption.Document, from, to float64) *caption.Document {
	d := *doc
	if from <= 0 || to <= 0 || from == to {
		return &d
	}
	k := from / to
	at := func(t time.Duration) time.Duration {
		return time.Duration(math.Round(float64(t) * k))
	}
	d.Duration = at(doc.Duration)
	d.Segments = append([]caption.Segment(nil), doc.Segments...)
	for i := range d.Segments {
		s := &d.Segments[i]
		s.Start, s.End = at(s.Start), at(s.End)
	}
	d.Cues = append([]caption.Cue(nil), doc.Cues...)
	for i := range d.Cues {
		c := &d.Cues[i]
		c.Start, c.End = at(c.Start), at(c.End)
	}
	d.Chapters = append([]caption.Chapter(nil), doc.Chapters...)
	for i := range d.Chapters {
		ch := &d.Chapters[i]
		ch.Start, ch.End = at(ch.Start), at(ch.End)
	}
	return &d
}
