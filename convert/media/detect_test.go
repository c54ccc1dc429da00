package media

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/internal/speechtrack"
)

func cue(start, end float64, speaker, text string) caption.Cue {
	return caption.Cue{
		Start: time.Duration(start * float64(time.Second)),
		End:   time.Duration(end * float64(time.Second)),
		Lines: []caption.Line{{Speaker: speaker, Text: text}},
	}
}

// TestDetectFindsTheSpokenCues speaks three cues with gaps between them in
// every container ffmpeg is asked to write, under noise and music, and
// finds each cue's speech within 0.1 s of its span (0.15 s under noise: a weak "th" or a word's release is lost in it).
func TestDetectFindsTheSpokenCues(t *testing.T) {
	if err := speechtrack.Tools(); err != nil {
		t.Skip(err)
	}
	cues := []caption.Cue{
		cue(0.8, 3.1, "Ann", "Welcome back to the show, everybody."),
		cue(4.0, 6.5, "Bob", "Thanks for having me here today."),
		cue(8.2, 11.0, "Ann", "So tell us how the project started."),
	}
	for _, tc := range []struct {
		file  string
		snr   float64
		music bool
		// tolerance: under noise, a word's quiet tail (the release of
		// "started") is lost in it.
		tolerance time.Duration
	}{
		{"clean.wav", 40, false, 100 * time.Millisecond},
		{"noisy.m4a", 15, false, 150 * time.Millisecond},
		{"music.mp3", 20, true, 150 * time.Millisecond},
		{"video.mp4", 20, false, 150 * time.Millisecond},
	} {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tc.file)
			if err := speechtrack.Build(context.Background(), cues, path, speechtrack.Options{Language: "en", SNR: tc.snr, Music: tc.music, Seed: 1}); err != nil {
				t.Fatal(err)
			}
			sp, err := Detect(context.Background(), path)
			if err != nil {
				t.Fatal(err)
			}
			if sp.Duration < 11*time.Second || sp.Duration > 13*time.Second {
				t.Errorf("duration %v, want about 12 s", sp.Duration)
			}
			// Speech pauses between words and at commas: the spans
			// closer than the gaps between the cues are one cue's.
			got := islands(sp.Spans, 600*time.Millisecond)
			if len(got) != len(cues) {
				t.Fatalf("%d stretches of speech, want %d: %v", len(got), len(cues), sp.Spans)
			}
			for i, c := range cues {
				s := got[i]
				if d := (s.Start - c.Start).Abs(); d > tc.tolerance {
					t.Errorf("span %d starts at %v, cue at %v", i, s.Start, c.Start)
				}
				if d := (s.End - c.End).Abs(); d > tc.tolerance {
					t.Errorf("span %d ends at %v, cue at %v", i, s.End, c.End)
				}
			}
		})
	}
}

// islands joins spans less than gap apart.
func islands(spans []Span, gap time.Duration) []Span {
	var out []Span
	for _, s := range spans {
		if n := len(out); n > 0 && s.Start-out[n-1].End < gap {
			out[n-1].End = s.End
			continue
		}
		out = append(out, s)
	}
	return out
}
