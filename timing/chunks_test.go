package timing

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// TestChunksKeepSentences cuts generated turns into cues and checks the
// sentence-first rules a captioner reads them by: no cue ends one
// sentence and breaks off the next (straddleCost), and none opens on the
// last word or two of a sentence and then starts another ("goes / out.
// Tell me…", the seed's output before the rule).
func TestChunksKeepSentences(t *testing.T) {
	vocab := strings.Fields("we the models release out when this interview goes about talking start " +
		"and of to in a open source community powering for is it now going be new exciting " +
		"tell me what really think people world version important thing doing upgrade")
	r := rand.New(rand.NewPCG(1, 2))
	lim := chunkLimits{maxChars: 42, maxLines: 2, maxWidth: 119, maxCPS: 17, minDuration: 833 * time.Millisecond, minGap: 83 * time.Millisecond}
	var ck chunker
	checked := 0
	for range 500 {
		var sentences []string
		for range 2 + r.IntN(6) {
			n := 1 + r.IntN(18)
			var s []string
			for range n {
				s = append(s, vocab[r.IntN(len(vocab))])
			}
			sentences = append(sentences, strings.Join(s, " ")+".")
		}
		text := strings.Join(sentences, " ")
		chunks := ck.splitChunks(splitWords(text), lim)
		for k, c := range chunks {
			checked++
			inner := -1 // the first sentence end before the chunk's last word
			for i, w := range c[:len(c)-1] {
				if w.closesSentence() {
					inner = i
					break
				}
			}
			if inner < 0 {
				continue
			}
			last := k == len(chunks)-1
			if !last && !c[len(c)-1].closesSentence() {
				t.Errorf("%q: cue %q ends a sentence and breaks off the next", text, join(c))
			}
			if k > 0 && !chunks[k-1][len(chunks[k-1])-1].closesSentence() && width(c[:inner+1]) < 16 {
				t.Errorf("%q: cue %q opens on a sentence's last words", text, join(c))
			}
		}
	}
	if checked < 1000 {
		t.Fatalf("only %d cues checked", checked)
	}
}

// TestCleanSplitScansEveryBreak checks cleanSplit, which reads prefix
// counts, against a scan of every break of generated chunks: whether a
// break fits both lines, breaks no rule and parts no noun phrase.
func TestCleanSplitScansEveryBreak(t *testing.T) {
	vocab := strings.Fields("the a of in search box city council legal assistance mathematical expression " +
		"and we think it is very simple extraordinarily people's 8 billion Mark Zuckerberg to")
	r := rand.New(rand.NewPCG(3, 4))
	for range 200 {
		var text []string
		for range 4 + r.IntN(30) {
			text = append(text, vocab[r.IntN(len(vocab))])
		}
		ws := splitWords(strings.Join(text, " "))
		breakRules{english: true}.classify(ws)
		lim := chunkLimits{maxChars: 20 + r.IntN(30), maxLines: 2, maxWidth: 1 << 20, reserve: r.IntN(12)}
		var ck chunker
		ck.splitChunks(ws, lim)
		for i := 0; i < len(ws); i++ {
			for j := i + 1; j <= len(ws); j++ {
				var clean bool
				for k := i + 1; k < j; k++ {
					top := width(ws[i:k]) + reserveAt(i, lim)
					if top > lim.maxChars || width(ws[k:j]) > lim.maxChars || breaksRule(ws[k-1], ws[k]) {
						continue
					}
					clean = clean || ws[k-1].flags&flagModifier == 0
				}
				if got := ck.cleanSplit(i, j); got != clean {
					t.Fatalf("%q [%d:%d] at %d characters: cleanSplit = %v; a scan says %v",
						join(ws), i, j, lim.maxChars, got, clean)
				}
			}
		}
	}
}
