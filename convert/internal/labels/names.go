package labels

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// isNameParticle reports whether w may appear in lower case inside a
// personal name or a pair of names ("Tom and Jerry").
func isNameParticle(w string) bool {
	switch w {
	case "de", "da", "di", "del", "della", "der", "den", "van", "von", "la", "le", "du", "dos",
		"das", "bin", "ibn", "al", "el", "y", "e", "ten", "ter", "los", "las", "zu",
		"and", "und", "et", "of", "the", "&":
		return true
	}
	return false
}

// Limits of a name said once; a name a file repeats is judged by the
// reader, which sees the repetition.
const (
	maxNameRunes = 80
	maxNameWords = 8
)

// IsNameLike reports whether s reads as a speaker name rather than prose,
// as people write names: "Mark Zuckerberg", "Speaker 1", "SPEAKER_00",
// "Dr. Jane Smith", "J.R.R. Tolkien", "Sammy Davis, Jr.", "Smith, Jane",
// "Ashlee Kupor (SL)", "Jane \"JJ\" Smith", "Tom & Jerry", "Participant #3",
// "@handle", "李明", "محمد علي". Each word starts with a capital, a digit
// or a letter of a script without case, or is a particle ("van", "and"),
// a tag in parentheses, a nickname in quotes, a handle, a number or an
// emoji; a word may end in a period only as an abbreviation or initials,
// and nothing ends in "?" or "!". "we met at" and "The meeting starts."
// are not names. Lower-case names ("bell hooks") are names only when a
// file repeats them, which IsNameLike cannot see.
func IsNameLike(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || utf8.RuneCountInString(s) > maxNameRunes {
		return false
	}
	words, commas, proper := 0, 0, 0
	var script *unicode.RangeTable // of the name's words, which share one
	for rest := s; ; {
		var w string
		w, rest = nextNameWord(rest)
		if w == "" {
			break
		}
		if words++; words > maxNameWords {
			return false
		}
		if w[0] == '(' {
			continue // a role or tag: "(host)", "(SL)", "(Jane Doe)"
		}
		if strings.HasSuffix(w, ",") {
			// "Smith, Jane" and "Davis, Jr.": one comma, between words.
			if commas++; commas > 1 || rest == "" || strings.TrimSpace(rest) == "" {
				return false
			}
			w = w[:len(w)-1]
		}
		if !isNameWord(w) {
			return false
		}
		if !isNameParticle(w) {
			proper++
		}
		// Titles, suffixes and nicknames may be in another script than the
		// name ("Dr. 李明", "王欣妤 III", "Capt. مهدی").
		if !isAbbreviation(w) && !isQuoted(w) && w[0] != '@' && !(wordScript(w) == unicode.Latin && utf8.RuneCountInString(w) <= 4) {
			ws := wordScript(w)
			if script != nil && ws != nil && ws != script {
				return false // "Thanks 감사합니다 Important" is no name
			}
			if ws != nil {
				script = ws
			}
		}
	}
	// A particle may open a name ("del Río Fernández", "van Gogh"), not
	// make one.
	return proper > 0
}

// nameScripts are the scripts names are written in, told apart so that a
// name keeps to one ("Capt." and other titles aside); Japanese mixes Han
// and kana, Korean may add Han, so those count as one.
var nameScripts = []*unicode.RangeTable{
	unicode.Latin, unicode.Cyrillic, unicode.Greek, unicode.Armenian, unicode.Georgian,
	unicode.Arabic, unicode.Hebrew, unicode.Devanagari, unicode.Bengali, unicode.Gurmukhi,
	unicode.Gujarati, unicode.Tamil, unicode.Telugu, unicode.Kannada, unicode.Malayalam,
	unicode.Sinhala, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar, unicode.Tibetan,
	unicode.Ethiopic, unicode.Syriac, unicode.Thaana,
}

// cjk stands for the Han, kana and Hangul scripts in wordScript.
var cjk = &unicode.RangeTable{}

// wordScript returns the script of w's first letter, or nil when it has
// none or its script is not told apart.
func wordScript(w string) *unicode.RangeTable {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			continue
		}
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo) {
			return cjk
		}
		for _, t := range nameScripts {
			if unicode.Is(t, r) {
				return t
			}
		}
		return nil
	}
	return nil
}

// nextNameWord returns the first word of s, a parenthesised group counting
// as one word, and what follows it; it spares IsNameLike, run on every
// candidate turn line, the allocation of a split.
func nextNameWord(s string) (word, rest string) {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if strings.HasPrefix(s, "(") {
		if i := strings.IndexByte(s, ')'); i > 0 {
			return s[:i+1], s[i+1:]
		}
	}
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[:i], s[i:]
	}
	return s, ""
}

// isNameWord reports whether w may be part of a name.
func isNameWord(w string) bool {
	switch {
	case w == "":
		return false
	case isNameParticle(w):
		return true
	case isQuoted(w): // a nickname: Jane "JJ" Smith
		return true
	case (w[0] == '#' || w[0] == '@') && len(w) > 1: // Participant #3, @handle
		return !strings.ContainsAny(w[1:], "?!")
	}
	if isAbbreviation(w) {
		return true
	}
	if strings.ContainsAny(w, "?!;") || strings.HasSuffix(w, ".") || strings.HasSuffix(w, ":") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	return startsName(r)
}

// startsName reports whether a name's word may start with r: a capital, a
// digit, a letter of a script without case (Chinese, Arabic, Hindi…), or
// a symbol such as an emoji.
func startsName(r rune) bool {
	switch {
	case unicode.IsUpper(r), unicode.IsTitle(r), unicode.IsDigit(r):
		return true
	case unicode.Is(unicode.Georgian, r):
		// Georgian has capitals (Mtavruli), but names are written in
		// Mkhedruli, which Unicode counts as lower case.
		return true
	case unicode.IsLower(r):
		return false
	case unicode.IsLetter(r):
		return true // caseless
	}
	return unicode.Is(unicode.So, r)
}

// isAbbreviation reports whether w is initials ("J.", "J.R.R.") or a
// title or suffix written with a period ("Dr.", "MR.", "Sen.", "Jr.").
// Any short word would also let "Yes." through, so the titles are listed.
func isAbbreviation(w string) bool {
	body, ok := strings.CutSuffix(w, ".")
	if !ok || body == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(body)
	if !startsName(r) || !unicode.IsLetter(r) {
		return false
	}
	if utf8.RuneCountInString(body) == 1 || strings.Contains(body, ".") { // initials: "J.", "მ."
		for _, part := range strings.Split(body, ".") {
			if utf8.RuneCountInString(part) != 1 {
				return false
			}
		}
		return true
	}
	switch strings.ToLower(body) {
	case "dr", "mr", "mrs", "ms", "mx", "prof", "sen", "rep", "gov", "pres", "rev", "fr", "hon",
		"gen", "col", "capt", "cpt", "lt", "sgt", "cmdr", "adm", "atty", "supt", "insp", "det",
		"jr", "sr", "st", "esq", "phd", "md", "mme", "mlle", "sra", "srta", "dra", "hr", "fräu":
		return true
	}
	return false
}

// isQuoted reports whether w is wrapped in straight or curly quotes.
func isQuoted(w string) bool {
	for _, q := range [][2]string{{`"`, `"`}, {"“", "”"}, {"'", "'"}, {"«", "»"}, {"「", "」"}} {
		if len(w) > len(q[0])+len(q[1]) && strings.HasPrefix(w, q[0]) && strings.HasSuffix(w, q[1]) {
			return true
		}
	}
	return false
}
