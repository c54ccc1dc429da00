package convert

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDecodeTextSharedBySRT checks that SRT accepts the encodings
// transcripts do, through the shared decoder.
func TestDecodeTextSharedBySRT(t *testing.T) {
	var warnings []string
	doc, err := readSRT([]byte("1\r\n00:00:01,000 --> 00:00:02,000\r\nCaf\xe9 \x93ol\xe9\x94\r\n"), ReadOptions{File: "s.srt", Warn: func(p Position, m string) {
		warnings = append(warnings, p.String())
	}})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]Line{{Text: "Café “olé”"}}, doc.Cues[0].Lines); d != "" {
		t.Errorf("mismatch (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{"s.srt:3"}, warnings); d != "" {
		t.Errorf("warnings mismatch (-want +got):\n%s", d)
	}
}
