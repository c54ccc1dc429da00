package lexicon

import (
	"bytes"
	"flag"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rebuild words.txt from WordNet")

// TestWordsAreWordNets rebuilds words.txt from Debian's wordnet-base and
// checks that the committed list, and its index, are what it makes;
// -update rewrites them.
func TestWordsAreWordNets(t *testing.T) {
	if _, err := os.Stat(WordNetDir); err != nil {
		if os.Getenv("CAPCONV_REQUIRE_INTEROP") != "" {
			t.Fatalf("WordNet: %v (apt install wordnet-base)", err)
		}
		t.Skipf("WordNet: %v (apt install wordnet-base)", err)
	}
	got, err := Build(WordNetDir)
	if err != nil {
		t.Fatal(err)
	}
	idx := buildIndex(string(got))
	if *update {
		if err := os.WriteFile("words.txt", got, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("words.idx", idx, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(got, []byte(words)) {
		t.Errorf("words.txt is not what WordNet makes (%d bytes, want %d): go test ./internal/lexicon -update", len(words), len(got))
	}
	if !bytes.Equal(idx, []byte(index)) {
		t.Errorf("words.idx is not words.txt's index: go test ./internal/lexicon -update")
	}
}

func TestOf(t *testing.T) {
	for _, tt := range []struct {
		word string
		want Class
	}{
		{"box", Noun},
		{"boxes", Noun},
		{"behaviors", Noun},
		{"policies", Noun},
		{"children", Noun},
		{"source", Noun},
		{"mathematical", Adjective},
		{"legal", Adjective},
		{"emergent", Adjective},
		{"open", Other},   // a verb and an adjective as often
		{"search", Other}, // a verb as often as a noun
		{"very", Other},
		{"quickly", Other},
		{"the", Other},
		{"xyzzy", Other},
	} {
		if got := Of(tt.word); got != tt.want {
			t.Errorf("Of(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

// TestFindsEveryWord looks up every word of the list.
func TestFindsEveryWord(t *testing.T) {
	for line := range strings.Lines(words) {
		w, _, _ := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
		if _, ok := find(w); !ok {
			t.Fatalf("find(%q): not found", w)
		}
		if _, ok := find(w + "zz"); ok && !strings.Contains(words, "\n"+w+"zz\t") {
			t.Fatalf("find(%q): found", w+"zz")
		}
	}
}

func BenchmarkOf(b *testing.B) {
	text := strings.Fields("you will be able to just use the search box right there to ask any question about the legal assistance programs of the city council")
	for b.Loop() {
		for _, w := range text {
			Of(w)
		}
	}
}
