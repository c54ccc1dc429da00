// Package lexicon tells English nouns and adjectives from other words, so
// that a line breaker can keep a compound ("search box") or an adjective
// and its noun ("open source") on one line without a part-of-speech
// tagger, which would take longer than the rest of the timing.
//
// Its word list, words.txt, is built from WordNet 3.0 (see
// LICENSE.WordNet) by Build: a word is a noun or an adjective when at
// least four in five of its senses' uses in the SemCor corpus, which
// WordNet counts, are of that part of speech, or, for a word SemCor uses
// fewer than three times, when WordNet knows it as nothing else.
package lexicon

import (
	_ "embed"
	"strings"
)

// Class is the part of speech a word almost always has.
type Class uint8

const (
	// Other is a word that is neither, or either as often as not ("open",
	// "search"), or one WordNet does not know.
	Other Class = iota
	// Noun is a common noun ("box", "source").
	Noun
	// Adjective is an adjective ("mathematical", "legal").
	Adjective
	// NounOrAdjective is either, hardly ever anything else ("standard",
	// "white").
	NounOrAdjective
)

// words is words.txt: sorted lines of a word, a tab and its class ("n",
// "a" or "na"). index is words.idx, a hash table of its lines (see
// buildIndex), so that nothing is built before the first lookup: a map
// of words takes 7 ms to build, a third of the time a 3 h transcript
// takes to time.
var (
	//go:embed words.txt
	words string
	//go:embed words.idx
	index string
)

// Of returns the class of w, a word in lower case without punctuation;
// a regular plural ("boxes", "behaviors", "policies") is its noun's.
func Of(w string) Class {
	if c, ok := find(w); ok {
		return c
	}
	for _, p := range [...]struct{ suffix, stem string }{{"ies", "y"}, {"es", ""}, {"s", ""}} {
		if s, ok := strings.CutSuffix(w, p.suffix); ok && len(s) > 1 {
			if c, _ := find(s + p.stem); c == Noun {
				return Noun
			}
		}
	}
	return Other
}

// find looks w up in index: each slot holds 1 + the offset in words of
// a line, or 0; a word's line is in the first slot from its hash on whose
// line holds it, before an empty one.
func find(w string) (Class, bool) {
	slots := uint32(len(index) / 4)
	for h := hash(w) & (slots - 1); ; h = (h + 1) & (slots - 1) {
		b := index[4*h : 4*h+4]
		at := uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24 // little-endian, as buildIndex writes it
		if at == 0 {
			return Other, false
		}
		line := words[at-1:]
		line = line[:strings.IndexByte(line, '\n')]
		key, class, _ := strings.Cut(line, "\t")
		if key != w {
			continue
		}
		switch class {
		case "n":
			return Noun, true
		case "a":
			return Adjective, true
		case "na":
			return NounOrAdjective, true
		}
		return Other, true
	}
}

// hash is FNV-1a of w.
func hash(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return h
}
