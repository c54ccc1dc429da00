package timing

import (
	"strings"
	"testing"

	"github.com/capconv/capconv/convert/caption"
)

// breaks counts the breaks inside turns in cues, line breaks and cue
// breaks alike, and those that break a line-treatment rule of the
// language tag names ("" is English): the ones capconv check reports
// (r.badBreak) and, in English, the compounds and adjectives the tagger
// reads (taggedBreak), which tagged also counts. A cue break is inside a
// turn when the next cue goes on with the same speaker's words without a
// pause of a second or more.
func breaks(cues []caption.Cue, tag string) (bad, tagged, total int) {
	r := breakRules{english: true}
	if tag != "" {
		r = breakRulesFor(tag, cues)
	}
	count := func(before, after string) {
		if strings.TrimSpace(before) == "" || strings.TrimSpace(after) == "" {
			return
		}
		total++
		switch {
		case r.badBreak(before, after) != "":
			bad++
		case r.english && taggedBreak(before, after) != "":
			bad++
			tagged++
		}
	}
	for i, c := range cues {
		for j := 1; j < len(c.Lines); j++ {
			if c.Lines[j].Speaker == c.Lines[j-1].Speaker {
				count(c.Lines[j-1].Text, c.Lines[j].Text)
			}
		}
		if i+1 < len(cues) && len(c.Lines) > 0 && len(cues[i+1].Lines) > 0 {
			n := cues[i+1]
			last, first := c.Lines[len(c.Lines)-1], n.Lines[0]
			if last.Speaker == first.Speaker && n.Start-c.End < 1e9 {
				count(last.Text, first.Text)
			}
		}
	}
	return bad, tagged, total
}

func TestBreakRules(t *testing.T) {
	tests := []struct {
		before, after string
		bad           bool
	}{
		{"there is a", "field", true},
		{"look at the", "search box", true},
		{"it is", "already", true},
		{"a cow in", "the field", true},
		{"we have to", "say", true},
		{"in people's", "hands", true},
		{"an 8", "billion dollar", true},
		{"said Mark", "Zuckerberg today", true},
		{"in training,", "it is", false},
		{"the world.", "The end", false},
		{"a cow", "in a field", false},
		// A subject pronoun and its verb (Netflix); "it" and "you" may be
		// objects, so only before an auxiliary.
		{"For where it is right now in training, it", "is already", true},
		{"and then we", "expect more", true},
		{"I think that they", "really want it", true},
		{"I saw you", "yesterday", false},
		{"we need it", "now", false},
		{"it was better than I", "thought", true},
		{"but I", "and Ann", false},
	}
	for _, tc := range tests {
		if got := badBreak(tc.before, tc.after); (got != "") != tc.bad {
			t.Errorf("badBreak(%q, %q) = %q, want bad %v", tc.before, tc.after, got, tc.bad)
		}
	}
	bad, _, total := breaks([]caption.Cue{
		{Start: 0, End: 1e9, Lines: []caption.Line{{Text: "there is a cow in a"}, {Text: "field over there."}}},
		{Start: 1e9, End: 2e9, Lines: []caption.Line{{Text: "And then"}}},
		{Start: 5e9, End: 6e9, Lines: []caption.Line{{Text: "the rest"}}},
	}, "")
	if bad != 1 || total != 2 {
		t.Errorf("breaks = %d bad of %d, want 1 of 2 (a pause of 3 s is no break)", bad, total)
	}
	// In French, by French rules: "le / chat" parts an article from its
	// noun, which the English lists do not know.
	french := []caption.Cue{{Start: 0, End: 1e9, Lines: []caption.Line{{Text: "Il regarde le"}, {Text: "chat noir."}}}}
	if bad, _, total := breaks(french, "fr"); bad != 1 || total != 1 {
		t.Errorf("breaks in French = %d bad of %d, want 1 of 1", bad, total)
	}
	if bad, _, _ := breaks(french, ""); bad != 0 {
		t.Errorf("breaks by the English rules = %d bad, want 0: they do not know French", bad)
	}
}

// TestBreaksRuleIsBadBreak checks that breaksRule, which the line breaker
// and the cue splitter ask, flags the breaks capconv check's badBreak
// flags, by the rules of each file's language, on every pair of
// neighbouring words of the harness's captions: every break the checker
// flags, and in English no other.
// A space between two words of Japanese is left out: there the space
// says the captioner's phrases end, which a line break does not show
// the checker, who reads the two lines as one text (TestJapaneseWords
// checks breaks inside the words of Japanese written without spaces).
func TestBreaksRuleIsBadBreak(t *testing.T) {
	if testing.Short() {
		t.Skip("reads hours of captions")
	}
	refs := loadReferences(t)
	pairs, flagged := 0, 0
	for _, f := range accuracyFiles {
		ref := refs[f.name]
		r := wordRules(ref.lang, ref.segments)
		for _, c := range ref.cues {
			for _, l := range c.Lines {
				ws := splitWords(l.Text)
				r.classify(ws)
				for k := 1; k < len(ws); k++ {
					a, b := ws[k-1], ws[k]
					if b.glued() || cjkSpace(a, b) && strings.IndexFunc(l.Text, isKana) >= 0 {
						continue
					}
					pairs++
					// A line of several words above, and below the rest of
					// the line, which goes on after it (a reference line
					// may end on "der"; the line breaker's would not).
					below := join(ws[k:])
					if k == len(ws)-1 {
						below += " …"
					}
					want := r.badBreak(". "+a.text, below) != ""
					if want {
						flagged++
					}
					// In English the two agree; in another language the
					// breaker may keep more together than the checker
					// knows to flag (an English adjective, "white / lady").
					if got := breaksRule(a, b); got != want && (r.english || want) {
						t.Errorf("%s: breaksRule(%q, %q) = %v, badBreak says %v", f.name, a.text, b.text, got, want)
					}
				}
			}
		}
	}
	t.Logf("%d pairs of words, %d breaks against a rule", pairs, flagged)
}

// TestClassifyByLanguage checks that a turn's words take the classes of
// its language's line-treatment rules, so that breaksRule, which the
// line breaker and the cue splitter ask, keeps them: the language named,
// or the one its closed-class words show.
func TestClassifyByLanguage(t *testing.T) {
	for _, tt := range []struct {
		tag, text string
		bad       []string // the words a break after which breaks a rule
	}{
		{"fr", "Il regarde le chat de la voisine.", []string{"le", "de", "la"}},
		{"fr", "Elle est partie. Elle est là.", []string{"est"}}, // an auxiliary before its participle only
		{"es", "Ha comido en casa. Era algo nuevo.", []string{"Ha", "en"}},
		{"de", "Ich habe das Buch gelesen. Ich habe gewonnen.", []string{"das", "habe"}}, // the second "habe", before its verb
		{"de", "Herr Müller kommt.", nil},                                                // capitals mark German nouns, not names
		{"en", "Look at the search box.", []string{"at", "the"}},
		// No tag: forty words and more whose closed-class words are French.
		{"", strings.Repeat("Il regarde le chat de la voisine, et la voisine regarde le chien de son frère dans le jardin de la maison. ", 3),
			strings.Fields(strings.Repeat("le de la la le de son dans le de la ", 3))},
	} {
		segs := []caption.Segment{{Paragraphs: []string{tt.text}}}
		ws := splitWords(tt.text)
		wordRules(tt.tag, segs).classify(ws)
		var bad []string
		for k := 1; k < len(ws); k++ {
			if breaksRule(ws[k-1], ws[k]) {
				bad = append(bad, ws[k-1].text)
			}
		}
		if strings.Join(bad, " ") != strings.Join(tt.bad, " ") {
			t.Errorf("%s %q: no break after %q, want after %q", tt.tag, tt.text, bad, tt.bad)
		}
	}
}

// TestMarkModifiers checks which English words markModifiers finds a
// noun belongs to: an adjective or a noun before a noun, and after an
// article a word that may be a verb; not a verb before its object, a
// word before punctuation, a name, or a noun before a word that is not
// one.
func TestMarkModifiers(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"use the search box right there", []string{"search"}},
		{"the city council met on legal assistance programs", []string{"city", "legal", "assistance"}},
		{"a very simple mathematical expression.", []string{"mathematical"}},
		{"I love pizza and push things out", nil},
		{"we met the council, people said", nil},
		{"we met Mark Zuckerberg there", nil},
		{"the model works", nil},
	} {
		ws := splitWords(tt.text)
		breakRules{english: true}.classify(ws)
		var got []string
		for _, w := range ws {
			if w.flags&flagModifier != 0 {
				got = append(got, w.text)
			}
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%q: modifiers %q, want %q", tt.text, got, tt.want)
		}
	}
}
