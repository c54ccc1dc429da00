package timing

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/capconv/capconv/convert/caption"
)

// Rule names one readability rule a cue can break.
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
)

// Violation is one cue breaking one rule.
type Violation struct {
	// Cue is the cue's index in the list checked, from 0.
	Cue   int
	Start time.Duration
	Rule  Rule
	// Detail says by how much, e.g. "23.4 cps > 20".
	Detail string
	// NoRoom is set when the cue is boxed in by its neighbours: it could
	// only be fixed by moving another cue (the transcript gives its words
	// too little time).
	NoRoom bool
}

// String formats v as "cue 12 at 0:01:02.345: cps: 23.4 cps > 20".
func (v Violation) String() string {
	s := fmt.Sprintf("cue %d at %s: %s: %s", v.Cue+1, clock(v.Start), v.Rule, v.Detail)
	if v.NoRoom {
		s += " (no room: the transcript leaves too little time)"
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

// tolerance absorbs rounding to milliseconds or frames in the duration
// and gap checks: a writer may round a time by up to half a millisecond.
const tolerance = time.Millisecond

// Check returns every rule each cue breaks under the limits of o, in cue
// order.
func Check(cues []caption.Cue, o Options) []Violation {
	o = o.withDefaults()
	var out []Violation
	for i, c := range cues {
		add := func(r Rule, format string, args ...any) {
			out = append(out, Violation{Cue: i, Start: c.Start, Rule: r, Detail: fmt.Sprintf(format, args...), NoRoom: boxedIn(cues, i, o)})
		}
		if n := len(c.Lines); n > o.MaxLines {
			add(RuleLines, "%d lines > %d", n, o.MaxLines)
		}
		for _, l := range c.Lines {
			if n := utf8.RuneCountInString(l.Text); n > o.MaxChars && strings.ContainsRune(strings.TrimSpace(l.Text), ' ') {
				add(RuleChars, "%d characters > %d in %q", n, o.MaxChars, l.Text)
			}
		}
		d := c.End - c.Start
		if d < o.MinDuration-tolerance {
			add(RuleMinDuration, "%.3f s < %.3f s", d.Seconds(), o.MinDuration.Seconds())
		}
		if d > o.MaxDuration+tolerance {
			add(RuleMaxDuration, "%.3f s > %.3f s", d.Seconds(), o.MaxDuration.Seconds())
		}
		if cps := CPS(c); cps > o.MaxCPS*(1+1e-3) {
			add(RuleCPS, "%.1f cps > %.1f", cps, o.MaxCPS)
		}
		if i > 0 {
			gap := c.Start - cues[i-1].End
			switch {
			case gap < 0:
				add(RuleOverlap, "starts %.3f s before cue %d ends", -gap.Seconds(), i)
			case gap < o.MinGap-tolerance:
				add(RuleGap, "%.3f s after cue %d < %.3f s", gap.Seconds(), i, o.MinGap.Seconds())
			}
		}
	}
	return out
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
	n := 0
	for i, l := range c.Lines {
		if i > 0 {
			n++
		}
		n += utf8.RuneCountInString(l.Text)
	}
	d := (c.End - c.Start).Seconds()
	if d <= 0 {
		if n == 0 {
			return 0
		}
		return float64(n) * 1e9
	}
	return float64(n) / d
}
