package convert_test

import (
	"bytes"
	"os"
	"testing"
	"time"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/internal/benchdata"
)

// The benchmarks here complete srt_test.go's and webvtt_test.go's: the
// transcript reader at three hours, and the formats those files do not
// measure. They go through the public Read and Write, as the CLI does.

// lexSRT is a 3 h 28 min, 5,502-cue caption file.
const lexSRT = "../testdata/captions/lexfridman-333-karpathy.srt"

func readFile(b *testing.B, path string) []byte {
	b.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// lexIn returns the Lex Fridman captions in format f, written by capconv;
// it skips the benchmark when capconv cannot write f yet.
func lexIn(b *testing.B, f convert.Format) []byte {
	b.Helper()
	doc, err := convert.Read(bytes.NewReader(readFile(b, lexSRT)), convert.SRT, convert.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := convert.Write(&buf, doc, f, convert.Options{}); err != nil {
		b.Skipf("writing %s: %v", f, err)
	}
	return buf.Bytes()
}

func BenchmarkReadTranscript3h(b *testing.B) {
	data := benchdata.Repeat(readFile(b, "../"+benchdata.SeedTranscript), 3*time.Hour)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := convert.Read(bytes.NewReader(data), convert.Transcript, convert.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// The Lex benchmarks run each format on the same 5,502 cues, so that
// formats compare with each other and with BenchmarkReadSRT.
func BenchmarkReadWebVTTLex(b *testing.B) { benchRead(b, convert.WebVTT) }
func BenchmarkReadTTMLLex(b *testing.B)   { benchRead(b, convert.TTML) }
func BenchmarkWriteTTMLLex(b *testing.B)  { benchWrite(b, convert.TTML) }

func benchRead(b *testing.B, f convert.Format) {
	data := lexIn(b, f)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := convert.Read(bytes.NewReader(data), f, convert.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func benchWrite(b *testing.B, f convert.Format) {
	lexIn(b, f) // skips when f cannot be written yet
	doc, err := convert.Read(bytes.NewReader(readFile(b, lexSRT)), convert.SRT, convert.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := convert.Write(&buf, doc, f, convert.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
