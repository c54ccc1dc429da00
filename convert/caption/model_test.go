package caption

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestPositionString(t *testing.T) {
	for _, tc := range []struct {
		pos  Position
		want string
	}{
		{Position{File: "a.srt", Line: 3, Col: 7}, "a.srt:3:7"},
		{Position{File: "a.srt", Line: 3}, "a.srt:3"},
		{Position{File: "a.srt", Col: 7}, "a.srt"},
		{Position{Line: 2}, "<input>:2"},
		{Position{File: "talks/ann lee.txt", Line: 2}, "talks/ann lee.txt:2"},
		{Position{File: "café.txt", Line: 2}, "café.txt:2"},
		{Position{File: "a\nb.txt", Line: 2}, `"a\nb.txt":2`},
		{Position{File: "a\tb.txt"}, `"a\tb.txt"`},
		{Position{File: "\x1b[31mred.txt", Line: 1}, `"\x1b[31mred.txt":1`},
		{Position{File: "latin1-\xe9.txt", Line: 1}, `"latin1-\xe9.txt":1`},
	} {
		if got := tc.pos.String(); got != tc.want {
			t.Errorf("%+v.String() = %q, want %q", tc.pos, got, tc.want)
		}
	}
}

func TestParseErrorIs(t *testing.T) {
	err := error(&ParseError{Pos: Position{File: "a.txt", Line: 4}, Err: ErrUnknownDialect})
	if !errors.Is(err, ErrUnknownDialect) || !errors.Is(err, ErrNoContent) {
		t.Errorf("%v: want it to match ErrUnknownDialect and ErrNoContent", err)
	}
	if got, want := err.Error(), "a.txt:4: unknown transcript dialect"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestSpeakersAndRename(t *testing.T) {
	d := &Document{
		Segments: []Segment{{Speaker: "SPEAKER_00"}, {Speaker: ""}},
		Cues: []Cue{
			{Lines: []Line{{Speaker: "SPEAKER_01", Text: "a"}, {Speaker: "SPEAKER_00", Text: "b"}}},
			{Lines: []Line{{Speaker: "Guest", Text: "c"}}},
		},
	}
	d.RenameSpeakers(map[string]string{"SPEAKER_00": "Ann Lee", "SPEAKER_01": "Bob"})
	if d := cmp.Diff([]string{"Ann Lee", "Bob", "Guest"}, d.Speakers()); d != "" {
		t.Errorf("Speakers() after RenameSpeakers (-want +got):\n%s", d)
	}
	if got := d.Cues[0].Speaker(); got != "" {
		t.Errorf("Speaker() of a two-speaker cue = %q, want \"\"", got)
	}
	if got := d.Cues[1].Speaker(); got != "Guest" {
		t.Errorf("Speaker() = %q, want Guest", got)
	}
}

func TestSortCuesKeepsEqualStarts(t *testing.T) {
	cs := []Cue{{ID: "b", Start: time.Second}, {ID: "a", Start: 0}, {ID: "c", Start: time.Second}}
	SortCues(cs)
	var ids []string
	for _, c := range cs {
		ids = append(ids, c.ID)
	}
	if d := cmp.Diff([]string{"a", "b", "c"}, ids); d != "" {
		t.Errorf("SortCues (-want +got):\n%s", d)
	}
}
