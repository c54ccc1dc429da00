package webvtt

import (
	"bytes"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/labels"
	"github.com/capconv/capconv/convert/internal/text"
)

// WebVTT is read by a hand-written parser that follows the W3C parsing
// rules (https://www.w3.org/TR/webvtt1/#file-parsing) where they matter for
// captions: blocks without a timing line (NOTE, STYLE, REGION, junk) are
// skipped, a line holding "-->" always starts a new block, whitespace-only
// lines do not end a block, and a cue whose timing line is malformed is
// dropped, as browsers drop it. It departs from them where a converter
// should speak up: the dropped cue is a warning naming its line, and with
// ReadOptions.Strict an error.

// ReadOptions tune the WebVTT reader. The zero value reads as browsers do.
type ReadOptions struct {
	// Strict makes a malformed timing line an error at its position
	// instead of a warning and a dropped cue.
	Strict bool
}

// vttTiming is what the WebVTT reader and its errors ask for.
const vttTiming = "HH:MM:SS.mmm --> HH:MM:SS.mmm (hours optional)"

// Read reads a WebVTT file. The first line must be "WEBVTT", alone or
// followed by a space or tab and any text; a BOM is allowed. Header lines
// up to the first blank line are skipped, as are NOTE and REGION blocks;
// STYLE blocks before the first cue give classes their style (see
// styleSheet). CR, LF and CRLF endings may be mixed. The
// specification asks for UTF-8, but text is decoded as every reader
// decodes it (see text.Decode): UTF-16 with a byte order mark and
// legacy encodings are read too; invalid UTF-8 and U+0000 become U+FFFD,
// as the specification asks.
//
// Cue text is parsed as the specification builds its tree: an element
// stays open across line breaks up to its end tag or the end of the cue,
// and an end tag that does not close the current element is ignored.
// Each voice span <v Name> or <v.class Name> sets the speaker of the
// lines it covers; a voice span that starts after other text on a line
// starts a new Line, so that every Line has one speaker, and ends the
// voice open before it. <i>, <b> and <u> become Italic, Bold and
// Underline; the classes of any other tag (<c.a.b>, <i.a>, <lang.a>)
// become Class, except those a STYLE block before the first cue defines (see
// styleSheet), the classic colour classes (white, lime, cyan, red,
// yellow, magenta, blue, black) and the c_rrggbb classes Append writes,
// which become the style they stand for. <ruby>base<rt>annotation</rt>
// makes a span with Ruby, one per pair. <lang> and timestamps are
// dropped, keeping their text. Character references are decoded once; a
// "<" with no ">" after it on its line is kept as text. White space is
// trimmed from both ends of a line, and a line left empty is dropped.
// In a cue with voices, a dialogue dash opening a line becomes Line.Dash
// and a label repeating the voice's name ("Ann: ", "ANN: ", "[Ann] ")
// is taken out, its style becoming the document's SpeakersShown (see
// cutShown); a dash or label written with a numeric character reference
// is text.
// Cue settings give the cue's Placement (see parsePlacement).
//
// A file with a signature but without any cue (a header alone) is an
// empty document, with a warning; a file without even the signature is
// an ErrNoContent error. A cue whose timing line is malformed is left
// out with a warning naming its line and what was expected (see
// ReadWith for an error instead). Losses: cue settings other than the
// placement, CSS other than the rules styleSheet maps, regions and
// comments (including the NOTE Append writes for the title) are not
// read.
func Read(data []byte, o text.Source) (*caption.Document, error) {
	return ReadWith(data, o, ReadOptions{})
}

// ReadWith is Read tuned by ro.
func ReadWith(data []byte, o text.Source, ro ReadOptions) (*caption.Document, error) {
	s, err := text.DecodeNUL(data, o)
	if err != nil {
		return nil, err
	}
	sc := text.NewScanner(s)
	sig, _ := sc.Next()
	if !isVTTSignature(sig) {
		if strings.TrimSpace(sc.Text()) == "" {
			return nil, text.Errorf(o.Pos(1), caption.ErrNoContent, "empty file: expected \"WEBVTT\" and cues")
		}
		return nil, text.Errorf(caption.Position{File: o.File, Line: 1, Col: 1}, caption.ErrSyntax,
			"%.40q: expected \"WEBVTT\" as the first line", sig)
	}
	r := vttReader{sc: sc, o: o, strict: ro.Strict}
	r.skipBlock()
	n := strings.Count(sc.Text(), "-->")
	r.doc = &caption.Document{Cues: make([]caption.Cue, 0, n)}
	r.lines = make([]caption.Line, 0, 2*n+1)
	if err := r.readBlocks(); err != nil {
		return nil, err
	}
	r.doc.SpeakersShown = string(r.text.shown)
	if len(r.doc.Cues) == 0 {
		o.Warnf(max(1, sc.Line()), "no cue found (expected %s): read as an empty document", vttTiming)
		return r.doc, nil
	}
	if !r.sorted {
		o.Warnf(0, "cues are not in start order: sorted them")
		sort.SliceStable(r.doc.Cues, func(i, j int) bool { return r.doc.Cues[i].Start < r.doc.Cues[j].Start })
	}
	return r.doc, nil
}

// isVTTSignature reports whether line is a valid first line.
func isVTTSignature(line string) bool {
	rest, ok := strings.CutPrefix(line, "WEBVTT")
	return ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t')
}

// vttReader holds the state of one Read call.
type vttReader struct {
	sc     *text.Scanner
	o      text.Source
	doc    *caption.Document
	lines  []caption.Line // backing array shared by all cues
	sorted bool           // false once a cue starts before the one before it
	strict bool           // a malformed timing line is an error
	text   cueText        // the cue text parser, and the style sheet
	inCues bool           // a timing line was read: STYLE blocks no longer count

	held     string // a line read ahead that starts the next block
	heldLine int
	hasHeld  bool
}

// next returns the next line and its number, a held line first.
func (r *vttReader) next() (string, int, bool) {
	if r.hasHeld {
		r.hasHeld = false
		return r.held, r.heldLine, true
	}
	line, ok := r.sc.Next()
	return line, r.sc.Line(), ok
}

// hold keeps line, which holds "-->", as the first line of the next block.
func (r *vttReader) hold(line string, num int) {
	r.held, r.heldLine, r.hasHeld = line, num, true
}

// readBlocks reads every block after the header.
func (r *vttReader) readBlocks() error {
	r.sorted = true
	for {
		line, num, ok := r.next()
		if !ok {
			return nil
		}
		if line == "" {
			continue
		}
		id := ""
		if !strings.Contains(line, "-->") {
			next, ok := r.sc.Peek()
			if !ok || !strings.Contains(next, "-->") {
				// Browsers apply only the style sheets written before
				// the first cue.
				if !r.inCues && isStyleBlock(line) {
					r.readStyle()
				} else {
					r.skipBlock()
				}
				continue
			}
			id = line
			line, num, _ = r.next()
		}
		r.inCues = true
		c, err := parseVTTTiming(line, num, r.o)
		if err != nil {
			if r.strict {
				return err
			}
			r.warnDropped(err)
			shown := r.text.shown
			r.readCueText(&c) // skipped with its cue
			r.lines = r.lines[:len(r.lines)-len(c.Lines)]
			r.text.shown = shown
			continue
		}
		c.ID = id
		if k := len(r.doc.Cues); k > 0 && c.Start < r.doc.Cues[k-1].Start {
			r.sorted = false
		}
		r.readCueText(&c)
		r.doc.Cues = append(r.doc.Cues, c)
	}
}

// warnDropped reports a cue left out for the timing error err.
func (r *vttReader) warnDropped(err error) {
	pe, ok := err.(*caption.ParseError)
	if !ok || r.o.Warn == nil {
		return
	}
	r.o.Warn(pe.Pos, pe.Err.Error()+"; cue left out")
}

// skipBlock skips a block without a timing line (the header after the
// signature, NOTE, STYLE, REGION or anything else) up to a blank line or
// a line holding "-->", which starts a cue.
func (r *vttReader) skipBlock() {
	for {
		line, num, ok := r.next()
		if !ok || line == "" {
			return
		}
		if strings.Contains(line, "-->") {
			r.hold(line, num)
			return
		}
	}
}

// readCueText reads the text lines of c up to a blank line or a line
// holding "-->".
func (r *vttReader) readCueText(c *caption.Cue) {
	first := len(r.lines)
	t := &r.text
	t.lines = r.lines
	t.reset()
	r.eachBlockLine(t.add)
	t.endCue(first)
	r.lines = t.lines
	c.Lines = r.lines[first:len(r.lines):len(r.lines)]
}

// eachBlockLine calls fn with each line of the block being read, up to a
// blank line or a line holding "-->", which is held for the next block.
func (r *vttReader) eachBlockLine(fn func(string)) {
	for {
		line, num, ok := r.next()
		if !ok || line == "" {
			return
		}
		if strings.Contains(line, "-->") {
			r.hold(line, num)
			return
		}
		fn(line)
	}
}

// readStyle reads the body of a STYLE block, whose first line has been
// read, into the style sheet. Like a cue, the block ends at a blank line
// or a line holding "-->".
func (r *vttReader) readStyle() {
	var css strings.Builder
	r.eachBlockLine(func(line string) {
		css.WriteString(line)
		css.WriteByte('\n')
	})
	if r.text.sheet == nil {
		r.text.sheet = styleSheet{}
	}
	r.text.sheet.parse(css.String())
}

// isStyleBlock reports whether line opens a STYLE block.
func isStyleBlock(line string) bool {
	rest, ok := strings.CutPrefix(line, "STYLE")
	return ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t')
}

// entity returns the text of the named character reference name, for the
// names decoded in cue text; other names are kept as written.
func entity(name string) (string, bool) {
	switch name {
	case "amp":
		return "&", true
	case "lt":
		return "<", true
	case "gt":
		return ">", true
	case "quot":
		return "\"", true
	case "apos":
		return "'", true
	case "nbsp":
		return "\u00A0", true
	case "lrm":
		return "\u200E", true
	case "rlm":
		return "\u200F", true
	}
	return "", false
}

// appendEntity decodes the character reference at the start of s (which
// starts with "&") and returns how many bytes it took. An unknown or
// unterminated reference is kept as a literal "&". A numeric reference to
// a line break becomes a space, because a Line holds one line; one to
// U+0000, another control character or no character becomes U+FFFD.
func appendEntity(b []byte, s string) ([]byte, int) {
	end := strings.IndexByte(s, ';')
	if end < 2 || end > 10 {
		return append(b, '&'), 1
	}
	name := s[1:end]
	if name[0] != '#' {
		if v, ok := entity(name); ok {
			return append(b, v...), end + 1
		}
		return append(b, '&'), 1
	}
	base, digits := 10, name[1:]
	if digits != "" && (digits[0] == 'x' || digits[0] == 'X') {
		base, digits = 16, digits[1:]
	}
	v, err := strconv.ParseUint(digits, base, 32)
	if err != nil || digits == "" || digits[0] == '+' {
		return append(b, '&'), 1
	}
	r := rune(v)
	switch {
	case r == '\n' || r == '\r':
		r = ' '
	case r == 0 || !utf8.ValidRune(r) || (r < 0x20 && text.IsControl(byte(r))):
		r = utf8.RuneError // as the control character itself reads (text.Decode)
	}
	return utf8.AppendRune(b, r), end + 1
}

// parseVTTTiming parses "start --> end [settings]" read on line num; of
// the cue settings, those that place the cue are read (see
// parsePlacement).
func parseVTTTiming(line string, num int, o text.Source) (caption.Cue, error) {
	bad := func(off int, format string, args ...any) (caption.Cue, error) {
		return caption.Cue{}, text.Errorf(caption.Position{File: o.File, Line: num, Col: utf8.RuneCountInString(line[:off]) + 1},
			caption.ErrBadTimestamp, format, args...)
	}
	i := text.SkipSpace(line, 0)
	start, j, msg := parseVTTTime(line, i)
	if msg != "" {
		return bad(i, "%.60q: %s: expected %s", line, msg, vttTiming)
	}
	j = text.SkipSpace(line, j)
	if !strings.HasPrefix(line[j:], "-->") {
		return bad(j, "%.60q: expected \"-->\" after the start time (%s)", line, vttTiming)
	}
	k := text.SkipSpace(line, j+3)
	// What follows the end time is cue settings, even without white space
	// before it (the W3C rules).
	end, rest, msg := parseVTTTime(line, k)
	if msg != "" {
		return bad(k, "%.60q: %s: expected %s", line, msg, vttTiming)
	}
	if end < start {
		return bad(k, "end %s is before start %s: expected end >= start", text.FormatClock(end), text.FormatClock(start))
	}
	return caption.Cue{Start: start, End: end, Placement: parsePlacement(line[rest:])}, nil
}

// parseVTTTime parses a WebVTT timestamp at s[i:] by the specification's
// rules: [hours:]MM:SS.mmm, where hours take one or more digits, minutes
// and seconds exactly two digits below 60, and milliseconds exactly three.
// It returns the time, the offset after it, and what is wrong ("" if ok).
func parseVTTTime(s string, i int) (time.Duration, int, string) {
	digits := func() (int, int) {
		start, v := i, 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			if i-start < 7 {
				v = v*10 + int(s[i]-'0')
			}
			i++
		}
		return v, i - start
	}
	v1, n1 := digits()
	if n1 == 0 {
		return 0, i, "no digits"
	}
	if n1 > 7 {
		return 0, i, "too many hours"
	}
	hours := n1 != 2 || v1 > 59
	if i >= len(s) || s[i] != ':' {
		return 0, i, "expected \":\""
	}
	i++
	v2, n2 := digits()
	if n2 != 2 {
		return 0, i, "minutes and seconds need two digits"
	}
	var v3 int
	if hours || (i < len(s) && s[i] == ':') {
		if i >= len(s) || s[i] != ':' {
			return 0, i, "expected \":\" before the seconds"
		}
		i++
		var n3 int
		if v3, n3 = digits(); n3 != 2 {
			return 0, i, "minutes and seconds need two digits"
		}
	} else {
		v1, v2, v3 = 0, v1, v2
	}
	if i >= len(s) || s[i] != '.' {
		return 0, i, "expected \".\" and three digits of milliseconds"
	}
	i++
	v4, n4 := digits()
	if n4 != 3 {
		return 0, i, "milliseconds need exactly three digits"
	}
	if v2 > 59 || v3 > 59 {
		return 0, i, "minutes and seconds must be below 60"
	}
	if v1 >= caption.MaxHours {
		return 0, i, hoursOutOfRange
	}
	return time.Duration(v1)*time.Hour + time.Duration(v2)*time.Minute +
		time.Duration(v3)*time.Second + time.Duration(v4)*time.Millisecond, i, ""
}

// hoursOutOfRange says why a time past caption.MaxHours is refused.
var hoursOutOfRange = "out of range: expected fewer than " + strconv.Itoa(caption.MaxHours) + " hours"

// Append appends d written as WebVTT to b: the "WEBVTT" line, a STYLE
// block defining a class for each colour used (see appendStyleBlock), a
// NOTE block with the title when there is one, then each cue with its
// identifier (left out when it holds "-->" or a line break, which would
// end it), its times rounded to the millisecond, the settings of its
// placement (see appendSettings) and its lines. Text is escaped (&amp;
// &lt; &gt;), so "-->" never appears in it. A run of consecutive lines
// with the same speaker is one voice span, <v Name> at the start of its
// first line and </v> at the end of its last; voice spans are never
// nested. Inside it come the label or dash o.Speakers shows, then the
// spans in <c.classes>, <i>, <b>, <u> and <ruby> elements, all closed at
// the end of the line (see appendRuns). Text that Read would take for a
// dash or a label starts with a numeric character reference. Losses: a line
// without text or speaker is left out (a blank line ends a cue), line
// breaks inside a text, name or title become spaces, class names holding
// ".", "<" or ">" and colours that are not #rrggbb or #rrggbbaa are not
// written, nor is a ruby annotation without base text.
func Append(b []byte, d *caption.Document, o WriteOptions) ([]byte, error) {
	// Grow b once: times take 32 bytes, a voice span its name and seven
	// more; escapes are rare and covered by the slack.
	size := 16 + len(d.Title)
	for _, c := range d.Cues {
		size += 32 + len(c.ID)
		for _, l := range c.Lines {
			size += len(l.Text) + 1
			if l.Speaker != "" {
				size += len(l.Speaker) + 7
			}
		}
	}
	b = slices.Grow(b, o.Sink.Size(size+size/32))
	b = append(b, "WEBVTT\n\n"...)
	b = appendStyleBlock(b, d)
	if t := strings.ReplaceAll(d.Title, "-->", "->"); strings.TrimSpace(t) != "" {
		b = append(b, "NOTE "...)
		b = text.AppendOneLine(b, t)
		b = append(b, "\n\n"...)
	}
	show := labels.NewShower(o.Speakers)
	if o.Speakers == "" {
		show = labels.NewShower(labels.None)
	}
	var prefixes []string
	for _, c := range d.Cues {
		if c.ID != "" && !strings.Contains(c.ID, "-->") && !strings.ContainsAny(c.ID, "\r\n") {
			b = append(b, c.ID...)
			b = append(b, '\n')
		}
		b = text.AppendClock(b, c.Start, '.')
		b = append(b, " --> "...)
		b = text.AppendClock(b, c.End, '.')
		b = appendSettings(b, c.Placement)
		b = append(b, '\n')
		prefixes = show.Prefixes(prefixes, c.Lines)
		b = appendVTTLines(b, c.Lines, prefixes)
		b = append(b, '\n')
		b = o.Sink.Spill(b)
	}
	return b, nil
}

// WriteOptions tune Append.
type WriteOptions struct {
	// Speakers is how speakers are shown in the text, beside the <v>
	// voices browsers do not show (see labels.Shower); "" shows none
	// but dialogue dashes.
	Speakers labels.Style
	// Sink, when set, takes the output as it is rendered (see text.Sink).
	Sink *text.Sink
}

// appendVTTLines appends the text lines of a cue with their voice spans.
// A line without text gets a span of its own, "<v Name></v>", so that it
// is never an empty line.
func appendVTTLines(b []byte, lines []caption.Line, prefixes []string) []byte {
	for i, l := range lines {
		if l.Text == "" && voiceLabel(l.Speaker) == "" {
			// Write only the lines that leave a non-empty line of text.
			kept := append([]caption.Line(nil), lines[:i]...)
			keptPrefixes := append([]string(nil), prefixes[:i]...)
			for j, l := range lines[i:] {
				if l.Text != "" || voiceLabel(l.Speaker) != "" {
					kept = append(kept, l)
					keptPrefixes = append(keptPrefixes, prefixes[i+j])
				}
			}
			lines, prefixes = kept, keptPrefixes
			break
		}
	}
	voiced := slices.ContainsFunc(lines, func(l caption.Line) bool { return voiceLabel(l.Speaker) != "" })
	for i, l := range lines {
		name := voiceLabel(l.Speaker)
		opens := name != "" && !sameVoice(lines, i, i-1, name)
		if opens {
			b = append(b, "<v "...)
			b = appendEscaped(b, name)
			b = append(b, '>')
		}
		b = appendEscaped(b, prefixes[i])
		if esc := escapeFirst(prefixes[i], l.Text, name, opens, voiced); l.Spans == nil && !esc {
			b = appendEscaped(b, l.Text) // plain text: no elements to open
		} else {
			b = appendRuns(b, l.Runs(), esc)
		}
		if name != "" && !sameVoice(lines, i, i+1, name) {
			b = append(b, "</v>"...)
		}
		b = append(b, '\n')
	}
	return b
}

// sameVoice reports whether lines[j] continues the voice span of lines[i],
// whose voice is name. Lines without text stand alone.
func sameVoice(lines []caption.Line, i, j int, name string) bool {
	return j >= 0 && j < len(lines) && lines[i].Text != "" && lines[j].Text != "" &&
		voiceLabel(lines[j].Speaker) == name
}

// voiceLabel returns the name a voice span carries for speaker: on one
// line and trimmed, "" when nothing is left.
func voiceLabel(speaker string) string {
	if speaker == "" {
		return ""
	}
	if strings.IndexByte(speaker, '\n') >= 0 || strings.IndexByte(speaker, '\r') >= 0 {
		speaker = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ").Replace(speaker)
	}
	return strings.TrimSpace(speaker)
}

// appendEscaped appends s escaped for WebVTT cue text, line breaks turned
// into spaces.
func appendEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\n', '\r':
			esc = " "
		default:
			continue
		}
		b = append(b, s[last:i]...)
		b = append(b, esc...)
		last = i + 1
	}
	return append(b, s[last:]...)
}

// Sniff reports whether head, the decoded start of a file, opens with the
// WebVTT signature.
func Sniff(head []byte) bool {
	head = bytes.TrimLeft(head, " \t\r\n")
	return bytes.HasPrefix(head, []byte("WEBVTT")) &&
		(len(head) == 6 || head[6] == ' ' || head[6] == '\t' || head[6] == '\r' || head[6] == '\n')
}
