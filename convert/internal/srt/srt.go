// Package srt reads and writes SubRip (.srt): numbered cues, times to the
// millisecond, and text with the markup players honour. SRT has no
// speaker field: the writer puts a label at each change of speaker in the
// style it is given, and labels in the text are read back by package
// labels.
//
// What SRT keeps: italics, bold, underline and colour (<i>, <b>, <u>,
// <font color="#rrggbb">), and a cue's placement as the {\anN} override
// that players borrow from ASS. What it loses: times below the
// millisecond, WebVTT classes, ruby annotations (the base text stays), a
// colour's alpha, cue identifiers, and line breaks inside a line's text.
package srt

import (
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

// SRT is read and written by hand rather than through astisub: it is the
// hot path of most conversions, and astisub's reader runs an HTML tokenizer
// over every line (about 165 times the input in allocations). The reader
// below converts the input to a string once, keeps every cue line as a
// substring of it and shares one backing array of Lines between all cues.

// srtTiming is what the SRT reader and its errors ask for.
const srtTiming = "HH:MM:SS,mmm --> HH:MM:SS,mmm"

// Read reads SubRip as found in the wild. It accepts a BOM; LF, CRLF
// and CR line endings; missing cue numbers; extra blank lines; "." for ","
// before the milliseconds, times without milliseconds or with one or two
// digits (",04" is 40 ms) and without hours; coordinates or other text
// after the end time; and cues not separated by a blank line. Trailing
// spaces are trimmed from text lines.
//
// Markup is read as players show it: <i>, <b>, <u> and <font color>
// (a CSS name, #RGB or #RRGGBB) in any case become the styles of the
// line's spans; a tag stays open over the following lines of its cue and
// ends with the cue; a closing tag that closes nothing is dropped. A "<"
// that opens no such tag is text ("<inaudible>", "I <3 you"). The first
// {\anN} (or SSA's {\aN}) anywhere in a cue is its placement; every
// block that starts "{\" is removed, a "{" that does not stays. A line
// left without text once its markup is out is no line. Dialogue dashes
// and speaker labels stay in Line.Text, for package labels to read (Read
// then applies ReadOptions.Labels).
//
// What Append rewrites is read as Append writes it: a word joiner
// (U+2060) after "<" or "{" is dropped, C0 control characters but the
// tab become U+FFFD, with a warning, and "-->" in text becomes "->".
// A text block after a blank line that is neither a cue number nor a
// timing line is taken as more text of the cue before it, with a warning.
// Cues out of Start order are sorted, with a warning.
func Read(data []byte, o text.Source) (*caption.Document, error) {
	s, err := text.Decode(data, o)
	if err != nil {
		return nil, err
	}
	sc := text.NewScanner(s)
	// Every cue has a timing line, so counting arrows sizes the cue slice
	// once; a cue usually holds one or two lines.
	n := strings.Count(sc.Text(), "-->")
	doc := &caption.Document{Cues: make([]caption.Cue, 0, n)}
	lines := make([]caption.Line, 0, 2*n+1)
	first := 0        // index in lines of the current cue's first line
	inCue := false    // a timing line was read and no blank line since
	afterGap := false // a blank line ended a cue
	sorted := true
	var m markup // the styling open in the current cue
	addLine := func(line string) {
		if l, ok := m.line(readText(line), &doc.Cues[len(doc.Cues)-1]); ok {
			lines = append(lines, l)
		}
	}
	finish := func() {
		if len(doc.Cues) > 0 {
			doc.Cues[len(doc.Cues)-1].Lines = lines[first:len(lines):len(lines)]
		}
		first = len(lines)
	}
	for {
		line, ok := sc.Next()
		if !ok {
			break
		}
		line = strings.TrimRight(line, " \t")
		if line == "" {
			inCue = false
			afterGap = len(doc.Cues) > 0
			continue
		}
		timing, num := line, sc.Line()
		switch {
		case looksLikeTiming(line):
		case text.IsDigits(line) && nextIsTiming(sc):
			timing, _ = sc.Next()
			num = sc.Line()
		case inCue:
			addLine(line)
			continue
		case text.IsDigits(line):
			return nil, text.Errorf(caption.Position{File: o.File, Line: num + 1, Col: 1}, caption.ErrBadTimestamp,
				"cue %s has no timing line: expected %s", line, srtTiming)
		case afterGap:
			o.Warnf(num, "text after a blank line taken as more text of the cue before it")
			addLine(line)
			inCue = true
			continue
		default:
			return nil, text.Errorf(caption.Position{File: o.File, Line: num, Col: 1}, caption.ErrSyntax,
				"unexpected text: expected a cue number or %s", srtTiming)
		}
		c, err := parseSRTTiming(strings.TrimRight(timing, " \t"), num, o)
		if err != nil {
			if inCue && timing == line {
				// "10 --> 20 km" inside a cue is text, not a broken cue.
				addLine(line)
				continue
			}
			return nil, err
		}
		finish()
		if k := len(doc.Cues); k > 0 && c.Start < doc.Cues[k-1].Start {
			sorted = false
		}
		doc.Cues = append(doc.Cues, c)
		m.reset()
		inCue, afterGap = true, false
	}
	finish()
	if len(doc.Cues) == 0 {
		return nil, text.Errorf(o.Pos(max(1, sc.Line())), caption.ErrNoContent, "no cue found: expected %s", srtTiming)
	}
	if !sorted {
		o.Warnf(0, "cues are not in start order: sorted them")
		sort.SliceStable(doc.Cues, func(i, j int) bool { return doc.Cues[i].Start < doc.Cues[j].Start })
	}
	return doc, nil
}

// readText returns line, a text line, as Append would write it: a run
// of hyphens before ">" made one, so that what Read reads, Append writes
// unchanged. Control characters are gone already: text.Decode replaced
// them, with a warning.
func readText(line string) string {
	if !needsSafety([]byte(line)) {
		return line
	}
	return string(appendSafeLine(nil, []byte(line)))
}

// isControl reports whether r is a C0 control character other than the
// tab, which SRT text does not carry.
func isControl(r rune) bool { return r < 0x20 && r != '\t' }

// looksLikeTiming reports whether line is meant as a timing line: it starts
// with a digit and holds an arrow. A text line such as "A --> B" is text.
func looksLikeTiming(line string) bool {
	line = line[text.SkipSpace(line, 0):]
	if negativeTime(line) {
		return true // a timing line, wrong: parseSRTTiming says how
	}
	return line != "" && line[0] >= '0' && line[0] <= '9' && strings.Contains(line, "-->")
}

// negativeTime reports whether s starts with a negative time, "-00:00:01"
// or "-1:02", as some tools write a time before 0.
func negativeTime(s string) bool {
	i := 1
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return len(s) > 1 && s[0] == '-' && i > 1 && i < len(s) && s[i] == ':' && strings.Contains(s, "-->")
}

// startsWithPaddedTime reports whether a timing line that opens a file
// starts as SRT's do, "00:00:01,000" or "0:00:01.000", not as a
// transcript's unpadded range ("0:0:0.0 --> 0:0:5.460", Microsoft Teams).
func startsWithPaddedTime(line string) bool {
	clock, _, _ := strings.Cut(line, "-->")
	clock = strings.TrimSpace(clock)
	whole, _, _ := strings.Cut(strings.ReplaceAll(clock, ",", "."), ".")
	parts := strings.Split(whole, ":")
	for _, p := range parts[1:] {
		if len(p) != 2 {
			return false
		}
	}
	return len(parts) >= 2
}

// nextIsTiming reports whether the line after the scanner's position is a
// timing line, which makes the current line a cue number.
func nextIsTiming(sc *text.Scanner) bool {
	next, ok := sc.Peek()
	return ok && looksLikeTiming(next)
}

// parseSRTTiming parses "start --> end [anything]" read on line num.
func parseSRTTiming(line string, num int, o text.Source) (caption.Cue, error) {
	bad := func(off int, format string, args ...any) (caption.Cue, error) {
		return caption.Cue{}, text.Errorf(caption.Position{File: o.File, Line: num, Col: utf8.RuneCountInString(line[:off]) + 1},
			caption.ErrBadTimestamp, format, args...)
	}
	i := text.SkipSpace(line, 0)
	if negativeTime(line[i:]) {
		return bad(i, "%q: the start is before 0: SRT times cannot be negative (%s)", line, srtTiming)
	}
	start, j, ok := parseSRTTime(line, i)
	if !ok || (j < len(line) && line[j] != ' ' && line[j] != '\t' && line[j] != '-') {
		return bad(i, "%q: expected %s", line, srtTiming)
	}
	j = text.SkipSpace(line, j)
	if !strings.HasPrefix(line[j:], "-->") {
		return bad(j, "%q: expected \"-->\" after the start time (%s)", line, srtTiming)
	}
	k := text.SkipSpace(line, j+3)
	if strings.HasPrefix(line[k:], "-") && k+1 < len(line) && line[k+1] >= '0' && line[k+1] <= '9' {
		return bad(k, "%q: the end is before 0: SRT times cannot be negative (%s)", line, srtTiming)
	}
	end, m, ok := parseSRTTime(line, k)
	if !ok || (m < len(line) && line[m] != ' ' && line[m] != '\t') {
		return bad(k, "%q: expected an end time (%s)", line, srtTiming)
	}
	if end < start {
		return bad(k, "end %s is before start %s: expected end >= start", text.FormatClock(end), text.FormatClock(start))
	}
	return caption.Cue{Start: start, End: end}, nil
}

// parseSRTTime parses [H…:]MM:SS[(,|.)f…] at s[i:] and returns the time
// and the offset after it. Hours take up to six digits, below
// caption.MaxHours; minutes and seconds take two digits below 60; the
// fraction takes up to nine digits.
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
	if m > 59 || sec > 59 || (n == 2 && h > 0) || h >= caption.MaxHours {
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

// Append appends d's cues written as SubRip to b: cues numbered from 1, times rounded
// to the millisecond, a blank line after each cue and LF line endings.
//
// No byte order mark is written: most tools accept SRT with or without
// one, and some older players show a BOM as a stray character. Text is not
// escaped ("&" stays literal) because SRT has no escaping; where a "<" of
// text would open a tag Read knows ("<i>") or a "{" an override block
// ("{\an8}"), a word joiner (U+2060) goes after it: it is invisible, unlike
// "< i>", and Read drops it, so the text reads back as it was.
//
// Spans are written as nested tags, a colour's <font> outermost, each
// closed at the end of its line and opened again on the next; a cue placed
// elsewhere than bottom centre starts with {\anN} (alone on a line when the
// cue has no text). Classes, ruby annotations (the base text is written)
// and a colour's alpha are not written.
//
// SRT has no speaker field, so speakers travel as labels in the style
// style, as labels.Shower places them: a label before the first line of
// a cue whose speaker differs from the previous cue's, not on every cue of
// a turn, and in a dialogue cue "- " and the label before each speaker's
// first line (and a dash before every line the source dashed). Losses: a line without text
// cannot be written (a blank line ends a cue) and is left out; line
// breaks inside a text or a name become spaces; "-->" (any run of
// hyphens before ">") is written "->", so that no text line reads as a
// timing line; other C0 control characters than the tab become U+FFFD,
// which Read reads back as it is; a change back to an unknown speaker
// cannot be labelled.
func Append(b []byte, d *caption.Document, style labels.Style) ([]byte, error) {
	return AppendTo(b, d, style, nil)
}

// AppendTo is Append handing its output to sink as it goes (see
// text.Sink); it returns what sink has not taken yet.
func AppendTo(b []byte, d *caption.Document, style labels.Style, sink *text.Sink) ([]byte, error) {
	if style == "" {
		style = labels.Name
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
	b = slices.Grow(b, sink.Size(size+size/32))
	show := labels.NewShower(style)
	var prefixes []string
	for i, c := range d.Cues {
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, '\n')
		b = text.AppendClock(b, c.Start, ',')
		b = append(b, " --> "...)
		b = text.AppendClock(b, c.End, ',')
		b = append(b, '\n')
		prefixes = show.Prefixes(prefixes, c.Lines)
		placed := c.Placement.Numpad() == 2 // bottom centre goes without saying
		for j, l := range c.Lines {
			if text.IsBlank(l.Text) {
				continue
			}
			start := len(b)
			if !placed {
				b = appendPlacement(b, c.Placement)
				placed = true
			}
			b = appendStyled(b, prefixes[j], l.Runs())
			b = appendSafeLine(b[:start], b[start:])
			b = append(b, '\n')
		}
		if !placed {
			// A cue without text keeps its place on a line of its own,
			// which Read reads as no line.
			b = append(appendPlacement(b, c.Placement), '\n')
		}
		b = append(b, '\n')
		b = sink.Spill(b)
	}
	return b, nil
}

// appendPlacement appends p as the ASS override {\anN} that SRT players
// follow.
func appendPlacement(b []byte, p caption.Placement) []byte {
	return append(b, '{', '\\', 'a', 'n', byte('0'+p.Numpad()), '}')
}

// appendSafeLine appends line, one line of cue text as written, to b with
// what would make a reader misread it rewritten: a run of two or more
// hyphens before ">" becomes one ("-->" is written "->"), since a line
// holding "-->" is a timing line to most SRT readers, and each C0 control
// character other than a tab becomes U+FFFD, since readers (capconv's
// among them) take text full of controls for binary data. line may share
// b's memory past len(b).
func appendSafeLine(b []byte, line []byte) []byte {
	if !needsSafety(line) {
		return append(b, line...)
	}
	line = append([]byte(nil), line...) // b may overwrite it
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c == '-' && i+1 < len(line) && line[i+1] == '-':
			j := i
			for j < len(line) && line[j] == '-' {
				j++
			}
			if j < len(line) && line[j] == '>' {
				b = append(b, '-')
			} else {
				b = append(b, line[i:j]...)
			}
			i = j - 1
		case isControl(rune(c)):
			b = utf8.AppendRune(b, utf8.RuneError)
		default:
			b = append(b, c)
		}
	}
	return b
}

// needsSafety reports whether line holds what appendSafeLine rewrites.
func needsSafety(line []byte) bool {
	for i, c := range line {
		if isControl(rune(c)) || (c == '-' && i+2 < len(line) && line[i+1] == '-' && line[i+2] == '>') {
			return true
		}
	}
	return false
}

// Sniff reports whether the first non-blank line of head, the decoded
// start of a file, is a cue number followed by a timing line, or a timing
// line. SRT has no signature: this is a guess, for files whose name says
// nothing better.
func Sniff(head []byte) bool {
	sc := text.NewScanner(string(head))
	for {
		line, ok := sc.Next()
		if !ok {
			return false
		}
		if text.IsBlank(line) {
			continue
		}
		line = strings.Trim(line, " \t")
		if looksLikeTiming(line) {
			return startsWithPaddedTime(line)
		}
		next, _ := sc.Next()
		return text.IsDigits(line) && looksLikeTiming(strings.Trim(next, " \t"))
	}
}
