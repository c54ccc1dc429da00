package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const seed = "testdata/000_2e7f89a82c8d846d.txt"

// runCLI runs capconv with args and returns the exit code and output.
func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(append([]string{"capconv"}, args...), strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestConvertSeedToAllFormats(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := runCLI(t, "", "convert", seed, "-o", dir)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	for _, ext := range []string{".srt", ".vtt", ".ttml"} {
		got, err := os.ReadFile(filepath.Join(dir, "000_2e7f89a82c8d846d"+ext))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile("testdata/000_2e7f89a82c8d846d.golden" + ext)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from its golden file", ext)
		}
	}
}

func TestConvertFlagsAfterInputs(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := runCLI(t, "", "convert", seed, "--to", "vtt", "-o", dir)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	// The seed has a chapter line, so its WebVTT comes with a chapters track.
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 || entries[0].Name() != "000_2e7f89a82c8d846d.chapters.vtt" || entries[1].Name() != "000_2e7f89a82c8d846d.vtt" {
		t.Errorf("wrote %v, want only the .vtt and its .chapters.vtt", entries)
	}
}

func TestConvertStdinToStdout(t *testing.T) {
	in, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI(t, string(in), "convert", "--to", "vtt", "-")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	want, _ := os.ReadFile("testdata/000_2e7f89a82c8d846d.golden.vtt")
	if stdout != string(want) {
		t.Errorf("stdout differs from the golden WebVTT:\n%s", stdout)
	}
}

func TestConvertNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "000_2e7f89a82c8d846d.srt")
	if err := os.WriteFile(out, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	// An existing output is skipped, not a failure (a batch can be run
	// again to finish what it did not), and the summary says why.
	code, _, stderr := runCLI(t, "", "convert", "--to", "srt", "-o", dir, seed)
	if code != exitOK || !strings.Contains(stderr, "1 skipped") || !strings.Contains(stderr, "--force") {
		t.Errorf("exit %d, stderr %q; want 0, skipped and a hint at --force", code, stderr)
	}
	if got, _ := os.ReadFile(out); string(got) != "keep me" {
		t.Errorf("existing output was replaced without --force")
	}
	if code, _, stderr = runCLI(t, "", "convert", "--force", "--to", "srt", "-o", dir, seed); code != exitOK {
		t.Fatalf("with --force: exit %d, stderr %q", code, stderr)
	}
	if got, _ := os.ReadFile(out); string(got) == "keep me" {
		t.Errorf("--force did not replace the output")
	}

	// An input is never an output, even with --force.
	srt := filepath.Join(dir, "cues.srt")
	if err := os.WriteFile(srt, []byte("1\n00:00:01,000 --> 00:00:02,000\nHi.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runCLI(t, "", "convert", "--force", "--to", "srt,vtt", srt)
	if code != exitFailure || !strings.Contains(stderr, "overwrite the input") {
		t.Errorf("exit %d, stderr %q; want 1 and a refusal", code, stderr)
	}
	if got, _ := os.ReadFile(srt); string(got) != "1\n00:00:01,000 --> 00:00:02,000\nHi.\n" {
		t.Errorf("the input was changed")
	}
}

func TestConvertBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.txt")
	if err := os.WriteFile(bad, []byte("Ann 0:00:05\nHello.\n\nBob 0:00:09\nHi.\n\nAnn 0:00:15\nBye.\n\nBob 0:00:01\nAgain.\n\nAnn 0:00:02\nHello.\n\nBob 0:00:03\nHi.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, "", "convert", bad)
	if code != exitFailure {
		t.Errorf("exit %d, want %d", code, exitFailure)
	}
	if want := "capconv: " + bad + ":10:5: time goes backwards"; !strings.HasPrefix(stderr, want) {
		t.Errorf("stderr %q, want it to start with %q", stderr, want)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("a failed conversion left files behind: %v", entries)
	}
}

func TestConvertUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"no input", []string{"convert"}},
		{"unknown flag", []string{"convert", "--bogus", seed}},
		{"unknown format", []string{"convert", "--to", "doc", seed}},
		{"stdout with two formats", []string{"convert", "-o", "-", seed}},
		{"bad label style", []string{"convert", "--srt-labels", "shout", seed}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, "", tt.args...)
			if code != exitUsage {
				t.Errorf("exit %d, want %d (stderr %q)", code, exitUsage, stderr)
			}
			if !strings.HasPrefix(stderr, "capconv: ") {
				t.Errorf("stderr %q does not start with capconv:", stderr)
			}
		})
	}
}
