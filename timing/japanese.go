package timing

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/capconv/capconv/internal/japanese"
)

// Japanese is written without spaces, and where one word ends and the
// next begins is a matter of its grammar, not of its script: "握り飯"
// is one word, "お前今" two phrases. A morphological analyser with a
// dictionary (kagome, with the IPA dictionary MeCab uses) finds the
// morphemes and their parts of speech; a phrase (bunsetsu), the unit a
// Japanese captioner breaks between, is a content word with the
// particles, auxiliaries and endings that follow it.

// joint is where in a text a morpheme starts, and how it joins the one
// before it: classInPhrase or classOpensPhrase.
type joint struct {
	at    int
	class wordClass
}

// japaneseJoints appends to js, in order, where each morpheme of text
// but the first starts and how it joins the one before it. A break
// between two of text's characters at no joint falls inside a morpheme.
func japaneseJoints(js []joint, text string) []joint {
	tk := japanese.Tokenizer()
	var prev []string // the last morpheme's part of speech
	for base := 0; base < len(text); {
		end := japanese.PieceEnd(text, base)
		for _, t := range tk.Tokenize(text[base:end]) {
			pos := t.POS()
			if at := base + t.Position; at > 0 {
				js = append(js, joint{at, jointOf(prev, pos)})
			}
			prev = pos
		}
		base = end
	}
	return js
}

// jointOf says how a morpheme of part of speech pos (IPA tags: the part,
// then its kind) joins the one before it, of part prev: classInPhrase
// or classOpensPhrase.
func jointOf(prev, pos []string) wordClass {
	part, kind := tag(pos, 0), tag(pos, 1)
	switch {
	case tag(prev, 0) == "接頭詞":
		return classInPhrase // a prefix belongs to what follows it: お / 母さん
	case part == "助詞", part == "助動詞", part == "記号":
		return classInPhrase // particles, auxiliaries and marks follow their word
	case kind == "非自立", kind == "接尾":
		return classInPhrase // ついて / 来て, 名前 / さん
	case part == "名詞" && tag(prev, 0) == "名詞" && kind != "代名詞" && tag(prev, 1) != "代名詞":
		return classInPhrase // a compound: 区立 / 図書館
	}
	return classOpensPhrase
}

// tag returns pos[i], or "" when pos is shorter.
func tag(pos []string, i int) string {
	if i < len(pos) {
		return pos[i]
	}
	return ""
}

// acrossContext is how many characters on each side of a line break
// japaneseWordAcross analyses: more than the longest words.
const acrossContext = 12

// japaneseWordAcross returns the word of Japanese text that a break
// between the line above and the line below falls inside, or "" when it
// falls between two words or the text is not Japanese.
func japaneseWordAcross(above, below string) string {
	above, below = strings.TrimRightFunc(above, unicode.IsSpace), strings.TrimLeftFunc(below, unicode.IsSpace)
	last, _ := utf8.DecodeLastRuneInString(above)
	first, _ := utf8.DecodeRuneInString(below)
	if !unspaced(last) || !unspaced(first) {
		return ""
	}
	before := above[max(strings.LastIndexFunc(above, unicode.IsSpace)+1, runeStart(above, acrossContext)):]
	after := below
	if i := strings.IndexFunc(after, unicode.IsSpace); i >= 0 {
		after = after[:i]
	}
	after = after[:runeEnd(after, acrossContext)]
	text := before + after
	if strings.IndexFunc(text, isKana) < 0 {
		return "" // Chinese: no dictionary to tell its words apart
	}
	for _, t := range japanese.Tokenizer().Tokenize(text) {
		if t.Position < len(before) && t.Position+len(t.Surface) > len(before) {
			return t.Surface
		}
	}
	return ""
}

// runeStart is the byte offset in s of its last n runes.
func runeStart(s string, n int) int {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return i
}

// runeEnd is the byte offset in s after its first n runes.
func runeEnd(s string, n int) int {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}
