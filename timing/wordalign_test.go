package timing

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/capconv/capconv/convert/caption"
)

func sec(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

func TestSnapToPauses(t *testing.T) {
	spans := []SpeechSpan{{sec(0), sec(2)}, {sec(2.5), sec(4)}, {sec(4.1), sec(6)}, {sec(7), sec(9)}}
	for _, c := range []struct {
		name     string
		at, want []time.Duration
	}{
		{"a boundary near a pause moves into it",
			[]time.Duration{sec(0), sec(1.8), sec(5.5)}, []time.Duration{sec(0), sec(2.5), sec(5.5)}},
		{"a boundary inside a pause goes to the speech after it",
			[]time.Duration{sec(0), sec(2.2), sec(9)}, []time.Duration{sec(0), sec(2.5), sec(9)}},
		{"too far from any pause: it stays",
			[]time.Duration{sec(0), sec(1.0), sec(3.2), sec(9)}, []time.Duration{sec(0), sec(1.0), sec(3.2), sec(9)}},
		{"a pause under anchorPause (4.0 to 4.1) is no anchor",
			[]time.Duration{sec(0), sec(4.05), sec(9)}, []time.Duration{sec(0), sec(4.05), sec(9)}},
		{"the nearest of two boundaries takes the pause",
			[]time.Duration{sec(0), sec(5.75), sec(5.9), sec(9)}, []time.Duration{sec(0), sec(5.75), sec(7), sec(9)}},
	} {
		got := append([]time.Duration(nil), c.at...)
		snapToPauses(got, spans)
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: got %v, want %v", c.name, got, c.want)
				break
			}
		}
	}
}

func TestPieceEnd(t *testing.T) {
	many := func(n int, every int, end string) []word {
		var b strings.Builder
		for i := range n {
			b.WriteString("word")
			if every > 0 && (i+1)%every == 0 {
				b.WriteString(end)
			}
			b.WriteString(" ")
		}
		return splitWords(b.String())
	}
	for _, c := range []struct {
		name string
		ws   []word
		from int
		want int
	}{
		{"short: the whole", many(alignPiece, 0, ""), 0, alignPiece},
		{"after the last sentence end within the piece", many(3*alignPiece, 70, "."), 0, alignPiece / 70 * 70},
		{"a clause end when no sentence ends", many(3*alignPiece, 70, ","), 0, alignPiece / 70 * 70},
		{"no punctuation: alignPiece words", many(3*alignPiece, 0, ""), 10, 10 + alignPiece},
	} {
		if got := pieceEnd(c.ws, c.from); got != c.want {
			t.Errorf("%s: %d, want %d", c.name, got, c.want)
		}
	}
}

// TestWordAlignerTimesCues gives a turn an aligner that knows where each
// of its two sentences is said, in speech without a pause between them:
// the cue break falls where the aligner says, not where the syllables
// would spread it.
func TestWordAlignerTimesCues(t *testing.T) {
	text := "This first sentence is said very slowly indeed by the speaker. The second one is quick."
	n := len(strings.Fields(text))
	first := len(strings.Fields("This first sentence is said very slowly indeed by the speaker."))
	segs := []caption.Segment{{Start: 0, Speaker: "Ann", Paragraphs: []string{text}}}
	sp := &Speech{Duration: sec(20), Spans: []SpeechSpan{{sec(0.2), sec(12)}}}
	calls := 0
	sp.Words = func(turns [][]string, spans []SpeechSpan) []time.Duration {
		calls++
		if len(turns) != 1 || len(turns[0]) != n {
			t.Fatalf("aligner asked for %q", turns)
		}
		at := make([]time.Duration, n+1)
		for i := range at {
			if i <= first { // the first sentence takes 10 s
				at[i] = sec(0.2 + 10*float64(i)/float64(first))
			} else {
				at[i] = sec(10.2 + 1.8*float64(i-first)/float64(n-first))
			}
		}
		return at
	}
	doc := &caption.Document{Segments: segs}
	MakeCues(doc, Options{Speech: sp, MaxChars: 42, MaxLines: 2})
	if calls == 0 {
		t.Fatal("the aligner was not asked")
	}
	var second *caption.Cue
	for k := range doc.Cues {
		if strings.HasPrefix(doc.Cues[k].Lines[0].Text, "The second") {
			second = &doc.Cues[k]
		}
	}
	if second == nil {
		t.Fatalf("no cue starts the second sentence: %v", doc.Cues)
	}
	if d := second.Start - sec(10.2); d < -sec(0.05) || d > sec(0.05) {
		t.Errorf("the second sentence's cue starts at %v, want 10.2 s (the aligner's)", second.Start)
	}
}

// bobStart times Ann's turn at 0:00 and Bob's printed at 0:04 to spans,
// with an aligner that puts the boundary between their words at
// boundary seconds, and returns where Bob's first cue starts.
func bobStart(t *testing.T, spans []SpeechSpan, boundary float64) time.Duration {
	segs := []caption.Segment{
		{Start: 0, Speaker: "Ann", Paragraphs: []string{"one two three four five six seven eight nine ten"}},
		{Start: sec(4), Speaker: "Bob", Paragraphs: []string{"eleven twelve thirteen fourteen fifteen"}},
	}
	sp := &Speech{Duration: sec(12), Spans: spans}
	sp.Words = func(turns [][]string, spans []SpeechSpan) []time.Duration {
		var out []time.Duration
		for i, t := range turns {
			for j := range t {
				from, to := spans[0].Start, sec(boundary)
				if i == 1 {
					from, to = sec(boundary), spans[len(spans)-1].End
				}
				out = append(out, from+(to-from)*time.Duration(j)/time.Duration(len(t)))
			}
		}
		return append(out, spans[len(spans)-1].End)
	}
	doc := &caption.Document{Segments: segs}
	MakeCues(doc, Options{Speech: sp})
	for _, cue := range doc.Cues {
		if cue.Lines[0].Speaker == "Bob" {
			return cue.Start
		}
	}
	t.Fatal("no cue of Bob's")
	return 0
}

// TestRefineOnsetFindsATurnInRunOnSpeech: the second turn's speech runs
// on from the first's without a pause; the aligner's boundary between
// them starts it, within the second after its printed start.
func TestRefineOnsetFindsATurnInRunOnSpeech(t *testing.T) {
	for _, c := range []struct {
		boundary, want float64
	}{
		{4.6, 4.6},  // where the aligner says
		{8.0, 5.15}, // no later than a second (and onsetLate) after 0:04
		{2.0, 4.0},  // no earlier than the printed start
	} {
		got := bobStart(t, []SpeechSpan{{sec(0.1), sec(10)}}, c.boundary)
		if d := got - sec(c.want); d < -sec(0.01) || d > sec(0.01) {
			t.Errorf("aligner's boundary at %.2f s: Bob starts at %v, want %.2f s", c.boundary, got, c.want)
		}
	}
}

// TestRefineOnsetAfterAShortPause: speech that resumes just after a
// printed start, after a pause shorter than refinePause, may still be
// the last turn's: the aligner says where the turn starts. After a
// longer pause, the speech after it is the turn's, whatever the aligner
// says.
func TestRefineOnsetAfterAShortPause(t *testing.T) {
	for _, c := range []struct {
		name           string
		spans          []SpeechSpan
		boundary, want float64
	}{
		{"a comma's pause inside the last turn", []SpeechSpan{{sec(0.1), sec(4.05)}, {sec(4.25), sec(10)}}, 4.8, 4.8},
		{"a real pause before the turn", []SpeechSpan{{sec(0.1), sec(3.4)}, {sec(4.1), sec(10)}}, 4.8, 4.1},
	} {
		got := bobStart(t, c.spans, c.boundary)
		if d := got - sec(c.want); d < -sec(0.01) || d > sec(0.01) {
			t.Errorf("%s: Bob starts at %v, want %.2f s", c.name, got, c.want)
		}
	}
}

// TestAlignPiecesAreWhatTheAlignerIsAsked times turns with an aligner
// that records what it is asked: the word lists are those AlignPieces
// returns for the turn, in order, so that an aligner that prepares them
// ahead prepares what is asked: a long turn's pieces, and a turn without
// spaces in the words it is cut into.
func TestAlignPiecesAreWhatTheAlignerIsAsked(t *testing.T) {
	var b strings.Builder
	for i := range 1300 {
		fmt.Fprintf(&b, "word%d", i)
		switch {
		case i%37 == 36:
			b.WriteString(". ")
		case i%11 == 10:
			b.WriteString(", ")
		default:
			b.WriteString(" ")
		}
	}
	for _, tt := range []struct {
		name, text string
		pieces     int     // at least
		speech     float64 // seconds of speech
	}{
		{"a long turn", strings.TrimSpace(b.String()), 3, 590},
		{"Japanese", "ヒナーッ　ニャーたちにゴハンあげてー。あと　お皿並べてちょーだい。", 1, 6},
		{"Chinese", "我们今天讨论图书馆的设计，以及它的未来。", 1, 5},
	} {
		t.Run(tt.name, func(t *testing.T) {
			segs := []caption.Segment{{Start: 0, Speaker: "Ann", Paragraphs: []string{tt.text}}}
			sp := &Speech{Duration: sec(tt.speech + 1), Spans: []SpeechSpan{{sec(0.2), sec(tt.speech)}}}
			var asked [][]string
			sp.Words = func(turns [][]string, spans []SpeechSpan) []time.Duration {
				if len(turns) != 1 {
					t.Fatalf("asked for %d turns at once", len(turns))
				}
				asked = append(asked, turns[0])
				at := make([]time.Duration, len(turns[0])+1)
				for i := range at {
					at[i] = spans[0].Start + time.Duration(i)*(spans[len(spans)-1].End-spans[0].Start)/time.Duration(len(at)-1)
				}
				return at
			}
			MakeCues(&caption.Document{Segments: segs}, Options{Speech: sp})
			want := AlignPieces(strings.Fields(tt.text))
			if len(want) < tt.pieces {
				t.Fatalf("%d pieces, want %d or more", len(want), tt.pieces)
			}
			for _, p := range want {
				if len(p) > alignPiece {
					t.Errorf("a piece of %d words, above %d", len(p), alignPiece)
				}
			}
			if diff := cmp.Diff(want, asked); diff != "" {
				t.Errorf("the aligner was asked for other words than AlignPieces says (-want +asked):\n%s", diff)
			}
		})
	}
}
