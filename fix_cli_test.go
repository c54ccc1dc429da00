package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const overlapping = "1\n00:00:01,000 --> 00:00:03,000\nHello there, and welcome.\n\n2\n00:00:02,500 --> 00:00:05,000\nToday we talk about captions,\nand how to read them.\n"

func TestFixCommand(t *testing.T) {
	in := writeCaptions(t, "talk.srt", overlapping)
	out := filepath.Join(filepath.Dir(in), "talk.fixed.srt")

	code, stdout, stderr := runCLI(t, "", "fix", "--dry-run", in)
	if code != exitOK || !strings.Contains(stdout, ":cue 1 (00:00:01.000): end 00:00:03.000 → 00:00:02.417: no longer overlaps cue 2") {
		t.Fatalf("dry run: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Fatal("a dry run wrote the output")
	}
	if !strings.Contains(stdout, "@@ cue 1 @@\n-00:00:01.000 --> 00:00:03.000\n+00:00:01.000 --> 00:00:02.417\n Hello there, and welcome.\n") {
		t.Errorf("a dry run shows no diff:\n%s", stdout)
	}

	if code, stdout, stderr = runCLI(t, "", "fix", in); code != exitOK || !strings.Contains(stdout, "wrote "+out) {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "00:00:01,000 --> 00:00:02,417") {
		t.Errorf("the overlap is still there:\n%s", data)
	}
	if code, _, _ := runCLI(t, "", "check", out); code != exitOK {
		t.Errorf("the fixed file fails check")
	}

	if code, _, stderr = runCLI(t, "", "fix", in); code != exitFailure || !strings.Contains(stderr, "exists") {
		t.Errorf("an existing output: exit %d, stderr %q; want 1 and a refusal", code, stderr)
	}
	if code, _, stderr = runCLI(t, "", "fix", "--force", "-o", in, in); code != exitFailure || !strings.Contains(stderr, "overwrite the input") {
		t.Errorf("-o the input: exit %d, stderr %q", code, stderr)
	}
	if got, _ := os.ReadFile(in); string(got) != overlapping {
		t.Errorf("the input changed:\n%s", got)
	}
	named := filepath.Join(t.TempDir(), "named.srt")
	if code, _, stderr = runCLI(t, "", "fix", "-o", named, in); code != exitOK {
		t.Errorf("-o FILE: exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(named); err != nil {
		t.Errorf("-o FILE: %v", err)
	}
}

func TestFixUsageErrors(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"no input", []string{"fix"}, "fix needs at least one input"},
		{"standard input", []string{"fix", "-"}, "fix reads files"},
		{"bad preset", []string{"fix", "--preset", "hbo", "a.srt"}, "--preset"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, "", tt.args...)
			if code != exitUsage || !strings.Contains(stderr, tt.wantErr) {
				t.Errorf("exit %d, stderr %q; want exit 2 and %q", code, stderr, tt.wantErr)
			}
		})
	}
}

// TestFixRepairsText: fix deletes an empty cue, merges an orphan into
// the cue whose sentence it ends, gives a cue too fast to read time from
// the slow one after it, and the file it writes passes check even at
// --fail-on info.
func TestFixRepairsText(t *testing.T) {
	const messy = "1\n00:00:01,000 --> 00:00:03,000\nWe all went out together\n\n" +
		"2\n00:00:03,100 --> 00:00:03,600\nlast night.\n\n" +
		"3\n00:00:04,000 --> 00:00:05,000\n<i></i>\n\n" +
		"4\n00:00:06,000 --> 00:00:07,000\nThen we talked about everything\nthat had happened that summer.\n\n" +
		"5\n00:00:07,083 --> 00:00:12,000\nIt was late.\n"
	in := writeCaptions(t, "night.srt", messy)
	code, stdout, stderr := runCLI(t, "", "fix", in)
	if code != exitOK {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	for _, want := range []string{
		`merged with the orphan "last night." after it`,
		"deleted: a cue with no text",
		"shares its time with cue 3 by characters",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, "not fixed") {
		t.Errorf("fix left something:\n%s", stdout)
	}
	out := filepath.Join(filepath.Dir(in), "night.fixed.srt")
	if code, stdout, _ := runCLI(t, "", "check", "--fail-on", "info", out); code != exitOK {
		t.Errorf("the fixed file fails check:\n%s", stdout)
	}
}
