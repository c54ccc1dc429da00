package ttml

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/captest"
	"github.com/capconv/capconv/convert/internal/text"
	"github.com/google/go-cmp/cmp"
)

// ttmlMS is n milliseconds.
func ttmlMS(n int64) time.Duration { return time.Duration(n) * time.Millisecond }

// ttmlWrite renders d as TTML or fails the test.
func ttmlWrite(t testing.TB, d *caption.Document) string {
	t.Helper()
	b, err := Append(nil, d, WriteOptions{})
	if err != nil {
		t.Fatalf("Append() error: %v", err)
	}
	return string(b)
}

// ttmlLines returns the lines of s that start, once indented, with prefix.
func ttmlLines(s, prefix string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(strings.TrimLeft(l, " "), prefix) {
			out = append(out, strings.TrimLeft(l, " "))
		}
	}
	return out
}

// ttmlFile reads a file from testdata or fails the test.
func ttmlFile(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(captest.Testdata(name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestWriteTTMLDocument(t *testing.T) {
	d := &caption.Document{Title: "Big & small", Language: "fr-CA", Cues: []caption.Cue{
		{ID: "1", Start: ttmlMS(1000), End: ttmlMS(2500), Lines: []caption.Line{{Speaker: "Anne", Text: "Bonjour,"}, {Speaker: "Anne", Text: "ça va ?"}}},
		{Start: ttmlMS(3000), End: ttmlMS(4000), Lines: []caption.Line{{Speaker: "Anne", Text: "-Oui ?"}, {Speaker: "Bob", Text: "-Non."}}},
	}}
	want := `<?xml version="1.0" encoding="UTF-8"?>
<tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttm="http://www.w3.org/ns/ttml#metadata" xmlns:ttp="http://www.w3.org/ns/ttml#parameter" xmlns:tts="http://www.w3.org/ns/ttml#styling" ttp:timeBase="media" ttp:contentProfiles="http://www.w3.org/ns/ttml/profile/imsc1.1/text" xml:lang="fr-CA">
  <head>
    <metadata>
      <ttm:title>Big &amp; small</ttm:title>
      <ttm:agent xml:id="speaker1" type="person">
        <ttm:name type="full">Anne</ttm:name>
      </ttm:agent>
      <ttm:agent xml:id="speaker2" type="person">
        <ttm:name type="full">Bob</ttm:name>
      </ttm:agent>
    </metadata>
    <styling>
      <style xml:id="default" tts:textAlign="center" tts:fontFamily="proportionalSansSerif" tts:color="white"/>
      <style xml:id="line" tts:backgroundColor="#000000CC"/>
    </styling>
    <layout>
      <region xml:id="bottom" tts:origin="10% 10%" tts:extent="80% 80%" tts:displayAlign="after"/>
    </layout>
  </head>
  <body region="bottom" style="default">
    <div>
      <p xml:id="c1" begin="00:00:01.000" end="00:00:02.500" ttm:agent="speaker1"><span style="line">Bonjour,</span><br/><span style="line">ça va ?</span></p>
      <p xml:id="c2" begin="00:00:03.000" end="00:00:04.000"><span style="line" ttm:agent="speaker1">-Oui ?</span><br/><span style="line" ttm:agent="speaker2">-Non.</span></p>
    </div>
  </body>
</tt>
`
	if diff := cmp.Diff(want, ttmlWrite(t, d)); diff != "" {
		t.Errorf("Append() mismatch (-want +got):\n%s", diff)
	}
	if again := ttmlWrite(t, d); again != want {
		t.Errorf("Append() is not byte-stable")
	}
}

func TestWriteTTML(t *testing.T) {
	cue := func(id string, lines ...caption.Line) caption.Cue {
		return caption.Cue{ID: id, Start: ttmlMS(1000), End: ttmlMS(2000), Lines: lines}
	}
	const times = `begin="00:00:01.000" end="00:00:02.000"`
	tests := []struct {
		name   string
		reason string
		doc    caption.Document
		prefix string // lines starting with it are compared
		want   []string
	}{
		{
			name:   "escaping",
			doc:    caption.Document{Cues: []caption.Cue{cue("", caption.Line{Text: `Tom & "Jerry" <i>--></i> 'ok'`})}},
			prefix: "<p ",
			want:   []string{`<p xml:id="c1" ` + times + `><span style="line">Tom &amp; "Jerry" &lt;i&gt;--&gt;&lt;/i&gt; 'ok'</span></p>`},
		},
		{
			name:   "non-ASCII, RTL and emoji stay UTF-8; right-to-left text says so",
			doc:    caption.Document{Cues: []caption.Cue{cue("", caption.Line{Text: "שלום, عالم 🎉 Ünïcödé"})}},
			prefix: "<p ",
			want:   []string{`<p xml:id="c1" ` + times + ` tts:direction="rtl"><span style="line">שלום, عالم 🎉 Ünïcödé</span></p>`},
		},
		{
			name:   "left-to-right text first stays left to right",
			doc:    caption.Document{Cues: []caption.Cue{cue("", caption.Line{Text: "42 Ünïcödé שלום"})}},
			prefix: "<p ",
			want:   []string{`<p xml:id="c1" ` + times + `><span style="line">42 Ünïcödé שלום</span></p>`},
		},
		{
			name:   "characters XML cannot carry",
			reason: "C0 controls and invalid UTF-8 become U+FFFD; a line feed inside a line becomes a space",
			doc:    caption.Document{Cues: []caption.Cue{cue("", caption.Line{Text: "a\x01b\xffc\nd"})}},
			prefix: "<p ",
			want:   []string{`<p xml:id="c1" ` + times + `><span style="line">` + "a\uFFFDb\uFFFDc d</span></p>"},
		},
		{
			name:   "white space that default processing would collapse",
			doc:    caption.Document{Cues: []caption.Cue{cue("", caption.Line{Text: "  indented"}, caption.Line{Text: "a\tb\r"}), cue("", caption.Line{Text: "one space"})}},
			prefix: "<p ",
			want: []string{
				`<p xml:id="c1" ` + times + ` xml:space="preserve"><span style="line">  indented</span><br/><span style="line">a	b&#xD;</span></p>`,
				`<p xml:id="c2" ` + times + `><span style="line">one space</span></p>`,
			},
		},
		{
			name:   "one speaker per cue names it on p",
			doc:    caption.Document{Cues: []caption.Cue{cue("", caption.Line{Speaker: "Ann", Text: "a"}, caption.Line{Speaker: "Ann", Text: "b"}), cue("", caption.Line{Speaker: "Bo", Text: "c"}), cue("", caption.Line{Text: "d"})}},
			prefix: "<p ",
			want: []string{
				`<p xml:id="c1" ` + times + ` ttm:agent="speaker1"><span style="line">a</span><br/><span style="line">b</span></p>`,
				`<p xml:id="c2" ` + times + ` ttm:agent="speaker2"><span style="line">c</span></p>`,
				`<p xml:id="c3" ` + times + `><span style="line">d</span></p>`,
			},
		},
		{
			name:   "dialogue cue puts each speaker in a span",
			reason: "a line without speaker gets no span, so no agent",
			doc:    caption.Document{Cues: []caption.Cue{cue("", caption.Line{Speaker: "Ann", Text: "-Hi."}, caption.Line{Speaker: "", Text: "(laughs)"}, caption.Line{Speaker: "Bo", Text: "-Hey."})}},
			prefix: "<p ",
			want:   []string{`<p xml:id="c1" ` + times + `><span style="line" ttm:agent="speaker1">-Hi.</span><br/><span style="line">(laughs)</span><br/><span style="line" ttm:agent="speaker2">-Hey.</span></p>`},
		},
		{
			name:   "agents in first-appearance order with escaped names",
			doc:    caption.Document{Cues: []caption.Cue{cue("", caption.Line{Speaker: "Zoë <Z> & Co", Text: "a"}), cue("", caption.Line{Speaker: "Abe", Text: "b"}), cue("", caption.Line{Speaker: "Zoë <Z> & Co", Text: "c"})}},
			prefix: "<ttm:",
			want: []string{
				`<ttm:agent xml:id="speaker1" type="person">`,
				`<ttm:name type="full">Zoë &lt;Z&gt; &amp; Co</ttm:name>`,
				`<ttm:agent xml:id="speaker2" type="person">`,
				`<ttm:name type="full">Abe</ttm:name>`,
			},
		},
		{
			name:   "title",
			doc:    caption.Document{Title: "E = mc² <live>", Cues: []caption.Cue{cue("", caption.Line{Text: "a"})}},
			prefix: "<ttm:",
			want:   []string{`<ttm:title>E = mc² &lt;live&gt;</ttm:title>`},
		},
		{
			name:   "no title and no speakers: no metadata",
			doc:    caption.Document{Cues: []caption.Cue{cue("", caption.Line{Text: "a"})}},
			prefix: "<metadata",
		},
		{
			name:   "default and escaped language",
			doc:    caption.Document{Language: `x"<y`},
			prefix: "<tt ",
			want:   []string{`<tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttm="http://www.w3.org/ns/ttml#metadata" xmlns:ttp="http://www.w3.org/ns/ttml#parameter" xmlns:tts="http://www.w3.org/ns/ttml#styling" ttp:timeBase="media" ttp:contentProfiles="http://www.w3.org/ns/ttml/profile/imsc1.1/text" xml:lang="x&quot;&lt;y">`},
		},
		{
			name:   "ids",
			reason: "valid NCNames are kept once; numbers, duplicates and ids taken by agents, the region or the style get cN, suffixed when cN is taken",
			doc: caption.Document{Cues: []caption.Cue{
				cue("1"), cue("sub_1"), cue("sub_1"), cue("c5"), cue("speaker1", caption.Line{Speaker: "Ann", Text: "a"}),
				cue("bottom"), cue("default"), cue("a b"), cue("é-1.x"),
			}},
			prefix: "<p ",
			want: []string{
				`<p xml:id="c1" ` + times + `></p>`,
				`<p xml:id="sub_1" ` + times + `></p>`,
				`<p xml:id="c3" ` + times + `></p>`,
				`<p xml:id="c5" ` + times + `></p>`,
				`<p xml:id="c5_2" ` + times + ` ttm:agent="speaker1"><span style="line">a</span></p>`,
				`<p xml:id="c6" ` + times + `></p>`,
				`<p xml:id="c7" ` + times + `></p>`,
				`<p xml:id="c8" ` + times + `></p>`,
				`<p xml:id="é-1.x" ` + times + `></p>`,
			},
		},
		{
			name: "times round to the millisecond, half up",
			doc: caption.Document{Cues: []caption.Cue{
				{Start: 1500 * time.Microsecond, End: 1499999 * time.Nanosecond},
				{Start: 100*time.Hour + 59*time.Minute + 59*time.Second + 999600*time.Microsecond, End: 100*time.Hour + 61*time.Minute},
			}},
			prefix: "<p ",
			want: []string{
				`<p xml:id="c1" begin="00:00:00.002" end="00:00:00.001"></p>`,
				`<p xml:id="c2" begin="101:00:00.000" end="101:01:00.000"></p>`,
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ttmlLines(ttmlWrite(t, &tc.doc), tc.prefix)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Append() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestWriteTTMLNegativeTime(t *testing.T) {
	d := &caption.Document{Cues: []caption.Cue{{Start: -time.Second, End: time.Second}}}
	b, err := Append(nil, d, WriteOptions{})
	if err == nil {
		t.Errorf("Append() with a negative start: want an error, got none")
	}
	if len(b) != 0 {
		t.Errorf("Append() wrote %d bytes before failing, want none", len(b))
	}
}

// ttmlDoc wraps body content in a TTML document whose tt element carries
// extra attributes.
func ttmlDoc(ttAttrs, head, body string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttm="http://www.w3.org/ns/ttml#metadata" xmlns:ttp="http://www.w3.org/ns/ttml#parameter" xml:lang="en"` + ttAttrs + `>
<head>` + head + `</head>
` + body + `
</tt>`
}

func TestReadTTML(t *testing.T) {
	line := func(text string) caption.Line { return caption.Line{Text: text} }
	agents := `<metadata><ttm:agent xml:id="a1" type="person"><ttm:name type="alias">Al</ttm:name><ttm:name type="full">Alice  Liddell</ttm:name></ttm:agent>
<ttm:agent xml:id="b2" type="person"/></metadata>`
	tests := []struct {
		name   string
		reason string
		input  string
		want   []caption.Cue
		warns  int
	}{
		{
			name:  "clock times, br and collapsed white space",
			input: ttmlDoc("", "", "<body><div>\n<p begin=\"00:00:01.5\" end=\"00:00:02.250\" xml:id=\"x1\">\n  Hello,\n\t world <br/>\n  <span>second</span>   line  \n</p></div></body>"),
			want:  []caption.Cue{{ID: "x1", Start: ttmlMS(1500), End: ttmlMS(2250), Lines: []caption.Line{line("Hello, world"), line("second line")}}},
		},
		{
			name:   "ttconv lwsp_default, timed",
			reason: "ttconv's white-space fixture with begin and end added: spaces collapse across spans, empty spans vanish",
			input: ttmlDoc("", "", `<body><div><p begin="0s" end="1s">
                hello <span>my name</span>
is Mathilda    <span> </span>        </p>
        <p begin="1s" end="2s">
            bonjour<span> mon nom

            </span><span>
                
            </span><br/>est
        </p></div></body>`),
			want: []caption.Cue{
				{Start: 0, End: time.Second, Lines: []caption.Line{line("hello my name is Mathilda")}},
				{Start: time.Second, End: 2 * time.Second, Lines: []caption.Line{line("bonjour mon nom"), line("est")}},
			},
		},
		{
			name:   "xml:space preserve",
			reason: "spaces are kept and a line feed breaks the line",
			input:  ttmlDoc("", "", "<body><div><p begin=\"1s\" end=\"2s\" xml:space=\"preserve\">  two  spaces\nnext&#13;<span xml:space=\"default\">  a   b</span></p></div></body>"),
			want:   []caption.Cue{{Start: time.Second, End: 2 * time.Second, Lines: []caption.Line{line("  two  spaces"), line("next\r a b")}}},
		},
		{
			name:  "offset times",
			input: ttmlDoc(` ttp:frameRate="25" ttp:tickRate="10000000"`, "", `<body><div><p begin="12.5s" end="500ms">a</p><p begin="1h" dur="2m">b</p><p begin="10f" end="25000000t">c</p></div></body>`),
			want: []caption.Cue{
				{Start: ttmlMS(400), End: ttmlMS(2500), Lines: []caption.Line{line("c")}},
				{Start: time.Hour, End: time.Hour + 2*time.Minute, Lines: []caption.Line{line("b")}},
			},
			warns: 1, // 12.5s to 500ms ends before it begins
		},
		{
			name:  "frames with a 1000/1001 multiplier and sub-frames",
			input: ttmlDoc(` ttp:frameRate="30" ttp:frameRateMultiplier="1000 1001" ttp:subFrameRate="2"`, "", `<body><div><p begin="00:00:01:15" end="00:00:02:00.1">a</p></div></body>`),
			want:  []caption.Cue{{Start: 1*time.Second + 500500*time.Microsecond, End: 2*time.Second + 16683333, Lines: []caption.Line{line("a")}}},
		},
		{
			name:  "default frame rate is 30 and ticks default to 1 per second",
			input: ttmlDoc("", "", `<body><div><p begin="00:00:01:15" end="3t">a</p></div></body>`),
			want:  []caption.Cue{{Start: ttmlMS(1500), End: 3 * time.Second, Lines: []caption.Line{line("a")}}},
		},
		{
			name:   "nested offsets, dur and clipping",
			reason: "body and div begins add up; dur counts from the p's begin; the div's end clips and times untimed p",
			input: ttmlDoc("", "", `<body begin="10s"><div begin="5s" end="20s">
<p begin="1s" dur="2s">a</p><p begin="3s" end="30s">b</p><p>c</p><p begin="1s" end="4s" dur="1s">d</p></div></body>`),
			want: []caption.Cue{
				{Start: 15 * time.Second, End: 30 * time.Second, Lines: []caption.Line{line("c")}},
				{Start: 16 * time.Second, End: 18 * time.Second, Lines: []caption.Line{line("a")}},
				{Start: 16 * time.Second, End: 17 * time.Second, Lines: []caption.Line{line("d")}},
				{Start: 18 * time.Second, End: 30 * time.Second, Lines: []caption.Line{line("b")}},
			},
		},
		{
			name:  "seq container",
			input: ttmlDoc("", "", `<body><div timeContainer="seq" begin="1s"><p dur="2s">a</p><p begin="1s" dur="1s">b</p></div></body>`),
			want: []caption.Cue{
				{Start: time.Second, End: 3 * time.Second, Lines: []caption.Line{line("a")}},
				{Start: 4 * time.Second, End: 5 * time.Second, Lines: []caption.Line{line("b")}},
			},
		},
		{
			name:   "cues sorted by start",
			reason: "document order has no temporal meaning; equal starts keep document order",
			input:  ttmlDoc("", "", `<body><div begin="5s"><p end="1s">late</p></div><div><p begin="1s" end="2s">early</p><p begin="1s" end="3s">early too</p></div></body>`),
			want: []caption.Cue{
				{Start: time.Second, End: 2 * time.Second, Lines: []caption.Line{line("early")}},
				{Start: time.Second, End: 3 * time.Second, Lines: []caption.Line{line("early too")}},
				{Start: 5 * time.Second, End: 6 * time.Second, Lines: []caption.Line{line("late")}},
			},
		},
		{
			name:   "agents",
			reason: "full name preferred and collapsed; unnamed agent gives its id; undeclared agent warns and gives its id; span agents per line; div agent inherited",
			input: ttmlDoc("", agents, `<body><div ttm:agent="b2">
<p begin="1s" end="2s" ttm:agent="a1">one<br/>two</p>
<p begin="2s" end="3s">inherited</p>
<p begin="3s" end="4s" ttm:agent=""><span ttm:agent="a1">-Hi</span><br/>noise<br/><span ttm:agent="zz">-Yo</span></p>
<p begin="4s" end="5s" ttm:agent="a1 b2">together</p></div></body>`),
			want: []caption.Cue{
				{Start: time.Second, End: 2 * time.Second, Lines: []caption.Line{{Speaker: "Alice Liddell", Text: "one"}, {Speaker: "Alice Liddell", Text: "two"}}},
				{Start: 2 * time.Second, End: 3 * time.Second, Lines: []caption.Line{{Speaker: "b2", Text: "inherited"}}},
				{Start: 3 * time.Second, End: 4 * time.Second, Lines: []caption.Line{{Speaker: "Alice Liddell", Text: "-Hi"}, {Speaker: "", Text: "noise"}, {Speaker: "zz", Text: "-Yo"}}},
				{Start: 4 * time.Second, End: 5 * time.Second, Lines: []caption.Line{{Speaker: "Alice Liddell, b2", Text: "together"}}},
			},
			warns: 1,
		},
		{
			name:   "empty lines dropped, empty p kept",
			input:  ttmlDoc("", "", `<body><div><p begin="1s" end="2s"><br/> a <br/><br/>  </p><p begin="2s" end="3s">  </p></div></body>`),
			want:   []caption.Cue{{Start: time.Second, End: 2 * time.Second, Lines: []caption.Line{line("a")}}, {Start: 2 * time.Second, End: 3 * time.Second}},
			reason: "a blank line cannot travel in SRT or WebVTT, and an empty p is still a cue",
		},
		{
			name:  "ignored elements",
			input: ttmlDoc("", `<styling><style xml:id="s"/></styling>`, `<body><div><metadata><x>no</x></metadata><p begin="1s" end="2s">a<metadata>no</metadata><set begin="1s"/>b<x:foo xmlns:x="urn:x">no</x:foo></p></div></body>`),
			want:  []caption.Cue{{Start: time.Second, End: 2 * time.Second, Lines: []caption.Line{line("ab")}}},
		},
		{
			name:   "untimed and inverted p skipped",
			input:  ttmlDoc("", "", `<body><div><p>untimed</p><p begin="1s">no end</p><p begin="3s" end="2s">inverted</p><p begin="4s" end="5s">kept</p></div></body>`),
			want:   []caption.Cue{{Start: 4 * time.Second, End: 5 * time.Second, Lines: []caption.Line{line("kept")}}},
			warns:  3,
			reason: "TTML gives an untimed p the whole document; we cannot show a cue forever",
		},
		{
			name:  "legacy 2006/04 namespace, BOM and plain id",
			input: "\uFEFF" + `<tt xmlns="http://www.w3.org/2006/04/ttaf1" xmlns:ttm="http://www.w3.org/2006/04/ttaf1#metadata"><head><ttm:agent xml:id="n"><ttm:name>Nar</ttm:name></ttm:agent></head><body><div><p id="old" begin="1s" end="2s" ttm:agent="n">a</p></div></body></tt>`,
			want:  []caption.Cue{{ID: "old", Start: time.Second, End: 2 * time.Second, Lines: []caption.Line{{Speaker: "Nar", Text: "a"}}}},
		},
		{
			name:   "tt in an unknown namespace",
			input:  `<tt><body><p begin="1s" end="2s">a</p></body></tt>`,
			want:   []caption.Cue{{Start: time.Second, End: 2 * time.Second, Lines: []caption.Line{line("a")}}},
			warns:  1,
			reason: "read leniently, with a warning",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var warns []string
			o := text.Source{File: "in.ttml", Warn: func(p caption.Position, msg string) { warns = append(warns, p.String()+": "+msg) }}
			d, err := Read([]byte(tc.input), o)
			if err != nil {
				t.Fatalf("Read() error: %v", err)
			}
			if diff := cmp.Diff(tc.want, d.Cues); diff != "" {
				t.Errorf("Read() cues mismatch (-want +got):\n%s", diff)
			}
			if len(warns) != tc.warns {
				t.Errorf("Read() warned %d times, want %d: %q", len(warns), tc.warns, warns)
			}
		})
	}
}

func TestReadTTMLHead(t *testing.T) {
	in := ttmlDoc("", `<metadata><ttm:title>
  A   title </ttm:title><ttm:title>second</ttm:title></metadata>`, `<body><p begin="1s" end="2s">a</p></body>`)
	d, err := Read([]byte(strings.Replace(in, `xml:lang="en"`, `xml:lang="ar-EG"`, 1)), text.Source{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"A title", "ar-EG"}, []string{d.Title, d.Language}); diff != "" {
		t.Errorf("Read() title and language mismatch (-want +got):\n%s", diff)
	}
}

func TestReadTTMLFiles(t *testing.T) {
	t.Run("NOVA DFXP", func(t *testing.T) {
		d, err := Read(ttmlFile(t, "captions/nova-einstein.dfxp"), text.Source{})
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Cues) != 1847 {
			t.Fatalf("Read() read %d cues, want 1847", len(d.Cues))
		}
		got := []caption.Cue{d.Cues[0], d.Cues[1], d.Cues[len(d.Cues)-1]}
		want := []caption.Cue{
			{Start: ttmlMS(9209), End: ttmlMS(12312), Lines: []caption.Line{{Text: "( clock ticking )"}}},
			{Start: ttmlMS(14848), End: ttmlMS(17350), Lines: []caption.Line{{Text: "MAN:"}, {Text: "When we think"}, {Text: "of E equals m c-squared,"}}},
			{Start: ttmlMS(6534661), End: ttmlMS(6537731), Lines: []caption.Line{{Text: "NOVA is a production"}, {Text: "of WGBH Boston."}}},
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Read() mismatch (-want +got):\n%s", diff)
		}
		if d.Language != "en" {
			t.Errorf("Read() language %q, want en", d.Language)
		}
	})
	t.Run("go-astisub example: DFXP draft namespace, SMPTE frames", func(t *testing.T) {
		d, err := Read(ttmlFile(t, "malformed/astisub-example-in.ttml"), text.Source{})
		if err != nil {
			t.Fatal(err)
		}
		want := &caption.Document{Title: "Title test", Language: "fr-FR", Cues: []caption.Cue{
			{ID: "sub_1", Start: ttmlMS(99000), End: ttmlMS(101040), Lines: []caption.Line{{Text: "(deep rumbling)"}}},
			{ID: "sub_2", Start: ttmlMS(124080), End: ttmlMS(127120), Lines: []caption.Line{{Text: "MAN:"}, {Text: "How did we end up here?"}}},
			{ID: "sub_3", Start: ttmlMS(132160), End: ttmlMS(135200), Lines: []caption.Line{{Text: "This place is horrible."}}},
			{ID: "sub_4", Start: ttmlMS(140240), End: ttmlMS(142280), Lines: []caption.Line{{Text: "Smells like balls."}}},
			{ID: "sub_5", Start: ttmlMS(148320), End: ttmlMS(151360), Lines: []caption.Line{{Text: "We don't belong"}, {Text: "in this shithole."}}},
			// 00:02:33:11 at ttp:frameRate 25: 11 frames are 440 ms.
			{ID: "sub_6", Start: ttmlMS(151400), End: ttmlMS(153440), Lines: []caption.Line{{Text: "(computer playing"}, {Text: "electronic melody)"}}},
		}}
		if diff := cmp.Diff(want, d); diff != "" {
			t.Errorf("Read() mismatch (-want +got):\n%s", diff)
		}
	})
	t.Run("ttconv lwsp_default: only untimed p", func(t *testing.T) {
		var warns []caption.Position
		o := text.Source{File: "lwsp.ttml", Warn: func(p caption.Position, _ string) { warns = append(warns, p) }}
		_, err := Read(ttmlFile(t, "invalid/ttconv-lwsp-default.ttml"), o)
		var pe *caption.ParseError
		if !errors.As(err, &pe) || !errors.Is(err, caption.ErrNoContent) {
			t.Fatalf("Read() error %v, want a *ParseError for ErrNoContent", err)
		}
		want := []caption.Position{{File: "lwsp.ttml", Line: 12, Col: 5}, {File: "lwsp.ttml", Line: 14, Col: 13}, {File: "lwsp.ttml", Line: 17, Col: 9}}
		if diff := cmp.Diff(want, append([]caption.Position{pe.Pos}, warns...)); diff != "" {
			t.Errorf("error at <body>, then one warning per untimed <p> (-want +got):\n%s", diff)
		}
	})
}

func TestReadTTMLInvalid(t *testing.T) {
	tests := []struct {
		name      string
		file      string // in testdata/invalid, or
		input     string // inline
		line, col int
		err       error
	}{
		{name: "mismatched end tag, found just past </div>", file: "ttml-mismatched-tag.ttml", line: 6, col: 79, err: caption.ErrSyntax},
		{name: "one-digit seconds", file: "ttml-bad-begin.ttml", line: 6, col: 7, err: caption.ErrBadTimestamp},
		{name: "frame beyond the frame rate", file: "ttml-bad-frames.ttml", line: 7, col: 7, err: caption.ErrBadTimestamp},
		{name: "no p", file: "ttml-no-p.ttml", line: 6, col: 3, err: caption.ErrNoContent},
		{name: "html root", file: "ttml-not-tt.ttml", line: 3, col: 1, err: caption.ErrSyntax},
		{name: "HTML entity", file: "ttml-html-entity.ttml", line: 5, col: 66, err: caption.ErrSyntax},
		{name: "truncated", file: "ttml-truncated.ttml", line: 6, col: 1, err: caption.ErrSyntax},
		{name: "empty", input: "", line: 1, col: 1, err: caption.ErrSyntax},
		{name: "UTF-16", input: "<\x00t\x00t\x00", line: 1, err: caption.ErrNotText},
		{name: "unknown encoding declared", input: `<?xml version="1.0" encoding="x-klingon"?><tt/>`, line: 1, col: 1, err: caption.ErrSyntax},
		{name: "text before the root", input: "hello <tt/>", line: 1, col: 1, err: caption.ErrSyntax},
		{name: "second root", input: "<tt xmlns=\"http://www.w3.org/ns/ttml\"><body><p begin=\"1s\" end=\"2s\">a</p></body></tt>\n<tt/>", line: 2, col: 1, err: caption.ErrSyntax},
		{name: "bad frame rate", input: "<tt xmlns=\"http://www.w3.org/ns/ttml\"\n xmlns:ttp=\"http://www.w3.org/ns/ttml#parameter\" ttp:frameRate=\"0\"/>", line: 1, col: 1, err: caption.ErrSyntax},
		{name: "bad end", input: "<tt xmlns=\"http://www.w3.org/ns/ttml\"><body>\n<p begin=\"1s\" end=\"2 s\">a</p></body></tt>", line: 2, col: 1, err: caption.ErrBadTimestamp},
		{name: "bad dur on div", input: "<tt xmlns=\"http://www.w3.org/ns/ttml\"><body>\n<div dur=\"-1s\"></div></body></tt>", line: 2, col: 1, err: caption.ErrBadTimestamp},
		{name: "time out of range", input: "<tt xmlns=\"http://www.w3.org/ns/ttml\"><body>\n<p begin=\"99999999999h\" end=\"1s\">a</p></body></tt>", line: 2, col: 1, err: caption.ErrBadTimestamp},
		{name: "offsets add up out of range", input: "<tt xmlns=\"http://www.w3.org/ns/ttml\"><body begin=\"120000h\"><div begin=\"120000h\">\n<p begin=\"120000h\" end=\"1s\">a</p></div></body></tt>", line: 2, col: 1, err: caption.ErrBadTimestamp},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := []byte(tc.input)
			if tc.file != "" {
				data = ttmlFile(t, filepath.Join("invalid", tc.file))
			}
			d, err := Read(data, text.Source{File: "in.ttml"})
			var pe *caption.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Read() = %v, %v; want a *ParseError", d, err)
			}
			if !errors.Is(err, tc.err) {
				t.Errorf("Read() error %v, want cause %v", err, tc.err)
			}
			want := caption.Position{File: "in.ttml", Line: tc.line, Col: tc.col}
			if tc.col == 0 {
				pe.Pos.Col = 0 // only the line is asserted
			}
			if diff := cmp.Diff(want, pe.Pos); diff != "" {
				t.Errorf("Read() error %v at the wrong position (-want +got):\n%s", err, diff)
			}
		})
	}
}

// ttmlRounded returns cues with times rounded to the millisecond, as the
// writer rounds them, and without ids.
func ttmlRounded(cues []caption.Cue) []caption.Cue {
	out := make([]caption.Cue, len(cues))
	for i, c := range cues {
		c.ID = ""
		c.Start = (c.Start + time.Millisecond/2).Truncate(time.Millisecond)
		c.End = (c.End + time.Millisecond/2).Truncate(time.Millisecond)
		out[i] = c
	}
	return out
}

func TestTTMLRoundTrip(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		doc    caption.Document
		want   caption.Document // when the round trip differs from doc by a documented loss
	}{
		{
			name: "speakers, dialogue and tricky text",
			doc: caption.Document{Title: "Über & <Ünter> -->", Language: "de", Cues: []caption.Cue{
				{ID: "intro", Start: 0, End: ttmlMS(1500), Lines: []caption.Line{{Speaker: "Dr. Jürgen Müller", Text: "Grüß Gott & willkommen"}, {Speaker: "Dr. Jürgen Müller", Text: "a < b --> c > d"}}},
				{ID: "c2", Start: ttmlMS(1500), End: ttmlMS(3000), Lines: []caption.Line{{Speaker: "أحمد", Text: "-مرحبا بكم"}, {Speaker: "Lee 李", Text: "-你好 👋🏽"}}},
				{ID: "c3", Start: ttmlMS(3000), End: ttmlMS(3000), Lines: []caption.Line{{Speaker: "", Text: "(music) ♪"}, {Speaker: "Lee 李", Text: "שלום עולם"}}},
				{ID: "c4", Start: 30 * time.Hour, End: 30*time.Hour + ttmlMS(1), Lines: []caption.Line{{Speaker: "", Text: `"quotes" 'apostrophes' ]]>`}}},
				{ID: "c5", Start: 31 * time.Hour, End: 32 * time.Hour, Lines: []caption.Line{{Speaker: "", Text: "  leading"}, {Speaker: "", Text: "trailing\t"}, {Speaker: "", Text: "two  spaces\r"}, {Speaker: "", Text: "   "}}},
				{ID: "c6", Start: 32 * time.Hour, End: 32 * time.Hour},
			}},
		},
		{
			name:   "documented losses",
			reason: "empty language becomes en; ids become unique NCNames; times round to ms; empty lines are dropped; a line feed in a line becomes a space; title and names collapse white space",
			doc: caption.Document{Title: "  spaced   title ", Cues: []caption.Cue{
				{ID: "1", Start: 1500 * time.Microsecond, End: 2*time.Second + 400*time.Microsecond, Lines: []caption.Line{{Speaker: "  Ann ", Text: "a"}, {Speaker: "  Ann ", Text: ""}, {Speaker: "  Ann ", Text: "b\nc"}}},
				{ID: "1", Start: 3 * time.Second, End: 4 * time.Second, Lines: []caption.Line{{Speaker: "", Text: "x"}}},
			}},
			want: caption.Document{Title: "spaced title", Language: "en", Cues: []caption.Cue{
				{ID: "c1", Start: 2 * time.Millisecond, End: 2 * time.Second, Lines: []caption.Line{{Speaker: "Ann", Text: "a"}, {Speaker: "Ann", Text: "b c"}}},
				{ID: "c2", Start: 3 * time.Second, End: 4 * time.Second, Lines: []caption.Line{{Speaker: "", Text: "x"}}},
			}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want := tc.want
			if want.Cues == nil {
				want = tc.doc
			}
			out := ttmlWrite(t, &tc.doc)
			got, err := Read([]byte(out), text.Source{})
			if err != nil {
				t.Fatalf("Read(Append()) error: %v\n%s", err, out)
			}
			if diff := cmp.Diff(want, *got); diff != "" {
				t.Errorf("Read(Append()) mismatch (-want +got):\n%s\n%s", diff, out)
			}
		})
	}
}

func FuzzReadTTML(f *testing.F) {
	// Cut to 4000 bytes: whole caption files stall the mutator.
	captest.AddSeeds(f, "malformed/*.ttml", "captions/*.dfxp", "invalid/*.ttml")
	f.Add([]byte(ttmlDoc(` ttp:frameRate="25" ttp:frameRateMultiplier="1000 1001" ttp:tickRate="90000"`,
		`<metadata><ttm:agent xml:id="a"><ttm:name>A</ttm:name></ttm:agent></metadata>`,
		`<body begin="1s"><div timeContainer="seq"><p dur="10f" ttm:agent="a">x<br/><span ttm:agent="b">y</span></p><p xml:space="preserve" dur="90000t"> z&#13; </p></div></body>`)))
	f.Add([]byte(styledDoc(` tts:extent="640px 480px"`,
		`<styling><style xml:id="i" style="b" tts:fontStyle="italic" tts:color="#ff0"/><style xml:id="b" tts:fontWeight="bold"/></styling>`+
			`<layout><region xml:id="r" style="i" tts:origin="0% 10%" tts:extent="100px 50%" tts:displayAlign="center" tts:textAlign="end"><style tts:textDecoration="underline"/></region></layout>`,
		`<p begin="0s" end="1s" region="r" tts:direction="rtl">a <span style="i" tts:color="rgba(1,2,3,4)">b</span><span tts:ruby="container"><span tts:ruby="base">漢</span><span tts:ruby="text">かん</span></span></p>`+
			`<p begin="1s" end="2s" xml:space="preserve"><span tts:ruby="container"><span tts:ruby="baseContainer"><span tts:ruby="base"> x </span></span><span tts:ruby="text"/></span>  <span tts:textDecoration="noUnderline">y</span></p>`)))
	for _, write := range []func([]byte, *caption.Document, WriteOptions) ([]byte, error){Append, AppendDFXP} {
		b, err := write(nil, &caption.Document{Cues: styledCues()}, WriteOptions{})
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Read(data, text.Source{})
		if err != nil {
			var pe *caption.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Read() error %v is not a *ParseError", err)
			}
			return
		}
		b, err := Append(nil, d, WriteOptions{})
		if err != nil {
			t.Fatalf("Append() error: %v", err)
		}
		again, err := Read(b, text.Source{})
		if err != nil {
			t.Fatalf("Read(Append()) error: %v\n%s", err, b)
		}
		if diff := cmp.Diff(ttmlRounded(d.Cues), ttmlRounded(again.Cues)); diff != "" {
			t.Errorf("cues changed through Append (-first +second):\n%s", diff)
		}
		seen := map[string]bool{}
		for _, c := range again.Cues {
			if !isNCName(c.ID) || seen[c.ID] {
				t.Errorf("written id %q is not a unique NCName", c.ID)
			}
			seen[c.ID] = true
		}
	})
}

func BenchmarkWriteTTML(b *testing.B) {
	d, err := Read(ttmlFile(b, "captions/nova-einstein.dfxp"), text.Source{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Append(nil, d, WriteOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadTTML(b *testing.B) {
	data := ttmlFile(b, "captions/nova-einstein.dfxp")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(data, text.Source{}); err != nil {
			b.Fatal(err)
		}
	}
}
