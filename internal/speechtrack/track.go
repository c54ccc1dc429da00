// Package speechtrack builds speech tracks from caption files with true
// times, to measure timing to media without shipping real media: each
// cue's text is spoken by a speech synthesizer (espeak-ng or flite), one
// voice per speaker, its leading and trailing silence trimmed,
// time-stretched (sox tempo) to fill the cue's span exactly, gaps left
// silent, noise (and, if asked, a quiet music bed) mixed under it, and the
// whole encoded by ffmpeg into the container the output's extension
// names. The caption file's own times are then the truth for every word.
package speechtrack

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/internal/japanese"
)

// Rate is the sample rate of the tracks, in samples a second.
const Rate = 16000

// Options say how a track sounds.
type Options struct {
	// Synthesizer speaks the cues: "espeak-ng" (the default, "") or
	// "flite", which speaks English only.
	Synthesizer string
	// Language is the espeak-ng voice language: en, fr, es, cmn, ja...
	// flite takes "", en or en-*.
	Language string
	// SNR is the level of the speech over the noise under it, in dB.
	SNR float64
	// Music adds a quiet chord progression under the whole track, 20 dB
	// below the speech.
	Music bool
	// Seed makes the noise and the voices' choice repeatable.
	Seed uint64
	// AsWritten has Japanese said as written, as espeak-ng says it (each
	// kanji named "Chinese letter"), rather than by its readings.
	AsWritten bool
}

// Tools reports the first program an espeak-ng track needs that is
// missing.
func Tools() error { return ToolsFor("") }

// ToolsFor reports the first program a track spoken by synth (as in
// Options.Synthesizer) needs that is missing, or that synth is unknown.
func ToolsFor(synth string) error {
	s, err := synthesizerFor(synth)
	if err != nil {
		return err
	}
	for _, p := range []string{s.program, "sox", "ffmpeg"} {
		if _, err := exec.LookPath(p); err != nil {
			return fmt.Errorf("%s not found", p)
		}
	}
	return nil
}

// synthesizer is a text-to-speech program.
type synthesizer struct {
	program     string
	englishOnly bool
	// voice returns the options that give the n-th speaker its voice,
	// drawn from r.
	voice func(n int, lang string, r *rand.Rand) []string
	// say returns text spoken in a voice as a 16-bit mono WAV file.
	say func(ctx context.Context, text string, voice []string) ([]byte, error)
}

var synthesizers = map[string]synthesizer{
	"espeak-ng": {program: "espeak-ng", voice: espeakVoice, say: espeakSay},
	"flite":     {program: "flite", englishOnly: true, voice: fliteVoice, say: fliteSay},
}

func synthesizerFor(name string) (synthesizer, error) {
	if name == "" {
		name = "espeak-ng"
	}
	s, ok := synthesizers[name]
	if !ok {
		return synthesizer{}, fmt.Errorf("unknown synthesizer %q", name)
	}
	return s, nil
}

var variants = []string{"m3", "f2", "m1", "f4", "m5", "f1", "m7", "f3", "m2", "f5", "m4", "m6"}

// espeakVoice is an espeak-ng variant, a speed of 150–199 words a minute
// and a pitch of 30–69 (of 0–99).
func espeakVoice(n int, lang string, r *rand.Rand) []string {
	speed, pitch := 150+r.IntN(50), 30+r.IntN(40)
	return []string{"-v", lang + "+" + variants[n%len(variants)], "-s", strconv.Itoa(speed), "-p", strconv.Itoa(pitch)}
}

func espeakSay(ctx context.Context, text string, voice []string) ([]byte, error) {
	// "--" ends the options: a cue may start with a dash.
	return run(ctx, nil, "espeak-ng", slices.Concat(voice, []string{"--stdout", "--", text})...)
}

// fliteVoices are flite's built-in voices with the mean pitch each
// speaks at, in Hz. kal speaks at 8 kHz, the others at 16 kHz; rms
// ignores the pitch asked of it.
var fliteVoices = []struct {
	name string
	f0   float64
}{{"awb", 125}, {"slt", 165}, {"rms", 100}, {"kal16", 100}, {"kal", 100}}

// fliteVoice is a flite voice slowed or hurried by up to 15% and its
// pitch moved by up to 12% either way.
func fliteVoice(n int, _ string, r *rand.Rand) []string {
	v := fliteVoices[n%len(fliteVoices)]
	stretch, f0 := 0.85+0.3*r.Float64(), v.f0*(0.88+0.24*r.Float64())
	return []string{"-voice", v.name,
		"--setf", "duration_stretch=" + strconv.FormatFloat(stretch, 'f', 3, 64),
		"--setf", "int_f0_target_mean=" + strconv.FormatFloat(f0, 'f', 1, 64)}
}

// fliteSay has flite write to a file: given "-" it writes a file of that
// name.
func fliteSay(ctx context.Context, text string, voice []string) ([]byte, error) {
	dir, err := os.MkdirTemp("", "speechtrack-flite")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	wav := filepath.Join(dir, "cue.wav")
	// -t takes the next argument as text, even one that starts with a dash.
	if _, err := run(ctx, nil, "flite", slices.Concat(voice, []string{"-o", wav, "-t", text})...); err != nil {
		return nil, err
	}
	return os.ReadFile(wav)
}

// voices gives each speaker of cues, in order of appearance, a voice of
// its own.
func voices(cues []caption.Cue, s synthesizer, lang string, seed uint64) map[string][]string {
	r := rand.New(rand.NewPCG(seed, 7))
	out := map[string][]string{}
	for _, c := range cues {
		sp := Speaker(c)
		if _, ok := out[sp]; ok {
			continue
		}
		out[sp] = s.voice(len(out), lang, r)
	}
	return out
}

// Speaker is the voice a cue is spoken in: its first line's speaker
// that has one (a cue of two speakers is said by the first).
func Speaker(c caption.Cue) string {
	for _, l := range c.Lines {
		if l.Speaker != "" {
			return l.Speaker
		}
	}
	return ""
}

// Build writes the track of cues to path, encoded by ffmpeg as the
// extension says (.wav, .m4a, .mp3, .mp4 with a black picture...). Cues
// with no text are silence.
func Build(ctx context.Context, cues []caption.Cue, path string, o Options) error {
	if err := ToolsFor(o.Synthesizer); err != nil {
		return err
	}
	s, err := synthesizerFor(o.Synthesizer)
	if err != nil {
		return err
	}
	if s.englishOnly && o.Language != "" && o.Language != "en" && !strings.HasPrefix(o.Language, "en-") {
		return fmt.Errorf("%s speaks English only, not %q", s.program, o.Language)
	}
	vs := voices(cues, s, o.Language, o.Seed)
	// Cues are spoken by a few workers at once; the mixer takes them in
	// order, so that the track is written as a stream.
	type result struct {
		pcm []float32
		err error
	}
	results := make([]chan result, len(cues))
	for i := range results {
		results[i] = make(chan result, 1)
	}
	jobs := make(chan int)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	for range max(2, runtime.NumCPU()) {
		go func() {
			for i := range jobs {
				c := cues[i]
				pcm, err := speak(ctx, s, Said(c, o), vs[Speaker(c)], c.End-c.Start)
				results[i] <- result{pcm, err}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range cues {
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()

	enc, err := newEncoder(ctx, path)
	if err != nil {
		return err
	}
	m := mixer{out: enc, noise: rand.New(rand.NewPCG(o.Seed, 11)), noiseLevel: speechLevel * math.Pow(10, -o.SNR/20), music: o.Music}
	for i, c := range cues {
		r := <-results[i]
		if r.err != nil {
			enc.abort()
			return fmt.Errorf("cue %d: %w", i+1, r.err)
		}
		if err := m.add(samplesAt(c.Start), r.pcm); err != nil {
			enc.abort()
			return err
		}
	}
	// A second of silence after the last cue, as media has.
	if err := m.flush(m.end + Rate); err != nil {
		enc.abort()
		return err
	}
	return enc.close()
}

func samplesAt(d time.Duration) int64 { return int64(d) * Rate / int64(time.Second) }

// Text is what a cue's voice says: its lines' words on one line.
func Text(c caption.Cue) string {
	var parts []string
	for _, l := range c.Lines {
		if t := strings.TrimSpace(l.Text); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " ")
}

// Said is what a cue's voice says on a track of o: its Text, with
// Japanese said in kana as the dictionary pronounces it (see
// japanese.Spoken), as a Japanese speaker does, unless o.AsWritten:
// espeak-ng names each kanji ("Chinese letter") instead of saying it.
func Said(c caption.Cue, o Options) string {
	t := Text(c)
	if o.Language != "ja" || o.AsWritten {
		return t
	}
	return strings.Join(japanese.Spoken([]string{t}), "")
}

// speechLevel is the RMS every cue's speech is brought to: -20 dBFS.
const speechLevel = 0.1

// speak says text in voice with s and returns it at Rate, trimmed of
// silence and stretched to last exactly span.
func speak(ctx context.Context, s synthesizer, text string, voice []string, span time.Duration) ([]float32, error) {
	n := int(samplesAt(span))
	if strings.TrimSpace(text) == "" || n <= 0 {
		return make([]float32, max(n, 0)), nil
	}
	wav, err := s.say(ctx, text, voice)
	if err != nil {
		return nil, err
	}
	raw, rate, err := wavData(wav)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.program, err)
	}
	raw = trim(raw)
	if len(raw) < 2 {
		return make([]float32, n), nil
	}
	speech := float64(len(raw)/2) / float64(rate)
	// sox's tempo takes 0.1–100; a cue past either is cut or padded to
	// its span below.
	factor := max(0.1, min(100, speech/span.Seconds()))
	// sox also brings the voice's rate (8 kHz for flite's kal) to Rate.
	// -R: sox dithers with a random seed otherwise, and a track must
	// come out the same on every machine.
	out, err := run(ctx, raw, "sox", "-R", "-t", "raw", "-r", strconv.Itoa(rate), "-e", "signed", "-b", "16", "-c", "1", "-",
		"-t", "raw", "-r", strconv.Itoa(Rate), "-e", "signed", "-b", "16", "-c", "1", "-",
		"tempo", "-s", strconv.FormatFloat(factor, 'f', 4, 64))
	if err != nil {
		return nil, err
	}
	pcm := make([]float32, n) // tempo's length is near span: cut or pad to it
	sum := 0.0
	for i := 0; i < n && 2*i+1 < len(out); i++ {
		s := float64(int16(binary.LittleEndian.Uint16(out[2*i:]))) / 32768
		pcm[i] = float32(s)
		sum += s * s
	}
	if rms := math.Sqrt(sum / float64(n)); rms > 0 {
		g := float32(speechLevel / rms)
		for i := range pcm {
			pcm[i] *= g
		}
	}
	return pcm, nil
}

// run runs a program with stdin and returns its output.
func run(ctx context.Context, stdin []byte, name string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("%s: %v: %s", name, err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// wavData returns the samples of a 16-bit mono WAV file and its rate.
// espeak-ng writing to a pipe cannot seek back to fill in the sizes, so
// the data chunk runs to the end whatever its header says.
func wavData(b []byte) ([]byte, int, error) {
	if len(b) < 12 || string(b[:4]) != "RIFF" || string(b[8:12]) != "WAVE" {
		return nil, 0, errors.New("not a WAV file")
	}
	rate := 0
	for p := 12; p+8 <= len(b); {
		id, size := string(b[p:p+4]), int(binary.LittleEndian.Uint32(b[p+4:]))
		body := b[p+8:]
		switch id {
		case "fmt ":
			if len(body) < 16 {
				return nil, 0, errors.New("short fmt chunk")
			}
			rate = int(binary.LittleEndian.Uint32(body[4:]))
		case "data":
			if rate == 0 {
				return nil, 0, errors.New("data before fmt")
			}
			return body[:len(body)&^1], rate, nil
		}
		p += 8 + size + size&1
	}
	return nil, 0, errors.New("no data chunk")
}

// trim cuts the leading and trailing silence off 16-bit samples: what is
// under 2% of the loudest sample.
func trim(raw []byte) []byte {
	n := len(raw) / 2
	at := func(i int) float64 { return math.Abs(float64(int16(binary.LittleEndian.Uint16(raw[2*i:])))) }
	peak := 0.0
	for i := range n {
		peak = max(peak, at(i))
	}
	limit := peak * 0.02
	lo, hi := 0, n
	for lo < hi && at(lo) <= limit {
		lo++
	}
	for hi > lo && at(hi-1) <= limit {
		hi--
	}
	return raw[2*lo : 2*hi]
}

// mixer lays cues' speech over noise and writes the track as a stream:
// samples before the next cue's start are final.
type mixer struct {
	out        *encoder
	written    int64     // samples written
	pending    []float32 // samples from written on, still open to cues
	end        int64     // the end of the latest cue
	noise      *rand.Rand
	noiseLevel float64
	music      bool
}

func (m *mixer) add(at int64, pcm []float32) error {
	if err := m.flush(at); err != nil {
		return err
	}
	if at < m.written { // overlaps audio already written: cut its head
		pcm = pcm[min(int64(len(pcm)), m.written-at):]
		at = m.written
	}
	need := int(at - m.written + int64(len(pcm)))
	for len(m.pending) < need {
		m.pending = append(m.pending, 0)
	}
	off := at - m.written
	for i, s := range pcm {
		m.pending[off+int64(i)] += s
	}
	m.end = max(m.end, at+int64(len(pcm)))
	return nil
}

// flush writes every sample before at.
func (m *mixer) flush(at int64) error {
	for m.written < at {
		n := int(min(at-m.written, 1<<14))
		buf := make([]byte, 2*n)
		for i := range n {
			s := float64(0)
			if i < len(m.pending) {
				s = float64(m.pending[i])
			}
			t := float64(m.written+int64(i)) / Rate
			s += m.noise.NormFloat64() * m.noiseLevel
			if m.music {
				s += musicAt(t)
			}
			v := int16(max(-32768, min(32767, math.Round(s*32767))))
			binary.LittleEndian.PutUint16(buf[2*i:], uint16(v))
		}
		if _, err := m.out.w.Write(buf); err != nil {
			return m.out.fail(err)
		}
		if n < len(m.pending) {
			m.pending = append(m.pending[:0], m.pending[n:]...)
		} else {
			m.pending = m.pending[:0]
		}
		m.written += int64(n)
	}
	return nil
}

// musicAt is a quiet chord that changes every 2.4 s: a bed under speech,
// 20 dB below it, with harmonics so that it is not a pure tone.
func musicAt(t float64) float64 {
	chords := [][3]float64{{220, 277.2, 329.6}, {196, 246.9, 293.7}, {174.6, 220, 261.6}, {164.8, 207.7, 246.9}}
	c := chords[int(t/2.4)%len(chords)]
	s := 0.0
	for _, f := range c {
		s += math.Sin(2*math.Pi*f*t) + 0.3*math.Sin(4*math.Pi*f*t)
	}
	return s * speechLevel / 10 / 1.6
}

// encoder is ffmpeg reading raw samples on its stdin.
type encoder struct {
	cmd    *exec.Cmd
	w      *bufio.Writer
	stdin  interface{ Close() error }
	stderr bytes.Buffer
	tmp    string
	path   string
}

func newEncoder(ctx context.Context, path string) (*encoder, error) {
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".part"+filepath.Ext(path))
	args := []string{"-nostdin", "-hide_banner", "-loglevel", "error", "-y",
		"-f", "s16le", "-ar", strconv.Itoa(Rate), "-ac", "1", "-i", "pipe:0"}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".mp4", ".mkv", ".mov", ".webm":
		args = append(args, "-f", "lavfi", "-i", "color=c=black:s=160x90:r=5",
			"-map", "0:a", "-map", "1:v", "-shortest", "-c:v", "libx264", "-preset", "ultrafast", "-tune", "stillimage", "-c:a", "aac", "-b:a", "48k")
	case ".m4a":
		args = append(args, "-c:a", "aac", "-b:a", "48k")
	case ".mp3":
		args = append(args, "-c:a", "libmp3lame", "-b:a", "48k")
	}
	args = append(args, tmp)
	e := &encoder{tmp: tmp, path: path}
	e.cmd = exec.CommandContext(ctx, "ffmpeg", args...)
	e.cmd.Stderr = &e.stderr
	in, err := e.cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	e.stdin = in
	e.w = bufio.NewWriterSize(in, 1<<16)
	if err := e.cmd.Start(); err != nil {
		return nil, err
	}
	return e, nil
}

func (e *encoder) fail(err error) error {
	e.abort()
	return fmt.Errorf("ffmpeg: %v: %s", err, strings.TrimSpace(e.stderr.String()))
}

func (e *encoder) abort() {
	e.stdin.Close()
	_ = e.cmd.Wait()
	os.Remove(e.tmp)
}

func (e *encoder) close() error {
	if err := e.w.Flush(); err != nil {
		return e.fail(err)
	}
	e.stdin.Close()
	if err := e.cmd.Wait(); err != nil {
		os.Remove(e.tmp)
		return fmt.Errorf("ffmpeg: %v: %s", err, strings.TrimSpace(e.stderr.String()))
	}
	return os.Rename(e.tmp, e.path)
}
