package main

import (
	"strings"
	"testing"
)

// TestStrictFlag: a malformed WebVTT timing line leaves its cue out with
// a warning, and fails the conversion with --strict.
func TestStrictFlag(t *testing.T) {
	const vtt = "WEBVTT\n\n00:00.000 --> 00:01.000\nkept\n\n00:01.000 --> 00:02.00\ndropped\n"
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantOut    string
		wantStderr string
	}{
		{name: "default: the cue is left out", args: []string{"--to", "srt", "-"}, wantOut: "kept",
			wantStderr: "capconv: warning: <stdin>:6:15: bad timestamp: \"00:01.000 --> 00:02.00\": milliseconds need exactly three digits"},
		{name: "strict: an error", args: []string{"--strict", "--to", "srt", "-"}, wantCode: exitFailure,
			wantStderr: "capconv: <stdin>:6:15: bad timestamp:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := runCLI(t, vtt, append([]string{"convert"}, tt.args...)...)
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d; stderr %q", code, tt.wantCode, stderr)
			}
			if !strings.Contains(out, tt.wantOut) || strings.Contains(out, "dropped") {
				t.Errorf("stdout = %q, want it to hold %q and not the dropped cue", out, tt.wantOut)
			}
			if !strings.Contains(stderr, tt.wantStderr) {
				t.Errorf("stderr = %q, want it to hold %q", stderr, tt.wantStderr)
			}
		})
	}
}
