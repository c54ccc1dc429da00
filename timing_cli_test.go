package main

import (
	"strings"
	"testing"
)

// TestTimingFlags runs the timing and editor flags end to end on the seed
// and on a caption input (which must be snapped and shifted too).
func TestTimingFlags(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantOut    []string // substrings of stdout
		wantStderr []string
	}{
		{name: "start timecode on frames", args: []string{"--to", "srt", "--fps", "25", "--start-timecode", "01:00:00:00", seed, "-o", "-"},
			wantOut: []string{"01:00:00,400 --> "}}, // 0.4 s is 10 frames
		{name: "offset", args: []string{"--to", "vtt", "--offset", "2s", seed, "-o", "-"},
			wantOut: []string{"00:00:02.400 --> "}},
		{name: "TTML frames", args: []string{"--to", "ttml", "--fps", "29.97", "--ttml-time", "frames", seed, "-o", "-"},
			wantOut: []string{`ttp:frameRateMultiplier="1000 1001"`, `begin="00:00:00:12"`}}, // 0.4 s is 11.99 frames: the nearest frame is the 12th
		{name: "caption input is snapped and shifted", args: []string{"--to", "srt", "--fps", "25", "--offset", "1s", "testdata/malformed/astisub-example-in.srt", "-o", "-"},
			wantOut: []string{"00:01:40,000 --> 00:01:42,040"}},
		{name: "report", args: []string{"--to", "srt", "--preset", "bbc", "--report", seed, "-o", "-"},
			wantStderr: []string{"2 speakers", "speaker Mark Zuckerberg:", "reading speed: median", "limit 17.1"}},
		{name: "max-cps overrides the preset", args: []string{"--to", "srt", "--preset", "bbc", "--max-cps", "12", "--report", seed, "-o", "-"},
			wantStderr: []string{"limit 12.0"}},
		{name: "unknown preset", args: []string{"--preset", "hbo", seed}, wantCode: exitUsage, wantStderr: []string{"--preset"}},
		{name: "timecode without fps", args: []string{"--start-timecode", "01:00:00:00", seed}, wantCode: exitUsage, wantStderr: []string{"needs --fps"}},
		{name: "drop-frame at 25", args: []string{"--fps", "25", "--start-timecode", "01:00:00;00", seed}, wantCode: exitUsage, wantStderr: []string{"drop-frame"}},
		{name: "bad fps", args: []string{"--fps", "26", seed}, wantCode: exitUsage, wantStderr: []string{"--fps"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := runCLI(t, "", append([]string{"convert"}, tt.args...)...)
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d; stderr %q", code, tt.wantCode, stderr)
			}
			for _, w := range tt.wantOut {
				if !strings.Contains(out, w) {
					t.Errorf("stdout lacks %q:\n%.600s", w, out)
				}
			}
			for _, w := range tt.wantStderr {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%.600s", w, stderr)
				}
			}
		})
	}
}

// TestReportInBatch checks that a batch prints one whole report per input.
func TestReportInBatch(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := runCLI(t, "", "convert", "--to", "vtt", "--report", "-j", "2", "-o", dir,
		seed, "testdata/transcripts/talkpython_404-clean-code.txt")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	for _, want := range []string{"capconv: " + seed + ": ", "capconv: testdata/transcripts/talkpython_404-clean-code.txt: 1688 cues, 1 speaker\n"} {
		if strings.Count(stderr, want) != 1 {
			t.Errorf("stderr has %q %d times, want once:\n%.800s", want, strings.Count(stderr, want), stderr)
		}
	}
}
