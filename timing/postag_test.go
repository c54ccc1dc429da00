package timing

import (
	"strings"
	"sync"
	"testing"
	"unicode"

	prose "github.com/jdkato/prose/v2"
)

// The harness counts two of the line-treatment rules with a part-of-speech
// tagger, prose's averaged perceptron (trained on the Penn Treebank): a
// break inside a compound ("the search / box") and one between an
// adjective and its noun ("open / source"). capconv's word lists cannot
// tell a noun from a verb, so only a tagger can count these breaks in
// English text. It is a test dependency: loading it takes 130 ms and
// tagging 10 µs a word, more than the whole timing of a 3 h transcript.

// englishTagger is prose's tagging model, loaded once.
var englishTagger = sync.OnceValue(func() *prose.Model {
	doc, err := prose.NewDocument("", prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		panic(err)
	}
	return doc.Model
})

// taggedBreaks caches taggedBreak's answers: the cross-validation asks
// the same breaks of thousands of models.
var taggedBreaks sync.Map

// taggedBreakContext is how many words on each side of a break the tagger
// reads: its features look two words and two tags back, two words ahead.
const taggedBreakContext = 4

// taggedBreak says which rule a break between the English lines before
// and after breaks by the parts of speech of the words around it:
// "compound" (a noun before a noun), "adjective" (an adjective before a
// noun), or "". Only words of letters count (a word that ends in
// punctuation closes a phrase), and a proper noun on either side is a
// name, which the checker already counts.
func taggedBreak(before, after string) string {
	bw, aw := strings.Fields(before), strings.Fields(after)
	if len(bw) == 0 || len(aw) == 0 || !plainWord(bw[len(bw)-1]) || !plainWord(aw[0]) {
		return ""
	}
	bw, aw = bw[max(0, len(bw)-taggedBreakContext):], aw[:min(len(aw), taggedBreakContext)]
	key := strings.Join(bw, " ") + "\n" + strings.Join(aw, " ")
	if v, ok := taggedBreaks.Load(key); ok {
		return v.(string)
	}
	rule := tagBreak(bw, aw)
	taggedBreaks.Store(key, rule)
	return rule
}

// tagBreak tags the words bw and aw as one text and reads the tags of the
// last token of bw and the first of aw.
func tagBreak(bw, aw []string) string {
	doc, err := prose.NewDocument(strings.Join(bw, " ")+" "+strings.Join(aw, " "),
		prose.WithSegmentation(false), prose.WithExtraction(false), prose.UsingModel(englishTagger()))
	if err != nil {
		return ""
	}
	// The tokenizer splits words ("box." is "box" and "."); the break is
	// after the token where bw's letters run out.
	n := 0
	for _, w := range bw {
		n += len(w)
	}
	toks := doc.Tokens()
	for i, at := 0, 0; i+1 < len(toks); i++ {
		if at += len(toks[i].Text); at >= n {
			a, b := toks[i].Tag, toks[i+1].Tag
			switch {
			case !strings.EqualFold(toks[i].Text, bw[len(bw)-1]) || !strings.EqualFold(toks[i+1].Text, aw[0]):
				return "" // the tokenizer cut a word at the break: not one of its words
			case isCommonNoun(a) && isCommonNoun(b):
				return "compound"
			case a == "JJ" && isCommonNoun(b):
				return "adjective"
			}
			return ""
		}
	}
	return ""
}

// isCommonNoun reports whether tag is the Penn Treebank's tag of a common
// noun, singular or plural.
func isCommonNoun(tag string) bool { return tag == "NN" || tag == "NNS" }

// plainWord reports whether w is made of letters and inner hyphens only.
func plainWord(w string) bool {
	for i, r := range w {
		if !unicode.IsLetter(r) && (r != '-' || i == 0 || i == len(w)-1) {
			return false
		}
	}
	return w != ""
}

func TestTaggedBreak(t *testing.T) {
	for _, tt := range []struct {
		before, after, want string
	}{
		{"you just type in the search", "box and press enter", "compound"},
		{"we talk about open", "source software all the time", "adjective"},
		{"they sat in the city", "council meeting for hours", "compound"},
		{"there is a cow", "in a field", ""},
		{"I think it", "is already here", ""},
		{"we went to the box.", "Then we left", ""},
		{"I love", "pizza more than anything", ""},
		{"we met Mark", "Zuckerberg at the event", ""},
	} {
		if got := taggedBreak(tt.before, tt.after); got != tt.want {
			t.Errorf("taggedBreak(%q, %q) = %q, want %q", tt.before, tt.after, got, tt.want)
		}
	}
}
