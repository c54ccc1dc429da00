package labels

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// isNameParticle reports whether w may appear in lower case inside a
// personal name.
func isNameParticle(w string) bool {
	switch w {
	case "de", "da", "di", "del", "della", "der", "den", "van", "von", "la", "le", "du", "dos",
		"das", "bin", "ibn", "al", "el", "y", "e", "ten", "ter":
		return true
	}
	return false
}

// IsNameLike reports whether s reads as a speaker name rather than prose:
// at most six words, each capitalised, a digit, or a name particle, and no
// sentence punctuation. "Mark Zuckerberg", "Speaker 1" and "SPEAKER_00"
// are names; "we met at" and "The meeting starts." are not.
func IsNameLike(s string) bool {
	if utf8.RuneCountInString(s) > 48 {
		return false
	}
	words := 0
	for w, rest := nextWord(s); w != ""; w, rest = nextWord(rest) {
		if words++; words > 6 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r) || unicode.IsTitle(r):
		case words > 1 && isNameParticle(w):
		default:
			return false
		}
		trimmed := strings.TrimRight(w, ".,;:!?\"”’")
		if trimmed != w && !isInitial(w) {
			return false
		}
	}
	return words > 0
}

// nextWord returns the first word of s as strings.Fields splits it, and
// what follows it; it spares IsNameLike, run on every candidate turn
// line, the allocation of Fields' slice.
func nextWord(s string) (word, rest string) {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[:i], s[i:]
	}
	return s, ""
}

// isInitial reports whether w is an initial such as "J.".
func isInitial(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && w[size:] == "."
}
