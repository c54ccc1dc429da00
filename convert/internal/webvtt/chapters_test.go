package webvtt

import (
	"testing"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/text"
	"github.com/google/go-cmp/cmp"
)

func TestWriteChapters(t *testing.T) {
	d := &caption.Document{Chapters: []caption.Chapter{{Start: 0, Title: "Intro & <hello>"}, {Start: ms(60000), Title: ""}},
		Cues: []caption.Cue{{Start: ms(61000), End: ms(90500)}}}
	b, err := AppendChapters(nil, d)
	if err != nil {
		t.Fatal(err)
	}
	want := "WEBVTT\n\n1\n00:00:00.000 --> 00:01:00.000\nIntro &amp; &lt;hello&gt;\n\n2\n00:01:00.000 --> 00:01:30.500\nChapter 2\n\n"
	if diff := cmp.Diff(want, string(b)); diff != "" {
		t.Errorf("AppendChapters() (-want +got):\n%s", diff)
	}
	back, err := Read(b, text.Source{})
	if err != nil || len(back.Cues) != 2 {
		t.Errorf("reading the chapters back: %v", err)
	}
	if _, err := AppendChapters(b, &caption.Document{}); err == nil {
		t.Error("AppendChapters() without chapters succeeded")
	}
}
