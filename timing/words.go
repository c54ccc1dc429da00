package timing

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// word is one whitespace-separated token of caption text, or one piece
// of such a token in a script written without spaces (see
// appendUnspaced), with the facts the break rules and the pause model
// ask about it, found once when the text is split rather than at every
// candidate break.
type word struct {
	text string
	// width is the word's characters (runes); 32 bits keep a word in 24
	// bytes, and a turn of millions of words in a third less memory.
	width int32
	class wordClass
	flags wordFlags
	// heavy is what the word's characters add to its units beyond one
	// each (see spokenWeight): a Chinese character takes as long to say
	// as three Latin letters.
	heavy uint16
}

// wordFlags cache facts about a word's text, packed in a byte to keep a
// word in 24 bytes.
type wordFlags uint8

const (
	flagSentence wordFlags = 1 << iota // endsSentence
	flagClause                         // endsClause
	flagCapital                        // isCapitalised
	// flagGlued: no space came before the word; it continues the text of
	// the word before it, in a script written without spaces.
	flagGlued
	// flagClosesCJK and flagOpensCJK: the word starts with a CJK closing
	// mark (。」）) or ends with an opening one (「（), which the kinsoku
	// rules keep on the line of the word before or after, even across
	// a space.
	flagClosesCJK
	flagOpensCJK
	// flagKanji: the word's Han characters are Japanese kanji (its text
	// also holds kana), each said in about two morae (see spokenWeight).
	flagKanji
	// flagModifier: the English word is an adjective or a noun that the
	// noun after it belongs to (markModifiers): a break between them
	// parts a noun phrase.
	flagModifier
)

// closesSentence, closesClause and capitalised are endsSentence,
// endsClause and isCapitalised of w's text; glued reports flagGlued.
func (w word) closesSentence() bool { return w.flags&flagSentence != 0 }
func (w word) closesClause() bool   { return w.flags&flagClause != 0 }
func (w word) capitalised() bool    { return w.flags&flagCapital != 0 }
func (w word) glued() bool          { return w.flags&flagGlued != 0 }
func (w word) kanji() bool          { return w.flags&flagKanji != 0 }

// space is the width of what comes between w and the word before it on
// a line: a space, or nothing when w is glued to it.
func (w word) space() int {
	if w.flags&flagGlued != 0 {
		return 0
	}
	return 1
}

// newWord returns the word text, width characters wide, with its facts;
// ascii tells that text is all ASCII.
func newWord(text string, width int, ascii bool) word {
	last := lastRune(text)
	w := word{
		text:  text,
		width: int32(min(width, math.MaxInt32)),
		class: classify(text, ascii),
	}
	if sentenceEnd(text, last) {
		w.flags |= flagSentence
	}
	if clauseEnd(text, last) {
		w.flags |= flagClause
	}
	if isCapitalised(text) {
		w.flags |= flagCapital
	}
	if !ascii {
		w.heavy = heavyUnits(text)
		if first, _ := utf8.DecodeRuneInString(text); strings.ContainsRune(cjkClosers, first) {
			w.flags |= flagClosesCJK
		}
		if last, _ := utf8.DecodeLastRuneInString(text); strings.ContainsRune(cjkOpeners, last) {
			w.flags |= flagOpensCJK
		}
	}
	return w
}

// cjkClosers and cjkOpeners are the marks no line starts with and the
// marks none ends with, by the kinsoku rules (and ＜…＞, which Japanese
// captions put around a voice heard in the mind).
const (
	cjkClosers = "、。，．！？：；」』）】〉》〕］｝＞ー"
	cjkOpeners = "「『（【〈《〔［｛＜"
)

// splitWords cuts text into words.
func splitWords(text string) []word {
	return appendWords(nil, text)
}

// asciiSpace marks the ASCII bytes that separate words, as unicode.IsSpace
// (and so strings.Fields) has them.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// spaceAt reports whether text holds a space at i, and its size in bytes:
// one table lookup for ASCII, unicode.IsSpace for the rest.
func spaceAt(text string, i int) (bool, int) {
	if c := text[i]; c < utf8.RuneSelf {
		return asciiSpace[c], 1
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	return unicode.IsSpace(r), size
}

// appendWords appends text's words, as strings.Fields cuts them, to ws, so
// that a caller may reuse one buffer for many texts. It walks the text
// once, indexing into it: each word's width and whether it is ASCII come
// out of the same walk.
func appendWords(ws []word, text string) []word {
	kana := -1 // whether text holds kana, once a token without spaces asks
	for i := 0; i < len(text); {
		if sp, size := spaceAt(text, i); sp {
			i += size
			continue
		}
		start, width, ascii := i, 0, true
		for i < len(text) {
			sp, size := spaceAt(text, i)
			if sp {
				break
			}
			ascii = ascii && text[i] < utf8.RuneSelf
			width++
			i += size
		}
		if !ascii && hasUnspaced(text[start:i]) {
			if kana < 0 {
				kana = 0
				if strings.IndexFunc(text, isKana) >= 0 {
					kana = 1
				}
			}
			ws = appendUnspaced(ws, text[start:i], kana == 1)
			continue
		}
		ws = append(ws, newWord(text[start:i], width, ascii))
	}
	return ws
}

// hasUnspaced reports whether tok holds a character of a script written
// without spaces between words: Han, Hiragana or Katakana. (Thai is one
// too, but telling its words apart needs a dictionary, which Unicode's
// line-breaking rules leave to the implementation.)
func hasUnspaced(tok string) bool {
	for _, r := range tok {
		if unspaced(r) {
			return true
		}
	}
	return false
}

// unspaced reports whether r belongs to a script hasUnspaced looks for.
// None has a character below U+2E80, which spares most text the tables.
func unspaced(r rune) bool {
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r))
}

// appendUnspaced appends the words of tok, a token without spaces in
// which hasUnspaced finds a script written without them, to ws: the
// pieces between the places Unicode's line-breaking rules (UAX #14)
// allow a break, which fall between most CJK characters but never before
// closing punctuation and small kana (、。，」』）！？ゃ) nor after opening
// punctuation (「『（), the kinsoku rules. Every piece but the first is
// glued to the one before it. japanese says that tok's text is Japanese
// (it holds kana): its Han characters are kanji, and weigh as two kana,
// and each piece's class says how it joins the one before it, by the
// dictionary's morphemes (japaneseJoints).
func appendUnspaced(ws []word, tok string, japanese bool) []word {
	var joints []joint
	if japanese {
		joints = japaneseJoints(nil, tok)
	}
	state := -1
	for at, first := 0, true; tok != ""; first = false {
		var seg string
		seg, tok, _, state = uniseg.FirstLineSegmentInString(tok, state)
		w := newWord(seg, utf8.RuneCountInString(seg), isASCII(seg))
		if !first {
			w.flags |= flagGlued
		}
		if japanese {
			if !first {
				for len(joints) > 0 && joints[0].at < at {
					joints = joints[1:]
				}
				w.class = classInMorpheme
				if len(joints) > 0 && joints[0].at == at {
					w.class = joints[0].class
				}
			}
			at += len(seg)
			if n := hanCount(seg); n > 0 {
				w.heavy = uint16(min(int(w.heavy)+n*(kanjiWeight-hanWeight), math.MaxUint16))
				w.flags |= flagKanji
			}
		}
		ws = append(ws, w)
	}
	return ws
}

// isKana reports whether r is Hiragana or Katakana: text that holds any
// is Japanese, whose Han characters are kanji.
func isKana(r rune) bool {
	return r >= 0x3040 && (unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r))
}

// hanCount returns how many Han characters s holds.
func hanCount(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x2E80 && unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}

// countUnspaced returns how many words appendUnspaced finds in tok.
func countUnspaced(tok string) int {
	n, state := 0, -1
	for tok != "" {
		_, tok, _, state = uniseg.FirstLineSegmentInString(tok, state)
		n++
	}
	return n
}

// heavyUnits is what text's characters add to its units beyond one each
// (see spokenWeight), at most what a word holds.
func heavyUnits(text string) uint16 {
	n := 0
	for _, r := range text {
		if r >= 0x1100 {
			n += spokenWeight(r) - 1
		}
	}
	return uint16(min(n, math.MaxUint16))
}

// spokenWeight is how many Latin letters' time a character takes to say.
// Speech carries about the same information a second in every language,
// in more syllables where each carries less (Pellegrino, Coupé and
// Marsico, "A cross-language perspective on speech information rate",
// Language 87(3), 2011): English runs at about 6.2 syllables a second,
// some 15 letters and spaces; Mandarin at 5.2 syllables, each one Han
// character, so a character weighs about three letters; Japanese at 7.8
// morae, each one kana, about two; a Hangul block is one syllable, about
// two. Timing the model's rates in these units keeps its character-based
// thresholds (the slowest speech, the pauses) right for every script:
// Chinese at five characters a second is ordinary speech, not slow
// speech followed by silence. A Japanese kanji is read in one to three
// morae, about two on average (残念 zan-nen, 手 te, 感触 kan-sho-ku):
// kanjiWeight, which appendUnspaced gives the Han characters of text that
// holds kana.
func spokenWeight(r rune) int {
	switch {
	case unicode.Is(unicode.Han, r):
		return hanWeight
	case unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r), unicode.Is(unicode.Hangul, r):
		return 2
	}
	return 1
}

// hanWeight and kanjiWeight are a Han character's spokenWeight in Chinese
// and in Japanese.
const (
	hanWeight   = 3
	kanjiWeight = 4
)

// countWords returns how many words appendWords finds in text.
func countWords(text string) int {
	n, inWord, start, ascii := 0, false, 0, true
	for i := 0; i < len(text); {
		sp, size := false, 1
		if c := text[i]; c < utf8.RuneSelf {
			sp = asciiSpace[c] // inline: most bytes are ASCII
		} else {
			sp, size = spaceAt(text, i)
		}
		switch {
		case !sp && !inWord:
			n++
			start, ascii = i, true
		case sp && inWord && !ascii:
			n += unspacedExtra(text[start:i])
		}
		if !sp && text[i] >= utf8.RuneSelf {
			ascii = false
		}
		inWord = !sp
		i += size
	}
	if inWord && !ascii {
		n += unspacedExtra(text[start:])
	}
	return n
}

// unspacedExtra is how many more words than one appendWords finds in tok.
func unspacedExtra(tok string) int {
	if !hasUnspaced(tok) {
		return 0
	}
	return countUnspaced(tok) - 1
}

// width returns the characters of words as join joins them.
func width(ws []word) int {
	n := 0
	for i, w := range ws {
		if i > 0 {
			n += w.space()
		}
		n += int(w.width)
	}
	return n
}

// join returns words joined by single spaces, but for glued words, which
// follow the word before them without one.
func join(ws []word) string {
	var b strings.Builder
	n := 0
	for _, w := range ws {
		n += len(w.text) + 1
	}
	b.Grow(n)
	for i, w := range ws {
		if i > 0 && !w.glued() {
			b.WriteByte(' ')
		}
		b.WriteString(w.text)
	}
	return b.String()
}

// lastRune returns w's last character after closing quotes and brackets.
func lastRune(w string) rune {
	if n := len(w); n > 0 && w[n-1] < utf8.RuneSelf && !isASCIICloser(w[n-1]) {
		return rune(w[n-1])
	}
	for {
		r, size := utf8.DecodeLastRuneInString(w)
		if size == 0 || !strings.ContainsRune(closingMarks, r) {
			return r
		}
		w = w[:len(w)-size]
	}
}

// closingMarks are the quotes and brackets that may follow a sentence's
// or a clause's last mark ("Yes.", …です。」): lastRune looks through
// them. ＞ closes a Japanese caption's ＜inner voice＞.
const closingMarks = "\"'”’)]»」』）】〉》〕］｝＞"

// closesQuote reports whether w ends with a CJK closing quote or bracket:
// the end of a quoted line or an aside, where a speaker pauses as at a
// comma.
func closesQuote(w string) bool {
	r, _ := utf8.DecodeLastRuneInString(w)
	return r >= 0x3000 && strings.ContainsRune(closingMarks, r)
}

// isASCIICloser reports whether c is one of the closing quotes and
// brackets lastRune skips that are ASCII.
func isASCIICloser(c byte) bool { return c == '"' || c == '\'' || c == ')' || c == ']' }

// endsSentence reports whether w closes a sentence.
func endsSentence(w string) bool { return sentenceEnd(w, lastRune(w)) }

// sentenceEnd is endsSentence given w's lastRune.
func sentenceEnd(w string, last rune) bool {
	switch last {
	case '.', '?', '!', '…', '。', '？', '！':
		return !isAbbreviation(w)
	}
	return false
}

// clauseEnd reports whether w, whose lastRune is last, closes a clause
// (comma, colon, semicolon or dash).
func clauseEnd(w string, last rune) bool {
	switch last {
	case ',', ';', ':', '—', '–', '，', '、':
		return true
	}
	return w == "-" || w == "--" || closesQuote(w) && !sentenceEnd(w, last)
}

// isAbbreviation reports whether w is a word that ends in a period
// without ending a sentence.
func isAbbreviation(w string) bool {
	var buf [16]byte
	switch string(lower(buf[:0], w)) {
	case "mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "vs.", "etc.", "e.g.", "i.e.",
		"jr.", "sr.", "no.", "approx.", "inc.", "co.", "u.s.":
		return true
	}
	return false
}

// lower appends w in lower case (as strings.ToLower has it) to buf, an
// empty slice, or returns nil when w's lower case would not fit in buf's
// capacity: no word the callers look for is that long. With buf an array
// on the caller's stack and the result used as switch string(...), which
// the compiler compares in place, nothing is allocated.
func lower(buf []byte, w string) []byte {
	for i := range len(w) {
		c := w[i]
		if c >= utf8.RuneSelf {
			return lowerRunes(buf, w[i:])
		}
		if len(buf) == cap(buf) {
			return nil
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// lowerRunes is lower for text that is not all ASCII.
func lowerRunes(buf []byte, w string) []byte {
	for _, r := range w {
		r = unicode.ToLower(r)
		if len(buf)+utf8.RuneLen(r) > cap(buf) {
			return nil
		}
		buf = utf8.AppendRune(buf, r)
	}
	return buf
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
	// A piece of Japanese text glued to the one before it, by how the
	// two join (see japaneseJoints): inside one morpheme, between two
	// morphemes of one phrase, or at the start of a phrase. The break
	// rules ask nothing else of such a piece.
	classInMorpheme
	classInPhrase
	classOpensPhrase
)

// classOf classifies w, ignoring case and surrounding punctuation.
func classOf(w string) wordClass { return classify(w, isASCII(w)) }

// classify is classOf, told whether w is all ASCII.
func classify(w string, ascii bool) wordClass {
	if ascii {
		w = strings.Trim(w, "\"'()[]") // the ASCII quotes and brackets: a faster cut set
	} else {
		w = strings.Trim(w, "\"'“”‘’()[]")
		w = strings.ReplaceAll(w, "’", "'")
	}
	if len(w) > len("throughout") { // the longest word classified
		return classOther
	}
	var buf [16]byte
	return classOfLower(lower(buf[:0], w))
}

// classOfLower classifies a word in lower case. A switch rather than a
// map: the compiler turns it into a search over constant strings, with no
// table to build when the program starts and no hashing.
func classOfLower(w []byte) wordClass {
	switch string(w) {
	case "and", "but", "or", "nor", "so", "yet", "because", "although", "though", "while",
		"whereas", "if", "unless", "until", "when", "whenever", "where", "wherever", "whether",
		"since", "than", "that", "which", "who", "whom", "whose":
		return classConjunction
	case "about", "above", "across", "after", "against", "along", "among", "around", "at",
		"before", "behind", "below", "beneath", "beside", "between", "beyond", "by", "despite",
		"during", "except", "for", "from", "in", "inside", "into", "like", "near", "of", "on",
		"onto", "outside", "over", "past", "per", "through", "throughout", "toward", "towards",
		"under", "underneath", "unlike", "upon", "via", "with", "within", "without":
		return classPreposition
	// Words that are often a verb's particle ("go out", "set up") or the
	// infinitive "to": a break before them is not preferred, nor after.
	case "up", "out", "off", "down", "back", "away":
		return classParticle
	case "to":
		return classInfinitive
	case "a", "an", "the", "this", "these", "those", "my", "your", "his", "her", "its", "our",
		"their", "some", "any", "no", "every", "each", "either", "neither", "another", "such",
		"much", "many", "more", "most", "few", "several", "all", "both":
		return classDeterminer
	case "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "do",
		"does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
		"not", "don't", "doesn't", "didn't", "won't", "wouldn't", "can't", "cannot", "couldn't",
		"shouldn't", "isn't", "aren't", "wasn't", "weren't", "haven't", "hasn't", "hadn't", "i'm",
		"you're", "we're", "they're", "it's", "that's", "there's", "i've", "you've", "we've",
		"they've", "i'll", "you'll", "we'll", "they'll", "i'd", "you'd", "he'd", "she'd", "we'd",
		"they'd":
		return classAuxiliary
	case "i", "you", "he", "she", "we", "they", "it":
		return classSubjectPronoun
	}
	return classOther
}

// isCapitalised reports whether w starts with an upper-case letter.
func isCapitalised(w string) bool {
	if w != "" && w[0] < utf8.RuneSelf && w[0] != '"' && w[0] != '\'' && w[0] != '(' && w[0] != '[' {
		return 'A' <= w[0] && w[0] <= 'Z'
	}
	w = strings.TrimLeft(w, "\"'“‘([")
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// unspacedCost is breakCost between two pieces of text written without
// spaces. In Japanese the analyser says where each piece stands (see
// japaneseJoints): a break between phrases is neutral, one inside a
// phrase (握り飯 / だなぁ is one, 名前 / は another) costs, and one
// inside a morpheme (握り / 飯) costs more than most lines out of
// balance. Broken at 19 characters with their spaces taken out, 69.5%
// of the two-line cues of a Japanese anime's broadcast captions break
// where its captioners broke them, against 64.4% with rules of the
// scripts on either side of the break (kana after kanji is an ending,
// a run of kana one word but after a particle); with their spaces,
// 90.9% against 86.4%. Chinese, with no analyser, keeps runs of Han
// characters whole where another break fits: most of its words are
// two characters, which a break at a run's edge never splits.
//
// Any break there may fall inside a word, so one after punctuation is
// worth more than in spaced text, where every break is between words:
// enough to outweigh a line of 3 characters against one of 14.
func unspacedCost(a, b word) float64 {
	switch {
	case a.closesSentence():
		return -5
	case a.closesClause():
		return -4
	}
	switch b.class {
	case classOpensPhrase:
		return 0
	case classInPhrase:
		return 3
	case classInMorpheme:
		return 8
	}
	last, _ := utf8.DecodeLastRuneInString(a.text)
	first, _ := utf8.DecodeRuneInString(b.text)
	if unicode.Is(unicode.Han, last) && unicode.Is(unicode.Han, first) {
		return 2
	}
	return 0
}

// cjkSpace reports whether a and b, with a space between them, are words
// of a script written without spaces: there a space is written between
// phrases (Japanese broadcast captions: ほら アナタの), and reads like a comma.
func cjkSpace(a, b word) bool {
	last, _ := utf8.DecodeLastRuneInString(a.text)
	first, _ := utf8.DecodeRuneInString(b.text)
	return unspaced(last) || unspaced(first)
}

// kinsokuCost is the cost of a break the kinsoku rules forbid, where a
// space allows it (UAX #14 keeps them out of text without spaces): far
// above any other, so a break happens there only where no other fits.
const kinsokuCost = 100

// breaksRule reports whether a line or cue break between a and b breaks
// one of the line-treatment rules capconv check reports (badBreak, whose
// conditions these are, read off the words' cached facts instead of
// parsed again from the lines' text): after an article, an auxiliary, a
// preposition or the infinitive "to", between a first and a last name,
// an adjective and its noun, a possessive and what it owns, a number and
// its unit, inside a Japanese word. breakCost weighs most of them; this
// says which break the checker would flag, so that line and cue breaks
// avoid them wherever the limits leave another. TestBreaksRuleIsBadBreak keeps the two in step.
func breaksRule(a, b word) bool {
	if a.closesSentence() || a.closesClause() {
		return false
	}
	if b.glued() {
		return b.class == classInMorpheme // inside a Japanese word
	}
	switch a.class {
	case classDeterminer, classAuxiliary, classPreposition, classInfinitive:
		return true
	case classSubjectPronoun:
		return subjectBeforeVerb(a, b)
	}
	last := a.text[len(a.text)-1]
	switch {
	case a.capitalised() && b.capitalised() && a.class == classOther && b.class == classOther &&
		hasLower(a.text) && hasLower(b.text) && unicode.IsLetter(lastRune(a.text)) && last != ']' && last != ')':
		return true // a name: badBreak asks that the line hold more than it, as a line broken inside a name does
	case isAdjective(a.text) && b.class == classOther && !b.capitalised() && !isComparison(b.text):
		return true
	case possessive(a.text):
		return true
	}
	return isNumber(a.text) && (isUnit(b.text) || isAnyUnit(b.text)) // any language's unit: "25 / años"
}

// subjectBeforeVerb reports whether a, a subject pronoun, comes before
// its verb b: a line break between them breaks Netflix's rule "a verb from
// a subject pronoun" ("it / is already"). "I", "he", "she", "we" and "they"
// are subjects: before an auxiliary or a word of no class, but not before
// a conjunction, preposition or article ("but I / and Ann"). "it" and
// "you" may be objects ("I saw you / yesterday"): only before an
// auxiliary.
func subjectBeforeVerb(a, b word) bool {
	switch b.class {
	case classAuxiliary:
		return true
	case classOther:
		return !objectToo(a.text)
	}
	return false
}

// objectToo reports whether w, a subject pronoun, is also an object one.
func objectToo(w string) bool {
	w = strings.TrimFunc(w, isClosingPunct)
	return strings.EqualFold(w, "it") || strings.EqualFold(w, "you")
}

// possessive reports whether w ends in 's or ’s, in either case.
func possessive(w string) bool {
	for _, suffix := range []string{"'s", "'S", "’s", "’S"} {
		if strings.HasSuffix(w, suffix) {
			return true
		}
	}
	return false
}

// breakCost is how bad a break between words a and b is, for a line or a
// cue break: negative is good, 0 neutral, large is bad. The rules are the
// ones Netflix, the BBC and the DCMP share.
func breakCost(a, b word) float64 {
	switch {
	case b.flags&flagClosesCJK != 0 || a.flags&flagOpensCJK != 0:
		return kinsokuCost
	case b.glued():
		return unspacedCost(a, b)
	case a.closesSentence():
		return -3
	case a.closesClause():
		return -2
	case cjkSpace(a, b):
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
	if a.capitalised() && b.capitalised() && a.class == classOther {
		return 5 // first and last name, or a multi-word proper noun
	}
	switch b.class {
	case classConjunction, classPreposition:
		if len(b.text) == 2 && (b.text == "of" || b.text == "Of") {
			return 0 // "of" belongs to the noun before it: "a bunch / of the benchmarks"
		}
		return -1
	case classParticle, classInfinitive:
		return 2
	}
	if a.class == classOther && b.class == classOther {
		// Two words of no class: an adjective and its noun, a compound
		// ("open source", "search box"), a verb and its object. Any
		// function word, or punctuation, nearby is a better place, and
		// anything is better than parting a noun phrase.
		if a.flags&flagModifier != 0 {
			return contentBreakCost + modifierBreakCost
		}
		return contentBreakCost
	}
	return 0
}

// contentBreakCost is breakCost between two words of no class. At 2
// rather than 0, 71.4% of NOVA's professional line breaks are made where
// its captioners made them, against 67.9% (1: 70.4%, 3: 72.0%, at the
// price of more breaks between names and short words).
const contentBreakCost = 2.0

// modifierBreakCost is what a break inside an English noun phrase, after
// an adjective or a noun that the next noun belongs to (flagModifier),
// costs beyond contentBreakCost. Measured with the line breaker alone
// (the harness's tagger counting the breaks inside noun phrases): 1.8%
// at 0, 1.4% at 2, 1.3% at 4 and 8; Lex Fridman's professional breaks
// matched fall from 40.9% to 40.0%, 39.6% and 39.5%.
const modifierBreakCost = 4.0
