package pipeline

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/capconv/capconv/convert"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// goldenCases are the inputs whose every output is pinned in a golden
// file: testdata/<case>.<ext> → testdata/<case>.golden.<ext>.
var goldenCases = []string{"000_2e7f89a82c8d846d.txt"}

var goldenFormats = []convert.Format{convert.SRT, convert.WebVTT, convert.TTML}

func loadCase(t *testing.T, name string) *convert.Document {
	t.Helper()
	path := filepath.Join("..", "..", "testdata", name)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := Load(f, path, convert.Transcript, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestGolden(t *testing.T) {
	for _, name := range goldenCases {
		doc := loadCase(t, name)
		for _, f := range goldenFormats {
			t.Run(name+"/"+string(f), func(t *testing.T) {
				got, err := Render(doc, f, Options{})
				if err != nil {
					t.Fatal(err)
				}
				base := strings.TrimSuffix(name, filepath.Ext(name))
				golden := filepath.Join("..", "..", "testdata", base+".golden"+f.Ext())
				if *update {
					if err := os.WriteFile(golden, got, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test ./... -update to create it)", err)
				}
				if d := cmp.Diff(string(want), string(got)); d != "" {
					t.Errorf("Render(%s) mismatch with %s (-want +got):\n%s", f, golden, d)
				}
			})
		}
	}
}

// cueView is what every format must carry through a round trip: times
// in whole milliseconds, lines and their speakers.
type cueView struct {
	Start, End int64
	Lines      []convert.Line
}

func view(cues []convert.Cue) []cueView {
	out := make([]cueView, len(cues))
	for i, c := range cues {
		out[i] = cueView{c.Start.Round(time.Millisecond).Milliseconds(), c.End.Round(time.Millisecond).Milliseconds(), c.Lines}
	}
	return out
}

// TestRoundTrip writes the seed's cues in every format, reads them back
// with capconv's own readers, and compares times, lines and speakers.
// The SRT writer puts the label on the first cue of a turn and counts it
// in the line limits, so its cues are timed with the label reserved.
func TestRoundTrip(t *testing.T) {
	doc := loadCase(t, goldenCases[0])
	for _, f := range goldenFormats {
		t.Run(string(f), func(t *testing.T) {
			o := Options{}
			data, err := Render(doc, f, o)
			if err != nil {
				t.Fatal(err)
			}
			got, err := convert.Read(bytes.NewReader(data), f, convert.ReadOptions{File: "out" + f.Ext(), Labels: convert.LabelName})
			if err != nil {
				t.Fatal(err)
			}
			want := Timed(doc, f, o)
			if d := cmp.Diff(view(want.Cues), view(got.Cues)); d != "" {
				t.Errorf("round trip through %s (-want +got):\n%s", f, d)
			}
		})
	}
}
