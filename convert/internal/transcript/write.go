package transcript

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/text"
)

// unknownSpeaker names lines without a speaker in a transcript whose other
// turns have one: the speaker-line dialect needs a name on every turn.
const unknownSpeaker = "Unknown Speaker"

// Append appends d written as a transcript in the speaker-line dialect of
// capconv's seed, which Read detects:
//
//	---
//	title: "Episode 12"
//	language: "en"
//	---
//
//	0:00:00 - Chapter title
//
//	Ann Lee 0:00:01
//
//	First paragraph.
//
// Front matter holds the title, language and duration when known; chapter
// lines come before the turn they precede. A document with segments writes
// them as they are, so a transcript survives a round trip; a caption file
// writes a turn per run of consecutive cues of one speaker, its lines
// joined into one paragraph, starting at its first cue's start. Without
// any speaker, each cue is a "0:00:01 text" line (the timestamped
// dialect). Times are H:MM:SS, with milliseconds when not whole seconds,
// and below 1000 hours (see maxClock): a later one is an error.
// Losses: cue ends and line breaks; lines without a speaker amid named
// ones are attributed to "Unknown Speaker".
func Append(b []byte, d *caption.Document) ([]byte, error) {
	return AppendTo(b, d, nil)
}

// AppendTo is Append handing its output to sink as it goes (see
// text.Sink); it returns what sink has not taken yet.
func AppendTo(b []byte, d *caption.Document, sink *text.Sink) ([]byte, error) {
	start := len(b)
	b = appendFrontMatter(b, d)
	segs := d.Segments
	if len(segs) == 0 {
		segs = cueTurns(d.Cues)
	}
	if err := checkClocks(segs, d.Chapters); err != nil {
		return nil, err
	}
	named := false
	for _, s := range segs {
		named = named || s.Speaker != ""
	}
	ch := 0
	for _, s := range segs {
		// Spilled before a turn, never after the last: the end of the
		// last turn is still in b to be trimmed.
		if spilled := sink.Spill(b); len(spilled) < len(b) {
			b, start = spilled, 0
		}
		for ; ch < len(d.Chapters) && d.Chapters[ch].Start <= s.Start; ch++ {
			b = appendTxtClock(b, d.Chapters[ch].Start)
			b = append(b, " - "...)
			b = text.AppendOneLine(b, strings.TrimSpace(d.Chapters[ch].Title))
			b = append(b, "\n\n"...)
		}
		if !named {
			b = appendTxtClock(b, s.Start)
			b = append(b, ' ')
			b = text.AppendOneLine(b, s.Text())
			b = append(b, "\n\n"...)
			continue
		}
		sp := strings.TrimSpace(s.Speaker)
		if sp == "" {
			sp = unknownSpeaker
		}
		b = text.AppendOneLine(b, sp)
		b = append(b, ' ')
		b = appendTxtClock(b, s.Start)
		b = append(b, "\n\n"...)
		for _, p := range s.Paragraphs {
			if strings.TrimSpace(p) == "" {
				continue
			}
			b = text.AppendOneLine(b, p)
			b = append(b, "\n\n"...)
		}
	}
	for ; ch < len(d.Chapters); ch++ {
		b = appendTxtClock(b, d.Chapters[ch].Start)
		b = append(b, " - "...)
		b = text.AppendOneLine(b, d.Chapters[ch].Title)
		b = append(b, "\n\n"...)
	}
	b = append(b[:start+len(bytes.TrimRight(b[start:], "\n"))], '\n')
	return b, nil
}

// maxClock is the first time a transcript cannot show: the reader takes
// at most three digits of hours, as every dialect's tools write them, so
// that "2024:" in text is no time.
const maxClock = 1000 * time.Hour

// checkClocks refuses times a transcript cannot show (see maxClock): a
// file written with them would not read back.
func checkClocks(segs []caption.Segment, chapters []caption.Chapter) error {
	for _, s := range segs {
		if s.Start >= maxClock {
			return fmt.Errorf("%w: a turn at %s: a transcript shows times below 1000 hours", caption.ErrBadTimestamp, text.FormatClock(s.Start))
		}
	}
	for _, c := range chapters {
		if c.Start >= maxClock {
			return fmt.Errorf("%w: chapter %q at %s: a transcript shows times below 1000 hours", caption.ErrBadTimestamp, c.Title, text.FormatClock(c.Start))
		}
	}
	return nil
}

// appendFrontMatter writes YAML front matter with the document's title,
// language and duration, or nothing when none is known.
func appendFrontMatter(b []byte, d *caption.Document) []byte {
	if d.Title == "" && d.Language == "" && d.Duration == 0 {
		return b
	}
	b = append(b, "---\n"...)
	if d.Title != "" {
		b = append(b, "title: "...)
		b = strconv.AppendQuote(b, d.Title)
		b = append(b, '\n')
	}
	if d.Language != "" {
		b = append(b, "language: "...)
		b = strconv.AppendQuote(b, d.Language)
		b = append(b, '\n')
	}
	if d.Duration > 0 {
		b = append(b, "duration_seconds: "...)
		b = strconv.AppendFloat(b, d.Duration.Round(time.Millisecond).Seconds(), 'f', -1, 64)
		b = append(b, '\n')
	}
	return append(b, "---\n\n"...)
}

// appendTxtClock appends d as H:MM:SS, with .mmm when not whole seconds.
func appendTxtClock(b []byte, d time.Duration) []byte {
	ms := max(d, 0).Round(time.Millisecond).Milliseconds()
	b = strconv.AppendInt(b, ms/3600000, 10)
	m, s, f := ms/60000%60, ms/1000%60, ms%1000
	b = append(b, ':', byte('0'+m/10), byte('0'+m%10), ':', byte('0'+s/10), byte('0'+s%10))
	if f != 0 {
		b = append(b, '.', byte('0'+f/100), byte('0'+f/10%10), byte('0'+f%10))
	}
	return b
}

// CuesToSegments turns cues into transcript segments: a segment per run
// of consecutive lines of one speaker, starting at the start of the cue
// where the run begins, its lines joined into one paragraph. A document
// without any speaker keeps one segment per cue, since each cue's start
// is all the timing a transcript of it has. The --retime option uses it
// to re-time captions as if they were a transcript; a cue's start is exact
// (ExactStart), so the turns keep it.
func CuesToSegments(cues []caption.Cue) []caption.Segment { return cueTurns(cues) }

// cueTurns implements CuesToSegments.
func cueTurns(cues []caption.Cue) []caption.Segment {
	named := false
	for _, c := range cues {
		for _, l := range c.Lines {
			named = named || l.Speaker != ""
		}
	}
	var out []caption.Segment
	var words []string
	flush := func() {
		if n := len(out); n > 0 && len(words) > 0 {
			out[n-1].Paragraphs = []string{strings.Join(words, " ")}
		}
		words = words[:0]
	}
	for _, c := range cues {
		for i, l := range c.Lines {
			t := strings.Join(strings.Fields(l.Text), " ")
			if t == "" {
				continue
			}
			newTurn := len(out) == 0 || l.Speaker != out[len(out)-1].Speaker || (!named && i == 0)
			if newTurn {
				flush()
				out = append(out, caption.Segment{Start: c.Start, Speaker: l.Speaker, ExactStart: true})
			}
			words = append(words, t)
		}
	}
	flush()
	// A segment whose lines were all blank has no paragraph; drop it.
	kept := out[:0]
	for _, s := range out {
		if len(s.Paragraphs) > 0 {
			kept = append(kept, s)
		}
	}
	return kept
}
