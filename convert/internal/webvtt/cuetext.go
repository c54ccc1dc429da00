package webvtt

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/labels"
	"github.com/capconv/capconv/convert/internal/text"
)

// node is an element of cue text left open: <c>, <i>, <b>, <u>, <v>,
// <lang>, <ruby> or <rt>.
type node struct {
	name    string // the tag name
	classes string // the classes as written, dot-separated ("" for none)
	voice   string // a voice span's name
	// style is the style of text inside the element: its own over its
	// parents', worked out once when it opens (see restyle).
	style caption.Style
}

// maxOpen is the most elements a cue's text keeps open, far past any
// caption's: a start tag past it is ignored, so that a cue of nothing but
// start tags, each of which costs a node and a style, takes memory in
// proportion to what it shows.
const maxOpen = 1000

// cueText turns the raw text lines of one cue into Lines, with the
// elements left open at the end of a line still open on the next (the
// specification parses a cue's text as one tree).
type cueText struct {
	lines []caption.Line
	sheet styleSheet
	stack []node
	style caption.Style // the style of text at this point of the tree
	shown labels.Style  // the style of the first speaker label cut, or ""

	// The Line being built.
	speaker  string
	opened   bool // a voice span opened on it
	spans    []caption.Span
	run      []byte // text in t.runStyle not yet in spans
	runStyle caption.Style
	size     int   // bytes of text in spans so far
	decoded  []int // offsets in the text of characters written as references
	dashed   []int // the indexes in lines of the cue's unvoiced Lines opened by a dash

	// The ruby base being built and its annotation.
	ruby     caption.Span
	rubyBase bool // ruby.Text and ruby.Style are set: base text was read
}

// reset prepares t for the text of another cue.
func (t *cueText) reset() {
	t.stack = t.stack[:0]
	t.style = caption.Style{}
	t.ruby, t.rubyBase = caption.Span{}, false
	t.dashed = t.dashed[:0]
}

// endCue ends the cue whose Lines start at lines[first]. When any of
// them has a voice, the dashes of its unvoiced Lines are dialogue dashes
// as those of its voices are (labels.Shower writes both); in a cue
// without voices they are left in the text for package labels to read,
// with the labels of files that have no voices.
func (t *cueText) endCue(first int) {
	voiced := false
	for _, l := range t.lines[first:] {
		voiced = voiced || l.Speaker != ""
	}
	if !voiced {
		return
	}
	for _, i := range t.dashed {
		l := t.lines[i]
		rest, _ := cutDash(l.Text)
		t.lines[i] = l.CutPrefix(len(l.Text) - len(rest))
		t.lines[i].Dash = true
	}
}

// voice returns the name of the innermost open voice span, or "".
func (t *cueText) voice() string {
	for i := len(t.stack) - 1; i >= 0; i-- {
		if t.stack[i].name == "v" {
			return t.stack[i].voice
		}
	}
	return ""
}

// add parses one raw line of cue text.
func (t *cueText) add(raw string) {
	t.speaker, t.opened = t.voice(), false
	t.spans, t.run, t.size, t.decoded = t.spans[:0], t.run[:0], 0, t.decoded[:0]
	if strings.IndexByte(raw, '<') < 0 && strings.IndexByte(raw, '&') < 0 && t.style.IsPlain() && !t.inRuby() {
		if s := strings.TrimFunc(raw, unicode.IsSpace); s != "" {
			t.appendLine(caption.Line{Speaker: t.speaker, Text: s}, 0)
		}
		return
	}
	for i := 0; i < len(raw); {
		switch c := raw[i]; c {
		case '<':
			j := strings.IndexByte(raw[i+1:], '>')
			if j < 0 {
				t.text("<", false)
				i++
				continue
			}
			t.tag(raw[i+1 : i+1+j])
			i += j + 2
		case '&':
			var b [utf8.UTFMax * 2]byte
			s, n := appendEntity(b[:0], raw[i:])
			// Only a numeric reference marks a character written so on
			// purpose (see literal): "&lt;" and "&amp;" are how "<"
			// and "&" must be written, a speaker "<" included.
			t.text(string(s), n > 1 && raw[i+1] == '#')
			i += n
		default:
			j := i + 1
			for j < len(raw) && raw[j] != '<' && raw[j] != '&' {
				j++
			}
			t.text(raw[i:j], false)
			i = j
		}
	}
	t.endLine()
}

// inRuby reports whether a <ruby> is open.
func (t *cueText) inRuby() bool {
	for _, n := range t.stack {
		if n.name == "ruby" {
			return true
		}
	}
	return false
}

// text adds s, read as text or (decoded) as a character reference.
func (t *cueText) text(s string, ref bool) {
	if k := len(t.stack); k > 0 && t.stack[k-1].name == "rt" {
		t.ruby.Style.Ruby += s
		return
	}
	if ref && t.size < 256 {
		t.decoded = append(t.decoded, t.size)
	}
	t.size += len(s)
	if t.inRuby() {
		if !t.rubyBase {
			t.ruby.Style = t.style
			t.rubyBase = true
		}
		t.ruby.Text += s
		return
	}
	if t.style != t.runStyle {
		t.flushRun()
		t.runStyle = t.style
	}
	t.run = append(t.run, s...)
}

// flushRun moves the text of the run being built into the spans.
func (t *cueText) flushRun() {
	if len(t.run) > 0 {
		t.spans = append(t.spans, caption.Span{Text: string(t.run), Style: t.runStyle})
		t.run = t.run[:0]
	}
}

// tag handles the tag written between "<" and ">".
func (t *cueText) tag(tag string) {
	if tag == "" {
		return
	}
	if end, ok := strings.CutPrefix(tag, "/"); ok {
		t.endTag(strings.TrimSpace(end))
		return
	}
	if tag[0] >= '0' && tag[0] <= '9' {
		return // a timestamp: karaoke timing the model does not keep
	}
	if len(t.stack) >= maxOpen {
		return // its text is kept, in the style of the elements open
	}
	name, annotation, _ := strings.Cut(strings.Map(tabToSpace, tag), " ")
	name, classes, _ := strings.Cut(name, ".")
	n := node{name: name, classes: classes}
	switch name {
	case "c", "i", "b", "u", "lang", "ruby":
	case "rt":
		if k := len(t.stack); k == 0 || t.stack[k-1].name != "ruby" {
			return
		}
	case "v":
		n.voice = voiceAnnotation(annotation)
		if n.voice != "" {
			// A voice starts a new Line, so that every Line has one
			// speaker.
			t.flushRun()
			if t.opened || t.size > 0 && !text.IsBlank(caption.JoinSpans(t.spans)) {
				t.endLine()
				t.spans, t.size, t.decoded = t.spans[:0], 0, t.decoded[:0]
			}
			t.speaker, t.opened = n.voice, true
			// A voice ends the one open: a Line has one speaker, and
			// captions do not nest voices.
			t.stack = slices.DeleteFunc(t.stack, func(n node) bool { return n.name == "v" })
		}
	default:
		return
	}
	t.stack = append(t.stack, n)
	t.restyle(true)
}

// tabToSpace maps a tab to a space, the other separator of a tag's
// annotation.
func tabToSpace(r rune) rune {
	if r == '\t' || r == '\n' || r == '\f' || r == '\r' {
		return ' '
	}
	return r
}

// endTag closes the current element when it is named name, as the
// specification does: an end tag that does not match is ignored, but
// </ruby> closes an open <rt> with its ruby.
func (t *cueText) endTag(name string) {
	k := len(t.stack)
	if k == 0 {
		return
	}
	top := t.stack[k-1].name
	switch {
	case top == name && name == "rt":
		t.endRubyPair()
	case top == name && name == "ruby":
		t.endRubyPair()
	case name == "ruby" && top == "rt" && k > 1 && t.stack[k-2].name == "ruby":
		t.endRubyPair()
		k--
	case top != name:
		return
	}
	t.stack = t.stack[:k-1]
	t.restyle(false)
}

// endRubyPair ends the ruby base being built and its annotation as a
// span of the Line. An annotation without base has nothing to stand
// over and is dropped.
func (t *cueText) endRubyPair() {
	if t.rubyBase && t.ruby.Text != "" {
		t.flushRun()
		t.spans = append(t.spans, t.ruby)
	}
	t.ruby, t.rubyBase = caption.Span{}, false
}

// restyle sets t.style from the open elements, after one opened or
// closed. Each element keeps the style of text inside it, worked out from
// its parent's when it opens (see styleIn), so that a tag costs the same
// however deep it is: 100,000 nested tags took minutes when each walked
// all the open elements. A voice adds nothing to the style, so the voices
// that a new one closes leave the others' styles right.
func (t *cueText) restyle(opened bool) {
	k := len(t.stack)
	switch {
	case k == 0:
		t.style = caption.Style{}
	case opened:
		var parent caption.Style
		if k > 1 {
			parent = t.stack[k-2].style
		}
		t.stack[k-1].style = t.styleIn(parent, t.stack[k-1])
		t.style = t.stack[k-1].style
	default:
		t.style = t.stack[k-1].style
	}
}

// styleIn returns the style of text in element n whose parent's is s:
// italics, bold and underline from <i>, <b> and <u>, and each class but a
// voice's, outer to inner, as the style sheet maps it, as the colour it
// names, or else as a class.
func (t *cueText) styleIn(s caption.Style, n node) caption.Style {
	switch n.name {
	case "i":
		s.Italic = true
	case "b":
		s.Bold = true
	case "u":
		s.Underline = true
	case "v":
		// A voice's classes style the speaker (::cue(v.loud)), which
		// the model has no style for: the Line's speaker is what is
		// kept.
		return s
	}
	var classes []string
	if s.Class != "" {
		classes = strings.Split(s.Class, " ")
	}
	for c := range strings.SplitSeq(n.classes, ".") {
		if c == "" || strings.ContainsAny(c, "<>") {
			continue // no selector matches it, and no tag can hold it
		}
		if st, ok := t.sheet.lookup(c); ok {
			s = mergeStyle(s, st)
		} else if col, ok := colorClass(c); ok {
			s.Color = col
		} else if !contains(classes, c) {
			classes = append(classes, c)
		}
	}
	s.Class = strings.Join(classes, " ")
	return s
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// endLine ends the Line being built. A Line left empty by removing tags
// is dropped unless it opened a voice span.
func (t *cueText) endLine() {
	t.endRubyPair()
	t.flushRun()
	spans := append([]caption.Span(nil), t.spans...)
	joined := caption.JoinSpans(spans)
	lead := len(joined) - len(strings.TrimLeftFunc(joined, unicode.IsSpace))
	l := caption.StyledLine(t.speaker, spans)
	if l.Text == "" && !t.opened {
		return
	}
	t.appendLine(l, lead)
}

// appendLine appends l, whose text starts lead bytes into the text
// read (see t.decoded), taking out the dialogue dash and the speaker
// label written before a voice's text (see cutShown).
func (t *cueText) appendLine(l caption.Line, lead int) {
	if len(l.Spans) > 0 && l.Spans[0].Style.Ruby != "" {
		t.lines = append(t.lines, l)
		return
	}
	if l.Speaker != "" {
		l = t.cutShown(l, lead)
	} else if _, ok := cutDash(l.Text); ok && t.literal(0, lead) {
		t.dashed = append(t.dashed, len(t.lines))
	}
	t.lines = append(t.lines, l)
}

// literal reports whether the character at offset off of a Line's text,
// which starts lead bytes into the text read, was written as itself
// rather than as a numeric character reference.
func (t *cueText) literal(off, lead int) bool {
	return !slices.Contains(t.decoded, off+lead)
}

// cutShown takes out of a voice's Line what labels.Shower shows before
// its text: a dialogue dash ("- "), which sets Dash, and a label that
// names the voice ("Ann: ", "ANN: ", "[Ann] ") after the dash or, with
// none, at the start of the Line that opens the voice span; the style of
// the first label becomes the document's SpeakersShown. Both repeat what
// the voice says. A dash or a label whose first character is written as
// a numeric character reference is text, which is how Append writes text
// that only looks like one; "&lt;" is how "<" must be written, and is no
// such mark.
func (t *cueText) cutShown(l caption.Line, lead int) caption.Line {
	off, dash := 0, false
	label := func(at int) {
		if style, n := shownLabel(l.Text[at:], l.Speaker); n > 0 && t.literal(at, lead) {
			off = at + n
			if t.shown == "" {
				t.shown = style
			}
		}
	}
	if t.opened {
		label(0)
	}
	if rest, ok := cutDash(l.Text); off == 0 && ok && t.literal(0, lead) {
		off, dash = len(l.Text)-len(rest), true
		label(off)
	}
	if off == 0 {
		return l
	}
	l = l.CutPrefix(off)
	l.Dash = l.Dash || dash
	return l
}

// cutDash returns t without the dialogue dash it starts with ("-" and
// spaces, then text), as labels reads dashes; "-5", "--" and a dash
// with nothing after it are not dialogue dashes.
func cutDash(t string) (string, bool) {
	rest, ok := strings.CutPrefix(t, "-")
	if !ok {
		return t, false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	if rest == "" || r == '-' || unicode.IsDigit(r) {
		return t, false
	}
	rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
	return rest, rest != ""
}

// shownStyles are the label styles that name a speaker, in the order
// cutShown tries them.
var shownStyles = [...]labels.Style{labels.Name, labels.Upper, labels.Bracket}

// shownLabel returns the style and length of the label of speaker that
// t starts with, when more text follows it (0 when there is none).
func shownLabel(t, speaker string) (labels.Style, int) {
	for _, s := range shownStyles {
		if n := s.LabelLen(t, speaker); n > 0 && !text.IsBlank(t[n:]) {
			return s, n
		}
	}
	return "", 0
}

// voiceAnnotation returns a voice span's name from its annotation, with
// references decoded and white space trimmed.
func voiceAnnotation(a string) string {
	name := strings.TrimSpace(a)
	if strings.IndexByte(name, '&') < 0 {
		return name
	}
	var b []byte
	for j := 0; j < len(name); {
		if name[j] == '&' {
			var n int
			b, n = appendEntity(b, name[j:])
			j += n
			continue
		}
		b = append(b, name[j])
		j++
	}
	return strings.TrimSpace(string(b))
}
