package convert

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/asticode/go-astisub"
	"github.com/google/go-cmp/cmp"
)

func ms(n int64) time.Duration { return time.Duration(n) * time.Millisecond }

// say builds lines for one speaker.
func say(speaker string, texts ...string) []Line {
	out := make([]Line, len(texts))
	for i, t := range texts {
		out[i] = Line{Speaker: speaker, Text: t}
	}
	return out
}

func cat(parts ...[]Line) []Line {
	var out []Line
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// tricky is text that tests escaping, bidirectional text, emoji and
// combining characters in round trips.
var tricky = []Cue{
	{Start: 0, End: ms(1500), Lines: say("Ann", "Fish & chips", "a <b> c > d --> e")},
	{Start: ms(1500), End: ms(3000), Lines: say("Ann", "שלום עולם, مرحبا")},
	{Start: ms(3250), End: ms(5000), Lines: cat(say("Bob", "🎉 party 👩‍👩‍👧"), say("Ann", "e\u0301te\u0301 cafe\u0301"))},
	{Start: ms(5000), End: ms(3600000 + 61001), Lines: say("Bob", "T&amp;C &lt;not an entity&gt;")},
	{Start: ms(100*3600000 + 7), End: ms(100*3600000 + 999), Lines: say("Carla Díaz", "- a dash that is text")},
}

func TestWriteSRT(t *testing.T) {
	turns := &Document{Cues: []Cue{
		{Start: ms(1000), End: ms(2000), Lines: say("Mark Zuckerberg", "Thanks for", "having me.")},
		{Start: ms(2000), End: ms(3000), Lines: say("Mark Zuckerberg", "Still me.")},
		{Start: ms(3000), End: ms(4000), Lines: say("Lex", "My turn.")},
		{Start: ms(4000), End: ms(5000), Lines: cat(say("Lex", "Is it?"), say("Mark Zuckerberg", "Yes."))},
		{Start: ms(5000), End: ms(6000), Lines: say("Mark Zuckerberg", "Go on.")},
	}}
	tests := []struct {
		name   string
		doc    *Document
		style  LabelStyle
		want   string
		reason string
	}{
		{
			name: "default style is name", doc: turns, style: "",
			want: "1\n00:00:01,000 --> 00:00:02,000\nMark Zuckerberg: Thanks for\nhaving me.\n\n" +
				"2\n00:00:02,000 --> 00:00:03,000\nStill me.\n\n" +
				"3\n00:00:03,000 --> 00:00:04,000\nLex: My turn.\n\n" +
				"4\n00:00:04,000 --> 00:00:05,000\n-Lex: Is it?\n-Mark Zuckerberg: Yes.\n\n" +
				"5\n00:00:05,000 --> 00:00:06,000\nGo on.\n\n",
			reason: "labels only at a change of speaker, except in a dialogue cue, where every speaker's line is labelled so that an unlabelled dash reads as an unknown speaker",
		},
		{
			name: "upper", doc: turns, style: LabelUpper,
			want: "1\n00:00:01,000 --> 00:00:02,000\nMARK ZUCKERBERG: Thanks for\nhaving me.\n\n" +
				"2\n00:00:02,000 --> 00:00:03,000\nStill me.\n\n" +
				"3\n00:00:03,000 --> 00:00:04,000\nLEX: My turn.\n\n" +
				"4\n00:00:04,000 --> 00:00:05,000\n-LEX: Is it?\n-MARK ZUCKERBERG: Yes.\n\n" +
				"5\n00:00:05,000 --> 00:00:06,000\nGo on.\n\n",
		},
		{
			name: "bracket", doc: turns, style: LabelBracket,
			want: "1\n00:00:01,000 --> 00:00:02,000\n[Mark Zuckerberg] Thanks for\nhaving me.\n\n" +
				"2\n00:00:02,000 --> 00:00:03,000\nStill me.\n\n" +
				"3\n00:00:03,000 --> 00:00:04,000\n[Lex] My turn.\n\n" +
				"4\n00:00:04,000 --> 00:00:05,000\n-[Lex] Is it?\n-[Mark Zuckerberg] Yes.\n\n" +
				"5\n00:00:05,000 --> 00:00:06,000\nGo on.\n\n",
		},
		{
			name: "none", doc: turns, style: LabelNone,
			want: "1\n00:00:01,000 --> 00:00:02,000\nThanks for\nhaving me.\n\n" +
				"2\n00:00:02,000 --> 00:00:03,000\nStill me.\n\n" +
				"3\n00:00:03,000 --> 00:00:04,000\nMy turn.\n\n" +
				"4\n00:00:04,000 --> 00:00:05,000\n-Is it?\n-Yes.\n\n" +
				"5\n00:00:05,000 --> 00:00:06,000\nGo on.\n\n",
			reason: "dialogue dashes do not depend on labels",
		},
		{
			name: "dialogue cue: a dash and a label at each speaker's first line",
			doc: &Document{Cues: []Cue{
				{Start: 0, End: ms(1000), Lines: cat(say("A", "Hi."), say("B", "Hello."), say("B", "Again."))},
			}},
			want: "1\n00:00:00,000 --> 00:00:01,000\n-A: Hi.\n-B: Hello.\nAgain.\n\n",
		},
		{
			name: "text is not escaped, times rounded, hours widen",
			doc: &Document{Cues: []Cue{
				{Start: 1499*time.Microsecond + 400, End: time.Duration(100)*time.Hour + 1500*time.Microsecond,
					Lines: []Line{{Text: "Fish & chips <i>yes</i>"}}},
			}},
			want: "1\n00:00:00,001 --> 100:00:00,002\nFish & chips <i>yes</i>\n\n",
		},
		{
			name: "blank lines are left out and line breaks become spaces",
			doc: &Document{Cues: []Cue{
				{Start: -time.Second, End: 0, Lines: []Line{{Text: ""}, {Text: "a\nb"}, {Text: "  "}, {Text: "c"}}},
				{Start: 0, End: 0},
			}},
			want:   "1\n00:00:00,000 --> 00:00:00,000\na b\nc\n\n2\n00:00:00,000 --> 00:00:00,000\n\n",
			reason: "a blank line would end the cue; negative times clamp to 0",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := writeSRT(&b, tc.doc, WriteOptions{SRTLabels: tc.style}); err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tc.want, b.String()); d != "" {
				t.Errorf("writeSRT() mismatch (-want +got):\n%s", d)
			}
		})
	}
}

func TestReadSRT(t *testing.T) {
	astisubCues := []Cue{
		{Start: ms(99000), End: ms(101040), Lines: []Line{{Text: "(deep rumbling)"}}},
		{Start: ms(124080), End: ms(127120), Lines: []Line{{Text: "MAN:"}, {Text: "How did we end up here?"}}},
		{Start: ms(132160), End: ms(135200), Lines: []Line{{Text: "This place is horrible."}}},
		{Start: ms(140240), End: ms(142280), Lines: []Line{{Text: "Smells like balls."}}},
		{Start: ms(148320), End: ms(151360), Lines: []Line{{Text: "We don't belong"}, {Text: "in this shithole."}}},
		{Start: ms(151400), End: ms(153440), Lines: []Line{{Text: "(computer playing"}, {Text: "electronic melody)"}}},
	}
	tests := []struct {
		name  string
		file  string // under ../testdata, or "" for input
		input string
		count int
		want  map[int]Cue // selected cues by index; -1 is the last
	}{
		{
			name: "Lex Fridman", file: "captions/lexfridman-333-karpathy.srt", count: 5502,
			want: map[int]Cue{
				0: {Start: 0, End: ms(1920), Lines: []Line{{Text: "- I think it's possible"}, {Text: "that physics has exploits"}}},
				3: {Start: ms(5970), End: ms(8400), Lines: []Line{{Text: "that somehow gives you buffer overflow,"}}},
			},
		},
		{
			name: "short times, dot separator and coordinates", file: "malformed/astisub-example-in.srt", count: 6,
			want: map[int]Cue{0: astisubCues[0], 1: astisubCues[1], 2: astisubCues[2], 5: astisubCues[5]},
		},
		{
			name: "no cue numbers", file: "malformed/astisub-missing-sequence-in.srt", count: 6,
			want: map[int]Cue{0: astisubCues[0], 1: astisubCues[1], 4: astisubCues[4], 5: astisubCues[5]},
		},
		{
			name: "CR line endings", file: "malformed/astisub-example-in-carriage-return.srt", count: 3,
			want: map[int]Cue{
				1: {Start: ms(3767), End: ms(10732), Lines: []Line{{Text: "That's true. You don’t often find 632"}, {Text: "pieces of gum stuck on a sidewalk"}}},
				2: {Start: ms(10733), End: ms(14066), Lines: []Line{{Text: "at a busy bus stop or anywhere"}, {Text: "else for that matter."}}},
			},
		},
		{
			name: "dot in one time", file: "malformed/webvtt-py-invalid-timeframe.srt", count: 5,
			want: map[int]Cue{1: {Start: ms(7000), End: ms(11890), Lines: []Line{{Text: "Caption text #2"}}}},
		},
		{
			name:  "extra blank lines, CRLF, trailing spaces, no blank line between cues",
			input: "\r\n\r\n1\r\n00:00:01,5 --> 00:00:02,25  \r\nHello  \r\n\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\nOne\r\n3\r\n00:00:05,000 --> 00:00:06,000\r\n42\r\nTwo\r\n",
			count: 3,
			want: map[int]Cue{
				0: {Start: ms(1500), End: ms(2250), Lines: []Line{{Text: "Hello"}}},
				1: {Start: ms(3000), End: ms(4000), Lines: []Line{{Text: "One"}}},
				2: {Start: ms(5000), End: ms(6000), Lines: []Line{{Text: "42"}, {Text: "Two"}}},
			},
		},
		{
			name:  "text after a blank line joins the cue; arrows in text are text",
			input: "1\n00:00:01,000 --> 00:00:02,000\nHello\n\nworld\n10 --> 20 km\n",
			count: 1,
			want:  map[int]Cue{0: {Start: ms(1000), End: ms(2000), Lines: []Line{{Text: "Hello"}, {Text: "world"}, {Text: "10 --> 20 km"}}}},
		},
		{
			name:  "out of order cues are sorted",
			input: "1\n00:00:05,000 --> 00:00:06,000\nB\n\n2\n00:00:01,000 --> 00:00:02,000\nA\n",
			count: 2,
			want:  map[int]Cue{0: {Start: ms(1000), End: ms(2000), Lines: []Line{{Text: "A"}}}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkReadCues(t, readSRT, tc.file, tc.input, tc.count, tc.want)
		})
	}
}

// invalidCase is one input that a reader must refuse.
type invalidCase struct {
	name  string
	input string // used when file is ""
	file  string // in ../testdata/invalid
	line  int
	col   int // 0: not checked
	err   error
}

func testInvalid(t *testing.T, read func([]byte, ReadOptions) (*Document, error), tests []invalidCase) {
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := []byte(tc.input)
			if tc.file != "" {
				data = mustRead(t, filepath.Join("..", "testdata", "invalid", tc.file))
			}
			doc, err := read(data, ReadOptions{File: tc.file})
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("read() = %v, %v; want a *ParseError", doc, err)
			}
			if !errors.Is(err, tc.err) {
				t.Errorf("read() error %q does not wrap %q", err, tc.err)
			}
			if pe.Pos.Line != tc.line || (tc.col != 0 && pe.Pos.Col != tc.col) {
				t.Errorf("read() error at %d:%d, want %d:%d (%v)", pe.Pos.Line, pe.Pos.Col, tc.line, tc.col, err)
			}
		})
	}
}

func TestReadSRTInvalid(t *testing.T) {
	testInvalid(t, readSRT, []invalidCase{
		{name: "missing timing line", file: "webvtt-py-missing-timeframe.srt", line: 6, col: 1, err: ErrBadTimestamp},
		{name: "empty", input: "", line: 1, err: ErrNoContent},
		{name: "blank lines only", input: "\n\n \n", line: 3, err: ErrNoContent},
		{name: "text first", input: "Hello\n00:00:01,000 --> 00:00:02,000\n", line: 1, col: 1, err: ErrSyntax},
		{name: "bad start", input: "1\n00:0x:01,000 --> 00:00:02,000\nA\n", line: 2, col: 1, err: ErrBadTimestamp},
		{name: "minutes 60", input: "1\n00:60:01,000 --> 00:00:02,000\nA\n", line: 2, col: 1, err: ErrBadTimestamp},
		{name: "bad end", input: "1\n00:00:01,000 --> 00:00:0é,000\nA\n", line: 2, col: 18, err: ErrBadTimestamp},
		{name: "no arrow", input: "1\n00:00:01,000 - -> 00:00:02,000\n", line: 2, err: ErrBadTimestamp},
		{name: "end before start", input: "\n\n1\n00:00:03,000 --> 00:00:02,000\nA\n", line: 4, col: 18, err: ErrBadTimestamp},
		{name: "binary", input: "1\x00\x02", line: 1, err: ErrNotText},
	})
}

// roundTrip compares cues after a write and a read, in milliseconds.
func roundTripDiff(want, got []Cue) string {
	round := func(cs []Cue) []Cue {
		out := make([]Cue, len(cs))
		for i, c := range cs {
			c.Start, c.End = c.Start.Round(time.Millisecond), c.End.Round(time.Millisecond)
			if len(c.Lines) == 0 {
				c.Lines = nil
			}
			out[i] = c
		}
		return out
	}
	return cmp.Diff(round(want), round(got))
}

func TestSRTRoundTrip(t *testing.T) {
	for _, style := range []LabelStyle{LabelName, LabelUpper, LabelBracket, LabelNone} {
		t.Run(string(style), func(t *testing.T) {
			var b bytes.Buffer
			if err := writeSRT(&b, &Document{Cues: tricky}, WriteOptions{SRTLabels: style}); err != nil {
				t.Fatal(err)
			}
			got, err := readSRT(b.Bytes(), ReadOptions{})
			if err != nil {
				t.Fatalf("readSRT(writeSRT()) = %v\n%s", err, b.String())
			}
			ApplyLabels(got, style)
			want := make([]Cue, len(tricky))
			for i, c := range tricky {
				dialogue := isDialogue(c.Lines)
				c.Lines = append([]Line(nil), c.Lines...)
				for j := range c.Lines {
					switch style {
					case LabelUpper:
						c.Lines[j].Speaker = strings.ToUpper(c.Lines[j].Speaker)
					case LabelNone:
						// Without labels, a dialogue cue's dashes stay text.
						if dialogue {
							c.Lines[j].Text = "-" + c.Lines[j].Text
						}
						c.Lines[j].Speaker = ""
					}
				}
				want[i] = c
			}
			if d := roundTripDiff(want, got.Cues); d != "" {
				t.Errorf("round trip mismatch (-want +got):\n%s\n%s", d, b.String())
			}
		})
	}
}

// TestSRTAstisub checks what writeSRT writes against an independent reader.
func TestSRTAstisub(t *testing.T) {
	doc := &Document{Cues: []Cue{}}
	for _, c := range tricky {
		// SRT has no escaping, so "<" would open a tag for a reader that
		// knows <i>, "-->" starts a cue for astisub and astisub decodes
		// "&amp;" in SRT: leave them to the WebVTT check.
		ok := true
		for _, l := range c.Lines {
			ok = ok && !strings.ContainsAny(l.Text, "<>;")
		}
		if ok {
			doc.Cues = append(doc.Cues, c)
		}
	}
	var b bytes.Buffer
	if err := writeSRT(&b, doc, WriteOptions{SRTLabels: LabelNone}); err != nil {
		t.Fatal(err)
	}
	subs, err := astisub.ReadFromSRT(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	compareAstisub(t, doc, subs, func(l Line, dialogue bool) string {
		if dialogue {
			return "-" + l.Text
		}
		return l.Text
	})
}

// compareAstisub compares cue count, times and text of subs with doc;
// text renders one of doc's lines as the writer wrote it.
func compareAstisub(t *testing.T, doc *Document, subs *astisub.Subtitles, text func(l Line, dialogue bool) string) {
	t.Helper()
	if len(subs.Items) != len(doc.Cues) {
		t.Fatalf("astisub read %d cues, want %d", len(subs.Items), len(doc.Cues))
	}
	for i, c := range doc.Cues {
		it := subs.Items[i]
		var want, got []string
		for _, l := range c.Lines {
			if l.Text != "" {
				want = append(want, text(l, isDialogue(c.Lines)))
			}
		}
		for _, l := range it.Lines {
			// astisub keeps a trailing blank line of the last cue, and
			// reads "<v Name></v>" as an empty line.
			if s := l.String(); s != "" {
				got = append(got, s)
			}
		}
		if it.StartAt != c.Start || it.EndAt != c.End {
			t.Errorf("cue %d: astisub times %v --> %v, want %v --> %v", i, it.StartAt, it.EndAt, c.Start, c.End)
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("cue %d: astisub text mismatch (-want +got):\n%s", i, d)
		}
	}
}

func FuzzReadSRT(f *testing.F) {
	for _, dir := range []string{"../testdata/captions", "../testdata/malformed", "../testdata/invalid"} {
		paths, _ := filepath.Glob(filepath.Join(dir, "*.srt"))
		for _, p := range paths {
			data := mustRead(f, p)
			if len(data) > 20000 {
				data = data[:20000]
			}
			f.Add(data)
		}
	}
	f.Add([]byte("1\n00:00:01,000 --> 00:00:02,000\n-A: x\n-B: y\n"))
	// Found by fuzzing: U+0000 in UTF-16 input was read, written, and
	// refused on reading back.
	f.Add([]byte("\xff\xfe0\x00:\x000\x000\x00-\x00-\x00>\x000\x00:\x000\x000\x00\n\x00\x00\x000"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRoundTrip(t, data, readSRT, func(b *bytes.Buffer, d *Document) error { return writeSRT(b, d, WriteOptions{}) }, readSRT, time.Millisecond)
	})
}

const lexFile = "../testdata/captions/lexfridman-333-karpathy.srt"

func BenchmarkReadSRT(b *testing.B) {
	data := mustRead(b, lexFile)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := readSRT(data, ReadOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAstisubReadSRT is the baseline for BenchmarkReadSRT.
func BenchmarkAstisubReadSRT(b *testing.B) {
	data := mustRead(b, lexFile)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := astisub.ReadFromSRT(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteSRT(b *testing.B) {
	doc, err := readSRT(mustRead(b, lexFile), ReadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := writeSRT(&buf, doc, WriteOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// checkReadCues reads file (under ../testdata) or, when file is "", input
// with read, and checks the number of cues and the cues of want by index.
func checkReadCues(t *testing.T, read func([]byte, ReadOptions) (*Document, error), file, input string, count int, want map[int]Cue) {
	t.Helper()
	data := []byte(input)
	if file != "" {
		data = mustRead(t, filepath.Join("..", "testdata", file))
	}
	doc, err := read(data, ReadOptions{File: file})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Cues) != count {
		t.Fatalf("read %d cues, want %d", len(doc.Cues), count)
	}
	for i, w := range want {
		if d := cmp.Diff(w, doc.Cues[i]); d != "" {
			t.Errorf("cue %d mismatch (-want +got):\n%s", i, d)
		}
	}
}
