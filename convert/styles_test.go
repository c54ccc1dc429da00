package convert

import (
	"testing"

	"github.com/capconv/capconv/convert/caption"
	"github.com/google/go-cmp/cmp"
)

// TestDroppedStylesWarn checks that writing styling a format cannot carry
// warns once per output, naming what is dropped, and says nothing when
// the format carries all of it.
func TestDroppedStylesWarn(t *testing.T) {
	doc := &caption.Document{Cues: []caption.Cue{
		{Start: 0, End: ms(1000), Placement: caption.Placement{Vertical: caption.Top}, Lines: []caption.Line{
			caption.StyledLine("", []caption.Span{{Text: "漢", Style: caption.Style{Ruby: "かん"}}, {Text: " and "}, {Text: "loud", Style: caption.Style{Class: "loud", Italic: true}}}),
		}},
		{Start: ms(1000), End: ms(2000), Lines: []caption.Line{
			caption.StyledLine("", []caption.Span{{Text: "red", Style: caption.Style{Color: "#ff0000"}}}),
		}},
	}}
	tests := []struct {
		format Format
		want   []string
	}{
		{SRT, []string{"in.vtt: srt cannot carry classes and ruby: dropped"}},
		{WebVTT, nil},
		{JSON, nil},
		{TTML, []string{"in.vtt: ttml cannot carry classes: dropped"}},
		{DFXP, []string{"in.vtt: dfxp cannot carry classes and ruby: dropped"}},
		{ASS, []string{"in.vtt: ass cannot carry classes and ruby: dropped"}},
		{Transcript, []string{"in.vtt: txt cannot carry italics, colour, classes, ruby and vertical placement: dropped"}},
	}
	for _, tc := range tests {
		t.Run(string(tc.format), func(t *testing.T) {
			var got []string
			o := Options{File: "in.vtt", Warn: func(p caption.Position, msg string) { got = append(got, p.String()+": "+msg) }}
			if _, err := Marshal(doc, tc.format, o); err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("warnings (-want +got):\n%s", d)
			}
		})
	}
}
