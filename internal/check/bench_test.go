package check

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/timing"
)

// BenchmarkCheck reads and checks each caption file of the corpus in
// testdata/captions, from memory: files/s is how many such files check
// does a second on one core (docs/check.md has the figures).
func BenchmarkCheck(b *testing.B) { benchmarkCheck(b, Options{}) }

// BenchmarkCheckPreset is BenchmarkCheck under --preset netflix: the
// limits need no language, and an untagged file's line break rules tell
// it by its closed-class words.
func BenchmarkCheckPreset(b *testing.B) {
	o, _ := timing.Preset("netflix")
	benchmarkCheck(b, Options{Convert: convert.Options{Timing: o}})
}

func benchmarkCheck(b *testing.B, o Options) {
	paths, _ := filepath.Glob("../../testdata/captions/*.srt")
	vtts, _ := filepath.Glob("../../testdata/captions/*.vtt")
	paths = append(paths, vtts...)
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(p), func(b *testing.B) {
			b.ReportAllocs()
			cues := 0
			for b.Loop() {
				r, err := Read(bytes.NewReader(data), p, o)
				if err != nil {
					b.Fatal(err)
				}
				cues = len(r.Cues)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "files/s")
			b.ReportMetric(float64(cues), "cues/file")
		})
	}
}
