package timing

import (
	"math"
	"testing"
)

// TestChunkSharesFollowSyllables: with syllableShare, a chunk of many
// syllables in few letters gets more of its turn's time than its letters
// alone would give it, one of few syllables in many letters less, the
// turn's total stays its units, and scripts whose characters are
// syllables keep their units.
func TestChunkSharesFollowSyllables(t *testing.T) {
	for _, tt := range []struct {
		name   string
		chunks []string
		more   int // the chunk whose share syllables raise, -1 when none moves
	}{
		{"vowels against consonants", []string{"idea area radio", "through strength splashed"}, 0},
		{"the other way round", []string{"strengths thwart", "aria oboe audio"}, 1},
		{"Chinese keeps its units", []string{"我们今天", "讨论一下"}, -1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var chunks [][]word
			for _, c := range tt.chunks {
				chunks = append(chunks, splitWords(c))
			}
			letters, syllables := defaultModel, defaultModel
			letters.syllableShare, syllables.syllableShare = 0, 0.25 // a value cross-validation's grid holds
			byLetters, _, lettersTotal := chunkShares(nil, nil, chunks, letters)
			bySyllables, _, syllablesTotal := chunkShares(nil, nil, chunks, syllables)
			if math.Abs(lettersTotal-syllablesTotal) > 1e-9 {
				t.Errorf("total %v by syllables, %v by letters: the turn's units must stay", syllablesTotal, lettersTotal)
			}
			for k := range chunks {
				switch {
				case tt.more < 0 && math.Abs(bySyllables[k]-byLetters[k]) > 1e-9:
					t.Errorf("chunk %d: %v by syllables, %v by letters, want the same", k, bySyllables[k], byLetters[k])
				case k == tt.more && bySyllables[k] <= byLetters[k]:
					t.Errorf("chunk %d (%q): %v by syllables, not more than %v by letters", k, tt.chunks[k], bySyllables[k], byLetters[k])
				case tt.more >= 0 && k != tt.more && bySyllables[k] >= byLetters[k]:
					t.Errorf("chunk %d (%q): %v by syllables, not less than %v by letters", k, tt.chunks[k], bySyllables[k], byLetters[k])
				}
			}
		})
	}
}

// TestASCIISyllables: the ASCII fast path counts as the Unicode path does.
func TestASCIISyllables(t *testing.T) {
	for _, w := range []string{"", "through", "idea", "IDEA", "Queue", "rhythm", "2024", "x", "can't", "re-use", "--", "a1b2", "Yay!", "[laughs]", "~^_`@"} {
		got, ok := asciiSyllables(w)
		if !ok {
			t.Fatalf("asciiSyllables(%q) refused an ASCII word", w)
		}
		if want := unicodeSyllables(w); got != want {
			t.Errorf("asciiSyllables(%q) = %d, the Unicode path counts %d", w, got, want)
		}
	}
	if _, ok := asciiSyllables("café"); ok {
		t.Error("asciiSyllables took a word with a non-ASCII letter")
	}
}
