package webvtt

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/capconv/capconv/convert/caption"
)

// openTag is an element Append opens around styled text: "c" with its
// classes (dot-separated, colour class included), "i", "b" or "u".
type openTag struct {
	name    string
	classes string
}

// tagsOf returns the elements that give text style s, outermost first:
// <c> for classes and colour, then <i>, <b>, <u>. A ruby is written
// inside them.
func tagsOf(s caption.Style) ([4]openTag, int) {
	var tags [4]openTag
	n := 0
	if cls := cueClasses(s); cls != "" {
		tags[n] = openTag{"c", cls}
		n++
	}
	for _, t := range [...]struct {
		on   bool
		name string
	}{{s.Italic, "i"}, {s.Bold, "b"}, {s.Underline, "u"}} {
		if t.on {
			tags[n] = openTag{name: t.name}
			n++
		}
	}
	return tags, n
}

// cueClasses returns the classes of a <c> tag for s, dot-separated: its
// classes, then the class of its colour (see colorClassName). Class names
// a tag cannot hold (with ".", "<", ">" or white space that ends a tag's
// name) are not written. Classes are split at spaces only, as Style.Class
// joins them: a class may hold U+00A0, which strings.Fields would split
// at (found by fuzzing).
func cueClasses(s caption.Style) string {
	var b strings.Builder
	for c := range strings.SplitSeq(s.Class, " ") {
		if c == "" || strings.ContainsAny(c, ".<>\t\n\f\r") {
			continue
		}
		b.WriteByte('.')
		b.WriteString(c)
	}
	if c := colorClassName(s.Color); c != "" {
		b.WriteByte('.')
		b.WriteString(c)
	}
	if b.Len() == 0 {
		return ""
	}
	return b.String()[1:]
}

// colorClassName returns the class Append defines for colour c in its
// STYLE block: one of the eight classic colour classes (yellow, cyan, …)
// when c is one, since players that know no STYLE block (ExoPlayer,
// Apple's) colour those still; else "c_rrggbb" (or "c_rrggbbaa"); or ""
// when c is no colour the model allows.
func colorClassName(c string) string {
	hex, ok := strings.CutPrefix(c, "#")
	if !ok || (len(hex) != 6 && len(hex) != 8) || !isHex(hex) {
		return ""
	}
	c = strings.ToLower(c)
	for _, name := range classicColors {
		if namedColors[name] == c {
			return name
		}
	}
	return "c_" + strings.ToLower(hex)
}

// classicColors are the colour classes of the first WebVTT drafts, which
// players still honour without a stylesheet.
var classicColors = [...]string{"white", "lime", "cyan", "red", "yellow", "magenta", "blue", "black"}

// appendStyleBlock appends a STYLE block defining the colour class of
// every colour d's spans use, in sorted order, or nothing when they use
// none. WebVTT has no colour in cue text: a class and a rule for it are
// how a file colours text.
func appendStyleBlock(b []byte, d *caption.Document) []byte {
	var classes []string
	for _, c := range d.Cues {
		for _, l := range c.Lines {
			for _, s := range l.Spans {
				if n := colorClassName(s.Style.Color); n != "" && !contains(classes, n) {
					classes = append(classes, n)
				}
			}
		}
	}
	if len(classes) == 0 {
		return b
	}
	slices.Sort(classes)
	b = append(b, "STYLE\n"...)
	for _, c := range classes {
		b = append(b, "::cue(."...)
		b = append(b, c...)
		col, _ := colorClass(c)
		b = append(b, ") { color: "...)
		b = append(b, col...)
		b = append(b, " }\n"...)
	}
	return append(b, '\n')
}

// appendRuns appends runs, a line's text, escaped, each in the elements
// of its style, closing all of them at the end of the line so that every
// line nests on its own. Neighbouring runs share the elements they have
// in common. With escFirst, the first character is written as a
// character reference (see cutShown).
func appendRuns(b []byte, runs []caption.Span, escFirst bool) []byte {
	var open [4]openTag
	nOpen := 0
	for _, s := range runs {
		if s.Text == "" {
			continue
		}
		want, n := tagsOf(s.Style)
		k := 0
		for k < nOpen && k < n && open[k] == want[k] {
			k++
		}
		b = closeTags(b, open[k:nOpen])
		for _, t := range want[k:n] {
			b = append(b, '<')
			b = append(b, t.name...)
			if t.classes != "" {
				b = append(b, '.')
				b = append(b, t.classes...)
			}
			b = append(b, '>')
		}
		open, nOpen = want, n
		if s.Style.Ruby != "" {
			b = append(b, "<ruby>"...)
		}
		t := s.Text
		if escFirst {
			r, size := utf8.DecodeRuneInString(t)
			b = append(b, "&#"...)
			b = strconv.AppendInt(b, int64(r), 10)
			b = append(b, ';')
			t, escFirst = t[size:], false
		}
		b = appendEscaped(b, t)
		if s.Style.Ruby != "" {
			b = append(b, "<rt>"...)
			b = appendEscaped(b, s.Style.Ruby)
			b = append(b, "</rt></ruby>"...)
		}
	}
	return closeTags(b, open[:nOpen])
}

// closeTags appends the end tags of tags, innermost first.
func closeTags(b []byte, tags []openTag) []byte {
	for i := len(tags) - 1; i >= 0; i-- {
		b = append(b, "</"...)
		b = append(b, tags[i].name...)
		b = append(b, '>')
	}
	return b
}

// escapeFirst reports whether the reader would take the start of text,
// written after prefix on a line of the voice voice ("" for none), for
// something labels.Shower shows (see cutShown and endCue): a dialogue
// dash where prefix has none, or a label where prefix has none. opens is
// whether the line opens the voice span, voiced whether any line of the
// cue has a voice.
func escapeFirst(prefix, text, voice string, opens, voiced bool) bool {
	_, dash := cutDash(text)
	switch {
	case voice == "":
		return prefix == "" && voiced && dash
	case prefix == "":
		return dash || opens && hasShownLabel(text, voice)
	case prefix == "- ":
		return hasShownLabel(text, voice)
	}
	return false
}

// hasShownLabel reports whether text starts with a label of voice that
// Read would take out.
func hasShownLabel(text, voice string) bool {
	_, n := shownLabel(text, voice)
	return n > 0
}
