package srt

import (
	"testing"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/labels"
	"github.com/capconv/capconv/convert/internal/text"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// Styles for the markup tests.
var (
	italic = caption.Style{Italic: true}
	bold   = caption.Style{Bold: true}
	under  = caption.Style{Underline: true}
	red    = caption.Style{Color: "#ff0000"}
)

// styled builds a line of spans; plain spans are given as a style of
// the zero value.
func styled(spans ...caption.Span) caption.Line { return caption.StyledLine("", spans) }

// span is a span of text in style s.
func span(t string, s caption.Style) caption.Span { return caption.Span{Text: t, Style: s} }

func plain(texts ...string) []caption.Line { return say("", texts...) }

func TestReadSRTMarkup(t *testing.T) {
	top := caption.Placement{Vertical: caption.Top}
	tests := []struct {
		name   string
		in     string // the text lines of one cue
		want   []caption.Line
		place  caption.Placement
		reason string
	}{
		{name: "italic", in: "<i>Hello</i> world", want: []caption.Line{styled(span("Hello", italic), span(" world", caption.Style{}))}},
		{name: "any case and a space before >", in: "<I >a</I> <B>b</b> <u>c</U >",
			want: []caption.Line{styled(span("a", italic), span(" ", caption.Style{}), span("b", bold), span(" ", caption.Style{}), span("c", under))}},
		{name: "nested", in: "<b>a <i>b</i></b>", want: []caption.Line{styled(span("a ", bold), span("b", caption.Style{Bold: true, Italic: true}))}},
		{name: "misnested tags end where they close", in: "<i>a<b>b</i>c</b>d",
			want: []caption.Line{styled(span("a", italic), span("b", caption.Style{Bold: true, Italic: true}), span("c", bold), span("d", caption.Style{}))}},
		{name: "a tag spans the lines of its cue", in: "<i>line one\nline two</i> end",
			want: []caption.Line{styled(span("line one", italic)), styled(span("line two", italic), span(" end", caption.Style{}))}},
		{name: "an unclosed tag ends with the cue", in: "<i>half", want: []caption.Line{styled(span("half", italic))}},
		{name: "stray closing tags are dropped", in: "a</i> b</font>", want: plain("a b")},
		{name: "a line of tags only is no line", in: "<i>\nx\n</i>", want: []caption.Line{styled(span("x", italic))}},
		{name: "font colour, quoted hex", in: `<font color="#FF0000">red</font>`, want: []caption.Line{styled(span("red", red))}},
		{name: "font colour, short hex, single quotes", in: `<font color='#f00'>red</font>`, want: []caption.Line{styled(span("red", red))}},
		{name: "font colour, unquoted name, other attributes", in: `<font face="Arial" COLOR=Red size=3>red</font>`,
			want: []caption.Line{styled(span("red", red))}},
		{name: "font colour without a hash", in: `<font color="00ff00">g</font>`, want: []caption.Line{styled(span("g", caption.Style{Color: "#00ff00"}))}},
		{name: "nested fonts", in: `<font color="red">a<font color="navy">b</font>c</font>`,
			want: []caption.Line{styled(span("a", red), span("b", caption.Style{Color: "#000080"}), span("c", red))}},
		{name: "a font without a colour is markup all the same", in: `<font face="Arial">x</font>`, want: plain("x")},
		{name: "an unknown colour", in: `<font color="ultraviolet">x</font>`, want: plain("x")},
		{name: "a sound in angle brackets", in: "<inaudible> yes", want: plain("<inaudible> yes")},
		{name: "a heart", in: "I <3 you", want: plain("I <3 you")},
		{name: "comparisons", in: "a < b > c", want: plain("a < b > c")},
		{name: "not quite tags", in: "< i>x <ix> <i <b/>", want: plain("< i>x <ix> <i <b/>"), reason: "the name must follow \"<\" and end at a space or \">\""},
		{name: "a word joiner after < keeps a tag text", in: "<\u2060i>x", want: plain("<i>x")},
		{name: "placement", in: `{\an8}Up here`, want: plain("Up here"), place: top},
		{name: "placement on a later line", in: "one\ntwo{\\an7}", want: plain("one", "two"), place: caption.Placement{Vertical: caption.Top, Horizontal: caption.Left}},
		{name: "the first placement wins", in: `{\an9}{\an1}x`, want: plain("x"), place: caption.Placement{Vertical: caption.Top, Horizontal: caption.Right}},
		{name: "SSA placement", in: `{\a6}x`, want: plain("x"), place: top},
		{name: "a placement with other tags", in: `{\fad(200,200)\an8\b1}x`, want: plain("x"), place: top,
			reason: "only placement is read from a block; the rest goes"},
		{name: "other override blocks go", in: `{\i1}a{\i0} b`, want: plain("a b")},
		{name: "a block alone on its line is no line", in: "{\\an8}\nx", want: plain("x"), place: top},
		{name: "braces that are no block stay", in: "{braces} and {\\unclosed", want: plain("{braces} and {\\unclosed")},
		{name: "a word joiner after { keeps a block text", in: "{\u2060\\an8}x", want: plain(`{\an8}x`)},
		{name: "a dash before a tag", in: "- <i>Hi</i>", want: []caption.Line{styled(span("- ", caption.Style{}), span("Hi", italic))}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Read([]byte("1\n00:00:01,000 --> 00:00:02,000\n"+tc.in+"\n\n2\n00:00:03,000 --> 00:00:04,000\nnext\n"), text.Source{})
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tc.want, doc.Cues[0].Lines); d != "" {
				t.Errorf("Read() lines mismatch (-want +got):\n%s", d)
			}
			if d := cmp.Diff(tc.place, doc.Cues[0].Placement); d != "" {
				t.Errorf("Read() placement mismatch (-want +got):\n%s", d)
			}
			if d := cmp.Diff(plain("next"), doc.Cues[1].Lines); d != "" {
				t.Errorf("styling went on into the next cue (-want +got):\n%s", d)
			}
		})
	}
}

func TestWriteSRTMarkup(t *testing.T) {
	tests := []struct {
		name   string
		cue    caption.Cue
		style  labels.Style
		want   string // the text lines written
		reason string
	}{
		{name: "italic", cue: caption.Cue{Lines: []caption.Line{styled(span("Hello", italic), span(" world", caption.Style{}))}},
			want: "<i>Hello</i> world\n"},
		{name: "nested, colour outermost", cue: caption.Cue{Lines: []caption.Line{styled(
			span("a", caption.Style{Color: "#00ff00"}), span("b", caption.Style{Color: "#00ff00", Bold: true, Italic: true}), span("c", caption.Style{Italic: true}))}},
			want: `<font color="#00ff00">a<b><i>b</i></b></font><i>c</i>` + "\n"},
		{name: "tags close at the end of a line and reopen", cue: caption.Cue{Lines: []caption.Line{styled(span("one", italic)), styled(span("two", italic))}},
			want: "<i>one</i>\n<i>two</i>\n"},
		{name: "what SRT cannot carry is not written", cue: caption.Cue{Lines: []caption.Line{styled(
			span("漢", caption.Style{Ruby: "かん"}), span("字", caption.Style{Class: "loud"}), span("!", caption.Style{Color: "#ff000080"}))}},
			want: `漢字<font color="#ff0000">!</font>` + "\n", reason: "ruby as its base text, no classes, no alpha"},
		{name: "placement before the first line", cue: caption.Cue{Placement: caption.Placement{Vertical: caption.Top}, Lines: plain("a", "b")},
			want: "{\\an8}a\nb\n"},
		{name: "placement of a cue without text", cue: caption.Cue{Placement: caption.Placement{Horizontal: caption.Left}},
			want: "{\\an1}\n"},
		{name: "a label before styled text", style: labels.Name, cue: caption.Cue{Lines: []caption.Line{
			{Speaker: "Ann", Text: "Hi", Spans: []caption.Span{span("Hi", italic)}}}},
			want: "Ann: <i>Hi</i>\n"},
		{name: "text that reads as a tag inside a styled span", cue: caption.Cue{Lines: []caption.Line{styled(span("<b>x", italic))}},
			want: "<i><\u2060b>x</i>\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			style := tc.style
			if style == "" {
				style = labels.None
			}
			tc.cue.End = ms(1000)
			b, err := Append(nil, &caption.Document{Cues: []caption.Cue{tc.cue}}, style)
			if err != nil {
				t.Fatal(err)
			}
			const head = "1\n00:00:00,000 --> 00:00:01,000\n"
			if d := cmp.Diff(head+tc.want+"\n", string(b)); d != "" {
				t.Errorf("Append() mismatch (-want +got):\n%s", d)
			}
		})
	}
}

// TestSRTMarkupRoundTrip writes styled and placed cues and reads them
// back: what SRT carries comes back as it was.
func TestSRTMarkupRoundTrip(t *testing.T) {
	cues := []caption.Cue{
		{Start: 0, End: ms(1000), Lines: []caption.Line{
			styled(span("Hello ", italic), span("bold", caption.Style{Italic: true, Bold: true}), span(" world", caption.Style{})),
			styled(span("<i> is text", caption.Style{Underline: true, Color: "#123abc"}), span(" {\\an8} too", caption.Style{})),
		}},
		{Start: ms(1000), End: ms(2000), Placement: caption.Placement{Vertical: caption.Middle, Horizontal: caption.Right}, Lines: plain("placed", "<3 a < b")},
		{Start: ms(2000), End: ms(3000), Placement: caption.Placement{Vertical: caption.Top}},
		{Start: ms(3000), End: ms(4000), Lines: []caption.Line{styled(span("a", red), span("b", caption.Style{Color: "#0000ff"}), span("c", red))}},
	}
	b, err := Append(nil, &caption.Document{Cues: cues}, labels.None)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Read(b, text.Source{})
	if err != nil {
		t.Fatalf("Read(Append()) = %v\n%s", err, b)
	}
	// A cue without text reads back with no lines, nil or not.
	if d := cmp.Diff(cues, got.Cues, cmpopts.EquateEmpty()); d != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s\n%s", d, b)
	}
}

// TestSRTStyledLabels checks that speaker labels are read out of styled
// lines with their styles kept, and a dialogue dash before a tag.
func TestSRTStyledLabels(t *testing.T) {
	in := "1\n00:00:01,000 --> 00:00:02,000\n- ANN: <i>Hi</i>\n- BOB: <b>Yo</b> there\n\n" +
		"2\n00:00:03,000 --> 00:00:04,000\nANN: again\n"
	doc, err := Read([]byte(in), text.Source{})
	if err != nil {
		t.Fatal(err)
	}
	labels.Apply(doc, labels.Upper)
	want := []caption.Line{
		{Speaker: "ANN", Text: "Hi", Spans: []caption.Span{span("Hi", italic)}, Dash: true},
		{Speaker: "BOB", Text: "Yo there", Spans: []caption.Span{span("Yo", bold), span(" there", caption.Style{})}, Dash: true},
	}
	if d := cmp.Diff(want, doc.Cues[0].Lines); d != "" {
		t.Errorf("lines mismatch (-want +got):\n%s", d)
	}
}
