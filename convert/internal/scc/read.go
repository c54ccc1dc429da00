package scc

import (
	"bytes"
	"strings"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/text"
)

// header is the first line of every Scenarist file.
const header = "Scenarist_SCC V1.0"

// Sniff reports whether head starts like a Scenarist file.
func Sniff(head []byte) bool {
	head = bytes.TrimPrefix(head, []byte("\uFEFF"))
	return bytes.HasPrefix(bytes.TrimLeft(head, " \t\r\n"), []byte("Scenarist_SCC"))
}

// Read reads a Scenarist SCC file: it decodes the CEA-608 captions of
// channel 1 as a decoder shows them, pop-on (each from the end of caption
// that shows it to the erase or swap that takes it away), paint-on (from
// its first character) and roll-up (each row from its first character to
// the carriage return that starts the next). Italics, the row and the
// indent are kept as styling and placement; ">>" at the start of a row,
// broadcast's change of speaker, stays text for the labels reader (see
// labels.Chevron). Colours, underline, flash and the other channels are
// not read.
func Read(data []byte, src text.Source) (*caption.Document, error) {
	s, err := text.Decode(data, src)
	if err != nil {
		return nil, err
	}
	sc := text.NewScanner(s)
	d := decoder{src: src}
	seenHeader := false
	next := int64(-1) // the frame after the last pair read
	for {
		raw, ok := sc.Next()
		if !ok {
			break
		}
		line := strings.TrimSpace(raw)
		n := sc.Line()
		if line == "" {
			continue
		}
		if !seenHeader {
			if !strings.HasPrefix(line, "Scenarist_SCC") {
				return nil, text.Errorf(src.Pos(n), caption.ErrSyntax, "expected the header %q, found %q", header, shorten(line))
			}
			seenHeader = true
			continue
		}
		tc, words, _ := strings.Cut(line, "\t")
		if !strings.Contains(line, "\t") {
			tc, words, _ = strings.Cut(line, " ")
		}
		frame, drop, err := parseTimecode(strings.TrimSpace(tc))
		if err != nil {
			return nil, text.Errorf(src.Pos(n), caption.ErrBadTimestamp, "%v", err)
		}
		if d.drop == nil {
			d.drop = &drop
		}
		if frame < next {
			// Pairs are sent one a frame: a line that starts before the
			// last one's pairs are all sent follows them.
			frame = next
		} else if frame > next {
			d.prev = pair{} // frames of nulls between: no repeat
		}
		col := strings.Index(raw, words) + 1
		for _, w := range strings.Fields(words) {
			p, ok := parseWord(w)
			if !ok {
				return nil, text.Errorf(src.At(n, col), caption.ErrSyntax, "%q is not a byte pair: expected four hexadecimal digits, such as 9420", shorten(w))
			}
			d.line = n
			d.pair(frame, p)
			frame++
			col += len(w) + 1
		}
		next = frame
	}
	if !seenHeader {
		return nil, text.Errorf(src.Pos(1), caption.ErrNoContent, "empty file: expected the header %q", header)
	}
	d.finish(next)
	if d.parity > 0 {
		src.Warnf(d.parityLine, "%d bytes with wrong parity: read as if right", d.parity)
	}
	return &caption.Document{Cues: d.cues}, nil
}

// parseWord reads "9420" as a byte pair, keeping the parity bits.
func parseWord(w string) (pair, bool) {
	if len(w) != 4 {
		return pair{}, false
	}
	var v [2]byte
	for i := range 4 {
		c := w[i]
		var x byte
		switch {
		case c >= '0' && c <= '9':
			x = c - '0'
		case c >= 'a' && c <= 'f':
			x = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			x = c - 'A' + 10
		default:
			return pair{}, false
		}
		v[i/2] = v[i/2]<<4 | x
	}
	return pair{v[0], v[1]}, true
}

func shorten(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// mode is how a decoder shows what it receives.
type mode uint8

const (
	popOn mode = iota
	rollUp
	paintOn
)

// grid is a caption memory: rows 1–15 of 32 cells (0 is empty).
type grid [rows + 1][columns]cell

func (g *grid) empty() bool {
	for r := 1; r <= rows; r++ {
		for _, c := range g[r] {
			if c.R != 0 {
				return false
			}
		}
	}
	return true
}

// decoder follows a CEA-608 decoder on channel 1.
type decoder struct {
	src        text.Source
	drop       *bool
	line       int
	mode       mode
	rollRows   int
	shown      grid // displayed memory
	hidden     grid // non-displayed memory
	row, col   int
	italic     bool
	other      bool // the last control code was another channel's
	prev       pair // the last control pair acted on, for the repeat rule
	showing    bool // a cue is on screen since since
	since      int64
	cues       []caption.Cue
	parity     int
	parityLine int
}

// target is the memory that characters go to.
func (d *decoder) target() *grid {
	if d.mode == popOn {
		return &d.hidden
	}
	return &d.shown
}

// pair acts on one byte pair received in frame f.
func (d *decoder) pair(f int64, raw pair) {
	for _, b := range []byte{raw.b1, raw.b2} {
		if withParity(b) != b {
			if d.parity == 0 {
				d.parityLine = d.line
			}
			d.parity++
		}
	}
	p := pair{raw.b1 & 0x7F, raw.b2 & 0x7F}
	if p.b1 == 0 && p.b2 == 0 {
		d.prev = pair{}
		return
	}
	if p.b1 >= 0x10 && p.b1 <= 0x1F {
		if p == d.prev {
			d.prev = pair{} // the repeat sent for safety: done once
			return
		}
		d.prev = p
		d.control(f, p)
		return
	}
	d.prev = pair{}
	if d.other {
		return
	}
	for _, b := range []byte{p.b1, p.b2} {
		if b >= 0x20 {
			d.put(f, decodeBasic(b))
		}
	}
}

// control acts on a control pair: first byte 0x10–0x1F.
func (d *decoder) control(f int64, p pair) {
	channel2 := p.b1&0x08 != 0
	b1 := p.b1 &^ 0x08
	switch {
	case (b1 == 0x14 || b1 == 0x15) && p.b2 >= 0x20 && p.b2 <= 0x2F:
		// 0x15 is the same command on field 2's channels.
		d.other = channel2 || b1 == 0x15
		if !d.other {
			d.command(f, p.b2)
		}
		return
	case b1 == 0x17 && p.b2 >= 0x21 && p.b2 <= 0x23:
		d.other = channel2
		if !d.other {
			d.col = min(d.col+int(p.b2-tabOffset), columns-1)
		}
		return
	case b1 >= 0x10 && p.b2 >= 0x40:
		d.other = channel2
		if row, indent, italic, ok := parsePAC(b1, p.b2); ok && !d.other {
			if d.mode == rollUp {
				row = d.rollRow(row)
			}
			d.row, d.col, d.italic = row, indent, italic
		}
		return
	}
	d.other = channel2
	if d.other {
		return
	}
	switch {
	case b1 == 0x11 && p.b2 >= 0x20 && p.b2 <= 0x2F:
		d.italic = p.b2 >= midRowItalic
		d.put(f, ' ')
	case b1 == 0x11 && p.b2 >= 0x30 && p.b2 <= 0x3F:
		d.put(f, special[p.b2-0x30])
	case (b1 == 0x12 || b1 == 0x13) && p.b2 >= 0x20 && p.b2 <= 0x3F:
		// An extended character replaces the stand-in sent before it.
		if d.col > 0 {
			d.col--
		}
		d.put(f, extended[b1-0x12][p.b2-0x20])
	}
}

// rollRow keeps a roll-up window's base row where the PAC puts it.
func (d *decoder) rollRow(row int) int {
	if row < d.rollRows {
		row = d.rollRows
	}
	return row
}

// command acts on a miscellaneous control code of channel 1.
func (d *decoder) command(f int64, c byte) {
	switch c {
	case ctrlRCL:
		d.mode = popOn
	case ctrlRDC:
		d.mode = paintOn
	case ctrlRU2, ctrlRU3, ctrlRU4:
		if d.mode != rollUp {
			d.end(f)
			d.shown = grid{}
			d.row, d.col = rows, 0
		}
		d.mode, d.rollRows = rollUp, int(c-ctrlRU2)+2
	case ctrlEOC:
		d.end(f)
		d.shown, d.hidden = d.hidden, d.shown
		d.begin(f)
		d.mode = popOn
	case ctrlEDM:
		d.end(f)
		d.shown = grid{}
	case ctrlENM:
		d.hidden = grid{}
	case ctrlBS:
		if d.col > 0 {
			d.col--
			d.target()[d.row][d.col] = cell{}
		}
	case ctrlDER:
		if d.row > 0 {
			for c := d.col; c < columns; c++ {
				d.target()[d.row][c] = cell{}
			}
		}
	case ctrlCR:
		if d.mode == rollUp {
			// The row done ends its cue; the window scrolls up a row.
			d.end(f)
			base := max(d.row, d.rollRows)
			for r := base - d.rollRows + 1; r < base; r++ {
				d.shown[r] = d.shown[r+1]
			}
			d.shown[base-d.rollRows+1] = [columns]cell{}
			d.shown[base] = [columns]cell{}
			for r := 1; r <= rows; r++ {
				if r <= base-d.rollRows || r > base {
					d.shown[r] = [columns]cell{}
				}
			}
			d.row, d.col = base, 0
		}
	}
}

// put writes r at the cursor of the memory in use and moves the cursor.
func (d *decoder) put(f int64, r rune) {
	if d.row == 0 {
		d.row = rows // no PAC yet: the bottom row
	}
	g := d.target()
	if d.mode != popOn && !d.showing && r != ' ' {
		d.since, d.showing = f, true
	}
	g[d.row][d.col] = cell{R: r, Italic: d.italic}
	d.col = min(d.col+1, columns-1)
}

// begin starts a cue at frame f when something is shown.
func (d *decoder) begin(f int64) {
	if !d.shown.empty() {
		d.since, d.showing = f, true
	}
}

// end ends the cue on screen at frame f. A roll-up cue is only its last
// row: the rows above it were cues of their own.
func (d *decoder) end(f int64) {
	if !d.showing {
		return
	}
	d.showing = false
	if f <= d.since {
		return
	}
	g := d.shown
	if d.mode == rollUp {
		for r := 1; r <= rows; r++ {
			if r != d.row {
				g[r] = [columns]cell{}
			}
		}
	}
	c := cueOf(&g)
	if len(c.Lines) == 0 {
		return
	}
	c.Start, c.End = timeOf(d.since), timeOf(f)
	d.cues = append(d.cues, c)
}

// finish ends the cue still on screen when the file ends, at the frame
// after the last pair.
func (d *decoder) finish(next int64) {
	if d.showing {
		d.end(max(next, d.since+1))
	}
}

// cueOf returns the cue a memory shows: its rows from top to bottom, and
// its placement from where they stand.
func cueOf(g *grid) caption.Cue {
	var c caption.Cue
	top, bottom := 0, 0
	centred, left := true, true
	for r := 1; r <= rows; r++ {
		first, last := -1, -1
		for i, cl := range g[r] {
			if cl.R != 0 && cl.R != ' ' && cl.R != '\u00A0' {
				if first < 0 {
					first = i
				}
				last = i
			}
		}
		if first < 0 {
			continue
		}
		if top == 0 {
			top = r
		}
		bottom = r
		n := last - first + 1
		if d := first - (columns-n)/2; d < -2 || d > 2 {
			centred = false
		}
		if first > (columns-n)/2 {
			left = false
		}
		var spans []caption.Span
		for _, cl := range g[r][first : last+1] {
			ch := cl.R
			if ch == 0 || ch == '\u00A0' {
				ch = ' '
			}
			st := caption.Style{Italic: cl.Italic}
			if k := len(spans) - 1; k >= 0 && spans[k].Style == st {
				spans[k].Text += string(ch)
			} else {
				spans = append(spans, caption.Span{Text: string(ch), Style: st})
			}
		}
		l := caption.StyledLine("", spans)
		if l.Text != "" {
			c.Lines = append(c.Lines, l)
		}
	}
	switch {
	case top > 0 && top <= 4:
		c.Placement.Vertical = caption.Top
	case bottom > 0 && bottom < 11:
		c.Placement.Vertical = caption.Middle
	}
	if !centred {
		if left {
			c.Placement.Horizontal = caption.Left
		} else {
			c.Placement.Horizontal = caption.Right
		}
	}
	return c
}
