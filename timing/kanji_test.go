package timing

import (
	"testing"
	"time"
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

// TestUnsaidMarkBeforePause checks that a mark with nothing to say, a
// closing ＞, is heard before the pause that follows it, not after it
// starting the next cue alone; an opening ＜, and a word the aligner
// hears in no time at the pause, stay with the speech after it.
func TestUnsaidMarkBeforePause(t *testing.T) {
	s := time.Second
	// One second of speech, a pause of two, one more second.
	clock := &speechClock{pts: []clockPoint{{0, 0}, {s, s}, {3 * s, s}, {4 * s, 2 * s}}}
	w := window{clock: clock, end: 4 * s}
	for _, tt := range []struct {
		text  string
		pause int // the boundary the pause is heard at
	}{
		{"Yes ＞ no", 2},
		{"Yes -- no", 2},
		{"Yes ＜ no", 1},
		{"Yes ( no", 1},
		{"Yes agenda no", 1}, // a word heard in no time goes with the speech after
	} {
		ws := splitWords(tt.text)
		var b turnBuffers
		h := b.hearWords(w, ws, []time.Duration{0, s, s, 2 * s})
		for k := 1; k < len(ws); k++ {
			if got, want := h.starts[k] > h.ends[k], k == tt.pause; got != want {
				t.Errorf("%q: pause before word %d = %v, want %v (starts %v, ends %v)", tt.text, k, got, want, h.starts, h.ends)
			}
		}
	}
}
