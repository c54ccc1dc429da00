package check

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkCheck reads and checks each caption file of the corpus in
// testdata/captions, from memory: files/s is how many such files check
// does a second on one core (docs/check.md has the figures).
func BenchmarkCheck(b *testing.B) {
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
				r, err := Read(bytes.NewReader(data), p, Options{})
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
