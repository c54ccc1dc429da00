package ass

import (
	"strings"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/labels"
)

// Players do not show the Name field, so Append may show speakers in the
// text too (WriteOptions.Speakers): a dialogue dash, a label, or both, at
// the start of an event. Read takes them out again, so that the text reads
// back as it was, and Append keeps a text that merely starts like them
// from being taken out: an empty override block "{}", which no player
// shows, goes before it.

// cutShown returns the length of what Append shows of speaker at the
// start of raw, the Text of an event after its placement block: a dialogue
// dash "- ", a label of speaker in one of the styles of package labels, or
// a dash and a label; dash reports whether there is a dash.
func cutShown(raw, speaker string) (n int, dash bool, style string) {
	if strings.HasPrefix(raw, "- ") {
		n, dash = 2, true
	}
	if speaker == "" || len(raw) <= n {
		return n, dash, ""
	}
	rest := raw[n:]
	for _, s := range shownStyles {
		if l := string(appendASSText(nil, labels.Style(s).Label(speaker))); strings.HasPrefix(rest, l) {
			return n + len(l), dash, s
		}
	}
	return n, dash, ""
}

// shownStyles name the label styles cutShown tries, in its order, as
// package labels names them (caption.Document.SpeakersShown).
var shownStyles = [...]string{string(labels.Name), string(labels.Upper), string(labels.Bracket)}

// placementLen returns the length of the {\anN} block Append writes at
// the start of s, or 0.
func placementLen(s string) int {
	if len(s) >= 6 && strings.HasPrefix(s, `{\an`) && s[4] >= '1' && s[4] <= '9' && s[5] == '}' {
		return 6
	}
	return 0
}

// nameAsRead returns speaker as Read reads it back from the Name field
// Append writes.
func nameAsRead(speaker string) string {
	return strings.ReplaceAll(voiceOf(strings.ReplaceAll(speaker, ",", "\u201A")), "\u201A", ",")
}

// appendEvent appends the Text of an event after its placement block:
// run's lines, one speaker's, joined by \N, each after what prefixes show
// before it.
func appendEvent(b []byte, run []caption.Line, prefixes []string) []byte {
	var cur caption.Style
	for j, l := range run {
		if j > 0 {
			b = append(b, `\N`...)
		}
		p := ""
		if j < len(prefixes) {
			p = prefixes[j]
		}
		start := len(b)
		b, cur = appendRun(b, caption.Span{Text: p}, cur)
		runs := l.Runs()
		if j == 0 && len(runs) > 0 && writtenStyle(runs[0].Style).IsPlain() {
			raw := appendASSText([]byte(string(b[start:])), runs[0].Text)
			if n, _, _ := cutShown(string(raw), nameAsRead(l.Speaker)); n > len(b)-start {
				b = append(b, "{}"...)
			}
		}
		for _, r := range runs {
			b, cur = appendRun(b, r, cur)
		}
	}
	return b
}
