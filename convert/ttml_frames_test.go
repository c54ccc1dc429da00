package convert

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/timing"
	"github.com/google/go-cmp/cmp"
)

func TestTTMLFrameTimes(t *testing.T) {
	ntsc := 30000.0 / 1001
	tests := []struct {
		name  string
		o     Options
		start time.Duration
		want  []string
	}{
		{"clock with frame rate declared", Options{Timing: timing.Options{FPS: 25}}, 1500 * time.Millisecond,
			[]string{`ttp:frameRate="25"`, `begin="00:00:01.500"`}},
		{"frames at 25 fps", Options{Timing: timing.Options{FPS: 25}, TTMLTimeFrames: true}, 3723*time.Second + 480*time.Millisecond,
			[]string{`begin="01:02:03:12"`}},
		{"NTSC multiplier", Options{Timing: timing.Options{FPS: ntsc}, TTMLTimeFrames: true}, 2 * time.Second,
			[]string{`ttp:frameRate="30" ttp:frameRateMultiplier="1000 1001"`, `begin="00:00:02:00"`}},
		{"last frame of a second rounds up", Options{Timing: timing.Options{FPS: 24}, TTMLTimeFrames: true}, 999 * time.Millisecond,
			[]string{`begin="00:00:01:00"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &caption.Document{Cues: []caption.Cue{{Start: tt.start, End: tt.start + time.Second, Lines: []caption.Line{{Text: "Hi"}}}}}
			var b bytes.Buffer
			if err := Write(&b, doc, TTML, tt.o); err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(b.String(), w) {
					t.Errorf("output lacks %s:\n%s", w, b.String())
				}
			}
			back, err := Read(&b, TTML, Options{})
			if err != nil {
				t.Fatal(err)
			}
			halfFrame := time.Duration(float64(time.Second) / tt.o.Timing.FPS / 2)
			if d := back.Cues[0].Start - tt.start; d < -halfFrame || d > halfFrame {
				t.Errorf("read back start %v, wrote %v: more than half a frame apart", back.Cues[0].Start, tt.start)
			}
			if d := cmp.Diff(doc.Cues[0].Lines, back.Cues[0].Lines); d != "" {
				t.Errorf("lines (-want +got):\n%s", d)
			}
		})
	}
}
