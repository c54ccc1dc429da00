package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// threeCues ends its cues at 2 s, 4 s and 7 s (written here).
const threeCues = "testdata/offset/three.srt"

// TestOffsetBeforeZero: a negative offset that would cut cues fails and
// says how many, unless --cut-before-zero, which cuts them and warns; an
// output left with no cue is an error, not an empty file.
func TestOffsetBeforeZero(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantOut    string   // stdout, exactly, when wantCode is exitOK
		wantStderr []string // substrings of stderr
	}{
		{name: "offset that cuts is an error", args: []string{"--offset", "-5s"}, wantCode: exitFailure,
			wantStderr: []string{"three.srt: offset -5s would cut 2 cues ending at or before 0", "--cut-before-zero"}},
		{name: "one cue", args: []string{"--offset", "-2s"}, wantCode: exitFailure,
			wantStderr: []string{"would cut 1 cue ending"}},
		{name: "asked to cut", args: []string{"--offset", "-5s", "--cut-before-zero"},
			wantOut:    "1\n00:00:01,000 --> 00:00:02,000\nThree.\n\n",
			wantStderr: []string{"warning: testdata/offset/three.srt: offset -5s cut 2 cues ending at or before 0"}},
		{name: "a cue that straddles 0 is clipped, not cut", args: []string{"--offset", "-1500ms"},
			wantOut: "1\n00:00:00,000 --> 00:00:00,500\nOne.\n\n2\n00:00:01,500 --> 00:00:02,500\nTwo.\n\n3\n00:00:04,500 --> 00:00:05,500\nThree.\n\n"},
		{name: "nothing left to write", args: []string{"--offset", "-10s", "--cut-before-zero"}, wantCode: exitFailure,
			wantStderr: []string{"three.srt: srt: no cues to write"}},
		{name: "positive offset", args: []string{"--offset", "1s"},
			wantOut: "1\n00:00:02,000 --> 00:00:03,000\nOne.\n\n2\n00:00:04,000 --> 00:00:05,000\nTwo.\n\n3\n00:00:07,000 --> 00:00:08,000\nThree.\n\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"convert", "--to", "srt", "-o", "-"}, tt.args...)
			code, out, stderr := runCLI(t, "", append(args, threeCues)...)
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d; stderr %q", code, tt.wantCode, stderr)
			}
			if code == exitOK && out != tt.wantOut {
				t.Errorf("stdout %q, want %q", out, tt.wantOut)
			}
			if code != exitOK && out != "" {
				t.Errorf("a failure wrote %q", out)
			}
			for _, w := range tt.wantStderr {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
		})
	}
}

// TestNoCuesInBatch: in a batch, an input left with no cue fails and
// leaves no file behind.
func TestNoCuesInBatch(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := runCLI(t, "", "convert", "--to", "vtt", "--offset", "-10s", "--cut-before-zero", "-o", dir, threeCues)
	if code != exitFailure {
		t.Fatalf("exit %d, want %d; stderr %q", code, exitFailure, stderr)
	}
	if !strings.Contains(stderr, "vtt: no cues to write") {
		t.Errorf("stderr lacks the reason:\n%s", stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "three.vtt")); !os.IsNotExist(err) {
		t.Errorf("three.vtt was written (%v)", err)
	}
}

// TestFPSFrom checks the PAL slow-down: captions timed to 25 fps media,
// for the same frames played at 23.976, last 25/23.976 longer, on the
// new rate's frames.
func TestFPSFrom(t *testing.T) {
	in := "1\n00:00:10,000 --> 00:00:12,000\nHello\n\n2\n01:00:00,000 --> 01:00:02,500\nWorld\n"
	code, out, stderr := runCLI(t, in, "convert", "-", "--to", "srt", "--fps-from", "25", "--fps", "23.976")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"00:00:10,427 --> 00:00:12,513", "01:02:33,750 --> 01:02:36,336"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if code, _, stderr := runCLI(t, in, "convert", "-", "--to", "srt", "--fps-from", "25"); code != exitUsage || !strings.Contains(stderr, "--fps-from needs --fps") {
		t.Errorf("--fps-from alone: exit %d, %q; want a usage error", code, stderr)
	}
	if code, _, _ := runCLI(t, in, "convert", "-", "--to", "srt", "--fps-from", "26", "--fps", "25"); code != exitUsage {
		t.Errorf("--fps-from 26: exit %d, want a usage error", code)
	}
}
