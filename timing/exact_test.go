package timing

import (
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
	"github.com/google/go-cmp/cmp"
)

// TestExactStarts: a segment whose start is exact (a caption file's cue,
// re-timed) starts its cues there, while a transcript's truncated start
// is given the model's lag.
func TestExactStarts(t *testing.T) {
	tests := []struct {
		name  string
		exact bool
		want  []time.Duration
	}{
		{name: "truncated starts lag", exact: false, want: []time.Duration{time.Second + defaultModel.startLag, 4*time.Second + defaultModel.startLag}},
		{name: "exact starts kept", exact: true, want: []time.Duration{1000 * time.Millisecond, 4000 * time.Millisecond}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &caption.Document{Segments: []caption.Segment{
				{Start: time.Second, ExactStart: tt.exact, Speaker: "A", Paragraphs: []string{"Hello there."}},
				{Start: 4 * time.Second, ExactStart: tt.exact, Speaker: "B", Paragraphs: []string{"Hi."}},
			}}
			MakeCues(doc, Options{})
			var got []time.Duration
			for _, c := range doc.Cues {
				got = append(got, c.Start)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("cue starts (-want +got):\n%s", d)
			}
		})
	}
}
