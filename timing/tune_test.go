package timing

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/capconv/capconv/convert/caption"
)

// TestAccuracyTune varies each global parameter of the model around its
// default, one at a time, and prints the figures on the tuning files and
// on the hold-out files. It runs only when CAPCONV_TUNE is set, since it
// times the whole harness dozens of times.
func TestAccuracyTune(t *testing.T) {
	if os.Getenv("CAPCONV_TUNE") == "" {
		t.Skip("set CAPCONV_TUNE=1 to tune the model")
	}
	refs := loadReferences(t)
	run := func(m model) string {
		var b strings.Builder
		for _, split := range []bool{true, false} {
			var pooled score
			fmt.Fprintf(&b, " %s[", map[bool]string{true: "tune", false: "hold"}[split])
			for _, f := range accuracyFiles {
				if f.tune != split {
					continue
				}
				ref := refs[f.name]
				doc := &caption.Document{Segments: append([]caption.Segment(nil), ref.segments...), Duration: ref.duration}
				makeCues(doc, Options{}, m)
				s := measure(ref, doc.Cues, Options{})
				pooled.pool(s)
				fmt.Fprintf(&b, "%s %.2f/%.0f%% ", f.name[:4], s.Median, 100*s.Within)
			}
			pooled.finish()
			fmt.Fprintf(&b, "| pooled %.3f p90 %.2f on %.1f%% ±.5 %.1f%% read %.1f%%]", pooled.Median, pooled.P90, 100*pooled.OnScreen, 100*pooled.Within, 100*pooled.Readable)
		}
		return b.String()
	}
	base := defaultModel
	t.Logf("default %+v:%s", base, run(base))
	vary := func(name string, values []float64, set func(*model, float64)) {
		for _, v := range values {
			m := base
			set(&m, v)
			t.Logf("%s=%v:%s", name, v, run(m))
		}
	}
	if os.Getenv("CAPCONV_TUNE") == "grid" {
		for _, r := range []float64{15, 16, 17} {
			for _, sh := range []float64{0, 0.25, 0.5, 0.75, 1} {
				m := base
				m.minRate, m.silentShare = r, sh
				t.Logf("minRate=%v silentShare=%v:%s", r, sh, run(m))
			}
		}
		for _, g := range []float64{1.15, 1.5, 2, 3} {
			for _, sl := range []float64{1, 1.15, 1.3} {
				for _, q := range []float64{0.5, 0.6, 0.7} {
					m := base
					m.gapRatio, m.slack, m.rateQuantile = max(g, sl), sl, q
					t.Logf("gap=%v slack=%v q=%v:%s", g, sl, q, run(m))
				}
			}
		}
		return
	}
	vary("startLag", []float64{0, 0.25, 0.75}, func(m *model, v float64) { m.startLag = seconds(v) })
	vary("sentencePause", []float64{0, 3, 10, 15}, func(m *model, v float64) { m.sentencePause = v })
	vary("clausePause", []float64{0, 4, 8}, func(m *model, v float64) { m.clausePause = v })
	vary("rateQuantile", []float64{0.5, 0.6, 0.8, 0.9}, func(m *model, v float64) { m.rateQuantile = v })
	vary("slack", []float64{1, 1.3, 1.6, 2, 3, 100}, func(m *model, v float64) { m.slack = v })
	vary("minRate", []float64{0, 13, 17}, func(m *model, v float64) { m.minRate = v })
	vary("silentShare", []float64{0, 0.25, 0.75, 1}, func(m *model, v float64) { m.silentShare = v })
}
