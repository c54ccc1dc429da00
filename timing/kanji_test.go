package timing

import (
	"testing"
)

// TestKanjiWeight checks that Han characters weigh as two kana in
// Japanese text (text that holds kana) and as one syllable in Chinese:
// units and syllables, so that a kanji-heavy line gets the time it takes
// to say.
func TestKanjiWeight(t *testing.T) {
	for _, tt := range []struct {
		name           string
		text           string
		units          float64 // spoken(): width (spaces too) plus heavy
		syllables      int     // speechClock.said in syllables
		kanji, unkanji int     // words flagged kanji, and not
	}{
		// 3 kana (2 each) + 2 kanji (4 each).
		{name: "Japanese", text: "幸田さんは", units: 3*2 + 2*4, syllables: 3 + 2*2, kanji: 2, unkanji: 3},
		// 3 Han (3 each): 9, a syllable each.
		{name: "Chinese", text: "大家好", units: 3 * 3, syllables: 3, unkanji: 3},
		// The kana decide for the whole text, across spaces: 3 kanji, 4
		// kana, 。 and the space.
		{name: "Japanese, a kanji word alone", text: "零。 元気だったか", units: 3*4 + 4*2 + 1 + 1, syllables: 3*2 + 4, kanji: 3, unkanji: 3},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ws := splitWords(tt.text)
			if got := spoken(ws); got != tt.units {
				t.Errorf("spoken(%q) = %v, want %v", tt.text, got, tt.units)
			}
			c := speechClock{syllabic: true}
			if got := c.said(ws); got != 3*float64(tt.syllables) {
				t.Errorf("said(%q) = %v, want %v (3 a syllable)", tt.text, got, 3*float64(tt.syllables))
			}
			k, u := 0, 0
			for _, w := range ws {
				if w.kanji() {
					k++
				} else {
					u++
				}
			}
			if k != tt.kanji || u != tt.unkanji {
				t.Errorf("%q: %d kanji words and %d others, want %d and %d", tt.text, k, u, tt.kanji, tt.unkanji)
			}
		})
	}
}
