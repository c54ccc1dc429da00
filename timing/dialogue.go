package timing

import (
	"unicode/utf8"

	"github.com/capconv/capconv/convert/caption"
)

// dashWidth is what a line of a dialogue cue shows before its text
// (and its label, when labels are shown), counted against MaxChars.
const dashWidth = len("- ")

// joinDialogue puts a cue too short or too fast to read, boxed in by
// another speaker's cues, into one cue with its neighbour: a dialogue,
// one line each, every line opened by a dash, as Netflix and the BBC
// set two speakers' lines in one cue. An interjection ("Yeah.") said
// between two stretches of someone else's speech has no time of its own
// to be read; with the neighbour's line beside it, both get the
// neighbour's time. It joins two one-line cues of two named speakers,
// next to each other (no more than the chaining gap apart), whose lines
// fit with their dashes and labels, and only when the joined cue keeps
// every timing limit; of the two neighbours, the one that makes the
// shorter cue. Cues of unnamed speakers stay apart: a new turn of no one
// may be the same person, and a dash would say otherwise; so do cues
// whose turn states its range or exact start (fixed[i]), whose times are
// the truth and would be shown outside them. labelWidth, when not nil,
// is the width of the label a line of speaker shows.
func joinDialogue(cues []caption.Cue, fixed []bool, o Options, labelWidth func(speaker string) int) []caption.Cue {
	if o.MaxLines < 2 {
		return cues
	}
	out := cues[:0]
	last := -1 // the index in cues of out's last cue, when it is one of them unjoined
	for i := 0; i < len(cues); i++ {
		c := cues[i]
		if readsInTime(c, o) || fixed[i] {
			out, last = append(out, c), i
			continue
		}
		var before, after caption.Cue
		okBefore := last == i-1 && last >= 0 && !fixed[last] && joinable(out[len(out)-1], c, o, labelWidth)
		if okBefore {
			before = dialogue(out[len(out)-1], c)
			okBefore = readsInTime(before, o)
		}
		okAfter := i+1 < len(cues) && !fixed[i+1] && joinable(c, cues[i+1], o, labelWidth)
		if okAfter {
			after = dialogue(c, cues[i+1])
			okAfter = readsInTime(after, o)
		}
		switch {
		case okBefore && (!okAfter || before.End-before.Start <= after.End-after.Start):
			out[len(out)-1], last = before, -1
		case okAfter:
			out, last = append(out, after), -1
			i++
		default:
			out, last = append(out, c), i
		}
	}
	return out
}

// readsInTime reports whether c keeps the duration and reading-speed
// limits of o (as Check counts them).
func readsInTime(c caption.Cue, o Options) bool {
	d := c.End - c.Start
	return d >= o.MinDuration-tolerance && d <= o.MaxDuration+tolerance && CPS(c) <= o.MaxCPS*(1+1e-3)
}

// joinable reports whether a and the cue b after it can share a cue as a
// dialogue (see joinDialogue).
func joinable(a, b caption.Cue, o Options, labelWidth func(string) int) bool {
	if len(a.Lines) != 1 || len(b.Lines) != 1 {
		return false
	}
	la, lb := a.Lines[0], b.Lines[0]
	if la.Speaker == "" || lb.Speaker == "" || la.Speaker == lb.Speaker {
		return false
	}
	if !chainedCues(a, b, o) {
		return false
	}
	return dialogueWidth(la, labelWidth) <= o.MaxChars && dialogueWidth(lb, labelWidth) <= o.MaxChars
}

// chainedCues reports whether b follows a no more than the chaining gap
// (or the minimum gap, when that is longer) after it, without overlap.
func chainedCues(a, b caption.Cue, o Options) bool {
	gap := b.Start - a.End
	return gap >= 0 && gap <= max(o.ChainGap, o.MinGap)+tolerance
}

// dialogueWidth is the width of l as a line of a dialogue cue shows it.
func dialogueWidth(l caption.Line, labelWidth func(string) int) int {
	n := utf8.RuneCountInString(l.Text) + dashWidth
	if labelWidth != nil {
		n += labelWidth(l.Speaker)
	}
	return n
}

// dialogue is the cue that shows a's line and then b's, each with a dash,
// from a's start to b's end.
func dialogue(a, b caption.Cue) caption.Cue {
	la, lb := a.Lines[0], b.Lines[0]
	la.Dash, lb.Dash = true, true
	return caption.Cue{Start: a.Start, End: max(a.End, b.End), Lines: []caption.Line{la, lb}, Placement: a.Placement}
}
