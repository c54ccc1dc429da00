package convert

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// readFile reads a file under ../testdata through Read, labels auto.
func readFile(t *testing.T, name string, f Format, labels LabelStyle) *Document {
	t.Helper()
	doc, err := Read(bytes.NewReader(mustRead(t, filepath.Join("..", "testdata", name))), f, ReadOptions{File: name, Labels: labels})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// findCue returns the cue starting at start (in milliseconds).
func findCue(t *testing.T, d *Document, start int64) Cue {
	t.Helper()
	for _, c := range d.Cues {
		if c.Start.Milliseconds() == start {
			return c
		}
	}
	t.Fatalf("no cue starts at %d ms", start)
	return Cue{}
}

// TestLabelsRealFiles checks label reading on the real caption files, one
// convention each.
func TestLabelsRealFiles(t *testing.T) {
	tests := []struct {
		name   string
		file   string
		format Format
		labels LabelStyle
		style  LabelStyle // what DetectLabels finds
		start  int64      // a cue to look at
		want   []Line
		reason string
	}{
		{
			name: "NOVA SRT, label mid-cue on its own line", file: "captions/nova-einstein.srt", format: SRT,
			style: LabelUpper, start: 178178,
			want:   cat(say("WOMAN", "Major funding for NOVA", "is provided"), say("NARRATOR", "A hundred years ago,")),
			reason: "the label's line goes; the lines before it stay with the last label (WOMAN): a label lasts until the next, and the funding credit has none",
		},
		{
			name: "NOVA DFXP, same cue", file: "captions/nova-einstein.dfxp", format: TTML,
			style: LabelUpper, start: 178178,
			want: cat(say("WOMAN", "Major funding for NOVA", "is provided"), say("NARRATOR", "A hundred years ago,")),
		},
		{
			name: "NOVA label leading the text", file: "captions/nova-einstein.srt", format: SRT,
			style: LabelUpper, start: 14848,
			want: say("MAN", "When we think", "of E equals m c-squared,"),
		},
		{
			name: "Netflix [Name] after its tags are removed", file: "captions/netflix-chicas-del-cable.vtt", format: WebVTT,
			style: LabelBracket, start: 7960,
			want: say("Alba", "En 1928,"),
		},
		{
			name: "Lex Fridman dash before a bracket label", file: "captions/lexfridman-333-karpathy.srt", format: SRT,
			style: LabelBracket, start: 0,
			want:   say("Andrej", "I think it's possible", "that physics has exploits"),
			reason: "the cold open is the dash before Lex's introduction, which is the dash before [Lex]…",
		},
		{
			name: "labels none keeps the text", file: "captions/nova-einstein.srt", format: SRT, labels: LabelNone,
			style: LabelUpper, start: 14848,
			want: say("", "MAN:", "When we think", "of E equals m c-squared,"),
		},
		{
			name: "labels dash on Lex alternates anonymous speakers", file: "captions/lexfridman-333-karpathy.srt", format: SRT, labels: LabelDash,
			style: LabelBracket, start: 0,
			want: say("Speaker 1", "I think it's possible", "that physics has exploits"),
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := readFile(t, tc.file, tc.format, tc.labels)
			if d := cmp.Diff(tc.want, findCue(t, doc, tc.start).Lines); d != "" {
				t.Errorf("cue at %d ms (-want +got):\n%s", tc.start, d)
			}
			raw := readFile(t, tc.file, tc.format, LabelNone)
			if got := DetectLabels(raw); got != tc.style {
				t.Errorf("DetectLabels() = %q, want %q", got, tc.style)
			}
		})
	}
}

// TestLabelsFalsePositives lists ordinary text that auto must never read
// as speakers, and small files that do use a convention.
func TestLabelsFalsePositives(t *testing.T) {
	cues := func(texts ...string) *Document {
		d := &Document{}
		for i, t := range texts {
			d.Cues = append(d.Cues, Cue{Start: ms(int64(i) * 1000), End: ms(int64(i)*1000 + 900), Lines: []Line{{Text: t}}})
		}
		return d
	}
	tests := []struct {
		name   string
		doc    *Document
		want   LabelStyle
		reason string
	}{
		{name: "a note", doc: cues("Note: this is important.", "We start now.", "Then we go."), want: LabelNone},
		{name: "notes everywhere", doc: cues("Note: one.", "Note: two.", "Note: three.", "Warning: four."), want: LabelNone,
			reason: "Note and Warning are never speakers"},
		{name: "times and URLs", doc: cues("We met at 10:30 today.", "See https://example.com", "At 12:45 again", "Ratio 3:2"), want: LabelNone},
		{name: "one-off prose colons", doc: cues("The answer is simple: no.", "My reason: it works.", "Here is why: money.", "One more thing: yes."), want: LabelNone,
			reason: "lower-case words before the colon are not names"},
		{name: "each name once", doc: cues("Ann: hi.", "Bob: yo.", "Carla: hey.", "Dan: hello."), want: LabelNone,
			reason: "a convention needs repeated names"},
		{name: "sound tags", doc: cues("[music]", "[laughs] Okay.", "[applause]", "[music]"), want: LabelNone,
			reason: "lower-case brackets are sounds"},
		{name: "a list with dashes once", doc: cues("- one item", "Another line", "Plain text"), want: LabelNone},
		{name: "negative numbers", doc: cues("-5 degrees", "-10 degrees", "-20 degrees"), want: LabelNone},
		{name: "repeated names", doc: cues("Ann: hi.", "Bob: yo.", "Ann: so?", "Bob: well."), want: LabelName},
		{name: "broadcast capitals with >>", doc: cues(">> ANN: hi.", ">> BOB: yo.", ">> ANN: so?"), want: LabelUpper},
		{name: "brackets", doc: cues("[Ann] hi.", "[Bob] yo.", "[Ann] so?"), want: LabelBracket},
		{name: "dashes", doc: cues("- Hi.", "- Yo.", "Still me.", "- So?"), want: LabelDash},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := DetectLabels(tc.doc); got != tc.want {
				t.Errorf("DetectLabels() = %q, want %q (%s)", got, tc.want, tc.reason)
			}
			before := cmp.Diff(nil, nil)
			if tc.want == LabelNone {
				want := append([]Cue(nil), tc.doc.Cues...)
				ApplyLabels(tc.doc, LabelAuto)
				if d := cmp.Diff(want, tc.doc.Cues); d != before {
					t.Errorf("ApplyLabels(auto) changed the text (-want +got):\n%s", d)
				}
			}
		})
	}
}

// TestApplyLabels checks each style on small inputs.
func TestApplyLabels(t *testing.T) {
	tests := []struct {
		name  string
		style LabelStyle
		in    []Line
		want  []Line
	}{
		{name: "name", style: LabelName, in: say("", "Ann: hi", "still Ann", "Bob: yo"),
			want: cat(say("Ann", "hi", "still Ann"), say("Bob", "yo"))},
		{name: "name ignores Note", style: LabelName, in: say("", "Note: hi"), want: say("", "Note: hi")},
		{name: "upper on its own line", style: LabelUpper, in: say("", "before", "ANN:", "after"),
			want: cat(say("", "before"), say("ANN", "after"))},
		{name: "upper with chevrons", style: LabelUpper, in: say("", ">> ANN: hi"), want: say("ANN", "hi")},
		{name: "bracket", style: LabelBracket, in: say("", "[Ann] hi", "[laughs] no"), want: cat(say("Ann", "hi"), say("Ann", "[laughs] no"))},
		{name: "Netflix dialogue", style: LabelName, in: say("", "-Ann: hi", "-Bob: yo"), want: cat(say("Ann", "hi"), say("Bob", "yo"))},
		{name: "dialogue without labels is unknown", style: LabelName, in: say("", "-hi", "-yo"), want: say("", "hi", "yo")},
		{name: "dash alternates", style: LabelDash, in: say("", "- hi", "- yo", "more"),
			want: cat(say("Speaker 1", "hi"), say("Speaker 2", "yo", "more"))},
		{name: "speakers kept", style: LabelName, in: cat(say("Zed", "Ann: hi"), say("", "Bob: yo")),
			want: cat(say("Zed", "Ann: hi"), say("Bob", "yo"))},
		{name: "none", style: LabelNone, in: say("", "Ann: hi"), want: say("", "Ann: hi")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := &Document{Cues: []Cue{{Lines: append([]Line(nil), tc.in...)}}}
			ApplyLabels(d, tc.style)
			if diff := cmp.Diff(tc.want, d.Cues[0].Lines); diff != "" {
				t.Errorf("ApplyLabels(%s) (-want +got):\n%s", tc.style, diff)
			}
		})
	}
}

func TestParseLabelStyle(t *testing.T) {
	for _, name := range LabelStyles() {
		if s, err := ParseLabelStyle(name); err != nil || string(s) != name {
			t.Errorf("ParseLabelStyle(%q) = %q, %v", name, s, err)
		}
	}
	if s, err := ParseLabelStyle(""); s != LabelAuto || err != nil {
		t.Errorf("ParseLabelStyle(\"\") = %q, %v, want auto", s, err)
	}
	if _, err := ParseLabelStyle("colour"); err == nil {
		t.Error("ParseLabelStyle(colour) succeeded")
	}
}
