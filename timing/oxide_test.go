package timing_test

import (
	"strings"
	"testing"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/timing"
	"github.com/google/go-cmp/cmp"
)

// TestMakeCuesKeepsEveryWordOfOxide times the Oxide sample, whose ASR
// segments often share a start with the line before, and checks that the
// cues say every word of the segments, in order, and stay in time order.
func TestMakeCuesKeepsEveryWordOfOxide(t *testing.T) {
	doc, err := convert.ReadFile("../testdata/transcripts/oxide-and-friends_time-timezones_transcript.txt", convert.Options{From: convert.Transcript})
	if err != nil {
		t.Fatal(err)
	}
	shared := 0
	var want []string
	for i, s := range doc.Segments {
		if i > 0 && s.Start == doc.Segments[i-1].Start {
			shared++
		}
		want = append(want, strings.Fields(s.Text())...)
	}
	if shared == 0 {
		t.Fatal("the sample has no duplicate start times: the test proves nothing")
	}
	timing.MakeCues(doc, timing.Options{})
	var got []string
	for i, c := range doc.Cues {
		if c.End < c.Start || (i > 0 && c.Start < doc.Cues[i-1].Start) {
			t.Errorf("cue %d: %v–%v out of order", i, c.Start, c.End)
		}
		for _, l := range c.Lines {
			got = append(got, strings.Fields(l.Text)...)
		}
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("words lost or changed (-segments +cues):\n%s", d)
	}
}
