package timing

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/capconv/capconv/convert/caption"
)

// Rule names one readability rule a cue can break. Its value is a stable
// identifier: reports and configuration name rules by it.
type Rule string

// The rules Check applies, from the limits in Options.
const (
	RuleLines       Rule = "lines"        // more than MaxLines lines
	RuleChars       Rule = "chars"        // a line of several words longer than MaxChars
	RuleMinDuration Rule = "min-duration" // shorter than MinDuration
	RuleMaxDuration Rule = "max-duration" // longer than MaxDuration
	RuleCPS         Rule = "cps"          // faster to read than MaxCPS
	RuleOverlap     Rule = "overlap"      // starts before the cue before it ends
	RuleGap         Rule = "gap"          // closer than MinGap to the cue before it
	RuleDuration    Rule = "duration"     // ends at or before its start
	RuleOrder       Rule = "order"        // starts before the cue before it starts
	RuleEmpty       Rule = "empty"        // no text
)

// The rules Lint and CheckChains apply.
const (
	RuleChain        Rule = "chain"         // a gap of at most ChainGap not closed to MinGap
	RuleUnbalanced   Rule = "unbalanced"    // a top line much longer than the bottom one
	RuleLineBreak    Rule = "line-break"    // a line break the line treatment rules forbid
	RuleOrphan       Rule = "orphan"        // a line of one word
	RuleSpeakerID    Rule = "speaker-id"    // a change of speaker viewers cannot see
	RuleDialogueDash Rule = "dialogue-dash" // two speakers in one cue without dashes
	RuleFrames       Rule = "frames"        // a time off the frame grid
)

// Violation is one cue breaking one rule.
type Violation struct {
	// Cue is the cue's index in the list checked, from 0.
	Cue   int
	Start time.Duration
	Rule  Rule
	// Detail says by how much, e.g. "23.4 characters a second, above 20".
	Detail string
	// NoRoom is set when a cue too short or too fast to read is boxed in
	// by its neighbours: it could only be fixed by moving another cue.
	NoRoom bool
}

// String formats v as "cue 12 at 0:01:02.345: cps: 23.4 characters a
// second, above 20".
func (v Violation) String() string {
	s := fmt.Sprintf("cue %d at %s: %s: %s", v.Cue+1, clock(v.Start), v.Rule, v.Detail)
	if v.NoRoom {
		s += " (no room: the cues around it leave too little time)"
	}
	return s
}

// clock formats d as H:MM:SS.mmm.
func clock(d time.Duration) string {
	neg := ""
	if d < 0 {
		neg, d = "-", -d
	}
	ms := d.Milliseconds()
	return fmt.Sprintf("%s%d:%02d:%02d.%03d", neg, ms/3600000, ms/60000%60, ms/1000%60, ms%1000)
}

// num formats x to one decimal at most: 20, 17.1.
func num(x float64) string {
	return strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64)
}

// inSeconds formats d in seconds to the millisecond: 0.083 s.
func inSeconds(d time.Duration) string {
	return strconv.FormatFloat(d.Seconds(), 'f', 3, 64) + " s"
}

// tolerance absorbs rounding to milliseconds or frames in the duration
// and gap checks: a writer may round a time by up to half a millisecond.
const tolerance = time.Millisecond

// Check returns every rule each cue breaks under the limits of o, in cue
// order. o is taken as given to MakeCues: its zero fields mean their
// defaults, and a negative MinGap lets cues touch.
func Check(cues []caption.Cue, o Options) []Violation {
	o = o.withDefaults()
	var out []Violation
	for i, c := range cues {
		add := func(r Rule, format string, args ...any) {
			v := Violation{Cue: i, Start: c.Start, Rule: r, Detail: fmt.Sprintf(format, args...)}
			if r == RuleCPS || r == RuleMinDuration {
				v.NoRoom = boxedIn(cues, i, o)
			}
			out = append(out, v)
		}
		if isEmpty(c) {
			add(RuleEmpty, "no text")
		}
		if n := len(c.Lines); n > o.MaxLines {
			add(RuleLines, "%d lines, above %d", n, o.MaxLines)
		}
		for _, l := range c.Lines {
			if n := utf8.RuneCountInString(l.Text); n > o.MaxChars && strings.ContainsRune(strings.TrimSpace(l.Text), ' ') {
				add(RuleChars, "%d characters on a line, above %d: %q", n, o.MaxChars, l.Text)
			}
		}
		d := c.End - c.Start
		switch {
		case d == 0:
			add(RuleDuration, "ends as it starts: never on screen")
		case d < 0:
			add(RuleDuration, "ends %s before it starts", inSeconds(-d))
		case d < o.MinDuration-tolerance:
			add(RuleMinDuration, "%s on screen, under %s", inSeconds(d), inSeconds(o.MinDuration))
		case d > o.MaxDuration+tolerance:
			add(RuleMaxDuration, "%s on screen, above %s", inSeconds(d), inSeconds(o.MaxDuration))
		}
		if cps := CPS(c); d > 0 && cps > o.MaxCPS*(1+1e-3) {
			add(RuleCPS, "%s characters a second, above %s", num(cps), num(o.MaxCPS))
		}
		if i > 0 {
			p := cues[i-1]
			gap := c.Start - p.End
			switch {
			case c.Start < p.Start:
				add(RuleOrder, "starts %s before cue %d starts", inSeconds(p.Start-c.Start), i)
			case gap < 0:
				add(RuleOverlap, "starts %s before cue %d ends", inSeconds(-gap), i)
			case gap < o.MinGap-tolerance:
				add(RuleGap, "%s after cue %d, under %s", inSeconds(gap), i, inSeconds(o.MinGap))
			}
		}
	}
	return out
}

// CheckChains returns every gap between cues longer than o.MinGap but at
// most o.ChainGap, which Netflix's chaining rule closes to the minimum so
// that the screen does not flash between cues. Check leaves it out: a
// gap left open is how the screen flashes, not how hard a cue is to read.
func CheckChains(cues []caption.Cue, o Options) []Violation {
	o = o.withDefaults()
	var out []Violation
	for i := 1; i < len(cues); i++ {
		c := cues[i]
		if gap := c.Start - cues[i-1].End; gap > o.MinGap+tolerance && gap <= o.ChainGap+tolerance {
			out = append(out, Violation{Cue: i, Start: c.Start, Rule: RuleChain,
				Detail: fmt.Sprintf("%s after cue %d: a gap of at most %s closes to %s", inSeconds(gap), i, inSeconds(o.ChainGap), inSeconds(o.MinGap))})
		}
	}
	return out
}

// isEmpty reports whether c shows no text.
func isEmpty(c caption.Cue) bool {
	for _, l := range c.Lines {
		if strings.TrimSpace(l.Text) != "" {
			return false
		}
	}
	return true
}

// boxedIn reports whether cue i cannot grow: it already starts at the
// earliest and ends at the latest its neighbours and the minimum gap allow.
func boxedIn(cues []caption.Cue, i int, o Options) bool {
	slack := o.MinGap + tolerance
	before := i == 0 || cues[i].Start-cues[i-1].End <= slack
	after := i+1 < len(cues) && cues[i+1].Start-cues[i].End <= slack
	return before && after
}

// CPS is c's reading speed: its characters, spaces and punctuation
// included, with one space between lines, per second on screen.
func CPS(c caption.Cue) float64 {
	n := CueChars(c)
	d := (c.End - c.Start).Seconds()
	if d <= 0 {
		if n == 0 {
			return 0
		}
		return float64(n) * 1e9
	}
	return float64(n) / d
}

// Resolved returns o with every zero field set to the default Check and
// MakeCues apply, and the gaps as they apply them: MinGap and ChainGap 0
// when cues may touch or chaining is off. Its result is for reading the
// limits, not for passing on: a MinGap of 0 given back would mean the
// default again.
func Resolved(o Options) Options { return o.withDefaults() }
