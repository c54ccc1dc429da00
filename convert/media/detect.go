package media

import (
	"context"
	"math"
	"slices"
	"time"
)

// Frame is the step of the analysis: one speech or silence decision
// every 10 ms.
const Frame = 10 * time.Millisecond

const (
	hop       = SampleRate / 100 // samples a frame
	frameSize = SampleRate / 40  // 25 ms of samples analysed for each frame
	fftSize   = 512
	bandLow   = 300  // Hz: below, hum and rumble
	bandHigh  = 4000 // Hz: above, little of speech's energy
)

// Span is a stretch of the media's time.
type Span struct{ Start, End time.Duration }

// Speech is where a media file's audio holds speech.
type Speech struct {
	// Spans are the stretches that hold speech, sorted and apart. A pause
	// of less than MinPause inside speech is not a gap between spans.
	Spans []Span
	// Duration is the length of the audio.
	Duration time.Duration
	// Nuclei are the syllables' peaks of loudness inside the spans, in
	// order: speech is a train of syllables, four to eight a second, each
	// louder in its vowel; how many lie between two times says how much
	// was said, whatever the speaking rate.
	Nuclei []time.Duration
	// Sounds are what each frame sounds like, for aligning words to
	// the speech (see Sounds.Align).
	Sounds Sounds
}

// MinPause is the shortest silence Speech keeps between two spans: the
// stops inside and between words are shorter.
const MinPause = 60 * time.Millisecond

// minSpeech is the shortest sound taken for speech: a click or a
// breath is shorter.
const minSpeech = 50 * time.Millisecond

// Detect decodes the media file at path (see Decode) and finds its speech.
func Detect(ctx context.Context, path string) (Speech, error) {
	d := NewDetector()
	duration, err := Decode(ctx, path, func(s []int16) error {
		d.Write(s)
		return nil
	})
	if err != nil {
		return Speech{}, err
	}
	sp := d.Speech()
	sp.Duration = duration
	return sp, nil
}

// A Detector finds speech in audio written to it a block at a time, at
// SampleRate, mono. It keeps one number a frame (the energy of the
// speech band), not the samples.
type Detector struct {
	fft     *powerFFT
	window  []float64 // the Hann window
	pending []float64 // samples not yet consumed by a frame
	seq     []float64
	power   []float64 // the frame's power spectrum
	energy  []float32 // each frame's speech-band energy, dB
	lo, hi  int       // the speech band's FFT bins
	ceps    *cepstrum
	coeffs  []float32 // the Coeffs cepstral coefficients of every SoundFrame, in a row
	frames  int       // frames analysed
	step    int       // samples from a frame to the next: hop, or SoundFrame's for sounds alone
	sounds  bool      // only the sounds are kept (see newSoundsDetector)
}

// NewDetector returns a Detector ready for the first samples.
func NewDetector() *Detector {
	d := newDetector()
	d.step = hop
	return d
}

// newSoundsDetector returns a Detector that keeps only the sounds of
// what is written to it, a frame every SoundFrame.
func newSoundsDetector() *Detector {
	d := newDetector()
	d.step, d.sounds = soundHop, true
	return d
}

func newDetector() *Detector {
	w := make([]float64, frameSize)
	for i := range w {
		w[i] = 0.5 - 0.5*math.Cos(2*math.Pi*float64(i)/float64(frameSize-1))
	}
	binHz := float64(SampleRate) / fftSize
	return &Detector{
		fft:    newPowerFFT(fftSize),
		window: w,
		seq:    make([]float64, fftSize),
		power:  make([]float64, fftSize/2+1),
		ceps:   newCepstrum(),
		lo:     int(math.Ceil(bandLow / binHz)),
		hi:     int(bandHigh / binHz),
	}
}

// Write analyses samples, and keeps what the next frame needs of them.
func (d *Detector) Write(samples []int16) {
	for _, s := range samples {
		d.pending = append(d.pending, float64(s)/32768)
		if len(d.pending) == frameSize {
			d.analyse(d.pending)
			d.pending = append(d.pending[:0], d.pending[d.step:]...)
		}
	}
}

// analyse keeps one frame's energy of the speech band, in dB, and, every
// SoundFrame, its cepstral coefficients.
func (d *Detector) analyse(frame []float64) {
	for i, s := range frame {
		d.seq[i] = s * d.window[i]
	}
	clear(d.seq[len(frame):])
	d.fft.power(d.power, d.seq)
	if d.sounds || d.frames%(soundHop/hop) == 0 {
		d.coeffs = d.ceps.add(d.coeffs, d.power)
	}
	d.frames++
	if d.sounds {
		return
	}
	e := 1e-12 // -120 dB: digital silence
	for _, p := range d.power[d.lo : d.hi+1] {
		e += p
	}
	d.energy = append(d.energy, float32(10*math.Log10(e)))
}

// Speech decides, frame by frame, which frames hold speech, and returns
// the spans they make. The threshold is the file's own: its noise floor
// (the quietest tenth of its frames) plus a third of the way to its speech
// level (its loudest tenth), and at least 6 dB above the floor; a frame
// stays speech while within 3 dB below the threshold (hysteresis), so a
// syllable that fades is not cut.
func (d *Detector) Speech() Speech {
	if len(d.energy) == 0 {
		return Speech{}
	}
	sorted := slices.Clone(d.energy)
	slices.Sort(sorted)
	floor := float64(sorted[len(sorted)/10])
	loud := float64(sorted[len(sorted)*9/10])
	on := floor + max(6, (loud-floor)/3)
	off := floor + max(3, (on-floor)/2)
	voiced := make([]bool, len(d.energy))
	in := false
	for i, e := range d.energy {
		switch {
		case float64(e) >= on:
			in = true
		case float64(e) < off:
			in = false
		}
		voiced[i] = in
	}
	return Speech{Spans: spansOf(voiced), Nuclei: nuclei(d.energy, voiced), Sounds: Sounds{coeffs: d.coeffs}}
}

const (
	// nucleusReach: a syllable's peak is the loudest frame within 70 ms
	// either side (syllables come at most about eight a second).
	nucleusReach = 7
	// nucleusDip is how far the loudness must fall between two peaks, in
	// dB, for them to be two syllables rather than one.
	nucleusDip = 2.5
)

// nuclei finds the syllables' peaks: frames of speech that are the
// loudest of the smoothed energy within nucleusReach, with a dip of
// nucleusDip or more before the next peak (else the quieter is dropped).
func nuclei(energy []float32, voiced []bool) []time.Duration {
	n := len(energy)
	smooth := make([]float32, n)
	for i := range energy {
		lo, hi := max(0, i-2), min(n, i+3)
		var sum float32
		for _, e := range energy[lo:hi] {
			sum += e
		}
		smooth[i] = sum / float32(hi-lo)
	}
	var peaks []int
	for i := range smooth {
		if !voiced[i] {
			continue
		}
		top := true
		for j := max(0, i-nucleusReach); j < min(n, i+nucleusReach+1) && top; j++ {
			top = smooth[j] < smooth[i] || (smooth[j] == smooth[i] && j >= i)
		}
		if !top {
			continue
		}
		if k := len(peaks); k > 0 {
			p := peaks[k-1]
			dip := slices.Min(smooth[p : i+1])
			if float64(min(smooth[p], smooth[i])-dip) < nucleusDip && allVoiced(voiced[p:i+1]) {
				if smooth[i] > smooth[p] {
					peaks[k-1] = i
				}
				continue
			}
		}
		peaks = append(peaks, i)
	}
	centre := time.Duration(frameSize/2) * time.Second / SampleRate
	out := make([]time.Duration, len(peaks))
	for k, i := range peaks {
		out[k] = time.Duration(i)*Frame + centre
	}
	return out
}

func allVoiced(v []bool) bool {
	for _, b := range v {
		if !b {
			return false
		}
	}
	return true
}

// spansOf turns frame decisions into spans: runs shorter than minSpeech
// are dropped, and gaps shorter than MinPause closed.
func spansOf(voiced []bool) []Span {
	at := func(i int) time.Duration { return time.Duration(i) * Frame }
	// The frame i covers [i*hop, i*hop+frameSize): its centre is where
	// its decision is best placed.
	centre := time.Duration(frameSize/2) * time.Second / SampleRate
	var spans []Span
	for i := 0; i < len(voiced); {
		if !voiced[i] {
			i++
			continue
		}
		j := i
		for j < len(voiced) && voiced[j] {
			j++
		}
		s := Span{Start: at(i) + centre - Frame/2, End: at(j) + centre - Frame/2}
		if n := len(spans); n > 0 && s.Start-spans[n-1].End < MinPause {
			spans[n-1].End = s.End
		} else {
			spans = append(spans, s)
		}
		i = j
	}
	out := spans[:0]
	for _, s := range spans {
		if s.End-s.Start >= minSpeech {
			out = append(out, s)
		}
	}
	return out
}
