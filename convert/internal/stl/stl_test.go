package stl

import (
	"bytes"
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/capjson"
	"github.com/capconv/capconv/convert/internal/captest"
	"github.com/capconv/capconv/convert/internal/labels"
	"github.com/capconv/capconv/convert/internal/text"
	"github.com/google/go-cmp/cmp"
)

// Short names for the builders of test documents.
var (
	ms  = captest.Ms
	say = captest.Say
	cat = captest.Cat
)

// TestReadSTL reads EBU STL made by astisub's writer, the only STL at
// hand, and takes its labels out as convert.Read does (labels auto).
func TestReadSTL(t *testing.T) {
	in := &caption.Document{Title: "Prog", Cues: []caption.Cue{
		{Start: ms(1000), End: ms(2000), Lines: say("", "Hello", "ANN: café")},
		{Start: ms(3000), End: ms(4500), Lines: say("", "ANN: again")},
		{Start: ms(5000), End: ms(6000), Lines: say("", "BOB: yes")},
		{Start: ms(7000), End: ms(8000), Lines: say("", "ANN: no")},
	}}
	var b bytes.Buffer
	if err := toAstisub(in).WriteToSTL(&b); err != nil {
		t.Fatal(err)
	}
	if !Sniff(b.Bytes()) {
		t.Fatalf("Sniff() = false")
	}
	got, err := Read(b.Bytes(), text.Source{File: "in.stl"})
	if err != nil {
		t.Fatal(err)
	}
	labels.Apply(got, labels.Auto)
	want := []caption.Cue{
		{Start: ms(1000), End: ms(2000), Lines: cat(say("", "Hello"), say("ANN", "café"))},
		{Start: ms(3000), End: ms(4500), Lines: say("ANN", "again")},
		{Start: ms(5000), End: ms(6000), Lines: say("BOB", "yes")},
		{Start: ms(7000), End: ms(8000), Lines: say("ANN", "no")},
	}
	// STL counts time in frames (25 per second here): 40 ms steps.
	if d := cmp.Diff(want, got.Cues, cmp.Comparer(func(a, b time.Duration) bool { return (a - b).Abs() < 40*time.Millisecond })); d != "" {
		t.Errorf("STL cues (-want +got):\n%s", d)
	}
	if got.Title != "Prog" {
		t.Errorf("title %q", got.Title)
	}
	captest.CheckInvalid(t, Read, []captest.InvalidCase{
		{Name: "short", Input: "850STL25.01", Err: caption.ErrSyntax},
		{Name: "GSI only", Input: b.String()[:1024], Err: caption.ErrNoContent},
	})
}

// FuzzReadSTL feeds astisub's STL reader through Read: a malformed file
// must be an error, never a panic, and what reads must survive capconv's
// JSON, which carries the whole model.
func FuzzReadSTL(f *testing.F) {
	for _, d := range []*caption.Document{captest.Safety(), {Title: "x", Cues: []caption.Cue{{Start: ms(40), End: ms(80), Lines: say("", "a", "b")}}}} {
		var b bytes.Buffer
		if err := toAstisub(d).WriteToSTL(&b); err != nil {
			f.Fatal(err)
		}
		f.Add(b.Bytes())
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		captest.FuzzRoundTrip(t, data, Read, capjson.Append, capjson.Read, time.Millisecond)
	})
}
