// Package japanese analyses Japanese text with a morphological analyser
// (kagome, with the IPA dictionary MeCab uses): where its morphemes are,
// their parts of speech, and how they are said.
package japanese

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/ikawaha/kagome-dict/ipa"
	"github.com/ikawaha/kagome/v2/tokenizer"
)

// Tokenizer loads the dictionary on first use: it takes half a second and
// 90 MiB, which only Japanese text needs.
var Tokenizer = sync.OnceValue(func() *tokenizer.Tokenizer {
	t, err := tokenizer.New(ipa.Dict(), tokenizer.OmitBosEos())
	if err != nil {
		panic("japanese: the IPA dictionary does not load: " + err.Error()) // it is compiled in
	}
	return t
})

// Spoken returns, for each of words (the pieces of a Japanese text, in
// order, as they are written), what a speaker says for it, in kana: each
// morpheme as the dictionary pronounces it (握り飯 → ニギリメシ, は →
// ワ, 今日 → キョー), said by the piece it starts in, the other pieces it
// covers saying nothing of their own. A word the dictionary lacks (Latin
// letters, digits, marks, a run of kana it cannot read) is said as
// written, whole, by the piece it starts in too: a character at a time,
// its kana are said apart, and the anime's track was aligned worse so
// (a median of 0.19 s against 0.16 s). A speech synthesizer that reads
// kana but not kanji (espeak-ng names each kanji "Chinese letter") then
// says what a Japanese speaker says.
func Spoken(words []string) []string {
	out := make([]string, len(words))
	var text strings.Builder
	starts := make([]int, len(words)) // byte offset of each word in text
	for i, w := range words {
		starts[i] = text.Len()
		text.WriteString(w)
	}
	owner := 0 // the word a byte offset falls in, advanced in order
	wordAt := func(at int) int {
		for owner+1 < len(words) && starts[owner+1] <= at {
			owner++
		}
		return owner
	}
	s := text.String()
	for base := 0; base < len(s); {
		end := PieceEnd(s, base)
		for _, t := range Tokenizer().Tokenize(s[base:end]) {
			at := base + t.Position
			w := wordAt(at)
			said := t.Surface
			if p, ok := t.Pronunciation(); ok && p != "*" && p != "" {
				said = p
			}
			// A morpheme that runs on into the next pieces is said by the
			// one it starts in: those it covers say nothing of their own.
			out[w] += said
		}
		base = end
	}
	return out
}

// PieceLength is the longest text handed to the analyser at once: its
// lattice grows with the text, and a text may run to millions of
// characters without a sentence end.
const PieceLength = 1 << 10

// PieceEnd is where the piece of text from base that is analysed at once
// ends: after the last sentence end within PieceLength bytes, else at a
// character boundary there, else at the end of text.
func PieceEnd(text string, base int) int {
	if len(text)-base <= PieceLength {
		return len(text)
	}
	limit := base + PieceLength
	for limit > base+1 && !utf8.RuneStart(text[limit]) {
		limit--
	}
	for i := limit; i > base+PieceLength/2; {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if r == '。' || r == '！' || r == '？' || r == '!' || r == '?' {
			return i
		}
		i -= size
	}
	return limit
}
