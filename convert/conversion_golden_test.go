package convert_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/convert/caption"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// goldenCases are the inputs whose every output is pinned in a golden
// file: testdata/<case>.<ext> → testdata/<case>.golden.<ext>.
var goldenCases = []string{"000_2e7f89a82c8d846d.txt"}

var goldenFormats = []convert.Format{convert.SRT, convert.WebVTT, convert.TTML, convert.DFXP, convert.ASS, convert.JSON, convert.Transcript}

func loadCase(t *testing.T, name string) *caption.Document {
	t.Helper()
	path := filepath.Join("..", "testdata", name)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := load(f, path, convert.Transcript, convert.Options{})
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
				got, err := render(doc, f, convert.Options{})
				if err != nil {
					t.Fatal(err)
				}
				base := strings.TrimSuffix(name, filepath.Ext(name))
				golden := filepath.Join("..", "testdata", base+".golden"+f.Ext())
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
					t.Errorf("render(%s) mismatch with %s (-want +got):\n%s", f, golden, d)
				}
			})
		}
	}
}

// cueView is what every format must carry through a round trip: times
// in whole milliseconds, lines and their speakers.
type cueView struct {
	Start, End int64
	Lines      []caption.Line
}

// viewAt returns what cues must carry, times rounded to unit, the
// format's precision.
func viewAt(cues []caption.Cue, unit time.Duration) []cueView {
	out := make([]cueView, len(cues))
	for i, c := range cues {
		out[i] = cueView{c.Start.Round(unit).Milliseconds(), c.End.Round(unit).Milliseconds(), c.Lines}
	}
	return out
}

// precision is how finely each format writes times.
func precision(f convert.Format) time.Duration {
	if f == convert.ASS {
		return 10 * time.Millisecond
	}
	return time.Millisecond
}

// TestTranscriptRoundTrip converts the seed to a transcript and that
// transcript to WebVTT: the result must be exactly the seed's own WebVTT,
// so that txt output loses nothing the timing model uses.
func TestTranscriptRoundTrip(t *testing.T) {
	doc := loadCase(t, goldenCases[0])
	txt, err := render(doc, convert.Transcript, convert.Options{})
	if err != nil {
		t.Fatal(err)
	}
	back, err := load(bytes.NewReader(txt), "seed.txt", convert.Transcript, convert.Options{})
	if err != nil {
		t.Fatalf("reading the txt output: %v\n%s", err, txt)
	}
	want, err := render(doc, convert.WebVTT, convert.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := render(back, convert.WebVTT, convert.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(string(want), string(got)); d != "" {
		t.Errorf("seed → txt → vtt differs from seed → vtt (-want +got):\n%s", d)
	}
	if d := cmp.Diff(doc.Chapters, back.Chapters); d != "" {
		t.Errorf("chapters (-want +got):\n%s", d)
	}
}

// TestRoundTrip writes the seed's cues in every format, reads them back
// with capconv's own readers, and compares times, lines and speakers.
// The SRT writer puts the label on the first cue of a turn and counts it
// in the line limits, so its cues are timed with the label reserved.
func TestRoundTrip(t *testing.T) {
	doc := loadCase(t, goldenCases[0])
	for _, f := range goldenFormats {
		if f == convert.Transcript {
			continue // TestTranscriptRoundTrip
		}
		t.Run(string(f), func(t *testing.T) {
			o := convert.Options{}
			data, err := render(doc, f, o)
			if err != nil {
				t.Fatal(err)
			}
			got, err := convert.Read(bytes.NewReader(data), f, convert.Options{File: "out" + f.Ext(), Labels: convert.LabelName})
			if err != nil {
				t.Fatal(err)
			}
			want := timedFor(t, doc, f, o)
			if d := cmp.Diff(viewAt(want.Cues, precision(f)), viewAt(got.Cues, precision(f))); d != "" {
				t.Errorf("round trip through %s (-want +got):\n%s", f, d)
			}
		})
	}
}
