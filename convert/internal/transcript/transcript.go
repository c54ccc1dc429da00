// Package transcript reads start-only transcripts in the dialects people
// write them in (Dialects), detecting the dialect from the lines, and
// writes a document back as a transcript in the speaker-line dialect.
package transcript

import (
	"fmt"
	"html"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/labels"
	"github.com/capconv/capconv/convert/internal/text"
)

// A transcript is read line by line in one dialect (see dialect.go),
// named by ReadOptions.Dialect or detected. The seed's layout is the
// "speaker-line" dialect:
//
//	00:00:00 - Llama 3          a chapter line (also "–" or "—")
//	Mark Zuckerberg 0:00:01     a speaker line: a name, then a start time
//	Thanks for having me.       paragraphs until the next speaker line
//
// Before the first turn, YAML front matter, Markdown headings and a bare
// "Transcript" line are metadata (see frontmatter.go), never text.
//
// Repairs, each announced through ReadOptions.Warn:
//   - a single short line before the first turn is the title; longer
//     text there becomes the first segment's opening paragraphs;
//   - a turn line without text is kept as a segment without text: it
//     still ends the segment before it, and yields no cue. A file whose
//     turn lines all lack text is an error, not an empty caption file.

// chapterLine: "00:00:00 - Title".
var chapterLine = lazyRegexp(`^(` + clockPattern + `)\s+[-–—]\s+(\S.*)$`)

// Read reads a start-only transcript in the dialect named dialect (see
// Dialects), or in the one detected when dialect is "".
func Read(data []byte, o text.Source, dialect string) (*caption.Document, error) {
	lines, err := text.Lines(data, o)
	if err != nil {
		return nil, err
	}
	fm := readFrontMatter(lines, o)
	d := dialectNamed(dialect)
	if dialect != "" && d == nil {
		_, err := ParseDialect(dialect)
		return nil, err
	}
	p := newPage(lines)
	if d == nil {
		if d, err = detectDialect(p, fm.end, o); err != nil {
			return nil, err
		}
	}
	doc, err := parseDialect(p, fm, d, o)
	if err != nil {
		return nil, err
	}
	return doc, nil
}

// transcriptBuilder accumulates segments, paragraphs and chapters while a
// dialect walks the lines.
type transcriptBuilder struct {
	o        text.Source
	example  string // a turn line of the dialect, for messages
	doc      caption.Document
	preamble []string // text seen before the first segment
	preLine  int      // line of the first preamble text
	para     []string // lines of the paragraph being read
	// inSpeakerList is set between a "Speakers" heading and the next
	// heading or turn: its lines name people, they are not speech.
	inSpeakerList bool
}

// startSegment opens a segment read at line; classify has put the
// starts in order.
func (b *transcriptBuilder) startSegment(line int, tn turn) {
	b.endParagraph()
	b.doc.Segments = append(b.doc.Segments, caption.Segment{Start: tn.start, End: tn.end, Speaker: tn.speaker, Pos: b.o.Pos(line)})
}

// addChapter records a chapter starting at start, or reports that its
// time is earlier than the chapter before it.
func (b *transcriptBuilder) addChapter(start time.Duration, title string) bool {
	if n := len(b.doc.Chapters); n > 0 && start < b.doc.Chapters[n-1].Start {
		return false
	}
	b.endParagraph()
	b.doc.Chapters = append(b.doc.Chapters, caption.Chapter{Start: start, Title: title})
	return true
}

// addText adds a line of text to the paragraph being read.
func (b *transcriptBuilder) addText(line int, text string) {
	text = strings.TrimSpace(text)
	if text == "" {
		b.endParagraph()
		return
	}
	if len(b.doc.Segments) == 0 && len(b.preamble) == 0 && len(b.para) == 0 {
		b.preLine = line
	}
	b.para = append(b.para, text)
}

// endParagraph closes the paragraph being read, if any.
func (b *transcriptBuilder) endParagraph() {
	if len(b.para) == 0 {
		return
	}
	p := strings.Join(b.para, " ")
	b.para = b.para[:0]
	if n := len(b.doc.Segments); n > 0 {
		b.doc.Segments[n-1].Paragraphs = append(b.doc.Segments[n-1].Paragraphs, p)
		return
	}
	b.preamble = append(b.preamble, p)
}

// finish applies the documented repairs and returns the document.
func (b *transcriptBuilder) finish(lineCount int) (*caption.Document, error) {
	b.endParagraph()
	if len(b.doc.Segments) == 0 {
		return nil, text.Errorf(b.o.Pos(max(1, lineCount)), caption.ErrNoContent,
			"no turn found: expected a line such as %q", b.example)
	}
	b.doc.Segments = splitInlineTimes(b.doc.Segments, b.o)
	if len(b.preamble) > 0 {
		switch {
		case len(b.preamble) == 1 && isTitleLike(b.preamble[0]) && b.doc.Title == "":
			b.doc.Title = b.preamble[0]
			b.o.Warnf(b.preLine, "text before the first speaker line taken as the title %q", b.doc.Title)
		case len(b.preamble) == 1 && isTitleLike(b.preamble[0]):
			// The front matter or a heading already named the title; a
			// subtitle or tag line is metadata too, not speech.
			if b.preamble[0] != b.doc.Title {
				b.o.Warnf(b.preLine, "line %q before the first speaker line left out: the title is already %q", b.preamble[0], b.doc.Title)
			}
		default:
			first := &b.doc.Segments[0]
			first.Paragraphs = append(b.preamble, first.Paragraphs...)
			b.o.Warnf(b.preLine, "text before the first speaker line given to the first segment (%s)", first.Pos)
		}
	}
	if !slices.ContainsFunc(b.doc.Segments, func(s caption.Segment) bool { return len(s.Paragraphs) > 0 }) {
		n := len(b.doc.Segments)
		what := "a speaker line"
		if n > 1 {
			what = fmt.Sprintf("%d speaker lines", n)
		}
		return nil, text.Errorf(b.o.Pos(b.doc.Segments[0].Pos.Line), caption.ErrNoContent,
			"%s but no text (expected a turn's text after its speaker line)", what)
	}
	for _, s := range b.doc.Segments {
		if len(s.Paragraphs) == 0 {
			b.o.Warnf(s.Pos.Line, "speaker line without text: kept as a pause that ends the segment before it")
		}
	}
	if n := len(b.doc.Segments); b.doc.Duration > 0 && b.doc.Segments[n-1].Start >= b.doc.Duration {
		b.o.Warnf(b.doc.Segments[n-1].Pos.Line, "the last turn starts at %s, after the stated duration %s: duration ignored",
			text.FormatClock(b.doc.Segments[n-1].Start), text.FormatClock(b.doc.Duration))
		b.doc.Duration = 0
	}
	for i := range b.doc.Chapters {
		if i+1 < len(b.doc.Chapters) {
			b.doc.Chapters[i].End = b.doc.Chapters[i+1].Start
		}
	}
	d := b.doc
	return &d, nil
}

// parseDialect reads the lines after the front matter in dialect d.
func parseDialect(p *page, fm frontMatter, d *dialect, o text.Source) (*caption.Document, error) {
	cl, err := classify(d, p, fm.end, 0, o, false)
	if err != nil {
		return nil, err
	}
	b := &transcriptBuilder{o: o, example: d.example()}
	b.doc.Title, b.doc.Language, b.doc.Duration = fm.title, fm.language, fm.duration
	unescape := d.markdown || isMarkdownFile(o.File)
	clean := func(text string) string {
		if unescape {
			return html.UnescapeString(text)
		}
		return text
	}
	var speakers map[string]bool
	if d.speakers == noSpeakers {
		speakers = textSpeakers(p, fm.end, cl)
	}
	next := 0 // the next turn in cl.turns
	for i := fm.end; i < len(p.line); i++ {
		if next < len(cl.turns) && cl.turns[next].nameLine == i {
			continue // the name line above its turn's time
		}
		n, line := i+1, p.line[i] // a footer is blank: it ends a paragraph
		if next < len(cl.turns) && cl.turns[next].line == i {
			tn := cl.turns[next]
			next++
			b.startSegment(n, tn)
			b.addText(n, clean(tn.text))
			b.endParagraph()
			if tn.nameLine == i+1 {
				i++
			}
			continue
		}
		if d.chapters && p.chapter[i] && b.readChapter(n, line) {
			continue
		}
		if len(b.doc.Segments) == 0 && b.addMetadata(line) {
			continue
		}
		if name, rest, ok := cutLabel(line); ok && speakers[name] && len(b.doc.Segments) > 0 {
			b.labelTurn(n, name)
			line = rest
		}
		b.addText(n, clean(line))
	}
	return b.finish(len(p.line))
}

// cutLabel splits "Name: text" into the name and the text.
func cutLabel(line string) (name, rest string, ok bool) {
	i := strings.Index(line, ": ")
	if i <= 0 || i > 80 || strings.ContainsAny(line[:i], ":[]") {
		return "", "", false
	}
	return collapseSpace(line[:i]), strings.TrimSpace(line[i+2:]), true
}

// textSpeakers returns the names that label the text lines of a layout
// whose turn lines name nobody, as Google Meet's exports do: a time every
// few minutes, then "Alice: Hello." lines. Names count when most text
// lines carry a label that repeats or reads as a name, and one repeats;
// otherwise none do, and "Note: …" stays text.
func textSpeakers(p *page, from int, cl classification) map[string]bool {
	counts := make(map[string]int)
	lines, labelled := 0, 0
	next := 0
	for i := from; i < len(p.line); i++ {
		if next < len(cl.turns) && cl.turns[next].line == i {
			next++
			continue
		}
		if p.line[i] == "" {
			continue
		}
		lines++
		if name, _, ok := cutLabel(p.line[i]); ok {
			counts[name]++
		}
	}
	names := make(map[string]bool)
	repeats := false
	for name, n := range counts {
		if n >= 2 && plausibleName(name) || labels.IsNameLike(name) {
			names[name] = true
			labelled += n
			repeats = repeats || n >= 2
		}
	}
	if !repeats || labelled*2 < lines || len(cl.turns) == 0 {
		return nil
	}
	return names
}

// labelTurn starts a turn of speaker at line n, with the start of the
// turn it is in: its text says who speaks, not when.
func (b *transcriptBuilder) labelTurn(n int, speaker string) {
	b.endParagraph()
	last := &b.doc.Segments[len(b.doc.Segments)-1]
	if last.Speaker == "" && len(last.Paragraphs) == 0 {
		last.Speaker = speaker
		return
	}
	b.doc.Segments = append(b.doc.Segments, caption.Segment{Start: last.Start, Speaker: speaker, Pos: b.o.Pos(n)})
}

// readChapter reads line n as a chapter line ("00:00:00 - Title") and
// reports whether it was one. A line with that shape whose time does not
// parse or goes back is text, with a warning.
func (b *transcriptBuilder) readChapter(n int, line string) bool {
	if !startsWithDigit(line) {
		return false
	}
	m := chapterLine().FindStringSubmatchIndex(line)
	if m == nil {
		return false
	}
	clock, title := line[m[2]:m[3]], strings.TrimSpace(line[m[4]:m[5]])
	start, err := text.ParseClock(clock)
	switch {
	case err != nil:
		b.o.Warnf(n, "%q looks like a chapter line, but %q is not a time (%v): kept as text", shorten(line, 60), clock, err)
		return false
	case !b.addChapter(start, title):
		b.o.Warnf(n, "%q looks like a chapter line, but %s is earlier than the chapter before it: kept as text", shorten(line, 60), clock)
		return false
	}
	return true
}

// inlineTime matches a time in brackets inside a turn's text, as
// speech-to-text tools print every few seconds: "… I'm the [00:00:07] co
// host …".
var inlineTime = lazyRegexp(`\[(` + clockPattern + `)\]`)

// splitInlineTimes splits each segment at the bracketed times inside its
// text that fall in order between its start and the next segment's:
// they say where the speech is, and are never caption text. A bracketed
// time out of order stays text, with a warning. A stated end belongs to
// the last piece.
func splitInlineTimes(segs []caption.Segment, o text.Source) []caption.Segment {
	var out []caption.Segment
	for i, s := range segs {
		if !slices.ContainsFunc(s.Paragraphs, func(p string) bool { return strings.Contains(p, "[") }) {
			out = append(out, s)
			continue
		}
		next := time.Duration(1 << 62)
		if i+1 < len(segs) {
			next = segs[i+1].Start
		}
		cur := caption.Segment{Start: s.Start, Speaker: s.Speaker, Pos: s.Pos}
		for _, p := range s.Paragraphs {
			para, rest := "", p
			for m := inlineTime().FindStringSubmatchIndex(rest); m != nil; m = inlineTime().FindStringSubmatchIndex(rest) {
				at, err := text.ParseClock(rest[m[2]:m[3]])
				if err != nil || at < cur.Start || at > next {
					o.Warnf(s.Pos.Line, "time %s inside the text of the turn at %s is out of order: kept as text", rest[m[0]:m[1]], text.FormatClock(s.Start))
					para, rest = joinText(para, rest[:m[1]]), rest[m[1]:]
					continue
				}
				if para = joinText(para, rest[:m[0]]); para != "" {
					cur.Paragraphs = append(cur.Paragraphs, para)
					para = ""
				}
				if len(cur.Paragraphs) > 0 {
					out = append(out, cur)
					cur = caption.Segment{Speaker: s.Speaker, Pos: s.Pos}
				}
				cur.Start, rest = at, rest[m[1]:]
			}
			if para = joinText(para, rest); para != "" {
				cur.Paragraphs = append(cur.Paragraphs, para)
			}
		}
		out = append(out, cur)
		out[len(out)-1].End = s.End
	}
	return out
}

// joinText joins two pieces of a paragraph with a space, trimmed.
func joinText(a, b string) string {
	b = strings.TrimSpace(b)
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " " + b
}

// isTitleLike reports whether a lone line before the first segment reads
// as a title: short, and not a finished sentence.
// A rule such as "---" names nothing.
func isTitleLike(s string) bool {
	return utf8.RuneCountInString(s) <= 100 && !strings.ContainsAny(s[len(s)-1:], ".?!") &&
		strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}
