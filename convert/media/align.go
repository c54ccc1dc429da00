package media

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os/exec"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/capconv/capconv/internal/japanese"
)

// Aligning words to speech, as aeneas does: the words are said by a
// speech synthesizer (espeak-ng), with a pause between each two, and the
// synthesized speech is matched to the media's, frame by frame, by
// dynamic time warping of their cepstral coefficients. Where the
// synthesizer's pause between two words falls on the warping path is
// where the media's speaker says that boundary.

// SoundFrame is the step of the sounds words are aligned by: a fiftieth
// of a second, fine enough for a word's boundary, and a quarter of the
// warping's work at Frame.
const SoundFrame = 20 * time.Millisecond

const soundHop = SampleRate / 50 // samples a SoundFrame

// Sounds are the cepstral coefficients of audio, a frame every
// SoundFrame.
type Sounds struct {
	coeffs []float32 // Coeffs a frame, in a row
}

// Frames is how many frames s holds.
func (s Sounds) Frames() int { return len(s.coeffs) / Coeffs }

// ErrNoSynthesizer is returned by Align when espeak-ng is not installed.
var ErrNoSynthesizer = errors.New("espeak-ng is not installed: words are spread over the speech's syllables instead of aligned to them")

// A Synthesizer says words in one language's voice, for the turns of one
// media file (see Align).
type Synthesizer struct {
	voice string

	mu      sync.Mutex
	chosen  int                   // the saying that matched most of sayingTrial, or -1
	ahead   aheadOf               // what Prefetch was asked to say
	won     []time.Duration       // how much speech each saying matched best, until one is chosen
	said    map[string]*saying    // each turn's speech, by its words
	batches map[string][][]string // each turn Prefetch said, by its words: the turns said with it
	frames  int                   // the frames said holds
}

// saying is one turn's synthesized speech, or its making.
type saying struct {
	done   chan struct{} // closed when the rest is set
	sounds Sounds
	starts []int
	err    error
}

// keptFrames bounds the synthesized speech a Synthesizer keeps: three
// hours of it (17 MB). A turn said after that is said again when needed.
const keptFrames = int(3 * time.Hour / SoundFrame)

// prefetchWords is the most words of a turn Prefetch says: package
// timing aligns a longer turn a piece at a time, and the pieces
// (timing.AlignPieces) are what to prefetch.
const prefetchWords = 500

// batchChars is the most characters of short turns Prefetch says in one
// run. Measured on the media harness's tracks: batches of up to 60 words
// put the Chinese talk's median at 0.22 s against 0.15 s said one turn
// at a time (its words are whole clauses), of up to 20 words at 0.20 s;
// of up to 100 characters, no file moved.
const batchChars = 100

// Prefetch says each turn's words in the background, so that their
// speech is ready (or nearly) when Align asks for it: the synthesizer
// runs while the media decodes. Short turns are said several in one run
// of espeak-ng, up to batchChars characters (an hour of a podcast's
// turns took 712 runs one by one, 515 so); such a turn is always said with the
// same others, whether Prefetch or Align gets to it first, so that what
// it sounds like, and so its timing, does not depend on which did. It
// stops when ctx is done, stop is called, or the speech kept reaches its
// bound; a turn of more than prefetchWords words is left.
func (sy *Synthesizer) Prefetch(ctx context.Context, turns [][]string) (stop func()) {
	stopped := new(atomic.Bool)
	sy.mu.Lock()
	sy.ahead = aheadOf{ctx, turns, stopped}
	sy.mu.Unlock()
	// The first saying only: the likeliest, and the others may not be
	// needed (see sayingTrial).
	sy.prefetch(ctx, sy.sayings(turns)[0], stopped)
	return func() { stopped.Store(true) }
}

// aheadOf is what Prefetch was asked to say, for the saying chosen later
// (see tally).
type aheadOf struct {
	ctx     context.Context
	turns   [][]string
	stopped *atomic.Bool
}

// prefetch says turns (each the words said) in the background, as
// Prefetch does, until stopped.
func (sy *Synthesizer) prefetch(ctx context.Context, turns [][]string, stopped *atomic.Bool) {
	var batches [][][]string
	var batch [][]string
	n := 0 // characters in batch
	for _, t := range turns {
		said := saidWords(t)
		if len(said) == 0 || len(said) > prefetchWords {
			continue
		}
		size := chars(said)
		if n > 0 && n+size > batchChars {
			batches, batch, n = append(batches, batch), nil, 0
		}
		batch = append(batch, said)
		n += size
	}
	if len(batch) > 0 {
		batches = append(batches, batch)
	}
	sy.mu.Lock()
	if sy.batches == nil {
		sy.batches = map[string][][]string{}
	}
	for _, b := range batches {
		for _, t := range b {
			if key := strings.Join(t, " "); sy.batches[key] == nil {
				sy.batches[key] = b
			}
		}
	}
	sy.mu.Unlock()
	// One run of espeak-ng at a time a core: each waits on its pipe as
	// much as it computes.
	var next atomic.Int64
	for range runtime.GOMAXPROCS(0) {
		go func() {
			for {
				k := int(next.Add(1)) - 1
				if k >= len(batches) || ctx.Err() != nil || stopped.Load() {
					return
				}
				sy.mu.Lock()
				full := sy.frames >= keptFrames
				sy.mu.Unlock()
				if full {
					return
				}
				sy.sayBatch(ctx, batches[k])
			}
		}()
	}
}

// sayTurn is say of one turn's words, kept for the next call with the
// same words; a turn Prefetch put in a batch is said with its batch.
func (sy *Synthesizer) sayTurn(ctx context.Context, words []string) (Sounds, []int, error) {
	key := strings.Join(words, " ")
	for {
		sy.mu.Lock()
		if sy.said == nil {
			sy.said = map[string]*saying{}
		}
		if s, ok := sy.said[key]; ok {
			sy.mu.Unlock()
			select {
			case <-s.done:
				return s.sounds, s.starts, s.err
			case <-ctx.Done():
				return Sounds{}, nil, ctx.Err()
			}
		}
		b := sy.batches[key]
		if len(b) < 2 {
			break // the lock is held
		}
		sy.mu.Unlock()
		if said := sy.sayBatch(ctx, b); said != nil {
			for i, t := range b {
				if strings.Join(t, " ") == key {
					return said[i].sounds, said[i].starts, said[i].err
				}
			}
		}
		// Another call is saying the batch: its entry is there now.
	}
	keep := sy.frames < keptFrames
	s := &saying{done: make(chan struct{})}
	if keep {
		sy.said[key] = s
	}
	sy.mu.Unlock()
	s.sounds, s.starts, s.err = sy.say(ctx, words)
	sy.settle(ctx, key, s, keep)
	return s.sounds, s.starts, s.err
}

// settle counts a turn's speech as kept, or forgets it when it was
// cancelled (a later call says it again), and tells those waiting.
func (sy *Synthesizer) settle(ctx context.Context, key string, s *saying, keep bool) {
	if keep {
		sy.mu.Lock()
		if s.err != nil && ctx.Err() != nil {
			delete(sy.said, key)
		}
		sy.frames += s.sounds.Frames()
		sy.mu.Unlock()
	}
	close(s.done)
}

// sayBatch says the turns of a batch in one run and returns each one's
// speech, as say of it alone would (its words' frames and starts), and
// keeps those not kept yet; it returns nil, saying nothing, when every
// turn is kept or being said. When the run fails, each turn is said on
// its own.
func (sy *Synthesizer) sayBatch(ctx context.Context, b [][]string) []saying {
	keys := make([]string, len(b))
	entries := make([]*saying, len(b))
	mine := 0
	sy.mu.Lock()
	if sy.said == nil {
		sy.said = map[string]*saying{}
	}
	keep := sy.frames < keptFrames
	for i, t := range b {
		keys[i] = strings.Join(t, " ")
		if _, ok := sy.said[keys[i]]; !ok {
			mine++
			if keep {
				entries[i] = &saying{done: make(chan struct{})}
				sy.said[keys[i]] = entries[i]
			}
		}
	}
	sy.mu.Unlock()
	if mine == 0 {
		return nil
	}
	var words []string
	for _, t := range b {
		words = append(words, t...)
	}
	sounds, starts, err := sy.say(ctx, words)
	out := make([]saying, len(b))
	at := 0
	for i, t := range b {
		s := &out[i]
		if err != nil {
			s.sounds, s.starts, s.err = sy.say(ctx, t)
		} else {
			// The pauses between words are not in sounds: a turn's
			// frames run from its first word's start to the next turn's.
			from, to := starts[at], starts[at+len(t)]
			s.sounds = Sounds{coeffs: sounds.coeffs[from*Coeffs : to*Coeffs : to*Coeffs]}
			s.starts = make([]int, len(t)+1)
			for k := range s.starts {
				s.starts[k] = starts[at+k] - from
			}
		}
		at += len(t)
		if e := entries[i]; e != nil {
			e.sounds, e.starts, e.err = s.sounds, s.starts, s.err
			sy.settle(ctx, keys[i], e, true)
		}
	}
	return out
}

// NewSynthesizer returns the synthesizer of the language whose BCP 47
// tag is lang (en, fr-CA, zh-Hans…), or an error when espeak-ng is
// missing or has no voice for it.
func NewSynthesizer(lang string) (*Synthesizer, error) {
	if _, err := exec.LookPath("espeak-ng"); err != nil {
		return nil, ErrNoSynthesizer
	}
	v := voiceOf(lang)
	// espeak-ng says nothing and exits 0 for a voice it lacks, but says
	// so on stderr.
	var stderr bytes.Buffer
	cmd := exec.Command("espeak-ng", "-v", v, "-q", "--", "a")
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil || stderr.Len() > 0 {
		return nil, fmt.Errorf("espeak-ng has no voice for %q", lang)
	}
	return &Synthesizer{voice: v, chosen: -1}, nil
}

// sayings are the ways sy may say the words of turns, for each turn what
// it says for each of its words ("" for a word said with the one before
// it): as written; in Japanese, first each morpheme as the dictionary
// pronounces it (see japanese.Spoken), as a speaker does, since espeak-ng
// says no kanji (it names each "Chinese letter"). Align keeps the saying
// whose speech the media's matches best (see sayingTrial): speech
// synthesized from the written text says those names.
func (sy *Synthesizer) sayings(turns [][]string) [][][]string {
	if sy.voice != "ja" {
		return [][][]string{turns}
	}
	read, written := make([][]string, len(turns)), make([][]string, len(turns))
	for i, t := range turns {
		read[i], written[i] = japanese.Spoken(t), t
	}
	return [][][]string{read, written}
}

// voiceOf is espeak-ng's voice for a BCP 47 tag: its language, lower
// case, with Chinese as Mandarin (cmn) or Cantonese (yue).
func voiceOf(lang string) string {
	tag := strings.ToLower(strings.ReplaceAll(lang, "_", "-"))
	base, rest, _ := strings.Cut(tag, "-")
	switch {
	case base == "zh" && (rest == "yue" || strings.HasSuffix(rest, "hk")):
		return "yue"
	case base == "zh":
		return "cmn"
	case base == "en" && (rest == "us" || strings.HasPrefix(rest, "us-")):
		return "en-us"
	}
	return base
}

const (
	// wordBreak is the pause the synthesizer is asked for between two
	// words; a silence of breakFound or more in its speech is one (its own
	// pauses between words join them, and the stops inside words are
	// shorter).
	wordBreak  = 250 * time.Millisecond
	breakFound = 200 * time.Millisecond
	// synthRate is espeak-ng's sample rate.
	synthRate = 22050
)

// say synthesizes words, each said (see isSaid), and returns their
// sounds without the pauses between them, and the frame at which each
// word starts (then the frame count, after the last).
func (sy *Synthesizer) say(ctx context.Context, words []string) (Sounds, []int, error) {
	if len(words) > sayWords {
		// A long text is said a part at a time, each ending a sentence
		// where one ends in the second half of its sayWords words.
		cut := sayWords
		for i := sayWords; i > sayWords/2; i-- {
			if endsSentence(words[i-1]) {
				cut = i
				break
			}
		}
		return sy.sayApart(ctx, words, cut)
	}
	sounds, starts, err := sy.sayOnce(ctx, words)
	if len(words) == 1 && errors.Is(err, errSpoke) {
		// A word the synthesizer says too briefly to find (a lone small
		// っ, a sigh) takes no time: the words around it are aligned all
		// the same.
		return Sounds{}, []int{0, 0}, nil
	}
	if err == nil || len(words) < 2 || !errors.Is(err, errSpoke) {
		return sounds, starts, err
	}
	// espeak-ng now and then drops a pause asked for: the halves are
	// said apart.
	return sy.sayApart(ctx, words, len(words)/2)
}

// sayWords is the most words said by one run of espeak-ng: the longer a
// text, the likelier it drops or misplaces a pause asked for without
// saying so (on a meeting said by flite, texts of up to 100 words gave a
// median error of 0.30 s, of up to 60 words 0.22 s), and each run costs
// only a hundredth of a second.
const sayWords = 60

// sayApart says words[:cut] and words[cut:] apart, and joins them.
func (sy *Synthesizer) sayApart(ctx context.Context, words []string, cut int) (Sounds, []int, error) {
	a, as, err := sy.say(ctx, words[:cut])
	if err != nil {
		return Sounds{}, nil, err
	}
	b, bs, err := sy.say(ctx, words[cut:])
	if err != nil {
		return Sounds{}, nil, err
	}
	n := a.Frames()
	starts := as[:cut]
	for _, j := range bs {
		starts = append(starts, n+j)
	}
	return Sounds{coeffs: append(a.coeffs, b.coeffs...)}, starts, nil
}

// endsSentence reports whether w ends a sentence: its last letter is
// followed by . ! ? or their CJK forms (and maybe a quote or bracket).
func endsSentence(w string) bool {
	w = strings.TrimRight(w, "\"'”’)]」』）")
	return strings.HasSuffix(w, ".") || strings.HasSuffix(w, "!") || strings.HasSuffix(w, "?") ||
		strings.HasSuffix(w, "。") || strings.HasSuffix(w, "！") || strings.HasSuffix(w, "？")
}

// errSpoke is sayOnce's error when the synthesizer's pauses do not match
// the words.
var errSpoke = errors.New("espeak-ng's pauses do not match the words")

func (sy *Synthesizer) sayOnce(ctx context.Context, words []string) (Sounds, []int, error) {
	var ssml strings.Builder
	ssml.WriteString("<speak>")
	for i, w := range words {
		if i > 0 {
			fmt.Fprintf(&ssml, `<break time="%dms"/>`, wordBreak.Milliseconds())
		}
		xmlEscape(&ssml, w)
	}
	ssml.WriteString("</speak>")
	cmd := exec.CommandContext(ctx, "espeak-ng", "-m", "-v", sy.voice, "--stdout")
	cmd.Stdin = strings.NewReader(ssml.String())
	out, err := cmd.StdoutPipe()
	if err != nil {
		return Sounds{}, nil, err
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return Sounds{}, nil, err
	}
	sounds, starts, gaps, rerr := readSynth(bufio.NewReaderSize(out, 1<<16))
	if rerr != nil {
		_, _ = io.Copy(io.Discard, out)
	}
	if err := cmd.Wait(); err != nil {
		return Sounds{}, nil, fmt.Errorf("espeak-ng: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	if rerr != nil {
		return Sounds{}, nil, rerr
	}
	// A pause the synthesizer makes inside a word ("e.g.", "3.5") is
	// taken for a break: the shortest silences are those.
	for len(starts) > len(words) {
		k := 1
		for i := 2; i < len(gaps); i++ {
			if gaps[i] < gaps[k] {
				k = i
			}
		}
		starts, gaps = append(starts[:k], starts[k+1:]...), append(gaps[:k], gaps[k+1:]...)
	}
	if len(starts) != len(words) {
		return Sounds{}, nil, fmt.Errorf("%w: %d for %d", errSpoke, len(starts), len(words))
	}
	return sounds, append(starts, sounds.Frames()), nil
}

func xmlEscape(b *strings.Builder, s string) {
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		default:
			b.WriteRune(r)
		}
	}
}

// readSynth reads espeak-ng's WAV (16-bit mono at synthRate; the sizes
// in its header are unknown, as it writes to a pipe), resamples it to
// SampleRate, drops its silences of breakFound or more, and returns the
// sounds of the rest and the frame at which each stretch between two
// such silences starts.
func readSynth(r *bufio.Reader) (Sounds, []int, []int, error) {
	hdr := make([]byte, 12)
	if _, err := io.ReadFull(r, hdr); err != nil || string(hdr[:4]) != "RIFF" || string(hdr[8:]) != "WAVE" {
		return Sounds{}, nil, nil, errors.New("espeak-ng wrote no WAV")
	}
	for { // chunks up to "data"
		ch := make([]byte, 8)
		if _, err := io.ReadFull(r, ch); err != nil {
			return Sounds{}, nil, nil, errors.New("espeak-ng wrote a WAV without data")
		}
		if string(ch[:4]) == "data" {
			break
		}
		if _, err := r.Discard(int(binary.LittleEndian.Uint32(ch[4:]))); err != nil {
			return Sounds{}, nil, nil, err
		}
	}
	d := newSoundsDetector()
	var starts, gaps []int // each word's first frame, and the silence before it (samples)
	fed := 0               // samples written to d, at SampleRate
	silent := 0            // zero samples in a row, at synthRate
	var held []int16
	pos, prev := 0.0, 0.0 // resampling: where the next output sample falls in input samples
	step := float64(synthRate) / SampleRate
	in := 0
	emit := func(x int16) {
		held = append(held, x)
		if len(held) == 4096 {
			d.Write(held)
			fed += len(held)
			held = held[:0]
		}
	}
	buf := make([]byte, 1<<14)
	started := false
	skipped := 0 // output samples inside the current run of zeros
	for {
		n, err := io.ReadFull(r, buf)
		for i := 0; i+1 < n; i += 2 {
			x := float64(int16(binary.LittleEndian.Uint16(buf[i:])))
			if x != 0 && silent > 0 || x != 0 && !started {
				switch {
				case !started || silent >= int(breakFound.Seconds()*synthRate):
					// A word starts: the frame at which its samples start.
					starts = append(starts, (fed+len(held))/soundHop)
					gaps = append(gaps, silent)
					started = true
				default: // a stop inside a word: kept
					for range skipped {
						emit(0)
					}
				}
				silent, skipped = 0, 0
			}
			if x == 0 {
				silent++
			}
			in++
			// Linear interpolation between the last sample and this one.
			for pos <= float64(in-1) {
				if x == 0 && prev == 0 {
					skipped++
				} else if started {
					f := pos - float64(in-2)
					emit(int16(prev + f*(x-prev)))
				}
				pos += step
			}
			prev = x
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return Sounds{}, nil, nil, err
		}
	}
	d.Write(held)
	return Sounds{coeffs: d.coeffs}, starts, gaps, nil
}

// Align finds where each boundary of the words of turns (before the
// first word, then after each, the turns' words in a row) is said in the
// speech of spans, sorted and apart, by warping sy's speech of the words
// onto the media's frames inside spans (each of the ways sy may say them,
// keeping the one that matches best; see Synthesizer.sayings). The times
// it returns are each at the start of a frame of speech, or at the end of
// the last. sy remembers which saying matched best: one Synthesizer
// serves one media file, its turns aligned in order.
func (s Sounds) Align(ctx context.Context, sy *Synthesizer, turns [][]string, spans []Span) ([]time.Duration, error) {
	frames := s.framesIn(spans)
	if len(frames) == 0 {
		return nil, errors.New("no speech to align to")
	}
	q := make([]float32, 0, len(frames)*Coeffs)
	for _, f := range frames {
		q = append(q, s.coeffs[f*Coeffs:(f+1)*Coeffs]...)
	}
	normalize(q)
	sayings := sy.sayings(turns)
	sy.mu.Lock()
	chosen := sy.chosen
	sy.mu.Unlock()
	if chosen == 0 {
		// The media says what a speaker says: the other sayings are
		// what no speaker says.
		sayings = sayings[:1]
	}
	var best []time.Duration
	bestStep, bestSaying := math.Inf(1), 0
	for k, said := range sayings {
		at, step, err := alignSaying(ctx, sy, turns, said, q, frames, spans)
		if err != nil {
			return nil, err
		}
		if best == nil || step < bestStep {
			best, bestStep, bestSaying = at, step, k
		}
	}
	if len(sayings) > 1 {
		sy.tally(bestSaying, len(sayings), time.Duration(len(frames))*SoundFrame)
	}
	return best, nil
}

// sayingTrial is how much speech every saying is tried on before the
// file is known to say what a speaker says (the first saying, by its
// readings, matched most of it best), and only that saying is tried on
// the rest. Saying every way costs as many runs of the synthesizer
// (Japanese as written, a run of espeak-ng a character, took 10.1 s on 20
// minutes of an anime, said by its readings alone 3.7 s). Where another
// saying matched most (speech synthesized from the written text), each
// turn keeps trying them all: on the anime's track said as written,
// 0.250 s against 0.259 s with that saying alone.
const sayingTrial = 2 * time.Minute

// tally counts speech saying k of n matched best, and chooses the saying
// that matched most once sayingTrial is counted.
func (sy *Synthesizer) tally(k, n int, speech time.Duration) {
	sy.mu.Lock()
	if sy.chosen >= 0 {
		sy.mu.Unlock()
		return
	}
	if sy.won == nil {
		sy.won = make([]time.Duration, n)
	}
	sy.won[k] += speech
	var all time.Duration
	for _, d := range sy.won {
		all += d
	}
	if all < sayingTrial {
		sy.mu.Unlock()
		return
	}
	sy.chosen = 0
	for i, d := range sy.won {
		if d > sy.won[sy.chosen] {
			sy.chosen = i
		}
	}
	chosen, ahead := sy.chosen, sy.ahead
	sy.mu.Unlock()
	if chosen > 0 && ahead.turns != nil && !ahead.stopped.Load() {
		// Prefetch said the first saying only: the rest is said this
		// one too.
		sy.prefetch(ahead.ctx, sy.sayings(ahead.turns)[chosen], ahead.stopped)
	}
}

// alignSaying is Align with the words of turns said as sayings say them
// (one of Synthesizer.sayings), warped onto the media's normalized frames
// q, which are the frames of spans; it returns the warping's cost a step
// beside the times.
func alignSaying(ctx context.Context, sy *Synthesizer, turns, sayings [][]string, q []float32, frames []int, spans []Span) ([]time.Duration, float64, error) {
	var ref Sounds
	var starts []int   // the frame of ref at which each said word starts
	var bounds []bound // where in ref each boundary of the words falls
	for t, words := range turns {
		spoken := sayings[t]
		said := saidWords(spoken)
		k := len(starts)
		afterSaid := false // the last piece not empty is said
		for i, w := range spoken {
			switch {
			case w == "" && afterSaid:
				// Part of a word said by a piece before it: its boundary
				// falls inside that word's speech, by their characters.
				bounds = append(bounds, bound{k - 1, inWord(words, spoken, i)})
			case isSaid(w):
				bounds = append(bounds, bound{k, 0})
				k, afterSaid = k+1, true
			default:
				bounds = append(bounds, bound{k, 0})
				afterSaid = false
			}
		}
		if len(said) == 0 {
			continue
		}
		sounds, at, err := sy.sayTurn(ctx, said)
		if err != nil {
			return nil, 0, err
		}
		n := ref.Frames()
		for _, j := range at[:len(said)] {
			starts = append(starts, n+j)
		}
		ref.coeffs = append(ref.coeffs, sounds.coeffs...) // a copy: normalize changes it
	}
	bounds = append(bounds, bound{len(starts), 0})
	if len(starts) == 0 || ref.Frames() == 0 {
		return nil, 0, errors.New("no words to say")
	}
	starts = append(starts, ref.Frames())
	normalize(ref.coeffs)
	match, step := warp(q, ref.coeffs)
	centre := time.Duration(frameSize/2) * time.Second / SampleRate
	timeAt := func(j int) time.Duration {
		if j >= len(match) {
			return spans[len(spans)-1].End
		}
		return time.Duration(frames[match[j]])*SoundFrame + centre - SoundFrame/2
	}
	out := make([]time.Duration, len(bounds))
	for i, b := range bounds {
		j := starts[b.word]
		if b.share > 0 {
			j += int(b.share * float64(starts[b.word+1]-j))
		}
		out[i] = timeAt(j)
		if b.word == 0 && b.share == 0 {
			out[i] = spans[0].Start
		}
	}
	return out, step, nil
}

// bound is where a boundary between words falls in the synthesized
// speech: share of the way through said word word.
type bound struct {
	word  int
	share float64
}

// inWord is how far into the word said for words[i] and the pieces
// around it (those spoken leaves empty, and the one before them that
// says them all) words[i] starts, by their characters.
func inWord(words, spoken []string, i int) float64 {
	head := i
	for head > 0 && spoken[head] == "" {
		head--
	}
	end := i
	for end < len(spoken) && spoken[end] == "" {
		end++
	}
	before, all := 0, 0
	for j := head; j < end; j++ {
		n := utf8.RuneCountInString(words[j])
		if j < i {
			before += n
		}
		all += n
	}
	if all == 0 {
		return 0
	}
	return float64(before) / float64(all)
}

// framesIn returns the frames of s whose centres lie inside spans.
func (s Sounds) framesIn(spans []Span) []int {
	centre := time.Duration(frameSize/2) * time.Second / SampleRate
	var out []int
	n := s.Frames()
	for _, sp := range spans {
		first := int(max(0, (sp.Start-centre+SoundFrame-1)/SoundFrame))
		for f := first; f < n && time.Duration(f)*SoundFrame+centre < sp.End; f++ {
			out = append(out, f)
		}
	}
	return out
}

// normalize makes each coefficient of frames (Coeffs a frame) zero mean
// and unit variance over them: a voice's and a channel's colour are
// taken out, which sounds are said is left.
func normalize(frames []float32) {
	n := len(frames) / Coeffs
	if n == 0 {
		return
	}
	for c := range Coeffs {
		var sum, sq float64
		for i := c; i < len(frames); i += Coeffs {
			x := float64(frames[i])
			sum += x
			sq += x * x
		}
		mean := sum / float64(n)
		sd := math.Sqrt(max(sq/float64(n)-mean*mean, 1e-9))
		for i := c; i < len(frames); i += Coeffs {
			frames[i] = float32((float64(frames[i]) - mean) / sd)
		}
	}
}

// The warping runs twice: first on frames averaged coarseFrames at a
// time, within coarseBand of the straight line between the two ends,
// then on the frames themselves within fineBand of the coarse path. A
// turn of a film holds lines shouted slowly and lines said fast, and the
// synthesizer says them all at its own even pace, so a path may stray
// far from the straight line, and a band around that line alone must be
// wide to follow it, at the cost of as many more frames. On the anime's
// track said by its readings: a band of 8 s around the line, a median
// error of 0.23 s and 86.1% within ±0.5 s; of 30 s, 0.18 s and 96.7%;
// coarse to fine, 0.18 s and 97.7% (with 160 ms coarse frames, 95.4%;
// with a fine band of 2 s, the flite podcast 96.5% → 92.2%).
const (
	coarseFrames = 4                                                 // 80 ms
	coarseBand   = int(30 * time.Second / SoundFrame / coarseFrames) // coarse frames
	fineBand     = int(8 * time.Second / SoundFrame)                 // frames
	diagonalBand = int(8 * time.Second / SoundFrame)                 // a piece too short to coarsen
)

// warp aligns the frames of ref to those of q by dynamic time warping,
// coarse to fine, and returns for each frame of ref the first frame of q
// matched to it, and the path's cost a step.
func warp(q, ref []float32) ([]int, float64) {
	n, m := len(q)/Coeffs, len(ref)/Coeffs
	if n < 4*coarseFrames || m < 4*coarseFrames {
		return warpWithin(q, ref, diagonal(n, m, diagonalBand), 2*diagonalBand+1)
	}
	cq, cref := coarsen(q), coarsen(ref)
	cn, cm := len(cq)/Coeffs, len(cref)/Coeffs
	path, _ := warpWithin(cq, cref, diagonal(cn, cm, coarseBand), 2*coarseBand+1)
	return warpWithin(q, ref, along(path, cn, n, m), 2*fineBand+1)
}

// diagonal is the first frame of ref in each row's band: band frames
// before the straight line from (0, 0) to (n-1, m-1).
func diagonal(n, m, band int) []int {
	lo := make([]int, n)
	for i := range lo {
		lo[i] = int(int64(i)*int64(m)/int64(n)) - band
	}
	return lo
}

// coarsen averages frames coarseFrames at a time (the last group may be
// shorter).
func coarsen(frames []float32) []float32 {
	n := len(frames) / Coeffs
	out := make([]float32, 0, (n/coarseFrames+1)*Coeffs)
	for a := 0; a < n; a += coarseFrames {
		b := min(n, a+coarseFrames)
		var sum [Coeffs]float32
		for f := a; f < b; f++ {
			for c := range Coeffs {
				sum[c] += frames[f*Coeffs+c]
			}
		}
		for c := range Coeffs {
			out = append(out, sum[c]/float32(b-a))
		}
	}
	return out
}

// along is the first frame of ref in each of the n rows' band of
// fineBand around the coarse path (for each coarse frame of ref, the
// first of the cn coarse frames of q matched to it), for a ref of m
// frames: a row crosses the ref frames its coarse row matched in step
// with its place in it.
func along(path []int, cn, n, m int) []int {
	first, last := make([]int, cn), make([]int, cn)
	for i := range first {
		first[i] = -1
	}
	for j, i := range path {
		if i < 0 || i >= cn {
			continue
		}
		if first[i] < 0 {
			first[i] = j
		}
		last[i] = j
	}
	lo := make([]int, n)
	next := 0 // the coarse ref frame after the last one matched so far
	for r := range lo {
		i := min(r/coarseFrames, cn-1)
		var centre float64
		if first[i] < 0 {
			centre = float64(next * coarseFrames) // q said longer here: ref waits
		} else {
			share := min(1, float64(r-i*coarseFrames)/coarseFrames)
			centre = coarseFrames * (float64(first[i]) + share*float64(last[i]+1-first[i]))
			next = last[i] + 1
		}
		lo[r] = min(int(centre), m-1) - fineBand
		if r > 0 {
			lo[r] = max(lo[r], lo[r-1])
		}
	}
	// The path ends where both do.
	lo[n-1] = max(lo[n-1], m-1-2*fineBand)
	return lo
}

// warpWithin aligns the frames of ref to those of q by dynamic time
// warping within width frames of ref from lows[i] in row i, and returns
// for each frame of ref the first frame of q matched to it, and the
// path's cost a step (infinite when the band holds no path).
func warpWithin(q, ref []float32, lows []int, width int) ([]int, float64) {
	n, m := len(q)/Coeffs, len(ref)/Coeffs
	cost := make([]float32, 2*width)
	inf := float32(math.Inf(1))
	from := make([]uint8, n*width) // 0 diagonal, 1 from i-1, 2 from j-1
	prev, cur := cost[:width], cost[width:]
	for k := range prev {
		prev[k] = inf
	}
	for i := range n {
		l := lows[i]
		pl := lows[max(i-1, 0)] // row 0 has no row before it
		qi := q[i*Coeffs : (i+1)*Coeffs]
		for k := range width {
			cur[k] = inf
			j := l + k
			if j < 0 || j >= m {
				continue
			}
			rj := ref[j*Coeffs : (j+1)*Coeffs]
			var d float32
			for c, x := range qi {
				e := x - rj[c]
				d += e * e
			}
			d = float32(math.Sqrt(float64(d)))
			best, dir := inf, uint8(0)
			if i == 0 && j == 0 {
				best = 0
			}
			if i > 0 {
				if pk := j - 1 - pl; pk >= 0 && pk < width && prev[pk] < best {
					best, dir = prev[pk], 0
				}
				if pk := j - pl; pk >= 0 && pk < width && prev[pk] < best {
					best, dir = prev[pk], 1
				}
			}
			if k > 0 && cur[k-1] < best {
				best, dir = cur[k-1], 2
			}
			cur[k] = best + d
			from[i*width+k] = dir
		}
		prev, cur = cur, prev
	}
	match := make([]int, m)
	for j := range match {
		match[j] = -1
	}
	i, j := n-1, m-1
	if k := j - lows[i]; k < 0 || k >= width || math.IsInf(float64(prev[k]), 1) {
		// The ends are further apart than the band: spread evenly.
		for j := range match {
			match[j] = j * n / m
		}
		return match, math.Inf(1)
	}
	step := float64(prev[j-lows[i]]) / float64(n+m)
	for i >= 0 && j >= 0 {
		match[j] = i // walking back, the last set is the first i
		switch from[i*width+j-lows[i]] {
		case 0:
			i, j = i-1, j-1
		case 1:
			i--
		default:
			j--
		}
	}
	return match, step
}

// isSaid reports whether the synthesizer says w: words with neither a
// letter nor a digit ("-", "…") are not said.
func isSaid(w string) bool {
	return strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// saidWords returns the words of words that are said.
func saidWords(words []string) []string {
	var out []string
	for _, w := range words {
		if isSaid(w) {
			out = append(out, w)
		}
	}
	return out
}

// chars counts the characters of words, with a space after each.
func chars(ws []string) int {
	n := 0
	for _, w := range ws {
		n += utf8.RuneCountInString(w) + 1
	}
	return n
}
