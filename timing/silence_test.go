package timing

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
)

// TestFittedSilence checks the fit of window = a·need + b on generated
// turns: b comes back within 0.3 s however long the turns, with a tenth of
// them holding a long scene of music, and no fit from too few turns.
func TestFittedSilence(t *testing.T) {
	for _, tt := range []struct {
		name    string
		a, b    float64 // seconds
		turns   int
		want    float64
		fitted  bool
		outlier bool
		same    bool // every turn needs as long
	}{
		{name: "live captions: speech to the next turn", a: 1.05, b: 0.9, turns: 200, want: 0.9, fitted: true},
		{name: "narration: silence before each shot", a: 1.0, b: 6, turns: 200, want: 6, fitted: true, outlier: true},
		{name: "slow speech, no silence", a: 1.4, b: 0, turns: 50, want: 0, fitted: true},
		{name: "silence never negative", a: 1.3, b: -2, turns: 50, want: 0, fitted: true},
		{name: "too few turns to tell", a: 1, b: 3, turns: minSilenceFit - 1, fitted: false},
		{name: "turns all alike", a: 1, b: 3, turns: 50, same: true, fitted: false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(1, 2))
			var ws []window
			for k := range tt.turns {
				need := 1 + 30*rng.Float64()
				if tt.same {
					need = 10
				}
				win := tt.a*need + tt.b + 0.4*rng.NormFloat64()
				if tt.outlier && k%10 == 0 {
					win += 60 // a scene of music the transcript says nothing of
				}
				start := time.Duration(k) * time.Minute
				ws = append(ws, window{start: start, end: start + seconds(max(win, 2.5)), need: seconds(need), next: true})
			}
			// A stated range and the last turn do not count.
			ws = append(ws, window{start: 0, end: time.Hour, need: time.Second, known: true, next: true}, window{start: 0, end: time.Hour, need: time.Second})
			got, ok := fittedSilence(ws)
			if ok != tt.fitted {
				t.Fatalf("fittedSilence() fitted = %v, want %v", ok, tt.fitted)
			}
			if ok && (got.Seconds() < tt.want-0.3 || got.Seconds() > tt.want+0.3) {
				t.Errorf("fittedSilence() = %v, want %.1fs ± 0.3 s", got, tt.want)
			}
		})
	}
}

// TestFittedSilenceKeepsSlowSpeechSpread times a file of two slow
// speakers (8 characters a second, slower than minRate) whose windows run a
// second longer than the words, as live captions do: the model fits that
// second as the file's silence per turn, so each turn's speech runs to
// within two seconds of the next turn instead of stopping with half the
// window's spare time left silent, as it does without the fit (1.1 s
// against 4.0 s).
func TestFittedSilenceKeepsSlowSpeechSpread(t *testing.T) {
	sentence := "The council will now hear the items on the consent calendar. "
	var segs []caption.Segment
	at := time.Duration(0)
	for k := range 30 {
		text := strings.Repeat(sentence, 2+k%5)
		who := []string{"A", "B"}[k%2] // speakers take turns, as at a council
		segs = append(segs, caption.Segment{Start: at, Speaker: who, Paragraphs: []string{strings.TrimSpace(text)}})
		at += (seconds(float64(len(text))/8) + time.Second).Truncate(time.Second)
	}
	worst := func(m model) time.Duration {
		doc := &caption.Document{Segments: slices.Clone(segs), Duration: at}
		makeCues(doc, Options{}, m)
		var gap time.Duration
		for i := 0; i+1 < len(segs); i++ {
			next := segs[i+1].Start
			var end time.Duration // the turn's last cue's end
			for _, c := range doc.Cues {
				if c.Start < next {
					end = c.End
				}
			}
			gap = max(gap, next-end)
		}
		return gap
	}
	if g := worst(defaultModel); g > 2*time.Second {
		t.Errorf("a turn's speech stops %v before the next turn, want at most 2s", g)
	}
	without := defaultModel
	without.fitSilence = false
	if g := worst(without); g <= 3*time.Second {
		t.Errorf("without the fit a turn's speech stops %v before the next: the test shows nothing", g)
	}
}

// TestParagraphSilence checks that a turn followed by a paragraph of the
// same speaker ends with paragraphSilence of silence when its window has
// that much to spare, and that a turn before another speaker's, or with
// no such time to spare, keeps the other rules.
func TestParagraphSilence(t *testing.T) {
	m := defaultModel
	s := time.Second
	for _, tt := range []struct {
		name     string
		w        window
		maxSpeak time.Duration // the latest the speech may end
		minSpeak time.Duration // the earliest
	}{
		{"same speaker next, 10 s to spare", window{start: 0, end: 24 * s, need: 14 * s, next: true, sameNext: true}, 16*s + m.startLag, 16 * s},
		{"another speaker next", window{start: 0, end: 16 * s, need: 10 * s, next: true}, noLimit, 16*s - m.turnGap},
		{"same speaker, less to spare than the silence", window{start: 0, end: 16 * s, need: 10 * s, next: true, sameNext: true}, noLimit, 16*s - m.turnGap},
	} {
		got := tt.w.speech(m)
		if got.end > tt.maxSpeak || got.end < tt.minSpeak {
			t.Errorf("%s: speech ends at %v, want between %v and %v", tt.name, got.end, tt.minSpeak, tt.maxSpeak)
		}
	}
}

// TestTurnSilence checks that a window of a speaker at pace holds
// turnSilence of the file's fitted silence per turn as a pause, at most
// what the window has to spare, and none without a fit or a share; and
// that the pause before the next turn's speech is m.turnGap, at most
// turnSilence of the fitted silence.
func TestTurnSilence(t *testing.T) {
	s, ms := time.Second, time.Millisecond
	m := defaultModel
	m.turnSilence, m.endWeight, m.turnGap = 0.25, 4, 250*ms
	m.unnamedOnly = false // every turn's pause is shared among its sentences
	none := m
	none.turnSilence = 0
	for _, tt := range []struct {
		name      string
		w         window
		m         model
		wantPause time.Duration
		wantGap   time.Duration // before the next turn's speech
	}{
		{"a quarter of the fitted silence", window{end: 12 * s, need: 10 * s, next: true, silence: 4 * s, silenceFitted: true}, m, s, 250 * ms},
		{"no more than the window spares", window{end: 10*s + 500*ms, need: 10 * s, next: true, silence: 4 * s, silenceFitted: true}, m, 500 * ms, 250 * ms},
		{"no fit", window{end: 12 * s, need: 10 * s, next: true}, m, 0, 250 * ms},
		{"no share", window{end: 12 * s, need: 10 * s, next: true, silence: 4 * s, silenceFitted: true}, none, 0, 0},
		{"turns that hold little silence", window{end: 12 * s, need: 10 * s, next: true, silence: 400 * ms, silenceFitted: true}, m, 100 * ms, 100 * ms},
	} {
		got := tt.w.speech(tt.m)
		if got.pause != tt.wantPause {
			t.Errorf("%s: pause %v, want %v", tt.name, got.pause, tt.wantPause)
		}
		if want := tt.w.end + tt.m.startLag - tt.wantGap; got.end != want {
			t.Errorf("%s: speech and pause end at %v, want %v: the pause is inside the window", tt.name, got.end, want)
		}
	}
}
