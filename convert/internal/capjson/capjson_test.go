package capjson

import (
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/captest"
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
