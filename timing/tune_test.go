package timing

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkAccuracyTune varies each global parameter of the model around
// its default, one at a time, then two by two on a grid (the window rule
// and the rate quantile together; sub-benchmark grid), and reports the
// figures on the tuning files and on the hold-out files: each variation
// is a sub-benchmark, whose metrics end in -tune or -hold. See
// diag_test.go for how to run it.
func BenchmarkAccuracyTune(b *testing.B) {
	refs := loadReferences(b)
	var table []string
	try := func(b *testing.B, name string, m model) {
		b.Run(name, func(b *testing.B) {
			var line string
			var tune, hold score
			for b.Loop() {
				var ln strings.Builder
				tune, hold = tuneScores(refs, m, true, &ln), tuneScores(refs, m, false, &ln)
				line = ln.String()
			}
			reportScore(b, tune, "-tune")
			reportScore(b, hold, "-hold")
			table = append(table, fmt.Sprintf("%s:%s", b.Name(), line))
		})
	}
	base := defaultModel
	try(b, "default", base)
	vary := func(name string, values []float64, set func(*model, float64)) {
		for _, v := range values {
			m := base
			set(&m, v)
			try(b, fmt.Sprintf("%s=%v", name, v), m)
		}
	}
	vary("startLag", []float64{0, 0.25, 0.75}, func(m *model, v float64) { m.startLag = seconds(v) })
	vary("sentencePause", []float64{0, 3, 10, 15}, func(m *model, v float64) { m.sentencePause = v })
	vary("clausePause", []float64{0, 4, 8}, func(m *model, v float64) { m.clausePause = v })
	vary("rateQuantile", []float64{0.5, 0.6, 0.8, 0.9}, func(m *model, v float64) { m.rateQuantile = v })
	vary("slack", []float64{1, 1.3, 1.6, 2, 3, 100}, func(m *model, v float64) { m.slack = v })
	vary("minRate", []float64{0, 13, 17}, func(m *model, v float64) { m.minRate = v })
	vary("silentShare", []float64{0, 0.25, 0.75, 1}, func(m *model, v float64) { m.silentShare = v })
	b.Run("grid", func(b *testing.B) {
		for _, r := range []float64{15, 16, 17} {
			for _, sh := range []float64{0, 0.25, 0.5, 0.75, 1} {
				m := base
				m.minRate, m.silentShare = r, sh
				try(b, fmt.Sprintf("minRate=%v,silentShare=%v", r, sh), m)
			}
		}
		for _, g := range []float64{1.15, 1.5, 2, 3} {
			for _, sl := range []float64{1, 1.15, 1.3} {
				for _, q := range []float64{0.5, 0.6, 0.7} {
					m := base
					m.gapRatio, m.slack, m.rateQuantile = max(g, sl), sl, q
					try(b, fmt.Sprintf("gap=%v,slack=%v,q=%v", g, sl, q), m)
				}
			}
		}
	})
	printTable(b, fmt.Sprintf("default model %+v; per file median s/±0.5 s, then pooled", base), strings.Join(table, "\n")+"\n")
}

// tuneScores times the tuning files (tune) or the hold-out files with
// model m, writes each file's figures and the pooled ones to w, and
// returns the pooled score.
func tuneScores(refs map[string]reference, m model, tune bool, w *strings.Builder) score {
	var pooled score
	fmt.Fprintf(w, " %s[", map[bool]string{true: "tune", false: "hold"}[tune])
	for _, f := range accuracyFiles {
		if f.tune != tune {
			continue
		}
		s := timeFile(refs[f.name], m)
		pooled.pool(s)
		fmt.Fprintf(w, "%s %.2f/%.0f%% ", f.name[:4], s.Median, 100*s.Within)
	}
	pooled.finish()
	fmt.Fprintf(w, "| pooled %.3f p90 %.2f on %.1f%% ±.5 %.1f%% read %.1f%%]", pooled.Median, pooled.P90, 100*pooled.OnScreen, 100*pooled.Within, 100*pooled.Readable)
	return pooled
}
