package media

import (
	"context"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/internal/speechtrack"
)

func TestVoiceOf(t *testing.T) {
	for tag, want := range map[string]string{
		"en": "en", "en-US": "en-us", "en_GB": "en", "fr-CA": "fr", "zh": "cmn",
		"zh-Hans": "cmn", "zh-HK": "yue", "zh-yue": "yue", "ES": "es", "pt-BR": "pt",
	} {
		if got := voiceOf(tag); got != want {
			t.Errorf("voiceOf(%q) = %q, want %q", tag, got, want)
		}
	}
}

// TestWarpFollowsTheSpeakingRate matches random sounds against the same
// sounds said slower in their first half and faster in their second:
// each reference frame must find its own, however far the path strays
// from the straight line between the ends (a minute said three times as
// slowly, then three times as fast, strays 24 s from it).
func TestWarpFollowsTheSpeakingRate(t *testing.T) {
	for _, tt := range []struct {
		name       string
		m          int // reference frames
		slow, fast int // each frame of the first half said slow times; one of fast of the second
	}{
		{"12 s, twice as slow then twice as fast", 600, 2, 2},
		{"a minute, three times as slow then three times as fast", 3000, 3, 3},
		{"too short to coarsen", 40, 2, 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(1, 2))
			m := tt.m
			ref := make([]float32, m*Coeffs)
			for j := range m {
				for c := range Coeffs {
					// Sounds change every few frames, as phones do.
					if j%4 == 0 {
						ref[j*Coeffs+c] = float32(r.NormFloat64())
					} else {
						ref[j*Coeffs+c] = ref[(j-1)*Coeffs+c]
					}
				}
			}
			var q []float32
			var want []int // the q frame at which each ref frame starts
			for j := range m {
				want = append(want, len(q)/Coeffs)
				repeat := tt.slow
				if j >= m/2 {
					repeat = 0
					if j%tt.fast == 0 {
						repeat = 1
					}
				}
				for range repeat {
					for c := range Coeffs {
						q = append(q, ref[j*Coeffs+c]+0.1*float32(r.NormFloat64()))
					}
				}
			}
			match, step := warp(q, ref)
			if math.IsInf(step, 1) {
				t.Fatal("no path found")
			}
			bad := 0
			for j, i := range match {
				// Inside a phone its frames are alike: half a phone as
				// the slower speech says it is as close as warping can say.
				if math.Abs(float64(i-want[j])) > float64(2*tt.slow) {
					bad++
				}
			}
			if bad > m/50 {
				t.Errorf("%d of %d frames matched more than %d frames away", bad, m, 2*tt.slow)
			}
		})
	}
}

// TestInWord places the boundaries inside a word said by the piece it
// starts in by the characters of the pieces it covers.
func TestInWord(t *testing.T) {
	words := []string{"握", "り", "飯", "だ", "でっ", "か", "い"}
	spoken := []string{"ニギリメシ", "", "", "ダ", "デッカイ", "", ""}
	for i, want := range map[int]float64{1: 1.0 / 3, 2: 2.0 / 3, 5: 2.0 / 4, 6: 3.0 / 4} {
		if got := inWord(words, spoken, i); math.Abs(got-want) > 1e-9 {
			t.Errorf("inWord(%d) = %v, want %v", i, got, want)
		}
	}
}

// needSynthesizer skips a test without espeak-ng, unless the interop
// tests are required.
func needSynthesizer(t *testing.T, lang string) *Synthesizer {
	t.Helper()
	sy, err := NewSynthesizer(lang)
	if err != nil {
		if os.Getenv("CAPCONV_REQUIRE_INTEROP") != "" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	return sy
}

// TestSayFindsEveryWord says texts whose words the synthesizer pauses
// inside ("e.g.", "3.5", initials) or drops pauses between (long texts),
// and must give each word its start, in order.
func TestSayFindsEveryWord(t *testing.T) {
	sy := needSynthesizer(t, "en")
	long := strings.Repeat("And so the idea is, we need to find the setting of the knobs that makes it work. ", 12)
	for _, text := range []string{
		"Hello.",
		"We shipped 3.5 million units, e.g. to the U.S. and the U.K. in 2023.",
		"Well... I don't know; maybe — twice?",
		long,
	} {
		words := saidWords(strings.Fields(text))
		sounds, starts, err := sy.say(context.Background(), words)
		if err != nil {
			t.Errorf("%.40q: %v", text, err)
			continue
		}
		if len(starts) != len(words)+1 {
			t.Errorf("%.40q: %d starts for %d words", text, len(starts), len(words))
			continue
		}
		if starts[len(words)] != sounds.Frames() || !slices.IsSorted(starts) || starts[0] != 0 {
			t.Errorf("%.40q: starts %v of %d frames", text, starts, sounds.Frames())
		}
	}
}

// TestSayTakesAnUnheardWord says Japanese words one of which espeak-ng
// says too briefly to be found (a lone small っ): it takes no time, and
// the words around it keep their starts, instead of the whole turn going
// unaligned.
func TestSayTakesAnUnheardWord(t *testing.T) {
	sy := needSynthesizer(t, "ja")
	words := []string{"こんにちは", "っ", "ありがとう"}
	sounds, starts, err := sy.say(context.Background(), words)
	if err != nil {
		t.Fatalf("say(%q): %v", words, err)
	}
	if len(starts) != len(words)+1 || !slices.IsSorted(starts) || starts[len(words)] != sounds.Frames() {
		t.Fatalf("say(%q): starts %v of %d frames", words, starts, sounds.Frames())
	}
	if starts[2]-starts[1] > 5 {
		t.Errorf("っ takes %d frames, want next to none", starts[2]-starts[1])
	}
	if starts[1] == 0 || starts[3]-starts[2] < 20 {
		t.Errorf("starts %v: the words around っ lost their time", starts)
	}
}

// TestAlignFindsEachCue speaks cues with another synthesizer's voice than
// the aligner's where one is installed (flite), two of them without a
// pause between them, and aligns all their words as one turn: the
// boundary before each cue's first word must be where its speech starts.
func TestAlignFindsEachCue(t *testing.T) {
	sy := needSynthesizer(t, "en")
	synth := "flite"
	if speechtrack.ToolsFor(synth) != nil {
		synth = ""
	}
	if err := speechtrack.ToolsFor(synth); err != nil {
		t.Skip(err)
	}
	cues := []caption.Cue{
		cue(0.5, 3.5, "Ann", "Welcome back to the show, everybody."),
		cue(3.5, 6.0, "Ann", "Today we talk about compilers."), // runs on
		cue(6.0, 9.5, "Ann", "They turn what people write into what machines run."),
		cue(10.5, 13.0, "Ann", "Let us begin with the parser."),
	}
	path := filepath.Join(t.TempDir(), "talk.m4a")
	if err := speechtrack.Build(context.Background(), cues, path, speechtrack.Options{Synthesizer: synth, Language: "en", SNR: 25, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	sp, err := Detect(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	var first []int
	for _, c := range cues {
		first = append(first, len(words))
		words = append(words, strings.Fields(c.Lines[0].Text)...)
	}
	at, err := sp.Sounds.Align(context.Background(), sy, [][]string{words}, sp.Spans)
	if err != nil {
		t.Fatal(err)
	}
	if len(at) != len(words)+1 || !slices.IsSorted(at) {
		t.Fatalf("%d boundaries for %d words, sorted %v", len(at), len(words), slices.IsSorted(at))
	}
	for k, c := range cues {
		if d := at[first[k]] - c.Start; d < -250*time.Millisecond || d > 250*time.Millisecond {
			t.Errorf("cue %d (%.20q) found at %v, said from %v", k+1, c.Lines[0].Text, at[first[k]], c.Start)
		}
	}
	// Two turns in a row, said apart, give the boundaries of one of
	// both, to a frame or two.
	split := first[2]
	two, err := sp.Sounds.Align(context.Background(), sy, [][]string{words[:split], words[split:]}, sp.Spans)
	if err != nil {
		t.Fatal(err)
	}
	for i := range at {
		if d := two[i] - at[i]; d < -2*SoundFrame || d > 2*SoundFrame {
			t.Errorf("boundary %d: %v as two turns, %v as one", i, two[i], at[i])
		}
	}
}

// TestPrefetchSaysAheadOnce: turns said in the background, short ones
// together in one run, are what Align then uses; a turn sounds the same
// whether it is asked for before or after the background reaches it, and
// about as long as said alone; a stopped prefetch leaves nothing half
// said behind.
func TestPrefetchSaysAheadOnce(t *testing.T) {
	turns := [][]string{
		strings.Fields("First of all, thank you."),
		strings.Fields("You are welcome, it is a pleasure."),
		strings.Fields("Shall we start with the first question?"),
	}
	asked := func(wait bool) (*Synthesizer, []Sounds, [][]int) {
		sy := needSynthesizer(t, "en")
		stop := sy.Prefetch(context.Background(), turns)
		defer stop()
		for wait {
			sy.mu.Lock()
			wait = len(sy.said) < len(turns)
			sy.mu.Unlock()
			time.Sleep(10 * time.Millisecond)
		}
		var sounds []Sounds
		var starts [][]int
		for _, words := range turns {
			a, as, err := sy.sayTurn(context.Background(), words)
			if err != nil {
				t.Fatal(err)
			}
			sounds, starts = append(sounds, a), append(starts, as)
		}
		return sy, sounds, starts
	}
	sy, early, earlyStarts := asked(false)
	_, late, lateStarts := asked(true)
	for i, words := range turns {
		if !slices.Equal(early[i].coeffs, late[i].coeffs) || !slices.Equal(earlyStarts[i], lateStarts[i]) {
			t.Errorf("%q: asked before the background said it, it sounds otherwise than after", words)
		}
		if len(earlyStarts[i]) != len(words)+1 || earlyStarts[i][len(words)] != early[i].Frames() {
			t.Errorf("%q: word starts %v for %d frames", words, earlyStarts[i], early[i].Frames())
		}
		alone, _, err := sy.say(context.Background(), words)
		if err != nil {
			t.Fatal(err)
		}
		if d := early[i].Frames() - alone.Frames(); d*5 > alone.Frames() || -d*5 > alone.Frames() {
			t.Errorf("%q: %d frames said with the others, %d alone", words, early[i].Frames(), alone.Frames())
		}
	}
	sy.mu.Lock()
	kept := len(sy.said)
	sy.mu.Unlock()
	if kept != len(turns) {
		t.Errorf("%d turns kept, want %d", kept, len(turns))
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	other := needSynthesizer(t, "en")
	if _, _, err := other.sayTurn(ctx, turns[0]); err == nil {
		t.Fatal("a cancelled turn was said")
	}
	if _, _, err := other.sayTurn(context.Background(), turns[0]); err != nil {
		t.Errorf("after a cancelled call: %v", err)
	}
}

// TestTallyKeepsTheSayingThatMatchedMost tries every saying until
// sayingTrial of speech is counted, then chooses the one that matched
// most of it best.
func TestTallyKeepsTheSayingThatMatchedMost(t *testing.T) {
	sy := &Synthesizer{voice: "ja", chosen: -1}
	for _, step := range []struct {
		saying int
		speech time.Duration
		chosen int
	}{
		{1, sayingTrial / 3, -1},
		{0, sayingTrial / 3, -1},
		{1, sayingTrial / 3, 1},
		{0, sayingTrial, 1}, // chosen for good
	} {
		sy.tally(step.saying, 2, step.speech)
		if sy.chosen != step.chosen {
			t.Fatalf("after %v matched best by saying %d: chosen %d, want %d", step.speech, step.saying, sy.chosen, step.chosen)
		}
	}
	if got := len(sy.sayings([][]string{{"握", "り", "飯"}})); got != 2 {
		t.Errorf("Japanese has %d sayings, want 2 (by its readings, as written)", got)
	}
	if got := len((&Synthesizer{voice: "en"}).sayings([][]string{{"a"}})); got != 1 {
		t.Errorf("English has %d sayings, want 1", got)
	}
}

// TestWarpAnySizes warps random sounds of every shape, a frame to
// minutes on either side: the match is one q frame for every ref frame,
// inside q, in order.
func TestWarpAnySizes(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	frames := func(n int) []float32 {
		f := make([]float32, n*Coeffs)
		for i := range f {
			f[i] = float32(r.NormFloat64())
		}
		return f
	}
	sizes := [][2]int{{1, 1}, {1, 500}, {500, 1}, {31, 33}, {33, 31}, {40, 9000}, {9000, 40}, {6000, 2000}, {2000, 6000}}
	for range 20 {
		sizes = append(sizes, [2]int{1 + r.IntN(3000), 1 + r.IntN(3000)})
	}
	for _, sz := range sizes {
		n, m := sz[0], sz[1]
		match, _ := warp(frames(n), frames(m))
		if len(match) != m {
			t.Fatalf("%d×%d: %d matches, want %d", n, m, len(match), m)
		}
		for j, i := range match {
			if i < 0 || i >= n || (j > 0 && i < match[j-1]) {
				t.Fatalf("%d×%d: ref frame %d matched to %d (after %d)", n, m, j, i, match[max(j-1, 0)])
			}
		}
	}
}
