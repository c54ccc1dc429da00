package timing

import (
	"strings"
	"testing"

	"github.com/capconv/capconv/convert/caption"
)

// breaks counts the breaks inside turns in cues, line breaks and cue
// breaks alike, and those that break a line-treatment rule (badBreak, as
// capconv check reports them). A cue break is
// inside a turn when the next cue goes on with the same speaker's words
// without a pause of a second or more.
func breaks(cues []caption.Cue) (bad, total int) {
	count := func(before, after string) {
		if strings.TrimSpace(before) == "" || strings.TrimSpace(after) == "" {
			return
		}
		total++
		if badBreak(before, after) != "" {
			bad++
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
	return bad, total
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
	}
	for _, tc := range tests {
		if got := badBreak(tc.before, tc.after); (got != "") != tc.bad {
			t.Errorf("badBreak(%q, %q) = %q, want bad %v", tc.before, tc.after, got, tc.bad)
		}
	}
	bad, total := breaks([]caption.Cue{
		{Start: 0, End: 1e9, Lines: []caption.Line{{Text: "there is a cow in a"}, {Text: "field over there."}}},
		{Start: 1e9, End: 2e9, Lines: []caption.Line{{Text: "And then"}}},
		{Start: 5e9, End: 6e9, Lines: []caption.Line{{Text: "the rest"}}},
	})
	if bad != 1 || total != 2 {
		t.Errorf("breaks = %d bad of %d, want 1 of 2 (a pause of 3 s is no break)", bad, total)
	}
}

// TestBreaksRuleIsBadBreak checks that breaksRule, which the line breaker
// and the cue splitter ask, flags the breaks capconv check's badBreak
// flags, on every pair of neighbouring words of the harness's captions.
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
		for _, c := range refs[f.name].cues {
			for _, l := range c.Lines {
				ws := splitWords(l.Text)
				for k := 1; k < len(ws); k++ {
					a, b := ws[k-1], ws[k]
					if b.glued() || cjkSpace(a, b) && strings.IndexFunc(l.Text, isKana) >= 0 {
						continue
					}
					pairs++
					want := badBreak(". "+a.text, b.text) != "" // a line of several words
					if want {
						flagged++
					}
					if got := breaksRule(a, b); got != want {
						t.Errorf("%s: breaksRule(%q, %q) = %v, badBreak says %v", f.name, a.text, b.text, got, want)
					}
				}
			}
		}
	}
	t.Logf("%d pairs of words, %d breaks against a rule", pairs, flagged)
}
