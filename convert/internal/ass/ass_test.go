package ass

import (
	"strings"
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/captest"
	"github.com/capconv/capconv/convert/internal/text"
	"github.com/google/go-cmp/cmp"
)

// Short names for the builders of test documents.
var (
	ms  = captest.Ms
	say = captest.Say
	cat = captest.Cat
)

const assEvents = "[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"

func TestReadASS(t *testing.T) {
	in := "\uFEFF[Script Info]\nTitle: Demo\nScriptType: v4.00+\n\n[V4+ Styles]\nStyle: Default,Arial\n\n" + assEvents +
		"Comment: 0,0:00:00.00,0:00:01.00,Default,,0,0,0,,ignored\n" +
		"Dialogue: 0,0:00:02.50,0:00:04.00,Default,Ann Lee,0,0,0,,{\\i1}Hello{\\i0}, world\\Nsecond\\hline\n" +
		"Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,First\n" +
		"Dialogue: 0,0:00:05.00,0:00:06.00,Default,Ann,0,0,0,,Hi\n" +
		"Dialogue: 0,0:00:05.00,0:00:06.00,Default,Bob,0,0,0,,Yo \\{x\\}\n"
	var warns []string
	doc, err := Read([]byte(in), text.Source{Warn: func(p caption.Position, m string) { warns = append(warns, m) }})
	if err != nil {
		t.Fatal(err)
	}
	want := &caption.Document{Title: "Demo", Cues: []caption.Cue{
		{Start: ms(1000), End: ms(2000), Lines: say("", "First")},
		{Start: ms(2500), End: ms(4000), Lines: say("Ann Lee", "Hello, world", "second\u00A0line")},
		{Start: ms(5000), End: ms(6000), Lines: cat(say("Ann", "Hi"), say("Bob", "Yo {x}"))},
	}}
	if d := cmp.Diff(want, doc); d != "" {
		t.Errorf("Read() (-want +got):\n%s", d)
	}
	if len(warns) != 1 {
		t.Errorf("warnings %q, want one about the order", warns)
	}
}

func FuzzReadASS(f *testing.F) {
	captest.AddSeeds(f, "*.golden.ass", "malformed/*.ass", "invalid/*.ass")
	b, err := Append(nil, captest.Safety())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte("[Script Info]\nTitle: t\n[Events]\nFormat: Marked, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n" +
		"Dialogue: Marked=0,0:00:01.00,0:00:02.00,*Default,A,0,0,0,,{\\b1}x\\Ny\\h{z\n" +
		"Dialogue: Marked=0,0:00:01.00,0:00:02.00,*Default,B,0,0,0,,\\{w\\}\\\u2060n\n"))
	// Found by fuzzing: a trailing U+00A0 was trimmed as space on reading.
	f.Add([]byte(assEvents + "Dialogue: 0,0:00:00.00,0:00:00.00,Default,,0,0,0,,000000000\u00a0\n"))
	f.Add([]byte("0000000000000000000000\n[Events]\nFormat:" + strings.Repeat("0", 74) + ", TeXt\nDialogue:" + strings.Repeat("0", 49) + ",000000000\\h"))
	f.Fuzz(func(t *testing.T, data []byte) {
		captest.FuzzRoundTrip(t, data, Read, Append, Read, 10*time.Millisecond)
	})
}
