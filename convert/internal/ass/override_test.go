package ass

import (
	"strings"
	"testing"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/labels"
	"github.com/capconv/capconv/convert/internal/text"
	"github.com/google/go-cmp/cmp"
)

// Styles for the override tests.
var (
	italic = caption.Style{Italic: true}
	bold   = caption.Style{Bold: true}
	under  = caption.Style{Underline: true}
	red    = caption.Style{Color: "#ff0000"}
)

func span(t string, s caption.Style) caption.Span { return caption.Span{Text: t, Style: s} }

// styled builds a line of spans for speaker.
func styled(speaker string, spans ...caption.Span) caption.Line {
	return caption.StyledLine(speaker, spans)
}

// styleScript is a script with styles of every kind the reader takes
// defaults from, and a PlayRes of 1920x1080.
const styleScript = "[Script Info]\nPlayResX: 1920\nPlayResY: 1080\n\n[V4+ Styles]\n" +
	"Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\n" +
	"Style: Default,Arial,54,&H00FFFFFF,&H000000FF,&H00000000,&H80000000,0,0,0,0,100,100,0,0,1,2,1,2,10,10,10,1\n" +
	"Style: Thought,Arial,54,&H0000FFFF,&H000000FF,&H00000000,&H80000000,-1,-1,0,0,100,100,0,0,1,2,1,8,10,10,10,1\n" +
	"Style: Sign,Arial,54,&H00FFFFFF,&H000000FF,&H00000000,&H80000000,700,0,1,0,100,100,0,0,1,2,1,7,10,10,10,1\n\n" +
	assEvents

func TestReadASSOverrides(t *testing.T) {
	top := caption.Placement{Vertical: caption.Top}
	yellow := caption.Style{Color: "#ffff00"}
	tests := []struct {
		name   string
		style  string // the event's Style field; "" is Default
		in     string // the event's Text
		want   []caption.Line
		place  caption.Placement
		reason string
	}{
		{name: "italic", in: `{\i1}a{\i0} b`, want: []caption.Line{styled("", span("a", italic), span(" b", caption.Style{}))}},
		{name: "bold, by weight too", in: `{\b1}a{\b0}b{\b700}c{\b400}d`,
			want: []caption.Line{styled("", span("a", bold), span("b", caption.Style{}), span("c", bold), span("d", caption.Style{}))}},
		{name: "underline", in: `{\u1}a{\u0}b`, want: []caption.Line{styled("", span("a", under), span("b", caption.Style{}))}},
		{name: "several tags in a block", in: `{\i1\b1}a{\i0}b`, want: []caption.Line{styled("", span("a", caption.Style{Italic: true, Bold: true}), span("b", bold))}},
		{name: "colour", in: `{\c&H0000FF&}red{\1c&HFF0000&}blue`, want: []caption.Line{styled("", span("red", red), span("blue", caption.Style{Color: "#0000ff"}))}},
		{name: "white in a white style is the default", in: `{\c&H0000FF&}a{\c&HFFFFFF&}b`, want: []caption.Line{styled("", span("a", red), span("b", caption.Style{}))}},
		{name: "a colour without an argument is the style's", in: `{\c&H0000FF&}a{\c}b`, want: []caption.Line{styled("", span("a", red), span("b", caption.Style{}))}},
		{name: "styling carries over a line break", in: `{\i1}one\Ntwo`, want: []caption.Line{styled("", span("one", italic)), styled("", span("two", italic))}},
		{name: "reset", in: `{\i1\b1}a{\r}b`, want: []caption.Line{styled("", span("a", caption.Style{Italic: true, Bold: true}), span("b", caption.Style{}))}},
		{name: "reset to a named style", in: `a{\rThought}b`, want: []caption.Line{styled("", span("a", caption.Style{}), span("b", caption.Style{Italic: true, Bold: true, Color: "#ffff00"}))},
			reason: "a style's Bold and Italic are -1 for true"},
		{name: "style defaults", style: "Thought", in: `a{\i0}b`,
			want:  []caption.Line{styled("", span("a", caption.Style{Italic: true, Bold: true, Color: "#ffff00"}), span("b", caption.Style{Bold: true, Color: "#ffff00"}))},
			place: top},
		{name: "a style's weight and underline, and a reset back to it", style: "*Sign", in: `{\b0\u0}a{\r}b`,
			want:  []caption.Line{styled("", span("a", caption.Style{}), span("b", caption.Style{Bold: true, Underline: true}))},
			place: caption.Placement{Vertical: caption.Top, Horizontal: caption.Left}, reason: "SSA marks a style name with a leading *"},
		{name: "an unknown style is Default", style: "Nope", in: "x", want: say("", "x")},
		{name: "an", in: `{\an8}x`, want: say("", "x"), place: top},
		{name: "SSA a", in: `{\a10}x`, want: say("", "x"), place: caption.Placement{Vertical: caption.Middle}},
		{name: "the first alignment wins", in: `{\an9}x{\an1}`, want: say("", "x"), place: caption.Placement{Vertical: caption.Top, Horizontal: caption.Right}},
		{name: "an overrides the style's", style: "Thought", in: `{\an3}x`, want: []caption.Line{styled("", span("x", caption.Style{Italic: true, Bold: true, Color: "#ffff00"}))},
			place: caption.Placement{Horizontal: caption.Right}},
		{name: "pos by thirds", in: `{\pos(1800,100)}x`, want: say("", "x"), place: caption.Placement{Vertical: caption.Top, Horizontal: caption.Right}},
		{name: "pos in the middle", in: `{\an2\pos(960,540)}x`, want: say("", "x"), place: caption.Placement{Vertical: caption.Middle},
			reason: "where \\pos puts the text says more than the alignment of its anchor"},
		{name: "a drawing is no text", in: `{\p1}m 0 0 l 100 0 100 100{\p0}after`, want: say("", "after")},
		{name: "other tags go", in: `{\fad(200,200)\blur2\k50\fnArial\t(\i1)\iclip(1,2,3,4)\bord3}x{\alpha&H80&\be1}y`, want: say("", "xy"),
			reason: "\\t's tags are animation, not style"},
		{name: "breaks and escapes still work", in: `{\i1}a\nb\hc\{d\}`, want: []caption.Line{styled("", span("a", italic)), styled("", span("b\u00A0c{d}", italic))}},
		{name: "an unclosed brace is text", in: `a {b`, want: say("", "a {b")},
		{name: "yellow", in: `{\c&H00FFFF&}y`, want: []caption.Line{styled("", span("y", yellow))}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			style := tc.style
			if style == "" {
				style = "Default"
			}
			in := styleScript + "Dialogue: 0,0:00:01.00,0:00:02.00," + style + ",,0,0,0,," + tc.in + "\n" +
				"Dialogue: 0,0:00:03.00,0:00:04.00,Default,,0,0,0,,next\n"
			doc, err := Read([]byte(in), text.Source{})
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tc.want, doc.Cues[0].Lines); d != "" {
				t.Errorf("Read() lines mismatch (-want +got):\n%s", d)
			}
			if d := cmp.Diff(tc.place, doc.Cues[0].Placement); d != "" {
				t.Errorf("Read() placement mismatch (-want +got):\n%s", d)
			}
			if d := cmp.Diff(say("", "next"), doc.Cues[1].Lines); d != "" {
				t.Errorf("styling went on into the next event (-want +got):\n%s", d)
			}
		})
	}
}

func TestReadASSPlayRes(t *testing.T) {
	tests := []struct {
		name, info string
		want       caption.Placement
	}{
		{name: "default 384x288", info: "", want: caption.Placement{Vertical: caption.Middle, Horizontal: caption.Right}},
		{name: "given", info: "PlayResX: 1920\nPlayResY: 1080\n", want: caption.Placement{Vertical: caption.Top, Horizontal: caption.Left}},
		{name: "only the width, 4:3", info: "PlayResX: 1920\n", want: caption.Placement{Vertical: caption.Top, Horizontal: caption.Left}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := "[Script Info]\n" + tc.info + "\n" + assEvents + `Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,{\pos(300,150)}x` + "\n"
			doc, err := Read([]byte(in), text.Source{})
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tc.want, doc.Cues[0].Placement); d != "" {
				t.Errorf("placement mismatch (-want +got):\n%s", d)
			}
		})
	}
}

// TestReadSSAStyles checks the styles of an SSA v4 script, whose
// Alignment values are SSA's own and colours decimal.
func TestReadSSAStyles(t *testing.T) {
	in := "[Script Info]\nScriptType: v4.00\n\n[V4 Styles]\n" +
		"Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, TertiaryColour, BackColour, Bold, Italic, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, AlphaLevel, Encoding\n" +
		"Style: Default,Arial,20,255,65535,65535,-2147483640,0,-1,1,1,0,6,30,30,10,0,0\n\n" +
		"[Events]\nFormat: Marked, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n" +
		"Dialogue: Marked=0,0:00:01.00,0:00:02.00,*Default,,0000,0000,0000,,Hi\n"
	doc, err := Read([]byte(in), text.Source{})
	if err != nil {
		t.Fatal(err)
	}
	want := caption.Cue{Start: ms(1000), End: ms(2000), Placement: caption.Placement{Vertical: caption.Top},
		Lines: []caption.Line{styled("", span("Hi", caption.Style{Italic: true, Color: "#ff0000"}))}}
	if d := cmp.Diff(want, doc.Cues[0]); d != "" {
		t.Errorf("mismatch (-want +got):\n%s", d)
	}
}

func TestWriteASSOverrides(t *testing.T) {
	tests := []struct {
		name     string
		cue      caption.Cue
		speakers labels.Style
		want     []string // the Name and Text of each event
		reason   string
	}{
		{name: "italic", cue: caption.Cue{Lines: []caption.Line{styled("", span("a", italic), span(" b", caption.Style{}))}},
			want: []string{`,{\i1}a{\i0} b`}},
		{name: "bold, underline and colour at once, reset back", cue: caption.Cue{Lines: []caption.Line{
			styled("", span("a", caption.Style{Bold: true, Underline: true, Color: "#ff8000"}), span("b", caption.Style{}))}},
			want: []string{`,{\b1\u1\c&H0080FF&}a{\b0\u0\c&HFFFFFF&}b`}},
		{name: "styling carries over \\N", cue: caption.Cue{Lines: []caption.Line{styled("", span("one", italic)), styled("", span("two", italic))}},
			want: []string{`,{\i1}one\Ntwo`}},
		{name: "placement at the start of each event", cue: caption.Cue{Placement: caption.Placement{Vertical: caption.Top, Horizontal: caption.Left},
			Lines: cat(say("Ann", "a"), say("Bob", "b"))},
			want: []string{`Ann,{\an7}a`, `Bob,{\an7}b`}},
		{name: "what ASS does not carry is not written", cue: caption.Cue{Lines: []caption.Line{styled("",
			span("漢", caption.Style{Ruby: "かん"}), span("字", caption.Style{Class: "loud"}), span("!", caption.Style{Color: "#ff000080"}))}},
			want: []string{`,漢字{\c&H0000FF&}!`}, reason: "ruby as its base text, no classes, no alpha"},
		{name: "braces and backslashes in styled text", cue: caption.Cue{Lines: []caption.Line{styled("", span(`a\`, caption.Style{}), span("{b}", italic))}},
			want: []string{"," + `a\` + "\u2060" + `{\i1}\{b\}`}, reason: "a backslash before a block would escape its brace"},
		{name: "labels on the right lines of a dialogue", speakers: labels.Name, cue: caption.Cue{Lines: cat(say("Ann", "Hi", "there"), say("Bob", "Yo"))},
			want: []string{`Ann,- Ann: Hi\Nthere`, `Bob,- Bob: Yo`}},
		{name: "a label before styled text", speakers: labels.Upper, cue: caption.Cue{Lines: []caption.Line{styled("Ann", span("Hi", italic))}},
			want: []string{`Ann,ANN: {\i1}Hi`}},
		{name: "no speakers shown by default", cue: caption.Cue{Lines: cat(say("Ann", "Hi"), say("Bob", "Yo"))},
			want: []string{`Ann,Hi`, `Bob,Yo`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.cue.End = ms(1000)
			b, err := Append(nil, &caption.Document{Cues: []caption.Cue{tc.cue}}, WriteOptions{Speakers: tc.speakers})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, l := range strings.Split(string(b), "\n") {
				if rest, ok := strings.CutPrefix(l, "Dialogue: 0,0:00:00.00,0:00:01.00,Default,"); ok {
					name, rest, _ := strings.Cut(rest, ",0,0,0,,")
					got = append(got, name+","+rest)
				}
			}
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("Append() events mismatch (-want +got):\n%s", d)
			}
		})
	}
}

// TestASSStyledRoundTrip writes styled and placed cues and reads them
// back: what ASS carries comes back as it was.
func TestASSStyledRoundTrip(t *testing.T) {
	cues := []caption.Cue{
		{Start: 0, End: ms(1000), Lines: []caption.Line{
			styled("Ann", span("Hello ", italic), span("bold", caption.Style{Italic: true, Bold: true}), span(" world", caption.Style{})),
			styled("Ann", span("{\\i1} is text", caption.Style{Underline: true, Color: "#123abc"}), span(` \N too\`, caption.Style{})),
		}},
		{Start: ms(1000), End: ms(2000), Placement: caption.Placement{Vertical: caption.Middle, Horizontal: caption.Right},
			Lines: cat(say("Ann", "placed"), []caption.Line{styled("Bob", span("a", red), span("b", caption.Style{Color: "#0000ff"}), span("c", red))})},
		{Start: ms(2000), End: ms(3000), Placement: caption.Placement{Vertical: caption.Top}, Lines: say("", "top")},
	}
	b, err := Append(nil, &caption.Document{Cues: cues}, WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := Read(b, text.Source{})
	if err != nil {
		t.Fatalf("Read(Append()) = %v\n%s", err, b)
	}
	if d := cmp.Diff(cues, got.Cues); d != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s\n%s", d, b)
	}
}

// TestASSShownSpeakers checks that the dashes and labels Append shows
// beside the Name field read back as they were, and that text that only
// starts like them stays text.
func TestASSShownSpeakers(t *testing.T) {
	dialogue := cat(say("Ann", "Hi", "there"), say("Bob", "Yo"))
	dashed := []caption.Line{{Speaker: "Ann", Text: "Hi", Dash: true}, {Speaker: "Ann", Text: "there"}, {Speaker: "Bob", Text: "Yo", Dash: true}}
	tests := []struct {
		name     string
		cues     []caption.Cue
		speakers labels.Style
		want     []caption.Line // the lines read back, all cues'
		events   []string       // the Text of each event, when checked
	}{
		{name: "name labels and dashes of a dialogue", speakers: labels.Name, cues: []caption.Cue{{Lines: dialogue}},
			want: dashed, events: []string{`- Ann: Hi\Nthere`, `- Bob: Yo`}},
		{name: "upper labels", speakers: labels.Upper, cues: []caption.Cue{{Lines: say("Ann", "Hi")}},
			want: say("Ann", "Hi"), events: []string{`ANN: Hi`}},
		{name: "bracket labels after a placement", speakers: labels.Bracket,
			cues: []caption.Cue{{Placement: caption.Placement{Vertical: caption.Top}, Lines: say("Ann", "Hi")}},
			want: say("Ann", "Hi"), events: []string{`{\an8}[Ann] Hi`}},
		{name: "dashes only", speakers: labels.Dash, cues: []caption.Cue{{Lines: dialogue}}, want: dashed},
		{name: "text that starts like a label stays text", cues: []caption.Cue{{Lines: say("Ann", "Ann: I said", "- not a dash")}, {Lines: say("", "- a dash that is text")}},
			want:   cat(say("Ann", "Ann: I said", "- not a dash"), say("", "- a dash that is text")),
			events: []string{`{}Ann: I said\N- not a dash`, `{}- a dash that is text`}},
		{name: "a label before text that starts like one", speakers: labels.Name, cues: []caption.Cue{{Lines: say("Ann", "Ann: twice")}},
			want: say("Ann", "Ann: twice"), events: []string{`Ann: Ann: twice`}},
		{name: "a dash before text that starts like another's label", speakers: labels.Dash, cues: []caption.Cue{{Lines: cat(say("Ann", "Bob: x"), say("Bob", "y"))}},
			want:   []caption.Line{{Speaker: "Ann", Text: "Bob: x", Dash: true}, {Speaker: "Bob", Text: "y", Dash: true}},
			events: []string{`- Bob: x`, `- y`}},
		{name: "a dash before text that starts with the speaker's label", speakers: labels.Dash, cues: []caption.Cue{{Lines: cat(say("Ann", "Ann: x"), say("Bob", "y"))}},
			want:   []caption.Line{{Speaker: "Ann", Text: "Ann: x", Dash: true}, {Speaker: "Bob", Text: "y", Dash: true}},
			events: []string{`- {}Ann: x`, `- y`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for i := range tc.cues {
				tc.cues[i].Start, tc.cues[i].End = ms(int64(1000*i)), ms(int64(1000*i+500))
			}
			b, err := Append(nil, &caption.Document{Cues: tc.cues}, WriteOptions{Speakers: tc.speakers})
			if err != nil {
				t.Fatal(err)
			}
			if tc.events != nil {
				var got []string
				for _, l := range strings.Split(string(b), "\n") {
					if strings.HasPrefix(l, "Dialogue: ") {
						got = append(got, strings.SplitN(l, ",", 10)[9])
					}
				}
				if d := cmp.Diff(tc.events, got); d != "" {
					t.Errorf("Append() events mismatch (-want +got):\n%s", d)
				}
			}
			doc, err := Read(b, text.Source{})
			if err != nil {
				t.Fatal(err)
			}
			var got []caption.Line
			for _, c := range doc.Cues {
				got = append(got, c.Lines...)
			}
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("Read(Append()) mismatch (-want +got):\n%s\n%s", d, b)
			}
		})
	}
}

func TestAlignment(t *testing.T) {
	p := func(v caption.Vertical, h caption.Horizontal) caption.Placement {
		return caption.Placement{Vertical: v, Horizontal: h}
	}
	tests := []struct {
		block  string
		want   caption.Placement
		ok     bool
		reason string
	}{
		{block: `\an1`, want: p(caption.Bottom, caption.Left), ok: true},
		{block: `\an5`, want: p(caption.Middle, caption.Center), ok: true},
		{block: `\an9`, want: p(caption.Top, caption.Right), ok: true},
		{block: `\a1`, want: p(caption.Bottom, caption.Left), ok: true},
		{block: `\a3`, want: p(caption.Bottom, caption.Right), ok: true},
		{block: `\a5`, want: p(caption.Top, caption.Left), ok: true, reason: "SSA: plus 4 is the top"},
		{block: `\a7`, want: p(caption.Top, caption.Right), ok: true},
		{block: `\a9`, want: p(caption.Middle, caption.Left), ok: true, reason: "SSA: plus 8 is the middle"},
		{block: `\a11`, want: p(caption.Middle, caption.Right), ok: true},
		{block: `\a4`, reason: "no SSA alignment"},
		{block: `\an0`},
		{block: `\an10`},
		{block: `\alpha&H80&\i1`, reason: "\\alpha is no alignment"},
		{block: `\fad(1,2)\an8\an2`, want: p(caption.Top, caption.Center), ok: true, reason: "the first one counts"},
		{block: `\t(\an8)`, reason: "inside an animation"},
	}
	for _, tc := range tests {
		t.Run(tc.block, func(t *testing.T) {
			got, ok := Alignment(tc.block)
			if d := cmp.Diff(tc.want, got); d != "" || ok != tc.ok {
				t.Errorf("Alignment(%q) = %v, %v; want %v, %v", tc.block, got, ok, tc.want, tc.ok)
			}
		})
	}
}

// TestReadASSDrawingAlone: an event that is a drawing alone (a box behind
// a sign) shows no words, so it is no cue.
func TestReadASSDrawingAlone(t *testing.T) {
	in := styleScript + "Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,{\\an7\\p2}m 0 0 l 1 1\n" +
		"Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,The sign.\n"
	doc, err := Read([]byte(in), text.Source{})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]caption.Cue{{Start: 1e9, End: 2e9, Lines: say("", "The sign.")}}, doc.Cues); d != "" {
		t.Errorf("Read() (-want +got):\n%s", d)
	}
}
