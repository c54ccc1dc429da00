package stl

import (
	"strings"
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/captest"
	"github.com/capconv/capconv/convert/internal/labels"
	"github.com/capconv/capconv/convert/internal/text"
	"github.com/google/go-cmp/cmp"
)

// TestWriteRoundTrip writes subtitles with accents, italics, places and
// speakers at 25 and 30 fps and reads them back: the same text, styling
// and placement, every time on the nearest frame.
func TestWriteRoundTrip(t *testing.T) {
	italic := caption.StyledLine("", []caption.Span{{Text: "Très "}, {Text: "bien", Style: caption.Style{Italic: true}}, {Text: ", merci."}})
	long := strings.Repeat("Łódź żółć gęślą jaźń. ", 6) // two-byte characters: extension blocks
	doc := &caption.Document{Title: "Café crème", Language: "fr", Cues: []caption.Cue{
		{Start: captest.Ms(1000), End: captest.Ms(3500), Lines: captest.Say("Ann", "Ça va, señor? ¿Qué?")},
		{Start: captest.Ms(3600), End: captest.Ms(6000), Lines: []caption.Line{italic}},
		{Start: captest.Ms(9000), End: captest.Ms(11000), Placement: caption.Placement{Vertical: caption.Top, Horizontal: caption.Left}, Lines: captest.Say("", "♪ « ½ » ♪")},
		{Start: captest.Ms(12000), End: captest.Ms(16000), Lines: captest.Say("", long)},
		{Start: 10 * time.Hour, End: 10*time.Hour + time.Second, Placement: caption.Placement{Vertical: caption.Middle, Horizontal: caption.Right}, Lines: captest.Say("", "Œuvre — fin")},
	}}
	for _, fps := range []float64{25, 29.97} {
		var warned []string
		b, err := Append(nil, doc, WriteOptions{FrameRate: fps, Speakers: labels.Name, Warn: func(m string) { warned = append(warned, m) }})
		if err != nil {
			t.Fatal(err)
		}
		if (len(b)-gsiSize)%ttiSize != 0 || len(b) < gsiSize+6*ttiSize {
			t.Fatalf("fps %v: %d bytes, want the GSI block and TTI blocks, an extension among them", fps, len(b))
		}
		back, err := Read(b, text.Source{Warn: func(p caption.Position, m string) { t.Errorf("fps %v: warning %s", fps, m) }})
		if err != nil {
			t.Fatal(err)
		}
		if back.Title != doc.Title {
			t.Errorf("fps %v: title %q, want %q", fps, back.Title, doc.Title)
		}
		rate := 25.0
		if fps != 25 {
			rate = 30
		}
		frame := time.Duration(float64(time.Second) / rate)
		if len(back.Cues) != len(doc.Cues) {
			t.Fatalf("fps %v: %d cues back, want %d", fps, len(back.Cues), len(doc.Cues))
		}
		for i, c := range doc.Cues {
			g := back.Cues[i]
			if (g.Start-c.Start).Abs() > frame/2 || (g.End-c.End).Abs() > frame/2 {
				t.Errorf("fps %v cue %d: %v --> %v, want %v --> %v to the nearest frame", fps, i+1, g.Start, g.End, c.Start, c.End)
			}
			if g.Placement != c.Placement {
				t.Errorf("fps %v cue %d: placement %v, want %v", fps, i+1, g.Placement, c.Placement)
			}
		}
		texts := func(c caption.Cue) string {
			var ls []string
			for _, l := range c.Lines {
				ls = append(ls, l.Text)
			}
			return strings.Join(ls, " ")
		}
		for i, want := range []string{"Ann: Ça va, señor? ¿Qué?", "Très bien, merci.", "♪ « ½ » ♪", strings.TrimSpace(long), "Œuvre — fin"} {
			if got := texts(back.Cues[i]); got != want {
				t.Errorf("fps %v cue %d: %q, want %q", fps, i+1, got, want)
			}
		}
		// A word with italics in it is italic whole: the code that ends
		// them stands for the space after it.
		whole := caption.StyledLine("", []caption.Span{{Text: "Très "}, {Text: "bien,", Style: caption.Style{Italic: true}}, {Text: " merci."}})
		if d := cmp.Diff(whole.Spans, back.Cues[1].Lines[0].Spans); d != "" {
			t.Errorf("fps %v: italics (-want +got):\n%s", fps, d)
		}
		if len(warned) != 1 || !strings.Contains(warned[0], "wrapped") {
			t.Errorf("fps %v: warnings %q, want one for the line wrapped to 40 characters", fps, warned)
		}
	}
}

func TestWriteReplacesAndRefuses(t *testing.T) {
	doc := &caption.Document{Cues: []caption.Cue{{Start: 0, End: time.Second, Lines: captest.Say("", "10 € – 中文…")}}}
	var warned []string
	b, err := Append(nil, doc, WriteOptions{Warn: func(m string) { warned = append(warned, m) }})
	if err != nil {
		t.Fatal(err)
	}
	back, err := Read(b, text.Source{})
	if err != nil {
		t.Fatal(err)
	}
	if got := back.Cues[0].Lines[0].Text; got != "10 EUR - ??..." {
		t.Errorf("text %q, want %q", got, "10 EUR - ??...")
	}
	if len(warned) != 1 || !strings.Contains(warned[0], "'€'") || !strings.Contains(warned[0], "'中'") {
		t.Errorf("warnings %q, want one naming the characters replaced", warned)
	}
	if _, err := Append(nil, doc, WriteOptions{FrameRate: 24}); err == nil {
		t.Error("Append at 24 fps succeeded; EBU STL has 25 and 30")
	}
	// Past the 65,535 subtitles a file numbers: refused, naming the cue.
	many := &caption.Document{}
	for i := range maxSubtitles + 1 {
		at := time.Duration(i) * time.Second
		many.Cues = append(many.Cues, caption.Cue{Start: at, End: at + time.Second/2, Lines: captest.Say("", "Hi.")})
	}
	if _, err := Append(nil, many, WriteOptions{}); err == nil || !strings.Contains(err.Error(), "cue 65536 (18:12:15)") {
		t.Errorf("Append of %d subtitles: %v, want an error naming cue 65536", len(many.Cues), err)
	}
	many.Cues = many.Cues[:maxSubtitles]
	if _, err := Append(nil, many, WriteOptions{}); err != nil {
		t.Errorf("Append of %d subtitles: %v", len(many.Cues), err)
	}
}

// TestWriteStartTimecode writes the programme's start timecode (TCP) and
// the first cue's (TCF); the reader gives times from the programme's
// start.
func TestWriteStartTimecode(t *testing.T) {
	start := 10 * time.Hour
	doc := &caption.Document{Cues: []caption.Cue{{Start: start + time.Second, End: start + 3*time.Second, Lines: captest.Say("", "Hi")}}}
	b, err := Append(nil, doc, WriteOptions{StartTimecode: start})
	if err != nil {
		t.Fatal(err)
	}
	if tcp, tcf := string(b[256:264]), string(b[264:272]); tcp != "10000000" || tcf != "10000100" {
		t.Errorf("TCP %q, TCF %q; want 10000000 and 10000100", tcp, tcf)
	}
	back, err := Read(b, text.Source{})
	if err != nil {
		t.Fatal(err)
	}
	if c := back.Cues[0]; c.Start != time.Second || c.End != 3*time.Second {
		t.Errorf("read back %v --> %v, want 1s --> 3s from the programme's start", c.Start, c.End)
	}
}
