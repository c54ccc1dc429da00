package timing

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/capconv/capconv/convert/caption"
)

// LintOptions say what Lint may assume of the cues it checks.
type LintOptions struct {
	// LabelsShown is set when viewers see who speaks in the text (labels
	// such as "Ann:" at each change of speaker): a change of speaker then
	// needs no dash.
	LabelsShown bool
	// FPS, when not 0, is the frame rate every time should fall on.
	FPS float64
	// Language is the BCP 47 tag of the text's language, whose closed
	// classes of words (articles, prepositions, auxiliaries, possessives)
	// the line break rules know for English, French, German, Spanish,
	// Italian, Portuguese and Dutch; in any other language only the rules
	// of names and numbers apply. Empty: the language of those whose
	// closed-class words the text is full of, if any.
	Language string
}

// Lint returns the line treatment, speaker and frame rules each cue
// breaks, in cue order: line breaks the style guides forbid (after an
// article, a possessive, an auxiliary, a negation or a preposition of
// the text's language, see LintOptions.Language; after an English
// adjective before its noun; between a first and a last name, or a
// number and its unit), lines much longer on top than below,
// lines of one word, changes of speaker viewers cannot see, cues of two
// speakers without dialogue dashes, and, with o.FPS, times off the frame
// grid.
func Lint(cues []caption.Cue, o LintOptions) []Violation {
	var out []Violation
	rules := breakRulesFor(o.Language, cues)
	for i, c := range cues {
		add := func(r Rule, format string, args ...any) {
			out = append(out, Violation{Cue: i, Start: c.Start, Rule: r, Detail: fmt.Sprintf(format, args...)})
		}
		dialogue := speakerCount(c) > 1 || anyDash(c)
		for k := 1; k < len(c.Lines); k++ {
			if dialogue && c.Lines[k].Speaker != c.Lines[k-1].Speaker {
				continue // a change of speaker breaks the line where it must
			}
			if why := rules.badBreak(c.Lines[k-1].Text, c.Lines[k].Text); why != "" {
				add(RuleLineBreak, "line %d breaks %s", k, why)
			}
		}
		if !dialogue && len(c.Lines) == 2 {
			top, bottom := textWidth(c.Lines[0].Text), textWidth(c.Lines[1].Text)
			if bottom > 0 && top > 2*bottom && top-bottom > 10 {
				add(RuleUnbalanced, "a top line of %d characters over a bottom line of %d", top, bottom)
			}
		}
		if !dialogue && len(c.Lines) > 1 {
			for k, l := range c.Lines {
				if countWords(l.Text) == 1 && !hasSpaceless(l.Text) && !standsAlone(l.Text, k == 0) {
					add(RuleOrphan, "line %d is one word: %q", k+1, l.Text)
				}
			}
		}
		if i > 0 && !o.LabelsShown && len(c.Lines) > 0 {
			prev := cues[i-1]
			if len(prev.Lines) > 0 {
				was, now := prev.Lines[len(prev.Lines)-1].Speaker, c.Lines[0].Speaker
				if was != "" && now != "" && was != now && !c.Lines[0].Dash {
					add(RuleSpeakerID, "%s speaks after %s with nothing on screen to say so", now, was)
				}
			}
		}
		if speakerCount(c) > 1 && !o.LabelsShown {
			for k, l := range c.Lines {
				if (k == 0 || l.Speaker != c.Lines[k-1].Speaker) && !l.Dash {
					add(RuleDialogueDash, "two speakers, and line %d, where %s speaks, has no dash", k+1, l.Speaker)
					break
				}
			}
		}
		if o.FPS > 0 {
			for _, t := range []struct {
				name string
				at   time.Duration
			}{{"starts", c.Start}, {"ends", c.End}} {
				if off := t.at - FrameTime(Frame(t.at, o.FPS), o.FPS); off > tolerance || off < -tolerance {
					add(RuleFrames, "%s %s off a frame at %s fps", t.name, inSeconds(abs(off)), num(o.FPS))
				}
			}
		}
	}
	return out
}

func abs(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// textWidth returns the characters of text with its spaces collapsed.
func textWidth(text string) int { return utf8.RuneCountInString(strings.TrimSpace(text)) }

// speakerCount returns how many distinct known speakers c's lines have.
func speakerCount(c caption.Cue) int {
	n, first := 0, ""
	for _, l := range c.Lines {
		switch {
		case l.Speaker == "":
		case n == 0:
			n, first = 1, l.Speaker
		case l.Speaker != first:
			return 2
		}
	}
	return n
}

// anyDash reports whether a line of c opens with a dialogue dash.
func anyDash(c caption.Cue) bool {
	for _, l := range c.Lines {
		if l.Dash {
			return true
		}
	}
	return false
}

// badBreak is breakRules.badBreak in English, which the line breaker's
// measures of its breaks count by.
func badBreak(above, below string) string { return breakRules{english: true}.badBreak(above, below) }

// badBreak says which line treatment rule a break between the line above
// and the line below breaks, or "".
func (r breakRules) badBreak(above, below string) string {
	if w := japaneseWordAcross(above, below); w != "" {
		return fmt.Sprintf("inside the word %q", w)
	}
	x, several, ok := lastWord(above)
	if !ok {
		return ""
	}
	y, ok := firstWord(below)
	if !ok {
		return ""
	}
	if x.closesSentence() || x.closesClause() {
		return ""
	}
	if why := r.afterClosedClass(x, y, below); why != "" {
		return why
	}
	free := r.english && x.class == classOther && y.class == classOther ||
		!r.english && r.class(x.text) == breakFree && r.class(y.text) == breakFree
	if x.capitalised() && y.capitalised() && free && several && !r.nounsCapitalised &&
		hasLower(x.text) && hasLower(y.text) && unicode.IsLetter(lastRune(x.text)) && x.text[len(x.text)-1] != ']' && x.text[len(x.text)-1] != ')' {
		return fmt.Sprintf("between the names %q and %q", x.text, y.text)
	}
	if r.english && isAdjective(x.text) && y.class == classOther && !y.capitalised() && !isComparison(y.text) {
		return fmt.Sprintf("between the adjective %q and its noun %q", x.text, y.text)
	}
	if lower := strings.ToLower(x.text); r.english && (strings.HasSuffix(lower, "'s") || strings.HasSuffix(lower, "’s")) {
		return fmt.Sprintf("between the possessive %q and what it owns", x.text)
	}
	if isNumber(x.text) && (r.english && isUnit(y.text) || !r.english && isAnyUnit(y.text)) {
		return fmt.Sprintf("between the number %q and its unit %q", x.text, y.text)
	}
	return ""
}

// afterClosedClass says which rule a break after x, a word of a closed
// class, and before y, the first word of the line below, breaks, or "".
func (r breakRules) afterClosedClass(x, y word, below string) string {
	if r.english {
		switch x.class {
		case classDeterminer:
			return fmt.Sprintf("after the article or determiner %q, before its noun", x.text)
		case classAuxiliary:
			return fmt.Sprintf("after the auxiliary %q, before its verb", x.text)
		case classPreposition:
			return fmt.Sprintf("after the preposition %q", x.text)
		case classInfinitive:
			return fmt.Sprintf("between %q and its verb", x.text)
		case classSubjectPronoun:
			if subjectBeforeVerb(x, y) {
				return fmt.Sprintf("between the subject pronoun %q and its verb %q", x.text, y.text)
			}
		}
		return ""
	}
	switch r.class(x.text) {
	case breakArticle:
		return fmt.Sprintf("after the article or determiner %q, before its noun", x.text)
	case breakPossessive:
		return fmt.Sprintf("between the possessive %q and what it owns", x.text)
	case breakPreposition:
		return fmt.Sprintf("after the preposition %q", x.text)
	case breakNegation:
		return fmt.Sprintf("after the negation %q, before its verb", x.text)
	case breakAuxiliary:
		if !r.governs(y, countWords(below) > 1) {
			return ""
		}
		return fmt.Sprintf("after the auxiliary %q, before its verb", x.text)
	}
	return ""
}

// isNumber reports whether w is written in digits ("8", "1,200", "$3.5").
func isNumber(w string) bool {
	w = strings.TrimLeft(w, "$€£")
	return w != "" && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsDigit(r) && r != '.' && r != ',' }) < 0
}

// looksEnglish reports whether the text of cues reads as English: in
// English text about 40% of the words are of the classes the line rules
// know (articles, prepositions, auxiliaries…), in French or Spanish text
// under 6%. It looks at the first hundred words, or up to a thousand
// when those leave it in doubt.
func looksEnglish(cues []caption.Cue) bool {
	n, known := 0, 0
	for _, c := range cues {
		for _, l := range c.Lines {
			for w := range strings.FieldsSeq(l.Text) {
				n++
				if classOf(w) != classOther {
					known++
				}
			}
		}
		switch {
		case n >= 100 && known*5 >= n:
			return true // English is plain within a hundred words
		case n >= 1000:
			return false
		}
	}
	return n == 0 || known*5 >= n
}

// standsAlone reports whether a line of one word may stand alone: a
// bracketed label or sound ("[laughs]"), or a first line that is a
// sentence of its own ("Really?").
func standsAlone(text string, first bool) bool {
	t := strings.TrimSpace(text)
	if strings.HasPrefix(t, "[") || strings.HasPrefix(t, "(") {
		return true
	}
	return first && endsSentence(t)
}

// hasLower reports whether w has a lower-case letter: a word in capitals
// is no name, and a line in capitals has no names to tell.
func hasLower(w string) bool { return strings.IndexFunc(w, unicode.IsLower) >= 0 }

// hasSpaceless reports whether text is written without spaces between words
// (Chinese, Japanese): one "word" is then a whole line.
func hasSpaceless(text string) bool {
	for _, r := range text {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Thai) {
			return true
		}
	}
	return false
}

// lastWord returns the last word of text, and whether there are more
// before it; ok is false when text has no word.
func lastWord(text string) (w word, several, ok bool) {
	text = strings.TrimRightFunc(text, unicode.IsSpace)
	if text == "" {
		return word{}, false, false
	}
	i := strings.LastIndexFunc(text, unicode.IsSpace)
	last := text[i+1:]
	return newWord(last, utf8.RuneCountInString(last), isASCII(last)), i >= 0, true
}

// firstWord returns the first word of text; ok is false when it has none.
func firstWord(text string) (w word, ok bool) {
	text = strings.TrimLeftFunc(text, unicode.IsSpace)
	if text == "" {
		return word{}, false
	}
	first := text
	if i := strings.IndexFunc(text, unicode.IsSpace); i >= 0 {
		first = text[:i]
	}
	return newWord(first, utf8.RuneCountInString(first), isASCII(first)), true
}

// isAdjective reports whether w is one of the adjectives most often put
// before a noun in English. The list is short on purpose: without a
// tagger, a longer one would flag adverbs and nouns too.
func isAdjective(w string) bool {
	var buf [16]byte
	switch string(lower(buf[:0], w)) {
	case "new", "old", "big", "small", "little", "great", "good", "bad", "young",
		"long", "short", "high", "low", "large", "whole", "important", "different",
		"real", "best", "better", "beautiful", "nice", "huge", "tiny", "black", "white",
		"red", "blue", "green", "strange", "special", "entire", "certain", "main":
		return true
	}
	return false
}

// isComparison reports whether w follows an adjective that stands alone:
// "old as", "good enough".
func isComparison(w string) bool {
	var buf [16]byte
	switch string(lower(buf[:0], w)) {
	case "as", "enough", "too", "indeed":
		return true
	}
	return false
}
