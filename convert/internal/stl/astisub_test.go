package stl

import (
	"bytes"
	"strings"
	"testing"

	"github.com/asticode/go-astisub"
	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/captest"
	"github.com/capconv/capconv/convert/internal/text"
	"github.com/capconv/capconv/convert/internal/ttml"
	"github.com/capconv/capconv/convert/internal/webvtt"
	"github.com/google/go-cmp/cmp"
)

// The tests below prove that capconv's own SRT, WebVTT and TTML code does
// not have the faults go-astisub v0.39.0 shows, and pin astisub's fault
// next to it: they document why those formats do not go through astisub.
// If an astisub upgrade fixes one, its half of the test fails and says so.

// render writes d with capconv's writer write.
func render(t *testing.T, d *caption.Document, write captest.AppendFunc) string {
	t.Helper()
	b, err := write(nil, d)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// appendTTML is capconv's TTML writer with its default options.
func appendTTML(b []byte, d *caption.Document) ([]byte, error) {
	return ttml.Append(b, d, ttml.WriteOptions{})
}

// appendVTT is capconv's WebVTT writer with its default options.
func appendVTT(b []byte, d *caption.Document) ([]byte, error) {
	return webvtt.Append(b, d, webvtt.WriteOptions{})
}

// TestAstisubNestedVoices: a voice on every line of a cue.
func TestAstisubNestedVoices(t *testing.T) {
	d := &caption.Document{Cues: []caption.Cue{{Start: 0, End: ms(1000), Lines: say("Ann", "one", "two")}}}
	ours := render(t, d, appendVTT)
	if strings.Count(ours, "<v ") != 1 || strings.Count(ours, "</v>") != 1 {
		t.Errorf("capconv: want one voice span for the cue:\n%s", ours)
	}
	var b bytes.Buffer
	if err := toAstisub(d).WriteToWebVTT(&b); err != nil {
		t.Fatal(err)
	}
	// astisub opens <v Ann> on each line and closes none: the second span
	// opens inside the first, which the WebVTT parser nests.
	if strings.Count(b.String(), "<v Ann>") != 2 || strings.Contains(b.String(), "</v>") {
		t.Errorf("astisub no longer opens a voice span per line:\n%s", b.String())
	}
}

// TestAstisubTTMLLanguage: xml:lang is required by TTML.
func TestAstisubTTMLLanguage(t *testing.T) {
	d := &caption.Document{Cues: []caption.Cue{{Start: 0, End: ms(1000), Lines: say("", "hi")}}}
	if ours := render(t, d, appendTTML); !strings.Contains(ours, `xml:lang="en"`) {
		t.Errorf("capconv: no xml:lang:\n%s", ours)
	}
	var b bytes.Buffer
	if err := toAstisub(d).WriteToTTML(&b); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "xml:lang") {
		t.Errorf("astisub now writes xml:lang without metadata:\n%s", b.String())
	}
}

// TestAstisubRegionLines: TTML regions must not become "Region:" header
// lines in WebVTT, an old draft syntax after which ffmpeg finds no cue.
func TestAstisubRegionLines(t *testing.T) {
	data := captest.MustRead(t, captest.Testdata("malformed", "astisub-example-in.ttml"))
	doc, err := ttml.Read(data, text.Source{})
	if err != nil {
		t.Fatal(err)
	}
	if ours := render(t, doc, appendVTT); strings.Contains(ours, "Region:") {
		t.Errorf("capconv wrote Region lines:\n%s", ours)
	}
	subs, err := astisub.ReadFromTTML(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := subs.WriteToWebVTT(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "Region:") {
		t.Errorf("astisub no longer writes Region lines:\n%s", b.String())
	}
}

// TestAstisubDoubleEscape: a WebVTT round trip must decode entities once.
func TestAstisubDoubleEscape(t *testing.T) {
	in := "WEBVTT\n\n00:00.000 --> 00:01.000\nIt&apos;s Tom &amp; Jerry\n"
	doc, err := webvtt.Read([]byte(in), text.Source{})
	if err != nil {
		t.Fatal(err)
	}
	ours := render(t, doc, appendVTT)
	if !strings.Contains(ours, "It's Tom &amp; Jerry\n") {
		t.Errorf("capconv round trip:\n%s", ours)
	}
	subs, err := astisub.ReadFromWebVTT(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := subs.WriteToWebVTT(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "&amp;apos;") && !strings.Contains(b.String(), "&amp;amp;") {
		t.Errorf("astisub no longer double-escapes:\n%s", b.String())
	}
}

// TestAstisubAgentsAndIDs: ttm:agent and cue identifiers must survive.
func TestAstisubAgentsAndIDs(t *testing.T) {
	d := &caption.Document{Cues: []caption.Cue{
		{ID: "intro", Start: 0, End: ms(1000), Lines: say("Ann Lee", "hi")},
		{ID: "reply", Start: ms(1000), End: ms(2000), Lines: say("Bob", "yo")},
	}}
	for _, f := range []struct {
		name  string
		write captest.AppendFunc
		read  captest.ReadFunc
	}{{"ttml", appendTTML, ttml.Read}, {"vtt", appendVTT, webvtt.Read}} {
		got, err := f.read([]byte(render(t, d, f.write)), text.Source{})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(d.Cues, got.Cues); diff != "" {
			t.Errorf("capconv %s round trip (-want +got):\n%s", f.name, diff)
		}
	}
	subs, err := astisub.ReadFromTTML(strings.NewReader(render(t, d, appendTTML)))
	if err != nil {
		t.Fatal(err)
	}
	back := fromAstisub(subs, nil)
	if back.Cues[0].Lines[0].Speaker != "" {
		t.Errorf("astisub now reads ttm:agent: %q", back.Cues[0].Lines[0].Speaker)
	}
	var b bytes.Buffer
	if err := subs.WriteToWebVTT(&b); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "intro") {
		t.Errorf("astisub now keeps TTML ids in WebVTT:\n%s", b.String())
	}
}
