package timing

import (
	"math/rand"
	"strings"
	"testing"
	"time"
)

// TestSplitChunksLeavesTimeToRead cuts generated turns, said at rates
// that change from word to word with pauses between some of them, with
// and without knowing where each word is heard. Knowing it, the chunks
// keep every word in order, never hold a pause of splitPause or more,
// and leave more cues time to be read than the text alone does (in any
// one turn, at most one fewer: a better break may cost one).
func TestSplitChunksLeavesTimeToRead(t *testing.T) {
	vocab := strings.Fields("I think that the answer is actually quite simple and we should look at it again, because nobody here knows what happened. Yes. Well, maybe tomorrow!")
	rng := rand.New(rand.NewSource(7))
	lim := chunkLimits{maxChars: 42, maxLines: 2, maxWidth: 140, maxCPS: 20, minDuration: 833 * time.Millisecond, minGap: 83 * time.Millisecond}
	var blind, heard chunker
	readable := func(h *heardWords, chunks [][]word) int {
		n, at, total := 0, 0, 0
		for _, c := range chunks {
			total += len(c)
		}
		for _, c := range chunks {
			if lim.readCost(width(c), h.room(at, at+len(c), total, lim.minGap)) == 0 {
				n++
			}
			at += len(c)
		}
		return n
	}
	better, sumBlind, sumHeard := 0, 0, 0
	for trial := 0; trial < 300; trial++ {
		var text []string
		for n := 5 + rng.Intn(60); len(text) < n; {
			text = append(text, vocab[rng.Intn(len(vocab))])
		}
		ws := splitWords(strings.Join(text, " "))
		h := &heardWords{}
		at := time.Duration(0)
		for i, w := range ws {
			if i > 0 && rng.Intn(6) == 0 {
				h.ends = append(h.ends, at)
				at += time.Duration(rng.Intn(1500)) * time.Millisecond // a pause
			} else {
				h.ends = append(h.ends, at)
			}
			h.starts = append(h.starts, at)
			// 12 to 30 characters a second
			at += time.Duration(float64(len(w.text)+1) / (12 + 18*rng.Float64()) * float64(time.Second))
		}
		h.starts, h.ends = append(h.starts, at), append(h.ends, at)
		h.last = at

		without := blind.splitChunks(ws, lim)
		nBlind := readable(h, without)
		lim.heard = h
		with := heard.splitChunks(ws, lim)
		lim.heard = nil
		k := 0
		for _, c := range with {
			for i := range c {
				if c[i].text != ws[k].text {
					t.Fatalf("trial %d: word %d is %q, want %q", trial, k, c[i].text, ws[k].text)
				}
				if i > 0 && h.starts[k]-h.ends[k] >= splitPause {
					t.Errorf("trial %d: a cue holds a pause of %v before %q", trial, h.starts[k]-h.ends[k], ws[k].text)
				}
				k++
			}
		}
		if k != len(ws) {
			t.Fatalf("trial %d: %d words cut into chunks, want %d", trial, k, len(ws))
		}
		nHeard := readable(h, with)
		sumBlind, sumHeard = sumBlind+nBlind, sumHeard+nHeard
		if nHeard < nBlind-1 { // a better break may cost a cue's reading time, not two
			t.Errorf("trial %d: %d cues readable knowing the speech, %d not knowing it", trial, nHeard, nBlind)
		}
		if nHeard > nBlind {
			better++
		}
	}
	if better == 0 || sumHeard <= sumBlind {
		t.Errorf("knowing where the words are heard left %d cues time to be read, not knowing it %d", sumHeard, sumBlind)
	}
	t.Logf("more cues readable in %d of 300 turns; %d against %d in all", better, sumHeard, sumBlind)
}
