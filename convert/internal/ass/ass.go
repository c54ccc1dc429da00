// Package ass reads Advanced SubStation Alpha and SSA scripts and writes
// ASS (v4.00+): one Dialogue event per cue and speaker, the speaker in
// the Name field, times in centiseconds.
//
// What ASS keeps: italics, bold, underline and colour (override tags
// \i, \b, \u and \c, or a style's defaults when read), and a cue's
// placement (\an). What it loses: times below the centisecond, WebVTT
// classes, ruby annotations (the base text stays), a colour's alpha,
// cue identifiers, and whatever the reader does not map to the model:
// fonts, sizes, outlines, positions finer than thirds of the picture,
// karaoke, fades, animations and drawings. Colours read are "" for the
// white of a white style, as players show by default.
package ass

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/labels"
	"github.com/capconv/capconv/convert/internal/text"
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

// Append appends d as Advanced SubStation Alpha (v4.00+). Each cue is a
// Dialogue event whose Name field is the speaker; a cue with several
// speakers becomes one event per run of lines of one speaker, all with
// the cue's times (Read joins them back). Lines are joined by the hard
// break \N. Times are written in centiseconds, ASS's precision.
//
// ASS has no escaping, so text that would read as markup is altered as
// little as possible: "{" and "}" become "\{" and "\}" (libass shows them
// as braces), a backslash before n, N, h, a word joiner or an override
// block gets a U+2060 WORD JOINER after it and U+00A0 is written \h; Read
// undoes all three. Losses: times below 10 ms, and line breaks inside a
// text (they become spaces).
//
// Spans are written as override tags where the style changes ({\i1},
// {\b0}, {\c&HBBGGRR&}, back to the Default style's white with
// {\c&HFFFFFF&}); styling carries over \N within an event, as in ASS. A
// cue placed elsewhere than bottom centre starts each of its events with
// {\anN}. Classes, ruby annotations (the base text is written) and a
// colour's alpha are not written. Speakers are shown in the text, beside
// the Name field players do not show, as o.Speakers says (see
// labels.Shower), with the labels and dialogue dashes of a cue of several
// speakers on the lines they belong to. Read takes a dash or label at the
// start of an event out again (a dash sets Line.Dash); an event whose text
// only starts like one gets an empty block "{}", invisible, before it, so
// that it stays text. A dash shown on another line of an event stays text.
//
// Times are rounded to the centisecond and every cue that lasts lasts at
// least one. Two cues that round to the same times, with other speakers where
// they meet, would read back as one: the second then starts (and if need
// be ends) a centisecond later, so that cues stay distinct and in order.
// Lines without text are not written: Read drops them, and an event of
// one would read back as a cue.
func Append(b []byte, d *caption.Document, o WriteOptions) ([]byte, error) {
	b = append(b, "[Script Info]\n; Written by capconv\n"...)
	if t := strings.TrimSpace(d.Title); t != "" {
		b = append(b, "Title: "...)
		b = text.AppendOneLine(b, t)
		b = append(b, '\n')
	}
	b = append(b, "ScriptType: v4.00+\nWrapStyle: 0\nScaledBorderAndShadow: yes\nPlayResX: 1920\nPlayResY: 1080\n\n"...)
	b = append(b, assHeader...)
	show := labels.NewShower(labels.None)
	if o.Speakers != "" {
		show = labels.NewShower(o.Speakers)
	}
	var prefixes []string
	var prev eventTimes
	var prevLines []caption.Line
	for i, c := range d.Cues {
		// Lines without text are left out: Read drops them, and an
		// event of nothing but one would read back as a cue of its own.
		lines := textLines(c.Lines)
		t := centiseconds(c)
		if i > 0 && t.start <= prev.start {
			// Rounding never reorders, but it can make two cues one:
			// Read joins events of the same times and other speakers.
			t = lasting(c, eventTimes{prev.start, t.end})
			if t == prev && joins(prevLines, lines) {
				t = lasting(c, eventTimes{t.start + 1, t.end})
			}
		}
		prev, prevLines = t, lines
		prefixes = show.Prefixes(prefixes, lines)
		first := 0 // the index in lines of run's first line
		for _, run := range speakerRuns(lines) {
			b = append(b, "Dialogue: 0,"...)
			b = appendCentiseconds(b, t.start)
			b = append(b, ',')
			b = appendCentiseconds(b, t.end)
			b = append(b, ",Default,"...)
			// The Name field ends at a comma.
			b = text.AppendOneLine(b, strings.ReplaceAll(run[0].Speaker, ",", "\u201A"))
			b = append(b, ",0,0,0,,"...)
			if n := c.Placement.Numpad(); n != 2 {
				b = append(b, `{\an`...)
				b = append(b, byte('0'+n), '}')
			}
			b = appendEvent(b, run, prefixes[min(first, len(prefixes)):])
			first += len(run)
			b = append(b, '\n')
		}
		b = o.Sink.Spill(b)
	}
	return b, nil
}

// WriteOptions tune Append.
type WriteOptions struct {
	// Speakers is how speakers are shown in the text, beside the Name
	// field players do not show (see labels.Shower); "" shows none.
	Speakers labels.Style
	// Sink, when set, takes the output as it is rendered (see text.Sink).
	Sink *text.Sink
}

// speakerRuns splits lines into runs of consecutive lines of one speaker;
// a cue without lines is one empty run, so that it is still written.
func speakerRuns(lines []caption.Line) [][]caption.Line {
	if len(lines) == 0 {
		return [][]caption.Line{{{}}}
	}
	var runs [][]caption.Line
	start := 0
	for i := 1; i <= len(lines); i++ {
		if i == len(lines) || lines[i].Speaker != lines[start].Speaker {
			runs = append(runs, lines[start:i])
			start = i
		}
	}
	return runs
}

// eventTimes are an event's start and end in centiseconds.
type eventTimes struct{ start, end time.Duration }

// centiseconds returns c's times rounded to the centisecond. A cue that
// lasts ends at least a centisecond after its start, so that rounding
// never turns it into an event no player shows; a cue of no length stays
// so.
func centiseconds(c caption.Cue) eventTimes {
	return lasting(c, eventTimes{toCentiseconds(c.Start), toCentiseconds(c.End)})
}

// lasting returns t, the times of cue c moved, with its end moved to
// last a centisecond at least when c lasts, and to be no earlier than its
// start.
func lasting(c caption.Cue, t eventTimes) eventTimes {
	if c.End > c.Start {
		t.end = max(t.end, t.start+1)
	}
	t.end = max(t.end, t.start)
	return t
}

// toCentiseconds rounds d, clamped at 0, to whole centiseconds.
func toCentiseconds(d time.Duration) time.Duration {
	return (max(d, 0) + 5*time.Millisecond) / (10 * time.Millisecond)
}

// joins reports whether Read would join the events of a cue of lines to
// those of the cue before it, of prev, were their times the same: each has
// a line, and the speakers at the seam differ. Both are as textLines
// returns them, what is written.
func joins(prev, lines []caption.Line) bool {
	return len(prev) > 0 && len(lines) > 0 &&
		voiceOf(prev[len(prev)-1].Speaker) != voiceOf(lines[0].Speaker)
}

// textLines returns the lines that Read reads back as lines: those with
// text other than spaces and tabs. It returns lines itself when all are.
func textLines(lines []caption.Line) []caption.Line {
	blank := func(l caption.Line) bool { return strings.Trim(l.Text, " \t") == "" }
	if !slices.ContainsFunc(lines, blank) {
		return lines
	}
	out := make([]caption.Line, 0, len(lines))
	for _, l := range lines {
		if !blank(l) {
			out = append(out, l)
		}
	}
	return out
}

// voiceOf returns speaker as Read reads it back from the Name field.
func voiceOf(speaker string) string {
	return strings.TrimSpace(string(text.AppendOneLine(nil, speaker)))
}

// appendCentiseconds appends cs centiseconds as H:MM:SS.cc.
func appendCentiseconds(b []byte, cs time.Duration) []byte {
	h, m, s, f := cs/360000, cs/6000%60, cs/100%60, cs%100
	b = strconv.AppendInt(b, int64(h), 10)
	return append(b, ':', byte('0'+m/10), byte('0'+m%10), ':', byte('0'+s/10), byte('0'+s%10), '.',
		byte('0'+f/10), byte('0'+f%10))
}

// appendRun appends the text of r with the override tags that change the
// style from cur, ASS's Default style to begin with, to r's, which it
// returns. Classes and ruby annotations are not written; a colour's alpha
// is dropped.
func appendRun(b []byte, r caption.Span, cur caption.Style) ([]byte, caption.Style) {
	if r.Text == "" {
		return b, cur
	}
	s := writtenStyle(r.Style)
	if s != cur {
		b = append(b, '{')
		b = appendSwitch(b, `\i`, cur.Italic, s.Italic)
		b = appendSwitch(b, `\b`, cur.Bold, s.Bold)
		b = appendSwitch(b, `\u`, cur.Underline, s.Underline)
		if s.Color != cur.Color {
			b = append(b, `\c`...)
			c := s.Color
			if c == "" {
				c = "#ffffff" // the Default style's colour
			}
			b = appendColour(b, c)
		}
		b = append(b, '}')
	}
	return appendASSText(b, r.Text), s
}

// writtenStyle returns the style of s that ASS carries: no classes, no
// ruby annotation, a colour without its alpha.
func writtenStyle(s caption.Style) caption.Style {
	s.Class, s.Ruby = "", ""
	if len(s.Color) > 7 {
		s.Color = s.Color[:7]
	}
	return s
}

// appendSwitch appends tag with 1 or 0 when from and to differ.
func appendSwitch(b []byte, tag string, from, to bool) []byte {
	switch {
	case from == to:
		return b
	case to:
		return append(append(b, tag...), '1')
	}
	return append(append(b, tag...), '0')
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
			// Read drops a word joiner after a backslash; one at the end
			// keeps an override block or escape that follows apart.
			if i+1 == len(s) || strings.IndexByte("nNh", s[i+1]) >= 0 || strings.HasPrefix(s[i+1:], "\u2060") {
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

// Read reads SubStation Alpha (v4) and Advanced SubStation Alpha
// (v4.00+): the Title of [Script Info] and the Dialogue events of
// [Events], whose fields follow that section's Format line (the last
// field, Text, may hold commas). The Name field is the speaker. In Text,
// override blocks {…} are removed, \N and \n break lines, \h is a
// no-break space, and Append's escapes are undone. Comment events and
// other sections are skipped.
//
// Styling is read from the event's style (the [V4+ Styles] or [V4 Styles]
// line its Style field names, or Default: Bold, Italic, Underline,
// PrimaryColour and Alignment, SSA's legacy values in [V4 Styles]) and
// from the override tags \i, \b (a weight of 600 or more is bold), \u,
// \c or \1c, and \r (back to the event's style, or to the style named);
// it carries over \N to the end of the event. Placement is the first \an
// or \a of the event, or the third of the picture that \pos falls in
// (PlayResX by PlayResY, 384 by 288 when absent), which wins over an
// alignment; else the style's. Text drawn with \p1 up to \p0 is dropped,
// and so is every other tag. Styles must come before the events that use
// them, as they do in scripts. A dialogue dash "- ", a label of the
// event's own speaker ("Ann: ", "ANN: ", "[Ann] ") or both at the start
// of an event's text (after an {\anN} block) are what Append shows of the
// Name field, and are taken out; a dash sets the line's Dash.
//
// Events are sorted by start time, as players show them; then events
// next to each other with the same times and different speakers become
// one cue (how Append writes a dialogue cue).
func Read(data []byte, o text.Source) (*caption.Document, error) {
	s, err := text.Decode(data, o)
	if err != nil {
		return nil, err
	}
	sc := text.NewScanner(s)
	doc := &caption.Document{}
	section := ""
	var fields []string // the [Events] Format line's fields, lower case
	var styleFields []string
	scr := &script{styles: map[string]assStyle{}}
	sorted := true
	shownCount := map[string]int{} // events per label style shown
	for {
		raw, ok := sc.Next()
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
				return nil, text.Errorf(caption.Position{File: o.File, Line: sc.Line(), Col: 1}, caption.ErrSyntax,
					"%.40q: expected \"Format:\" or \"Dialogue:\"", line)
			}
			continue
		}
		key, value = strings.TrimSpace(key), strings.TrimLeft(value, " ")
		switch {
		case section == "script info" && key == "Title":
			doc.Title = strings.TrimSpace(value)
		case section == "script info" && (key == "PlayResX" || key == "PlayResY"):
			n, err := strconv.Atoi(strings.TrimSpace(value))
			if err == nil && key == "PlayResX" {
				scr.resX = n
			} else if err == nil {
				scr.resY = n
			}
		case (section == "v4+ styles" || section == "v4 styles") && key == "Format":
			styleFields = strings.Split(strings.ToLower(strings.ReplaceAll(value, " ", "")), ",")
		case (section == "v4+ styles" || section == "v4 styles") && key == "Style" && styleFields != nil:
			name, st := parseStyle(value, styleFields, section == "v4 styles")
			scr.styles[name] = st
		case section == "events" && key == "Format":
			fields = strings.Split(strings.ToLower(strings.ReplaceAll(value, " ", "")), ",")
		case section == "events" && key == "Dialogue":
			col := utf8.RuneCountInString(raw[:strings.Index(raw, ":")+1]) + 2
			c, shown, err := parseASSEvent(value, fields, scr, caption.Position{File: o.File, Line: sc.Line(), Col: col})
			if err != nil {
				return nil, err
			}
			if shown != "" {
				shownCount[shown]++
			}
			if blankLines(c.Lines) && strings.Contains(value, `\p`) {
				continue // a drawing alone shows no words
			}
			if k := len(doc.Cues); k > 0 {
				sorted = sorted && c.Start >= doc.Cues[k-1].Start
			}
			doc.Cues = append(doc.Cues, c)
		}
	}
	if len(doc.Cues) == 0 {
		return nil, text.Errorf(o.Pos(max(1, sc.Line())), caption.ErrNoContent, "no Dialogue event found in [Events]")
	}
	doc.SpeakersShown = mostShown(shownCount)
	if !sorted {
		o.Warnf(0, "events are not in start order: sorted them")
		caption.SortCues(doc.Cues)
	}
	// Joined after sorting, so that events that meet only once sorted
	// join too, and what Read returns has no two cues Append would join.
	doc.Cues = joinDialogue(doc.Cues)
	return doc, nil
}

// mostShown returns the label style most events showed, or "". Dashes
// are the lines' own (Line.Dash), which every style shows.
func mostShown(counts map[string]int) string {
	best := ""
	for _, s := range shownStyles {
		if counts[s] > counts[best] {
			best = s
		}
	}
	return best
}

// blankLines reports whether lines hold no text.
func blankLines(lines []caption.Line) bool {
	for _, l := range lines {
		if strings.TrimSpace(l.Text) != "" {
			return false
		}
	}
	return true
}

// joinDialogue joins each event to the cue before it when they have the
// same times and other speakers where they meet: how Append writes a
// cue of several speakers.
func joinDialogue(cues []caption.Cue) []caption.Cue {
	out := cues[:0]
	for _, c := range cues {
		if k := len(out); k > 0 {
			prev := &out[k-1]
			if prev.Start == c.Start && prev.End == c.End && len(prev.Lines) > 0 && len(c.Lines) > 0 &&
				prev.Lines[len(prev.Lines)-1].Speaker != c.Lines[0].Speaker {
				prev.Lines = append(prev.Lines, c.Lines...)
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

// parseASSEvent parses the fields of a Dialogue line, value starting at pos.
// shown is the label style the event showed its speaker in ("" for none).
func parseASSEvent(value string, fields []string, sc *script, pos caption.Position) (c caption.Cue, shown string, err error) {
	if fields == nil {
		return caption.Cue{}, "", text.Errorf(pos, caption.ErrSyntax, "Dialogue before the Format line of [Events]")
	}
	parts := strings.SplitN(value, ",", len(fields))
	if len(parts) < len(fields) {
		return caption.Cue{}, "", text.Errorf(pos, caption.ErrSyntax, "%d fields: expected %d (%s)", len(parts), len(fields), strings.Join(fields, ", "))
	}
	speaker, body, style := "", "", ""
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
		case "style":
			style = v
		case "text":
			body = parts[i]
		}
		if err != nil {
			return caption.Cue{}, "", text.Errorf(caption.Position{File: pos.File, Line: pos.Line, Col: col}, caption.ErrBadTimestamp,
				"%s %q: %v", f, v, err)
		}
		col += utf8.RuneCountInString(parts[i]) + 1
	}
	if c.End < c.Start {
		return caption.Cue{}, "", text.Errorf(pos, caption.ErrBadTimestamp, "end %s is before start %s", text.FormatClock(c.End), text.FormatClock(c.Start))
	}
	base := sc.style(style)
	read := func(body string) bool {
		e := event{sc: sc, base: base, place: base.placement}
		var kept bool
		c.Lines, kept = e.lines(body, speaker)
		c.Placement = e.place
		return kept
	}
	skip := placementLen(body)
	if n, dash, st := cutShown(body[skip:], speaker); n > 0 && read(body[:skip]+body[skip+n:]) {
		c.Lines[0].Dash = dash
		shown = st
	} else {
		// Nothing shown, or a dash or label before no text: the text as
		// it is.
		read(body)
	}
	return c, shown, nil
}

// parseASSTime parses H:MM:SS.cc (any number of fraction digits).
func parseASSTime(s string) (time.Duration, error) {
	return text.ParseClock(s)
}

// lines decodes an event's Text into its lines, read in e, and reports
// whether the first line of s is one of them: override
// blocks style the spans and place the event, a drawing is dropped, \N
// and \n break lines, \h is a no-break space, and Append's escapes are
// undone. Lines left empty are dropped.
func (e *event) lines(s, speaker string) (out []caption.Line, firstKept bool) {
	raw := 0 // the index of the line of s being read
	var spans []caption.Span
	var b []byte
	e.cur = e.base.style
	flush := func() {
		if len(b) > 0 && !e.drawing {
			spans = append(spans, caption.Span{Text: string(b), Style: e.cur})
		}
		b = b[:0]
	}
	endLine := func() {
		flush()
		if l, ok := styledLine(speaker, spans); ok {
			out = append(out, l)
			firstKept = firstKept || raw == 0
		}
		spans = spans[:0:0]
		raw++
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s):
			switch n := s[i+1]; n {
			case 'N', 'n':
				endLine()
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
			flush()
			e.override(s[i+1 : i+end])
			i += end
		default:
			b = append(b, c)
		}
	}
	endLine()
	return out, firstKept
}

// styledLine returns the line of spans spoken by speaker, and false when
// it has no text. A plain line keeps a no-break space at its ends (\h is
// deliberate); a styled one is normalised by caption.StyledLine.
func styledLine(speaker string, spans []caption.Span) (caption.Line, bool) {
	plain := true
	for _, s := range spans {
		plain = plain && s.Style.IsPlain()
	}
	if plain {
		var b strings.Builder
		for _, s := range spans {
			b.WriteString(s.Text)
		}
		t := strings.Trim(b.String(), " \t")
		return caption.Line{Speaker: speaker, Text: t}, t != ""
	}
	l := caption.StyledLine(speaker, spans)
	return l, l.Text != ""
}

// Sniff reports whether head, the decoded start of a file, opens an ASS
// or SSA script.
func Sniff(head []byte) bool {
	return bytes.HasPrefix(bytes.TrimLeft(head, " \t\r\n"), []byte("[Script Info]"))
}
