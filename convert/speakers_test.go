package convert

import (
	"errors"
	"strings"
	"testing"

	"github.com/capconv/capconv/convert/caption"
	"github.com/google/go-cmp/cmp"
)

func TestReadSpeakerMap(t *testing.T) {
	got, err := ReadSpeakerMap(strings.NewReader("from,to\nSPEAKER_00, Ann Lee\n\n\"Lee, Bob\",Bob Lee\nUnknown Speaker,Guest\n"), "names.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"SPEAKER_00": "Ann Lee", "Lee, Bob": "Bob Lee", "Unknown Speaker": "Guest"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("ReadSpeakerMap() mismatch (-want +got):\n%s", d)
	}
}

func TestReadSpeakerMapInvalid(t *testing.T) {
	tests := []struct {
		name, in string
		line     int
	}{
		{name: "one field", in: "A,B\nSPEAKER_00\n", line: 2},
		{name: "three fields", in: "A,B\nC,D,E\n", line: 2},
		{name: "empty name", in: "A,B\n,D\n", line: 2},
		{name: "renamed twice", in: "A,B\n\nA,C\n", line: 3},
		{name: "bad quote", in: "A,B\n\"C,D\n", line: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadSpeakerMap(strings.NewReader(tt.in), "names.csv")
			var pe *caption.ParseError
			if !errors.As(err, &pe) || !errors.Is(err, caption.ErrSyntax) {
				t.Fatalf("got %v, want a *ParseError with ErrSyntax", err)
			}
			if pe.Pos.File != "names.csv" || pe.Pos.Line != tt.line {
				t.Errorf("got %v, want names.csv:%d", err, tt.line)
			}
		})
	}
}

func TestRenameSpeakers(t *testing.T) {
	doc := &caption.Document{
		Segments: []caption.Segment{{Speaker: "SPEAKER_00"}, {Speaker: "Bob"}, {}},
		Cues:     []caption.Cue{{Lines: []caption.Line{{Speaker: "SPEAKER_00", Text: "Hi"}, {Speaker: "Bob", Text: "Yo"}}}},
	}
	doc.RenameSpeakers(map[string]string{"SPEAKER_00": "Ann"})
	want := &caption.Document{
		Segments: []caption.Segment{{Speaker: "Ann"}, {Speaker: "Bob"}, {}},
		Cues:     []caption.Cue{{Lines: []caption.Line{{Speaker: "Ann", Text: "Hi"}, {Speaker: "Bob", Text: "Yo"}}}},
	}
	if d := cmp.Diff(want, doc); d != "" {
		t.Errorf("RenameSpeakers() mismatch (-want +got):\n%s", d)
	}
}
