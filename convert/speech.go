package convert

import (
	"context"
	"time"

	"github.com/capconv/capconv/convert/media"
	"github.com/capconv/capconv/timing"
)

// DetectSpeech finds the speech in the audio of the media file at path
// (any file ffmpeg reads; see package media), for Options.Timing.Speech:
// a transcript's cues are then timed to it, and a caption file's with
// Retime re-synced to it. lang is the BCP 47 tag of the text's language:
// when espeak-ng has a voice for it, each turn's words are aligned to
// the speech by warping synthesized speech onto it; else (or with lang
// "") they are spread over the syllables found.
func DetectSpeech(ctx context.Context, path, lang string) (*timing.Speech, error) {
	sp, err := media.Detect(ctx, path)
	if err != nil {
		return nil, err
	}
	out := &timing.Speech{Duration: sp.Duration, Spans: make([]timing.SpeechSpan, len(sp.Spans))}
	for i, s := range sp.Spans {
		out.Spans[i] = timing.SpeechSpan{Start: s.Start, End: s.End}
	}
	out.Nuclei = sp.Nuclei
	if lang != "" {
		if sy, err := media.NewSynthesizer(lang); err == nil {
			out.Words = WordAligner(ctx, sp.Sounds, sy)
		}
	}
	return out, nil
}

// WordAligner returns a timing.Speech.Words that aligns words to sounds
// by sy's speech (see media.Sounds.Align); a turn it cannot align (the
// synthesizer fails) is left to the syllables.
func WordAligner(ctx context.Context, sounds media.Sounds, sy *media.Synthesizer) func([]string, []timing.SpeechSpan) []time.Duration {
	return func(words []string, spans []timing.SpeechSpan) []time.Duration {
		ms := make([]media.Span, len(spans))
		for i, s := range spans {
			ms[i] = media.Span{Start: s.Start, End: s.End}
		}
		at, err := sounds.Align(ctx, sy, words, ms)
		if err != nil {
			return nil
		}
		return at
	}
}
