package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/asticode/go-astisub"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/internal/speechtrack"
)

// spokenCues are the truth of the media tests: two speakers, a pause
// inside Ann's first turn, and turns that start between printed seconds.
var spokenCues = []caption.Cue{
	mediaCue(1.3, 3.6, "Ann", "Welcome back to the show, everybody."),
	mediaCue(5.9, 8.4, "Ann", "Today we talk about captions."),
	mediaCue(9.7, 12.2, "Bob", "Thanks for having me here today."),
	mediaCue(13.6, 16.5, "Ann", "So tell us how the project started."),
}

// spokenTranscript is spokenCues as a transcript prints them: each turn
// at its first word's start, truncated to the second.
const spokenTranscript = `Ann 0:00:01
Welcome back to the show, everybody. Today we talk about captions.

Bob 0:00:09
Thanks for having me here today.

Ann 0:00:13
So tell us how the project started.
`

func mediaCue(start, end float64, speaker, text string) caption.Cue {
	return caption.Cue{
		Start: time.Duration(start * float64(time.Second)),
		End:   time.Duration(end * float64(time.Second)),
		Lines: []caption.Line{{Speaker: speaker, Text: text}},
	}
}

// buildTrack speaks spokenCues into dir/name, or skips the test when
// espeak-ng, sox or ffmpeg is missing (CI installs them, and fails
// instead).
func buildTrack(t *testing.T, dir, name string) string {
	t.Helper()
	if err := speechtrack.Tools(); err != nil {
		if os.Getenv("CAPCONV_REQUIRE_INTEROP") != "" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	path := filepath.Join(dir, name)
	if err := speechtrack.Build(context.Background(), spokenCues, path, speechtrack.Options{Language: "en", SNR: 20, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestMediaTimesCuesToTheSpeech converts a transcript with --media and
// finds every cue where its words are spoken: Ann's first turn is cut at
// the pause inside it, and each cue starts within a tenth of a second of
// its speech (text-only timing puts them half a second after the printed
// starts, and Ann's second sentence 1.7 s early).
func TestMediaTimesCuesToTheSpeech(t *testing.T) {
	dir := t.TempDir()
	media := buildTrack(t, dir, "talk.m4a")
	in := filepath.Join(dir, "talk.txt")
	if err := os.WriteFile(in, []byte(spokenTranscript), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runCLI(t, "", "convert", in, "--media", media, "--to", "srt", "-o", "-", "--report")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	subs, err := astisub.ReadFromSRT(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if len(subs.Items) != len(spokenCues) {
		t.Fatalf("%d cues, want %d:\n%s", len(subs.Items), len(spokenCues), out)
	}
	for i, want := range spokenCues {
		got := subs.Items[i]
		if d := (got.StartAt - want.Start).Abs(); d > 100*time.Millisecond {
			t.Errorf("cue %d starts at %v, its speech at %v", i+1, got.StartAt, want.Start)
		}
		// The end may run on for the reading speed and the minimum
		// duration, never before the speech ends (a word's quiet tail, lost
		// in the noise, aside).
		if got.EndAt < want.End-250*time.Millisecond {
			t.Errorf("cue %d ends at %v, before its speech ends (%v)", i+1, got.EndAt, want.End)
		}
	}
	if !strings.Contains(stderr, "media: speech found for 3 of 3 turns") {
		t.Errorf("the report does not say speech was found for every turn:\n%s", stderr)
	}
}

// TestMediaBatchMatchesByName converts two transcripts with --media
// naming a directory: each takes the media file of its own name, and a
// third with no media file fails with a line that says so.
func TestMediaBatchMatchesByName(t *testing.T) {
	dir := t.TempDir()
	mediaDir := filepath.Join(dir, "media")
	if err := os.Mkdir(mediaDir, 0o755); err != nil {
		t.Fatal(err)
	}
	buildTrack(t, mediaDir, "one.mp3")
	buildTrack(t, mediaDir, "two.wav")
	for _, name := range []string{"one.txt", "two.txt", "three.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(spokenTranscript), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "out")
	code, _, stderr := runCLI(t, "", "convert", "--to", "vtt", "-o", out, "--media", mediaDir,
		filepath.Join(dir, "one.txt"), filepath.Join(dir, "two.txt"), filepath.Join(dir, "three.txt"))
	if code != exitFailure {
		t.Fatalf("exit %d, want %d: %s", code, exitFailure, stderr)
	}
	if !strings.Contains(stderr, "three.txt") || !strings.Contains(stderr, "no media file named three.*") {
		t.Errorf("stderr does not name the input without media:\n%s", stderr)
	}
	for _, name := range []string{"one.vtt", "two.vtt"} {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), "00:00:01.3") {
			t.Errorf("%s: the first cue does not start at its speech (1.3 s):\n%s", name, data)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "three.vtt")); err == nil {
		t.Error("three.vtt was written without its media")
	}
}

// TestMediaErrors checks the messages and exit codes of media that
// cannot be used.
func TestMediaErrors(t *testing.T) {
	if _, err := exec.LookPath("ffmpeg"); err != nil {
		t.Skip(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "talk.txt")
	if err := os.WriteFile(in, []byte(spokenTranscript), 0o644); err != nil {
		t.Fatal(err)
	}
	silentVideo := filepath.Join(dir, "silent.mp4")
	if out, err := exec.Command("ffmpeg", "-loglevel", "error", "-f", "lavfi", "-i", "color=c=black:s=64x64:r=5:d=2", "-c:v", "libx264", silentVideo).CombinedOutput(); err != nil {
		t.Fatalf("ffmpeg: %v: %s", err, out)
	}
	notMedia := filepath.Join(dir, "notes.wav")
	if err := os.WriteFile(notMedia, []byte("not a sound\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		args     []string
		path     string // PATH, when not ""
		wantCode int
		want     string
	}{
		{"missing media", []string{in, "--media", filepath.Join(dir, "nope.wav")}, "", exitUsage, "no such file or directory"},
		{"no audio stream", []string{in, "--media", silentVideo}, "", exitFailure, "silent.mp4: no audio stream"},
		{"not media", []string{in, "--media", notMedia}, "", exitFailure, "notes.wav: not a media file ffmpeg can read"},
		{"no ffmpeg", []string{in, "--media", notMedia}, dir, exitFailure, "ffmpeg not found"},
		{"one file for several inputs", []string{in, in, "--media", notMedia}, "", exitUsage, "one file for 2 inputs"},
		{"a pattern that matches nothing", []string{in, "--media", filepath.Join(dir, "*.flac")}, "", exitUsage, "matches no file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.path != "" {
				t.Setenv("PATH", tt.path)
			}
			args := append([]string{"convert", "--to", "srt", "-o", filepath.Join(dir, "out", tt.name)}, tt.args...)
			code, _, stderr := runCLI(t, "", args...)
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d: %s", code, tt.wantCode, stderr)
			}
			if !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr lacks %q:\n%s", tt.want, stderr)
			}
			if strings.Count(strings.TrimSpace(stderr), "\n") > 1 {
				t.Errorf("more than one line for one problem:\n%s", stderr)
			}
		})
	}
}

// TestMediaResyncsACaptionFile re-syncs, with --retime --media, an SRT
// file whose every time is 2.5 s late (timed to a cut with a longer
// intro): each cue comes back to its speech.
func TestMediaResyncsACaptionFile(t *testing.T) {
	dir := t.TempDir()
	media := buildTrack(t, dir, "talk.mp4")
	late := caption.Document{}
	for _, c := range spokenCues {
		c.Start += 2500 * time.Millisecond
		c.End += 2500 * time.Millisecond
		late.Cues = append(late.Cues, c)
	}
	in := filepath.Join(dir, "talk.srt")
	if err := convert.WriteFile(in, &late, convert.SRT, convert.Options{}); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runCLI(t, "", "convert", in, "--retime", "--media", media, "--to", "vtt", "-o", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	subs, err := astisub.ReadFromWebVTT(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if len(subs.Items) != len(spokenCues) {
		t.Fatalf("%d cues, want %d:\n%s", len(subs.Items), len(spokenCues), out)
	}
	for i, want := range spokenCues {
		if d := (subs.Items[i].StartAt - want.Start).Abs(); d > 150*time.Millisecond {
			t.Errorf("cue %d starts at %v, its speech at %v", i+1, subs.Items[i].StartAt, want.Start)
		}
	}
}
