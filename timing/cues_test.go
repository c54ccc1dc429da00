package timing

import (
	"math/rand"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/capconv/capconv/convert/caption"
	"github.com/google/go-cmp/cmp"
)

var vocabulary = strings.Fields(`the a and but of to in I you we think that it's really
going model training people Meta AI Llama-3 open source, community. wild! right? so
énorme café naïve 東京 مرحبا 👋🏽 e\u0301 supercalifragilisticexpialidocious-and-then-some-more-words-without-spaces
Mark Zuckerberg said: "yes." 2024 GPUs, H100s; “quoted” – dash`)

// randomTranscript builds a transcript of n segments with random speakers,
// gaps (some zero, some long) and texts (some empty, some very long).
func randomTranscript(r *rand.Rand, n int) *caption.Document {
	speakers := []string{"Ann", "Bob Smith", "Ça Va", "SPEAKER_00"}
	doc := &caption.Document{}
	at := time.Duration(r.Intn(5)) * time.Second
	for i := 0; i < n; i++ {
		var words []string
		for k := r.Intn(120); k > 0; k-- {
			words = append(words, vocabulary[r.Intn(len(vocabulary))])
		}
		seg := caption.Segment{Start: at, Speaker: speakers[r.Intn(len(speakers))]}
		if len(words) > 0 || r.Intn(4) > 0 {
			seg.Paragraphs = []string{strings.Join(words, " ")}
		}
		doc.Segments = append(doc.Segments, seg)
		switch r.Intn(6) {
		case 0: // same start as the next segment
		case 1:
			at += time.Duration(r.Intn(120)) * time.Second
		default:
			at += time.Duration(1+r.Intn(15)) * time.Second
		}
	}
	return doc
}

// wordTexts returns text's words as the package cuts them: at spaces,
// and in scripts written without spaces where a line may break.
func wordTexts(text string) []string {
	var out []string
	for _, w := range splitWords(text) {
		out = append(out, w.text)
	}
	return out
}

func TestMakeCuesProperties(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	dialogues, joined := 0, 0
	for iter := 0; iter < 300; iter++ {
		doc := randomTranscript(r, 1+r.Intn(30))
		o := Options{MaxChars: 20 + r.Intn(30), MaxLines: 1 + r.Intn(3)}
		var labelWidth func(string) int
		if r.Intn(2) == 0 {
			labelWidth = func(s string) int { return utf8.RuneCountInString(s) + 2 }
		}
		if r.Intn(2) == 0 {
			p, _ := Preset(PresetNames()[r.Intn(len(PresetNames()))])
			o.MaxCPS, o.MinDuration, o.MaxDuration, o.MinGap, o.ChainGap = p.MaxCPS, p.MinDuration, p.MaxDuration, p.MinGap, p.ChainGap
		}
		if r.Intn(2) == 0 {
			o.FPS, _ = ParseFPS(FrameRateNames()[r.Intn(len(FrameRateNames()))])
		}
		NewTurns(doc, o).MakeCues(doc, labelWidth)
		joined += checkCueProperties(t, doc, o.withDefaults(), labelWidth)
		for _, c := range doc.Cues {
			if isDialogue(c) {
				dialogues++
			}
			for _, at := range []time.Duration{c.Start, c.End} {
				if o.FPS > 0 && FrameTime(Frame(at, o.FPS), o.FPS) != at {
					t.Errorf("%v is not on a frame at %.3f fps", at, o.FPS)
				}
			}
		}
		if t.Failed() {
			t.Fatalf("iteration %d, options %+v, labels %t", iter, o, labelWidth != nil)
		}
	}
	if dialogues == 0 {
		t.Error("no dialogue cue made: the properties of joinDialogue's cues went unchecked")
	}
	if joined == 0 {
		t.Error("no line ran from one paragraph into the next: the properties of joinParagraphs's cues went unchecked")
	}
	t.Logf("%d dialogue cues, %d lines of two paragraphs", dialogues, joined)
}

// snapSlack is how far snapping to frames may move a time: half a frame.
func snapSlack(o Options) time.Duration {
	if o.FPS <= 0 {
		return 0
	}
	return FrameTime(1, o.FPS)/2 + 1
}

// checkCueProperties asserts the invariants the package documents, for
// cues cut with labelWidth (see Turns.MakeCues). A cue holds lines of one
// segment, or of a paragraph that breaks off mid-sentence and the same
// speaker's next (see joinParagraphs), or is a dialogue (see
// joinDialogue): one line of each of two segments of different speakers,
// each line shown with a dash and, with labels, its speaker's label.
// Every word of the segments is in the cues once, in order, with its
// segment's speaker.
func checkCueProperties(t *testing.T, doc *caption.Document, o Options, labelWidth func(string) int) (joined int) {
	t.Helper()
	windows := segmentWindows(doc.Segments, o, defaultModel)
	// The segments' words, one after another, with the segment each is
	// in, whether it is its segment's first or last word, and the speaker
	// of the segment with words before it.
	type segWord struct {
		text         string
		seg          int
		first, last  bool
		speakerAfter string
	}
	var stream []segWord
	prevSpeaker := "\x00"
	for i, s := range doc.Segments {
		words := wordTexts(s.Text())
		for n, w := range words {
			stream = append(stream, segWord{text: w, seg: i, first: n == 0, last: n == len(words)-1, speakerAfter: prevSpeaker})
		}
		if len(words) > 0 {
			prevSpeaker = s.Speaker
		}
	}
	var want, got []string
	for _, w := range stream {
		want = append(want, w.text)
	}
	pos := 0 // the next word of stream
	for k, c := range doc.Cues {
		if pos >= len(stream) {
			t.Fatalf("cue %d: no words left for it", k)
		}
		dialogue := c.Speaker() == "" && len(c.Lines) > 1
		if dialogue && !isDialogue(c) {
			t.Errorf("cue %d has lines of several speakers but is no dialogue: %v", k, c.Lines)
		}
		if w := windows[stream[pos].seg]; c.Start < w.start-snapSlack(o) || c.Start > c.End {
			t.Errorf("cue %d [%v, %v] starts before its segment's window [%v, %v]", k, c.Start, c.End, w.start, w.end)
		}
		if k > 0 && c.Start < doc.Cues[k-1].End {
			t.Errorf("cue %d starts at %v before cue %d ends at %v", k, c.Start, k-1, doc.Cues[k-1].End)
		}
		tooLong := false
		for j, l := range c.Lines {
			lw := wordTexts(l.Text)
			got = append(got, lw...)
			if pos+len(lw) > len(stream) {
				t.Fatalf("cue %d line %q: more words than the segments hold", k, l.Text)
			}
			from := stream[pos]
			if from.seg != stream[pos+len(lw)-1].seg && dialogue {
				t.Errorf("cue %d: a dialogue line %q of two segments", k, l.Text)
			}
			for _, w := range stream[pos : pos+len(lw)] {
				s := doc.Segments[w.seg]
				if l.Speaker != s.Speaker {
					t.Errorf("cue %d line %q has speaker %q, want %q", k, l.Text, l.Speaker, s.Speaker)
					break
				}
				if w.seg != from.seg && (windows[w.seg].known || windows[w.seg].exact || windows[from.seg].known || windows[from.seg].exact) {
					t.Errorf("cue %d line %q runs from segment %d into %d, which state their times", k, l.Text, from.seg, w.seg)
					break
				}
			}
			if stream[pos+len(lw)-1].seg != stream[pos].seg {
				joined++
				// Paragraphs run on: the words between are those two segments'.
				for x := stream[pos].seg + 1; x < stream[pos+len(lw)-1].seg; x++ {
					if len(wordTexts(doc.Segments[x].Text())) > 0 {
						t.Errorf("cue %d line %q runs over segment %d", k, l.Text, x)
					}
				}
			}
			w := utf8.RuneCountInString(l.Text)
			s := doc.Segments[from.seg]
			switch {
			case dialogue:
				if s.Speaker == "" {
					t.Errorf("cue %d: a dialogue line of no speaker", k)
				}
				w += dashWidth
				if labelWidth != nil {
					w += labelWidth(s.Speaker)
				}
				if j < len(c.Lines)-1 && !stream[pos+len(lw)-1].last {
					t.Errorf("cue %d: a dialogue line %q of segment %d, which goes on", k, l.Text, from.seg)
				}
			case j == 0 && from.first && labelWidth != nil && s.Speaker != from.speakerAfter:
				w += labelWidth(s.Speaker)
			}
			if w > o.MaxChars && len(lw) > 1 {
				t.Errorf("cue %d line %q: %d characters (with label) > %d", k, l.Text, w, o.MaxChars)
			}
			tooLong = tooLong || utf8.RuneCountInString(l.Text) > o.MaxChars
			pos += len(lw)
		}
		if len(c.Lines) > o.MaxLines && !tooLong {
			t.Errorf("cue %d has %d lines > %d", k, len(c.Lines), o.MaxLines)
		}
	}
	if pos < len(stream) {
		t.Errorf("segment %d: words left but no cue", stream[pos].seg)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("words changed:\nwant %q\ngot  %q", want, got)
	}
	return joined
}

func TestLastSegmentEnd(t *testing.T) {
	seg := func(at time.Duration, who, text string) caption.Segment {
		return caption.Segment{Start: at, Speaker: who, Paragraphs: []string{text}}
	}
	ten := strings.Repeat("x", 99) // 100 characters with the space below
	tests := []struct {
		name   string
		doc    caption.Document
		o      Options
		want   time.Duration
		reason string
	}{
		{
			name: "rate of the same speaker measured on the file",
			doc: caption.Document{Segments: []caption.Segment{
				seg(0, "Ann", ten+" "+ten), // 199 characters in 10 s: 19.9 cps
				seg(10*time.Second, "Bob", "hi"),
				seg(20*time.Second, "Ann", ten), // 99 characters at 19.9 cps
			}},
			want:   20*time.Second + defaultModel.startLag + secs(99/19.9) + defaultModel.linger,
			reason: "speech starts after the truncated start, and the cue lingers after it",
		},
		{
			name: "fallback rate for a speaker with too little measured time",
			doc: caption.Document{Segments: []caption.Segment{
				seg(0, "Ann", "hello"),
				seg(2*time.Second, "Bob", strings.TrimSpace(strings.Repeat("yyyy ", 30))),
			}},
			want: 2*time.Second + defaultModel.startLag + secs(149/DefaultFallbackCPS) + defaultModel.linger,
		},
		{
			name: "media that ends before the lag",
			doc: caption.Document{Segments: []caption.Segment{
				seg(0, "Ann", "hello"),
				seg(9800*time.Millisecond, "Bob", "bye"),
			}},
			o:      Options{MediaDuration: 10 * time.Second},
			want:   10 * time.Second,
			reason: "the last turn's speech ends by the media's end, and starts before it",
		},
		{
			name: "media duration bounds the last segment",
			doc: caption.Document{Segments: []caption.Segment{
				seg(0, "Ann", "hello"),
				seg(2*time.Second, "Bob", "bye"),
			}},
			o:    Options{MediaDuration: 3 * time.Second},
			want: 3 * time.Second,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			MakeCues(&tt.doc, tt.o)
			last := tt.doc.Cues[len(tt.doc.Cues)-1]
			if last.End != tt.want {
				t.Errorf("last end = %v, want %v (%s)", last.End, tt.want, tt.reason)
			}
			if last.Start >= last.End {
				t.Errorf("last cue [%v, %v] has no length", last.Start, last.End)
			}
		})
	}
}

// secs converts seconds to a Duration the way the package does.
func secs(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

// TestSpeakerRatesFloor: a speaker measured slower than speaking pace has
// silence in their windows, so their rate is floored and they are marked
// slow; a file too short to measure keeps the fallback rate, however slow.
func TestSpeakerRatesFloor(t *testing.T) {
	var segs []caption.Segment
	for i := 0; i < 6; i++ {
		segs = append(segs, caption.Segment{Start: time.Duration(i) * 10 * time.Second, Speaker: "A", Paragraphs: []string{"Slow words"}})
	}
	rates, slow := speakerRates(segs, segmentUnits(segmentWords(segs), defaultModel), Options{}.withDefaults(), defaultModel)
	if rates["A"] != defaultModel.minRate || !slow["A"] {
		t.Errorf("slow speaker: rate %v, slow %v; want the floor %v, slow", rates["A"], slow["A"], defaultModel.minRate)
	}
	rates, slow = speakerRates(segs[:1], segmentUnits(segmentWords(segs[:1]), defaultModel), Options{FallbackCPS: 8}.withDefaults(), defaultModel)
	if rates["A"] != 8 || slow["A"] {
		t.Errorf("unmeasured speaker: rate %v, slow %v; want the fallback 8, not slow", rates["A"], slow["A"])
	}
}

// TestSlowSpeakerSilence: a slow speaker's speech leaves part of the
// window's spare time silent; a fast speaker's fills the window, up to
// turnGap before the next turn's speech.
func TestSlowSpeakerSilence(t *testing.T) {
	w := window{start: 0, end: 10 * time.Second, need: 6 * time.Second, next: true}
	whole := 10*time.Second - defaultModel.turnGap
	if got := w.speech(defaultModel); got.end-got.start != whole {
		t.Errorf("fast speaker's speech lasts %v, want the whole window less the turn gap, %v", got.end-got.start, whole)
	}
	w.slow = true
	silent := time.Duration(defaultModel.silentShare * float64(4*time.Second))
	shared := defaultModel
	shared.endWeight, shared.unnamedOnly = 4, false
	if got := w.speech(shared); got.end-got.start != whole || got.pause != silent {
		t.Errorf("slow speaker's window lasts %v with %v of silence, want %v with %v to share among its sentences", got.end-got.start, got.pause, whole, silent)
	}
	after := defaultModel
	after.endWeight = 0
	if got := w.speech(after); got.end-got.start != 10*time.Second-silent || got.pause != 0 {
		t.Errorf("slow speaker's speech lasts %v with %v of silence in it, want %v, the silence after it", got.end-got.start, got.pause, 10*time.Second-silent)
	}
	// With unnamedOnly, a named speaker falls silent after the turn; a
	// turn that names no one (several voices) pauses between sentences.
	shared.unnamedOnly = true
	if got := w.speech(shared); got.pause != 0 {
		t.Errorf("named speaker's silence: %v shared among the sentences, want all after the turn", got.pause)
	}
	w.unnamed = true
	if got := w.speech(shared); got.pause != silent {
		t.Errorf("unnamed turn's silence: %v shared among the sentences, want %v", got.pause, silent)
	}
}

// TestTurnGap: a turn's speech stops turnGap before the next turn's
// speech starts (lag after its printed start), but the gap takes at most
// half of a short window.
func TestTurnGap(t *testing.T) {
	m := defaultModel
	m.startLag, m.turnGap = 500*time.Millisecond, 300*time.Millisecond
	for _, tc := range []struct {
		name     string
		end      time.Duration
		wantEnd  time.Duration
		wantFrom time.Duration
	}{
		{"long window", 10 * time.Second, 10*time.Second + 200*time.Millisecond, 500 * time.Millisecond},
		{"short window", 400 * time.Millisecond, 700 * time.Millisecond, 500 * time.Millisecond},
	} {
		w := window{start: 0, end: tc.end, need: tc.end, next: true}.speech(m)
		if w.start != tc.wantFrom || w.end != tc.wantEnd {
			t.Errorf("%s: speech [%v, %v], want [%v, %v]", tc.name, w.start, w.end, tc.wantFrom, tc.wantEnd)
		}
	}
}

// TestSilenceBetweenSentences: a slow speaker's silence falls between the
// turn's sentences, one part each, and after its last word, endWeight
// parts; a turn of one sentence keeps it all after its words.
func TestSilenceBetweenSentences(t *testing.T) {
	m := defaultModel
	m.endWeight, m.unnamedOnly = 2, false
	m.syllableShare = 0 // the sentences' letters weigh alike, their syllables do not
	w := window{start: 0, end: 10 * time.Second, need: 6 * time.Second, slow: true}.speech(m)
	w.start, w.end = 0, 10*time.Second                           // without the lag: the silence is 2 s
	lim := chunkLimits{maxChars: 16, maxLines: 1, maxWidth: 100} // a sentence a cue
	var b turnBuffers
	cues := b.cutTurn(nil, splitWords("One two six. Ten six two. Six one ten."), "", w, lim, m)
	if len(cues) != 3 {
		t.Fatalf("got %d cues, want one a sentence: %v", len(cues), cues)
	}
	// 2 s of silence in 4 parts: 0.5 s after each of the first two
	// sentences, 1 s after the last; 8 s of speech in three equal shares.
	third := 8 * time.Second / 3
	for k, c := range cues {
		start := time.Duration(k) * (third + 500*time.Millisecond)
		if d := c.Start - start; d < -time.Millisecond || d > time.Millisecond {
			t.Errorf("cue %d starts at %v, want %v", k, c.Start, start)
		}
		if d := c.End - (start + third); d < -time.Millisecond || d > time.Millisecond {
			t.Errorf("cue %d ends at %v, want %v", k, c.End, start+third)
		}
	}
	one := b.cutTurn(nil, splitWords("One two three four five six seven."), "", w, lim, m)
	if end := one[len(one)-1].End; end != 8*time.Second {
		t.Errorf("a one-sentence turn ends at %v, want 8s: its silence follows it", end)
	}
}

// TestTurnsShared checks that cues cut from one Turns, for two label
// widths at once, are those a Turns of their own makes for each, and that
// MakeCues is Turns.MakeCues without labels.
func TestTurnsShared(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	for i := range 20 {
		doc := randomTranscript(r, 1+r.Intn(60))
		label := func(s string) int { return utf8.RuneCountInString(s) + 2 }
		var want [2]caption.Document
		for k, lw := range []func(string) int{nil, label} {
			want[k] = caption.Document{Segments: doc.Segments}
			NewTurns(&want[k], Options{}).MakeCues(&want[k], lw)
		}
		plain := caption.Document{Segments: doc.Segments}
		MakeCues(&plain, Options{})
		if d := cmp.Diff(want[0].Cues, plain.Cues); d != "" {
			t.Errorf("transcript %d (-Turns.MakeCues +MakeCues):\n%s", i, d)
		}
		turns := NewTurns(doc, Options{})
		var got [2]caption.Document
		done := make(chan bool)
		for k, lw := range []func(string) int{nil, label} {
			go func() {
				got[k] = caption.Document{Segments: doc.Segments}
				turns.MakeCues(&got[k], lw)
				done <- true
			}()
		}
		<-done
		<-done
		for k := range want {
			if d := cmp.Diff(want[k].Cues, got[k].Cues); d != "" {
				t.Errorf("transcript %d, label style %d (-own Turns +shared Turns):\n%s", i, k, d)
			}
		}
	}
}

// TestReadableBeforeTouchingNext: a cue too fast to read whose end
// touches the next cue takes its time from the gap before it, counting
// the minimum gap its end must then leave before the next cue. (It used
// to take only what it lacked before that gap was cut from its end, and
// stayed a few frames too fast.)
func TestReadableBeforeTouchingNext(t *testing.T) {
	ms := time.Millisecond
	o := Options{}.withDefaults()
	cues := []caption.Cue{
		cue(0, 2000*ms, "A", "A complicated alien artifact."),
		cue(3000*ms, 4000*ms, "A", "It's something different."), // 25 characters: 1.25 s at 20 cps
		cue(4000*ms, 5000*ms, "B", "The brain?"),
	}
	floors := []time.Duration{0, 0, 4000 * ms}
	makeReadable(cues, floors, nil, nil, 0, o)
	if v := Check(cues[:2], o); len(v) > 0 {
		t.Errorf("after makeReadable: %v (cue 1 %v–%v)", v, cues[1].Start, cues[1].End)
	}
	if got, want := cues[1].End, cues[2].Start-o.MinGap; got != want {
		t.Errorf("cue 1 ends at %v, want %v: the minimum gap before the next cue", got, want)
	}
}

// TestReadableHeardLingers: a cue timed to the audio stays up at most
// maxShare past its speech to be read (Netflix: an end may run 12 frames
// past the speech), however long the pause after it; one timed without
// the audio takes what it needs from the pause, and lingers a while after.
func TestReadableHeardLingers(t *testing.T) {
	ms := time.Millisecond
	o := Options{}.withDefaults()
	for _, tt := range []struct {
		heard   []bool
		wantEnd time.Duration
	}{
		{[]bool{true, true}, 1500*ms + maxShare},
		{nil, 1000*ms + 2*time.Second + defaultModel.linger}, // 40 characters: 2 s at 20 cps, then the linger
	} {
		cues := []caption.Cue{
			cue(1000*ms, 1500*ms, "A", "abcdefghij abcdefghij abcdefghij abcdefg"),
			cue(9000*ms, 10000*ms, "A", "Later."),
		}
		makeReadable(cues, []time.Duration{0, 0}, nil, tt.heard, defaultModel.linger, o)
		if cues[0].End != tt.wantEnd {
			t.Errorf("heard %v: the cue ends at %v, want %v", tt.heard, cues[0].End, tt.wantEnd)
		}
	}
}

// TestReadableLingersPastTheSpeech: a cue timed from the text alone stays
// up to the model's linger past its speech, into the silence after it,
// but never into the next cue's minimum gap, past a stated end, past the
// maximum duration, nor at all when the linger is 0.
func TestReadableLingersPastTheSpeech(t *testing.T) {
	ms, sec := time.Millisecond, time.Second
	o := Options{}.withDefaults()
	for _, tt := range []struct {
		name       string
		linger     time.Duration
		start, end time.Duration // the first cue's
		ceiling    time.Duration // the first cue's stated end (noLimit: none)
		next       time.Duration // the next cue's start
		wantEnd    time.Duration
	}{
		{"into the silence", 500 * ms, 2 * sec, 4 * sec, noLimit, 9 * sec, 4500 * ms},
		{"no linger", 0, 2 * sec, 4 * sec, noLimit, 9 * sec, 4 * sec},
		{"up to the next cue's gap", 500 * ms, 2 * sec, 4 * sec, noLimit, 4200 * ms, 4200*ms - o.MinGap},
		{"not past a stated end", 500 * ms, 2 * sec, 4 * sec, 4100 * ms, 9 * sec, 4100 * ms},
		{"not past the maximum duration", 500 * ms, sec, sec + o.MaxDuration - 200*ms, noLimit, 20 * sec, sec + o.MaxDuration},
	} {
		cues := []caption.Cue{
			cue(tt.start, tt.end, "A", "Short."),
			cue(tt.next, tt.next+sec, "A", "Later."),
		}
		makeReadable(cues, []time.Duration{0, 0}, []time.Duration{tt.ceiling, noLimit}, nil, tt.linger, o)
		if cues[0].End != tt.wantEnd {
			t.Errorf("%s: the cue ends at %v, want %v", tt.name, cues[0].End, tt.wantEnd)
		}
	}
}

// TestBorrowInTurn: a cue shorter than the minimum duration takes time
// from the cue of its own turn that it touches, the next first, where
// that one keeps the minimum itself; never from another turn's cue or a
// cue whose time is not a guess.
func TestBorrowInTurn(t *testing.T) {
	o := Options{}.withDefaults()
	gap, least := o.MinGap, o.MinDuration // 2 frames, 0.833 s
	type span [2]time.Duration
	tests := []struct {
		name    string
		starts  []time.Duration // each cue ends the gap before the next starts, the last at end
		end     time.Duration
		floors  []time.Duration // each cue's turn start
		movable []bool
		want    []span
	}{
		{
			name: "from the next", starts: []time.Duration{0, ms(500)}, end: ms(3000),
			floors: []time.Duration{0, 0}, movable: []bool{true, true},
			want: []span{{0, least}, {least + gap, ms(3000)}},
		},
		{
			name: "from the one before when the next is too short", starts: []time.Duration{0, ms(2000), ms(2500)}, end: ms(3000),
			floors: []time.Duration{0, 0, 0}, movable: []bool{true, true, true},
			want: []span{{0, ms(2500) - gap - least - gap}, {ms(2500) - gap - least, ms(2500) - gap}, {ms(2500), ms(3000)}},
		},
		{
			name: "not from another turn", starts: []time.Duration{0, ms(500)}, end: ms(3000),
			floors: []time.Duration{0, ms(500)}, movable: []bool{true, true},
			want: []span{{0, ms(500) - gap}, {ms(500), ms(3000)}},
		},
		{
			name: "not from a stated time", starts: []time.Duration{0, ms(500)}, end: ms(3000),
			floors: []time.Duration{0, 0}, movable: []bool{true, false},
			want: []span{{0, ms(500) - gap}, {ms(500), ms(3000)}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cues := make([]caption.Cue, len(tt.starts))
			for i, s := range tt.starts {
				end := tt.end
				if i+1 < len(tt.starts) {
					end = tt.starts[i+1] - gap
				}
				cues[i] = cue(s, end, "A", "text")
			}
			borrowInTurn(cues, tt.floors, tt.movable, o)
			for i, w := range tt.want {
				if got := (span{cues[i].Start, cues[i].End}); got != w {
					t.Errorf("cue %d: %v–%v, want %v–%v", i, got[0], got[1], w[0], w[1])
				}
			}
		})
	}
}
