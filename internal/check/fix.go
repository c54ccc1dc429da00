package check

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/timing"
)

// Change is one repair Fix made, or could not make.
type Change struct {
	// Cue is the cue's number, from 1.
	Cue   int
	Start time.Duration
	// What says what changed, or why it could not.
	What string
	// Failed marks a violation Fix could not repair without moving
	// other cues or changing words.
	Failed bool
}

// String formats c as "cue 3 (00:00:04.000): end 00:00:04.500 →
// 00:00:04.917: ...".
func (c Change) String() string {
	s := fmt.Sprintf("cue %d (%s): %s", c.Cue, Clock(c.Start), c.What)
	if c.Failed {
		s = fmt.Sprintf("cue %d (%s): not fixed: %s", c.Cue, Clock(c.Start), c.What)
	}
	return s
}

// Fix returns a copy of doc's cues repaired under the limits of o without
// changing a word, a speaker or the order of the cues: lines of one
// speaker re-broken where they break the line rules, overlaps removed,
// cues too short or too fast extended into the free time after them, gaps
// under the minimum widened and gaps up to the chaining gap closed to the
// minimum, and with o.FPS every time snapped to frames. It returns the
// changes made, and those it could not make.
func Fix(doc *caption.Document, o timing.Options) (*caption.Document, []Change) {
	d := *doc
	d.Cues = make([]caption.Cue, len(doc.Cues))
	for i, c := range doc.Cues {
		c.Lines = slices.Clone(c.Lines)
		d.Cues[i] = c
	}
	lim := timing.Resolved(o)
	var changes []Change
	note := func(i int, failed bool, format string, args ...any) {
		changes = append(changes, Change{Cue: i + 1, Start: d.Cues[i].Start, What: fmt.Sprintf(format, args...), Failed: failed})
	}
	shownText := convert.ShownText(&d, convert.LabelAuto)
	for i := range d.Cues {
		rewrap(&d.Cues[i], shownText[i], lim, func(failed bool, format string, args ...any) { note(i, failed, format, args...) })
	}
	cues := d.Cues
	// Times go on frames first, so that every time the repairs below
	// compute from them, in whole frames, stays on a frame.
	if lim.FPS > 0 {
		before := slices.Clone(cues)
		timing.SnapToFrames(cues, lim.FPS)
		for i := range cues {
			if cues[i].Start != before[i].Start || cues[i].End != before[i].End {
				note(i, false, "%s → %s --> %s: snapped to frames at %s fps", Clock(before[i].Start), Clock(cues[i].Start), Clock(cues[i].End), num(lim.FPS))
			}
		}
	}
	for i, c := range cues {
		if strings.TrimSpace(strings.Join(texts(c), "")) == "" {
			note(i, true, "no text: delete the cue")
		}
	}
	for i := 1; i < len(cues); i++ {
		p, c := &cues[i-1], cues[i]
		if c.Start >= p.End {
			continue
		}
		end := c.Start - lim.MinGap
		if end <= p.Start {
			end = c.Start
		}
		if end <= p.Start {
			note(i-1, true, "overlaps cue %d, which starts with it", i+1)
			continue
		}
		note(i-1, false, "end %s → %s: no longer overlaps cue %d", Clock(p.End), Clock(end), i+1)
		p.End = end
	}
	for i := range cues {
		c := &cues[i]
		need := max(lim.MinDuration, time.Duration(float64(timing.CueChars(*c))/lim.MaxCPS*float64(time.Second)))
		need = min(need, lim.MaxDuration)
		if lim.FPS > 0 {
			need = timing.FrameTime(int64(math.Ceil(need.Seconds()*lim.FPS-1e-6)), lim.FPS)
		}
		if c.End-c.Start >= need-time.Millisecond {
			continue
		}
		limit := c.Start + need
		if i+1 < len(cues) {
			limit = min(limit, cues[i+1].Start-lim.MinGap)
		}
		if limit <= c.End {
			note(i, true, "%s on screen, %s needed: the next cue leaves no room", inSecs(c.End-c.Start), inSecs(need))
			continue
		}
		note(i, false, "end %s → %s: extended into the free gap (%s needed)", Clock(c.End), Clock(limit), inSecs(need))
		c.End = limit
		if limit < c.Start+need {
			note(i, true, "%s on screen, %s needed: the next cue leaves no more room", inSecs(c.End-c.Start), inSecs(need))
		}
	}
	for i := 1; i < len(cues); i++ {
		p, c := &cues[i-1], cues[i]
		gap := c.Start - p.End
		tight := gap >= 0 && gap < lim.MinGap-time.Millisecond
		chain := gap > lim.MinGap+time.Millisecond && gap <= lim.ChainGap+time.Millisecond
		if !tight && !chain {
			continue
		}
		end := c.Start - lim.MinGap
		if end <= p.Start {
			note(i-1, true, "too close to cue %d to leave a gap", i+1)
			continue
		}
		why := "chained to cue %d"
		if tight {
			why = "leaves the minimum gap before cue %d"
		}
		note(i-1, false, "end %s → %s: "+why, Clock(p.End), Clock(end), i+1)
		p.End = end
	}
	slices.SortStableFunc(changes, func(a, b Change) int { return a.Cue - b.Cue })
	return &d, changes
}

// rewrap re-breaks the lines of c, one speaker's without dialogue
// dashes, when they break a line rule and a new break breaks fewer.
// shown is each line as a viewer reads it, labels included.
func rewrap(c *caption.Cue, shown []string, lim timing.Options, note func(failed bool, format string, args ...any)) {
	if len(c.Lines) == 0 {
		return
	}
	before := lineProblems(shown, lim)
	if before == 0 {
		return
	}
	speaker := c.Lines[0].Speaker
	texts := make([]string, len(c.Lines))
	for i, l := range c.Lines {
		if l.Speaker != speaker || l.Dash || l.Spans != nil {
			return // dialogue and styled lines keep their breaks
		}
		texts[i] = l.Text
	}
	label := utf8.RuneCountInString(shown[0]) - utf8.RuneCountInString(c.Lines[0].Text)
	lines := timing.BreakLines(strings.Join(texts, " "), lim.MaxChars-label, lim.MaxLines)
	after := make([]string, len(lines))
	copy(after, lines)
	after[0] = shown[0][:len(shown[0])-len(c.Lines[0].Text)] + after[0]
	if slices.Equal(lines, texts) || lineProblems(after, lim) >= before {
		return
	}
	note(false, "lines %q → %q: re-broken", strings.Join(texts, " / "), strings.Join(lines, " / "))
	c.Lines = c.Lines[:0]
	for _, l := range lines {
		c.Lines = append(c.Lines, caption.Line{Speaker: speaker, Text: l})
	}
}

// lineProblems counts the line rules that lines, as shown, break.
func lineProblems(lines []string, lim timing.Options) int {
	c := caption.Cue{Start: 0, End: time.Hour}
	for _, l := range lines {
		c.Lines = append(c.Lines, caption.Line{Text: l})
	}
	n := 0
	for _, v := range timing.Check([]caption.Cue{c}, timing.Options{MaxChars: lim.MaxChars, MaxLines: lim.MaxLines, MaxDuration: 2 * time.Hour}) {
		if v.Rule == timing.RuleChars || v.Rule == timing.RuleLines {
			n += 2
		}
	}
	return n + len(timing.Lint([]caption.Cue{c}, timing.LintOptions{LabelsShown: true}))
}

// texts returns the text of each of c's lines.
func texts(c caption.Cue) []string {
	out := make([]string, len(c.Lines))
	for i, l := range c.Lines {
		out[i] = l.Text
	}
	return out
}

func inSecs(d time.Duration) string { return fmt.Sprintf("%.3f s", d.Seconds()) }

// WriteDiff writes how the cues after differ from before, cue for cue
// (Fix keeps their number and order), as a unified diff of their times
// and lines: "-" what was, "+" what is, " " what stays.
func WriteDiff(w io.Writer, name string, before, after []caption.Cue) error {
	var b strings.Builder
	header := false
	for i := range min(len(before), len(after)) {
		x, y := before[i], after[i]
		sameTime := x.Start == y.Start && x.End == y.End
		sameText := slices.Equal(texts(x), texts(y))
		if sameTime && sameText {
			continue
		}
		if !header {
			fmt.Fprintf(&b, "--- %s\n+++ %s (fixed)\n", name, name)
			header = true
		}
		fmt.Fprintf(&b, "@@ cue %d @@\n", i+1)
		if sameTime {
			fmt.Fprintf(&b, " %s --> %s\n", Clock(x.Start), Clock(x.End))
		} else {
			fmt.Fprintf(&b, "-%s --> %s\n+%s --> %s\n", Clock(x.Start), Clock(x.End), Clock(y.Start), Clock(y.End))
		}
		if sameText {
			for _, t := range texts(x) {
				fmt.Fprintf(&b, " %s\n", t)
			}
			continue
		}
		for _, t := range texts(x) {
			fmt.Fprintf(&b, "-%s\n", t)
		}
		for _, t := range texts(y) {
			fmt.Fprintf(&b, "+%s\n", t)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
