package speechtrack

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
)

// synths are the synthesizers every build test runs with.
var synths = []struct {
	name, synth string
	cues        int // how many cues the repeatability test speaks
}{
	{name: "espeak-ng", synth: "", cues: 8},
	{name: "flite", synth: "flite", cues: 3},
}

// needTools skips a test whose programs are missing, unless the run
// asks for the tracks to be built.
func needTools(t *testing.T, synth string) {
	t.Helper()
	if err := ToolsFor(synth); err != nil {
		if os.Getenv("CAPCONV_REQUIRE_INTEROP") != "" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
}

// testCues are n cues of 1.5 s every 2 s, said by three speakers in turn.
func testCues(n int) []caption.Cue {
	var cues []caption.Cue
	for i := range n {
		at := time.Duration(i) * 2 * time.Second
		cues = append(cues, caption.Cue{Start: at, End: at + 1500*time.Millisecond,
			Lines: []caption.Line{{Speaker: fmt.Sprint(i % 3), Text: fmt.Sprintf("This is cue number %d, said slowly.", i)}}})
	}
	return cues
}

// TestBuildIsRepeatable builds one track twice and gets the same bytes:
// the media harness's figures are only comparable across machines if the
// tracks are (sox dithers at random unless told not to).
func TestBuildIsRepeatable(t *testing.T) {
	for _, tc := range synths {
		t.Run(tc.name, func(t *testing.T) {
			needTools(t, tc.synth)
			cues := testCues(tc.cues)
			dir := t.TempDir()
			var builds [][]byte
			for k := range 2 {
				path := filepath.Join(dir, fmt.Sprintf("track%d.wav", k))
				o := Options{Synthesizer: tc.synth, Language: "en", SNR: 20, Music: true, Seed: 1}
				if err := Build(context.Background(), cues, path, o); err != nil {
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
			// The cues and the second after them, at 16-bit mono, give
			// or take a sample's rounding.
			end := cues[len(cues)-1].End + time.Second - time.Millisecond
			if want := 44 + 2*int(samplesAt(end)); len(builds[0]) < want {
				t.Errorf("%d bytes, want at least %d", len(builds[0]), want)
			}
		})
	}
}

// TestSpeechInsideCues builds a track with little noise and finds every
// cue's speech inside its span and only silence between cues. Each cue
// has a speaker of its own, so that flite speaks in all its voices, kal
// at 8 kHz among them.
func TestSpeechInsideCues(t *testing.T) {
	for _, tc := range synths {
		t.Run(tc.name, func(t *testing.T) {
			needTools(t, tc.synth)
			cues := testCues(len(fliteVoices))
			for i := range cues {
				cues[i].Lines[0].Speaker = fmt.Sprint(i)
			}
			path := filepath.Join(t.TempDir(), "track.wav")
			if err := Build(context.Background(), cues, path, Options{Synthesizer: tc.synth, Language: "en", SNR: 60, Seed: 2}); err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			raw, rate, err := wavData(data)
			if err != nil {
				t.Fatal(err)
			}
			if rate != Rate {
				t.Fatalf("rate %d, want %d", rate, Rate)
			}
			samples := make([]float64, len(raw)/2)
			for i := range samples {
				samples[i] = float64(int16(binary.LittleEndian.Uint16(raw[2*i:]))) / 32768
			}
			level := func(from, to time.Duration) float64 {
				lo, hi := int(samplesAt(from)), min(int(samplesAt(to)), len(samples))
				sum := 0.0
				for _, s := range samples[lo:hi] {
					sum += s * s
				}
				return math.Sqrt(sum / float64(max(hi-lo, 1)))
			}
			// Speech is brought to speechLevel over its span; a gap holds
			// only noise 60 dB under it. The 10 ms margins allow for the
			// rounding of spans to samples.
			const margin = 10 * time.Millisecond
			gapFrom := time.Duration(0)
			for i, c := range cues {
				if l := level(c.Start, c.End); l < speechLevel/2 {
					t.Errorf("cue %d: level %.4f over its span, want speech near %.2f", i+1, l, speechLevel)
				}
				if c.Start > gapFrom {
					if l := level(gapFrom+margin, c.Start-margin); l > speechLevel/100 {
						t.Errorf("before cue %d: level %.4f in the gap %v–%v, want silence", i+1, l, gapFrom, c.Start)
					}
				}
				gapFrom = c.End
			}
			if l := level(gapFrom+margin, gapFrom+time.Second); l > speechLevel/100 {
				t.Errorf("level %.4f after the last cue, want silence", l)
			}
		})
	}
}

// TestFliteVoices gives speakers flite's voices in order of appearance,
// the same on every call.
func TestFliteVoices(t *testing.T) {
	cues := testCues(6)
	for i := range cues {
		cues[i].Lines[0].Speaker = fmt.Sprint(i)
	}
	s, err := synthesizerFor("flite")
	if err != nil {
		t.Fatal(err)
	}
	a, b := voices(cues, s, "en", 4), voices(cues, s, "en", 4)
	for i := range cues {
		sp := fmt.Sprint(i)
		if got, want := a[sp][1], fliteVoices[i%len(fliteVoices)].name; got != want {
			t.Errorf("speaker %d: voice %s, want %s", i, got, want)
		}
		if fmt.Sprint(a[sp]) != fmt.Sprint(b[sp]) {
			t.Errorf("speaker %d: %v, then %v", i, a[sp], b[sp])
		}
	}
	if fmt.Sprint(a["0"]) == fmt.Sprint(voices(cues, s, "en", 5)["0"]) {
		t.Error("another seed gives the same voice")
	}
}

func TestUnknownSynthesizer(t *testing.T) {
	if err := ToolsFor("festival"); err == nil {
		t.Error("ToolsFor(festival) = nil, want an error")
	}
	path := filepath.Join(t.TempDir(), "track.wav")
	if err := Build(context.Background(), testCues(1), path, Options{Synthesizer: "festival"}); err == nil {
		t.Error("Build with synthesizer festival = nil, want an error")
	}
}

func TestFliteSpeaksEnglishOnly(t *testing.T) {
	needTools(t, "flite")
	path := filepath.Join(t.TempDir(), "track.wav")
	if err := Build(context.Background(), testCues(1), path, Options{Synthesizer: "flite", Language: "fr"}); err == nil {
		t.Error("flite in French = nil, want an error")
	}
}
