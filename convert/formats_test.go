package convert

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// safety is text that every format must carry unchanged: markup and
// escaping characters, the cue arrow, right-to-left scripts, emoji with
// joiners and combining characters, and a dialogue cue of two speakers.
var safety = &Document{Title: "Tom & Jerry <live>", Language: "he", Cues: []Cue{
	{ID: "a1", Start: 0, End: ms(1500), Lines: say("Ann", "Fish & chips", "a <b> c > d --> e")},
	{ID: "a2", Start: ms(1500), End: ms(3000), Lines: say("Ann", "שלום עולם, مرحبا")},
	{ID: "a3", Start: ms(3250), End: ms(5000), Lines: cat(say("Bob", "🎉 party 👩‍👩‍👧"), say("Ann", "e\u0301te\u0301 cafe\u0301"))},
	{ID: "a4", Start: ms(5000), End: ms(3600000 + 61000), Lines: say("Bob", "T&amp;C &lt;not an entity&gt; {braces} \\N")},
	{ID: "a5", Start: ms(3600000 + 61000), End: ms(3600000 + 62000), Lines: say("Ann", "Still me.")},
}}

// losses are what each format cannot carry, applied to the expectation.
var losses = map[Format]func(d *Document){
	SRT:    func(d *Document) { d.Title, d.Language = "", ""; noIDs(d) },
	WebVTT: func(d *Document) { d.Title, d.Language = "", "" },
	TTML:   func(d *Document) {},
	DFXP:   func(d *Document) {},
	ASS:    func(d *Document) { d.Language = ""; noIDs(d) },
	JSON:   func(d *Document) {},
}

func noIDs(d *Document) {
	for i := range d.Cues {
		d.Cues[i].ID = ""
	}
}

// cloneDoc copies d deeply enough for losses to edit it.
func cloneDoc(d *Document) *Document {
	c := *d
	c.Cues = append([]Cue(nil), d.Cues...)
	for i := range c.Cues {
		c.Cues[i].Lines = append([]Line(nil), d.Cues[i].Lines...)
	}
	return &c
}

// TestTextSafety writes safety in every format and reads it back through
// Read (labels auto): text, speakers and times survive, except each
// format's documented losses.
func TestTextSafety(t *testing.T) {
	for f, loss := range losses {
		t.Run(string(f), func(t *testing.T) {
			var b bytes.Buffer
			if err := Write(&b, safety, f, WriteOptions{}); err != nil {
				t.Fatal(err)
			}
			got, err := Read(bytes.NewReader(b.Bytes()), f, ReadOptions{File: "out" + f.Ext(), Labels: LabelName})
			if err != nil {
				t.Fatalf("Read(Write()) = %v\n%s", err, b.String())
			}
			want := cloneDoc(safety)
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
	if err := Write(&b, safety, Transcript, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	got, err := Read(bytes.NewReader(b.Bytes()), Transcript, ReadOptions{File: "out.txt"})
	if err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	want := []Segment{
		{Start: 0, Speaker: "Ann", Paragraphs: []string{"Fish & chips a <b> c > d --> e שלום עולם, مرحبا"}},
		{Start: ms(3250), Speaker: "Bob", Paragraphs: []string{"🎉 party 👩‍👩‍👧"}},
		{Start: ms(3250), Speaker: "Ann", Paragraphs: []string{"e\u0301te\u0301 cafe\u0301"}},
		{Start: ms(5000), Speaker: "Bob", Paragraphs: []string{"T&amp;C &lt;not an entity&gt; {braces} \\N"}},
		{Start: ms(3661000), Speaker: "Ann", Paragraphs: []string{"Still me."}},
	}
	for i := range got.Segments {
		got.Segments[i].Pos = Position{}
	}
	if d := cmp.Diff(want, got.Segments); d != "" {
		t.Errorf("segments (-want +got):\n%s\n%s", d, b.String())
	}
	if got.Title != safety.Title || got.Language != safety.Language {
		t.Errorf("title %q, language %q", got.Title, got.Language)
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
	if STL.CanWrite() {
		t.Error("STL is read only")
	}
	if f, ok := FormatFromPath("a/b.ssa"); f != ASS || !ok {
		t.Errorf("FormatFromPath(.ssa) = %q", f)
	}
}

// checkInvalid runs testInvalid through Read in format f.
func checkInvalid(t *testing.T, f Format, tests []invalidCase) {
	t.Helper()
	testInvalid(t, func(data []byte, o ReadOptions) (*Document, error) {
		return Read(bytes.NewReader(data), f, o)
	}, tests)
}

const assEvents = "[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"

func TestReadASS(t *testing.T) {
	in := "\uFEFF[Script Info]\nTitle: Demo\nScriptType: v4.00+\n\n[V4+ Styles]\nStyle: Default,Arial\n\n" + assEvents +
		"Comment: 0,0:00:00.00,0:00:01.00,Default,,0,0,0,,ignored\n" +
		"Dialogue: 0,0:00:02.50,0:00:04.00,Default,Ann Lee,0,0,0,,{\\i1}Hello{\\i0}, world\\Nsecond\\hline\n" +
		"Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,First\n" +
		"Dialogue: 0,0:00:05.00,0:00:06.00,Default,Ann,0,0,0,,Hi\n" +
		"Dialogue: 0,0:00:05.00,0:00:06.00,Default,Bob,0,0,0,,Yo \\{x\\}\n"
	var warns []string
	doc, err := readASS([]byte(in), ReadOptions{Warn: func(p Position, m string) { warns = append(warns, m) }})
	if err != nil {
		t.Fatal(err)
	}
	want := &Document{Title: "Demo", Cues: []Cue{
		{Start: ms(1000), End: ms(2000), Lines: say("", "First")},
		{Start: ms(2500), End: ms(4000), Lines: say("Ann Lee", "Hello, world", "second\u00A0line")},
		{Start: ms(5000), End: ms(6000), Lines: cat(say("Ann", "Hi"), say("Bob", "Yo {x}"))},
	}}
	if d := cmp.Diff(want, doc); d != "" {
		t.Errorf("readASS() (-want +got):\n%s", d)
	}
	if len(warns) != 1 {
		t.Errorf("warnings %q, want one about the order", warns)
	}
}

func TestReadASSInvalid(t *testing.T) {
	checkInvalid(t, ASS, []invalidCase{
		{name: "no events", input: "[Script Info]\nTitle: x\n", line: 2, err: ErrNoContent},
		{name: "dialogue before format", input: "[Events]\nDialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,x\n", line: 2, col: 11, err: ErrSyntax},
		{name: "too few fields", input: assEvents + "Dialogue: 0,0:00:01.00\n", line: 3, col: 11, err: ErrSyntax},
		{name: "bad start", input: assEvents + "Dialogue: 0,0:0x:01.00,0:00:02.00,Default,,0,0,0,,x\n", line: 3, col: 13, err: ErrBadTimestamp},
		{name: "bad end", input: assEvents + "Dialogue: 0,0:00:01.00,zz,Default,,0,0,0,,x\n", line: 3, col: 24, err: ErrBadTimestamp},
		{name: "end before start", input: assEvents + "Dialogue: 0,0:00:03.00,0:00:02.00,Default,,0,0,0,,x\n", line: 3, col: 11, err: ErrBadTimestamp},
		{name: "junk in events", input: assEvents + "garbage\n", line: 3, col: 1, err: ErrSyntax},
	})
}

func TestReadJSONInvalid(t *testing.T) {
	checkInvalid(t, JSON, []invalidCase{
		{name: "empty", input: "", line: 1, err: ErrNoContent},
		{name: "no cues", input: "{\"cues\": []}", line: 1, err: ErrNoContent},
		{name: "syntax", input: "{\n  \"cues\": [\n    {\"start\": 1,, }\n  ]\n}", line: 3, col: 17, err: ErrSyntax},
		{name: "wrong type", input: "{\n \"cues\": [{\"lines\": \"x\"}]}", line: 2, col: 23, err: ErrSyntax},
		{name: "negative time, at its cue", input: "{\"cues\": [{\"start\": -1, \"end\": 1}]}", line: 1, col: 11, err: ErrBadTimestamp},
		{name: "end before start", input: "{\"cues\": [{\"start\": 2, \"end\": 1, \"lines\": [\"x\"]}]}", line: 1, col: 11, err: ErrBadTimestamp},
		{name: "speakers and lines differ", input: "{\"cues\": [{\"start\": 0, \"end\": 1, \"lines\": [\"x\"], \"speakers\": []}]}", line: 1, col: 11, err: ErrSyntax},
	})
}

func TestWriteJSON(t *testing.T) {
	d := &Document{Title: "T", Chapters: []Chapter{{Start: 0, End: ms(1500), Title: "One"}}, Cues: []Cue{
		{ID: "x", Start: ms(1500), End: ms(2250), Lines: say("Ann", "a <b>", "c")},
		{Start: ms(3000), End: ms(4001), Lines: cat(say("Ann", "hi"), say("", "yo"))},
	}}
	var b bytes.Buffer
	if err := writeJSON(&b, d, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	want := `{
  "title": "T",
  "chapters": [
    {
      "start": 0,
      "end": 1.5,
      "title": "One"
    }
  ],
  "cues": [
    {
      "id": "x",
      "start": 1.5,
      "end": 2.25,
      "speaker": "Ann",
      "lines": [
        "a <b>",
        "c"
      ]
    },
    {
      "start": 3,
      "end": 4.001,
      "speaker": "",
      "lines": [
        "hi",
        "yo"
      ],
      "speakers": [
        "Ann",
        ""
      ]
    }
  ]
}
`
	if d := cmp.Diff(want, b.String()); d != "" {
		t.Errorf("writeJSON() (-want +got):\n%s", d)
	}
}

// TestReadSTL reads EBU STL made by astisub's writer, the only STL at hand.
func TestReadSTL(t *testing.T) {
	in := &Document{Title: "Prog", Cues: []Cue{
		{Start: ms(1000), End: ms(2000), Lines: say("", "Hello", "ANN: café")},
		{Start: ms(3000), End: ms(4500), Lines: say("", "ANN: again")},
		{Start: ms(5000), End: ms(6000), Lines: say("", "BOB: yes")},
		{Start: ms(7000), End: ms(8000), Lines: say("", "ANN: no")},
	}}
	var b bytes.Buffer
	if err := toAstisub(in).WriteToSTL(&b); err != nil {
		t.Fatal(err)
	}
	if f := Detect(b.Bytes(), ""); f != STL {
		t.Fatalf("Detect() = %q", f)
	}
	got, err := Read(bytes.NewReader(b.Bytes()), STL, ReadOptions{File: "in.stl"})
	if err != nil {
		t.Fatal(err)
	}
	want := []Cue{
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
	checkInvalid(t, STL, []invalidCase{
		{name: "short", input: "850STL25.01", err: ErrSyntax},
		{name: "GSI only", input: b.String()[:1024], err: ErrNoContent},
	})
}

func TestWriteChapters(t *testing.T) {
	d := &Document{Chapters: []Chapter{{Start: 0, Title: "Intro & <hello>"}, {Start: ms(60000), Title: ""}},
		Cues: []Cue{{Start: ms(61000), End: ms(90500)}}}
	var b bytes.Buffer
	if err := WriteChapters(&b, d); err != nil {
		t.Fatal(err)
	}
	want := "WEBVTT\n\n1\n00:00:00.000 --> 00:01:00.000\nIntro &amp; &lt;hello&gt;\n\n2\n00:01:00.000 --> 00:01:30.500\nChapter 2\n\n"
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("WriteChapters() (-want +got):\n%s", diff)
	}
	back, err := readWebVTT(b.Bytes(), ReadOptions{})
	if err != nil || len(back.Cues) != 2 {
		t.Errorf("reading the chapters back: %v", err)
	}
	if err := WriteChapters(&b, &Document{}); err == nil {
		t.Error("WriteChapters() without chapters succeeded")
	}
}

func TestWriteDFXP(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, safety, DFXP, WriteOptions{}); err != nil {
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

func TestCuesToSegments(t *testing.T) {
	cues := []Cue{
		{Start: 0, End: ms(1000), Lines: say("Ann", "a", "b")},
		{Start: ms(1000), End: ms(2000), Lines: cat(say("Ann", "c"), say("Bob", "d"))},
		{Start: ms(2000), End: ms(3000), Lines: say("Bob", "  e  ")},
	}
	want := []Segment{
		{Start: 0, Speaker: "Ann", Paragraphs: []string{"a b c"}},
		{Start: ms(1000), Speaker: "Bob", Paragraphs: []string{"d e"}},
	}
	if d := cmp.Diff(want, CuesToSegments(cues)); d != "" {
		t.Errorf("CuesToSegments() (-want +got):\n%s", d)
	}
	anon := []Cue{{Start: 0, Lines: say("", "x")}, {Start: ms(5), Lines: say("", "y")}}
	if got := CuesToSegments(anon); len(got) != 2 {
		t.Errorf("speakerless cues give %d segments, want one per cue", len(got))
	}
}

// TestWebVTTEveryVoice checks that the reader takes every voice span of a
// cue, on one line or several, not only the first.
func TestWebVTTEveryVoice(t *testing.T) {
	in := "WEBVTT\n\n00:00.000 --> 00:01.000\n<v Ann>a</v> <v.loud Bob>b</v>\n<v Carla Díaz>c\nstill Carla</v>\nnobody\n"
	doc, err := Read(strings.NewReader(in), WebVTT, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := cat(say("Ann", "a"), say("Bob", "b"), say("Carla Díaz", "c", "still Carla"), say("", "nobody"))
	if d := cmp.Diff(want, doc.Cues[0].Lines); d != "" {
		t.Errorf("voices (-want +got):\n%s", d)
	}
}
