package ttml

import (
	"strings"
	"testing"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/labels"
	"github.com/capconv/capconv/convert/internal/text"
	"github.com/google/go-cmp/cmp"
)

// styledDoc is a TTML document declaring the styling namespace, with
// head and the content of one div.
func styledDoc(ttAttrs, head, div string) string {
	return ttmlDoc(` xmlns:tts="http://www.w3.org/ns/ttml#styling"`+ttAttrs, head, "<body><div>"+div+"</div></body>")
}

// readOne reads a document of one cue and returns that cue and the
// number of warnings.
func readOne(t *testing.T, doc string) (caption.Cue, int) {
	t.Helper()
	warns := 0
	d, err := Read([]byte(doc), text.Source{Warn: func(caption.Position, string) { warns++ }})
	if err != nil {
		t.Fatalf("Read() error: %v\n%s", err, doc)
	}
	if len(d.Cues) != 1 {
		t.Fatalf("Read() = %d cues, want 1", len(d.Cues))
	}
	return d.Cues[0], warns
}

func TestReadTTMLStyle(t *testing.T) {
	type st = caption.Style
	sp := func(text string, s st) caption.Span { return caption.Span{Text: text, Style: s} }
	styled := func(spans ...caption.Span) []caption.Line { return []caption.Line{caption.StyledLine("", spans)} }
	const p = `<p begin="0s" end="1s"`
	tests := []struct {
		name   string
		reason string
		head   string
		div    string
		want   []caption.Line
		warns  int
	}{
		{
			name: "inline attributes on span",
			div: p + `>a <span tts:fontStyle="italic">b</span> <span tts:fontWeight="bold">c</span> ` +
				`<span tts:textDecoration="underline">d</span> <span tts:color="yellow">e</span></p>`,
			want: styled(sp("a ", st{}), sp("b", st{Italic: true}), sp(" ", st{}), sp("c", st{Bold: true}), sp(" ", st{}),
				sp("d", st{Underline: true}), sp(" ", st{}), sp("e", st{Color: "#ffff00"})),
		},
		{
			name:   "colour forms",
			reason: "#rgb widens, upper case lowers, an opaque alpha goes, rgb() and rgba() count 0-255",
			div: p + `><span tts:color="#F00">a</span><span tts:color="#00FF0080">b</span><span tts:color="#0000FFFF">c</span>` +
				`<span tts:color="rgb(1, 2, 3)">d</span><span tts:color="rgba(255,0,0,128)">e</span><span tts:color=" Cyan ">f</span></p>`,
			want: styled(sp("a", st{Color: "#ff0000"}), sp("b", st{Color: "#00ff0080"}), sp("c", st{Color: "#0000ff"}),
				sp("d", st{Color: "#010203"}), sp("e", st{Color: "#ff000080"}), sp("f", st{Color: "#00ffff"})),
		},
		{
			name:   "white is the default colour; a bad colour is warned about and ignored",
			div:    p + ` tts:color="red"><span tts:color="white">a</span><span tts:color="#fffffF">b</span><span tts:color="rgb(300,0,0)">c</span></p>`,
			want:   styled(sp("ab", st{}), sp("c", st{Color: "#ff0000"})),
			warns:  1,
			reason: "c keeps the p's red",
		},
		{
			name:   "inheritance from body, div and p",
			reason: "a span's fontStyle normal and noUnderline undo what it inherits",
			div: `<div tts:fontWeight="bold"><p begin="0s" end="1s" tts:fontStyle="italic" tts:textDecoration="underline">a ` +
				`<span tts:fontStyle="normal">b</span> <span tts:textDecoration="noUnderline">c</span></p></div>`,
			want: styled(sp("a ", st{Italic: true, Bold: true, Underline: true}), sp("b", st{Bold: true, Underline: true}),
				sp(" ", st{Italic: true, Bold: true, Underline: true}), sp("c", st{Italic: true, Bold: true})),
		},
		{
			name:   "referenced styles, later ones and inline attributes winning",
			head:   `<styling><style xml:id="i" tts:fontStyle="italic" tts:color="red"/><style xml:id="g" tts:color="lime"/></styling>`,
			div:    p + `><span style="i g">a</span><span style="g i">b</span><span style="i" tts:color="blue">c</span></p>`,
			want:   styled(sp("a", st{Italic: true, Color: "#00ff00"}), sp("b", st{Italic: true, Color: "#ff0000"}), sp("c", st{Italic: true, Color: "#0000ff"})),
			reason: "style=\"i g\": g's colour wins; inline wins over both",
		},
		{
			name: "chained references",
			head: `<styling><style xml:id="base" tts:fontWeight="bold" tts:color="red"/><style xml:id="em" style="base" tts:color="yellow"/></styling>`,
			div:  p + `><span style="em">a</span></p>`,
			want: styled(sp("a", st{Bold: true, Color: "#ffff00"})),
		},
		{
			name:   "unknown and looping references are warned about",
			head:   `<styling><style xml:id="a" style="b" tts:fontStyle="italic"/><style xml:id="b" style="a"/></styling>`,
			div:    p + `><span style="a">x</span><span style="nope">y</span></p>`,
			want:   styled(sp("x", st{Italic: true}), sp("y", st{})),
			warns:  2,
			reason: "a → b → a is a loop; nope is not declared",
		},
		{
			name: "region styles are inherited by content flowed into the region",
			head: `<styling><style xml:id="s" tts:color="yellow"/></styling><layout><region xml:id="r1" style="s" tts:fontStyle="italic"/>` +
				`<region xml:id="r2"><style tts:fontWeight="bold"/></region></layout>`,
			div:  `<p begin="0s" end="1s" region="r1">a <span tts:fontStyle="normal">b</span></p>`,
			want: styled(sp("a ", st{Italic: true, Color: "#ffff00"}), sp("b", st{Color: "#ffff00"})),
		},
		{
			name:   "a region's nested style, below the body's own",
			reason: "TTML1 regions may hold style elements; body inherits from the region and overrides it",
			head:   `<layout><region xml:id="r"><style tts:fontWeight="bold" tts:color="red"/></region></layout>`,
			div:    `<div tts:color="lime"><p begin="0s" end="1s" region="r">c</p></div>`,
			want:   styled(sp("c", st{Bold: true, Color: "#00ff00"})),
		},
		{
			name:   "TTML2 initial values, below regions and content",
			head:   `<styling><initial tts:color="yellow" tts:fontStyle="italic"/></styling><layout><region xml:id="r" tts:fontStyle="normal"/></layout>`,
			div:    `<p begin="0s" end="1s" region="r">a <span tts:color="red">b</span></p>`,
			want:   styled(sp("a ", st{Color: "#ffff00"}), sp("b", st{Color: "#ff0000"})),
			reason: "the region's fontStyle normal wins over the initial italic",
		},
		{
			name: "ruby container with base and text",
			div:  p + `><span tts:ruby="container" tts:fontWeight="bold"><span tts:ruby="base">漢</span><span tts:ruby="text">かん</span></span>字</p>`,
			want: styled(sp("漢", st{Bold: true, Ruby: "かん"}), sp("字", st{})),
		},
		{
			name:   "ruby delimiters and white space",
			reason: "delimiters are for players without ruby; space between the container's spans is markup",
			div: p + `>東京 <span tts:ruby="container">
  <span tts:ruby="base"> 駅 </span><span tts:ruby="delimiter">(</span><span tts:ruby="text">えき</span><span tts:ruby="delimiter">)</span>
</span> です</p>`,
			want: styled(sp("東京 ", st{}), sp("駅", st{Ruby: "えき"}), sp(" です", st{})),
		},
		{
			name: "ruby base and text containers pair their bases and texts",
			div: p + `><span tts:ruby="container"><span tts:ruby="baseContainer"><span tts:ruby="base">東</span><span tts:ruby="base">京</span></span>` +
				`<span tts:ruby="textContainer"><span tts:ruby="text">とう</span><span tts:ruby="text">きょう</span></span></span></p>`,
			want: styled(sp("東", st{Ruby: "とう"}), sp("京", st{Ruby: "きょう"})),
		},
		{
			name:   "unpaired ruby joins its bases under one annotation",
			div:    p + `><span tts:ruby="container"><span tts:ruby="baseContainer"><span tts:ruby="base">東</span><span tts:ruby="base">京</span></span><span tts:ruby="text">とうきょう</span></span></p>`,
			want:   styled(sp("東京", st{Ruby: "とうきょう"})),
			reason: "two bases, one text",
		},
		{
			name: "a ruby text outside a container is no text of the line",
			div:  p + `>a<span tts:ruby="text">b</span></p>`,
			want: []caption.Line{{Text: "a"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			warns := 0
			d, err := Read([]byte(styledDoc("", tc.head, tc.div)), text.Source{Warn: func(caption.Position, string) { warns++ }})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, d.Cues[0].Lines); diff != "" {
				t.Errorf("Read() lines mismatch (-want +got):\n%s", diff)
			}
			if warns != tc.warns {
				t.Errorf("Read() warned %d times, want %d", warns, tc.warns)
			}
		})
	}
}

func TestReadTTMLPlacement(t *testing.T) {
	type pl = caption.Placement
	region := func(id, attrs string) string { return `<region xml:id="` + id + `" ` + attrs + `/>` }
	const inset = `tts:origin="10% 10%" tts:extent="80% 80%" `
	tests := []struct {
		name    string
		reason  string
		ttAttrs string
		regions string
		div     string
		want    pl
		warns   int
	}{
		{name: "no region: bottom centre", div: `<p begin="0s" end="1s">a</p>`},
		{name: "displayAlign after", regions: region("r", inset+`tts:displayAlign="after"`), div: `<p region="r" begin="0s" end="1s">a</p>`},
		{name: "displayAlign center", regions: region("r", inset+`tts:displayAlign="center"`), div: `<p region="r" begin="0s" end="1s">a</p>`, want: pl{Vertical: caption.Middle}},
		{name: "displayAlign before", regions: region("r", inset+`tts:displayAlign="before"`), div: `<p region="r" begin="0s" end="1s">a</p>`, want: pl{Vertical: caption.Top}},
		{
			name:    "a band at the bottom, no displayAlign",
			reason:  "TTML's initial displayAlign is before: the text's top is at 80%",
			regions: region("r", `tts:origin="10% 80%" tts:extent="80% 15%"`), div: `<p region="r" begin="0s" end="1s">a</p>`,
		},
		{
			name:    "a band just below the middle third, text at its top",
			reason:  "the text's middle, at 65% + 7.5%, is in the lower third",
			regions: region("r", `tts:origin="10% 65%" tts:extent="80% 25%" tts:displayAlign="before"`), div: `<p region="r" begin="0s" end="1s">a</p>`,
		},
		{
			name:    "a band at the top in pixels of the root's extent",
			ttAttrs: ` tts:extent="1920px 1080px"`,
			regions: region("r", `tts:origin="192px 54px" tts:extent="1536px 162px" tts:displayAlign="after"`), div: `<p region="r" begin="0s" end="1s">a</p>`,
			want: pl{Vertical: caption.Top},
		},
		{
			name:    "a band at the top in cells of the default 32 by 15",
			regions: region("r", `tts:origin="3c 1c" tts:extent="26c 3c" tts:displayAlign="after"`), div: `<p region="r" begin="0s" end="1s">a</p>`,
			want:   pl{Vertical: caption.Top},
			reason: "the text's bottom is at row 4 of 15",
		},
		{
			name:    "cells of a stated resolution",
			ttAttrs: ` ttp:cellResolution="40 24"`,
			regions: region("r", `tts:origin="4c 10c" tts:extent="32c 4c" tts:displayAlign="center"`), div: `<p region="r" begin="0s" end="1s">a</p>`,
			want:   pl{Vertical: caption.Middle},
			reason: "the middle of rows 10 to 14 of 24",
		},
		{
			name:    "region referenced from a style and inherited from div",
			regions: `<region xml:id="r" style="top"/>`, div: `<div region="r"><p begin="0s" end="1s">a</p></div>`,
			want:   pl{Vertical: caption.Top},
			reason: "the style named top sets displayAlign before",
		},
		{name: "textAlign left on p", div: `<p begin="0s" end="1s" tts:textAlign="left">a</p>`, want: pl{Horizontal: caption.Left}},
		{name: "textAlign end from a style", div: `<p begin="0s" end="1s" style="end">a</p>`, want: pl{Horizontal: caption.Right}},
		{name: "textAlign start right to left", div: `<p begin="0s" end="1s" tts:textAlign="start" tts:direction="rtl">a</p>`, want: pl{Horizontal: caption.Right}},
		{
			name: "textAlign on a region", regions: region("r", inset+`tts:displayAlign="before" tts:textAlign="right"`),
			div: `<p region="r" begin="0s" end="1s">a</p>`, want: pl{Vertical: caption.Top, Horizontal: caption.Right},
		},
		{
			name: "centred in a region on the left", regions: region("r", `tts:origin="0% 80%" tts:extent="30% 20%" tts:displayAlign="after"`),
			div: `<p region="r" begin="0s" end="1s" tts:textAlign="center">a</p>`, want: pl{Horizontal: caption.Left},
		},
		{name: "unknown region", div: `<p region="nope" begin="0s" end="1s">a</p>`, warns: 1},
	}
	head := func(regions string) string {
		return `<styling><style xml:id="top" tts:displayAlign="before"/><style xml:id="end" tts:textAlign="end"/></styling><layout>` + regions + `</layout>`
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, warns := readOne(t, styledDoc(tc.ttAttrs, head(tc.regions), tc.div))
			if diff := cmp.Diff(tc.want, c.Placement); diff != "" {
				t.Errorf("Read() placement mismatch (-want +got):\n%s", diff)
			}
			if warns != tc.warns {
				t.Errorf("Read() warned %d times, want %d", warns, tc.warns)
			}
		})
	}
}

func TestWriteTTMLStyle(t *testing.T) {
	cue := func(p caption.Placement, lines ...caption.Line) caption.Cue {
		return caption.Cue{Start: ttmlMS(1000), End: ttmlMS(2000), Placement: p, Lines: lines}
	}
	styled := func(speaker string, spans ...caption.Span) caption.Line { return caption.StyledLine(speaker, spans) }
	const times = `begin="00:00:01.000" end="00:00:02.000"`
	tests := []struct {
		name   string
		reason string
		doc    caption.Document
		dfxp   bool
		o      WriteOptions
		prefix string
		want   []string
	}{
		{
			name: "styled spans inside the line's span",
			doc: caption.Document{Cues: []caption.Cue{cue(caption.Placement{}, styled("",
				caption.Span{Text: "a "}, caption.Span{Text: "b", Style: caption.Style{Italic: true, Bold: true}},
				caption.Span{Text: " c", Style: caption.Style{Underline: true, Color: "#ff000080"}}))}},
			prefix: "<p ",
			want:   []string{`<p xml:id="c1" ` + times + `><span style="line">a <span tts:fontStyle="italic" tts:fontWeight="bold">b</span><span tts:textDecoration="underline" tts:color="#ff000080"> c</span></span></p>`},
		},
		{
			name:   "classes and colours TTML cannot read are not written",
			doc:    caption.Document{Cues: []caption.Cue{cue(caption.Placement{}, styled("", caption.Span{Text: "a", Style: caption.Style{Class: "loud"}}, caption.Span{Text: "b", Style: caption.Style{Color: "red\""}}))}},
			prefix: "<p ",
			want:   []string{`<p xml:id="c1" ` + times + `><span style="line">ab</span></p>`},
		},
		{
			name:   "ruby stands under the p",
			doc:    caption.Document{Cues: []caption.Cue{cue(caption.Placement{}, styled("", caption.Span{Text: "漢", Style: caption.Style{Ruby: "かん", Italic: true}}, caption.Span{Text: "字"}))}},
			prefix: "<p ",
			want:   []string{`<p xml:id="c1" ` + times + `><span tts:ruby="container" style="line" tts:fontStyle="italic"><span tts:ruby="base">漢</span><span tts:ruby="text">かん</span></span><span style="line">字</span></p>`},
		},
		{
			name:   "DFXP has no ruby: the base text alone",
			doc:    caption.Document{Cues: []caption.Cue{cue(caption.Placement{}, styled("", caption.Span{Text: "漢", Style: caption.Style{Ruby: "かん", Italic: true}}, caption.Span{Text: "字"}))}},
			dfxp:   true,
			prefix: "<p ",
			want:   []string{`<p xml:id="c1" ` + times + `><span style="line"><span tts:fontStyle="italic">漢</span>字</span></p>`},
		},
		{
			name:   "placement: a region per vertical placement used, named on every p",
			reason: "regions of bands that do not overlap, as IMSC asks of regions shown at once",
			doc: caption.Document{Cues: []caption.Cue{
				cue(caption.Placement{Vertical: caption.Top, Horizontal: caption.Left}, caption.Line{Text: "a"}),
				cue(caption.Placement{Horizontal: caption.Right}, caption.Line{Text: "b"}),
			}},
			prefix: "<",
			want: []string{
				`<region xml:id="top" tts:origin="10% 10%" tts:extent="80% 25%" tts:displayAlign="before"/>`,
				`<region xml:id="bottom" tts:origin="10% 65%" tts:extent="80% 25%" tts:displayAlign="after"/>`,
				`<body style="default">`,
				`<p xml:id="c1" ` + times + ` region="top" tts:textAlign="left"><span style="line">a</span></p>`,
				`<p xml:id="c2" ` + times + ` region="bottom" tts:textAlign="right"><span style="line">b</span></p>`,
			},
		},
		{
			name:   "speakers shown as labels, with ttm:agent kept",
			reason: "a label at each change of speaker, dashes in a dialogue cue",
			doc: caption.Document{Cues: []caption.Cue{
				cue(caption.Placement{}, caption.Line{Speaker: "Ann", Text: "Hi"}),
				cue(caption.Placement{}, caption.Line{Speaker: "Ann", Text: "again"}),
				cue(caption.Placement{}, caption.Line{Speaker: "Ann", Text: "Yes?"}, styled("Bo", caption.Span{Text: "No", Style: caption.Style{Italic: true}})),
			}},
			o:      WriteOptions{Speakers: labels.Name},
			prefix: "<p ",
			want: []string{
				`<p xml:id="c1" ` + times + ` ttm:agent="speaker1"><span style="line">Ann: Hi</span></p>`,
				`<p xml:id="c2" ` + times + ` ttm:agent="speaker1"><span style="line">again</span></p>`,
				`<p xml:id="c3" ` + times + `><span style="line" ttm:agent="speaker1">- Ann: Yes?</span><br/><span style="line" ttm:agent="speaker2">- Bo: <span tts:fontStyle="italic">No</span></span></p>`,
			},
		},
		{
			name:   "dialogue dashes without labels",
			doc:    caption.Document{Cues: []caption.Cue{cue(caption.Placement{}, caption.Line{Text: "Hi", Dash: true}, caption.Line{Text: " two", Dash: true})}},
			prefix: "<p ",
			want:   []string{`<p xml:id="c1" ` + times + ` xml:space="preserve"><span style="line">- Hi</span><br/><span style="line">-  two</span></p>`},
			reason: "the dash and a leading space make two spaces, which need preserve",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			write := Append
			if tc.dfxp {
				write = AppendDFXP
			}
			b, err := write(nil, &tc.doc, tc.o)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, l := range ttmlLines(string(b), tc.prefix) {
				if strings.HasPrefix(l, "<region") || strings.HasPrefix(l, "<body") || strings.HasPrefix(l, "<p ") {
					got = append(got, l)
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Append() mismatch (-want +got):\n%s\n%s", diff, b)
			}
		})
	}
}

// styledCues are cues with every styling and placement the model has.
func styledCues() []caption.Cue {
	ruby := caption.Span{Text: "漢", Style: caption.Style{Ruby: "かん", Bold: true}}
	return []caption.Cue{
		{ID: "s1", Start: 0, End: ttmlMS(1000), Placement: caption.Placement{Vertical: caption.Top, Horizontal: caption.Left}, Lines: []caption.Line{
			caption.StyledLine("Ann", []caption.Span{{Text: "Hello "}, {Text: "there", Style: caption.Style{Italic: true, Color: "#ffff00"}}}),
			caption.StyledLine("Bo", []caption.Span{{Text: "under", Style: caption.Style{Underline: true, Color: "#00ff0080"}}, {Text: " & bold", Style: caption.Style{Bold: true}}}),
		}},
		{ID: "s2", Start: ttmlMS(1000), End: ttmlMS(2000), Placement: caption.Placement{Vertical: caption.Middle, Horizontal: caption.Right}, Lines: []caption.Line{
			caption.StyledLine("", []caption.Span{ruby, {Text: "字 "}, {Text: "東", Style: caption.Style{Ruby: "とう"}}}),
		}},
		{ID: "s3", Start: ttmlMS(2000), End: ttmlMS(3000), Lines: []caption.Line{{Text: "plain"}}},
	}
}

func TestTTMLStyledRoundTrip(t *testing.T) {
	dfxp := styledCues()
	// DFXP has no ruby: the bases stay, in their styles.
	dfxp[1].Lines = []caption.Line{caption.StyledLine("", []caption.Span{{Text: "漢", Style: caption.Style{Bold: true}}, {Text: "字 東"}})}
	losses := []caption.Cue{{ID: "l1", Start: 0, End: ttmlMS(1000), Lines: []caption.Line{
		caption.StyledLine("", []caption.Span{{Text: "white", Style: caption.Style{Color: "#ffffff"}}, {Text: " class", Style: caption.Style{Class: "x"}}}),
		{Text: "dashed", Dash: true},
	}}}
	tests := []struct {
		name   string
		reason string
		write  func([]byte, *caption.Document, WriteOptions) ([]byte, error)
		cues   []caption.Cue
		want   []caption.Cue
	}{
		{name: "TTML keeps it all", write: Append, cues: styledCues()},
		{name: "DFXP loses ruby", write: AppendDFXP, cues: styledCues(), want: dfxp},
		{
			name:   "documented losses",
			reason: "white is the default colour, TTML has no classes, and a dash is text (convert reads it back into Dash)",
			write:  Append, cues: losses,
			want: []caption.Cue{{ID: "l1", Start: 0, End: ttmlMS(1000), Lines: []caption.Line{{Text: "white class"}, {Text: "- dashed"}}}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want := tc.want
			if want == nil {
				want = tc.cues
			}
			b, err := tc.write(nil, &caption.Document{Language: "ja", Cues: tc.cues}, WriteOptions{})
			if err != nil {
				t.Fatal(err)
			}
			got, err := Read(b, text.Source{})
			if err != nil {
				t.Fatalf("Read() error: %v\n%s", err, b)
			}
			if diff := cmp.Diff(want, got.Cues); diff != "" {
				t.Errorf("Read(Append()) mismatch (-want +got):\n%s\n%s", diff, b)
			}
		})
	}
}

func TestReadTTMLStyleNamespaces(t *testing.T) {
	doc := func(ns, styling string) string {
		return `<tt xmlns="` + ns + `" xmlns:tts="` + ns + styling + `" xml:lang="en"><head><styling><style xml:id="b" tts:fontWeight="bold"/></styling></head>` +
			`<body tts:fontStyle="italic"><div><p begin="0s" end="1s"><span style="b">a</span> b</p></div></body></tt>`
	}
	want := []caption.Line{caption.StyledLine("", []caption.Span{{Text: "a", Style: caption.Style{Italic: true, Bold: true}}, {Text: " b", Style: caption.Style{Italic: true}}})}
	tests := []struct{ name, ns, styling string }{
		{"TTML", "http://www.w3.org/ns/ttml", "#styling"},
		{"DFXP 2006/10", "http://www.w3.org/2006/10/ttaf1", "#styling"},
		{"DFXP 2006/04", "http://www.w3.org/2006/04/ttaf1", "#style"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, warns := readOne(t, doc(tc.ns, tc.styling))
			if diff := cmp.Diff(want, c.Lines); diff != "" {
				t.Errorf("Read() lines mismatch (-want +got):\n%s", diff)
			}
			if warns != 0 {
				t.Errorf("Read() warned %d times", warns)
			}
		})
	}
}
