package media

import (
	"math"
	"math/rand"
	"testing"
)

// TestPowerFFTMatchesTheDFT compares the power spectra of random and
// pure-tone frames with the discrete Fourier transform's, summed term by
// term, to a part in a billion of the frame's energy.
func TestPowerFFTMatchesTheDFT(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	for _, n := range []int{4, 8, 64, fftSize} {
		f := newPowerFFT(n)
		for trial := range 20 {
			seq := make([]float64, n)
			for i := range seq {
				switch trial % 3 {
				case 0:
					seq[i] = rng.NormFloat64()
				case 1:
					seq[i] = math.Sin(2 * math.Pi * float64(trial) * float64(i) / float64(n))
				default:
					seq[i] = float64(i % 5)
				}
			}
			got := make([]float64, n/2+1)
			f.power(got, seq)
			total := 0.0
			want := make([]float64, n/2+1)
			for k := range want {
				var re, im float64
				for i, x := range seq {
					s, c := math.Sincos(-2 * math.Pi * float64(k*i) / float64(n))
					re, im = re+x*c, im+x*s
				}
				want[k] = re*re + im*im
				total += want[k]
			}
			for k := range want {
				if math.Abs(got[k]-want[k]) > 1e-9*max(total, 1) {
					t.Fatalf("n %d, trial %d: power[%d] = %g, want %g", n, trial, k, got[k], want[k])
				}
			}
		}
	}
}

func BenchmarkPowerFFT(b *testing.B) {
	f := newPowerFFT(fftSize)
	seq, power := make([]float64, fftSize), make([]float64, fftSize/2+1)
	for i := range seq {
		seq[i] = float64(i % 7)
	}
	for b.Loop() {
		f.power(power, seq)
	}
}
