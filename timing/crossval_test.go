package timing

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
)

// crossValidationGrid is every model leave-one-file-out cross-validation
// chooses among: the default, varied on the parameters the harness shows
// matter (when speech starts, how a speaker's rate is measured, where a
// slow speaker's silence falls, whether the last turn's window runs to
// the end of the media, how long before the next turn's speech a turn's
// stops, whether a slow speaker's silence is capped at the file's fitted
// silence per turn, whether a turn before the same speaker's next
// paragraph ends in silence). The window rule's ratio and slack stay at the default's: over
// 72 models that varied them, no fold chose other values.
func crossValidationGrid() []model {
	var out []model
	for _, lag := range []float64{0.25, 0.4, 0.5} {
		for _, q := range []float64{0.6, 0.7, 0.8} {
			for _, r := range []float64{13, 15} {
				for _, ew := range []float64{0, 4, 16} {
					for _, last := range []bool{false, true} {
						for _, gap := range []float64{0, 0.25, 0.5} {
							for _, fit := range []bool{false, true} {
								for _, para := range []float64{0, 8} {
									m := defaultModel
									m.startLag = time.Duration(lag * float64(time.Second))
									m.rateQuantile, m.minRate = q, r
									m.endWeight, m.lastToEnd = ew, last
									m.turnGap = time.Duration(gap * float64(time.Second))
									m.fitSilence = fit
									m.paragraphSilence = time.Duration(para * float64(time.Second))
									out = append(out, m)
								}
							}
						}
					}
				}
			}
		}
	}
	return out
}

// describe names m's parameters that the grid varies.
func (m model) describe() string {
	return fmt.Sprintf("lag %v q %v minRate %v endWeight %v lastToEnd %v turnGap %v fitSilence %v paragraphSilence %v",
		m.startLag.Seconds(), m.rateQuantile, m.minRate, m.endWeight, m.lastToEnd, m.turnGap.Seconds(), m.fitSilence, m.paragraphSilence.Seconds())
}

// cvLoss is what cross-validation minimises over files: the mean of the
// logarithm of each file's median word error over the uniform baseline's,
// plus how far its share within ±0.5 s falls short of the baseline's.
// Every file weighs the same, as the targets hold on every file; the
// logarithm keeps one file ten times worse from outweighing the rest.
func cvLoss(files []string, got, uniform map[string]score) float64 {
	loss := 0.0
	for _, f := range files {
		loss += math.Log(math.Max(got[f].Median, 0.01)/math.Max(uniform[f].Median, 0.01)) + (uniform[f].Within - got[f].Within)
	}
	return loss / float64(len(files))
}

// BenchmarkAccuracyCrossValidate chooses the model's global parameters by
// leave-one-file-out cross-validation: for each file, the grid's model
// that does best on the eight others times it, and the table gives those
// held-out figures beside the uniform baseline's. It also names the model
// that does best on all nine, the one the next default should be. Run it
// with go test ./timing -run '^$' -bench AccuracyCrossValidate -benchtime 1x.
func BenchmarkAccuracyCrossValidate(b *testing.B) {
	refs := loadReferences(b)
	grid := crossValidationGrid()
	var names []string
	for _, f := range accuracyFiles {
		names = append(names, f.name)
	}
	uniform := map[string]score{}
	for _, f := range names {
		ref := refs[f]
		uniform[f] = measure(ref, uniformCues(append([]caption.Segment(nil), ref.segments...), ref.duration, ref.options(Options{})), Options{})
	}
	// scores[i][file]: model i on file.
	var scores []map[string]score
	for b.Loop() {
		scores = scores[:0]
		for _, m := range grid {
			s := map[string]score{}
			for _, f := range names {
				ref := refs[f]
				doc := &caption.Document{Segments: append([]caption.Segment(nil), ref.segments...), Duration: ref.duration, Language: ref.lang}
				makeCues(doc, Options{}, m)
				s[f] = measure(ref, doc.Cues, Options{})
			}
			scores = append(scores, s)
		}
	}
	best := func(files []string) int {
		k, low := 0, math.Inf(1)
		for i, s := range scores {
			if l := cvLoss(files, s, uniform); l < low {
				k, low = i, l
			}
		}
		return k
	}
	var t strings.Builder
	t.WriteString("| file | capconv median s | uniform median s | capconv ±0.5 s | uniform ±0.5 s | model chosen without it |\n|---|---:|---:|---:|---:|---|\n")
	var pooled, pooledUniform score
	worseFiles := 0
	for _, f := range names {
		var others []string
		for _, g := range names {
			if g != f {
				others = append(others, g)
			}
		}
		k := best(others)
		s := scores[k][f]
		pooled.pool(s)
		pooledUniform.pool(uniform[f])
		if s.Median > uniform[f].Median {
			worseFiles++
		}
		fmt.Fprintf(&t, "| %s | %.2f | %.2f | %.1f%% | %.1f%% | %s |\n",
			f, s.Median, uniform[f].Median, 100*s.Within, 100*uniform[f].Within, grid[k].describe())
	}
	pooled.finish()
	pooledUniform.finish()
	fmt.Fprintf(&t, "| pooled | %.2f | %.2f | %.1f%% | %.1f%% | %d of %d files worse than uniform |\n",
		pooled.Median, pooledUniform.Median, 100*pooled.Within, 100*pooledUniform.Within, worseFiles, len(names))
	fmt.Fprintf(&t, "best on all files: %s (default: %s)\n", grid[best(names)].describe(), defaultModel.describe())
	b.ReportMetric(100*pooled.Within, "%within-cv")
	b.ReportMetric(pooled.Median, "median-s-cv")
	printTable(b, fmt.Sprintf("leave-one-file-out over %d models", len(grid)), t.String())
}
