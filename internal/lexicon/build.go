package lexicon

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// WordNetDir is where Debian's wordnet-base puts WordNet's database.
const WordNetDir = "/usr/share/wordnet"

// The shares Build asks of a word's uses in SemCor, and how few uses it
// reads as no evidence.
const (
	dominantShare = 0.8
	minUses       = 3
)

// Build makes words.txt's text from the WordNet database in dir: its
// index files (which parts of speech a word has) and cntlist.rev (how
// often SemCor used each sense), with noun.exc's irregular plurals.
func Build(dir string) ([]byte, error) {
	const (
		noun = iota
		verb
		adjective
		adverb
	)
	senses := map[string]*[4]int{} // how many senses WordNet gives a word, by part of speech
	for i, name := range []string{"index.noun", "index.verb", "index.adj", "index.adv"} {
		err := eachLine(filepath.Join(dir, name), func(line string, n int) error {
			if strings.HasPrefix(line, " ") {
				return nil // the license at the top
			}
			f := strings.Fields(line)
			if len(f) < 3 {
				return fmt.Errorf("%s:%d: want lemma, part of speech and sense count", name, n)
			}
			if strings.Contains(f[0], "_") {
				return nil // a phrase, not a word
			}
			count, err := strconv.Atoi(f[2])
			if err != nil {
				return fmt.Errorf("%s:%d: sense count %q: %v", name, n, f[2], err)
			}
			if senses[f[0]] == nil {
				senses[f[0]] = new([4]int)
			}
			senses[f[0]][i] = count
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	// A sense key's lex_sense begins with its synset type: 5 is an
	// adjective satellite, an adjective too.
	synsetType := map[byte]int{'1': noun, '2': verb, '3': adjective, '5': adjective, '4': adverb}
	uses := map[string]*[4]int{} // how often SemCor used a word's senses, by part of speech
	err := eachLine(filepath.Join(dir, "cntlist.rev"), func(line string, n int) error {
		f := strings.Fields(line)
		if len(f) != 3 {
			return fmt.Errorf("cntlist.rev:%d: want sense key, sense number and count", n)
		}
		lemma, key, ok := strings.Cut(f[0], "%")
		if !ok || key == "" {
			return fmt.Errorf("cntlist.rev:%d: sense key %q has no %%", n, f[0])
		}
		count, err := strconv.Atoi(f[2])
		if err != nil {
			return fmt.Errorf("cntlist.rev:%d: count %q: %v", n, f[2], err)
		}
		p, ok := synsetType[key[0]]
		if !ok {
			return fmt.Errorf("cntlist.rev:%d: synset type %q", n, key[:1])
		}
		if strings.Contains(lemma, "_") {
			return nil
		}
		if uses[lemma] == nil {
			uses[lemma] = new([4]int)
		}
		uses[lemma][p] += count
		return nil
	})
	if err != nil {
		return nil, err
	}
	class := map[string]string{}
	for w, s := range senses {
		u, total := uses[w], 0
		if u != nil {
			total = u[0] + u[1] + u[2] + u[3]
		}
		switch {
		case verbForm(w, senses):
			// not a noun, nor anything else
		case total >= minUses && float64(u[noun]) >= dominantShare*float64(total):
			class[w] = "n"
		case total >= minUses && float64(u[adjective]) >= dominantShare*float64(total):
			class[w] = "a"
		case total >= minUses && float64(u[noun]+u[adjective]) >= dominantShare*float64(total):
			class[w] = "na"
		case total >= minUses:
		case s[noun] > 0 && s[verb]+s[adjective]+s[adverb] == 0:
			class[w] = "n"
		case s[adjective] > 0 && s[noun]+s[verb]+s[adverb] == 0:
			class[w] = "a"
		}
	}
	// Irregular plurals ("children child") are their nouns'.
	err = eachLine(filepath.Join(dir, "noun.exc"), func(line string, n int) error {
		f := strings.Fields(line)
		if len(f) < 2 {
			return fmt.Errorf("noun.exc:%d: want a form and its lemma", n)
		}
		if class[f[1]] == "n" && senses[f[0]] == nil && !strings.Contains(f[0], "_") {
			class[f[0]] = "n"
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(class))
	for w := range class {
		names = append(names, w)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, w := range names {
		b.WriteString(w + "\t" + class[w] + "\n")
	}
	return []byte(b.String()), nil
}

// verbForm reports whether w, which ends like a verb's third person,
// may be one: "works" (a factory to WordNet) and "means" may be "work"
// and "mean". Such a word is left out of the list.
func verbForm(w string, senses map[string]*[4]int) bool {
	for _, stem := range []string{strings.TrimSuffix(w, "s"), strings.TrimSuffix(w, "es")} {
		if s := senses[stem]; stem != w && s != nil && s[1] > 0 {
			return true
		}
	}
	return false
}

// eachLine calls fn with each line of the file at path and its number.
func eachLine(path string, fn func(line string, n int) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r := bufio.NewReader(f)
	for n := 1; ; n++ {
		line, err := r.ReadString('\n')
		if line != "" {
			if err := fn(strings.TrimRight(line, "\r\n"), n); err != nil {
				return err
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s:%d: %v", path, n, err)
		}
	}
}

// buildIndex makes words.idx for the lines of text: a table of 1 +
// each line's offset, by open addressing, in a power of two of slots at
// least one and a half times the lines (twice as many slots time a 3 h
// transcript the same).
func buildIndex(text string) []byte {
	slots := uint32(1)
	for n := strings.Count(text, "\n"); slots < 3*uint32(n)/2; {
		slots *= 2
	}
	table := make([]byte, 4*slots)
	for at := 0; at < len(text); {
		end := at + strings.IndexByte(text[at:], '\n')
		key, _, _ := strings.Cut(text[at:end], "\t")
		h := hash(key) & (slots - 1)
		for binary.LittleEndian.Uint32(table[4*h:]) != 0 {
			h = (h + 1) & (slots - 1)
		}
		binary.LittleEndian.PutUint32(table[4*h:], uint32(at)+1)
		at = end + 1
	}
	return table
}
