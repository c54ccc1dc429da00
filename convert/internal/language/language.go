// Package language guesses the language of a document that does not say,
// for the formats that declare one (TTML's xml:lang, capconv's JSON).
package language

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"

	"github.com/capconv/capconv/convert/caption"
)

// Enough text to tell languages apart, and no more: detection reads at
// most maxSample bytes and needs minLetters letters. (whatlanggo's
// confidence goes wrong on long texts: an English sample of 8 KB scores
// -24, of 4 KB 1.)
const (
	maxSample  = 1 << 10
	minLetters = 150
)

// minConfidence is lower than whatlanggo's own "reliable" (0.8): close
// languages (Spanish, Portuguese, Galician) score 0.2 to 0.4 on 1 KB of
// text yet are guessed right, and any guess beats claiming English.
const minConfidence = 0.2

// Guess returns the ISO 639-1 tag of the language d's text is written in,
// or "" when the text is too short or the guess is not reliable.
func Guess(d *caption.Document) string {
	sample := make([]byte, 0, maxSample)
	// add appends s, cut at a character to fit, and reports whether there
	// is room for more.
	add := func(s string) bool {
		if room := maxSample - len(sample) - 1; len(s) > room {
			room = max(room, 0)
			for room > 0 && !utf8.RuneStart(s[room]) {
				room--
			}
			sample = append(sample, s[:room]...)
			return false
		}
		sample = append(append(sample, s...), ' ')
		return true
	}
	full := false
	for _, c := range d.Cues {
		for _, l := range c.Lines {
			if full = !add(l.Text); full {
				break
			}
		}
		if full {
			break
		}
	}
	for _, s := range d.Segments {
		if full {
			break
		}
		for _, p := range s.Paragraphs {
			if full = !add(p); full {
				break
			}
		}
	}
	var n scriptCounts
	for _, r := range string(sample) {
		n.add(r)
	}
	if tag := n.language(); tag != "" {
		return tag
	}
	if n.letters < minLetters {
		return ""
	}
	// Most files are English, which its commonest words tell at a
	// fraction of what the trigram detector costs (a millisecond a
	// file, most of `capconv check`'s time).
	if plainlyEnglish(sample) {
		return "en"
	}
	info := whatlanggo.Detect(string(sample))
	if info.Confidence < minConfidence {
		return ""
	}
	return info.Lang.Iso6391()
}

// scriptCounts counts a text's letters, and those of the scripts that
// tell a language on their own.
type scriptCounts struct{ letters, han, kana, hangul int }

// add counts r.
func (n *scriptCounts) add(r rune) {
	if unicode.IsLetter(r) {
		n.letters++
	}
	switch {
	case unicode.Is(unicode.Han, r):
		n.han++
	case unicode.In(r, unicode.Hiragana, unicode.Katakana):
		n.kana++
	case unicode.Is(unicode.Hangul, r):
		n.hangul++
	}
}

// language returns the language that the script of most of the text's
// letters tells on its own, however short the text: Korean for Hangul,
// Japanese for Han with kana among it, Chinese for Han alone; "" for any
// other script, which several languages share. A line or two of Chinese
// is too short for the trigram detector, yet set with English limits it
// runs 42 characters a line.
func (n scriptCounts) language() string {
	switch {
	case n.letters == 0:
		return ""
	case 2*n.hangul > n.letters:
		return "ko"
	case 2*(n.han+n.kana) <= n.letters:
		return ""
	case n.kana > 0 && 20*n.kana >= n.han+n.kana: // Japanese prose is a third kana or more; a stray kana is not
		return "ja"
	}
	return "zh"
}

// plainlyEnglish reports whether at least a tenth of the words of text
// are among the commonest English words (English captions: 16–33%),
// none of which is common in another language's text (French, Spanish
// and German captions: under 1%; "a", "in" and "on" are left out for
// that).
func plainlyEnglish(text []byte) bool {
	words, common := 0, 0
	for _, w := range bytes.Fields(text) {
		words++
		w = bytes.ToLower(bytes.Trim(w, ".,;:!?\"'()[]-"))
		switch string(w) {
		case "the", "and", "to", "of", "is", "you", "that", "it", "i", "for", "was", "with", "this",
			"we", "be", "are", "have", "they", "what", "but", "not", "so", "just", "i'm", "it's", "there":
			common++
		}
	}
	return words >= 40 && common*10 >= words
}
