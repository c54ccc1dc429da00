// Command mkmedia writes a long speech track and its transcript for
// bench/run.sh (ONLY=media): the seed transcript's sentences, timed at a
// speaking pace, spoken by espeak-ng for -period (see package
// speechtrack), then the track looped by ffmpeg, and the transcript
// repeated with shifted times, until it lasts -length.
//
//	go run ./bench/mkmedia -length 1h -period 1h -o hour.m4a -transcript hour.txt testdata/transcripts/talkpython_404-clean-code.txt
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/internal/speechtrack"
)

func main() {
	length := flag.Duration("length", time.Hour, "how long the track lasts")
	period := flag.Duration("period", 5*time.Minute, "how much speech is synthesized before it is looped")
	out := flag.String("o", "", "the track to write (.m4a, .mp3, .wav, .mp4...)")
	transcript := flag.String("transcript", "", "the transcript to write")
	flag.Parse()
	if flag.NArg() != 1 || *out == "" || *transcript == "" {
		fmt.Fprintln(os.Stderr, "usage: mkmedia [-length 1h] -o TRACK -transcript TRANSCRIPT SEED.txt")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *out, *transcript, *length, *period); err != nil {
		fmt.Fprintf(os.Stderr, "mkmedia: %v\n", err)
		os.Exit(1)
	}
}

func run(seed, out, transcript string, length, period time.Duration) error {
	doc, err := convert.ReadFile(seed, convert.Options{})
	if err != nil {
		return err
	}
	// Cues: each sentence at 14 characters a second, 0.3 s between
	// sentences, a second between turns; a turn starts at its first cue.
	var cues []caption.Cue
	var turns []caption.Segment
	at := time.Second
	for _, s := range doc.Segments {
		if at > period {
			break
		}
		turn := caption.Segment{Start: at.Truncate(time.Second), Speaker: s.Speaker}
		var words []string
		for _, p := range s.Paragraphs {
			for _, sentence := range sentences(p) {
				d := time.Duration(float64(len(sentence)) / 14 * float64(time.Second))
				cues = append(cues, caption.Cue{Start: at, End: at + d, Lines: []caption.Line{{Speaker: s.Speaker, Text: sentence}}})
				words = append(words, sentence)
				at += d + 300*time.Millisecond
			}
		}
		turn.Paragraphs = []string{strings.Join(words, " ")}
		turns = append(turns, turn)
		at += 700 * time.Millisecond
	}
	if len(cues) == 0 {
		return fmt.Errorf("%s: no transcript turns to speak", seed)
	}
	dir, err := os.MkdirTemp("", "mkmedia")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	piece := filepath.Join(dir, "piece"+filepath.Ext(out))
	if err := speechtrack.Build(context.Background(), cues, piece, speechtrack.Options{Language: "en", SNR: 25, Seed: 1}); err != nil {
		return err
	}
	// The piece lasts to its last cue's end and a second after it.
	span := cues[len(cues)-1].End + time.Second
	loops := int(length / span)
	cmd := exec.Command("ffmpeg", "-loglevel", "error", "-y", "-stream_loop", strconv.Itoa(loops), "-i", piece, "-c", "copy", "-t", fmt.Sprint(length.Seconds()), out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("ffmpeg: %v: %s", err, msg)
	}
	var b strings.Builder
	for k := 0; k <= loops; k++ {
		shift := time.Duration(k) * span
		for _, t := range turns {
			start := (t.Start + shift).Truncate(time.Second)
			if start >= length {
				break
			}
			s := int(start / time.Second)
			fmt.Fprintf(&b, "%s %d:%02d:%02d\n%s\n\n", t.Speaker, s/3600, s/60%60, s%60, t.Paragraphs[0])
		}
	}
	return os.WriteFile(transcript, []byte(b.String()), 0o644)
}

// sentences cuts a paragraph after each full stop, question or
// exclamation mark.
func sentences(p string) []string {
	var out []string
	var cur []string
	for _, w := range strings.Fields(p) {
		cur = append(cur, w)
		if strings.HasSuffix(w, ".") || strings.HasSuffix(w, "?") || strings.HasSuffix(w, "!") {
			out = append(out, strings.Join(cur, " "))
			cur = nil
		}
	}
	if len(cur) > 0 {
		out = append(out, strings.Join(cur, " "))
	}
	return out
}
