package ass

import (
	"strconv"
	"strings"

	"github.com/capconv/capconv/convert/caption"
)

// eachTag calls f with the name and argument of each tag of an override
// block (the text between "{" and "}"): "\i1" is ("i", "1"), "\1c&HFF&"
// is ("1c", "&HFF&"), "\pos(1,2)" is ("pos", "(1,2)"), "\rAlt" is ("r",
// "Alt"). A tag ends at the next backslash outside parentheses, so that
// "\t(\i1)" is one tag.
func eachTag(block string, f func(name, arg string)) {
	for i := strings.IndexByte(block, '\\'); i >= 0 && i < len(block); {
		j, depth := i+1, 0
		for ; j < len(block) && (block[j] != '\\' || depth > 0); j++ {
			switch block[j] {
			case '(':
				depth++
			case ')':
				depth = max(0, depth-1)
			}
		}
		t := block[i+1 : j]
		if strings.HasPrefix(t, "r") {
			f("r", strings.TrimSpace(t[1:]))
		} else {
			k := 0
			if k < len(t) && t[k] >= '0' && t[k] <= '9' {
				k++
			}
			for k < len(t) && (t[k]|0x20 >= 'a' && t[k]|0x20 <= 'z') {
				k++
			}
			f(t[:k], strings.TrimSpace(t[k:]))
		}
		i = j
	}
}

// Alignment returns the placement of the first \an or \a tag of an
// override block (the text between "{" and "}"), the one libass follows;
// ok is false when the block has none that is valid. SRT files borrow it
// as {\an8}.
func Alignment(block string) (p caption.Placement, ok bool) {
	eachTag(block, func(name, arg string) {
		if !ok {
			p, ok = alignmentTag(name, arg)
		}
	})
	return p, ok
}

// alignmentTag returns the placement of an \an (numpad) or \a (SSA's
// legacy values) tag.
func alignmentTag(name, arg string) (caption.Placement, bool) {
	n, err := strconv.Atoi(arg)
	switch {
	case err != nil:
		return caption.Placement{}, false
	case name == "an":
		return caption.NumpadPlacement(n)
	case name == "a":
		return legacyPlacement(n)
	}
	return caption.Placement{}, false
}

// legacyPlacement returns the placement of SSA's alignment n: 1–3 at the
// bottom, plus 4 at the top, plus 8 in the middle (left, centre, right).
func legacyPlacement(n int) (caption.Placement, bool) {
	if n < 1 || n > 11 || n&3 == 0 {
		return caption.Placement{}, false
	}
	row := [...]int{0, 2, 1}[(n-1)/4] // rows 0, 1, 2 of the numpad from the bottom
	return caption.NumpadPlacement(3*row + (n-1)%4 + 1)
}

// parseColour returns an ASS colour (&HBBGGRR&, &HAABBGGRR, or SSA's
// decimal) as "#rrggbb", its alpha ignored.
func parseColour(v string) (string, bool) {
	v = strings.TrimSuffix(strings.TrimSpace(v), "&")
	var n uint64
	var err error
	if h, ok := strings.CutPrefix(strings.ToUpper(v), "&H"); ok {
		n, err = strconv.ParseUint(h, 16, 32)
	} else if h, ok := strings.CutPrefix(strings.ToUpper(v), "H"); ok {
		n, err = strconv.ParseUint(h, 16, 32)
	} else {
		var d int64
		d, err = strconv.ParseInt(v, 10, 64)
		n = uint64(d) & 0xffffffff
	}
	if err != nil {
		return "", false
	}
	const digits = "0123456789abcdef"
	b, g, r := byte(n>>16), byte(n>>8), byte(n)
	return string([]byte{'#', digits[r>>4], digits[r&15], digits[g>>4], digits[g&15], digits[b>>4], digits[b&15]}), true
}

// appendColour appends "#rrggbb" (alpha dropped) as &HBBGGRR&.
func appendColour(b []byte, c string) []byte {
	b = append(b, "&H"...)
	if len(c) >= 7 {
		b = append(b, strings.ToUpper(c[5:7]+c[3:5]+c[1:3])...)
	}
	return append(b, '&')
}

// assStyle is what a style of [V4+ Styles] gives the events that use it.
type assStyle struct {
	style     caption.Style
	placement caption.Placement
}

// flag reads a style's Bold, Italic or Underline field: -1 is true in
// ASS, and a Bold field may be a weight.
func flag(v string, bold bool) bool {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil {
		return false
	}
	if bold {
		return isBold(n)
	}
	return n != 0
}

// isBold reports whether \b's value n (or a style's Bold) is bold: 1,
// -1, or a weight of 600 (semibold) or more.
func isBold(n int) bool { return n == 1 || n == -1 || n >= 600 }

// parseStyle reads a Style line's fields by the section's Format fields;
// legacy is true in an SSA [V4 Styles] section, whose Alignment values
// are SSA's.
func parseStyle(value string, fields []string, legacy bool) (name string, s assStyle) {
	parts := strings.SplitN(value, ",", len(fields))
	for i, f := range fields {
		if i >= len(parts) {
			break
		}
		v := strings.TrimSpace(parts[i])
		switch f {
		case "name":
			name = strings.TrimPrefix(v, "*")
		case "bold":
			s.style.Bold = flag(v, true)
		case "italic":
			s.style.Italic = flag(v, false)
		case "underline":
			s.style.Underline = flag(v, false)
		case "primarycolour", "primarycolor":
			// White is what players show by default: the model's "".
			if c, ok := parseColour(v); ok && c != "#ffffff" {
				s.style.Color = c
			}
		case "alignment":
			n, err := strconv.Atoi(v)
			if err != nil {
				break
			}
			if legacy {
				s.placement, _ = legacyPlacement(n)
			} else {
				s.placement, _ = caption.NumpadPlacement(n)
			}
		}
	}
	return name, s
}

// script is what the events of a script need from the sections before
// them.
type script struct {
	styles     map[string]assStyle
	resX, resY int // PlayResX and PlayResY, 0 until read
}

// style returns the style called name, or Default when no style has that
// name.
func (sc *script) style(name string) assStyle {
	name = strings.TrimPrefix(strings.TrimSpace(name), "*")
	if s, ok := sc.styles[name]; ok {
		return s
	}
	return sc.styles["Default"]
}

// playRes returns the script's resolution, as libass completes it: 384
// by 288 when absent, 4:3 when only one side is given.
func (sc *script) playRes() (x, y int) {
	x, y = sc.resX, sc.resY
	switch {
	case x <= 0 && y <= 0:
		return 384, 288
	case x <= 0:
		return y * 4 / 3, y
	case y <= 0:
		return x, x * 3 / 4
	}
	return x, y
}

// posPlacement returns the placement of \pos(x,y): the third of the
// picture it falls in, each way.
func (sc *script) posPlacement(arg string) (caption.Placement, bool) {
	arg = strings.TrimSuffix(strings.TrimPrefix(arg, "("), ")")
	xs, ys, ok := strings.Cut(arg, ",")
	x, err1 := strconv.ParseFloat(strings.TrimSpace(xs), 64)
	y, err2 := strconv.ParseFloat(strings.TrimSpace(ys), 64)
	if !ok || err1 != nil || err2 != nil {
		return caption.Placement{}, false
	}
	w, h := sc.playRes()
	var p caption.Placement
	switch {
	case 3*x < float64(w):
		p.Horizontal = caption.Left
	case 3*x > 2*float64(w):
		p.Horizontal = caption.Right
	}
	switch {
	case 3*y < float64(h):
		p.Vertical = caption.Top
	case 3*y <= 2*float64(h):
		p.Vertical = caption.Middle
	}
	return p, true
}

// event is the state of override tags as an event's text is read.
type event struct {
	sc      *script
	base    assStyle
	cur     caption.Style
	drawing bool // \p1 or more: the text is a drawing's commands
	aligned bool // an \an or \a was read
	posed   bool // a \pos was read
	place   caption.Placement
}

// override applies an override block to e.
func (e *event) override(block string) {
	eachTag(block, func(name, arg string) {
		switch name {
		case "i":
			e.cur.Italic = e.boolArg(arg, e.base.style.Italic, false)
		case "b":
			e.cur.Bold = e.boolArg(arg, e.base.style.Bold, true)
		case "u":
			e.cur.Underline = e.boolArg(arg, e.base.style.Underline, false)
		case "c", "1c":
			if arg == "" {
				e.cur.Color = e.base.style.Color
			} else if c, ok := parseColour(arg); ok {
				if c == "#ffffff" && e.base.style.Color == "" {
					c = "" // the style's own white
				}
				e.cur.Color = c
			}
		case "r":
			e.cur = e.sc.style(arg).style
			if arg == "" {
				e.cur = e.base.style
			}
		case "an", "a":
			if p, ok := alignmentTag(name, arg); ok && !e.aligned && !e.posed {
				e.place, e.aligned = p, true
			}
		case "pos":
			if p, ok := e.sc.posPlacement(arg); ok && !e.posed {
				e.place, e.posed = p, true
			}
		case "p":
			n, err := strconv.Atoi(arg)
			e.drawing = err == nil && n > 0
		}
	})
}

// boolArg reads the argument of \i, \b or \u: empty is the style's value.
func (e *event) boolArg(arg string, def, bold bool) bool {
	if arg == "" {
		return def
	}
	n, err := strconv.Atoi(arg)
	if err != nil {
		return def
	}
	if bold {
		return isBold(n)
	}
	return n != 0
}
