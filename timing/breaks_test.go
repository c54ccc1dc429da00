package timing

import (
	"strings"
	"testing"
	"unicode"

	"github.com/capconv/capconv/convert/caption"
)

// breakRule names the line-treatment rule a break between two words
// breaks, or "" for a legal break. The rules the style guides share
// (Netflix, BBC, DCMP): no break after an article or other determiner,
// an auxiliary, a preposition or the infinitive "to"; none inside a
// possessive ("people's / hands"), a name ("Mark / Zuckerberg") or a
// number and its unit ("8 / billion"). Adjective and noun, and compounds
// ("open / source"), need a part-of-speech tagger: they are not counted.
func breakRule(before, after string) string {
	a, b := newWord(before, len([]rune(before)), false), newWord(after, len([]rune(after)), false)
	switch {
	case a.closesSentence || a.closesClause:
		return ""
	case a.class == classDeterminer:
		return "article"
	case a.class == classAuxiliary:
		return "auxiliary"
	case a.class == classPreposition || a.class == classInfinitive:
		return "preposition"
	case strings.HasSuffix(strings.ToLower(before), "'s") || strings.HasSuffix(strings.ToLower(before), "’s"):
		return "possessive"
	case isNumber(before) && isUnit(after):
		return "number"
	case a.capitalised && b.capitalised && a.class == classOther && b.class == classOther:
		return "name"
	}
	return ""
}

func isNumber(w string) bool {
	w = strings.TrimLeft(w, "$€£")
	return w != "" && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsDigit(r) && r != '.' && r != ',' }) < 0
}

// isUnit reports whether w is a unit or magnitude a number goes with.
func isUnit(w string) bool {
	switch strings.ToLower(strings.Trim(w, ".,;:!?")) {
	case "billion", "million", "thousand", "hundred", "trillion", "percent", "%", "dollars", "euros",
		"years", "months", "weeks", "days", "hours", "minutes", "seconds", "km", "kg", "miles", "meters",
		"gb", "mb", "tb", "milliards", "millions", "millones", "mil", "prozent", "jahre", "ans":
		return true
	}
	return false
}

// breaks counts the breaks inside turns in cues, line breaks and cue
// breaks alike, and those that break a rule of breakRule. A cue break is
// inside a turn when the next cue goes on with the same speaker's words
// without a pause of a second or more.
func breaks(cues []caption.Cue) (bad, total int) {
	count := func(before, after string) {
		bw, aw := strings.Fields(before), strings.Fields(after)
		if len(bw) == 0 || len(aw) == 0 {
			return
		}
		total++
		if breakRule(bw[len(bw)-1], aw[0]) != "" {
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

func TestBreakRule(t *testing.T) {
	tests := []struct{ before, after, want string }{
		{"a", "field", "article"},
		{"the", "search", "article"},
		{"is", "already", "auxiliary"},
		{"in", "the", "preposition"},
		{"to", "say", "preposition"},
		{"people's", "hands", "possessive"},
		{"8", "billion", "number"},
		{"Mark", "Zuckerberg", "name"},
		{"training,", "it", ""},
		{"world.", "The", ""},
		{"cow", "in", ""},
		{"open", "source", ""}, // a compound: not counted
	}
	for _, tc := range tests {
		if got := breakRule(tc.before, tc.after); got != tc.want {
			t.Errorf("breakRule(%q, %q) = %q, want %q", tc.before, tc.after, got, tc.want)
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
