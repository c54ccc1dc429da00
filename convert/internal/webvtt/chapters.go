package webvtt

import (
	"errors"
	"strconv"
	"time"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/text"
)

// AppendChapters appends d's chapters as a WebVTT chapters track, the file
// an HTML <track kind="chapters"> loads beside the captions: one cue per
// chapter, numbered from 1, titled by the chapter's title. Each chapter
// ends where the next begins; the last ends at its own End, else at the
// end of the last cue or the document's Duration, whichever is later, and
// lasts at least a millisecond so that it is never empty.
func AppendChapters(b []byte, d *caption.Document) ([]byte, error) {
	if len(d.Chapters) == 0 {
		return b, ErrNoChapters
	}
	b = append(b, "WEBVTT\n\n"...)
	for i, ch := range d.Chapters {
		end := chapterEnd(d, i)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, '\n')
		b = text.AppendClock(b, ch.Start, '.')
		b = append(b, " --> "...)
		b = text.AppendClock(b, end, '.')
		b = append(b, '\n')
		title := ch.Title
		if text.IsBlank(title) {
			title = "Chapter " + strconv.Itoa(i+1)
		}
		b = appendEscaped(b, title)
		b = append(b, "\n\n"...)
	}
	return b, nil
}

// ErrNoChapters reports a chapters track asked of a document without
// chapters.
var ErrNoChapters = errors.New("no chapters to write")

// chapterEnd returns when chapter i of d ends.
func chapterEnd(d *caption.Document, i int) time.Duration {
	start := d.Chapters[i].Start
	var end time.Duration
	if i+1 < len(d.Chapters) {
		end = d.Chapters[i+1].Start
	} else {
		end = max(d.Chapters[i].End, d.Duration)
		if n := len(d.Cues); n > 0 {
			end = max(end, d.Cues[n-1].End)
		}
	}
	return max(end, start+time.Millisecond)
}
