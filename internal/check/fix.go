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
	// Cues too long for the lines, re-broken, are split first: what
	// follows measures and numbers the cues as they are written.
	var splits []Change
	d.Cues, splits = splitLong(d.Cues, convert.ShownText(&d, convert.LabelAuto), lim)
	changes = append(changes, splits...)
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

// splitLong returns cues with each cue of one speaker whose text needs
// more than lim.MaxLines lines of lim.MaxChars (its label included, as
// shown gives each line) split into cues that fit, in order, each its
// share of the cue's time by characters and lim.MinGap apart, and a
// change for each cue split, numbered as the cues come out. Dialogue and
// styled cues keep their lines: the change says so.
func splitLong(cues []caption.Cue, shown [][]string, lim timing.Options) ([]caption.Cue, []Change) {
	var out []caption.Cue
	var changes []Change
	for i, c := range cues {
		if len(c.Lines) == 0 {
			out = append(out, c)
			continue
		}
		label := utf8.RuneCountInString(shown[i][0]) - utf8.RuneCountInString(c.Lines[0].Text)
		speaker := c.Lines[0].Speaker
		plain := true
		var texts []string
		for _, l := range c.Lines {
			plain = plain && l.Speaker == speaker && !l.Dash && l.Spans == nil
			texts = append(texts, l.Text)
		}
		lines := timing.BreakLines(strings.Join(texts, " "), lim.MaxChars-label, lim.MaxLines)
		if !plain && (len(lines) > lim.MaxLines || len(c.Lines) > lim.MaxLines) {
			changes = append(changes, Change{Cue: len(out) + 1, Start: c.Start, Failed: true,
				What: fmt.Sprintf("%d lines, above %d: a dialogue or styled cue is not split", len(c.Lines), lim.MaxLines)})
			out = append(out, c)
			continue
		}
		if len(lines) <= lim.MaxLines {
			out = append(out, c) // re-broken below when its lines need it
			continue
		}
		total := 0
		for _, l := range lines {
			total += utf8.RuneCountInString(l)
		}
		gap := max(lim.MinGap, 0)
		n := (len(lines) + lim.MaxLines - 1) / lim.MaxLines
		first := len(out) + 1
		at, done := c.Start, 0
		for k := 0; k < len(lines); k += lim.MaxLines {
			part := lines[k:min(k+lim.MaxLines, len(lines))]
			for _, l := range part {
				done += utf8.RuneCountInString(l)
			}
			end := c.End
			if k+lim.MaxLines < len(lines) {
				end = c.Start + time.Duration(float64(c.End-c.Start)*float64(done)/float64(total))
				if lim.FPS > 0 {
					end = timing.FrameTime(timing.Frame(end, lim.FPS), lim.FPS)
				}
			}
			stop := end
			if k+lim.MaxLines < len(lines) {
				stop = max(end-gap, at+time.Millisecond) // the minimum gap before the next part
			}
			pc := caption.Cue{ID: c.ID, Start: at, End: stop, Placement: c.Placement}
			if k > 0 {
				pc.ID = "" // an identifier names one cue
			}
			for _, l := range part {
				pc.Lines = append(pc.Lines, caption.Line{Speaker: speaker, Text: l})
			}
			out = append(out, pc)
			at = end
		}
		changes = append(changes, Change{Cue: first, Start: c.Start,
			What: fmt.Sprintf("needs %d lines of %d characters: split into %d cues (%d–%d), their time shared by characters", len(lines), lim.MaxChars, n, first, len(out))})
	}
	return out, changes
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

// WriteDiff writes how the cues after differ from before as a unified
// diff of their times and lines: "-" what was, "+" what is, " " what
// stays. Fix changes no word, so the cues pair up by the words they hold:
// a cue Fix split is one hunk, the cue before and the cues after.
func WriteDiff(w io.Writer, name string, before, after []caption.Cue) error {
	var b strings.Builder
	header := false
	words := func(c caption.Cue) int {
		n := 0
		for _, t := range texts(c) {
			n += len(strings.Fields(t))
		}
		return n
	}
	for i, j := 0, 0; i < len(before) && j < len(after); {
		// The smallest runs before[i:i2] and after[j:j2] that hold the
		// same words.
		i2, j2 := i+1, j+1
		nx, ny := words(before[i]), words(after[j])
		for nx != ny && i2 <= len(before) && j2 <= len(after) {
			if nx < ny {
				if i2 == len(before) {
					break
				}
				nx += words(before[i2])
				i2++
			} else {
				if j2 == len(after) {
					break
				}
				ny += words(after[j2])
				j2++
			}
		}
		xs, ys := before[i:i2], after[j:j2]
		at := j + 1
		i, j = i2, j2
		if len(xs) == 1 && len(ys) == 1 && xs[0].Start == ys[0].Start && xs[0].End == ys[0].End && slices.Equal(texts(xs[0]), texts(ys[0])) {
			continue
		}
		if !header {
			fmt.Fprintf(&b, "--- %s\n+++ %s (fixed)\n", name, name)
			header = true
		}
		if len(ys) == 1 {
			fmt.Fprintf(&b, "@@ cue %d @@\n", at)
		} else {
			fmt.Fprintf(&b, "@@ cues %d–%d @@\n", at, at+len(ys)-1)
		}
		if len(xs) == 1 && len(ys) == 1 && slices.Equal(texts(xs[0]), texts(ys[0])) {
			x, y := xs[0], ys[0]
			fmt.Fprintf(&b, "-%s --> %s\n+%s --> %s\n", Clock(x.Start), Clock(x.End), Clock(y.Start), Clock(y.End))
			for _, t := range texts(x) {
				fmt.Fprintf(&b, " %s\n", t)
			}
			continue
		}
		if len(xs) == 1 && len(ys) == 1 && xs[0].Start == ys[0].Start && xs[0].End == ys[0].End {
			fmt.Fprintf(&b, " %s --> %s\n", Clock(xs[0].Start), Clock(xs[0].End))
			for _, t := range texts(xs[0]) {
				fmt.Fprintf(&b, "-%s\n", t)
			}
			for _, t := range texts(ys[0]) {
				fmt.Fprintf(&b, "+%s\n", t)
			}
			continue
		}
		for _, x := range xs {
			fmt.Fprintf(&b, "-%s --> %s\n", Clock(x.Start), Clock(x.End))
			for _, t := range texts(x) {
				fmt.Fprintf(&b, "-%s\n", t)
			}
		}
		for _, y := range ys {
			fmt.Fprintf(&b, "+%s --> %s\n", Clock(y.Start), Clock(y.End))
			for _, t := range texts(y) {
				fmt.Fprintf(&b, "+%s\n", t)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
