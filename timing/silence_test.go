package timing

import (
	"math/rand/v2"
	"testing"
	"time"
)

// TestFittedSilence checks the fit of window = a·need + b on generated
// turns: b comes back within 0.3 s however long the turns, with a tenth of
// them holding a long scene of music, and no fit from too few turns.
func TestFittedSilence(t *testing.T) {
	for _, tt := range []struct {
		name    string
		a, b    float64 // seconds
		turns   int
		want    float64
		fitted  bool
		outlier bool
	}{
		{name: "live captions: speech to the next turn", a: 1.05, b: 0.9, turns: 200, want: 0.9, fitted: true},
		{name: "narration: silence before each shot", a: 1.0, b: 6, turns: 200, want: 6, fitted: true, outlier: true},
		{name: "slow speech, no silence", a: 1.4, b: 0, turns: 50, want: 0, fitted: true},
		{name: "silence never negative", a: 1.3, b: -2, turns: 50, want: 0, fitted: true},
		{name: "too few turns to tell", a: 1, b: 3, turns: minSilenceFit - 1, fitted: false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(1, 2))
			var ws []window
			for k := range tt.turns {
				need := 1 + 30*rng.Float64()
				win := tt.a*need + tt.b + 0.4*rng.NormFloat64()
				if tt.outlier && k%10 == 0 {
					win += 60 // a scene of music the transcript says nothing of
				}
				start := time.Duration(k) * time.Minute
				ws = append(ws, window{start: start, end: start + seconds(max(win, 2.5)), need: seconds(need), next: true})
			}
			// A stated range and the last turn do not count.
			ws = append(ws, window{start: 0, end: time.Hour, need: time.Second, known: true, next: true}, window{start: 0, end: time.Hour, need: time.Second})
			got, ok := fittedSilence(ws)
			if ok != tt.fitted {
				t.Fatalf("fittedSilence() fitted = %v, want %v", ok, tt.fitted)
			}
			if ok && (got.Seconds() < tt.want-0.3 || got.Seconds() > tt.want+0.3) {
				t.Errorf("fittedSilence() = %v, want %.1fs ± 0.3 s", got, tt.want)
			}
		})
	}
}
