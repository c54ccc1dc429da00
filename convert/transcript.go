package convert

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// A transcript is read line by line. The layout of the seed transcript is
// the "speaker-line" dialect:
//
//	00:00:00 - Llama 3          a chapter line (also "–" or "—")
//	Mark Zuckerberg 0:00:01     a speaker line: a name, then a start time
//	Thanks for having me.       paragraphs until the next speaker line
//
// Repairs, each announced through ReadOptions.Warn:
//   - a single short line before the first speaker line is the title; longer
//     text there becomes the first segment's opening paragraphs;
//   - a speaker line without text is kept as a segment without text: it
//     still ends the segment before it, and yields no cue.

var (
	// clockToken matches what looks like a time, well-formed or not.
	clockToken = `(\d{1,3}(?::\d{1,3}){1,2}(?:[.,]\d*)?)`
	// chapterLine: "00:00:00 - Title".
	chapterLine = regexp.MustCompile(`^` + clockToken + `\s+[-–—]\s+(\S.*)$`)
	// speakerLine: "Name 0:00:01" with nothing after the time.
	speakerLine = regexp.MustCompile(`^(\S.*?)\s+` + clockToken + `$`)
)

// readTranscript reads a start-only transcript.
func readTranscript(data []byte, o ReadOptions) (*Document, error) {
	lines, err := decodeText(data, o)
	if err != nil {
		return nil, err
	}
	return parseSpeakerLines(lines, o)
}

// transcriptBuilder accumulates segments, paragraphs and chapters while a
// dialect walks the lines.
type transcriptBuilder struct {
	o        ReadOptions
	doc      Document
	preamble []string // text seen before the first segment
	preLine  int      // line of the first preamble text
	para     []string // lines of the paragraph being read
	last     time.Duration
	lastLine int
}

// startSegment opens a segment read at line; it refuses a start earlier
// than the previous one.
func (b *transcriptBuilder) startSegment(line int, col int, start time.Duration, speaker string) error {
	b.endParagraph()
	if start < b.last {
		return errorf(Position{File: b.o.File, Line: line, Col: col}, ErrTimeGoesBack,
			"%s is earlier than %s on line %d: expected times in order", fmtClock(start), fmtClock(b.last), b.lastLine)
	}
	b.last, b.lastLine = start, line
	b.doc.Segments = append(b.doc.Segments, Segment{Start: start, Speaker: speaker, Pos: b.o.pos(line)})
	return nil
}

// addChapter records a chapter starting at start.
func (b *transcriptBuilder) addChapter(line int, col int, start time.Duration, title string) error {
	b.endParagraph()
	if n := len(b.doc.Chapters); n > 0 && start < b.doc.Chapters[n-1].Start {
		return errorf(Position{File: b.o.File, Line: line, Col: col}, ErrTimeGoesBack,
			"chapter at %s is earlier than the chapter before it: expected chapters in order", fmtClock(start))
	}
	b.doc.Chapters = append(b.doc.Chapters, Chapter{Start: start, Title: title})
	return nil
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
func (b *transcriptBuilder) finish(lineCount int) (*Document, error) {
	b.endParagraph()
	if len(b.doc.Segments) == 0 {
		return nil, errorf(b.o.pos(max(1, lineCount)), ErrNoContent,
			"no speaker line found: expected a line such as \"Mark Zuckerberg 0:00:01\" followed by text")
	}
	if len(b.preamble) > 0 {
		if len(b.preamble) == 1 && isTitleLike(b.preamble[0]) {
			b.doc.Title = b.preamble[0]
			b.o.warn(b.preLine, "text before the first speaker line taken as the title %q", b.doc.Title)
		} else {
			first := &b.doc.Segments[0]
			first.Paragraphs = append(b.preamble, first.Paragraphs...)
			b.o.warn(b.preLine, "text before the first speaker line given to the first segment (%s)", first.Pos)
		}
	}
	for _, s := range b.doc.Segments {
		if len(s.Paragraphs) == 0 {
			b.o.warn(s.Pos.Line, "speaker line without text: kept as a pause that ends the segment before it")
		}
	}
	for i := range b.doc.Chapters {
		if i+1 < len(b.doc.Chapters) {
			b.doc.Chapters[i].End = b.doc.Chapters[i+1].Start
		}
	}
	d := b.doc
	return &d, nil
}

// parseSpeakerLines reads the seed's dialect.
func parseSpeakerLines(lines []string, o ReadOptions) (*Document, error) {
	b := &transcriptBuilder{o: o}
	for i, raw := range lines {
		n := i + 1
		line := strings.TrimSpace(raw)
		if m := chapterLine.FindStringSubmatchIndex(line); m != nil {
			start, err := parseClock(line[m[2]:m[3]])
			if err != nil {
				return nil, &ParseError{Pos: Position{File: o.File, Line: n, Col: col(raw, line, m[2])}, Err: fmt.Errorf("%w: %v", ErrBadTimestamp, err)}
			}
			if err := b.addChapter(n, col(raw, line, m[2]), start, strings.TrimSpace(line[m[4]:m[5]])); err != nil {
				return nil, err
			}
			continue
		}
		if m := speakerLine.FindStringSubmatchIndex(line); m != nil && isNameLike(line[m[2]:m[3]]) {
			c := col(raw, line, m[4])
			start, err := parseClock(line[m[4]:m[5]])
			if err != nil {
				return nil, &ParseError{Pos: Position{File: o.File, Line: n, Col: c}, Err: fmt.Errorf("%w: %v", ErrBadTimestamp, err)}
			}
			if err := b.startSegment(n, c, start, line[m[2]:m[3]]); err != nil {
				return nil, err
			}
			continue
		}
		b.addText(n, line)
	}
	return b.finish(len(lines))
}

// col converts a byte offset into trimmed (a part of raw) into a 1-based
// column of raw, counted in characters.
func col(raw, trimmed string, off int) int {
	lead := strings.Index(raw, trimmed)
	return utf8.RuneCountInString(raw[:lead+off]) + 1
}

// nameParticles may appear in lower case inside a personal name.
var nameParticles = map[string]bool{
	"de": true, "da": true, "di": true, "del": true, "della": true, "der": true, "den": true,
	"van": true, "von": true, "la": true, "le": true, "du": true, "dos": true, "das": true,
	"bin": true, "ibn": true, "al": true, "el": true, "y": true, "e": true, "ten": true, "ter": true,
}

// isNameLike reports whether s reads as a speaker name rather than prose:
// at most six words, each capitalised, a digit, or a name particle, and no
// sentence punctuation. "Mark Zuckerberg", "Speaker 1" and "SPEAKER_00"
// are names; "we met at" and "The meeting starts." are not.
func isNameLike(s string) bool {
	if utf8.RuneCountInString(s) > 48 {
		return false
	}
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 6 {
		return false
	}
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r) || unicode.IsTitle(r):
		case i > 0 && nameParticles[w]:
		default:
			return false
		}
		trimmed := strings.TrimRight(w, ".,;:!?\"”’")
		if trimmed != w && !isInitial(w) {
			return false
		}
	}
	return true
}

// isInitial reports whether w is an initial such as "J.".
func isInitial(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && w[size:] == "."
}

// isTitleLike reports whether a lone line before the first segment reads
// as a title: short, and not a finished sentence.
func isTitleLike(s string) bool {
	return utf8.RuneCountInString(s) <= 100 && !strings.ContainsAny(s[len(s)-1:], ".?!")
}

// fmtClock renders d as H:MM:SS(.mmm) for messages.
func fmtClock(d time.Duration) string {
	ms := d.Milliseconds()
	s := fmt.Sprintf("%d:%02d:%02d", ms/3600000, ms/60000%60, ms/1000%60)
	if ms%1000 != 0 {
		s += fmt.Sprintf(".%03d", ms%1000)
	}
	return s
}
