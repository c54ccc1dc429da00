package main

import (
	"strings"
	"testing"
)

// TestUsage pins how capconv answers the ways people mistype it: exit 2
// and one line that says what to write instead.
func TestUsage(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  string // substring of stdout
		wantErr  string // substring of stderr
	}{
		{name: "version", args: []string{"--version"}, wantOut: "capconv version "},
		{name: "misspelt command", args: []string{"conver", "a.txt"}, wantCode: 2, wantErr: `capconv: "conver" is not a capconv command; did you mean convert?`},
		{name: "unknown command", args: []string{"bogus"}, wantCode: 2, wantErr: `capconv: "bogus" is not a capconv command (capconv --help lists the commands)`},
		{name: "misspelt flag", args: []string{"convert", "--too", "srt", "a.txt"}, wantCode: 2, wantErr: "capconv: unknown flag --too; did you mean --to?"},
		{name: "seconds without a unit", args: []string{"convert", "--max-duration", "7x", "a.txt"}, wantCode: 2, wantErr: `--max-duration: "7x": expected a duration such as 7s`},
		{name: "unknown format", args: []string{"convert", "--to", "sub", "a.txt"}, wantCode: 2, wantErr: `--to: "sub": expected formats capconv writes: ass, chapters, dfxp, itt, json, scc, srt, stl, ttml, txt, vtt`},
		{name: "help without zero defaults", args: []string{"convert", "--help"}, wantOut: "--max-chars N"},
		{name: "formats table", args: []string{"formats"}, wantOut: "srt       yes   yes    .srt                   label"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := capconv(t, t.TempDir(), tc.args...)
			if code != tc.wantCode {
				t.Errorf("exit code = %d, want %d; stderr:\n%s", code, tc.wantCode, stderr)
			}
			if !strings.Contains(stdout, tc.wantOut) {
				t.Errorf("stdout = %q, want it to hold %q", stdout, tc.wantOut)
			}
			if !strings.Contains(stderr, tc.wantErr) {
				t.Errorf("stderr = %q, want it to hold %q", stderr, tc.wantErr)
			}
			if tc.wantCode == 2 && strings.Count(stderr, "\n") != 1 {
				t.Errorf("stderr has %d lines, want 1:\n%s", strings.Count(stderr, "\n"), stderr)
			}
			for _, noise := range []string{"(default: false)", "(default: 0)"} {
				if strings.Contains(stdout, noise) {
					t.Errorf("help holds %q", noise)
				}
			}
		})
	}
}

// TestDurationFlag: a plain number is seconds, Go's syntax works too.
func TestDurationFlag(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
	}{{"7", "7s"}, {"1.5", "1.5s"}, {"500ms", "500ms"}, {"1h2m3s", "1h2m3s"}, {"-0.2", "-200ms"}} {
		d, err := parseDuration("x", tc.in)
		if err != nil || d.String() != tc.want {
			t.Errorf("parseDuration(%q) = %v, %v; want %s", tc.in, d, err, tc.want)
		}
	}
}
