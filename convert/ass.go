package convert

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// ASS and SSA are read and written by hand rather than through astisub,
// whose v0.39.0 SSA code loses what capconv needs: it splits lines on the
// soft break "\n" and writes "\n" (shown as a space by libass unless
// WrapStyle is 2) instead of the hard break "\N", keeps one Name per event
// from the last line, reports errors without a line, and logs unknown
// sections through the standard logger.

// assHeader is everything a written file has before its events: a 1080p
// script with one bottom-centred style (alignment 2) and the margins of a
// 10% title-safe area.
const assHeader = `[V4+ Styles]
Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding
Style: Default,Arial,54,&H00FFFFFF,&H000000FF,&H00000000,&H80000000,0,0,0,0,100,100,0,0,1,2,1,2,192,192,54,1

[Events]
Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
`

// appendASS appends d as Advanced SubStation Alpha (v4.00+). Each cue is a
// Dialogue event whose Name field is the speaker; a cue with several
// speakers becomes one event per run of lines of one speaker, all with
// the cue's times (readASS joins them back). Lines are joined by the hard
// break \N. Times are written in centiseconds, ASS's precision.
//
// ASS has no escaping, so text that would read as markup is altered as
// little as possible: "{" and "}" become "\{" and "\}" (libass shows them
// as braces), a backslash before n, N or h gets a U+2060 WORD JOINER
// after it and U+00A0 is written \h; readASS undoes all three. Losses: times below 10 ms, and line
// breaks inside a text (they become spaces).
func appendASS(b []byte, d *Document, _ WriteOptions) ([]byte, error) {
	b = append(b, "[Script Info]\n; Written by capconv\n"...)
	if t := strings.TrimSpace(d.Title); t != "" {
		b = append(b, "Title: "...)
		b = appendOneLine(b, t)
		b = append(b, '\n')
	}
	b = append(b, "ScriptType: v4.00+\nWrapStyle: 0\nScaledBorderAndShadow: yes\nPlayResX: 1920\nPlayResY: 1080\n\n"...)
	b = append(b, assHeader...)
	for _, c := range d.Cues {
		for _, run := range speakerRuns(c.Lines) {
			b = append(b, "Dialogue: 0,"...)
			b = appendASSTime(b, c.Start)
			b = append(b, ',')
			b = appendASSTime(b, c.End)
			b = append(b, ",Default,"...)
			// The Name field ends at a comma.
			b = appendOneLine(b, strings.ReplaceAll(run[0].Speaker, ",", "\u201A"))
			b = append(b, ",0,0,0,,"...)
			for i, l := range run {
				if i > 0 {
					b = append(b, `\N`...)
				}
				b = appendASSText(b, l.Text)
			}
			b = append(b, '\n')
		}
	}
	return b, nil
}

// speakerRuns splits lines into runs of consecutive lines of one speaker;
// a cue without lines is one empty run, so that it is still written.
func speakerRuns(lines []Line) [][]Line {
	if len(lines) == 0 {
		return [][]Line{{{}}}
	}
	var runs [][]Line
	start := 0
	for i := 1; i <= len(lines); i++ {
		if i == len(lines) || lines[i].Speaker != lines[start].Speaker {
			runs = append(runs, lines[start:i])
			start = i
		}
	}
	return runs
}

// appendASSTime appends d as H:MM:SS.cc, rounded to the centisecond.
func appendASSTime(b []byte, d time.Duration) []byte {
	cs := (max(d, 0) + 5*time.Millisecond) / (10 * time.Millisecond)
	h, m, s, f := cs/360000, cs/6000%60, cs/100%60, cs%100
	b = strconv.AppendInt(b, int64(h), 10)
	return append(b, ':', byte('0'+m/10), byte('0'+m%10), ':', byte('0'+s/10), byte('0'+s%10), '.',
		byte('0'+f/10), byte('0'+f%10))
}

// appendASSText appends one line of text, protected from ASS markup.
func appendASSText(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if strings.HasPrefix(s[i:], "\u00A0") {
			b = append(b, `\h`...) // ASS's own no-break space
			i += len("\u00A0") - 1
			continue
		}
		switch c := s[i]; c {
		case '{', '}':
			b = append(b, '\\', c)
		case '\\':
			b = append(b, c)
			if i+1 < len(s) && (s[i+1] == 'n' || s[i+1] == 'N' || s[i+1] == 'h') {
				b = append(b, "\u2060"...)
			}
		case '\n', '\r':
			b = append(b, ' ')
		default:
			b = append(b, c)
		}
	}
	return b
}

// readASS reads SubStation Alpha (v4) and Advanced SubStation Alpha
// (v4.00+): the Title of [Script Info] and the Dialogue events of
// [Events], whose fields follow that section's Format line (the last
// field, Text, may hold commas). The Name field is the speaker. In Text,
// override blocks {…} are removed, \N and \n break lines, \h is a
// no-break space, and appendASS's escapes are undone. Comment events,
// styles and other sections are skipped. Consecutive events with the
// same times and different speakers become one cue (how appendASS writes
// a dialogue cue). Events are sorted by start time, as players show them.
func readASS(data []byte, o ReadOptions) (*Document, error) {
	s, err := decodeBytes(data, o)
	if err != nil {
		return nil, err
	}
	sc := newLineScanner(s)
	doc := &Document{}
	section := ""
	var fields []string // the [Events] Format line's fields, lower case
	sorted := true
	for {
		raw, ok := sc.next()
		if !ok {
			break
		}
		// Only ASCII space is trimmed: a trailing U+00A0 is text.
		line := strings.Trim(raw, " \t")
		switch {
		case line == "" || line[0] == ';' || strings.HasPrefix(line, "!:"):
			continue
		case line[0] == '[' && line[len(line)-1] == ']':
			section = strings.ToLower(line[1 : len(line)-1])
			continue
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			if section == "events" {
				return nil, errorf(Position{File: o.File, Line: sc.line, Col: 1}, ErrSyntax,
					"%.40q: expected \"Format:\" or \"Dialogue:\"", line)
			}
			continue
		}
		key, value = strings.TrimSpace(key), strings.TrimLeft(value, " ")
		switch {
		case section == "script info" && key == "Title":
			doc.Title = strings.TrimSpace(value)
		case section == "events" && key == "Format":
			fields = strings.Split(strings.ToLower(strings.ReplaceAll(value, " ", "")), ",")
		case section == "events" && key == "Dialogue":
			col := utf8.RuneCountInString(raw[:strings.Index(raw, ":")+1]) + 2
			c, err := parseASSEvent(value, fields, Position{File: o.File, Line: sc.line, Col: col})
			if err != nil {
				return nil, err
			}
			if k := len(doc.Cues); k > 0 {
				prev := &doc.Cues[k-1]
				if prev.Start == c.Start && prev.End == c.End && len(prev.Lines) > 0 && len(c.Lines) > 0 &&
					prev.Lines[len(prev.Lines)-1].Speaker != c.Lines[0].Speaker {
					prev.Lines = append(prev.Lines, c.Lines...)
					continue
				}
				sorted = sorted && c.Start >= prev.Start
			}
			doc.Cues = append(doc.Cues, c)
		}
	}
	if len(doc.Cues) == 0 {
		return nil, errorf(o.pos(max(1, sc.line)), ErrNoContent, "no Dialogue event found in [Events]")
	}
	if !sorted {
		o.warn(0, "events are not in start order: sorted them")
		sortCuesStable(doc.Cues)
	}
	return doc, nil
}

// parseASSEvent parses the fields of a Dialogue line, value starting at pos.
func parseASSEvent(value string, fields []string, pos Position) (Cue, error) {
	if fields == nil {
		return Cue{}, errorf(pos, ErrSyntax, "Dialogue before the Format line of [Events]")
	}
	parts := strings.SplitN(value, ",", len(fields))
	if len(parts) < len(fields) {
		return Cue{}, errorf(pos, ErrSyntax, "%d fields: expected %d (%s)", len(parts), len(fields), strings.Join(fields, ", "))
	}
	var c Cue
	speaker, text := "", ""
	col := pos.Col
	for i, f := range fields {
		v := strings.TrimSpace(parts[i])
		var err error
		switch f {
		case "start":
			c.Start, err = parseASSTime(v)
		case "end":
			c.End, err = parseASSTime(v)
		case "name":
			speaker = strings.ReplaceAll(v, "\u201A", ",")
		case "text":
			text = parts[i]
		}
		if err != nil {
			return Cue{}, errorf(Position{File: pos.File, Line: pos.Line, Col: col}, ErrBadTimestamp,
				"%s %q: %v", f, v, err)
		}
		col += utf8.RuneCountInString(parts[i]) + 1
	}
	if c.End < c.Start {
		return Cue{}, errorf(pos, ErrBadTimestamp, "end %s is before start %s", fmtClock(c.End), fmtClock(c.Start))
	}
	for _, t := range assTextLines(text) {
		c.Lines = append(c.Lines, Line{Speaker: speaker, Text: t})
	}
	return c, nil
}

// parseASSTime parses H:MM:SS.cc (any number of fraction digits).
func parseASSTime(s string) (time.Duration, error) {
	return parseClock(s)
}

// assTextLines decodes an event's Text into its lines.
func assTextLines(s string) []string {
	var lines []string
	var b []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s):
			switch n := s[i+1]; n {
			case 'N', 'n':
				lines = append(lines, strings.Trim(string(b), " \t"))
				b = b[:0]
				i++
			case 'h':
				b = append(b, "\u00A0"...)
				i++
			case '{', '}':
				b = append(b, n)
				i++
			default:
				b = append(b, c)
				if strings.HasPrefix(s[i+1:], "\u2060") {
					i += len("\u2060")
				}
			}
		case c == '{':
			end := strings.IndexByte(s[i:], '}')
			if end < 0 {
				b = append(b, c)
				continue
			}
			i += end
		default:
			b = append(b, c)
		}
	}
	lines = append(lines, strings.Trim(string(b), " \t"))
	out := lines[:0]
	for _, l := range lines {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}
