package timing

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is one whitespace-separated token of caption text, with the facts
// the break rules and the pause model ask about it, found once when the
// text is split rather than at every candidate break.
type word struct {
	text  string
	width int // characters (runes)
	class wordClass
	// closesSentence, closesClause and capitalised cache endsSentence,
	// endsClause and isCapitalised of text.
	closesSentence, closesClause, capitalised bool
}

// newWord returns the word text with its facts.
func newWord(text string) word {
	return word{
		text:           text,
		width:          utf8.RuneCountInString(text),
		class:          classOf(text),
		closesSentence: endsSentence(text),
		closesClause:   endsClause(text),
		capitalised:    isCapitalised(text),
	}
}

// splitWords cuts text into words.
func splitWords(text string) []word {
	return appendWords(nil, text)
}

// appendWords appends text's words to ws, so that a caller may reuse one
// buffer for many texts.
func appendWords(ws []word, text string) []word {
	for f := range strings.FieldsSeq(text) {
		ws = append(ws, newWord(f))
	}
	return ws
}

// width returns the characters of words joined by single spaces.
func width(ws []word) int {
	if len(ws) == 0 {
		return 0
	}
	n := len(ws) - 1
	for _, w := range ws {
		n += w.width
	}
	return n
}

// join returns words joined by single spaces.
func join(ws []word) string {
	var b strings.Builder
	b.Grow(width(ws))
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.text)
	}
	return b.String()
}

// lastRune returns w's last character after closing quotes and brackets.
func lastRune(w string) rune {
	for {
		r, size := utf8.DecodeLastRuneInString(w)
		if size == 0 || !strings.ContainsRune("\"'”’)]»", r) {
			return r
		}
		w = w[:len(w)-size]
	}
}

// endsSentence reports whether w closes a sentence.
func endsSentence(w string) bool {
	switch lastRune(w) {
	case '.', '?', '!', '…', '。', '？', '！':
		return !isAbbreviation(w)
	}
	return false
}

// endsClause reports whether w closes a clause (comma, colon, semicolon
// or dash).
func endsClause(w string) bool {
	switch lastRune(w) {
	case ',', ';', ':', '—', '–', '，', '、':
		return true
	}
	return w == "-" || w == "--"
}

// abbreviations end in a period without ending a sentence.
var abbreviations = map[string]bool{
	"mr.": true, "mrs.": true, "ms.": true, "dr.": true, "prof.": true, "st.": true,
	"vs.": true, "etc.": true, "e.g.": true, "i.e.": true, "jr.": true, "sr.": true,
	"no.": true, "approx.": true, "inc.": true, "co.": true, "u.s.": true,
}

func isAbbreviation(w string) bool { return lookupLower(abbreviations, w) }

// lookupLower returns m[strings.ToLower(w)], without allocating for the
// short ASCII words that make up most text.
func lookupLower[V any](m map[string]V, w string) V {
	var buf [16]byte
	if len(w) > len(buf) || !isASCII(w) {
		return m[strings.ToLower(w)]
	}
	b := buf[:len(w)]
	for i := range len(w) {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return m[string(b)] // the conversion does not allocate in a lookup
}

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// wordClass groups words by how a line or cue break may treat them.
type wordClass uint8

const (
	classOther          wordClass = iota
	classConjunction              // a break before it reads well
	classPreposition              // a break before it reads well; never after it
	classDeterminer               // never break after it (article + noun)
	classAuxiliary                // never break after it (auxiliary + verb)
	classSubjectPronoun           // never break after it (pronoun + verb)
	classParticle                 // a break before it splits a phrasal verb
	classInfinitive               // "to": never break after it, nor gladly before it
)

var wordClasses = func() map[string]wordClass {
	m := map[string]wordClass{}
	add := func(c wordClass, words string) {
		for _, w := range strings.Fields(words) {
			m[w] = c
		}
	}
	add(classConjunction, "and but or nor so yet because although though while whereas if unless until when whenever where wherever whether since than that which who whom whose")
	add(classPreposition, "about above across after against along among around at before behind below beneath beside between beyond by despite during except for from in inside into like near of on onto outside over past per through throughout toward towards under underneath unlike upon via with within without")
	// Words that are often a verb's particle ("go out", "set up") or the
	// infinitive "to": a break before them is not preferred, nor after.
	add(classParticle, "up out off down back away")
	add(classInfinitive, "to")
	add(classDeterminer, "a an the this these those my your his her its our their some any no every each either neither another such much many more most few several all both")
	add(classAuxiliary, "am is are was were be been being have has had do does did will would shall should can could may might must not don't doesn't didn't won't wouldn't can't cannot couldn't shouldn't isn't aren't wasn't weren't haven't hasn't hadn't i'm you're we're they're it's that's there's i've you've we've they've i'll you'll we'll they'll i'd you'd he'd she'd we'd they'd")
	add(classSubjectPronoun, "i you he she we they it")
	return m
}()

// classOf classifies w, ignoring case and surrounding punctuation.
func classOf(w string) wordClass {
	if isASCII(w) {
		w = strings.Trim(w, "\"'()[]") // the ASCII quotes and brackets: a faster cut set
	} else {
		w = strings.Trim(w, "\"'“”‘’()[]")
		w = strings.ReplaceAll(w, "’", "'")
	}
	return lookupLower(wordClasses, w)
}

// isCapitalised reports whether w starts with an upper-case letter.
func isCapitalised(w string) bool {
	w = strings.TrimLeft(w, "\"'“‘([")
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// breakCost is how bad a break between words a and b is, for a line or a
// cue break: negative is good, 0 neutral, large is bad. The rules are the
// ones Netflix, the BBC and the DCMP share.
func breakCost(a, b word) float64 {
	switch {
	case a.closesSentence:
		return -3
	case a.closesClause:
		return -2
	}
	switch a.class {
	case classDeterminer, classAuxiliary, classPreposition, classInfinitive:
		return 6
	case classConjunction:
		return 4 // a line should not end on "and" or "when"
	case classSubjectPronoun:
		if b.class == classOther || b.class == classAuxiliary {
			return 4
		}
	}
	if a.capitalised && b.capitalised && a.class == classOther {
		return 5 // first and last name, or a multi-word proper noun
	}
	switch b.class {
	case classConjunction, classPreposition:
		return -1
	case classParticle, classInfinitive:
		return 2
	}
	return 0
}
