package convert

import (
	"context"

	"github.com/capconv/capconv/convert/media"
	"github.com/capconv/capconv/timing"
)

// DetectSpeech finds the speech in the audio of the media file at path
// (any file ffmpeg reads; see package media), for Options.Timing.Speech:
// a transcript's cues are then timed to it, and a caption file's with
// Retime re-synced to it.
func DetectSpeech(ctx context.Context, path string) (*timing.Speech, error) {
	sp, err := media.Detect(ctx, path)
	if err != nil {
		return nil, err
	}
	out := &timing.Speech{Duration: sp.Duration, Spans: make([]timing.SpeechSpan, len(sp.Spans))}
	for i, s := range sp.Spans {
		out.Spans[i] = timing.SpeechSpan{Start: s.Start, End: s.End}
	}
	out.Nuclei = sp.Nuclei
	return out, nil
}
