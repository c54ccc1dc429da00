package capjson

import (
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/captest"
	"github.com/capconv/capconv/convert/internal/text"
	"github.com/google/go-cmp/cmp"
)

func TestWriteJSON(t *testing.T) {
	ms, say, cat := captest.Ms, captest.Say, captest.Cat
	d := &caption.Document{Title: "T", Chapters: []caption.Chapter{{Start: 0, End: ms(1500), Title: "One"}}, Cues: []caption.Cue{
		{ID: "x", Start: ms(1500), End: ms(2250), Lines: say("Ann", "a <b>", "c")},
		{Start: ms(3000), End: ms(4001), Lines: cat(say("Ann", "hi"), say("", "yo"))},
	}}
	b, err := Append(nil, d)
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "version": 2,
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
	if d := cmp.Diff(want, string(b)); d != "" {
		t.Errorf("Append() (-want +got):\n%s", d)
	}
}

func FuzzReadJSON(f *testing.F) {
	captest.AddSeeds(f, "*.golden.json")
	b, err := Append(nil, captest.Safety())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	styled, err := Append(nil, styledDoc())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(styled)
	f.Add([]byte(`{"version": 2, "speakers_shown": "dash", "cues": [{"start": 1, "end": 2, "vertical": "middle", "speaker": "", "lines": ["ab", ""], "dashes": [false, true], "spans": [[{"text": "a", "ruby": "x"}, {"text": "b", "color": "#00000080"}], []]}]}`))
	f.Add([]byte(`{"cues": [{"start": 1.0005, "end": 2, "speaker": "A", "lines": ["x", ""], "speakers": ["", "B"]}], "chapters": [{"start": 0, "title": "c"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		captest.FuzzRoundTrip(t, data, Read, Append, Read, time.Millisecond)
	})
}

const oneCue = `"cues": [{"start": 1, "end": 2, "speaker": "", "lines": ["a"]}]`

func TestReadJSONInvalid(t *testing.T) {
	captest.CheckInvalid(t, Read, []captest.InvalidCase{
		{Name: "a second object", Input: "{" + oneCue + "}\n{" + oneCue + "}\n", Line: 2, Col: 1, Err: caption.ErrSyntax},
		{Name: "trailing text on the line", Input: "{" + oneCue + "}  x", Line: 1, Col: 68, Err: caption.ErrSyntax},
		{Name: "a stray brace", Input: "{" + oneCue + "\n}\n}", Line: 3, Col: 1, Err: caption.ErrSyntax},
		{Name: "unclosed object", Input: "{" + oneCue, Line: 1, Col: 65, Err: caption.ErrSyntax},
		{Name: "chapter ends before it starts", Input: "{\"chapters\": [{\"start\": 0, \"end\": 5, \"title\": \"A\"},\n  {\"start\": 10, \"end\": 9, \"title\": \"B\"}],\n" + oneCue + "}",
			Line: 2, Col: 3, Err: caption.ErrBadTimestamp},
		{Name: "chapters not an array", Input: "{\"chapters\": 3, " + oneCue + "}", Line: 1, Col: 14, Err: caption.ErrSyntax},
		{Name: "a newer version", Input: "{\"version\": 3,\n" + oneCue + "}", Line: 1, Col: 13, Err: caption.ErrSyntax},
		{Name: "version 0", Input: "{" + oneCue + ",\n\"version\": 0}", Line: 2, Col: 12, Err: caption.ErrSyntax},
		{Name: "unknown vertical placement", Input: "{\"cues\": [\n{\"start\": 1, \"end\": 2, \"vertical\": \"up\", \"lines\": [\"a\"]}]}", Line: 2, Col: 1, Err: caption.ErrSyntax},
		{Name: "unknown horizontal placement", Input: "{\"cues\": [\n{\"start\": 1, \"end\": 2, \"horizontal\": \"Left\", \"lines\": [\"a\"]}]}", Line: 2, Col: 1, Err: caption.ErrSyntax},
		{Name: "dashes not one per line", Input: "{\"cues\": [{\"start\": 0, \"end\": 1, \"lines\": [\"a\"]},\n  {\"start\": 1, \"end\": 2, \"lines\": [\"a\", \"b\"], \"dashes\": [true]}]}", Line: 2, Col: 3, Err: caption.ErrSyntax},
		{Name: "spans not one list per line", Input: "{\"cues\": [\n{\"start\": 1, \"end\": 2, \"lines\": [\"a\", \"b\"], \"spans\": [null]}]}", Line: 2, Col: 1, Err: caption.ErrSyntax},
		{Name: "spans that do not join to the line", Input: "{\"cues\": [\n{\"start\": 1, \"end\": 2, \"lines\": [\"ab\"], \"spans\": [[{\"text\": \"a\", \"bold\": true}, {\"text\": \"c\"}]]}]}", Line: 2, Col: 1, Err: caption.ErrSyntax},
		{Name: "a colour in upper case", Input: "{\"cues\": [\n{\"start\": 1, \"end\": 2, \"lines\": [\"a\"], \"spans\": [[{\"text\": \"a\", \"color\": \"#FF0000\"}]]}]}", Line: 2, Col: 1, Err: caption.ErrSyntax},
		{Name: "chapter start not a number", Input: "{\"chapters\": [{\"start\": \"x\", \"title\": \"A\"}], " + oneCue + "}", Line: 1, Col: 15, Err: caption.ErrBadTimestamp},
	})
}

func TestReadJSONChapters(t *testing.T) {
	ms := captest.Ms
	tests := []struct {
		name, chapters string
		want           []caption.Chapter
	}{
		{name: "end unknown", chapters: `[{"start": 5, "title": "A"}]`, want: []caption.Chapter{{Start: ms(5000), Title: "A"}}},
		{name: "end at the start", chapters: `[{"start": 5, "end": 5, "title": "A"}]`, want: []caption.Chapter{{Start: ms(5000), End: ms(5000), Title: "A"}}},
		{name: "null", chapters: `null`},
		{name: "empty", chapters: `[]`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Read([]byte(`{"chapters": `+tc.chapters+", "+oneCue+"}\n\n"), text.Source{})
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tc.want, doc.Chapters); d != "" {
				t.Errorf("Read() chapters mismatch (-want +got):\n%s", d)
			}
		})
	}
}

func TestWriteJSONChapterEndBeforeStart(t *testing.T) {
	ms := captest.Ms
	d := &caption.Document{Chapters: []caption.Chapter{{Start: ms(9000), End: ms(5000), Title: "late"}},
		Cues: []caption.Cue{{Start: 0, End: ms(5000), Lines: captest.Say("", "a")}}}
	b, err := Append(nil, d)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Read(b, text.Source{})
	if err != nil {
		t.Fatalf("Read(Append()) = %v\n%s", err, b)
	}
	if d := cmp.Diff([]caption.Chapter{{Start: ms(9000), Title: "late"}}, got.Chapters); d != "" {
		t.Errorf("chapters mismatch (-want +got):\n%s", d)
	}
}

// styledDoc is a document with every field version 2 added.
func styledDoc() *caption.Document {
	ms := captest.Ms
	return &caption.Document{Language: "ja", SpeakersShown: "upper", Cues: []caption.Cue{
		{ID: "1", Start: 0, End: ms(1000), Placement: caption.Placement{Vertical: caption.Top, Horizontal: caption.Left}, Lines: []caption.Line{
			caption.StyledLine("Ann", []caption.Span{{Text: "Hello "}, {Text: "there", Style: caption.Style{Italic: true, Color: "#ffff00"}}}),
			{Speaker: "Bo", Text: "Hi", Dash: true},
		}},
		{Start: ms(1000), End: ms(2000), Placement: caption.Placement{Vertical: caption.Middle, Horizontal: caption.Right}, Lines: []caption.Line{
			caption.StyledLine("", []caption.Span{{Text: "漢", Style: caption.Style{Ruby: "かん", Bold: true}}, {Text: "字", Style: caption.Style{Underline: true, Class: "loud yell", Color: "#00ff0080"}}}),
		}},
		{Start: ms(2000), End: ms(3000), Placement: caption.Placement{Horizontal: caption.Right}, Lines: captest.Say("", "plain")},
	}}
}

func TestJSONStyledRoundTrip(t *testing.T) {
	want := styledDoc()
	b, err := Append(nil, want)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Read(b, text.Source{})
	if err != nil {
		t.Fatalf("Read(Append()) error: %v\n%s", err, b)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Read(Append()) mismatch (-want +got):\n%s\n%s", d, b)
	}
}

func TestWriteJSONStyled(t *testing.T) {
	ms := captest.Ms
	d := &caption.Document{SpeakersShown: "name", Cues: []caption.Cue{{Start: ms(1000), End: ms(2000), Placement: caption.Placement{Vertical: caption.Top},
		Lines: []caption.Line{{Text: "a", Dash: true}, caption.StyledLine("", []caption.Span{{Text: "b "}, {Text: "c", Style: caption.Style{Bold: true, Ruby: "x"}}})}}}}
	b, err := Append(nil, d)
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "version": 2,
  "speakers_shown": "name",
  "cues": [
    {
      "start": 1,
      "end": 2,
      "vertical": "top",
      "speaker": "",
      "lines": [
        "a",
        "b c"
      ],
      "dashes": [
        true,
        false
      ],
      "spans": [
        null,
        [
          {
            "text": "b "
          },
          {
            "text": "c",
            "bold": true,
            "ruby": "x"
          }
        ]
      ]
    }
  ]
}
`
	if d := cmp.Diff(want, string(b)); d != "" {
		t.Errorf("Append() (-want +got):\n%s", d)
	}
}

func TestReadJSONVersions(t *testing.T) {
	ms := captest.Ms
	tests := []struct {
		name   string
		reason string
		input  string
		want   []caption.Cue
	}{
		{
			name:   "version 1: no version key",
			input:  `{"cues": [{"start": 1, "end": 2, "speaker": "A", "lines": ["a"]}]}`,
			want:   []caption.Cue{{Start: ms(1000), End: ms(2000), Lines: captest.Say("A", "a")}},
			reason: "the files capconv wrote before styling read as they did",
		},
		{
			name:  "version 1 declared",
			input: `{"version": 1, "cues": [{"start": 1, "end": 2, "speaker": "", "lines": ["a"]}]}`,
			want:  []caption.Cue{{Start: ms(1000), End: ms(2000), Lines: captest.Say("", "a")}},
		},
		{
			name:   "plain spans make a plain line",
			input:  `{"version": 2, "cues": [{"start": 1, "end": 2, "horizontal": "center", "speaker": "", "lines": ["ab", "c"], "spans": [[{"text": "a"}, {"text": "b"}], null]}]}`,
			want:   []caption.Cue{{Start: ms(1000), End: ms(2000), Lines: captest.Say("", "ab", "c")}},
			reason: "the model's plain line has nil spans; \"center\" is the default",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Read([]byte(tc.input), text.Source{})
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tc.want, doc.Cues); d != "" {
				t.Errorf("Read() mismatch (-want +got):\n%s", d)
			}
		})
	}
}

func TestWriteJSONSpansNotJoiningText(t *testing.T) {
	ms := captest.Ms
	bad := caption.Line{Text: "abc", Spans: []caption.Span{{Text: "ab", Style: caption.Style{Bold: true}}}}
	d := &caption.Document{Cues: []caption.Cue{{Start: 0, End: ms(1000), Lines: []caption.Line{bad}}}}
	b, err := Append(nil, d)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Read(b, text.Source{})
	if err != nil {
		t.Fatalf("Read(Append()) error: %v\n%s", err, b)
	}
	if d := cmp.Diff(captest.Say("", "abc"), got.Cues[0].Lines); d != "" {
		t.Errorf("lines (-want +got):\n%s", d)
	}
}
