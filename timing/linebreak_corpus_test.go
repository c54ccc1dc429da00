package timing

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestBreakLinesAgainstProfessionals breaks the text of every two-line cue
// of the professional captions (Netflix, NOVA, Lex Fridman) at the
// width of the file's longest line and counts how often the break falls
// where the captioner put it, and how often it breaks a rule of
// CAPTIONS.md that the captioner kept. Both are held to the figures
// measured when the rules were last changed.
func TestBreakLinesAgainstProfessionals(t *testing.T) {
	if testing.Short() {
		t.Skip("reads hours of captions")
	}
	files := []struct {
		name     string
		minAgree float64 // share of cues broken where the captioner broke them
		maxWorse float64 // share of cues where ours ends a line on a function word and theirs does not
	}{
		// Lex Fridman's captions roll: 40% of their breaks end a line on
		// a function word, so agreeing with them is not the aim: keeping
		// adjectives, possessives and numbers with what follows them
		// (breaksRule) moved it from 47.6% to 46.9%, and NOVA's from 67.1%
		// to 67.9%. Weighing a break between two words of no class
		// (contentBreakCost) took Lex Fridman's to 40.9% and NOVA's to
		// 71.4%: Lex Fridman's captioner breaks after "the", "of" and
		// "can", which ours keep with what follows. Keeping English noun
		// phrases whole (flagModifier) took it to 39.4%: a tagger reads
		// 2.5% of that captioner's breaks as inside a noun phrase.
		{"lexfridman", 0.39, 0},
		// Spanish: the word classes are English, so only balance and
		// punctuation apply.
		{"netflix", 0.55, 0},
		{"nova", 0.71, 0},
		// Japanese broadcast captions, whose lines hold spaces between
		// phrases: 56.1% before a space there read as a comma (cjkSpace),
		// 86.4% with kana runs, okurigana and particles kept with their
		// word, 90.9% with the dictionary's phrases instead
		// (TestJapaneseBreaksAgainstProfessionals).
		{"anime-ja", 0.90, 0},
	}
	refs := loadReferences(t)
	for _, f := range files {
		cues := refs[f.name].cues
		width := 0
		for _, c := range cues {
			for _, l := range c.Lines {
				width = max(width, utf8.RuneCountInString(l.Text))
			}
		}
		n, agree, worse, better := 0, 0, 0, 0
		for _, c := range cues {
			if len(c.Lines) != 2 || c.Lines[0].Speaker != c.Lines[1].Speaker {
				continue
			}
			text := c.Lines[0].Text + " " + c.Lines[1].Text
			got := BreakLines(text, width, 2)
			if len(got) != 2 {
				continue
			}
			n++
			if got[0] == strings.Join(strings.Fields(c.Lines[0].Text), " ") {
				agree++
			}
			theirs := [][]word{splitWords(c.Lines[0].Text), splitWords(c.Lines[1].Text)}
			ours := [][]word{splitWords(got[0]), splitWords(got[1])}
			if endsOnFunctionWord(ours) && !endsOnFunctionWord(theirs) {
				worse++
			}
			if endsOnFunctionWord(theirs) && !endsOnFunctionWord(ours) {
				better++
			}

		}
		t.Logf("%s: %d two-line cues at %d characters: same break %.1f%%, ours ends a line on a function word where theirs does not %.1f%%, the reverse %.1f%%",
			f.name, n, width, 100*float64(agree)/float64(n), 100*float64(worse)/float64(n), 100*float64(better)/float64(n))
		if a := float64(agree) / float64(n); a < f.minAgree {
			t.Errorf("%s: same break as the captioner in %.1f%% of cues, want at least %.0f%%", f.name, 100*a, 100*f.minAgree)
		}
		if w := float64(worse) / float64(n); w > f.maxWorse {
			t.Errorf("%s: %.1f%% of our breaks end a line on a function word where the captioner's does not", f.name, 100*w)
		}
	}
}
