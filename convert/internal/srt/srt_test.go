package srt

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/asticode/go-astisub"
	"github.com/capconv/capconv/convert/caption"
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

func TestWriteSRT(t *testing.T) {
	turns := &caption.Document{Cues: []caption.Cue{
		{Start: ms(1000), End: ms(2000), Lines: say("Mark Zuckerberg", "Thanks for", "having me.")},
		{Start: ms(2000), End: ms(3000), Lines: say("Mark Zuckerberg", "Still me.")},
		{Start: ms(3000), End: ms(4000), Lines: say("Lex", "My turn.")},
		{Start: ms(4000), End: ms(5000), Lines: cat(say("Lex", "Is it?"), say("Mark Zuckerberg", "Yes."))},
		{Start: ms(5000), End: ms(6000), Lines: say("Mark Zuckerberg", "Go on.")},
	}}
	tests := []struct {
		name   string
		doc    *caption.Document
		style  labels.Style
		want   string
		reason string
	}{
		{
			name: "default style is name", doc: turns, style: "",
			want: "1\n00:00:01,000 --> 00:00:02,000\nMark Zuckerberg: Thanks for\nhaving me.\n\n" +
				"2\n00:00:02,000 --> 00:00:03,000\nStill me.\n\n" +
				"3\n00:00:03,000 --> 00:00:04,000\nLex: My turn.\n\n" +
				"4\n00:00:04,000 --> 00:00:05,000\n- Lex: Is it?\n- Mark Zuckerberg: Yes.\n\n" +
				"5\n00:00:05,000 --> 00:00:06,000\nGo on.\n\n",
			reason: "labels only at a change of speaker, except in a dialogue cue, where every speaker's line is labelled so that an unlabelled dash reads as an unknown speaker",
		},
		{
			name: "upper", doc: turns, style: labels.Upper,
			want: "1\n00:00:01,000 --> 00:00:02,000\nMARK ZUCKERBERG: Thanks for\nhaving me.\n\n" +
				"2\n00:00:02,000 --> 00:00:03,000\nStill me.\n\n" +
				"3\n00:00:03,000 --> 00:00:04,000\nLEX: My turn.\n\n" +
				"4\n00:00:04,000 --> 00:00:05,000\n- LEX: Is it?\n- MARK ZUCKERBERG: Yes.\n\n" +
				"5\n00:00:05,000 --> 00:00:06,000\nGo on.\n\n",
		},
		{
			name: "bracket", doc: turns, style: labels.Bracket,
			want: "1\n00:00:01,000 --> 00:00:02,000\n[Mark Zuckerberg] Thanks for\nhaving me.\n\n" +
				"2\n00:00:02,000 --> 00:00:03,000\nStill me.\n\n" +
				"3\n00:00:03,000 --> 00:00:04,000\n[Lex] My turn.\n\n" +
				"4\n00:00:04,000 --> 00:00:05,000\n- [Lex] Is it?\n- [Mark Zuckerberg] Yes.\n\n" +
				"5\n00:00:05,000 --> 00:00:06,000\nGo on.\n\n",
		},
		{
			name: "none", doc: turns, style: labels.None,
			want: "1\n00:00:01,000 --> 00:00:02,000\nThanks for\nhaving me.\n\n" +
				"2\n00:00:02,000 --> 00:00:03,000\nStill me.\n\n" +
				"3\n00:00:03,000 --> 00:00:04,000\nMy turn.\n\n" +
				"4\n00:00:04,000 --> 00:00:05,000\nIs it?\nYes.\n\n" +
				"5\n00:00:05,000 --> 00:00:06,000\nGo on.\n\n",
			reason: "no label style shows no speaker, not even a change of speaker; only dashes the source wrote (Line.Dash) are shown",
		},
		{
			name: "dialogue cue: a dash and a label at each speaker's first line",
			doc: &caption.Document{Cues: []caption.Cue{
				{Start: 0, End: ms(1000), Lines: cat(say("A", "Hi."), say("B", "Hello."), say("B", "Again."))},
			}},
			want: "1\n00:00:00,000 --> 00:00:01,000\n- A: Hi.\n- B: Hello.\nAgain.\n\n",
		},
		{
			name: "text is not escaped but a tag in text is broken, times rounded, hours widen",
			doc: &caption.Document{Cues: []caption.Cue{
				{Start: 1499*time.Microsecond + 400, End: time.Duration(100)*time.Hour + 1500*time.Microsecond,
					Lines: []caption.Line{{Text: "Fish & chips <i>yes</i>"}}},
			}},
			want:   "1\n00:00:00,001 --> 100:00:00,002\nFish & chips <\u2060i>yes<\u2060/i>\n\n",
			reason: "a word joiner after \"<\" keeps text that reads as a tag text, unseen",
		},
		{
			name: "blank lines are left out and line breaks become spaces",
			doc: &caption.Document{Cues: []caption.Cue{
				{Start: -time.Second, End: 0, Lines: []caption.Line{{Text: ""}, {Text: "a\nb"}, {Text: "  "}, {Text: "c"}}},
				{Start: 0, End: 0},
			}},
			want:   "1\n00:00:00,000 --> 00:00:00,000\na b\nc\n\n2\n00:00:00,000 --> 00:00:00,000\n\n",
			reason: "a blank line would end the cue; negative times clamp to 0",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Append(nil, tc.doc, tc.style)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tc.want, string(b)); d != "" {
				t.Errorf("Append() mismatch (-want +got):\n%s", d)
			}
		})
	}
}

func TestReadSRT(t *testing.T) {
	astisubCues := []caption.Cue{
		{Start: ms(99000), End: ms(101040), Lines: []caption.Line{{Text: "(deep rumbling)"}}},
		{Start: ms(124080), End: ms(127120), Lines: []caption.Line{{Text: "MAN:"}, {Text: "How did we end up here?"}}},
		{Start: ms(132160), End: ms(135200), Lines: []caption.Line{{Text: "This place is horrible."}}},
		{Start: ms(140240), End: ms(142280), Lines: []caption.Line{{Text: "Smells like balls."}}},
		{Start: ms(148320), End: ms(151360), Lines: []caption.Line{{Text: "We don't belong"}, {Text: "in this shithole."}}},
		{Start: ms(151400), End: ms(153440), Lines: []caption.Line{{Text: "(computer playing"}, {Text: "electronic melody)"}}},
	}
	tests := []struct {
		name  string
		file  string // under testdata, or "" for input
		input string
		count int
		want  map[int]caption.Cue // selected cues by index; -1 is the last
	}{
		{
			name: "Lex Fridman", file: "captions/lexfridman-333-karpathy.srt", count: 5502,
			want: map[int]caption.Cue{
				0: {Start: 0, End: ms(1920), Lines: []caption.Line{{Text: "- I think it's possible"}, {Text: "that physics has exploits"}}},
				3: {Start: ms(5970), End: ms(8400), Lines: []caption.Line{{Text: "that somehow gives you buffer overflow,"}}},
			},
		},
		{
			name: "short times, dot separator and coordinates", file: "malformed/astisub-example-in.srt", count: 6,
			want: map[int]caption.Cue{0: astisubCues[0], 1: astisubCues[1], 2: astisubCues[2], 5: astisubCues[5]},
		},
		{
			name: "no cue numbers", file: "malformed/astisub-missing-sequence-in.srt", count: 6,
			want: map[int]caption.Cue{0: astisubCues[0], 1: astisubCues[1], 4: astisubCues[4], 5: astisubCues[5]},
		},
		{
			name: "CR line endings", file: "malformed/astisub-example-in-carriage-return.srt", count: 3,
			want: map[int]caption.Cue{
				1: {Start: ms(3767), End: ms(10732), Lines: []caption.Line{{Text: "That's true. You don’t often find 632"}, {Text: "pieces of gum stuck on a sidewalk"}}},
				2: {Start: ms(10733), End: ms(14066), Lines: []caption.Line{{Text: "at a busy bus stop or anywhere"}, {Text: "else for that matter."}}},
			},
		},
		{
			name: "dot in one time", file: "malformed/webvtt-py-invalid-timeframe.srt", count: 5,
			want: map[int]caption.Cue{1: {Start: ms(7000), End: ms(11890), Lines: []caption.Line{{Text: "Caption text #2"}}}},
		},
		{
			name:  "extra blank lines, CRLF, trailing spaces, no blank line between cues",
			input: "\r\n\r\n1\r\n00:00:01,5 --> 00:00:02,25  \r\nHello  \r\n\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\nOne\r\n3\r\n00:00:05,000 --> 00:00:06,000\r\n42\r\nTwo\r\n",
			count: 3,
			want: map[int]caption.Cue{
				0: {Start: ms(1500), End: ms(2250), Lines: []caption.Line{{Text: "Hello"}}},
				1: {Start: ms(3000), End: ms(4000), Lines: []caption.Line{{Text: "One"}}},
				2: {Start: ms(5000), End: ms(6000), Lines: []caption.Line{{Text: "42"}, {Text: "Two"}}},
			},
		},
		{
			name:  "text after a blank line joins the cue; arrows in text are text, read as Append writes them",
			input: "1\n00:00:01,000 --> 00:00:02,000\nHello\n\nworld\n10 --> 20 km\n",
			count: 1,
			want:  map[int]caption.Cue{0: {Start: ms(1000), End: ms(2000), Lines: []caption.Line{{Text: "Hello"}, {Text: "world"}, {Text: "10 -> 20 km"}}}},
		},
		{
			name:  "out of order cues are sorted",
			input: "1\n00:00:05,000 --> 00:00:06,000\nB\n\n2\n00:00:01,000 --> 00:00:02,000\nA\n",
			count: 2,
			want:  map[int]caption.Cue{0: {Start: ms(1000), End: ms(2000), Lines: []caption.Line{{Text: "A"}}}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			captest.CheckReadCues(t, Read, tc.file, tc.input, tc.count, tc.want)
		})
	}
}

func TestReadSRTInvalid(t *testing.T) {
	captest.CheckInvalid(t, Read, []captest.InvalidCase{
		{Name: "missing timing line", File: "webvtt-py-missing-timeframe.srt", Line: 6, Col: 1, Err: caption.ErrBadTimestamp},
		{Name: "empty", Input: "", Line: 1, Err: caption.ErrNoContent},
		{Name: "blank lines only", Input: "\n\n \n", Line: 3, Err: caption.ErrNoContent},
		{Name: "text first", Input: "Hello\n00:00:01,000 --> 00:00:02,000\n", Line: 1, Col: 1, Err: caption.ErrSyntax},
		{Name: "bad start", Input: "1\n00:0x:01,000 --> 00:00:02,000\nA\n", Line: 2, Col: 1, Err: caption.ErrBadTimestamp},
		{Name: "minutes 60", Input: "1\n00:60:01,000 --> 00:00:02,000\nA\n", Line: 2, Col: 1, Err: caption.ErrBadTimestamp},
		{Name: "bad end", Input: "1\n00:00:01,000 --> 00:00:0é,000\nA\n", Line: 2, Col: 18, Err: caption.ErrBadTimestamp},
		{Name: "no arrow", Input: "1\n00:00:01,000 - -> 00:00:02,000\n", Line: 2, Err: caption.ErrBadTimestamp},
		{Name: "end before start", Input: "\n\n1\n00:00:03,000 --> 00:00:02,000\nA\n", Line: 4, Col: 18, Err: caption.ErrBadTimestamp},
		{Name: "binary", Input: "1\x00\x02", Line: 1, Err: caption.ErrNotText},
		{Name: "negative start", Input: "1\n-00:00:01,000 --> 00:00:02,000\nA\n", Line: 2, Col: 1, Err: caption.ErrBadTimestamp, Msg: "the start is before 0"},
		{Name: "hours past MaxTime", Input: "1\n999999:00:00,000 --> 999999:00:01,000\nA\n", Line: 2, Col: 1, Err: caption.ErrBadTimestamp},
		{Name: "negative end", Input: "1\n00:00:01,000 --> -00:00:02,000\nA\n", Line: 2, Col: 18, Err: caption.ErrBadTimestamp, Msg: "the end is before 0"},
	})
}

func TestSRTRoundTrip(t *testing.T) {
	tricky := captest.Tricky()
	for _, style := range []labels.Style{labels.Name, labels.Upper, labels.Bracket, labels.None} {
		t.Run(string(style), func(t *testing.T) {
			b, err := Append(nil, &caption.Document{Cues: tricky}, style)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Read(b, text.Source{})
			if err != nil {
				t.Fatalf("Read(Append()) = %v\n%s", err, b)
			}
			labels.Apply(got, style)
			want := make([]caption.Cue, len(tricky))
			for i, c := range tricky {
				c.Lines = append([]caption.Line(nil), c.Lines...)
				orig := tricky[i].Lines
				for j := range c.Lines {
					c.Lines[j].Text = strings.ReplaceAll(c.Lines[j].Text, "-->", "->") // the documented loss
					// A dialogue cue shows a dash before each speaker's
					// first line, which reads back as the line's dash.
					if style != labels.None && (j == 0 || orig[j].Speaker != orig[j-1].Speaker) && dialogue(orig) {
						c.Lines[j].Dash = true
					}
					switch style {
					case labels.Upper:
						c.Lines[j].Speaker = strings.ToUpper(c.Lines[j].Speaker)
					case labels.None:
						c.Lines[j].Speaker = ""
					}
				}
				want[i] = c
			}
			if d := captest.RoundTripDiff(want, got.Cues); d != "" {
				t.Errorf("round trip mismatch (-want +got):\n%s\n%s", d, b)
			}
		})
	}
}

// TestSRTAstisub checks what Append writes against an independent reader.
func TestSRTAstisub(t *testing.T) {
	doc := &caption.Document{Cues: []caption.Cue{}}
	for _, c := range captest.Tricky() {
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
	b, err := Append(nil, doc, labels.None)
	if err != nil {
		t.Fatal(err)
	}
	subs, err := astisub.ReadFromSRT(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	captest.CompareAstisub(t, doc, subs, func(c caption.Cue, l caption.Line) string {
		if l.Dash {
			return "- " + l.Text
		}
		return l.Text
	})
}

func FuzzReadSRT(f *testing.F) {
	// Cut to 4000 bytes, as every target's seeds: with 20 kB seeds each
	// mutation and each minimisation step cost five times more.
	captest.AddSeeds(f, "captions/*.srt", "malformed/*.srt", "invalid/*.srt")
	f.Add([]byte("1\n00:00:01,000 --> 00:00:02,000\n-A: x\n-B: y\n"))
	f.Add([]byte("1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<i>a <b>b</i> c</b>\n<font color=\"#F00\">d</font> <u>e\n\n" +
		"2\n00:00:03,000 --> 00:00:04,000\n{\\a6}<FONT COLOR=navy>x<font face=y>z</font></FONT> <inaudible> <3 {\\fad(1,2)}{x}\n" +
		"<\u2060i> {\u2060\\an8} </i>\n"))
	// Found by fuzzing: U+0000 in UTF-16 input was read, written, and
	// refused on reading back.
	f.Add([]byte("\xff\xfe0\x00:\x000\x000\x00-\x00-\x00>\x000\x00:\x000\x000\x00\n\x00\x00\x000"))
	f.Fuzz(func(t *testing.T, data []byte) {
		captest.FuzzRoundTrip(t, data, Read, appendNameLabels, Read, time.Millisecond)
	})
}

// appendNameLabels is Append with the default label style.
func appendNameLabels(b []byte, d *caption.Document) ([]byte, error) { return Append(b, d, "") }

var lexFile = captest.Testdata("captions", "lexfridman-333-karpathy.srt")

func BenchmarkReadSRT(b *testing.B) {
	data := captest.MustRead(b, lexFile)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(data, text.Source{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAstisubReadSRT is the baseline for BenchmarkReadSRT.
func BenchmarkAstisubReadSRT(b *testing.B) {
	data := captest.MustRead(b, lexFile)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := astisub.ReadFromSRT(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteSRT(b *testing.B) {
	doc, err := Read(captest.MustRead(b, lexFile), text.Source{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Append(nil, doc, ""); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDecodeTextSharedBySRT checks that SRT accepts the encodings
// transcripts do, through the shared decoder.
func TestDecodeTextSharedBySRT(t *testing.T) {
	var warnings []string
	doc, err := Read([]byte("1\r\n00:00:01,000 --> 00:00:02,000\r\nCaf\xe9 \x93ol\xe9\x94\r\n"), text.Source{File: "s.srt", Warn: func(p caption.Position, m string) {
		warnings = append(warnings, p.String())
	}})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]caption.Line{{Text: "Café “olé”"}}, doc.Cues[0].Lines); d != "" {
		t.Errorf("mismatch (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{"s.srt:3"}, warnings); d != "" {
		t.Errorf("warnings mismatch (-want +got):\n%s", d)
	}
}

func TestSRTTextSafety(t *testing.T) {
	tests := []struct {
		name   string
		lines  []caption.Line
		style  labels.Style
		want   string // the text lines written
		read   []string
		reason string
	}{
		{name: "arrow", lines: say("", "a --> b"), want: "a -> b\n", read: []string{"a -> b"}},
		{name: "longer arrow", lines: say("", "a ----> b --- c -- > d"), want: "a -> b --- c -- > d\n",
			read: []string{"a -> b --- c -- > d"}, reason: "only hyphens right before > are an arrow"},
		{name: "a timing line as text", lines: say("", "00:00:05,000 --> 00:00:06,000"), want: "00:00:05,000 -> 00:00:06,000\n",
			read: []string{"00:00:05,000 -> 00:00:06,000"}, reason: "it would start a new cue"},
		{name: "a dialogue dash before an arrow", style: labels.Dash, lines: cat(say("A", "->x"), say("B", "y")),
			want: "- ->x\n- y\n", read: []string{"- ->x", "- y"}, reason: "the dash and the text would make an arrow together"},
		{name: "arrow in a label", lines: say("a-->b", "x"), want: "a->b: x\n", read: []string{"a->b: x"}},
		{name: "controls", lines: say("", "a\x00b\x01\x1bc\td\x7f"), want: "a\uFFFDb\uFFFD\uFFFDc\td\x7f\n",
			read: []string{"a\uFFFDb\uFFFD\uFFFDc\td\x7f"}, reason: "C0 controls but the tab become U+FFFD"},
		{name: "only controls", lines: say("", strings.Repeat("\x02", 40)), want: strings.Repeat("\uFFFD", 40) + "\n",
			read: []string{strings.Repeat("\uFFFD", 40)}, reason: "written raw, this read as binary data"},
		{name: "not tags", lines: say("", "<inaudible>", "<3", "a < b > c", "<i>kept</i>"),
			want: "<\u2060inaudible>\n<3\na <\u2060 b > c\n<\u2060i>kept<\u2060/i>\n", read: []string{"<inaudible>", "<3", "a < b > c", "<i>kept</i>"},
			reason: "SRT has no escaping: text is written as it is but for a word joiner after a \"<\" that a \">\" follows, which players would hide as a tag"},
		{name: "override blocks in text", lines: say("", `{\an8}up`, `{braces} {\i1}`, "{\u2060x"),
			want: "{\u2060\\an8}up\n{braces} {\u2060\\i1}\n{\u2060\u2060x\n", read: []string{`{\an8}up`, `{braces} {\i1}`, "{\u2060x"},
			reason: "a word joiner after \"{\" keeps a block text; one already there is doubled"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			style := tc.style
			if style == "" {
				style = labels.Name
			}
			doc := &caption.Document{Cues: []caption.Cue{{Start: 0, End: ms(1000), Lines: tc.lines}}}
			b, err := Append(nil, doc, style)
			if err != nil {
				t.Fatal(err)
			}
			const head = "1\n00:00:00,000 --> 00:00:01,000\n"
			if d := cmp.Diff(head+tc.want+"\n", string(b)); d != "" {
				t.Errorf("Append() mismatch (-want +got):\n%s", d)
			}
			got, err := Read(b, text.Source{})
			if err != nil {
				t.Fatalf("Read(Append()) = %v\n%q", err, b)
			}
			if len(got.Cues) != 1 {
				t.Fatalf("Read(Append()) = %d cues, want 1\n%s", len(got.Cues), b)
			}
			var texts []string
			for _, l := range got.Cues[0].Lines {
				texts = append(texts, l.Text)
			}
			if d := cmp.Diff(tc.read, texts); d != "" {
				t.Errorf("Read(Append()) mismatch (-want +got):\n%s", d)
			}
			again, err := Append(nil, got, labels.None)
			if err != nil || (style != labels.Dash && !bytes.Equal(again, b) && tc.lines[0].Speaker == "") {
				t.Errorf("rewriting what was read changed it: %v\n%q\n%q", err, b, again)
			}
		})
	}
}

func TestReadSRTControls(t *testing.T) {
	tests := []struct {
		name, in string
		want     string
		warned   bool
	}{
		{name: "a bell", in: "ding\x07 dong", want: "ding\uFFFD dong", warned: true},
		{name: "form feed and escape", in: "\x0ca\x1b", want: "\uFFFDa\uFFFD", warned: true},
		{name: "a tab is text", in: "a\tb", want: "a\tb"},
		{name: "an arrow in text", in: "Paris --> Rome", want: "Paris -> Rome"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var warns []string
			src := text.Source{File: "c.srt", Warn: func(p caption.Position, m string) { warns = append(warns, p.String()+": "+m) }}
			doc, err := Read([]byte("1\n00:00:01,000 --> 00:00:02,000\n"+tc.in+"\n"), src)
			if err != nil {
				t.Fatal(err)
			}
			if got := doc.Cues[0].Lines[0].Text; got != tc.want {
				t.Errorf("text %q, want %q", got, tc.want)
			}
			if tc.warned != (len(warns) == 1) || (tc.warned && !strings.HasPrefix(warns[0], "c.srt:3: control character")) {
				t.Errorf("warnings %q, want one at c.srt:3: %v", warns, tc.warned)
			}
			b, err := Append(nil, doc, labels.None)
			if err != nil {
				t.Fatal(err)
			}
			back, err := Read(b, text.Source{})
			if err != nil || back.Cues[0].Lines[0].Text != tc.want {
				t.Errorf("Read(Append()) = %v, %v; want %q", back, err, tc.want)
			}
		})
	}
}

// dialogue reports whether lines have more than one speaker.
func dialogue(lines []caption.Line) bool {
	for _, l := range lines {
		if l.Speaker != lines[0].Speaker {
			return true
		}
	}
	return false
}
