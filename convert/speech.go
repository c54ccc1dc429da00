package convert

import (
	"context"
	"strings"
	"time"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/media"
	"github.com/capconv/capconv/timing"
)

// DetectSpeech finds the speech in the audio of the media file at path
// (any file ffmpeg reads; see package media), for timing doc with
// Options.Timing.Speech: a transcript's cues are then timed to it, and a
// caption file's with Retime re-synced to it. lang is the BCP 47 tag of
// doc's language ("": Language(doc)): when espeak-ng has a voice for it,
// each turn's words are aligned to the speech by warping synthesized
// speech onto it (said while the media decodes); else they are spread
// over the syllables found.
func DetectSpeech(ctx context.Context, path string, doc *caption.Document, lang string) (*timing.Speech, error) {
	if lang == "" {
		lang = Language(doc)
	}
	var sy *media.Synthesizer
	stop := func() {}
	if lang != "" {
		if s, err := media.NewSynthesizer(lang); err == nil {
			sy = s
			// What the timing model will ask to align: each turn, or a
			// long turn's pieces.
			var turns [][]string
			for _, s := range doc.Segments {
				turns = append(turns, timing.AlignPieces(strings.Fields(s.Text()))...)
			}
			stop = sy.Prefetch(ctx, turns)
		}
	}
	sp, err := media.Detect(ctx, path)
	if err != nil {
		stop()
		return nil, err
	}
	out := &timing.Speech{Duration: sp.Duration, Spans: make([]timing.SpeechSpan, len(sp.Spans))}
	for i, s := range sp.Spans {
		out.Spans[i] = timing.SpeechSpan{Start: s.Start, End: s.End}
	}
	out.Nuclei = sp.Nuclei
	if sy != nil {
		out.Words = wordAligner(ctx, sp.Sounds, sy)
	}
	return out, nil
}

// wordAligner returns a timing.Speech.Words that aligns words to sounds
// by sy's speech (see media.Sounds.Align); turns it cannot align (the
// synthesizer fails) are left to the syllables.
func wordAligner(ctx context.Context, sounds media.Sounds, sy *media.Synthesizer) func([][]string, []timing.SpeechSpan) []time.Duration {
	return func(turns [][]string, spans []timing.SpeechSpan) []time.Duration {
		ms := make([]media.Span, len(spans))
		for i, s := range spans {
			ms[i] = media.Span{Start: s.Start, End: s.End}
		}
		at, err := sounds.Align(ctx, sy, turns, ms)
		if err != nil {
			return nil
		}
		return at
	}
}
