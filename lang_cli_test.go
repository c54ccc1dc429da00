package main

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestLanguageLimits: without --preset, the limits are Netflix's for the
// text's language (--lang, or the one guessed from a long enough text);
// --preset and --max-chars win.
func TestLanguageLimits(t *testing.T) {
	const sentence = "机器人学习的目标是使用机器学习来学习在一般环境中能运作的机器人技能。"
	transcript := "Alex 0:00:01\n\n" + strings.Repeat(sentence, 8) + "\n"
	for _, tc := range []struct {
		name     string
		args     []string
		maxChars int // the most characters a line may have
		over     int // a limit the longest line is over: the lines use the room
	}{
		{"guessed Chinese", nil, 16, 10},
		{"--lang ja", []string{"--lang", "ja"}, 13, 10},
		{"--lang en", []string{"--lang", "en"}, 42, 20},
		{"--preset wins", []string{"--preset", "netflix"}, 42, 20},
		{"--max-chars wins", []string{"--max-chars", "20"}, 20, 16},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"convert", "-", "-o", "-", "--to", "vtt", "--show-speakers", "none"}, tc.args...)
			code, out, stderr := runCLI(t, transcript, args...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			longest := 0
			for _, l := range strings.Split(out, "\n") {
				if strings.Contains(l, "-->") || l == "WEBVTT" {
					continue
				}
				l = strings.TrimSuffix(strings.TrimPrefix(l, "<v Alex>"), "</v>")
				longest = max(longest, utf8.RuneCountInString(l))
			}
			if longest > tc.maxChars || longest <= tc.over {
				t.Errorf("longest line %d characters, want %d to %d:\n%s", longest, tc.over+1, tc.maxChars, out)
			}
		})
	}
}
