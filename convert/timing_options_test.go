package convert_test

import (
	"strings"
	"testing"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/timing"
)

func TestTimingOptions(t *testing.T) {
	zh := strings.Repeat("机器人学习的目标是使用机器学习来学习在一般环境中能运作的机器人技能。", 8)
	segs := []caption.Segment{{Speaker: "A", Paragraphs: []string{zh}}}
	for _, tc := range []struct {
		name     string
		doc      *caption.Document
		o        timing.Options
		maxChars int
		maxCPS   float64
	}{
		{"the document's tag", &caption.Document{Language: "ja", Segments: segs}, timing.Options{}, 13, 4},
		{"guessed from the text", &caption.Document{Segments: segs}, timing.Options{}, 16, 9},
		{"a timed copy guesses alike", &caption.Document{Segments: segs, Cues: []caption.Cue{{Lines: []caption.Line{{Text: "Hello there, this is English text."}}}}}, timing.Options{}, 16, 9},
		{"set values win", &caption.Document{Segments: segs}, timing.Options{MaxChars: 30}, 30, 9},
		{"a preset wins", &caption.Document{Language: "ja", Segments: segs}, timing.LanguagePreset("en"), 42, 20},
		{"two words of Chinese tell their script", &caption.Document{Segments: []caption.Segment{{Paragraphs: []string{"你好"}}}}, timing.Options{}, 16, 9},
		{"unknown language", &caption.Document{Segments: []caption.Segment{{Paragraphs: []string{"Hola, Ana."}}}}, timing.Options{}, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := convert.TimingOptions(tc.doc, convert.Options{Timing: tc.o})
			if got.MaxChars != tc.maxChars || got.MaxCPS != tc.maxCPS {
				t.Errorf("TimingOptions() = %d characters, %v cps; want %d, %v", got.MaxChars, got.MaxCPS, tc.maxChars, tc.maxCPS)
			}
		})
	}
}
