package convert

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/captest"
	"github.com/capconv/capconv/convert/internal/labels"
	"github.com/google/go-cmp/cmp"
)

// readFile reads a file under ../testdata through Read, labels auto.
func readFile(t *testing.T, name string, f Format, style LabelStyle) *caption.Document {
	t.Helper()
	doc, err := Read(bytes.NewReader(captest.MustRead(t, filepath.Join("..", "testdata", name))), f, Options{File: name, Labels: style})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// findCue returns the cue starting at start (in milliseconds).
func findCue(t *testing.T, d *caption.Document, start int64) caption.Cue {
	t.Helper()
	for _, c := range d.Cues {
		if c.Start.Milliseconds() == start {
			return c
		}
	}
	t.Fatalf("no cue starts at %d ms", start)
	return caption.Cue{}
}

// TestLabelsRealFiles checks label reading on the real caption files, one
// convention each.
func TestLabelsRealFiles(t *testing.T) {
	tests := []struct {
		name   string
		file   string
		format Format
		labels LabelStyle
		style  LabelStyle // what labels.Detect finds
		start  int64      // a cue to look at
		want   []caption.Line
		reason string
	}{
		{
			name: "NOVA SRT, label mid-cue on its own line", file: "captions/nova-einstein.srt", format: SRT,
			style: LabelUpper, start: 178178,
			want:   cat(say("WOMAN", "Major funding for NOVA", "is provided"), say("NARRATOR", "A hundred years ago,")),
			reason: "the label's line goes; the lines before it stay with the last label (WOMAN): a label lasts until the next, and the funding credit has none",
		},
		{
			name: "NOVA DFXP, same cue", file: "captions/nova-einstein.dfxp", format: TTML,
			style: LabelUpper, start: 178178,
			want: cat(say("WOMAN", "Major funding for NOVA", "is provided"), say("NARRATOR", "A hundred years ago,")),
		},
		{
			name: "NOVA label leading the text", file: "captions/nova-einstein.srt", format: SRT,
			style: LabelUpper, start: 14848,
			want: say("MAN", "When we think", "of E equals m c-squared,"),
		},
		{
			name: "Netflix [Name] after its tags are removed", file: "captions/netflix-chicas-del-cable.vtt", format: WebVTT,
			style: LabelBracket, start: 7960,
			want: []caption.Line{{Speaker: "Alba", Text: "En 1928,", Spans: []caption.Span{{Text: "En 1928,", Style: caption.Style{Italic: true}}}}},
		},
		{
			name: "Lex Fridman dash before a bracket label", file: "captions/lexfridman-333-karpathy.srt", format: SRT,
			style: LabelBracket, start: 0,
			want:   captest.Dashed(say("Andrej", "I think it's possible", "that physics has exploits")),
			reason: "the cold open is the dash before Lex's introduction, which is the dash before [Lex]…",
		},
		{
			name: "labels none keeps the text", file: "captions/nova-einstein.srt", format: SRT, labels: LabelNone,
			style: LabelUpper, start: 14848,
			want: say("", "MAN:", "When we think", "of E equals m c-squared,"),
		},
		{
			name: "labels dash on Lex alternates anonymous speakers", file: "captions/lexfridman-333-karpathy.srt", format: SRT, labels: LabelDash,
			style: LabelBracket, start: 0,
			want: captest.Dashed(say("Speaker 1", "I think it's possible", "that physics has exploits")),
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := readFile(t, tc.file, tc.format, tc.labels)
			if d := cmp.Diff(tc.want, findCue(t, doc, tc.start).Lines); d != "" {
				t.Errorf("cue at %d ms (-want +got):\n%s", tc.start, d)
			}
			raw := readFile(t, tc.file, tc.format, LabelNone)
			if got := labels.Detect(raw); got != tc.style {
				t.Errorf("labels.Detect() = %q, want %q", got, tc.style)
			}
		})
	}
}

func TestParseLabelStyle(t *testing.T) {
	for _, name := range LabelStyles() {
		if s, err := ParseLabelStyle(name); err != nil || string(s) != name {
			t.Errorf("ParseLabelStyle(%q) = %q, %v", name, s, err)
		}
	}
	if s, err := ParseLabelStyle(""); s != LabelAuto || err != nil {
		t.Errorf("ParseLabelStyle(\"\") = %q, %v, want auto", s, err)
	}
	if _, err := ParseLabelStyle("colour"); err == nil {
		t.Error("ParseLabelStyle(colour) succeeded")
	}
}

// labelShaped is text that opens like a "Name: " label.
var labelShaped = regexp.MustCompile(`^\p{Lu}[\p{L} .'-]{0,30}: `)

// TestLabelsReadBack writes real and small labelled files as SRT, with the
// labels capconv shows, and reads them back: every line keeps its
// speaker, its text and its dash. Files capconv wrote label only changes
// of speaker, so a name may be said once and a file may hold one label.
func TestLabelsReadBack(t *testing.T) {
	small := func(lines ...[]caption.Line) *caption.Document {
		d := &caption.Document{}
		for i, l := range lines {
			d.Cues = append(d.Cues, caption.Cue{Start: ms(int64(i) * 2000), End: ms(int64(i)*2000 + 1500), Lines: l})
		}
		return d
	}
	docs := map[string]*caption.Document{
		"one label":       small(say("Ann Lee", "Hello.")),
		"two labels":      small(say("Ann", "Hello."), say("Bob", "Hi.")),
		"name said once":  small(say("Ann", "Hello."), say("Bob", "Hi."), say("Ann", "Bye."), say("Carla Ruiz", "Wait."), say("Ann", "What?"), say("Bob", "Go.")),
		"names as people": small(say("Ashlee Kupor (SL)", "Hello."), say("Dr. Jane Smith", "Hi."), say("王小明", "你好。")),
	}
	for _, name := range []string{"captions/netflix-chicas-del-cable.vtt", "captions/nova-einstein.srt", "captions/zoom-class-preasync.vtt", "captions/teams-starmine-call.vtt", "captions/lexfridman-333-karpathy.srt"} {
		f, _ := FormatFromPath(name)
		docs[name] = readFile(t, name, f, LabelAuto)
	}
	for name, doc := range docs {
		for _, style := range []LabelStyle{LabelAuto, LabelName, LabelUpper, LabelBracket} {
			t.Run(name+"/"+string(style), func(t *testing.T) {
				var b bytes.Buffer
				if err := Write(&b, doc, SRT, Options{ShowSpeakers: style}); err != nil {
					t.Fatal(err)
				}
				back, err := Read(bytes.NewReader(b.Bytes()), SRT, Options{File: "back.srt"})
				if err != nil {
					t.Fatal(err)
				}
				upper := style == LabelUpper || style == LabelAuto && doc.SpeakersShown == string(LabelUpper)
				lost := 0
				for i, c := range doc.Cues {
					if i >= len(back.Cues) {
						t.Fatalf("%d cues read back, want %d", len(back.Cues), len(doc.Cues))
					}
					want := append([]caption.Line(nil), c.Lines...)
					for j := range want {
						if upper {
							want[j].Speaker = strings.ToUpper(want[j].Speaker)
						}
						want[j].Spans = nil // SRT keeps styles; compared elsewhere
					}
					// A dialogue cue gets a dash before each speaker.
					shownDashes(&caption.Document{Cues: []caption.Cue{{Lines: want}}})
					got := append([]caption.Line(nil), back.Cues[i].Lines...)
					for j := range got {
						got[j].Spans = nil
						// Text shaped like a label of the style written
						// ("Digo: …", Spanish for "I say: …") cannot be
						// told from one; auto writes the source's style.
						if j < len(want) && want[j].Speaker == "" && got[j].Speaker != "" && labelShaped.MatchString(want[j].Text) {
							got[j] = want[j]
						}
					}
					if d := cmp.Diff(want, got); d != "" {
						if lost++; lost <= 3 {
							t.Errorf("cue %d (-want +got):\n%s", i+1, d)
						}
					}
				}
				if lost > 0 {
					t.Errorf("%d of %d cues changed on reading back", lost, len(doc.Cues))
				}
			})
		}
	}
}

// TestLookalikeLabelsStayText: text that only looks like a label or a
// dash of its own speaker ("Ann: hi" said by Ann, "- yo") reads back as
// text from the formats whose writers escape it (WebVTT, ASS): Read takes
// no label out a second time.
func TestLookalikeLabelsStayText(t *testing.T) {
	want := []caption.Cue{
		{Start: 0, End: ms(1000), Lines: say("Ann", "Ann: hi")},
		{Start: ms(1000), End: ms(2000), Lines: say("Bob", "- yo")},
	}
	for _, f := range []Format{WebVTT, ASS} {
		b, err := Marshal(&caption.Document{Cues: want}, f, Options{})
		if err != nil {
			t.Fatal(err)
		}
		got, err := Read(bytes.NewReader(b), f, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(want, got.Cues); d != "" {
			t.Errorf("%s round trip (-want +got):\n%s\n%s", f, d, b)
		}
	}
}
