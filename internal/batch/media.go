package batch

import (
	"context"
	"fmt"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/timing"
)

// Speech finds the speech of the media file that media names for input,
// to time doc to (see Options.Media). It returns nil when media is nil or
// names no file, and when doc needs no timing: a caption file that keeps
// its times, which warn, when not nil, is told of. name is how errors
// call the input ("<stdin>" for standard input); lang, when not "", is
// the language the user said the text is in (else doc's own).
func Speech(ctx context.Context, media func(input string) (string, error), input, name, lang string, doc *caption.Document, warn func(caption.Position, string)) (*timing.Speech, error) {
	if media == nil {
		return nil, nil
	}
	if len(doc.Segments) == 0 {
		if len(doc.Cues) > 0 && warn != nil {
			warn(caption.Position{File: name}, "--media times transcripts, and caption files only with --retime: this file keeps its times")
		}
		return nil, nil
	}
	path, err := media(input)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", caption.QuotePath(name), err)
	}
	if path == "" {
		return nil, nil
	}
	sp, err := convert.DetectSpeech(ctx, path, doc, lang)
	if err != nil {
		return nil, fmt.Errorf("%s: --media: %w", caption.QuotePath(name), err)
	}
	return sp, nil
}
