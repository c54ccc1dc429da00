package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// endless is standard input that never ends.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

// TestMaxInput: an input past --max-input (or its default) fails with one
// line that names it and the flag, exit 1, whether its size is known (a
// file) or not (an endless standard input, /dev/zero).
func TestMaxInput(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, bytes.Repeat([]byte("Ann 0:00:01\n\nHello.\n\n"), 1000), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		stdin io.Reader
		args  []string
		want  string
	}{
		{name: "a file past the limit", args: []string{big, "--max-input", "10k"}, want: "big.txt: input too large: more than 10 KiB (--max-input raises the limit)"},
		{name: "an endless standard input", stdin: endless{}, args: []string{"-", "--max-input", "1M"}, want: "<stdin>: input too large: more than 1 MiB"},
		{name: "/dev/zero", args: []string{"/dev/zero", "--max-input", "2M"}, want: "/dev/zero: input too large: more than 2 MiB"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.args[0] == "/dev/zero" {
				if _, err := os.Stat("/dev/zero"); err != nil {
					t.Skip("no /dev/zero here")
				}
			}
			stdin := tc.stdin
			if stdin == nil {
				stdin = strings.NewReader("")
			}
			var stdout, stderr bytes.Buffer
			args := append([]string{"capconv", "convert", "--to", "srt", "-o", "-"}, tc.args...)
			code := run(args, stdin, &stdout, &stderr)
			if code != exitFailure || strings.Count(stderr.String(), "\n") != 1 || !strings.Contains(stderr.String(), tc.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and one line holding %q", code, stderr.String(), exitFailure, tc.want)
			}
		})
	}
	if code, _, stderr := runCLI(t, "", "convert", "-", "--max-input", "lots"); code != exitUsage {
		t.Errorf("--max-input lots: exit %d, %q; want a usage error", code, stderr)
	}
	// Within the limit, the same file converts.
	if code, _, stderr := runCLI(t, "", "convert", big, "--to", "srt", "-o", "-", "--max-input", "1M"); code != exitOK {
		t.Errorf("within --max-input: exit %d, %s", code, stderr)
	}
}
