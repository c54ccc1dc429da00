package transcript

import (
	"testing"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/captest"
	"github.com/google/go-cmp/cmp"
)

func TestCuesToSegments(t *testing.T) {
	ms, say, cat := captest.Ms, captest.Say, captest.Cat
	cues := []caption.Cue{
		{Start: 0, End: ms(1000), Lines: say("Ann", "a", "b")},
		{Start: ms(1000), End: ms(2000), Lines: cat(say("Ann", "c"), say("Bob", "d"))},
		{Start: ms(2000), End: ms(3000), Lines: say("Bob", "  e  ")},
	}
	want := []caption.Segment{
		{Start: 0, ExactStart: true, Speaker: "Ann", Paragraphs: []string{"a b c"}},
		{Start: ms(1000), ExactStart: true, Speaker: "Bob", Paragraphs: []string{"d e"}},
	}
	if d := cmp.Diff(want, CuesToSegments(cues)); d != "" {
		t.Errorf("CuesToSegments() (-want +got):\n%s", d)
	}
	anon := []caption.Cue{{Start: 0, Lines: say("", "x")}, {Start: ms(5), Lines: say("", "y")}}
	if got := CuesToSegments(anon); len(got) != 2 {
		t.Errorf("speakerless cues give %d segments, want one per cue", len(got))
	}
}
