package convert_test

import (
	"bytes"
	"os"
	"testing"
	"time"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/internal/benchdata"
)

// threeHours returns the seed transcript repeated to three hours: the
// input of capconv's speed target (all three formats in under 20 ms).
func threeHours(b *testing.B) []byte {
	b.Helper()
	seed, err := os.ReadFile("../" + benchdata.SeedTranscript)
	if err != nil {
		b.Fatal(err)
	}
	return benchdata.Repeat(seed, 3*time.Hour)
}

// BenchmarkRender3h measures Render, timing included, per format.
func BenchmarkRender3h(b *testing.B) {
	doc, err := load(bytes.NewReader(threeHours(b)), "3h.txt", convert.Transcript, convert.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range []convert.Format{convert.SRT, convert.WebVTT, convert.TTML} {
		b.Run(string(f), func(b *testing.B) {
			if _, err := render(doc, f, convert.Options{}); err != nil {
				b.Skipf("%s: %v", f, err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := render(doc, f, convert.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkConvert3h is the whole in-memory work of "capconv convert" on
// a three-hour transcript: read once, time and render every format that
// renders (timing runs once for SRT and once for the others).
func BenchmarkConvert3h(b *testing.B) {
	data := threeHours(b)
	var to []convert.Format
	doc, err := load(bytes.NewReader(data), "3h.txt", convert.Transcript, convert.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range []convert.Format{convert.SRT, convert.WebVTT, convert.TTML} {
		if _, err := render(doc, f, convert.Options{}); err == nil {
			to = append(to, f)
		}
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		doc, err := load(bytes.NewReader(data), "3h.txt", convert.Transcript, convert.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := renderAll(doc, to, convert.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkConvertLex is the whole in-memory work of "capconv convert
// x.srt --to vtt" on the 5,502-cue Lex Fridman captions: read with speaker
// label detection, then write WebVTT.
func BenchmarkConvertLex(b *testing.B) {
	data, err := os.ReadFile("../testdata/captions/lexfridman-333-karpathy.srt")
	if err != nil {
		b.Fatal(err)
	}
	to := []convert.Format{convert.WebVTT}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		doc, err := load(bytes.NewReader(data), "lex.srt", convert.SRT, convert.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := renderAll(doc, to, convert.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
