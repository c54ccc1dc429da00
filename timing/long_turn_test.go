package timing

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
)

// longText returns about n bytes of words, sentences ending every few
// words, from a seeded generator.
func longText(r *rand.Rand, n int) string {
	var b strings.Builder
	for b.Len() < n {
		w := fmt.Sprintf("w%d", r.IntN(5000))
		if r.IntN(9) == 0 {
			w += "."
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

// TestLongTurn checks a turn far past pieceBytes, cut a piece at a time:
// every word comes out once and in order, cues stay in order within the
// turn's window and readable, and the label's room is kept only on the
// first cue.
func TestLongTurn(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	text := longText(r, 3*pieceBytes+12345)
	next := 50 * time.Hour
	half := strings.IndexByte(text[pieceBytes/2:], ' ') + pieceBytes/2
	doc := &caption.Document{Segments: []caption.Segment{
		{Start: time.Second, Speaker: "Ann", Paragraphs: []string{text[:half], text[half+1:]}},
		{Start: next, Speaker: "Bo", Paragraphs: []string{"Bye now."}},
	}}
	if !long(doc.Segments[0]) || long(doc.Segments[1]) {
		t.Fatal("long() misjudges the turns")
	}
	turns := NewTurns(doc, Options{})
	turns.words = nil // as for a transcript past keepWords
	turns.MakeCues(doc, func(string) int { return 5 })
	var got []string
	for i, c := range doc.Cues {
		if i > 0 && c.Start < doc.Cues[i-1].Start {
			t.Fatalf("cue %d starts at %v, before cue %d's %v", i+1, c.Start, i, doc.Cues[i-1].Start)
		}
		if c.End <= c.Start {
			t.Fatalf("cue %d: %v --> %v", i+1, c.Start, c.End)
		}
		for _, l := range c.Lines {
			if n := len([]rune(l.Text)); n > 42 {
				t.Fatalf("cue %d: line of %d characters: %q", i+1, n, l.Text)
			}
			got = append(got, strings.Fields(l.Text)...)
		}
	}
	want := append(strings.Fields(text), "Bye", "now.")
	if len(got) != len(want) {
		t.Fatalf("%d words out, %d in", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("word %d is %q, want %q", i, got[i], want[i])
		}
	}
	last, bye := doc.Cues[len(doc.Cues)-2], doc.Cues[len(doc.Cues)-1]
	if last.End > bye.Start || bye.Start < next {
		t.Errorf("the long turn ends at %v, the next starts at %v: want the next turn at %v or later, after it", last.End, bye.Start, next)
	}
	// Its cues spread over the window, not bunched in one piece's share.
	mid := doc.Cues[len(doc.Cues)/2]
	if mid.Start < time.Hour {
		t.Errorf("the middle cue starts at %v: the pieces did not share the window", mid.Start)
	}
}

func TestPieceCut(t *testing.T) {
	pad := strings.Repeat("x", pieceBytes-3)
	tests := []struct {
		name, text string
		want       int
	}{
		{"a sentence end after the mark", pad + " ab cd. ef gh.", pieceBytes + 4},
		{"no sentence end: the first space", pad + " abcd efgh", pieceBytes + 2},
		{"a space far away", pad + strings.Repeat("y", 100<<10) + " z", pieceBytes - 3 + 100<<10},
		{"no space: at a rune boundary", strings.Repeat("语", pieceBytes), pieceBytes + 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := pieceCut(tc.text); got != tc.want {
				t.Errorf("pieceCut = %d, want %d (around: %q)", got, tc.want, tc.text[max(got-8, 0):min(got+8, len(tc.text))])
			}
		})
	}
}
