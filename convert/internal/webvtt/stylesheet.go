package webvtt

import (
	"strconv"
	"strings"

	"github.com/capconv/capconv/convert/caption"
)

// styleSheet maps the classes that STYLE blocks define to the styling
// the model carries. Only simple rules count: selectors ::cue(.name) or
// ::cue(c.name), declarations of color, font-style: italic, font-weight:
// bold and text-decoration: underline. A class any of whose rules holds
// something else (a background, a font, a selector on voices) is not
// mapped and stays a class, since dropping it would lose that styling.
type styleSheet map[string]classRule

// classRule is what the rules for one class say.
type classRule struct {
	style   caption.Style // Italic, Bold, Underline and Color
	unknown bool          // some declaration is beyond the model
}

// lookup returns the style of class c when the sheet maps it.
func (s styleSheet) lookup(c string) (caption.Style, bool) {
	r, ok := s[c]
	if !ok || r.unknown {
		return caption.Style{}, false
	}
	return r.style, true
}

// parse adds the rules of css, the body of a STYLE block, to s. It never
// fails: what it does not understand is skipped, as browsers skip it.
func (s styleSheet) parse(css string) {
	css = stripComments(css)
	for {
		open := strings.IndexByte(css, '{')
		if open < 0 {
			return
		}
		end := strings.IndexByte(css[open:], '}')
		if end < 0 {
			end = len(css) - open
		}
		selectors, body := css[:open], css[open+1:open+end]
		css = css[min(len(css), open+end+1):]
		var classes []string
		for _, sel := range strings.Split(selectors, ",") {
			if c, ok := cueClassSelector(strings.TrimSpace(sel)); ok {
				classes = append(classes, c)
			}
		}
		if len(classes) == 0 {
			continue
		}
		rule := parseDeclarations(body)
		for _, c := range classes {
			r := s[c]
			r.unknown = r.unknown || rule.unknown
			r.style = mergeStyle(r.style, rule.style)
			s[c] = r
		}
	}
}

// stripComments removes CSS comments from css.
func stripComments(css string) string {
	for {
		i := strings.Index(css, "/*")
		if i < 0 {
			return css
		}
		j := strings.Index(css[i+2:], "*/")
		if j < 0 {
			return css[:i]
		}
		css = css[:i] + " " + css[i+2+j+2:]
	}
}

// cueClassSelector returns name for the selector "::cue(.name)" or
// "::cue(c.name)".
func cueClassSelector(sel string) (string, bool) {
	inner, ok := strings.CutPrefix(sel, "::cue(")
	if !ok {
		return "", false
	}
	inner, ok = strings.CutSuffix(inner, ")")
	if !ok {
		return "", false
	}
	inner = strings.TrimPrefix(strings.TrimSpace(inner), "c")
	name, ok := strings.CutPrefix(inner, ".")
	if !ok || name == "" || strings.ContainsAny(name, ".:[]() \t\n#>+~*") {
		return "", false
	}
	return name, true
}

// parseDeclarations reads the declarations of a rule's body.
func parseDeclarations(body string) classRule {
	var r classRule
	for _, decl := range strings.Split(body, ";") {
		prop, value, ok := strings.Cut(decl, ":")
		prop = strings.ToLower(strings.TrimSpace(prop))
		value = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(value), "!important"))
		value = strings.ToLower(strings.TrimSpace(value))
		if !ok {
			if prop != "" {
				r.unknown = true
			}
			continue
		}
		switch {
		case prop == "color":
			c, ok := parseCSSColor(value)
			r.style.Color, r.unknown = c, r.unknown || !ok
		case prop == "font-style" && (value == "italic" || value == "oblique"):
			r.style.Italic = true
		case prop == "font-weight" && (value == "bold" || value == "bolder" || value == "700" || value == "800" || value == "900"):
			r.style.Bold = true
		case (prop == "text-decoration" || prop == "text-decoration-line") && value == "underline":
			r.style.Underline = true
		default:
			r.unknown = true
		}
	}
	return r
}

// mergeStyle returns s with the italics, bold, underline and colour of t
// added; t's colour wins.
func mergeStyle(s, t caption.Style) caption.Style {
	s.Italic = s.Italic || t.Italic
	s.Bold = s.Bold || t.Bold
	s.Underline = s.Underline || t.Underline
	if t.Color != "" {
		s.Color = t.Color
	}
	return s
}

// namedColors are the CSS colour keywords captions use, the first eight
// being the classes YouTube, Apple and early WebVTT drafts colour text
// with.
var namedColors = map[string]string{
	"white": "#ffffff", "lime": "#00ff00", "cyan": "#00ffff", "red": "#ff0000",
	"yellow": "#ffff00", "magenta": "#ff00ff", "blue": "#0000ff", "black": "#000000",
	"aqua": "#00ffff", "fuchsia": "#ff00ff", "green": "#008000", "gray": "#808080",
	"grey": "#808080", "silver": "#c0c0c0", "maroon": "#800000", "olive": "#808000",
	"navy": "#000080", "purple": "#800080", "teal": "#008080", "orange": "#ffa500",
}

// colorClass returns the colour a class of cue text stands for: one of
// the eight classic colour classes, or "c_rrggbb" ("c_rrggbbaa"), the
// classes Append writes for colours.
func colorClass(c string) (string, bool) {
	switch c {
	case "white", "lime", "cyan", "red", "yellow", "magenta", "blue", "black":
		return namedColors[c], true
	}
	if hex, ok := strings.CutPrefix(c, "c_"); ok && (len(hex) == 6 || len(hex) == 8) && isHex(hex) {
		return "#" + strings.ToLower(hex), true
	}
	return "", false
}

// parseCSSColor returns the CSS colour value v (in lower case) as
// "#rrggbb" or "#rrggbbaa": a keyword of namedColors, #rgb, #rgba,
// #rrggbb, #rrggbbaa, rgb(r, g, b) or rgba(r, g, b, a).
func parseCSSColor(v string) (string, bool) {
	if c, ok := namedColors[v]; ok {
		return c, true
	}
	if hex, ok := strings.CutPrefix(v, "#"); ok && isHex(hex) {
		switch len(hex) {
		case 3, 4:
			var b strings.Builder
			b.WriteByte('#')
			for i := range len(hex) {
				b.WriteByte(hex[i])
				b.WriteByte(hex[i])
			}
			return b.String(), true
		case 6, 8:
			return v, true
		}
		return "", false
	}
	args, ok := strings.CutPrefix(v, "rgba(")
	if !ok {
		args, ok = strings.CutPrefix(v, "rgb(")
	}
	args, closed := strings.CutSuffix(args, ")")
	if !ok || !closed {
		return "", false
	}
	parts := strings.Split(args, ",")
	if len(parts) != 3 && len(parts) != 4 {
		return "", false
	}
	b := []byte{'#'}
	for i, p := range parts {
		p = strings.TrimSpace(p)
		var n int
		if i < 3 {
			v, err := strconv.Atoi(p)
			if err != nil || v < 0 || v > 255 {
				return "", false
			}
			n = v
		} else {
			a, err := strconv.ParseFloat(p, 64)
			if err != nil || a < 0 || a > 1 {
				return "", false
			}
			n = int(a*255 + 0.5)
		}
		b = append(b, "0123456789abcdef"[n>>4], "0123456789abcdef"[n&15])
	}
	return string(b), true
}

// isHex reports whether s is made of hexadecimal digits only.
func isHex(s string) bool {
	for i := range len(s) {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return s != ""
}
