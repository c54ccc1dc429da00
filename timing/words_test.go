package timing

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestAppendWordsLikeFields checks that the hand-written splitter cuts
// text where strings.Fields does, Unicode spaces and invalid UTF-8
// included, and counts widths in runes.
func TestAppendWordsLikeFields(t *testing.T) {
	for _, text := range []string{
		"", "   ", "one", " two  words ", "tab\tand\nnew\r\nline\v\f",
		"no\u00a0break\u2003em\u3000ideographic\u0085next", "café “quoted” naïve",
		"bad\xffbyte \xe2\x80 cut", "Mr. Smith, i.e. the (Doctor).",
	} {
		ws := splitWords(text)
		want := strings.Fields(text)
		if len(ws) != len(want) || countWords(text) != len(want) {
			t.Errorf("splitWords(%q): %d words, countWords %d, want %d", text, len(ws), countWords(text), len(want))
			continue
		}
		for i, w := range ws {
			if w.text != want[i] || int(w.width) != utf8.RuneCountInString(want[i]) {
				t.Errorf("splitWords(%q)[%d] = %q (width %d), want %q", text, i, w.text, w.width, want[i])
			}
		}
	}
}

// TestLowerLikeToLower checks lower against strings.ToLower, and that it
// gives up on words too long for its buffer rather than allocate.
func TestLowerLikeToLower(t *testing.T) {
	for _, w := range []string{
		"", "mr.", "MR.", "Approx.", "İNC.", "Ünïcödé", "東京", "bad\xffbyte",
		"ABCDEFGHIJKLMNOP", "abcdefghijklmnopq", "ÉÉÉÉÉÉÉÉÉ",
	} {
		var buf [16]byte
		got := lower(buf[:0], w)
		want := strings.ToLower(w)
		if len(want) > len(buf) {
			want = ""
			if got != nil {
				t.Errorf("lower(%q) = %q, want nil: it does not fit", w, got)
			}
		}
		if string(got) != want {
			t.Errorf("lower(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestWordFactsAllocateNothing: the facts of a word are found for every
// word of a transcript, so finding them must not allocate.
func TestWordFactsAllocateNothing(t *testing.T) {
	words := []string{"Mr.", "Dr.", "sentence.", "Throughout", "Can't", "Ángeles.", "ÉTAIT", "responsibilities."}
	allocs := testing.AllocsPerRun(100, func() {
		for _, w := range words {
			endsSentence(w)
			classOf(w)
		}
	})
	if allocs != 0 {
		t.Errorf("%v allocations per run, want 0", allocs)
	}
}

// TestSentenceAndClauseEnds checks the marks a sentence or clause ends
// with, through the quotes and brackets that may close after them.
func TestSentenceAndClauseEnds(t *testing.T) {
	for _, tt := range []struct {
		word             string
		sentence, clause bool
	}{
		{word: "done.", sentence: true},
		{word: `done."`, sentence: true},
		{word: "Mr.", sentence: false},
		{word: "です。」", sentence: true},    // a quote closed after its sentence
		{word: "ですね」", clause: true},      // a quote closed mid-sentence: a pause
		{word: "気がする＞", clause: true},     // an inner voice's ＜…＞ closed
		{word: "（笑）", clause: true},       // an aside
		{word: "好，", clause: true},        // a Chinese comma
		{word: "(laughs)", clause: false}, // Latin brackets: no pause of their own
		{word: "word", sentence: false},
	} {
		s := endsSentence(tt.word)
		c := clauseEnd(tt.word, lastRune(tt.word))
		if s != tt.sentence || c != tt.clause {
			t.Errorf("%q: sentence %v, clause %v; want %v, %v", tt.word, s, c, tt.sentence, tt.clause)
		}
	}
}
