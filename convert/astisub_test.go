package convert

import (
	"bytes"
	"strings"
	"testing"

	"github.com/asticode/go-astisub"
	"github.com/google/go-cmp/cmp"
)

// The tests below prove that capconv's own SRT, WebVTT and TTML code does
// not have the faults go-astisub v0.39.0 shows, and pin astisub's fault
// next to it: they document why those formats do not go through astisub.
// If an astisub upgrade fixes one, its half of the test fails and says so.

// render writes d in format f with capconv's writer.
func render(t *testing.T, d *Document, f Format) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, d, f, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestAstisubNestedVoices: a voice on every line of a cue.
func TestAstisubNestedVoices(t *testing.T) {
	d := &Document{Cues: []Cue{{Start: 0, End: ms(1000), Lines: say("Ann", "one", "two")}}}
	ours := render(t, d, WebVTT)
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
	d := &Document{Cues: []Cue{{Start: 0, End: ms(1000), Lines: say("", "hi")}}}
	if ours := render(t, d, TTML); !strings.Contains(ours, `xml:lang="en"`) {
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
	data := mustRead(t, "../testdata/malformed/astisub-example-in.ttml")
	doc, err := Read(bytes.NewReader(data), TTML, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if ours := render(t, doc, WebVTT); strings.Contains(ours, "Region:") {
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
	doc, err := Read(strings.NewReader(in), WebVTT, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ours := render(t, doc, WebVTT)
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
	d := &Document{Cues: []Cue{
		{ID: "intro", Start: 0, End: ms(1000), Lines: say("Ann Lee", "hi")},
		{ID: "reply", Start: ms(1000), End: ms(2000), Lines: say("Bob", "yo")},
	}}
	for _, f := range []Format{TTML, WebVTT} {
		got, err := Read(strings.NewReader(render(t, d, f)), f, ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(d.Cues, got.Cues); diff != "" {
			t.Errorf("capconv %s round trip (-want +got):\n%s", f, diff)
		}
	}
	subs, err := astisub.ReadFromTTML(strings.NewReader(render(t, d, TTML)))
	if err != nil {
		t.Fatal(err)
	}
	back := fromAstisub(subs)
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
