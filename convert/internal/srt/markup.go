package srt

import (
	"strings"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/ass"
	"github.com/capconv/capconv/convert/internal/text"
)

// SRT's markup is what players honour, not a standard: <i>, <b>, <u> and
// <font color> from HTML, and ASS's {\an8} borrowed for placement. The
// reader takes these and nothing else, so that "<inaudible>" or "I <3 you"
// stays text, as players show it.

// wordJoiner (U+2060) is what Append puts after a "<" or a "{" of text
// that a reader would take for markup: it is invisible, and Read drops one
// after "<" and "{", so the text reads back as it was. SRT has no escape;
// "< i>" or "&lt;i>" would show.
const wordJoiner = "\u2060"

// tag is an SRT tag: its kind ('i', 'b', 'u' or 'f' for font), whether it
// closes, and a font's colour ("" for none or one not understood).
type tag struct {
	kind  byte
	close bool
	color string
}

// parseTag parses the tag s starts with (s[0] is '<') and returns it and
// its length. A tag is "<", an optional "/", a known name in any case,
// and ">", with spaces before the ">" and, for an opening font tag,
// attributes: "<i >" is a tag, "< i>", "<ix>" and "<i" are text.
func parseTag(s string) (t tag, n int, ok bool) {
	i := 1
	if i < len(s) && s[i] == '/' {
		t.close = true
		i++
	}
	j := i
	for j < len(s) && isLetter(s[j]) {
		j++
	}
	switch name := s[i:j]; {
	case len(name) == 1 && strings.IndexByte("ibu", name[0]|0x20) >= 0:
		t.kind = name[0] | 0x20
	case strings.EqualFold(name, "font"):
		t.kind = 'f'
	default:
		return tag{}, 0, false
	}
	end := strings.IndexAny(s[j:], "<>")
	if end < 0 || s[j+end] != '>' {
		return tag{}, 0, false
	}
	attrs := s[j : j+end]
	if attrs != "" && attrs[0] != ' ' && attrs[0] != '\t' {
		return tag{}, 0, false
	}
	if t.kind == 'f' && !t.close {
		t.color = fontColor(attrs)
	} else if strings.Trim(attrs, " \t") != "" {
		return tag{}, 0, false
	}
	return t, j + end + 1, true
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// fontColor returns the colour of a font tag's attributes as "#rrggbb",
// or "" when they name none the reader understands.
func fontColor(attrs string) string {
	for {
		attrs = strings.TrimLeft(attrs, " \t")
		if attrs == "" {
			return ""
		}
		k := strings.IndexAny(attrs, " \t=")
		if k < 0 {
			return "" // a last attribute without a value
		}
		name := attrs[:k]
		attrs = strings.TrimLeft(attrs[k:], " \t")
		if !strings.HasPrefix(attrs, "=") {
			continue
		}
		attrs = strings.TrimLeft(attrs[1:], " \t")
		var value string
		if attrs != "" && (attrs[0] == '"' || attrs[0] == '\'') {
			end := strings.IndexByte(attrs[1:], attrs[0])
			if end < 0 {
				value, attrs = attrs[1:], ""
			} else {
				value, attrs = attrs[1:1+end], attrs[2+end:]
			}
		} else {
			end := strings.IndexAny(attrs, " \t")
			if end < 0 {
				end = len(attrs)
			}
			value, attrs = attrs[:end], attrs[end:]
		}
		if strings.EqualFold(name, "color") {
			return parseColor(value)
		}
	}
}

// parseColor returns an SRT font colour ("#RGB", "#RRGGBB", "RRGGBB" as
// some tools write it, or a CSS name) as "#rrggbb", or "" when it is none
// of these. An alpha channel is not read: SRT players ignore it.
func parseColor(v string) string {
	v = strings.TrimSpace(v)
	if hex, ok := namedColor(v); ok {
		return hex
	}
	h := strings.TrimPrefix(v, "#")
	if !isHex(h) {
		return ""
	}
	switch {
	case len(h) == 3 && h != v:
		return strings.ToLower("#" + h[0:1] + h[0:1] + h[1:2] + h[1:2] + h[2:3] + h[2:3])
	case len(h) == 6:
		return "#" + strings.ToLower(h)
	}
	return ""
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return s != ""
}

// markup is the styling open in a cue as its tags are read: tags span
// lines and end with the cue. Counts and a stack of colours rather than a
// stack of tags, so that misnested tags ("<i><b>x</i></b>") end where
// players end them.
type markup struct {
	italic, bold, underline int
	colors                  []string // open font tags, innermost last; "" sets none
	placed                  bool     // the cue's placement was read
}

func (m *markup) reset() {
	*m = markup{colors: m.colors[:0]}
}

// apply opens or closes t; a closing tag without its opening is dropped.
func (m *markup) apply(t tag) {
	d := 1
	if t.close {
		d = -1
	}
	switch t.kind {
	case 'i':
		m.italic = max(0, m.italic+d)
	case 'b':
		m.bold = max(0, m.bold+d)
	case 'u':
		m.underline = max(0, m.underline+d)
	case 'f':
		if !t.close {
			m.colors = append(m.colors, t.color)
		} else if len(m.colors) > 0 {
			m.colors = m.colors[:len(m.colors)-1]
		}
	}
}

func (m *markup) style() caption.Style {
	s := caption.Style{Italic: m.italic > 0, Bold: m.bold > 0, Underline: m.underline > 0}
	for i := len(m.colors) - 1; i >= 0; i-- {
		if m.colors[i] != "" {
			s.Color = m.colors[i]
			break
		}
	}
	return s
}

// line reads s, one text line of cue c, taking out its markup: tags
// style the spans, a {\an…} block places c, other {\…} blocks go. ok is
// false for a line that held only markup. A line that holds no markup is
// kept as it is, s itself.
func (m *markup) line(s string, c *caption.Cue) (l caption.Line, ok bool) {
	if m.italic|m.bold|m.underline == 0 && len(m.colors) == 0 && strings.IndexByte(s, '<') < 0 && strings.IndexByte(s, '{') < 0 {
		return caption.Line{Text: s}, true
	}
	var spans []caption.Span
	start := 0
	add := func(end int) {
		if end > start {
			spans = append(spans, caption.Span{Text: s[start:end], Style: m.style()})
		}
	}
	closeAt := -1 // the index of the next "}" at or after i, if known
	for i := 0; i < len(s); i++ {
		if s[i] != '<' && s[i] != '{' {
			continue
		}
		if strings.HasPrefix(s[i+1:], wordJoiner) {
			add(i + 1)
			start = i + 1 + len(wordJoiner)
			i = start - 1
			continue
		}
		if s[i] == '<' {
			t, n, ok := parseTag(s[i:])
			if !ok {
				continue
			}
			add(i)
			m.apply(t)
			start = i + n
			i = start - 1
			continue
		}
		if !strings.HasPrefix(s[i+1:], `\`) {
			continue
		}
		if closeAt < i {
			// Searched once per "}", not per "{": a line of "{\" is linear.
			if closeAt = strings.IndexByte(s[i:], '}'); closeAt >= 0 {
				closeAt += i
			} else {
				closeAt = len(s)
			}
		}
		if closeAt == len(s) {
			continue
		}
		end := closeAt - i
		if p, ok := ass.Alignment(s[i+1 : i+end]); ok && !m.placed {
			c.Placement, m.placed = p, true
		}
		add(i)
		start = i + end + 1
		i = start - 1
	}
	add(len(s))
	if allPlain(spans) {
		var b strings.Builder
		for _, sp := range spans {
			b.WriteString(sp.Text)
		}
		t := strings.TrimRight(b.String(), " \t")
		return caption.Line{Text: t}, t != ""
	}
	l = caption.StyledLine("", spans)
	return l, l.Text != ""
}

func allPlain(spans []caption.Span) bool {
	for _, s := range spans {
		if !s.Style.IsPlain() {
			return false
		}
	}
	return true
}

// appendText appends s, text of one run, with a word joiner after each
// "<" that a ">" follows, each "{" before a backslash (what a player may
// take for markup), and each "<" or "{" whose word joiner Read would drop;
// line breaks become spaces.
func appendText(b []byte, s string) []byte {
	if strings.IndexByte(s, '<') < 0 && strings.IndexByte(s, '{') < 0 {
		return text.AppendOneLine(b, s)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\n', '\r':
			b = append(b, ' ')
			continue
		}
		b = append(b, c)
		if c != '<' && c != '{' {
			continue
		}
		rest := s[i+1:]
		if strings.HasPrefix(rest, wordJoiner) || c == '{' && strings.HasPrefix(rest, `\`) {
			b = append(b, wordJoiner...)
		} else if c == '<' && strings.IndexByte(rest, '>') >= 0 {
			// Players take more for tags than Read does: ffmpeg hides
			// "<inaudible>" and even "< b and b >".
			b = append(b, wordJoiner...)
		}
	}
	return b
}

// written returns the style of s that SRT carries: no classes, no ruby
// annotation, a colour without its alpha.
func written(s caption.Style) caption.Style {
	s.Class, s.Ruby = "", ""
	if len(s.Color) > 7 {
		s.Color = s.Color[:7]
	}
	return s
}

// openTag is a tag open in a written line: its kind and, for a font, the
// colour it sets.
type openTag struct {
	kind  byte
	color string
}

// holds reports whether t stays right for text in style s.
func (t openTag) holds(s caption.Style) bool {
	switch t.kind {
	case 'f':
		return s.Color == t.color
	case 'b':
		return s.Bold
	case 'i':
		return s.Italic
	}
	return s.Underline
}

// appendStyled appends a line's runs (its label first, plain) with their
// tags, nested: when a run's style differs, the tags that no longer hold
// are closed with every tag opened inside them, and the missing ones
// opened, colour outermost; every tag is closed at the end of the line.
func appendStyled(b []byte, label string, runs []caption.Span) []byte {
	if len(runs) == 1 && written(runs[0].Style).IsPlain() {
		return appendText(appendText(b, label), runs[0].Text) // most lines
	}
	var open [4]openTag
	n := 0
	var cur caption.Style
	pending := label
	flush := func() {
		b = appendText(b, pending)
		pending = ""
	}
	for _, r := range runs {
		s := written(r.Style)
		if s == cur {
			pending += r.Text
			continue
		}
		flush()
		k := 0
		for k < n && open[k].holds(s) {
			k++
		}
		for n > k {
			n--
			b = appendCloseTag(b, open[n].kind)
		}
		for _, t := range [...]openTag{{'f', s.Color}, {'b', ""}, {'i', ""}, {'u', ""}} {
			if !t.holds(s) || t.kind == 'f' && s.Color == "" || has(open[:n], t.kind) {
				continue
			}
			if t.kind == 'f' {
				b = append(b, `<font color="`...)
				b = append(b, t.color...)
				b = append(b, `">`...)
			} else {
				b = append(b, '<', t.kind, '>')
			}
			open[n] = t
			n++
		}
		cur = s
		pending = r.Text
	}
	flush()
	for n > 0 {
		n--
		b = appendCloseTag(b, open[n].kind)
	}
	return b
}

func has(tags []openTag, kind byte) bool {
	for _, t := range tags {
		if t.kind == kind {
			return true
		}
	}
	return false
}

func appendCloseTag(b []byte, kind byte) []byte {
	if kind == 'f' {
		return append(b, "</font>"...)
	}
	return append(b, '<', '/', kind, '>')
}
