package check

import (
	"fmt"
	"io"
	"math"
	"regexp"
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

// Fix returns a copy of doc's cues repaired under the limits of o (with
// a zero MaxChars or MaxCPS those of doc's language, as Document checks
// it) without changing a word, a speaker or the order of the words:
// cues with no text deleted, cues of one speaker too long for their lines
// split, orphan cues of one or two words merged into the cue of the same
// speaker they belong with, lines re-broken where they break the line
// rules, with o.FPS every time snapped to frames, overlaps removed, gaps
// under the minimum widened, cues too short or too fast extended into the
// free time after them and then given time by a slower cue of the same
// speaker next to them, cues on screen too long shortened, and gaps up
// to the chaining gap closed to the minimum. It returns the changes made, numbered as the cues come out,
// and, marked Failed, every violation of the rules it repairs that is
// left, with why: what Document would still report of them.
func Fix(doc *caption.Document, o timing.Options) (*caption.Document, []Change) {
	d := *doc
	d.Cues = make([]caption.Cue, len(doc.Cues))
	for i, c := range doc.Cues {
		c.Lines = slices.Clone(c.Lines)
		d.Cues[i] = c
	}
	lang := language(doc, o)
	o = o.ForLanguage(lang)
	lim := timing.Resolved(o)
	var changes []Change
	// Cues come and go first, so that what follows measures and numbers
	// the cues as they are written; each step renumbers the changes
	// before it.
	var more []Change
	var to []int
	d.Cues, more, to = deleteEmpty(d.Cues)
	changes = append(renumber(changes, to), more...)
	d.Cues, more, to = splitLong(d.Cues, convert.ShownText(&d, convert.LabelAuto), lim)
	changes = append(renumber(changes, to), more...)
	d.Cues, more, to = mergeOrphans(d.Cues, convert.ShownText(&d, convert.LabelAuto), lim)
	changes = append(renumber(changes, to), more...)
	note := func(i int, format string, args ...any) {
		changes = append(changes, Change{Cue: i + 1, Start: d.Cues[i].Start, What: fmt.Sprintf(format, args...)})
	}
	shownText := convert.ShownText(&d, convert.LabelAuto)
	for i := range d.Cues {
		rewrap(&d.Cues[i], shownText[i], lim, lang, func(format string, args ...any) { note(i, format, args...) })
	}
	cues := d.Cues
	// Times go on frames first, so that every time the repairs below
	// compute from them, in whole frames, stays on a frame.
	if lim.FPS > 0 {
		before := slices.Clone(cues)
		timing.SnapToFrames(cues, lim.FPS)
		for i := range cues {
			if cues[i].Start != before[i].Start || cues[i].End != before[i].End {
				note(i, "%s → %s --> %s: snapped to frames at %s fps", Clock(before[i].Start), Clock(cues[i].Start), Clock(cues[i].End), num(lim.FPS))
			}
		}
	}
	removeOverlaps(cues, lim, note)
	shorten(cues, lim, note)
	need := needs(&d, lim)
	// Widening a gap shortens a cue: done before the cues too short or
	// too fast take what time is free. Time one cue gains from another
	// can leave room to widen a gap or to lend, and chaining gives a cue
	// time to lend: the steps go round until none changes a cue.
	for range 5 {
		made := len(changes)
		closeGaps(cues, lim, true, note)
		extend(cues, need, lim, note)
		borrow(cues, need, lim, note)
		closeGaps(cues, lim, false, note)
		if len(changes) == made {
			break
		}
	}
	changes = append(changes, unfixed(&d, o)...)
	slices.SortStableFunc(changes, func(a, b Change) int { return a.Cue - b.Cue })
	return &d, changes
}

// renumber returns changes with each cue number n made to[n-1]+1: where
// the cue it was numbered by went.
func renumber(changes []Change, to []int) []Change {
	for i := range changes {
		if n := changes[i].Cue - 1; n >= 0 && n < len(to) {
			changes[i].Cue = to[n] + 1
		}
	}
	return changes
}

// deleteEmpty returns cues without those that show no text (none, or
// only spaces and formatting tags), a change for each numbered by the
// cue that takes its place, and where each cue went.
func deleteEmpty(cues []caption.Cue) ([]caption.Cue, []Change, []int) {
	var out []caption.Cue
	var gone []Change
	to := make([]int, len(cues))
	for i, c := range cues {
		to[i] = len(out)
		if !blank(c) {
			out = append(out, c)
			continue
		}
		gone = append(gone, Change{Cue: len(out) + 1, Start: c.Start,
			What: fmt.Sprintf("%s --> %s: deleted: a cue with no text", Clock(c.Start), Clock(c.End))})
	}
	for i := range to {
		to[i] = min(to[i], max(len(out)-1, 0))
	}
	for i := range gone {
		gone[i].Cue = min(gone[i].Cue, max(len(out), 1))
	}
	return out, gone, to
}

// tag matches a formatting tag a reader left in text: <i>, </font>,
// {\an8}.
var tag = regexp.MustCompile(`<[^<>]*>|\{\\[^{}]*\}`)

// blank reports whether c shows no text: its lines hold nothing but
// spaces and formatting tags.
func blank(c caption.Cue) bool {
	for _, l := range c.Lines {
		if strings.TrimSpace(tag.ReplaceAllString(l.Text, "")) != "" {
			return false
		}
	}
	return true
}

// removeOverlaps ends each cue that overlaps the next the minimum gap
// before the next starts, or as it starts when that would leave it no
// time.
func removeOverlaps(cues []caption.Cue, lim timing.Options, note func(int, string, ...any)) {
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
			continue // it starts with the next: unfixed says so
		}
		note(i-1, "end %s → %s: no longer overlaps cue %d", Clock(p.End), Clock(end), i+1)
		p.End = end
	}
}

// shorten ends each cue on screen longer than lim.MaxDuration at that
// duration (on a frame with lim.FPS): what fits in its lines is read in
// less.
func shorten(cues []caption.Cue, lim timing.Options, note func(int, string, ...any)) {
	for i := range cues {
		c := &cues[i]
		if c.End-c.Start <= lim.MaxDuration+time.Millisecond {
			continue
		}
		end := c.Start + lim.MaxDuration
		if lim.FPS > 0 {
			f := timing.Frame(end, lim.FPS)
			if timing.FrameTime(f, lim.FPS) > end {
				f--
			}
			end = timing.FrameTime(f, lim.FPS)
		}
		note(i, "end %s → %s: no longer on screen than %s", Clock(c.End), Clock(end), inSecs(lim.MaxDuration))
		c.End = end
	}
}

// closeGaps moves the end of each cue before a gap under the minimum
// (tight) or, when not tight, up to the chaining gap, to the minimum gap
// before the next cue, unless that would leave it no time or keep it on
// screen longer than the maximum.
func closeGaps(cues []caption.Cue, lim timing.Options, tight bool, note func(int, string, ...any)) {
	for i := 1; i < len(cues); i++ {
		p, c := &cues[i-1], cues[i]
		gap := c.Start - p.End
		under := gap >= 0 && gap < lim.MinGap-time.Millisecond
		chain := gap > lim.MinGap+time.Millisecond && gap <= lim.ChainGap+time.Millisecond
		end := c.Start - lim.MinGap
		switch {
		case tight && !under, !tight && !chain:
			continue
		case end <= p.Start, !tight && end-p.Start > lim.MaxDuration+time.Millisecond:
			continue // unfixed says why
		}
		why := "chained to cue %d"
		if tight {
			why = "leaves the minimum gap before cue %d"
		}
		note(i-1, "end %s → %s: "+why, Clock(p.End), Clock(end), i+1)
		p.End = end
	}
}

// needs returns the time each cue of d needs on screen: enough to read
// its text as shown (labels included) at lim.MaxCPS, at least
// lim.MinDuration, at most lim.MaxDuration, in whole frames with lim.FPS.
func needs(d *caption.Document, lim timing.Options) []time.Duration {
	shown := convert.ShownText(d, convert.LabelAuto)
	out := make([]time.Duration, len(d.Cues))
	for i := range d.Cues {
		n := 0
		for k, l := range shown[i] {
			n += utf8.RuneCountInString(l)
			if k > 0 {
				n++
			}
		}
		need := max(lim.MinDuration, time.Duration(math.Ceil(float64(n)/lim.MaxCPS*1e9)))
		need = min(need, lim.MaxDuration)
		if lim.FPS > 0 {
			need = timing.FrameTime(int64(math.Ceil(need.Seconds()*lim.FPS-1e-6)), lim.FPS)
		}
		out[i] = need
	}
	return out
}

// short reports whether c is on screen for less than need.
func short(c caption.Cue, need time.Duration) bool { return c.End-c.Start < need-time.Millisecond }

// extend ends each cue too short or too fast to read later, into the
// free time before the next cue (up to the minimum gap before it).
func extend(cues []caption.Cue, need []time.Duration, lim timing.Options, note func(int, string, ...any)) {
	for i := range cues {
		c := &cues[i]
		if !short(*c, need[i]) {
			continue
		}
		limit := c.Start + need[i]
		if i+1 < len(cues) {
			limit = min(limit, cues[i+1].Start-lim.MinGap)
		}
		if limit <= c.End {
			continue
		}
		note(i, "end %s → %s: extended into the free gap (%s needed)", Clock(c.End), Clock(limit), inSecs(need[i]))
		c.End = limit
	}
}

// borrow gives each cue still too short or too fast for its text time
// from a cue of the same speaker next to it (the minimum gap apart, or
// up to the chaining gap) that needs less than it has: the boundary
// between them moves so that each has its share of their time by
// characters, and at least what it needs.
func borrow(cues []caption.Cue, need []time.Duration, lim timing.Options, note func(int, string, ...any)) {
	gap := max(lim.MinGap, 0)
	// A cue given time may have time to lend in turn: each pass fixes a
	// cue or stops, since a cue that lends keeps what it needs.
	for again := true; again; {
		again = false
		for i := range cues {
			again = borrowFor(cues, i, need, gap, lim, note) || again
		}
	}
}

// borrowFor gives cue i, when too short or too fast, time from a cue of
// the same speaker next to it, and reports whether it did.
func borrowFor(cues []caption.Cue, i int, need []time.Duration, gap time.Duration, lim timing.Options, note func(int, string, ...any)) bool {
	for _, j := range []int{i + 1, i - 1} {
		if !short(cues[i], need[i]) || j < 0 || j >= len(cues) {
			continue
		}
		a, b := min(i, j), max(i, j)
		end, ok := boundary(cues[a], cues[b], need[a], need[b], gap, lim)
		if !ok || b+1 < len(cues) && end+gap > cues[b+1].Start {
			continue // the cue after b starts with it: b cannot start later
		}
		x, y := &cues[a], &cues[b]
		note(a, "end %s → %s: shares its time with cue %d by characters", Clock(x.End), Clock(end), b+1)
		note(b, "start %s → %s: shares its time with cue %d by characters", Clock(y.Start), Clock(end+gap), a+1)
		x.End, y.Start = end, end+gap
		return true
	}
	return false
}

// boundary returns where a, and the cue b after it, of the same speaker,
// should part so that each has at least what it needs (needA, needB) and
// otherwise its share of their time by characters, gap apart; ok is
// false when they are of different speakers, too far apart, or their
// time is too little for both.
func boundary(a, b caption.Cue, needA, needB, gap time.Duration, lim timing.Options) (end time.Duration, ok bool) {
	if !oneSpeaker(a) || !oneSpeaker(b) || a.Lines[0].Speaker != b.Lines[0].Speaker ||
		b.Start-a.End > max(lim.ChainGap, gap)+time.Millisecond || b.Start < a.End {
		return 0, false
	}
	span := b.End - a.Start - gap
	lo, hi := a.Start+needA, b.End-gap-needB
	lo = max(lo, b.End-gap-lim.MaxDuration)
	hi = min(hi, a.Start+lim.MaxDuration)
	if lo > hi {
		return 0, false
	}
	ca, cb := timing.CueChars(a), timing.CueChars(b)
	end = a.Start + time.Duration(float64(span)*float64(ca)/float64(max(ca+cb, 1)))
	end = min(max(end, lo), hi)
	if lim.FPS > 0 {
		f := timing.FrameTime(timing.Frame(end, lim.FPS), lim.FPS)
		if f < lo {
			f = timing.FrameTime(timing.Frame(end, lim.FPS)+1, lim.FPS)
		}
		if f < lo || f > hi {
			return 0, false
		}
		end = f
	}
	return end, end != a.End
}

// oneSpeaker reports whether c has lines, all of one speaker, with no
// dialogue dash or styling.
func oneSpeaker(c caption.Cue) bool {
	if len(c.Lines) == 0 {
		return false
	}
	for _, l := range c.Lines {
		if l.Speaker != c.Lines[0].Speaker || l.Dash || l.Spans != nil {
			return false
		}
	}
	return true
}

// repaired are the rules Fix repairs: what is left of them after it is
// reported.
var repaired = []timing.Rule{
	timing.RuleOverlap, timing.RuleDuration, timing.RuleOrder, timing.RuleEmpty, timing.RuleLines,
	timing.RuleChars, timing.RuleCPS, timing.RuleMinDuration, timing.RuleMaxDuration, timing.RuleGap,
	timing.RuleFrames, timing.RuleChain,
}

// unfixed checks d as Document checks it and returns a failed change for
// each violation of a rule Fix repairs that is left, with why.
func unfixed(d *caption.Document, o timing.Options) []Change {
	r, err := check("", d, nil, Options{Convert: convert.Options{Timing: o}})
	if err != nil {
		return nil // cues are checked as they stand: nothing to convert
	}
	var out []Change
	for _, f := range r.Findings {
		if f.Cue == 0 || !slices.Contains(repaired, f.Rule) {
			continue
		}
		out = append(out, Change{Cue: f.Cue, Start: f.Start, Failed: true,
			What: fmt.Sprintf("%s: %s: %s", f.Rule, f.Message, whyUnfixed(f.Rule))})
	}
	return out
}

// whyUnfixed says why Fix leaves a violation of rule r.
func whyUnfixed(r timing.Rule) string {
	switch r {
	case timing.RuleCPS, timing.RuleMinDuration:
		return "its times leave no room: no free time after it, and no cue of the same speaker next to it with time to spare"
	case timing.RuleOverlap, timing.RuleGap, timing.RuleDuration:
		return "its times leave no room: the cue before it would be left no time"
	case timing.RuleChain:
		return "its times leave no room: closing the gap would keep the cue before on screen too long"
	case timing.RuleOrder:
		return "fix does not reorder cues"
	case timing.RuleLines, timing.RuleChars:
		return "a dialogue or styled cue keeps its lines"
	case timing.RuleFrames:
		return "snapped cues fall on frames: a time that does not is boxed in"
	}
	return "fix cannot repair it without changing a word"
}

// splitLong returns cues with each cue of one speaker whose text needs
// more than lim.MaxLines lines of lim.MaxChars (its label included, as
// shown gives each line) split into cues that fit, in order, each its
// share of the cue's time by characters and lim.MinGap apart, and a
// change for each cue split, numbered as the cues come out, and where
// each cue went (its first part). Dialogue and styled cues keep their
// lines.
func splitLong(cues []caption.Cue, shown [][]string, lim timing.Options) ([]caption.Cue, []Change, []int) {
	var out []caption.Cue
	var changes []Change
	to := make([]int, len(cues))
	for i, c := range cues {
		to[i] = len(out)
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
		lines := timing.BreakLinesIn(timing.JoinLines(texts), lim.Language, lim.MaxChars-label, lim.MaxLines)
		if !plain || len(lines) <= lim.MaxLines {
			out = append(out, c) // re-broken below when its lines need it
			continue
		}
		total := 0
		for _, l := range lines {
			total += utf8.RuneCountInString(l)
		}
		gap := max(lim.MinGap, 0)
		// The parts share the time before the next cue starts: a part
		// that started after it would put the words out of order.
		until := c.End
		if i+1 < len(cues) {
			until = max(min(until, cues[i+1].Start), c.Start)
		}
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
				end = c.Start + time.Duration(float64(until-c.Start)*float64(done)/float64(total))
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
	return out, changes, to
}

// mergeOrphans returns cues with each orphan cue (see orphan) merged
// into the cue of the same speaker whose sentence it belongs to: the one
// before, when that one's sentence goes on in it, or else the one after,
// when it leads into that one's text. The merged cue spans both, its text
// broken into lines anew, and is made only when it fits lim's lines,
// duration and reading speed and the two are at most the chaining gap
// apart (half a second where a preset has no chaining). shown gives each
// line as a viewer reads it, its label included. It also returns a
// change for each merge, numbered as the cues come out, and where each
// cue went.
func mergeOrphans(cues []caption.Cue, shown [][]string, lim timing.Options) ([]caption.Cue, []Change, []int) {
	var out []caption.Cue
	var labels []int // the label's width on each cue of out
	var changes []Change
	to := make([]int, len(cues))
	label := func(i int) int {
		if len(cues[i].Lines) == 0 {
			return 0
		}
		return utf8.RuneCountInString(shown[i][0]) - utf8.RuneCountInString(cues[i].Lines[0].Text)
	}
	for i := 0; i < len(cues); i++ {
		c := cues[i]
		to[i] = len(out)
		if orphan(c, lim) {
			if k := len(out) - 1; k >= 0 && !endsSentence(lastText(out[k])) {
				if m, ok := merged(out[k], c, labels[k], lim); ok {
					changes = append(changes, Change{Cue: k + 1, Start: out[k].Start,
						What: fmt.Sprintf("%s --> %s: merged with the orphan %q after it, which went on with its sentence", Clock(m.Start), Clock(m.End), strings.Join(texts(c), " "))})
					out[k], to[i] = m, k
					continue
				}
			}
			if i+1 < len(cues) && !endsClause(lastText(c)) {
				if m, ok := merged(c, cues[i+1], label(i), lim); ok {
					changes = append(changes, Change{Cue: len(out) + 1, Start: c.Start,
						What: fmt.Sprintf("%s --> %s: the orphan %q merged with the cue after it, which it leads into", Clock(m.Start), Clock(m.End), strings.Join(texts(c), " "))})
					out, labels = append(out, m), append(labels, label(i))
					to[i+1] = len(out) - 1
					i++
					continue
				}
			}
		}
		out, labels = append(out, c), append(labels, label(i))
	}
	return out, changes, to
}

// orphan reports whether c is an orphan cue: one speaker's one or two
// words, shorter than a third of a line, no bracketed sound or label.
// Whether it is a sentence of its own ("Yes.") the cues around it tell.
func orphan(c caption.Cue, lim timing.Options) bool {
	if !oneSpeaker(c) {
		return false
	}
	text := strings.Join(texts(c), " ")
	n := len(strings.Fields(text))
	t := strings.TrimSpace(text)
	return n >= 1 && n <= 2 && utf8.RuneCountInString(t) <= lim.MaxChars/3 &&
		!strings.HasPrefix(t, "[") && !strings.HasPrefix(t, "(")
}

// merged returns a and the cue b after it as one cue spanning both, its
// text broken anew into lines of lim.MaxChars less label, the width of
// the speaker label shown on its first line; ok is false unless both are
// of one speaker, at most the chaining gap apart, and the cue fits lim's
// lines, duration and reading speed.
func merged(a, b caption.Cue, label int, lim timing.Options) (caption.Cue, bool) {
	near := max(lim.ChainGap, timing.DefaultChainGap)
	if !oneSpeaker(a) || !oneSpeaker(b) || a.Lines[0].Speaker != b.Lines[0].Speaker || b.Start-a.End > near+time.Millisecond {
		return caption.Cue{}, false
	}
	m := caption.Cue{ID: a.ID, Start: a.Start, End: max(a.End, b.End), Placement: a.Placement}
	text := timing.JoinLines(append(texts(a), texts(b)...))
	lines := timing.BreakLinesIn(text, lim.Language, lim.MaxChars-label, lim.MaxLines)
	chars := label
	for k, l := range lines {
		if utf8.RuneCountInString(l) > lim.MaxChars-label && strings.Contains(l, " ") {
			return caption.Cue{}, false
		}
		chars += utf8.RuneCountInString(l)
		if k > 0 {
			chars++
		}
		m.Lines = append(m.Lines, caption.Line{Speaker: a.Lines[0].Speaker, Text: l})
	}
	d := m.End - m.Start
	if len(lines) > lim.MaxLines || d > lim.MaxDuration+time.Millisecond || d <= 0 || float64(chars)/d.Seconds() > lim.MaxCPS {
		return caption.Cue{}, false
	}
	return m, true
}

// lastText returns the text of c's last line.
func lastText(c caption.Cue) string {
	if len(c.Lines) == 0 {
		return ""
	}
	return c.Lines[len(c.Lines)-1].Text
}

// endsSentence reports whether text ends a sentence, before any closing
// quote or bracket.
func endsSentence(text string) bool {
	t := strings.TrimRight(strings.TrimSpace(text), "\"'”’»)]")
	r, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune(".!?…。！？", r)
}

// endsClause reports whether text ends a sentence or a clause.
func endsClause(text string) bool {
	t := strings.TrimRight(strings.TrimSpace(text), "\"'”’»)]")
	r, _ := utf8.DecodeLastRuneInString(t)
	return endsSentence(text) || strings.ContainsRune(",;:—–、，；：", r)
}

// rewrap re-breaks the lines of c, one speaker's without dialogue
// dashes, when they break a line rule and a new break breaks fewer.
// shown is each line as a viewer reads it, labels included.
func rewrap(c *caption.Cue, shown []string, lim timing.Options, lang string, note func(format string, args ...any)) {
	if len(c.Lines) == 0 {
		return
	}
	before := lineProblems(shown, lim, lang)
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
	lines := timing.BreakLinesIn(timing.JoinLines(texts), lim.Language, lim.MaxChars-label, lim.MaxLines)
	after := make([]string, len(lines))
	copy(after, lines)
	after[0] = shown[0][:len(shown[0])-len(c.Lines[0].Text)] + after[0]
	if slices.Equal(lines, texts) || lineProblems(after, lim, lang) >= before {
		return
	}
	note("lines %q → %q: re-broken", strings.Join(texts, " / "), strings.Join(lines, " / "))
	c.Lines = c.Lines[:0]
	for _, l := range lines {
		c.Lines = append(c.Lines, caption.Line{Speaker: speaker, Text: l})
	}
}

// lineProblems counts the line rules that lines, as shown, break, in
// the language tagged lang.
func lineProblems(lines []string, lim timing.Options, lang string) int {
	c := caption.Cue{Start: 0, End: time.Hour}
	for _, l := range lines {
		c.Lines = append(c.Lines, caption.Line{Text: l})
	}
	n := 0
	for _, v := range timing.Check([]caption.Cue{c}, timing.Options{MaxChars: lim.MaxChars, MaxLines: lim.MaxLines, MaxDuration: 2 * time.Hour}) {
		if v.Rule == timing.RuleChars || v.Rule == timing.RuleLines {
			n += 100 // an error outweighs every matter of style
		}
	}
	return n + len(timing.Lint([]caption.Cue{c}, timing.LintOptions{LabelsShown: true, Language: lang}))
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
			n += len(strings.Fields(tag.ReplaceAllString(t, "")))
		}
		return n
	}
	hunk := func(at, n int) {
		if !header {
			fmt.Fprintf(&b, "--- %s\n+++ %s (fixed)\n", name, name)
			header = true
		}
		if n == 1 {
			fmt.Fprintf(&b, "@@ cue %d @@\n", at)
		} else {
			fmt.Fprintf(&b, "@@ cues %d–%d @@\n", at, at+n-1)
		}
	}
	var i, j int
	for i < len(before) && j < len(after) {
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
		hunk(at, len(ys))
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
	if i < len(before) {
		// Cues with no text at the end, deleted.
		if !header {
			fmt.Fprintf(&b, "--- %s\n+++ %s (fixed)\n", name, name)
		}
		fmt.Fprintf(&b, "@@ after cue %d @@\n", len(after))
		for _, x := range before[i:] {
			fmt.Fprintf(&b, "-%s --> %s\n", Clock(x.Start), Clock(x.End))
			for _, t := range texts(x) {
				fmt.Fprintf(&b, "-%s\n", t)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
