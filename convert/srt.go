package convert

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// SRT is read and written by hand rather than through astisub: it is the
// hot path of most conversions, and astisub's reader runs an HTML tokenizer
// over every line (about 165 times the input in allocations). The reader
// below converts the input to a string once, keeps every cue line as a
// substring of it and shares one backing array of Lines between all cues.

// srtTiming is what the SRT reader and its errors ask for.
const srtTiming = "HH:MM:SS,mmm --> HH:MM:SS,mmm"

// lineScanner walks text line by line. Lines are substrings of the input;
// a trailing CR is dropped so CRLF input needs no copy (lone CRs are
// rewritten by newLineScanner before scanning).
type lineScanner struct {
	s    string
	pos  int
	line int // 1-based number of the line last returned
}

// newLineScanner prepares s, already free of its BOM, for scanning. Input
// with lone CR line endings (classic Mac) is copied once with LF endings;
// LF and CRLF input is scanned in place.
func newLineScanner(s string) *lineScanner {
	for i := strings.IndexByte(s, '\r'); i >= 0; {
		if i+1 >= len(s) || s[i+1] != '\n' {
			s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
			break
		}
		j := strings.IndexByte(s[i+1:], '\r')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return &lineScanner{s: s}
}

// next returns the next line without its terminator.
func (sc *lineScanner) next() (string, bool) {
	if sc.pos >= len(sc.s) {
		return "", false
	}
	rest := sc.s[sc.pos:]
	i := strings.IndexByte(rest, '\n')
	if i < 0 {
		i = len(rest)
		sc.pos = len(sc.s)
	} else {
		sc.pos += i + 1
	}
	sc.line++
	line := rest[:i]
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	return line, true
}

// peek returns the next line without consuming it.
func (sc *lineScanner) peek() (string, bool) {
	saved := *sc
	line, ok := sc.next()
	*sc = saved
	return line, ok
}

// readSRT reads SubRip as found in the wild. It accepts a BOM; LF, CRLF
// and CR line endings; missing cue numbers; extra blank lines; "." for ","
// before the milliseconds, times without milliseconds or with one or two
// digits (",04" is 40 ms) and without hours; coordinates or other text
// after the end time; and cues not separated by a blank line. Trailing
// spaces are trimmed from text lines.
//
// Text is kept as written: tags such as <i> or {\an8} and speaker labels
// stay in Line.Text (Read then applies ReadOptions.Labels).
// A text block after a blank line that is neither a cue number nor a
// timing line is taken as more text of the cue before it, with a warning.
// Cues out of Start order are sorted, with a warning.
func readSRT(data []byte, o ReadOptions) (*Document, error) {
	s, err := decodeBytes(data, o)
	if err != nil {
		return nil, err
	}
	sc := newLineScanner(s)
	// Every cue has a timing line, so counting arrows sizes the cue slice
	// once; a cue usually holds one or two lines.
	n := strings.Count(sc.s, "-->")
	doc := &Document{Cues: make([]Cue, 0, n)}
	lines := make([]Line, 0, 2*n+1)
	first := 0        // index in lines of the current cue's first line
	inCue := false    // a timing line was read and no blank line since
	afterGap := false // a blank line ended a cue
	sorted := true
	finish := func() {
		if len(doc.Cues) > 0 {
			doc.Cues[len(doc.Cues)-1].Lines = lines[first:len(lines):len(lines)]
		}
		first = len(lines)
	}
	for {
		line, ok := sc.next()
		if !ok {
			break
		}
		line = strings.TrimRight(line, " \t")
		if line == "" {
			inCue = false
			afterGap = len(doc.Cues) > 0
			continue
		}
		timing, num := line, sc.line
		switch {
		case looksLikeTiming(line):
		case isDigits(line) && nextIsTiming(sc):
			timing, _ = sc.next()
			num = sc.line
		case inCue:
			lines = append(lines, Line{Text: line})
			continue
		case isDigits(line):
			return nil, errorf(Position{File: o.File, Line: num + 1, Col: 1}, ErrBadTimestamp,
				"cue %s has no timing line: expected %s", line, srtTiming)
		case afterGap:
			o.warn(num, "text after a blank line taken as more text of the cue before it")
			lines = append(lines, Line{Text: line})
			inCue = true
			continue
		default:
			return nil, errorf(Position{File: o.File, Line: num, Col: 1}, ErrSyntax,
				"unexpected text: expected a cue number or %s", srtTiming)
		}
		c, err := parseSRTTiming(strings.TrimRight(timing, " \t"), num, o)
		if err != nil {
			if inCue && timing == line {
				// "10 --> 20 km" inside a cue is text, not a broken cue.
				lines = append(lines, Line{Text: line})
				continue
			}
			return nil, err
		}
		finish()
		if k := len(doc.Cues); k > 0 && c.Start < doc.Cues[k-1].Start {
			sorted = false
		}
		doc.Cues = append(doc.Cues, c)
		inCue, afterGap = true, false
	}
	finish()
	if len(doc.Cues) == 0 {
		return nil, errorf(o.pos(max(1, sc.line)), ErrNoContent, "no cue found: expected %s", srtTiming)
	}
	if !sorted {
		o.warn(0, "cues are not in start order: sorted them")
		sort.SliceStable(doc.Cues, func(i, j int) bool { return doc.Cues[i].Start < doc.Cues[j].Start })
	}
	return doc, nil
}

// looksLikeTiming reports whether line is meant as a timing line: it starts
// with a digit and holds an arrow. A text line such as "A --> B" is text.
func looksLikeTiming(line string) bool {
	line = line[skipSpace(line, 0):]
	return line != "" && line[0] >= '0' && line[0] <= '9' && strings.Contains(line, "-->")
}

// nextIsTiming reports whether the line after the scanner's position is a
// timing line, which makes the current line a cue number.
func nextIsTiming(sc *lineScanner) bool {
	next, ok := sc.peek()
	return ok && looksLikeTiming(next)
}

// isDigits reports whether s is a non-empty run of ASCII digits.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// parseSRTTiming parses "start --> end [anything]" read on line num.
func parseSRTTiming(line string, num int, o ReadOptions) (Cue, error) {
	bad := func(off int, format string, args ...any) (Cue, error) {
		return Cue{}, errorf(Position{File: o.File, Line: num, Col: utf8.RuneCountInString(line[:off]) + 1},
			ErrBadTimestamp, format, args...)
	}
	i := skipSpace(line, 0)
	start, j, ok := parseSRTTime(line, i)
	if !ok || (j < len(line) && line[j] != ' ' && line[j] != '\t' && line[j] != '-') {
		return bad(i, "%q: expected %s", line, srtTiming)
	}
	j = skipSpace(line, j)
	if !strings.HasPrefix(line[j:], "-->") {
		return bad(j, "%q: expected \"-->\" after the start time (%s)", line, srtTiming)
	}
	k := skipSpace(line, j+3)
	end, m, ok := parseSRTTime(line, k)
	if !ok || (m < len(line) && line[m] != ' ' && line[m] != '\t') {
		return bad(k, "%q: expected an end time (%s)", line, srtTiming)
	}
	if end < start {
		return bad(k, "end %s is before start %s: expected end >= start", fmtClock(end), fmtClock(start))
	}
	return Cue{Start: start, End: end}, nil
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// parseSRTTime parses [H…:]MM:SS[(,|.)f…] at s[i:] and returns the time
// and the offset after it. Hours take up to six digits (no overflow);
// minutes and seconds take two digits below 60; the fraction takes up to
// nine digits.
func parseSRTTime(s string, i int) (time.Duration, int, bool) {
	var f [3]int
	n := 0
	for n < 3 {
		start := i
		v := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' && i-start < 6 {
			v = v*10 + int(s[i]-'0')
			i++
		}
		if i == start || (n > 0 && i-start != 2) {
			return 0, i, false
		}
		f[n] = v
		n++
		if i < len(s) && s[i] == ':' {
			i++
			continue
		}
		break
	}
	if n < 2 {
		return 0, i, false
	}
	h, m, sec := 0, f[0], f[1]
	if n == 3 {
		h, m, sec = f[0], f[1], f[2]
	}
	if m > 59 || sec > 59 || (n == 2 && h > 0) {
		return 0, i, false
	}
	d := time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(sec)*time.Second
	if i < len(s) && (s[i] == ',' || s[i] == '.') {
		i++
		start := i
		scale := time.Second
		for i < len(s) && s[i] >= '0' && s[i] <= '9' && i-start < 9 {
			scale /= 10
			d += time.Duration(s[i]-'0') * scale
			i++
		}
		if i == start {
			return 0, i, false
		}
	}
	if i < len(s) && s[i] >= '0' && s[i] <= '9' {
		return 0, i, false
	}
	return d, i, true
}

// appendSRT appends d's cues written as SubRip to b: cues numbered from 1, times rounded
// to the millisecond, a blank line after each cue and LF line endings.
//
// No byte order mark is written: most tools accept SRT with or without
// one, and some older players show a BOM as a stray character. Text is not
// escaped ("&" stays literal) because SRT has no escaping.
//
// SRT has no speaker field, so speakers travel as labels in the style
// o.SRTLabels: a label before the first line of a cue whose speaker
// differs from the previous cue's, not on every cue of a turn. A cue whose
// lines have two or more speakers is a dialogue cue: the first line of
// each speaker starts with "-" (Netflix style, no space) and the label. Losses: a line without text
// cannot be written (a blank line ends a cue) and is left out; line
// breaks inside a text or a name become spaces; a change back to an
// unknown speaker cannot be labelled.
func appendSRT(b []byte, d *Document, o WriteOptions) ([]byte, error) {
	style := o.SRTLabels
	if style == "" {
		style = LabelName
	}
	// Grow b once: the cue number and times take at most 40 bytes, a label
	// its name and four more (upper case may take more bytes; rare).
	size := 0
	for _, c := range d.Cues {
		size += 40
		for _, l := range c.Lines {
			size += len(l.Text) + 1
			if l.Speaker != "" {
				size += len(l.Speaker) + 4
			}
		}
	}
	b = slices.Grow(b, size+size/32)
	prev := ""
	for i, c := range d.Cues {
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, '\n')
		b = appendClock(b, c.Start, ',')
		b = append(b, " --> "...)
		b = appendClock(b, c.End, ',')
		b = append(b, '\n')
		dialogue := isDialogue(c.Lines)
		labelled := false
		for _, l := range c.Lines {
			if isBlank(l.Text) {
				continue
			}
			switch {
			case dialogue && (!labelled || l.Speaker != prev):
				// Each speaker's first line in a dialogue cue starts with
				// a dash and its label, so that a dash without a label
				// reads as another, unknown speaker.
				b = append(b, '-')
				if style != LabelDash {
					b = appendOneLine(b, style.Label(l.Speaker))
				}
			case !dialogue && !labelled && l.Speaker != prev:
				b = appendOneLine(b, style.Label(l.Speaker))
			}
			labelled = true
			prev = l.Speaker
			b = appendOneLine(b, l.Text)
			b = append(b, '\n')
		}
		b = append(b, '\n')
	}
	return b, nil
}

// isDialogue reports whether the written lines of a cue have two or more
// speakers (counting "" as one).
func isDialogue(lines []Line) bool {
	first, seen := "", false
	for _, l := range lines {
		if isBlank(l.Text) {
			continue
		}
		if !seen {
			first, seen = l.Speaker, true
		} else if l.Speaker != first {
			return true
		}
	}
	return false
}

// isBlank reports whether s would read back as a blank line.
func isBlank(s string) bool { return strings.TrimLeft(s, " \t\r\n") == "" }

// appendOneLine appends s with each CR or LF replaced by a space, so text
// never breaks the block structure of a line-based format.
func appendOneLine(b []byte, s string) []byte {
	if strings.IndexByte(s, '\n') < 0 && strings.IndexByte(s, '\r') < 0 {
		return append(b, s...)
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\n' || c == '\r' {
			b = append(b, ' ')
		} else {
			b = append(b, c)
		}
	}
	return b
}

// appendClock appends d as HH:MM:SS<sep>mmm, rounded to the millisecond;
// hours take more digits when needed and negative times are written as 0.
func appendClock(b []byte, d time.Duration, sep byte) []byte {
	ms := max(d, 0).Round(time.Millisecond).Milliseconds()
	h := ms / 3600000
	if h < 10 {
		b = append(b, '0')
	}
	b = strconv.AppendInt(b, h, 10)
	m, s, f := ms/60000%60, ms/1000%60, ms%1000
	return append(b, ':', byte('0'+m/10), byte('0'+m%10), ':', byte('0'+s/10), byte('0'+s%10), sep,
		byte('0'+f/100), byte('0'+f/10%10), byte('0'+f%10))
}
