package ttml

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"

	"github.com/capconv/capconv/convert/caption"
)

// How the reader styles and places text:
//   - The tts: properties it reads are fontStyle, fontWeight,
//     textDecoration, color, textAlign, direction, ruby, and on regions
//     displayAlign, origin and extent. Each element's specified style is
//     its referenced styles (style="s1 s2", later ones winning, each
//     resolved through its own references) overlaid by its inline
//     attributes. A content element inherits from its parent, body from
//     the region its p is flowed into, as TTML's style inheritance says,
//     and the region from TTML2's initial values (<initial> in styling).
//     ruby is not inherited; displayAlign, origin and extent are read on
//     regions only.
//   - Opaque white, the colour every caption player starts from and the
//     one the writer's default style declares, is read as the default
//     colour, so that a document coloured only white has plain text.
//   - A p's vertical placement comes from its region: where the middle
//     of two lines of text stands (at the region's top for displayAlign
//     before, its middle for center, its bottom for after) in the upper,
//     middle or lower third of the picture. Origin and extent count in
//     percent, in cells of ttp:cellResolution, or in pixels of the root's
//     tts:extent. The horizontal alignment comes likewise from textAlign
//     (start and end follow tts:direction) within the region's width. A
//     p in no region, or with no textAlign anywhere above it, stands at
//     the bottom centre: TTML's initial values (the top of the whole
//     picture, start alignment) are what no caption author writes
//     without a layout.

// textBlock is the height of two lines of text, in percent of the
// picture (at TTML's initial font size of a 15th of the height): where
// displayAlign stands text in a region tall or short.
const textBlock = 15.0

// ttmlStyleSuffixes are the styling namespaces' suffixes: TTML and the
// 2006/10 draft say #styling, the 2006/04 draft #style.
var ttmlStyleSuffixes = [...]string{"#styling", "#style"}

// Bits of ttStyle.set: which properties a style specifies.
const (
	setItalic uint16 = 1 << iota
	setBold
	setUnderline
	setColor
	setTextAlign
	setDirection
	setRuby
	setDisplayAlign
	setOrigin
	setExtent
)

// ttStyle is a set of specified TTML style properties.
type ttStyle struct {
	set                     uint16
	italic, bold, underline bool
	color                   string // "#rrggbb" or "#rrggbbaa", "" for white
	textAlign, direction    string
	ruby                    string
	displayAlign            string
	origin, extent          string
}

// over returns s with the properties o specifies replacing its own.
func (s ttStyle) over(o ttStyle) ttStyle {
	if o.set&setItalic != 0 {
		s.italic = o.italic
	}
	if o.set&setBold != 0 {
		s.bold = o.bold
	}
	if o.set&setUnderline != 0 {
		s.underline = o.underline
	}
	if o.set&setColor != 0 {
		s.color = o.color
	}
	if o.set&setTextAlign != 0 {
		s.textAlign = o.textAlign
	}
	if o.set&setDirection != 0 {
		s.direction = o.direction
	}
	if o.set&setRuby != 0 {
		s.ruby = o.ruby
	}
	if o.set&setDisplayAlign != 0 {
		s.displayAlign = o.displayAlign
	}
	if o.set&setOrigin != 0 {
		s.origin = o.origin
	}
	if o.set&setExtent != 0 {
		s.extent = o.extent
	}
	s.set |= o.set
	return s
}

// inherited returns s without the properties children do not inherit.
func (s ttStyle) inherited() ttStyle {
	s.set &^= setRuby | setDisplayAlign | setOrigin | setExtent
	s.ruby, s.displayAlign, s.origin, s.extent = "", "", "", ""
	return s
}

// caption returns the span style s gives text.
func (s ttStyle) caption() caption.Style {
	return caption.Style{Italic: s.italic, Bold: s.bold, Underline: s.underline, Color: s.color}
}

// ttStyleDef is a style or region declared in head, before its
// references are resolved.
type ttStyleDef struct {
	own      ttStyle
	refs     []string
	nested   ttStyle // a region's nested style elements
	pos      caption.Position
	resolved *ttStyle
	busy     bool // being resolved: a reference back to it is a cycle
}

// isStyleNS reports whether space is a TTML styling namespace.
func (r *ttmlReader) isStyleNS(space string) bool {
	for _, suffix := range ttmlStyleSuffixes {
		if r.isNS(space, suffix) {
			return true
		}
	}
	return false
}

// inlineStyle reads the tts: attributes of t, warning about values it
// cannot read.
func (r *ttmlReader) inlineStyle(t xml.StartElement, pos caption.Position) ttStyle {
	var s ttStyle
	for _, a := range t.Attr {
		if !r.isStyleNS(a.Name.Space) {
			continue
		}
		v := strings.TrimSpace(a.Value)
		switch a.Name.Local {
		case "fontStyle":
			s.set |= setItalic
			s.italic = v == "italic" || v == "oblique"
		case "fontWeight":
			s.set |= setBold
			s.bold = v == "bold"
		case "textDecoration":
			for _, f := range strings.Fields(v) {
				switch f {
				case "underline":
					s.set |= setUnderline
					s.underline = true
				case "noUnderline", "none":
					s.set |= setUnderline
					s.underline = false
				}
			}
		case "color":
			c, err := parseColor(v)
			if err != nil {
				r.warn(pos, "tts:color=%q on <%s>: %v: ignored", a.Value, t.Name.Local, err)
				continue
			}
			s.set |= setColor
			s.color = c
		case "textAlign":
			s.set |= setTextAlign
			s.textAlign = v
		case "direction":
			s.set |= setDirection
			s.direction = v
		case "ruby":
			s.set |= setRuby
			s.ruby = v
		case "displayAlign":
			s.set |= setDisplayAlign
			s.displayAlign = v
		case "origin":
			s.set |= setOrigin
			s.origin = v
		case "extent":
			s.set |= setExtent
			s.extent = v
		}
	}
	return s
}

// specified returns the style t specifies: the styles it references,
// then its own attributes.
func (r *ttmlReader) specified(t xml.StartElement, pos caption.Position) ttStyle {
	var s ttStyle
	for _, id := range r.styleRefs(t) {
		s = s.over(r.resolveStyle(id, pos))
	}
	return s.over(r.inlineStyle(t, pos))
}

// styleRefs returns the ids t's style attribute references. Besides the
// attribute without a namespace, as TTML has it, it takes one in the
// TTML or styling namespace, as go-astisub writes it on regions and
// styles.
func (r *ttmlReader) styleRefs(t xml.StartElement) []string {
	for _, a := range t.Attr {
		if a.Name.Local == "style" && (a.Name.Space == "" || r.isNS(a.Name.Space, "") || r.isStyleNS(a.Name.Space)) {
			return strings.Fields(a.Value)
		}
	}
	return nil
}

// declareStyle records a style or region declared in head: id "" is
// anonymous (only its element uses it). It returns the definition, for a
// region's nested styles to add to.
func (r *ttmlReader) declareStyle(defs map[string]*ttStyleDef, kind string, t xml.StartElement, pos caption.Position) *ttStyleDef {
	d := &ttStyleDef{own: r.inlineStyle(t, pos), pos: pos}
	d.refs = r.styleRefs(t)
	id, ok := ttmlAttr(t, nsXML, "id")
	if !ok {
		// pycaption and other TTML1 writers use a bare id.
		id, _ = ttmlAttr(t, "", "id")
	}
	if id == "" {
		r.warn(pos, "<%s> without xml:id: nothing can refer to it", kind)
		return d
	}
	if _, dup := defs[id]; dup {
		r.warn(pos, "<%s xml:id=%q> declared twice: the first is used", kind, id)
		return d
	}
	defs[id] = d
	return d
}

// resolveStyle returns the style declared as id, its references
// resolved; an unknown id or a cycle is warned about and adds nothing.
func (r *ttmlReader) resolveStyle(id string, pos caption.Position) ttStyle {
	d := r.styles[id]
	if d == nil {
		r.warn(pos, "style %q is not declared in head/styling: ignored", id)
		return ttStyle{}
	}
	return r.resolve(d, id, pos)
}

func (r *ttmlReader) resolve(d *ttStyleDef, id string, pos caption.Position) ttStyle {
	if d.resolved != nil {
		return *d.resolved
	}
	if d.busy {
		r.warn(pos, "style %q refers back to itself: the loop is ignored", id)
		return ttStyle{}
	}
	d.busy = true
	var s ttStyle
	for _, ref := range d.refs {
		s = s.over(r.resolveStyle(ref, d.pos))
	}
	s = s.over(d.nested).over(d.own)
	d.busy = false
	d.resolved = &s
	return s
}

// regionStyle returns the style of the region id ("" for none), warning
// once about an unknown region.
func (r *ttmlReader) regionStyle(id string, pos caption.Position) (ttStyle, bool) {
	if id == "" {
		return ttStyle{}, false
	}
	d := r.regions[id]
	if d == nil {
		if !r.unknownRegion[id] {
			r.unknownRegion[id] = true
			r.warn(pos, "region %q is not declared in head/layout: placed at the bottom", id)
		}
		return ttStyle{}, false
	}
	return r.resolve(d, id, pos), true
}

// placement returns where text of style s, flowed into a region of
// style region (inRegion false: none), stands.
func (r *ttmlReader) placement(region ttStyle, inRegion bool, s ttStyle) caption.Placement {
	var p caption.Placement
	x0, y0, x1, y1 := 0.0, 0.0, 100.0, 100.0
	if inRegion {
		if ox, oy, ok := r.lengths(region.origin); ok {
			x0, y0 = ox, oy
		}
		if ex, ey, ok := r.lengths(region.extent); ok {
			x1, y1 = x0+ex, y0+ey
		} else {
			x1, y1 = 100, 100
		}
		half := min(textBlock, max(y1-y0, 0)) / 2
		y := y0 + half // displayAlign before, TTML's initial value
		switch region.displayAlign {
		case "center":
			y = (y0 + y1) / 2
		case "after":
			y = y1 - half
		}
		switch {
		case y < 100.0/3:
			p.Vertical = caption.Top
		case y < 200.0/3:
			p.Vertical = caption.Middle
		}
	}
	if s.set&setTextAlign == 0 {
		return p
	}
	rtl := s.direction == "rtl"
	x := (x0 + x1) / 2
	switch s.textAlign {
	case "left":
		x = x0
	case "right":
		x = x1
	case "start":
		x = x0
		if rtl {
			x = x1
		}
	case "end":
		x = x1
		if rtl {
			x = x0
		}
	}
	switch {
	case x < 100.0/3:
		p.Horizontal = caption.Left
	case x > 200.0/3:
		p.Horizontal = caption.Right
	}
	return p
}

// lengths reads a pair of TTML lengths (origin or extent) as percentages
// of the picture: "10% 80%", cells of ttp:cellResolution ("2c 12c"), or
// pixels when the root states its extent in pixels. ok is false for
// anything else (auto, em).
func (r *ttmlReader) lengths(v string) (x, y float64, ok bool) {
	f := strings.Fields(v)
	if len(f) != 2 {
		return 0, 0, false
	}
	x, okX := r.length(f[0], r.rootW, r.cellCols)
	y, okY := r.length(f[1], r.rootH, r.cellRows)
	return x, y, okX && okY
}

func (r *ttmlReader) length(v string, root, cells float64) (float64, bool) {
	switch {
	case strings.HasSuffix(v, "c"):
		n, err := strconv.ParseFloat(strings.TrimSuffix(v, "c"), 64)
		return n * 100 / cells, err == nil
	case strings.HasSuffix(v, "%"):
		n, err := strconv.ParseFloat(strings.TrimSuffix(v, "%"), 64)
		return n, err == nil
	case strings.HasSuffix(v, "px") && root > 0:
		n, err := strconv.ParseFloat(strings.TrimSuffix(v, "px"), 64)
		return n * 100 / root, err == nil
	}
	return 0, false
}

// rootExtent reads the tt root's tts:extent in pixels and its
// ttp:cellResolution (32 by 15 cells unless stated), which give regions'
// pixel and cell lengths their meaning.
func (r *ttmlReader) rootExtent(t xml.StartElement) {
	r.cellCols, r.cellRows = 32, 15
	if v, ok := r.metaAttr(t, nsParameter, "cellResolution"); ok {
		f := strings.Fields(v)
		if len(f) == 2 {
			c, errC := strconv.Atoi(f[0])
			w, errW := strconv.Atoi(f[1])
			if errC == nil && errW == nil && c > 0 && w > 0 {
				r.cellCols, r.cellRows = float64(c), float64(w)
			}
		}
	}
	for _, a := range t.Attr {
		if a.Name.Local != "extent" || !r.isStyleNS(a.Name.Space) {
			continue
		}
		f := strings.Fields(a.Value)
		if len(f) != 2 || !strings.HasSuffix(f[0], "px") || !strings.HasSuffix(f[1], "px") {
			return
		}
		w, errW := strconv.ParseFloat(strings.TrimSuffix(f[0], "px"), 64)
		h, errH := strconv.ParseFloat(strings.TrimSuffix(f[1], "px"), 64)
		if errW == nil && errH == nil && w > 0 && h > 0 {
			r.rootW, r.rootH = w, h
		}
	}
}

// namedColors are TTML's named colours.
var namedColors = map[string]string{
	"transparent": "#00000000", "black": "#000000", "silver": "#c0c0c0", "gray": "#808080",
	"white": "#ffffff", "maroon": "#800000", "red": "#ff0000", "purple": "#800080",
	"fuchsia": "#ff00ff", "magenta": "#ff00ff", "green": "#008000", "lime": "#00ff00",
	"olive": "#808000", "yellow": "#ffff00", "navy": "#000080", "blue": "#0000ff",
	"teal": "#008080", "aqua": "#00ffff", "cyan": "#00ffff",
}

// parseColor reads a TTML colour (a name, #rrggbb, #rrggbbaa, rgb(…),
// rgba(…), and the CSS #rgb that TTML1 writers borrow) as "#rrggbb" or
// "#rrggbbaa" in lower case: an opaque alpha is dropped, and opaque
// white is "" (see the reader's notes above).
func parseColor(v string) (string, error) {
	c, err := colorHex(strings.ToLower(strings.TrimSpace(v)))
	if err != nil {
		return "", err
	}
	if strings.HasSuffix(c, "ff") {
		c = c[:7] // opaque
	}
	if c == "#ffffff" {
		return "", nil
	}
	return c, nil
}

// colorHex returns v as "#rrggbbaa".
func colorHex(v string) (string, error) {
	if c, ok := namedColors[v]; ok {
		if len(c) == 7 {
			c += "ff"
		}
		return c, nil
	}
	if h, ok := strings.CutPrefix(v, "#"); ok {
		if !isHex(h) {
			return "", fmt.Errorf("expected #rrggbb or #rrggbbaa")
		}
		switch len(h) {
		case 3:
			return "#" + string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]}) + "ff", nil
		case 6:
			return "#" + h + "ff", nil
		case 8:
			return "#" + h, nil
		}
		return "", fmt.Errorf("expected #rrggbb or #rrggbbaa")
	}
	args, alpha := "", false
	if a, ok := strings.CutPrefix(v, "rgba("); ok {
		args, alpha = a, true
	} else if a, ok := strings.CutPrefix(v, "rgb("); ok {
		args = a
	} else {
		return "", fmt.Errorf("expected a colour name, #rrggbb, #rrggbbaa, rgb(r,g,b) or rgba(r,g,b,a)")
	}
	args, ok := strings.CutSuffix(args, ")")
	parts := strings.Split(args, ",")
	if !ok || alpha && len(parts) != 4 || !alpha && len(parts) != 3 {
		return "", fmt.Errorf("expected rgb(r,g,b) or rgba(r,g,b,a)")
	}
	out := []byte{'#'}
	for _, p := range parts {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || n < 0 || n > 255 {
			return "", fmt.Errorf("expected components from 0 to 255")
		}
		out = fmt.Appendf(out, "%02x", n)
	}
	if !alpha {
		out = append(out, "ff"...)
	}
	return string(out), nil
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}
