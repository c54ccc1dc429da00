package timing

import (
	"os"
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/internal/benchdata"
	"github.com/capconv/capconv/internal/japanese"
)

// threeHours reads the seed transcript repeated to three hours, the
// length of a long podcast: the size capconv's speed targets are set for.
func threeHours(b *testing.B) *caption.Document {
	b.Helper()
	seed, err := os.ReadFile("../" + benchdata.SeedTranscript)
	if err != nil {
		b.Fatal(err)
	}
	doc, err := ReadDocument(benchdata.SeedTranscript, benchdata.Repeat(seed, 3*time.Hour))
	if err != nil {
		b.Fatal(err)
	}
	return doc
}

func BenchmarkMakeCues3h(b *testing.B) {
	doc := threeHours(b)
	b.ReportAllocs()
	for b.Loop() {
		d := *doc
		d.Cues = nil
		d.Chapters = append([]caption.Chapter(nil), doc.Chapters...)
		MakeCues(&d, Options{})
	}
}

func BenchmarkBreakLines(b *testing.B) {
	const text = "I think the main thing that most people in the world are going to see is the new version of Meta AI."
	b.ReportAllocs()
	for b.Loop() {
		BreakLines(text, 42, 2)
	}
}

// BenchmarkMakeCuesJapanese makes the cues of the Japanese anime's derived
// transcript (25 minutes, 3,347 characters), its text analysed for its
// words (japaneseJoints) on the way.
func BenchmarkMakeCuesJapanese(b *testing.B) {
	ref := loadReferences(b)["anime-ja"]
	japanese.Tokenizer() // the dictionary loads once a process, not once a transcript
	b.ReportAllocs()
	for b.Loop() {
		doc := &caption.Document{Segments: append([]caption.Segment(nil), ref.segments...), Duration: ref.duration}
		MakeCues(doc, ref.options(Options{}))
	}
}
