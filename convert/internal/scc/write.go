package scc

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/cells"
	"github.com/capconv/capconv/convert/internal/labels"
	"github.com/capconv/capconv/convert/internal/text"
	"golang.org/x/text/unicode/norm"
)

// WriteOptions say how captions are sent.
type WriteOptions struct {
	// NonDrop labels times as non-drop-frame timecode (HH:MM:SS:FF);
	// by default they are drop-frame (HH:MM:SS;FF), which keeps to the
	// clock.
	NonDrop bool
	// Rows is the most rows a caption takes, 1 to 4 (0 is 2): a cue
	// whose text needs more at 32 columns is shown as several captions
	// in turn, sharing its time by their characters.
	Rows int
	// RollUp sends roll-up captions (the text appears as it is sent and
	// scrolls up a row at a time, Rows rows on screen) instead of pop-on
	// ones (each caption loaded unseen, then shown whole).
	RollUp bool
	// Speakers is how speakers are shown in the text (see labels.Shower);
	// "" is Name.
	Speakers labels.Style
	// Warn, when set, receives what could not be sent as asked: characters
	// outside CEA-608's sets, captions shown late.
	Warn func(msg string)
	// Sink, when set, takes the output as it is rendered (see text.Sink).
	Sink *text.Sink
}

// cell is one character on the caption grid.
type cell = cells.Cell

// caption is one screenful: rows of cells, when to show it and where.
type screen struct {
	cue        int // number of the cue it comes from, from 1
	start, end int64
	rows       [][]cell
	placement  caption.Placement
}

// CaptionRows is the most rows a caption takes under o: Rows, 2 when
// unset, at most 4.
func (o WriteOptions) CaptionRows() int {
	if o.Rows <= 0 {
		return 2
	}
	return min(o.Rows, 4)
}

// Append appends d as a Scenarist SCC file of CEA-608 captions on
// channel 1 to b. Captions sent at 100 hours or later are an error: a
// timecode label has two digits of hours. The cues are laid out, sent
// and written one after the other, so that only the frames of the
// caption in hand are held.
func Append(b []byte, d *caption.Document, o WriteOptions) ([]byte, error) {
	o.Rows = o.CaptionRows()
	w := writer{o: o, replaced: map[rune]bool{}, b: b, show: labels.NewShower(o.Speakers), sent: frames{last: -1}}
	w.b = append(w.b, "Scenarist_SCC V1.0\n"...)
	// A caption is cleared at its end unless the next one replaces it:
	// one caption of look-ahead.
	var pending []screen
	next := 0
	free := int64(0) // the first frame the next caption's codes may use
	for {
		for len(pending) < 2 && next < len(d.Cues) {
			pending = append(pending, w.screens(next, d.Cues[next])...)
			next++
		}
		if len(pending) == 0 {
			break
		}
		var after *screen
		if len(pending) > 1 {
			after = &pending[1]
		}
		free = w.schedule(pending[0], after, free)
		pending = pending[1:]
		// Nothing is sent before free from now on: those frames are final.
		w.emit(free)
		if err := w.checkHours(); err != nil {
			return b, err
		}
	}
	w.emit(w.sent.end())
	if w.open {
		w.b = append(w.b, '\n')
	}
	if len(w.replaced) > 0 && o.Warn != nil {
		var rs []string
		for r := range w.replaced {
			rs = append(rs, fmt.Sprintf("%q", r))
		}
		slices.Sort(rs)
		o.Warn(fmt.Sprintf("CEA-608 has no %s: replaced by the nearest character it has", strings.Join(rs, ", ")))
	}
	return w.b, nil
}

// checkHours refuses a file whose last byte pair is sent at 100 hours or
// later: a timecode label has two digits of hours, and a file written
// with three would not read back.
func (w *writer) checkHours() error {
	if w.sent.last < 0 {
		return nil
	}
	if tc := appendTimecode(nil, w.sent.last, !w.o.NonDrop); len(tc) > len("00:00:00:00") {
		return fmt.Errorf("%w: a caption sent at %s: SCC timecodes end at 99:59:59:29", caption.ErrBadTimestamp, tc)
	}
	return nil
}

// pair is one byte pair, without parity.
type pair struct{ b1, b2 byte }

type writer struct {
	o        WriteOptions
	replaced map[rune]bool
	show     *labels.Shower
	prefixes []string
	sent     frames // the pairs scheduled and not yet written
	b        []byte // the file so far (what the sink has not taken)
	// The line being written: whether one is open, and its last frame
	// and pair.
	open     bool
	prev     int64
	prevPair pair
}

// frames is a window of frames from base on, each with the pair sent in
// it, if any: what a map of every frame would hold, for the few seconds
// of frames a caption's scheduling looks at.
type frames struct {
	base    int64
	slots   []slot
	used    int   // slots in use
	written int64 // every frame before it is written out
	last    int64 // the last frame a pair was put in, -1 before any
}

type slot struct {
	p    pair
	used bool
}

// end is the frame after the window.
func (fs *frames) end() int64 { return fs.base + int64(len(fs.slots)) }

func (fs *frames) get(f int64) (pair, bool) {
	if f < fs.base || f >= fs.end() {
		return pair{}, false
	}
	s := fs.slots[f-fs.base]
	return s.p, s.used
}

func (fs *frames) put(f int64, p pair) {
	if f < fs.written {
		// Scheduling never picks a frame before the last caption's.
		panic(fmt.Sprintf("scc: frame %d put after it was written (up to %d)", f, fs.written))
	}
	switch {
	case fs.used == 0:
		fs.base, fs.slots = f, fs.slots[:0] // an empty window starts anywhere
	case f < fs.base:
		grown := make([]slot, fs.base-f, int(fs.base-f)+len(fs.slots))
		fs.base, fs.slots = f, append(grown, fs.slots...)
	}
	for f >= fs.end() {
		fs.slots = append(fs.slots, slot{})
	}
	if s := &fs.slots[f-fs.base]; !s.used {
		s.used = true
		fs.used++
	}
	fs.slots[f-fs.base].p = p
	fs.last = max(fs.last, f)
}

// emit writes out every frame before upTo and drops it from the window.
// A line holds a run of consecutive frames, its first frame's timecode
// and its pairs in hexadecimal. An end of caption or an erase starts a
// line of its own, at the time it acts: readers that take a line's pairs
// to act at its timecode (ffmpeg) then show and clear captions when
// decoders do.
func (w *writer) emit(upTo int64) {
	fs := &w.sent
	n := int(min(max(upTo-fs.base, 0), int64(len(fs.slots))))
	for k := range n {
		s := fs.slots[k]
		if !s.used {
			continue
		}
		f, p := fs.base+int64(k), s.p
		acts := p.b1 == 0x14 && (p.b2 == ctrlEOC || p.b2 == ctrlEDM) && (!w.open || w.prevPair != p)
		if !w.open || f != w.prev+1 || acts {
			if w.open {
				w.b = append(w.b, '\n')
			}
			w.b = append(w.b, '\n')
			w.b = appendTimecode(w.b, f, !w.o.NonDrop)
			w.b = append(w.b, '\t')
			w.open = true
		} else {
			w.b = append(w.b, ' ')
		}
		w.b = appendHex(w.b, withParity(p.b1))
		w.b = appendHex(w.b, withParity(p.b2))
		w.prev, w.prevPair = f, p
		fs.used--
	}
	fs.slots = fs.slots[:copy(fs.slots, fs.slots[n:])]
	fs.base += int64(n)
	fs.written = max(fs.written, upTo)
	w.b = w.o.Sink.Spill(w.b)
}

// screens lays cue i, c, out on the grid: one screen, or several shown
// in turn when it needs more rows than a caption takes.
func (w *writer) screens(i int, c caption.Cue) []screen {
	var out []screen
	w.prefixes = w.show.Prefixes(w.prefixes, c.Lines)
	prefixes := w.prefixes
	var lines [][]cell
	for j, l := range c.Lines {
		if strings.TrimSpace(l.Text) == "" {
			continue
		}
		var row []cell
		row = w.appendCells(row, prefixes[j], false)
		for _, run := range l.Runs() {
			row = w.appendCells(row, run.Text, run.Style.Italic)
		}
		row = cells.Trim(row)
		cells.WholeWords(row)
		lines = append(lines, row)
	}
	if len(lines) == 0 {
		return nil
	}
	if slices.ContainsFunc(lines, func(r []cell) bool { return width(r) > columns }) {
		var rows [][]cell
		for _, l := range lines {
			rows = append(rows, wrap(l)...)
		}
		lines = rows
	}
	start, end := frameOf(c.Start), frameOf(c.End)
	end = max(end, start+1)
	if len(lines) <= w.o.Rows {
		return append(out, screen{cue: i + 1, start: start, end: end, rows: lines, placement: c.Placement})
	}
	// More rows than a caption takes: show them in turn, each its
	// share of the time by characters.
	total := 0
	for _, l := range lines {
		total += len(l)
	}
	at, done := start, 0
	for k := 0; k < len(lines); k += w.o.Rows {
		part := lines[k:min(k+w.o.Rows, len(lines))]
		for _, l := range part {
			done += len(l)
		}
		next := start + (end-start)*int64(done)/int64(total)
		if k+w.o.Rows >= len(lines) {
			next = end
		}
		out = append(out, screen{cue: i + 1, start: at, end: max(next, at+1), rows: part, placement: c.Placement})
		at = max(next, at+1)
	}
	if w.o.Warn != nil {
		w.o.Warn(fmt.Sprintf("cue %d (%s) needs %d rows of 32 columns: shown as %d captions in turn", i+1, clock(c.Start), len(lines), (len(lines)+w.o.Rows-1)/w.o.Rows))
	}
	return out
}

// appendCells appends s's characters, each one CEA-608 can show.
func (w *writer) appendCells(row []cell, s string, italic bool) []cell {
	for _, r := range s {
		switch {
		case r == '\t' || r == '\u00A0' || unicode.IsSpace(r):
			r = ' '
		case encoding[r].kind == kindNone:
			sub := w.substitute(r)
			for _, r := range sub {
				row = append(row, cell{R: r, Italic: italic})
			}
			continue
		}
		row = append(row, cell{R: r, Italic: italic})
	}
	return row
}

// substitute returns what is sent for r, which CEA-608 lacks: the letter
// without its accents, a look-alike, or nothing for marks that have no
// width.
func (w *writer) substitute(r rune) string {
	switch r {
	case '–', '‒', '−':
		w.replaced[r] = true
		return "-"
	case '…':
		w.replaced[r] = true
		return "..."
	case '′', '´':
		w.replaced[r] = true
		return "'"
	case '″', '„', '‟':
		w.replaced[r] = true
		return "\""
	case '‚':
		w.replaced[r] = true
		return ","
	}
	if unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Cf, r) {
		return "" // a combining mark or a format character: no width
	}
	w.replaced[r] = true
	var sub []rune
	for _, d := range norm.NFD.String(string(r)) {
		if encoding[d].kind != kindNone {
			sub = append(sub, d)
		}
	}
	if len(sub) == 0 {
		return "?"
	}
	return string(sub)
}

// width returns the columns row takes: one more than its cells when it
// ends in an extended character, whose stand-in must not stand in the
// last column (a decoder's cursor stops there, and the extended
// character would replace the one before).
func width(row []cell) int {
	if n := len(row); n > 0 && encoding[row[n-1].R].kind == kindExtended {
		return n + 1
	}
	return len(row)
}

// wrap breaks a line into rows of at most 32 columns at spaces, filling
// each row; a word longer than a row is cut.
func wrap(line []cell) [][]cell {
	if width(line) <= columns {
		return [][]cell{line}
	}
	var words [][]cell
	start := -1
	for i, c := range line {
		switch {
		case c.R != ' ' && start < 0:
			start = i
		case c.R == ' ' && start >= 0:
			words, start = append(words, line[start:i]), -1
		}
	}
	if start >= 0 {
		words = append(words, line[start:])
	}
	var out [][]cell
	var row []cell
	for _, word := range words {
		for width(word) > columns {
			if len(row) > 0 {
				out, row = append(out, row), nil
			}
			cut := columns
			if width(word[:cut]) > columns {
				cut--
			}
			out, word = append(out, word[:cut]), word[cut:]
		}
		if len(row) > 0 && len(row)+1+width(word) > columns {
			out, row = append(out, row), nil
		}
		if len(row) > 0 {
			// The space takes the next word's style: where the style
			// changes, the code stands in its place.
			row = append(row, cell{R: ' ', Italic: word[0].Italic})
		}
		row = append(row, word...)
	}
	if len(row) > 0 {
		out = append(out, row)
	}
	return out
}

// firstRow returns the row of a caption's first of n rows, from its
// placement: the bottom rows, the top ones, or the middle.
func firstRow(n int, p caption.Placement) int {
	switch p.Vertical {
	case caption.Top:
		return 1
	case caption.Middle:
		return 8 - n/2
	}
	return rows + 1 - n
}

// column returns where a row of n cells starts, from its placement.
func column(n int, p caption.Placement) int {
	switch p.Horizontal {
	case caption.Left:
		return 0
	case caption.Right:
		return columns - n
	}
	return (columns - n) / 2
}

// atom is pairs sent in consecutive frames: a control code and its
// repeat, which a decoder takes for one only when nothing comes between
// them; or one pair of characters.
type atom []pair

// twice is a control code sent doubled, as CEA-608 asks for safety.
func twice(p pair) atom { return atom{p, p} }

// codes returns what writes a screen's rows into the memory being
// loaded: for each row, its preamble address code (row and indent, and
// italics) and tab offset, then its characters.
func codes(s screen, rollUp bool) []atom {
	var out []atom
	first := firstRow(len(s.rows), s.placement)
	for k, row := range s.rows {
		r := first + k
		if rollUp {
			out = append(out, twice(pair{0x14, ctrlCR}))
			r = rows
		}
		col := column(width(row), s.placement)
		italicStart := len(row) > 0 && row[0].Italic
		cursor := col
		if italicStart && col > 0 {
			cursor = col - 1 // the mid-row code takes the column before the text
		}
		indent := cursor / 4 * 4
		b1, b2 := pac(r, indent, italicStart && cursor == 0)
		out = append(out, twice(pair{b1, b2}))
		if tab := cursor - indent; tab > 0 {
			out = append(out, twice(pair{0x17, tabOffset + byte(tab)}))
		}
		italic := italicStart && cursor == 0
		var pending []byte
		flush := func() {
			if len(pending) == 1 {
				out = append(out, atom{{pending[0], 0}})
			}
			pending = pending[:0]
		}
		sendBasic := func(b byte) {
			pending = append(pending, b)
			if len(pending) < 2 {
				return
			}
			p := pair{pending[0], pending[1]}
			if n := len(out); n > 0 && len(out[n-1]) == 1 && out[n-1][0] == p {
				// The same two characters again ("rememb…"): a reader that
				// takes any repeated pair for a safety copy would drop it,
				// so the first goes alone.
				out = append(out, atom{{p.b1, 0}})
				pending = append(pending[:0], p.b2)
				return
			}
			out = append(out, atom{p})
			pending = pending[:0]
		}
		sendCode := func(p pair) {
			flush()
			out = append(out, twice(p))
		}
		for _, c := range row {
			if c.Italic != italic {
				mid := byte(midRowPlain)
				if c.Italic {
					mid = midRowItalic
				}
				italic = c.Italic
				if c.R == ' ' {
					sendCode(pair{0x11, mid}) // the code stands for the space
					continue
				}
				sendCode(pair{0x11, mid}) // takes a column: the cursor was put before it
			}
			code := encoding[c.R]
			switch code.kind {
			case kindBasic:
				sendBasic(code.basic)
			case kindSpecial:
				sendCode(pair{code.b1, code.b2})
			case kindExtended:
				sendBasic(code.basic)
				sendCode(pair{code.b1, code.b2})
			}
		}
		flush()
	}
	return out
}

// schedule puts every pair of screen s in a frame from free on, and
// returns the first frame the next caption's codes may use: a pop-on
// caption is loaded in the frames before it shows, after the one before
// it was shown, and shown by end of caption on its first frame; a
// roll-up caption is sent from its first frame. A caption is cleared at
// its end (erase displayed memory) unless next, the caption after it
// (nil for none), replaces it there. A caption whose codes cannot all be
// sent in time is shown late, with a warning.
func (w *writer) schedule(s screen, next *screen, free int64) int64 {
	load := codes(s, w.o.RollUp)
	if w.o.RollUp {
		// There is no one-row roll-up: two rows, then.
		ru := twice(pair{0x14, ctrlRU2 + byte(max(w.o.Rows, 2)-2)})
		load = append([]atom{ru}, load...)
		// The codes before the first characters go before the
		// caption's start, so that its text appears then.
		lead := 0
		for lead < len(load) && load[lead][0].b1 >= 0x10 && load[lead][0].b1 <= 0x1F {
			lead++
		}
		_, ready := w.trial(free, load[:lead])
		start := max(s.start, ready+1)
		w.placeBefore(free, start, load[:lead])
		first, last := w.place(start, load[lead:])
		free = last + 1
		if late := first - s.start; late > 0 {
			w.late(s, late, pairs(load))
		}
		s.end = max(s.end, last+1)
	} else {
		// Load as late as the codes allow, ending just before the
		// caption shows; earlier when there is no room.
		load = append([]atom{twice(pair{0x14, ctrlENM}), twice(pair{0x14, ctrlRCL})}, load...)
		eoc := twice(pair{0x14, ctrlEOC})
		_, last := w.trial(free, load)
		show := max(s.start, last+1)
		for !w.fits(show, eoc) {
			show++
		}
		w.placeBefore(free, show, load)
		w.put(show, eoc)
		free = show + 2
		if late := show - s.start; late > 0 {
			w.late(s, late, pairs(load)+2)
		}
		s.end = max(s.end, show+2)
	}
	// Clear at the end unless the next caption replaces this one
	// there (or sooner): a pop-on caption by swapping memories, a
	// roll-up one by scrolling.
	if next != nil && next.start <= s.end+1 {
		return free
	}
	edm := twice(pair{0x14, ctrlEDM})
	end := max(s.end, free)
	for !w.fits(end, edm) {
		end++
	}
	w.put(end, edm)
	if w.o.RollUp {
		free = max(free, end+2)
	}
	return free
}

// pairs counts the pairs of atoms.
func pairs(atoms []atom) int {
	n := 0
	for _, a := range atoms {
		n += len(a)
	}
	return n
}

// late warns that screen s shows late frames after its start.
func (w *writer) late(s screen, late int64, pairs int) {
	if w.o.Warn != nil {
		w.o.Warn(fmt.Sprintf("cue %d (%s) shown %s late: its %d byte pairs take as many frames to send, more than the caption before it leaves", s.cue, clock(timeOf(s.start)), seconds(timeOf(late)), pairs))
	}
}

func (w *writer) busy(f int64) bool {
	_, ok := w.sent.get(f)
	return ok
}

// fits reports whether atom a can be sent from frame f.
func (w *writer) fits(f int64, a atom) bool {
	for k := range a {
		if w.busy(f + int64(k)) {
			return false
		}
	}
	return true
}

func (w *writer) put(f int64, a atom) {
	for k, p := range a {
		w.sent.put(f+int64(k), p)
	}
}

// trial returns the first and last frames atoms would take if sent as
// early as possible from frame from, without sending them.
func (w *writer) trial(from int64, atoms []atom) (first, last int64) {
	f, first := from, int64(-1)
	for _, a := range atoms {
		for !w.fits(f, a) {
			f++
		}
		if first < 0 {
			first = f
		}
		f += int64(len(a))
	}
	return first, f - 1
}

// place sends atoms as early as possible from frame from and returns the
// first and last frames they took.
func (w *writer) place(from int64, atoms []atom) (first, last int64) {
	f, first := from, int64(-1)
	for _, a := range atoms {
		for !w.fits(f, a) {
			f++
		}
		if first < 0 {
			first = f
		}
		w.put(f, a)
		f += int64(len(a))
	}
	return first, f - 1
}

// placeBefore sends atoms as late as possible, all before frame before
// and none before frame from; the caller made sure they fit.
func (w *writer) placeBefore(from, before int64, atoms []atom) {
	f := before
	for k := len(atoms) - 1; k >= 0; k-- {
		a := atoms[k]
		f -= int64(len(a))
		for f >= from && !w.fits(f, a) {
			f--
		}
		w.put(f, a)
	}
}

func appendHex(b []byte, v byte) []byte {
	const digits = "0123456789abcdef"
	return append(b, digits[v>>4], digits[v&0xF])
}

// clock formats t as HH:MM:SS.mmm for messages.
func clock(t time.Duration) string {
	ms := t.Milliseconds()
	return fmt.Sprintf("%02d:%02d:%02d.%03d", ms/3600000, ms/60000%60, ms/1000%60, ms%1000)
}

// seconds formats d as "0.4 s".
func seconds(d time.Duration) string {
	return fmt.Sprintf("%.1f s", d.Seconds())
}
