package caption

import (
	"strings"
	"unicode"
)

// Span is a run of a line's text in one style. A line's spans, joined,
// are its Text.
type Span struct {
	// Text is the run's plain text; for a ruby span, the base text.
	Text string
	// Style is how the run looks.
	Style Style
}

// Style is how a span of text looks. The zero value is plain text in the
// player's default colour.
type Style struct {
	Italic    bool `json:",omitzero"`
	Bold      bool `json:",omitzero"`
	Underline bool `json:",omitzero"`
	// Color is the text colour as "#rrggbb" or "#rrggbbaa" in lower
	// case ("" is the default); readers map named colours to it.
	Color string `json:",omitzero"`
	// Class names the span's WebVTT classes, space-separated, in the
	// order written ("" for none): styling a stylesheet gives meaning to.
	Class string `json:",omitzero"`
	// Ruby is the annotation shown above the span's text, as Japanese
	// furigana ("かん" over "漢"); "" when the span is no ruby base.
	Ruby string `json:",omitzero"`
}

// IsPlain reports whether s is the default style.
func (s Style) IsPlain() bool { return s == Style{} }

// Feature is a piece of styling or placement that a format may or may not
// carry, as a bit of a Features set.
type Feature uint16

// The features of styling and placement.
const (
	FeatureItalic Feature = 1 << iota
	FeatureBold
	FeatureUnderline
	FeatureColor
	FeatureClass
	FeatureRuby
	// FeatureVertical is a cue placed at the top or the middle.
	FeatureVertical
	// FeatureHorizontal is a cue aligned left or right.
	FeatureHorizontal
)

// Features is a set of Feature bits.
type Features uint16

// featureNames names each feature in the order of its bit.
var featureNames = [...]string{"italics", "bold", "underline", "colour", "classes", "ruby", "vertical placement", "horizontal alignment"}

// Has reports whether f holds every feature of g.
func (f Features) Has(g Feature) bool { return f&Features(g) == Features(g) }

// Names returns the names of f's features ("italics", "ruby", …) in a
// fixed order.
func (f Features) Names() []string {
	var out []string
	for i, n := range featureNames {
		if f&(1<<i) != 0 {
			out = append(out, n)
		}
	}
	return out
}

// features returns the features s uses.
func (s Style) features() Features {
	var f Features
	if s.Italic {
		f |= Features(FeatureItalic)
	}
	if s.Bold {
		f |= Features(FeatureBold)
	}
	if s.Underline {
		f |= Features(FeatureUnderline)
	}
	if s.Color != "" {
		f |= Features(FeatureColor)
	}
	if s.Class != "" {
		f |= Features(FeatureClass)
	}
	if s.Ruby != "" {
		f |= Features(FeatureRuby)
	}
	return f
}

// Features returns the styling and placement features d's cues use.
func (d *Document) Features() Features {
	var f Features
	for _, c := range d.Cues {
		if c.Placement.Vertical != Bottom {
			f |= Features(FeatureVertical)
		}
		if c.Placement.Horizontal != Center {
			f |= Features(FeatureHorizontal)
		}
		for _, l := range c.Lines {
			for _, s := range l.Spans {
				f |= s.Style.features()
			}
		}
	}
	return f
}

// Vertical is where a cue stands on the picture, top to bottom.
type Vertical uint8

// The vertical placements. The zero value is the bottom, where captions
// stand unless they would hide something.
const (
	Bottom Vertical = iota
	Middle
	Top
)

// Horizontal is how a cue's lines are aligned across the picture.
type Horizontal uint8

// The horizontal alignments. The zero value is centred.
const (
	Center Horizontal = iota
	Left
	Right
)

// Placement is where a cue stands on the picture, in the generic terms
// the style guides use (top, middle or bottom; left, centre or right)
// rather than in pixels. The zero value is bottom centre.
type Placement struct {
	Vertical   Vertical   `json:",omitzero"`
	Horizontal Horizontal `json:",omitzero"`
}

// String returns p as "top left", "bottom center", ….
func (p Placement) String() string {
	return p.Vertical.String() + " " + p.Horizontal.String()
}

// String returns "bottom", "middle" or "top".
func (v Vertical) String() string {
	switch v {
	case Middle:
		return "middle"
	case Top:
		return "top"
	}
	return "bottom"
}

// String returns "center", "left" or "right".
func (h Horizontal) String() string {
	switch h {
	case Left:
		return "left"
	case Right:
		return "right"
	}
	return "center"
}

// NumpadPlacement returns the placement of ASS's \an alignment n (1–9,
// laid out as a numeric keypad: 7 8 9 at the top, 1 2 3 at the bottom),
// which SRT files borrow as {\an8}; ok is false for any other n.
func NumpadPlacement(n int) (p Placement, ok bool) {
	if n < 1 || n > 9 {
		return Placement{}, false
	}
	p.Vertical = [...]Vertical{Bottom, Middle, Top}[(n-1)/3]
	p.Horizontal = [...]Horizontal{Left, Center, Right}[(n-1)%3]
	return p, true
}

// Numpad returns p as an ASS \an alignment, 1–9 (2 is bottom centre).
func (p Placement) Numpad() int {
	row, col := 0, 2
	switch p.Vertical {
	case Middle:
		row = 3
	case Top:
		row = 6
	}
	switch p.Horizontal {
	case Left:
		col = 1
	case Right:
		col = 3
	}
	return row + col
}

// StyledLine returns the line spoken by speaker made of spans: its Text is
// the spans' texts joined, and its Spans are nil when every span is
// plain. Empty spans go, neighbours of one style merge, and white space
// is trimmed from both ends of the line.
func StyledLine(speaker string, spans []Span) Line {
	l := Line{Speaker: speaker, Spans: NormalizeSpans(spans)}
	l.Text = JoinSpans(l.Spans)
	if allPlain(l.Spans) {
		l.Spans = nil
	}
	return l
}

// NormalizeSpans returns spans with empty ones removed, neighbours of one
// style merged, and white space trimmed from the ends of the whole run.
// It may reuse spans' memory.
func NormalizeSpans(spans []Span) []Span {
	out := MergeSpans(spans)
	for len(out) > 0 {
		t := strings.TrimLeftFunc(out[0].Text, unicode.IsSpace)
		if t != "" || out[0].Style.Ruby != "" {
			out[0].Text = t
			break
		}
		out = out[1:]
	}
	for len(out) > 0 {
		n := len(out) - 1
		t := strings.TrimRightFunc(out[n].Text, unicode.IsSpace)
		if t != "" || out[n].Style.Ruby != "" {
			out[n].Text = t
			break
		}
		out = out[:n]
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// MergeSpans returns spans with empty ones removed and neighbours of one
// style merged (a ruby span stands alone: its annotation belongs to its
// base). It may reuse spans' memory.
func MergeSpans(spans []Span) []Span {
	out := spans[:0]
	for _, s := range spans {
		if s.Text == "" && s.Style.Ruby == "" {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Style == s.Style && s.Style.Ruby == "" {
			out[n-1].Text += s.Text
			continue
		}
		out = append(out, s)
	}
	return out
}

// JoinSpans returns the texts of spans joined: their line's Text.
func JoinSpans(spans []Span) string {
	if len(spans) == 1 {
		return spans[0].Text
	}
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.Text)
	}
	return b.String()
}

func allPlain(spans []Span) bool {
	for _, s := range spans {
		if !s.Style.IsPlain() {
			return false
		}
	}
	return true
}

// Runs returns l's text as spans: its Spans, or one plain span of its
// Text when it has none (nil for an empty line).
func (l Line) Runs() []Span {
	if l.Spans != nil {
		return l.Spans
	}
	if l.Text == "" {
		return nil
	}
	return []Span{{Text: l.Text}}
}

// CutPrefix returns l without the first n bytes of its text (a speaker
// label a reader took out), styles kept, and leading white space trimmed.
func (l Line) CutPrefix(n int) Line {
	n = min(n, len(l.Text))
	if l.Spans == nil {
		l.Text = strings.TrimLeftFunc(l.Text[n:], unicode.IsSpace)
		return l
	}
	spans := make([]Span, 0, len(l.Spans))
	for _, s := range l.Spans {
		switch {
		case n >= len(s.Text) && s.Style.Ruby == "":
			n -= len(s.Text)
		case n > 0 && s.Style.Ruby == "":
			s.Text = s.Text[n:]
			n = 0
			spans = append(spans, s)
		case n > 0:
			// A ruby base is cut whole: its annotation belongs to all of it.
			n = max(0, n-len(s.Text))
		default:
			spans = append(spans, s)
		}
	}
	return StyledLine(l.Speaker, spans).withDash(l.Dash)
}

func (l Line) withDash(d bool) Line { l.Dash = d; return l }

// WithText returns l holding t as plain text, its styles dropped unless t
// is its text already.
func (l Line) WithText(t string) Line {
	if t != l.Text {
		l.Spans = nil
		l.Text = t
	}
	return l
}
