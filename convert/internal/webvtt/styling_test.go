package webvtt

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/captest"
	"github.com/capconv/capconv/convert/internal/labels"
	"github.com/capconv/capconv/convert/internal/text"
	"github.com/google/go-cmp/cmp"
)

// Builders of styled lines.
func span(t string, s caption.Style) caption.Span { return caption.Span{Text: t, Style: s} }
func plain(t string) caption.Span                 { return caption.Span{Text: t} }
func italic(t string) caption.Span                { return span(t, caption.Style{Italic: true}) }
func styled(speaker string, spans ...caption.Span) caption.Line {
	return caption.StyledLine(speaker, spans)
}

// cueOf returns the last cue of a file of header (STYLE blocks, cues)
// and a cue of text body.
func cueOf(t *testing.T, header, body string) caption.Cue {
	t.Helper()
	doc, err := Read([]byte("WEBVTT\n\n"+header+"00:00.000 --> 00:01.000\n"+body+"\n"), text.Source{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Cues) == 0 {
		t.Fatal("read no cue")
	}
	return doc.Cues[len(doc.Cues)-1]
}

func TestReadWebVTTTags(t *testing.T) {
	it, bold, under := caption.Style{Italic: true}, caption.Style{Bold: true}, caption.Style{Underline: true}
	tests := []struct {
		name   string
		header string
		body   string
		want   []caption.Line
		reason string
	}{
		{name: "italic", body: "a <i>b</i> c", want: []caption.Line{styled("", plain("a "), span("b", it), plain(" c"))}},
		{name: "bold", body: "<b>b</b>", want: []caption.Line{styled("", span("b", bold))}},
		{name: "underline", body: "<u>u</u>x", want: []caption.Line{styled("", span("u", under), plain("x"))}},
		{
			name: "nested", body: "<i>a<b>b<u>c</u></b></i>",
			want: []caption.Line{styled("", span("a", it), span("b", caption.Style{Italic: true, Bold: true}),
				span("c", caption.Style{Italic: true, Bold: true, Underline: true}))},
		},
		{
			name: "classes", body: "<c.foo.bar>a</c><c>b</c><i.x>c</i>",
			want: []caption.Line{styled("", span("a", caption.Style{Class: "foo bar"}), plain("b"), span("c", caption.Style{Italic: true, Class: "x"}))},
		},
		{
			name: "classes add up inside out, once each", body: "<c.a><c.b.a>x</c></c>",
			want: []caption.Line{styled("", span("x", caption.Style{Class: "a b"}))},
		},
		{
			name: "classic colour classes", body: "<c.white>w</c><c.lime>l</c><c.cyan>c</c><c.red>r</c><c.yellow>y</c><c.magenta>m</c><c.blue>b</c><c.black>k</c>",
			want: []caption.Line{styled("", span("w", caption.Style{Color: "#ffffff"}), span("l", caption.Style{Color: "#00ff00"}),
				span("c", caption.Style{Color: "#00ffff"}), span("r", caption.Style{Color: "#ff0000"}), span("y", caption.Style{Color: "#ffff00"}),
				span("m", caption.Style{Color: "#ff00ff"}), span("b", caption.Style{Color: "#0000ff"}), span("k", caption.Style{Color: "#000000"}))},
		},
		{
			name: "background classes stay classes", body: "<c.yellow.bg_blue>x</c>",
			want: []caption.Line{styled("", span("x", caption.Style{Color: "#ffff00", Class: "bg_blue"}))},
		},
		{
			name: "inner colour wins", body: "<c.red>a<c.blue>b</c></c>",
			want: []caption.Line{styled("", span("a", caption.Style{Color: "#ff0000"}), span("b", caption.Style{Color: "#0000ff"}))},
		},
		{
			name: "colour classes Append writes", body: "<c.c_12ab34>a</c><c.c_12AB34cc>b</c>",
			want:   []caption.Line{styled("", span("a", caption.Style{Color: "#12ab34"}), span("b", caption.Style{Color: "#12ab34cc"}))},
			reason: "read as colours even without the STYLE block that defines them",
		},
		{name: "lang dropped", body: "<lang en>hi</lang> <lang.x fr>oui</lang>", want: []caption.Line{styled("", plain("hi "), span("oui", caption.Style{Class: "x"}))}},
		{name: "timestamps dropped", body: "a<00:00.500> b<00:00:00.700>c", want: []caption.Line{{Text: "a bc"}}},
		{
			name: "ruby", body: "<ruby>漢<rt>かん</rt></ruby>字",
			want: []caption.Line{styled("", span("漢", caption.Style{Ruby: "かん"}), plain("字"))},
		},
		{
			name: "ruby with several pairs", body: "<ruby>漢<rt>かん</rt>字<rt>じ</rt></ruby>",
			want: []caption.Line{styled("", span("漢", caption.Style{Ruby: "かん"}), span("字", caption.Style{Ruby: "じ"}))},
		},
		{
			name: "ruby closed without </rt>, styled", body: "<i><ruby>a<rt>x</ruby></i> b",
			want: []caption.Line{styled("", span("a", caption.Style{Italic: true, Ruby: "x"}), plain(" b"))},
		},
		{
			name: "ruby without annotation, annotation without base", body: "<ruby>a</ruby><ruby><rt>x</rt></ruby>b",
			want:   []caption.Line{{Text: "ab"}},
			reason: "a base without <rt> is text; an annotation over nothing has nowhere to stand",
		},
		{name: "rt outside ruby ignored", body: "a<rt>b</rt>", want: []caption.Line{{Text: "ab"}}},
		{
			name: "unknown tags and mismatched end tags ignored", body: "<i>a<font color=red>b</font></b>c</i>d",
			want:   []caption.Line{styled("", span("abc", it), plain("d"))},
			reason: "an end tag closes only the current element (the specification's tree building)",
		},
		{
			name: "styles carry across lines", body: "<i>a\nb</i> c\n<b>d",
			want: []caption.Line{styled("", span("a", it)), styled("", span("b", it), plain(" c")), styled("", span("d", bold))},
		},
		{
			name: "references inside styled text", body: "<i>&lt;a&gt; &amp;</i>",
			want: []caption.Line{styled("", span("<a> &", it))},
		},
		{
			name: "STYLE rules map classes", header: "STYLE\n::cue(.hot) { color: #F00 }\n::cue(.em) { font-style: italic; font-weight: bold; text-decoration: underline }\n" +
				"::cue(c.rgb), ::cue(.rgba) { color: rgb(1, 2, 255) !important; }\n/* a comment */ ::cue(.named){color:orange}\n\n",
			body: "<c.hot>a</c><c.em>b</c><c.rgb>c</c><c.rgba>d</c><c.named>e</c>",
			want: []caption.Line{styled("", span("a", caption.Style{Color: "#ff0000"}),
				span("b", caption.Style{Italic: true, Bold: true, Underline: true}), span("c", caption.Style{Color: "#0102ff"}),
				span("d", caption.Style{Color: "#0102ff"}), span("e", caption.Style{Color: "#ffa500"}))},
		},
		{
			name:   "unknown CSS keeps the class",
			header: "STYLE\n::cue(.bg) { background-color: red }\n::cue(.mixed) { color: red; font-family: serif }\n::cue(.odd) { color: nonsense }\n::cue(v[voice=a]) { color: red }\n\n",
			body:   "<c.bg>a</c><c.mixed>b</c><c.odd>c</c>",
			want: []caption.Line{styled("", span("a", caption.Style{Class: "bg"}), span("b", caption.Style{Class: "mixed"}),
				span("c", caption.Style{Class: "odd"}))},
		},
		{
			name: "a STYLE rule wins over the colour a class names", header: "STYLE\n::cue(.red) { font-style: italic }\n\n",
			body: "<c.red>a</c>", want: []caption.Line{styled("", span("a", it))},
		},
		{
			name: "STYLE after the first cue is ignored", header: "00:00.000 --> 00:00.500\nfirst\n\nSTYLE\n::cue(.hot) { color: red }\n\n",
			body: "<c.hot>a</c>", want: []caption.Line{styled("", span("a", caption.Style{Class: "hot"}))},
			reason: "browsers apply only style sheets before the first cue",
		},
		{
			name: "voice with classes and styles", body: "<v.loud Ann><i.x>hi</i> you</v>",
			want:   []caption.Line{styled("Ann", span("hi", caption.Style{Italic: true, Class: "x"}), plain(" you"))},
			reason: "a voice's classes style its speaker, which the model keeps as the Line's speaker",
		},
		{
			name: "styles survive a voice starting a new line", body: "<i>a <v Bob>b</v></i>",
			want: []caption.Line{styled("", span("a", it)), styled("Bob", span("b", it))},
		},
		{
			name: "labels and dashes of a voice are taken out", body: "<v Ann>Ann: <i>hi</i>\n- there</v>\n<v Bob>- [Bob] yo\n<v Cy>- x",
			want: []caption.Line{styled("Ann", span("hi", it)), {Speaker: "Ann", Text: "there", Dash: true},
				{Speaker: "Bob", Text: "yo", Dash: true}, {Speaker: "Cy", Text: "x", Dash: true}},
			reason: "a label repeats the voice, a dash says another speaker starts",
		},
		{
			name: "text that only looks like a label or a dash", body: "<v Ann>&#65;nn: hi\n&#45; x\n-5 degrees\n<v Bob>Ann: no</v>\nx\n- y",
			want: []caption.Line{{Speaker: "Ann", Text: "Ann: hi"}, {Speaker: "Ann", Text: "- x"}, {Speaker: "Ann", Text: "-5 degrees"},
				{Speaker: "Bob", Text: "Ann: no"}, {Text: "x"}, {Text: "y", Dash: true}},
			reason: "a reference is text; only the voice's own name is a label; in a cue with voices a dash is a dash",
		},
		{
			name: "dashes in a cue without voices stay text", body: "- a\n-b\n",
			want:   []caption.Line{{Text: "- a"}, {Text: "-b"}},
			reason: "package labels reads them, with the labels of files that have no voices",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := cueOf(t, tc.header, tc.body)
			if d := cmp.Diff(tc.want, c.Lines); d != "" {
				t.Errorf("Read() mismatch (-want +got):\n%s", d)
			}
		})
	}
}

func TestReadWebVTTSpeakersShown(t *testing.T) {
	tests := []struct {
		name, body string
		want       string
	}{
		{name: "none", body: "<v Ann>hi", want: ""},
		{name: "name", body: "<v Ann>Ann: hi\n<v Bob>[Bob] yo", want: "name"},
		{name: "upper", body: "<v Ann>- ANN: hi", want: "upper"},
		{name: "bracket", body: "<v Ann>[Ann] hi", want: "bracket"},
		{name: "a dash alone shows no label", body: "<v Ann>- hi", want: ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Read([]byte("WEBVTT\n\n00:00.000 --> 00:01.000\n"+tc.body+"\n"), text.Source{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.SpeakersShown != tc.want {
				t.Errorf("SpeakersShown = %q, want %q", doc.SpeakersShown, tc.want)
			}
		})
	}
}

func TestReadWebVTTPlacement(t *testing.T) {
	bottom := caption.Placement{}
	tests := []struct {
		settings string
		want     caption.Placement
	}{
		{"", bottom},
		{"line:0%", caption.Placement{Vertical: caption.Top}},
		{"line:33%", caption.Placement{Vertical: caption.Top}},
		{"line:33.5%", caption.Placement{Vertical: caption.Middle}},
		{"line:50%,center", caption.Placement{Vertical: caption.Middle}},
		{"line:66%,end", caption.Placement{Vertical: caption.Middle}},
		{"line:90%,start", bottom},
		{"line:100%", bottom},
		{"line:0", caption.Placement{Vertical: caption.Top}},
		{"line:5", caption.Placement{Vertical: caption.Top}},
		{"line:6", caption.Placement{Vertical: caption.Middle}},
		{"line:12,end", bottom},
		{"line:-1", bottom},
		{"line:-6", bottom},
		{"line:-7", caption.Placement{Vertical: caption.Middle}},
		{"line:-13", caption.Placement{Vertical: caption.Top}},
		{"align:start", caption.Placement{Horizontal: caption.Left}},
		{"align:left", caption.Placement{Horizontal: caption.Left}},
		{"align:end", caption.Placement{Horizontal: caption.Right}},
		{"align:right", caption.Placement{Horizontal: caption.Right}},
		{"align:center", bottom},
		{"align:middle", bottom},
		{"position:10%", caption.Placement{Horizontal: caption.Left}},
		{"position:90%,line-right", caption.Placement{Horizontal: caption.Right}},
		{"position:50%", bottom},
		{"position:90% align:start", caption.Placement{Horizontal: caption.Left}},
		{"align:center position:10%", caption.Placement{Horizontal: caption.Left}},
		{"line:0 align:right size:50%", caption.Placement{Vertical: caption.Top, Horizontal: caption.Right}},
		{"position:50.00%,middle  align:middle size:80.00%  line:84.67% ", bottom},
		{"line:10%x align:diagonal position:-5% line:+3 line:1e1% line:% position:", bottom},
		{"line:abc line:0%", caption.Placement{Vertical: caption.Top}},
	}
	for _, tc := range tests {
		t.Run(tc.settings, func(t *testing.T) {
			doc, err := Read([]byte("WEBVTT\n\n00:00.000 --> 00:01.000 "+tc.settings+"\nx\n"), text.Source{})
			if err != nil {
				t.Fatal(err)
			}
			if got := doc.Cues[0].Placement; got != tc.want {
				t.Errorf("Placement = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestReadWebVTTNetflixStyling reads the Netflix file, whose cues all
// say "position:50.00%,middle align:middle size:80.00% line:N%": N is
// 84.67% or 79.33% (one line or two at the bottom) but for 12 cues moved
// to the top, at 10.00%, off burnt-in text.
func TestReadWebVTTNetflixStyling(t *testing.T) {
	data := captest.MustRead(t, captest.Testdata("captions", "netflix-chicas-del-cable.vtt"))
	doc, err := Read(data, text.Source{})
	if err != nil {
		t.Fatal(err)
	}
	var tops []time.Duration
	for _, line := range strings.Split(string(data), "\n") {
		if strings.Contains(line, "-->") && strings.Contains(line, "line:10.00%") {
			start, err := text.ParseClock(strings.Fields(line)[0])
			if err != nil {
				t.Fatal(err)
			}
			tops = append(tops, start)
		}
	}
	if len(tops) != 12 {
		t.Fatalf("%d cues at line:10.00%%, want 12", len(tops))
	}
	italics := 0
	for i, c := range doc.Cues {
		want := caption.Placement{}
		if slices.Contains(tops, c.Start) {
			want.Vertical = caption.Top
		}
		if c.Placement != want {
			t.Errorf("cue %d (%s) placed %v, want %v", i, text.FormatClock(c.Start), c.Placement, want)
		}
		for _, l := range c.Lines {
			for _, s := range l.Spans {
				if s.Style.Italic {
					italics++
					break
				}
			}
		}
	}
	if italics != 150 {
		t.Errorf("%d lines with italics, want 150", italics)
	}
}

func TestWriteWebVTTStyled(t *testing.T) {
	red, blue := caption.Style{Color: "#ff0000"}, caption.Style{Color: "#0000ff80"}
	tests := []struct {
		name   string
		cues   []caption.Cue
		want   string
		reason string
	}{
		{
			name: "nesting shares open elements",
			cues: []caption.Cue{{End: ms(1000), Lines: []caption.Line{styled("",
				plain("a "), italic("b"), span("c", caption.Style{Italic: true, Bold: true}), span("d", caption.Style{Bold: true}), plain(" e"))}}},
			want: "00:00:00.000 --> 00:00:01.000\na <i>b<b>c</b></i><b>d</b> e\n\n",
		},
		{
			name: "elements close at each line end",
			cues: []caption.Cue{{End: ms(1000), Lines: []caption.Line{styled("Ann", italic("one")), styled("Ann", italic("two"))}}},
			want: "00:00:00.000 --> 00:00:01.000\n<v Ann><i>one</i>\n<i>two</i></v>\n\n",
		},
		{
			name: "classes, colours and a STYLE block",
			cues: []caption.Cue{
				{End: ms(1000), Lines: []caption.Line{styled("", span("a", red), span("b", caption.Style{Class: "x bad.name y", Color: "#0000FF80", Underline: true}))}},
				{Start: ms(1000), End: ms(2000), Lines: []caption.Line{styled("", span("c", blue), span("d", caption.Style{Color: "red"}))}},
			},
			want: "STYLE\n::cue(.c_0000ff80) { color: #0000ff80 }\n::cue(.red) { color: #ff0000 }\n\n" +
				"00:00:00.000 --> 00:00:01.000\n<c.red>a</c><c.x.y.c_0000ff80><u>b</u></c>\n\n" +
				"00:00:01.000 --> 00:00:02.000\n<c.c_0000ff80>c</c>d\n\n",
			reason: "a class with a dot cannot be written, nor a colour that is not #rrggbb[aa]",
		},
		{
			name: "ruby",
			cues: []caption.Cue{{End: ms(1000), Lines: []caption.Line{styled("",
				span("漢", caption.Style{Ruby: "かん"}), span("字", caption.Style{Ruby: "じ", Bold: true}), plain("<"), span("", caption.Style{Ruby: "lost"}))}}},
			want:   "00:00:00.000 --> 00:00:01.000\n<ruby>漢<rt>かん</rt></ruby><b><ruby>字<rt>じ</rt></ruby></b>&lt;\n\n",
			reason: "an annotation without a base has nothing to stand over",
		},
		{
			name: "placement",
			cues: []caption.Cue{
				{End: ms(1000), Placement: caption.Placement{Vertical: caption.Top}, Lines: say("", "t")},
				{End: ms(1000), Placement: caption.Placement{Vertical: caption.Middle, Horizontal: caption.Left}, Lines: say("", "m")},
				{End: ms(1000), Placement: caption.Placement{Horizontal: caption.Right}, Lines: say("", "r")},
				{End: ms(1000), Lines: say("", "b")},
			},
			want: "00:00:00.000 --> 00:00:01.000 line:0\nt\n\n00:00:00.000 --> 00:00:01.000 line:50% align:left\nm\n\n" +
				"00:00:00.000 --> 00:00:01.000 align:right\nr\n\n00:00:00.000 --> 00:00:01.000\nb\n\n",
		},
		{
			name: "text that would read as a dash or a label is escaped",
			cues: []caption.Cue{
				{End: ms(1000), Lines: cat(say("Ann", "- not a dash", "Ann: not a label"), say("Bob", "Bob: no label"))},
				{End: ms(1000), Lines: []caption.Line{{Speaker: "Bob", Text: "[Bob] x", Dash: true}, {Text: "- plain"}}},
				{End: ms(1000), Lines: say("", "- no voice")},
			},
			want: "00:00:00.000 --> 00:00:01.000\n<v Ann>&#45; not a dash\nAnn: not a label</v>\n<v Bob>&#66;ob: no label</v>\n\n" +
				"00:00:00.000 --> 00:00:01.000\n<v Bob>- &#91;Bob] x</v>\n&#45; plain\n\n00:00:00.000 --> 00:00:01.000\n- no voice\n\n",
			reason: "a label is read where a voice span opens or after a dash; in a cue without voices a dash is text for labels.Apply",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Append(nil, &caption.Document{Cues: tc.cues}, WriteOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff("WEBVTT\n\n"+tc.want, string(b)); d != "" {
				t.Errorf("Append() mismatch (-want +got):\n%s", d)
			}
		})
	}
}

// styledDoc returns a document using every style and placement WebVTT
// carries, with voices, dialogue dashes, a line without a speaker and
// text that looks like a label or a dash.
func styledDoc() *caption.Document {
	red := caption.Style{Color: "#ff0000", Bold: true}
	return &caption.Document{Cues: []caption.Cue{
		{ID: "1", Start: 0, End: ms(1000), Lines: []caption.Line{
			styled("Ann", plain("Hello "), italic("there"), plain(",")),
			styled("Ann", span("my ", red), span("friend", caption.Style{Color: "#ff0000", Bold: true, Underline: true})),
		}},
		{Start: ms(1000), End: ms(2000), Placement: caption.Placement{Vertical: caption.Top, Horizontal: caption.Left}, Lines: []caption.Line{
			captest.Dashed(cat([]caption.Line{styled("Ann", span("Who", caption.Style{Class: "loud bg_black"}), plain("?"))}))[0],
			captest.Dashed([]caption.Line{styled("Bob", span("Me", caption.Style{Color: "#00ff0080", Italic: true}), plain("."))})[0],
		}},
		{Start: ms(2000), End: ms(3000), Placement: caption.Placement{Vertical: caption.Middle, Horizontal: caption.Right}, Lines: []caption.Line{
			styled("Bob", span("漢", caption.Style{Ruby: "かん"}), span("字", caption.Style{Ruby: "じ", Italic: true}), plain(" & <kanji>")),
		}},
		{Start: ms(2500), End: ms(3000), Lines: []caption.Line{{Text: "- plain, no voice"}}},
		{Start: ms(3000), End: ms(4000), Placement: caption.Placement{Horizontal: caption.Left}, Lines: []caption.Line{
			{Speaker: "Bob", Text: "Bob: looks like a label"},
			{Speaker: "Bob", Text: "- looks like a dash"},
		}},
	}}
}

func TestWebVTTStyledRoundTrip(t *testing.T) {
	tests := []struct {
		name  string
		style labels.Style
		want  func(d *caption.Document)
	}{
		{name: "voices only", style: ""},
		{name: "name labels", style: labels.Name, want: func(d *caption.Document) { d.SpeakersShown = "name" }},
		{name: "upper labels", style: labels.Upper, want: func(d *caption.Document) { d.SpeakersShown = "upper" }},
		{name: "bracket labels", style: labels.Bracket, want: func(d *caption.Document) { d.SpeakersShown = "bracket" }},
		{name: "dash labels", style: labels.Dash, want: func(d *caption.Document) {
			// A dash at each change of speaker reads back as a dash.
			d.Cues[0].Lines[0].Dash = true
			d.Cues[4].Lines[0].Dash = true
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := styledDoc()
			b, err := Append(nil, doc, WriteOptions{Speakers: tc.style})
			if err != nil {
				t.Fatal(err)
			}
			got, err := Read(b, text.Source{})
			if err != nil {
				t.Fatalf("Read(Append()) = %v\n%s", err, b)
			}
			want := styledDoc()
			if tc.want != nil {
				tc.want(want)
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("round trip mismatch (-want +got):\n%s\n%s", d, b)
			}
		})
	}
}

func TestReadWebVTTUTF16(t *testing.T) {
	in := "WEBVTT\n\n00:00.000 --> 00:01.000 line:0\n<v Ann><i>héllo</i> 漢</v>\n"
	want := []caption.Cue{{End: ms(1000), Placement: caption.Placement{Vertical: caption.Top},
		Lines: []caption.Line{styled("Ann", italic("héllo"), plain(" 漢"))}}}
	for _, tc := range []struct {
		name string
		bom  []byte
		big  bool
	}{{"UTF-16LE", []byte{0xFF, 0xFE}, false}, {"UTF-16BE", []byte{0xFE, 0xFF}, true}} {
		t.Run(tc.name, func(t *testing.T) {
			data := append([]byte(nil), tc.bom...)
			for _, r := range in {
				u := uint16(r) // every rune of in is in the BMP
				if tc.big {
					data = append(data, byte(u>>8), byte(u))
				} else {
					data = append(data, byte(u), byte(u>>8))
				}
			}
			doc, err := Read(data, text.Source{})
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(want, doc.Cues); d != "" {
				t.Errorf("Read() mismatch (-want +got):\n%s", d)
			}
		})
	}
}

// TestClassWithNoBreakSpace checks that a class holding U+00A0 (a
// Windows-1252 0xA0 in a tag) is written as one class and reads back so:
// the writer split classes with strings.Fields, which splits at U+00A0
// (found by fuzzing).
func TestClassWithNoBreakSpace(t *testing.T) {
	doc, err := Read([]byte("WEBVTT\n\n00:01.000 --> 00:02.000\n<c.a\u00a0b.c>x</c>\n"), text.Source{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := doc.Cues[0].Lines[0].Spans[0].Style.Class, "a\u00a0b c"; got != want {
		t.Fatalf("class %q, want %q", got, want)
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
}
