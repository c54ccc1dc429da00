package convert

import (
	"bytes"
	"strings"
	"testing"

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

// safety is text that every format must carry unchanged (see
// captest.Safety).
var safety = captest.Safety()

// losses are what each format cannot carry, applied to the expectation.
var losses = map[Format]func(d *caption.Document){
	SRT: func(d *caption.Document) {
		d.Title, d.Language = "", ""
		noIDs(d)
		srtArrows(d)
		shownDashes(d)
		d.SpeakersShown = "name"
	},
	WebVTT: func(d *caption.Document) { d.Title, d.Language = "", "" },
	TTML:   func(d *caption.Document) {},
	DFXP:   func(d *caption.Document) {},
	ASS:    func(d *caption.Document) { d.Language = ""; noIDs(d) },
	JSON:   func(d *caption.Document) {},
}

// shownDashes applies the way a format that shows speakers as labels
// marks a dialogue cue: a dash before each speaker's first line, read
// back as the line's Dash.
func shownDashes(d *caption.Document) {
	for i := range d.Cues {
		lines := d.Cues[i].Lines
		for j := range lines {
			if lines[j].Speaker != lines[0].Speaker {
				for k := range lines {
					lines[k].Dash = lines[k].Dash || k == 0 || lines[k].Speaker != lines[k-1].Speaker
				}
				break
			}
		}
	}
}

// srtArrows applies the SRT writer's loss: "-->" is written "->", so
// that no text line reads as a timing line.
func srtArrows(d *caption.Document) {
	for i := range d.Cues {
		for j := range d.Cues[i].Lines {
			l := &d.Cues[i].Lines[j]
			l.Text = strings.ReplaceAll(l.Text, "-->", "->")
		}
	}
}

func noIDs(d *caption.Document) {
	for i := range d.Cues {
		d.Cues[i].ID = ""
	}
}

// TestTextSafety writes safety in every format and reads it back through
// Read (labels auto): text, speakers and times survive, except each
// format's documented losses.
func TestTextSafety(t *testing.T) {
	for f, loss := range losses {
		t.Run(string(f), func(t *testing.T) {
			var b bytes.Buffer
			if err := Write(&b, safety, f, Options{}); err != nil {
				t.Fatal(err)
			}
			got, err := Read(bytes.NewReader(b.Bytes()), f, Options{File: "out" + f.Ext(), Labels: LabelName})
			if err != nil {
				t.Fatalf("Read(Write()) = %v\n%s", err, b.String())
			}
			want := captest.CloneDoc(safety)
			loss(want)
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("round trip through %s (-want +got):\n%s\n%s", f, d, b.String())
			}
		})
	}
}

// TestTextSafetyTranscript writes safety as a transcript: text and
// speakers survive as turns starting at their first cue.
func TestTextSafetyTranscript(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, safety, Transcript, Options{}); err != nil {
		t.Fatal(err)
	}
	got, err := Read(bytes.NewReader(b.Bytes()), Transcript, Options{File: "out.txt"})
	if err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	want := []caption.Segment{
		{Start: 0, Speaker: "Ann", Paragraphs: []string{"Fish & chips a <b> c > d --> e שלום עולם, مرحبا"}},
		{Start: ms(3250), Speaker: "Bob", Paragraphs: []string{"🎉 party 👩‍👩‍👧"}},
		{Start: ms(3250), Speaker: "Ann", Paragraphs: []string{"e\u0301te\u0301 cafe\u0301"}},
		{Start: ms(5000), Speaker: "Bob", Paragraphs: []string{"T&amp;C &lt;not an entity&gt; {braces} \\N"}},
		{Start: ms(3661000), Speaker: "Ann", Paragraphs: []string{"Still me."}},
	}
	for i := range got.Segments {
		got.Segments[i].Pos = caption.Position{}
	}
	if d := cmp.Diff(want, got.Segments); d != "" {
		t.Errorf("segments (-want +got):\n%s\n%s", d, b.String())
	}
	if got.Title != safety.Title || got.Language != safety.Language {
		t.Errorf("title %q, language %q", got.Title, got.Language)
	}
}

func TestParseDialect(t *testing.T) {
	for _, name := range TranscriptDialects() {
		got, err := ParseDialect(strings.ToUpper(name))
		if err != nil || got != name {
			t.Errorf("ParseDialect(%q) = %q, %v", strings.ToUpper(name), got, err)
		}
		if _, err := ParseFormat(name); err == nil {
			t.Errorf("dialect %q is also a format name: --from would be ambiguous", name)
		}
	}
	if _, err := ParseDialect("srt"); err == nil {
		t.Error("ParseDialect(srt) succeeded")
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name string
		data string
		hint Format
		want Format
	}{
		{"WebVTT named .srt", "\uFEFFWEBVTT\n\n00:00.000 --> 00:01.000\na\n", SRT, WebVTT},
		{"TTML named .txt", "<?xml version=\"1.0\"?>\n<!-- c -->\n<tt xmlns=\"http://www.w3.org/ns/ttml\">", Transcript, TTML},
		{"prefixed tt", "<tt:tt xmlns:tt=\"http://www.w3.org/ns/ttml\">", "", TTML},
		{"ASS", "[Script Info]\nTitle: x\n", Transcript, ASS},
		{"JSON", "  {\"cues\": []}", "", JSON},
		{"SRT without a name", "1\n00:00:01,000 --> 00:00:02,000\nx\n", "", SRT},
		{"SRT named .txt", "\n\n00:00:01,000 --> 00:00:02,000\nx\n", Transcript, SRT},
		{"transcript", "Ann Lee 0:00:01\n\nHello.\n", Transcript, Transcript},
		{"Teams transcript named .txt", "0:0:0.0 --> 0:0:5.460\nAnn Lee\nHello.\n", Transcript, Transcript},
		{"Teams transcript without a name", "0:0:0.0 --> 0:0:5.460\nAnn Lee\nHello.\n", "", Transcript},
		{"WebVTT without header stays WebVTT", "00:00.000 --> 00:01.000\na\n", WebVTT, WebVTT},
		{"STL", "850STL25.01" + strings.Repeat(" ", 1013), "", STL},
		{"UTF-16 WebVTT", string([]byte{0xFF, 0xFE, 'W', 0, 'E', 0, 'B', 0, 'V', 0, 'T', 0, 'T', 0, '\n', 0}), "", WebVTT},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Detect([]byte(tc.data), tc.hint); got != tc.want {
				t.Errorf("Detect() = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestParseFormat(t *testing.T) {
	for name, want := range map[string]Format{"webvtt": WebVTT, ".SRT": SRT, "xml": TTML, "dfxp": DFXP, "ssa": ASS, "json": JSON, "stl": STL, "transcript": Transcript} {
		if got, err := ParseFormat(name); got != want || err != nil {
			t.Errorf("ParseFormat(%q) = %q, %v, want %q", name, got, err, want)
		}
	}
	if !STL.CanWrite() || !STL.CanRead() {
		t.Error("STL is read and written")
	}
	if f, ok := FormatFromPath("a/b.ssa"); f != ASS || !ok {
		t.Errorf("FormatFromPath(.ssa) = %q", f)
	}
}

// checkInvalid runs captest.CheckInvalid through Read in format f.
func checkInvalid(t *testing.T, f Format, tests []captest.InvalidCase) {
	t.Helper()
	captest.CheckInvalid(t, func(data []byte, src text.Source) (*caption.Document, error) {
		return Read(bytes.NewReader(data), f, Options{File: src.File, Warn: src.Warn})
	}, tests)
}

const assEvents = "[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"

func TestReadASSInvalid(t *testing.T) {
	checkInvalid(t, ASS, []captest.InvalidCase{
		{Name: "no events", Input: "[Script Info]\nTitle: x\n", Line: 2, Err: caption.ErrNoContent},
		{Name: "dialogue before format", Input: "[Events]\nDialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,x\n", Line: 2, Col: 11, Err: caption.ErrSyntax},
		{Name: "too few fields", Input: assEvents + "Dialogue: 0,0:00:01.00\n", Line: 3, Col: 11, Err: caption.ErrSyntax},
		{Name: "bad start", Input: assEvents + "Dialogue: 0,0:0x:01.00,0:00:02.00,Default,,0,0,0,,x\n", Line: 3, Col: 13, Err: caption.ErrBadTimestamp},
		{Name: "bad end", Input: assEvents + "Dialogue: 0,0:00:01.00,zz,Default,,0,0,0,,x\n", Line: 3, Col: 24, Err: caption.ErrBadTimestamp},
		{Name: "end before start", Input: assEvents + "Dialogue: 0,0:00:03.00,0:00:02.00,Default,,0,0,0,,x\n", Line: 3, Col: 11, Err: caption.ErrBadTimestamp},
		{Name: "junk in events", Input: assEvents + "garbage\n", Line: 3, Col: 1, Err: caption.ErrSyntax},
	})
}

func TestReadJSONInvalid(t *testing.T) {
	checkInvalid(t, JSON, []captest.InvalidCase{
		{Name: "empty", Input: "", Line: 1, Err: caption.ErrNoContent},
		{Name: "no cues", Input: "{\"cues\": []}", Line: 1, Err: caption.ErrNoContent},
		{Name: "syntax", Input: "{\n  \"cues\": [\n    {\"start\": 1,, }\n  ]\n}", Line: 3, Col: 17, Err: caption.ErrSyntax},
		{Name: "wrong type", Input: "{\n \"cues\": [{\"lines\": \"x\"}]}", Line: 2, Col: 23, Err: caption.ErrSyntax},
		{Name: "negative time, at its cue", Input: "{\"cues\": [{\"start\": -1, \"end\": 1}]}", Line: 1, Col: 11, Err: caption.ErrBadTimestamp},
		{Name: "end before start", Input: "{\"cues\": [{\"start\": 2, \"end\": 1, \"lines\": [\"x\"]}]}", Line: 1, Col: 11, Err: caption.ErrBadTimestamp},
		{Name: "speakers and lines differ", Input: "{\"cues\": [{\"start\": 0, \"end\": 1, \"lines\": [\"x\"], \"speakers\": []}]}", Line: 1, Col: 11, Err: caption.ErrSyntax},
	})
}

func TestWriteDFXP(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, safety, DFXP, Options{}); err != nil {
		t.Fatal(err)
	}
	s := b.String()
	if !strings.Contains(s, `ttp:profile="http://www.w3.org/ns/ttml/profile/dfxp-full"`) || strings.Contains(s, "contentProfiles") {
		t.Errorf("DFXP profile attributes wrong:\n%s", s[:400])
	}
	if DFXP.Ext() != ".dfxp" {
		t.Errorf("DFXP.Ext() = %q", DFXP.Ext())
	}
}

// TestWebVTTEveryVoice checks that the reader takes every voice span of a
// cue, on one line or several, not only the first.
func TestWebVTTEveryVoice(t *testing.T) {
	in := "WEBVTT\n\n00:00.000 --> 00:01.000\n<v Ann>a</v> <v.loud Bob>b</v>\n<v Carla Díaz>c\nstill Carla</v>\nnobody\n"
	doc, err := Read(strings.NewReader(in), WebVTT, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := cat(say("Ann", "a"), say("Bob", "b"), say("Carla Díaz", "c", "still Carla"), say("", "nobody"))
	if d := cmp.Diff(want, doc.Cues[0].Lines); d != "" {
		t.Errorf("voices (-want +got):\n%s", d)
	}
}
