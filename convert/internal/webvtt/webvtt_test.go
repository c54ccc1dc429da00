package webvtt

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/asticode/go-astisub"
	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/captest"
	"github.com/capconv/capconv/convert/internal/labels"
	"github.com/capconv/capconv/convert/internal/srt"
	"github.com/capconv/capconv/convert/internal/text"
	"github.com/google/go-cmp/cmp"
)

// Short names for the builders of test documents.
var (
	ms  = captest.Ms
	say = captest.Say
	cat = captest.Cat
)

func TestWriteWebVTT(t *testing.T) {
	tests := []struct {
		name   string
		doc    *caption.Document
		want   string
		reason string
	}{
		{
			name: "title, ids and escaping",
			doc: &caption.Document{Title: "Fish --> chips\nepisode", Cues: []caption.Cue{
				{ID: "intro", Start: ms(1000), End: ms(2500), Lines: []caption.Line{{Text: "Fish & chips <b> --> yes"}}},
				{ID: "a-->b", Start: ms(3600000), End: ms(3600000 + 1), Lines: []caption.Line{{Text: "x"}}},
				{ID: "two\nlines", Start: ms(3600001), End: ms(3600002), Lines: []caption.Line{{Text: "y"}, {Text: ""}, {Text: "z\nz"}}},
			}},
			want: "WEBVTT\n\nNOTE Fish -> chips episode\n\n" +
				"intro\n00:00:01.000 --> 00:00:02.500\nFish &amp; chips &lt;b&gt; --&gt; yes\n\n" +
				"01:00:00.000 --> 01:00:00.001\nx\n\n" +
				"01:00:00.001 --> 01:00:00.002\ny\nz z\n\n",
			reason: "ids holding --> or a line break would break the cue and are dropped; an empty line would end the cue",
		},
		{
			name: "voice spans cover runs of lines",
			doc: &caption.Document{Cues: []caption.Cue{
				{Start: 0, End: ms(1000), Lines: cat(say("Ann", "one", "two"), say("Bob", "three"), say("", "four"), say("Ann", "five"))},
				{Start: ms(1000), End: ms(2000), Lines: say("Ann", "six")},
			}},
			want: "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n<v Ann>one\ntwo</v>\n<v Bob>three</v>\nfour\n<v Ann>five</v>\n\n" +
				"00:00:01.000 --> 00:00:02.000\n<v Ann>six</v>\n\n",
		},
		{
			name: "voice names are escaped and kept on one line",
			doc: &caption.Document{Cues: []caption.Cue{
				{Start: 0, End: ms(1000), Lines: cat(say("Tom & <Jerry>", "hi"), say(" Ann\nLee ", "yo"), say("  ", "z"))},
			}},
			want: "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n<v Tom &amp; &lt;Jerry&gt;>hi</v>\n<v Ann Lee>yo</v>\nz\n\n",
		},
		{
			name: "a speaker's line without text gets its own span",
			doc: &caption.Document{Cues: []caption.Cue{
				{Start: 0, End: ms(1000), Lines: say("Ann", "a", "", "b")},
			}},
			want: "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n<v Ann>a</v>\n<v Ann></v>\n<v Ann>b</v>\n\n",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Append(nil, tc.doc, WriteOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tc.want, string(b)); d != "" {
				t.Errorf("Append() mismatch (-want +got):\n%s", d)
			}
		})
	}
}

func TestReadWebVTT(t *testing.T) {
	texts := func(ss ...string) []caption.Line { return say("", ss...) }
	tests := []struct {
		name   string
		file   string // under testdata, or "" for input
		input  string
		count  int
		want   map[int]caption.Cue
		reason string
	}{
		{
			name: "Netflix", file: "captions/netflix-chicas-del-cable.vtt", count: 865,
			want: map[int]caption.Cue{
				0: {Start: ms(7960), End: ms(9480), Lines: []caption.Line{styled("", plain("[Alba] "), italic("En 1928,"))}},
				1: {ID: "2", Start: ms(9640), End: ms(13080), Lines: []caption.Line{
					styled("", italic("las mujeres éramos")), styled("", italic("algo así como adornos")),
				}},
			},
			reason: "the first cue's id shares a block with a whitespace-only line, so by the W3C rules it has none",
		},
		{
			name: "youtube-dl karaoke", file: "malformed/webvtt-py-youtube-dl.vtt", count: 4,
			want: map[int]caption.Cue{2: {Start: ms(304080), End: ms(305069), Placement: caption.Placement{Horizontal: caption.Left},
				Lines: []caption.Line{styled("", plain("this will"), span(" happen", caption.Style{Class: "colorE5E5E5"}),
					span(" is I'm telling", caption.Style{Class: "colorCCCCCC"}))}}},
			reason: "its ::cue rules are in the header, not a STYLE block, so browsers ignore them and the classes stay classes; align:start is the left",
		},
		{
			name: "two voices on one line", file: "malformed/wpt-two-voices.vtt", count: 1,
			want: map[int]caption.Cue{0: {Start: 0, End: ms(5000), Lines: []caption.Line{
				{Text: "This is a"}, {Speaker: "foo", Text: "test subtitle,"}, {Speaker: "bar", Text: "test subtitle"},
			}}},
		},
		{
			name: "mixed line endings", file: "malformed/wpt-newlines.vtt", count: 4,
			want: map[int]caption.Cue{
				0: {ID: "cr", Start: 0, End: ms(1000), Lines: texts("text0")},
				2: {ID: "crlf", Start: 0, End: ms(1000), Lines: texts("text2")},
				3: {ID: "lfcr", Start: 0, End: ms(1000), Lines: texts("text3")},
			},
		},
		{
			name: "hours omitted", file: "malformed/wpt-timings-omitted-hours.vtt", count: 3,
			want: map[int]caption.Cue{2: {Start: 0, End: ms(1000), Lines: texts("text2")}},
		},
		{
			name: "header, blocks, settings, tags and references",
			input: "\uFEFFWEBVTT - a title\nKind: captions\n\nNOTE a\ncomment\n\nSTYLE\n::cue { color: red }\n\n" +
				"REGION\nid:r\n\nid one\n00:01.000 --> 00:00:02.000 align:start line:0\n" +
				"<c.yellow>Fish</c> &amp; <i>chips</i> &lt;3 &gt; &nbsp;&lrm;&rlm;&#39;&#x27; &unknown; a&b a < b\n" +
				"<00:01.500><b>x</b><u>y</u><ruby>z<rt>w</rt></ruby><lang en>v</lang>\n<i></i>\n\n",
			count: 1,
			want: map[int]caption.Cue{0: {ID: "id one", Start: ms(1000), End: ms(2000), Placement: caption.Placement{Vertical: caption.Top, Horizontal: caption.Left},
				Lines: []caption.Line{
					styled("", span("Fish", caption.Style{Color: "#ffff00"}), plain(" & "), italic("chips"),
						plain(" <3 > \u00A0\u200E\u200F'' &unknown; a&b a < b")),
					styled("", span("x", caption.Style{Bold: true}), span("y", caption.Style{Underline: true}),
						span("z", caption.Style{Ruby: "w"}), plain("v")),
				}}},
			reason: "yellow is a classic colour class; the STYLE rule selects no class; align:start line:0 is the top left",
		},
		{
			name:   "references to control characters",
			input:  "WEBVTT\n\n00:00.000 --> 00:01.000\na&#11;b&#0;c&#9;d&#10;e&#x110000;f\n",
			count:  1,
			want:   map[int]caption.Cue{0: {Start: 0, End: ms(1000), Lines: texts("a\uFFFDb\uFFFDc\td e\uFFFDf")}},
			reason: "a reference reads as its character would: a control character or none as U+FFFD, a line break as a space",
		},
		{
			name: "voices across lines, classes, closing tag omitted",
			input: "WEBVTT\n\n00:00.000 --> 00:01.000\n<v.loud Mark &amp; Co>Hello\nthere</v> ok\nplain\n" +
				"<v Ann>a<v Bob>b\nc\n\n00:01.000 --> 00:02.000\nno voice\n",
			count: 2,
			want: map[int]caption.Cue{
				0: {Start: 0, End: ms(1000), Lines: []caption.Line{
					{Speaker: "Mark & Co", Text: "Hello"}, {Speaker: "Mark & Co", Text: "there ok"}, {Text: "plain"},
					{Speaker: "Ann", Text: "a"}, {Speaker: "Bob", Text: "b"}, {Speaker: "Bob", Text: "c"},
				}},
				1: {Start: ms(1000), End: ms(2000), Lines: texts("no voice")},
			},
			reason: "a voice span runs to </v> or the end of its cue; a new <v> closes the open one; a voice's classes are not kept",
		},
		{
			name:   "a line holding --> starts a new cue",
			input:  "WEBVTT\n\n00:00.000 --> 00:01.000\na\n00:02.000 --> 00:03.000\nb\n",
			count:  2,
			want:   map[int]caption.Cue{1: {Start: ms(2000), End: ms(3000), Lines: texts("b")}},
			reason: "W3C parsing rules",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			captest.CheckReadCues(t, Read, tc.file, tc.input, tc.count, tc.want)
		})
	}
}

// readStrict is Read with ReadOptions.Strict.
func readStrict(data []byte, o text.Source) (*caption.Document, error) {
	return ReadWith(data, o, ReadOptions{Strict: true})
}

func TestReadWebVTTInvalid(t *testing.T) {
	captest.CheckInvalid(t, readStrict, []captest.InvalidCase{
		{Name: "timestamps too short", File: "wpt-timings-too-short.vtt", Line: 6, Col: 1, Err: caption.ErrBadTimestamp},
		{Name: "minutes 60", File: "wpt-timings-60.vtt", Line: 3, Col: 1, Err: caption.ErrBadTimestamp},
		{Name: "arrow as a timing line", File: "wpt-arrows.vtt", Line: 3, Col: 1, Err: caption.ErrBadTimestamp},
		{Name: "U+0000 in a timing line", File: "wpt-nulls.vtt", Line: 27, Col: 13, Err: caption.ErrBadTimestamp},
		{Name: "no signature", File: "webvtt-py-invalid.vtt", Line: 1, Col: 1, Err: caption.ErrSyntax},
		{Name: "lower-case signature", File: "ttconv-bad-signature.vtt", Line: 1, Col: 1, Err: caption.ErrSyntax},
		{Name: "empty file", File: "webvtt-py-empty.vtt", Line: 1, Err: caption.ErrNoContent},
		{Name: "signature glued to text", Input: "WEBVTTX\n\n00:00.000 --> 00:01.000\na\n", Line: 1, Col: 1, Err: caption.ErrSyntax},
		{Name: "two ms digits", Input: "WEBVTT\n\n00:00.000 --> 00:01.00\na\n", Line: 3, Col: 15, Err: caption.ErrBadTimestamp},
		{Name: "comma before ms", Input: "WEBVTT\n\nid\n00:00,000 --> 00:01.000\na\n", Line: 4, Col: 1, Err: caption.ErrBadTimestamp},
		{Name: "four ms digits", Input: "WEBVTT\n\n00:00.000 --> 00:01.0000\na\n", Line: 3, Col: 15, Err: caption.ErrBadTimestamp},
		{Name: "end before start", Input: "WEBVTT\n\n00:02.000 --> 00:01.000\na\n", Line: 3, Col: 15, Err: caption.ErrBadTimestamp},
		{Name: "hours past MaxTime", Input: "WEBVTT\n\n9999999:00:00.000 --> 9999999:00:01.000\na\n", Line: 3, Col: 1, Err: caption.ErrBadTimestamp, Msg: "out of range"},
	})
}

func TestWebVTTRoundTrip(t *testing.T) {
	doc := &caption.Document{Title: "Tricky", Cues: captest.Tricky()}
	doc.Cues[0].ID = "first"
	doc.Cues[2].ID = "٣"
	doc.Cues = append(doc.Cues, caption.Cue{Start: ms(363600000), End: ms(363600001), Lines: cat(
		say("Tom & Jerry <3>", "a", "b"), say("", "c"), say("Ann", "d"), say("Bob", "e", ""))})
	b, err := Append(nil, doc, WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := Read(b, text.Source{})
	if err != nil {
		t.Fatalf("Read(Append()) = %v\n%s", err, b)
	}
	if d := captest.RoundTripDiff(doc.Cues, got.Cues); d != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s\n%s", d, b)
	}

	subs, err := astisub.ReadFromWebVTT(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	// astisub v0.39.0 decodes &lt; but leaves &gt; and numeric
	// references as written: compare the cues without ">" and without a
	// voice's line starting with a dash, which Append writes as "&#45;".
	var want caption.Document
	var items []*astisub.Item
	for i, c := range doc.Cues {
		ok := true
		for _, l := range c.Lines {
			ok = ok && !strings.Contains(l.Text, ">") && !strings.HasPrefix(l.Text, "-")
		}
		if ok {
			want.Cues = append(want.Cues, c)
			items = append(items, subs.Items[i])
		}
	}
	captest.CompareAstisub(t, &want, &astisub.Subtitles{Items: items}, func(_ caption.Cue, l caption.Line) string { return l.Text })
}

func FuzzReadWebVTT(f *testing.F) {
	// Seeds are cut to 4000 bytes: the fuzzer minimizes each new input,
	// and with the 20 kB seeds used before it spent the whole run on one.
	captest.AddSeeds(f, "captions/*.vtt", "malformed/*.vtt", "invalid/*.vtt")
	f.Add([]byte("WEBVTT\n\n00:00.000 --> 00:01.000\nx <v A>a &amp;</v> <v B>&#10;b\n<v>c</v><i></i>"))
	// Styled seeds: every tag, classes, colours, a STYLE block, ruby,
	// settings, labels and dashes inside voices.
	f.Add([]byte("WEBVTT\n\nSTYLE\n::cue(.hot) { color: red }\n::cue(c.em) { font-style: italic; background: x }\n\n" +
		"00:00.000 --> 00:01.000 line:0 align:left\n<v.loud Ann>Ann: <i>a <b.hot>b</b></i>\n- <c.yellow.bg_x>c</c> <ruby>漢<rt>かん</rt>字<rt>じ</ruby>\n\n" +
		"00:01.000 --> 00:02.000 position:10% line:50%,center\n<v Bob>- [Bob] <u><c.em>d\ne</c></u> <lang en>f</lang><00:01.500>g\n<v Cy>&#45; h"))
	f.Add([]byte("WEBVTT\n\n00:00.000 --> 00:01.000 line:-1 align:end\n<i><b>x</i>y</b><c.c_ff0000>z</c>\n<v Ann>ANN: <ruby><i>a</i><rt>b</ruby>\n"))
	for _, s := range []string{
		"WEBVTT\n\n00:00.000 --> 00:01.000\n<v Ann>Ann: <i>a</i>\n<v Bob>b\n- c\n",
		"WEBVTT\n\n00:00.000 --> 00:01.000 line:0\n- <b>x</b>\n<v Ann>- ANN: <ruby>a<rt>b</rt></ruby>\n&#45; y\n",
		"WEBVTT\n\n00:00.000 --> 00:01.000\n<v Ann>[Ann] <c.red.x>a</c>\n\n00:01.000 --> 00:02.000\n<v Ann>Ann: b\n<v Bob>- [Bob] c\n",
	} {
		f.Add([]byte(s))
	}
	// A file that shows labels is read, written and read again before
	// the round trip: with labels shown, labels.Shower puts a dash before
	// each speaker of a dialogue cue, which reads back as Line.Dash, so
	// the first write may differ from the file; what was written once
	// must survive.
	once := func(data []byte, o text.Source) (*caption.Document, error) {
		doc, err := Read(data, o)
		if err != nil || doc.SpeakersShown == "" {
			return doc, err
		}
		b, err := appendDefault(nil, doc)
		if err != nil {
			return nil, err
		}
		return Read(b, text.Source{})
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		captest.FuzzRoundTrip(t, data, once, appendDefault, Read, time.Millisecond)
	})
}

func BenchmarkWriteWebVTT(b *testing.B) {
	doc, err := srt.Read(captest.MustRead(b, captest.Testdata("captions", "lexfridman-333-karpathy.srt")), text.Source{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Append(nil, doc, WriteOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// warning is one warning a reader reported.
type warning struct {
	Pos caption.Position
	Msg string
}

func TestReadWebVTTBadTimingSkipsCue(t *testing.T) {
	tests := []struct {
		name     string
		input    string
		want     []caption.Cue
		warnings []warning // Msg holds a part of the message
	}{
		{
			name:  "two ms digits",
			input: "WEBVTT\n\n00:00.000 --> 00:01.000\na\n\n00:01.000 --> 00:02.00\nb\nb2\n\n00:02.000 --> 00:03.000\nc\n",
			want: []caption.Cue{
				{Start: 0, End: ms(1000), Lines: say("", "a")},
				{Start: ms(2000), End: ms(3000), Lines: say("", "c")},
			},
			warnings: []warning{{caption.Position{File: "t.vtt", Line: 6, Col: 15}, "milliseconds need exactly three digits: expected " + vttTiming + "; cue left out"}},
		},
		{
			name:     "bad line with an identifier, next cue without a blank line",
			input:    "WEBVTT\n\nid1\n00:00,000 --> 00:01.000\nx\n00:01.000 --> 00:02.000\ny\n",
			want:     []caption.Cue{{Start: ms(1000), End: ms(2000), Lines: say("", "y")}},
			warnings: []warning{{caption.Position{File: "t.vtt", Line: 4, Col: 1}, "expected \".\" and three digits of milliseconds"}},
		},
		{
			name:     "end before start",
			input:    "WEBVTT\n\n00:02.000 --> 00:01.000\na\n\n00:03.000 --> 00:04.000\nb\n",
			want:     []caption.Cue{{Start: ms(3000), End: ms(4000), Lines: say("", "b")}},
			warnings: []warning{{caption.Position{File: "t.vtt", Line: 3, Col: 15}, "expected end >= start; cue left out"}},
		},
		{
			name:     "header only",
			input:    "WEBVTT - a title\nKind: captions\n\nNOTE nothing yet\n",
			want:     []caption.Cue{},
			warnings: []warning{{caption.Position{File: "t.vtt", Line: 4}, "no cue found"}},
		},
		{
			name:     "every timing line bad",
			input:    "WEBVTT\n\n1:2 --> 3:4\na\n",
			want:     []caption.Cue{},
			warnings: []warning{{caption.Position{File: "t.vtt", Line: 3, Col: 1}, "cue left out"}, {caption.Position{File: "t.vtt", Line: 4}, "no cue found"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []warning
			src := text.Source{File: "t.vtt", Warn: func(p caption.Position, msg string) { got = append(got, warning{p, msg}) }}
			doc, err := Read([]byte(tc.input), src)
			if err != nil {
				t.Fatalf("Read() = %v", err)
			}
			if d := cmp.Diff(tc.want, doc.Cues); d != "" {
				t.Errorf("Read() mismatch (-want +got):\n%s", d)
			}
			if len(got) != len(tc.warnings) {
				t.Fatalf("warnings %q, want %d", got, len(tc.warnings))
			}
			for i, w := range tc.warnings {
				if got[i].Pos != w.Pos || !strings.Contains(got[i].Msg, w.Msg) {
					t.Errorf("warning %d = %s: %s, want %s: …%s…", i, got[i].Pos, got[i].Msg, w.Pos, w.Msg)
				}
			}
			if _, err := readStrict([]byte(tc.input), src); err == nil && strings.Contains(tc.name, "bad") {
				t.Errorf("strict Read() = nil error")
			}
		})
	}
}

func TestReadWebVTTStrict(t *testing.T) {
	in := []byte("WEBVTT\n\n00:00.000 --> 00:01.000\na\n\n00:01.000 --> 00:02.00\nb\n")
	_, err := ReadWith(in, text.Source{File: "t.vtt"}, ReadOptions{Strict: true})
	var pe *caption.ParseError
	if !errors.As(err, &pe) || !errors.Is(err, caption.ErrBadTimestamp) {
		t.Fatalf("ReadWith(Strict) error = %v, want a *ParseError wrapping ErrBadTimestamp", err)
	}
	if want := (caption.Position{File: "t.vtt", Line: 6, Col: 15}); pe.Pos != want {
		t.Errorf("error at %s, want %s", pe.Pos, want)
	}
	doc, err := ReadWith([]byte("WEBVTT\n"), text.Source{}, ReadOptions{Strict: true})
	if err != nil || len(doc.Cues) != 0 {
		t.Errorf("ReadWith(header only, Strict) = %v, %v; want an empty document", doc, err)
	}
}

// appendDefault is Append showing speakers as d's source did, as
// convert writes WebVTT by default.
func appendDefault(b []byte, d *caption.Document) ([]byte, error) {
	return Append(b, d, WriteOptions{Speakers: labels.Style(d.SpeakersShown)})
}

// TestLabelOfEscapedName checks that the label of a speaker whose name
// starts with "<", which must be written "&lt;", is read back as a label:
// the reader took any character reference for Append's mark of text that
// only looks like a label, and each round trip added a label (found by
// fuzzing). A numeric reference still marks text.
func TestLabelOfEscapedName(t *testing.T) {
	tests := []struct {
		name, in string
		want     caption.Line
	}{
		{name: "&lt; is how < is written", in: "<v &lt;3>&lt;3: hi", want: caption.Line{Speaker: "<3", Text: "hi"}},
		{name: "&amp; is how & is written", in: "<v &amp;co>&amp;co: hi", want: caption.Line{Speaker: "&co", Text: "hi"}},
		{name: "a numeric reference marks text", in: "<v Ann>&#65;nn: hi", want: caption.Line{Speaker: "Ann", Text: "Ann: hi"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Read([]byte("WEBVTT\n\n00:01.000 --> 00:02.000\n"+tc.in+"\n"), text.Source{})
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tc.want, doc.Cues[0].Lines[0]); d != "" {
				t.Fatalf("line (-want +got):\n%s", d)
			}
			b, err := appendDefault(nil, doc)
			if err != nil {
				t.Fatal(err)
			}
			back, err := Read(b, text.Source{})
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(doc.Cues, back.Cues); d != "" {
				t.Errorf("read back (-first +second):\n%s\n%s", d, b)
			}
		})
	}
}
