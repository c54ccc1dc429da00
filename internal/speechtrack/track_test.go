package speechtrack

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
)

// TestBuildIsRepeatable builds one track twice and gets the same bytes:
// the media harness's figures are only comparable across machines if the
// tracks are (sox dithers at random unless told not to).
func TestBuildIsRepeatable(t *testing.T) {
	if err := Tools(); err != nil {
		if os.Getenv("CAPCONV_REQUIRE_INTEROP") != "" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	var cues []caption.Cue
	for i := range 8 {
		at := time.Duration(i) * 2 * time.Second
		cues = append(cues, caption.Cue{Start: at, End: at + 1500*time.Millisecond,
			Lines: []caption.Line{{Speaker: fmt.Sprint(i % 3), Text: fmt.Sprintf("This is cue number %d, said slowly.", i)}}})
	}
	dir := t.TempDir()
	var builds [][]byte
	for k := range 2 {
		path := filepath.Join(dir, fmt.Sprintf("track%d.wav", k))
		if err := Build(context.Background(), cues, path, Options{Language: "en", SNR: 20, Music: true, Seed: 1}); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		builds = append(builds, data)
	}
	if !bytes.Equal(builds[0], builds[1]) {
		t.Error("two builds of the same track differ")
	}
	// 16 s of speech and the second after it, at 16-bit mono.
	if want := 44 + 2*Rate*16; len(builds[0]) < want {
		t.Errorf("%d bytes, want at least %d", len(builds[0]), want)
	}
}
