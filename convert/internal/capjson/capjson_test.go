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
