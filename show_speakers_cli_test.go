package main

import (
	"strings"
	"testing"
)

// TestShowSpeakersFlag checks --show-speakers on every format that shows
// speakers, and its old name, --srt-labels.
func TestShowSpeakersFlag(t *testing.T) {
	const transcript = "Ann Lee 0:00:01\n\nHello there.\n\nBob 0:00:03\n\nHi.\n"
	const voiced = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann>Hello.</v>\n\n00:00:02.000 --> 00:00:03.000\n<v Bob>Hi.</v>\n"
	tests := []struct {
		name  string
		stdin string
		args  []string
		want  []string // in the output, in order
		not   []string // nowhere in it
	}{
		{name: "a transcript's speakers show as names", stdin: transcript, args: []string{"--to", "vtt"},
			want: []string{"<v Ann Lee>Ann Lee: Hello there.</v>", "<v Bob>Bob: Hi.</v>"}},
		{name: "none keeps the voices only", stdin: transcript, args: []string{"--to", "vtt", "--show-speakers", "none"},
			want: []string{"<v Ann Lee>Hello there.</v>"}, not: []string{"Ann Lee:"}},
		{name: "voices that showed nothing stay unseen", stdin: voiced, args: []string{"--to", "vtt"},
			want: []string{"<v Ann>Hello.</v>"}, not: []string{"Ann:"}},
		{name: "asked for, they show", stdin: voiced, args: []string{"--to", "ttml", "--show-speakers", "upper"},
			want: []string{">ANN: Hello.<", ">BOB: Hi.<"}},
		{name: "ASS in brackets", stdin: voiced, args: []string{"--to", "ass", "--show-speakers", "bracket"},
			want: []string{",Ann,0,0,0,,[Ann] Hello.", ",Bob,0,0,0,,[Bob] Hi."}},
		{name: "the old name still works", stdin: transcript, args: []string{"--to", "srt", "--srt-labels", "dash"},
			want: []string{"- Hello there.", "- Hi."}, not: []string{"Ann Lee"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"convert", "-", "-o", "-", "-q"}, tc.args...)
			code, out, stderr := runCLI(t, tc.stdin, args...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			rest := out
			for _, w := range tc.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("output lacks %q (in order):\n%s", w, out)
				}
				rest = rest[i+len(w):]
			}
			for _, n := range tc.not {
				if strings.Contains(out, n) {
					t.Errorf("output holds %q:\n%s", n, out)
				}
			}
		})
	}
	if code, _, stderr := runCLI(t, "", "convert", "-", "--show-speakers", "loud"); code != exitUsage || !strings.Contains(stderr, "--show-speakers") {
		t.Errorf("--show-speakers loud: exit %d, %q; want a usage error naming the flag", code, stderr)
	}
}
