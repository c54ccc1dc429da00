package main

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/capconv/capconv/convert"
)

// prose is a transcript in no dialect: reading it fails with the
// multi-line unknown-dialect diagnosis.
const prose = "hello world\nthis is prose\nno times at all\n"

// strays returns an SRT file of n cues, each followed by a stray line
// after a blank line: one warning per cue.
// diagnosisLines is how many lines the full unknown-dialect diagnosis
// has: the error and three lines read, a heading, one line per dialect,
// and the hint.
var diagnosisLines = 4 + 1 + len(convert.TranscriptDialects()) + 1

func strays(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "%d\n00:%02d:%02d,000 --> 00:%02d:%02d,500\nLine %d\n\nstray %d\n\n", i, i/60, i%60, i/60, i%60, i, i)
	}
	return b.String()
}

// stderrLines splits stderr into its lines.
func stderrLines(stderr string) []string {
	if stderr == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
}

// countMatches returns how many lines match re.
func countMatches(lines []string, re string) int {
	n := 0
	for _, l := range lines {
		if regexp.MustCompile(re).MatchString(l) {
			n++
		}
	}
	return n
}

const (
	unknownLine = `^capconv: u/f\d\d\.txt:3: unknown transcript dialect: none matches the first lines read$`
	hintLine    = "capconv: " + fullDiagnosisHint
	summaryLine = `^capconv: \d+ converted, \d+ skipped, \d+ failed in `
)

func TestConvertBatchErrors(t *testing.T) {
	tests := []struct {
		name   string
		inputs int
		args   []string
		// want counts the lines of stderr matching each pattern; wantLines
		// is the number of lines in all.
		want      map[string]int
		wantLines int
		wantLast  string
	}{
		{
			name:      "a batch prints one line per failed input, then the hint once",
			inputs:    50,
			want:      map[string]int{unknownLine: 50, summaryLine: 1, "dialects tried": 0},
			wantLines: 52,
			wantLast:  hintLine,
		},
		{
			name:      "quiet keeps the hint",
			inputs:    50,
			args:      []string{"-q"},
			want:      map[string]int{unknownLine: 50, summaryLine: 0},
			wantLines: 51,
			wantLast:  hintLine,
		},
		{
			name:   "verbose prints every diagnosis whole, and no hint",
			inputs: 2,
			args:   []string{"--verbose"},
			want: map[string]int{
				`^capconv: u/f\d\d\.txt:3: unknown transcript dialect: none matches the first lines read:$`: 2,
				"^dialects tried:$": 2, "^use --from NAME": 2, `^\tu/f\d\d\.txt:1: hello world$`: 2, regexp.QuoteMeta(hintLine): 0,
			},
			wantLines: 2*diagnosisLines + 1, // each diagnosis whole, then the summary
		},
		{
			name:   "one input prints its full diagnosis",
			inputs: 1,
			want: map[string]int{
				`^capconv: u/f00\.txt:3: unknown transcript dialect: none matches the first lines read:$`: 1,
				"^dialects tried:$": 1, `^\trev `: 1, "^use --from NAME": 1, regexp.QuoteMeta(hintLine): 0,
			},
			wantLines: diagnosisLines + 1,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			files := map[string]string{}
			for i := range tc.inputs {
				files[fmt.Sprintf("u/f%02d.txt", i)] = prose
			}
			writeFiles(t, dir, files)
			code, _, stderr := capconv(t, dir, append([]string{"convert", "u", "--to", "srt"}, tc.args...)...)
			if code != exitFailure {
				t.Errorf("exit code = %d, want %d", code, exitFailure)
			}
			lines := stderrLines(stderr)
			if len(lines) != tc.wantLines {
				t.Errorf("stderr has %d lines, want %d:\n%s", len(lines), tc.wantLines, stderr)
			}
			for re, want := range tc.want {
				if got := countMatches(lines, re); got != want {
					t.Errorf("%d lines match %q, want %d:\n%s", got, re, want, stderr)
				}
			}
			if tc.wantLast != "" && (len(lines) == 0 || lines[len(lines)-1] != tc.wantLast) {
				t.Errorf("last line of stderr is not %q:\n%s", tc.wantLast, stderr)
			}
		})
	}
}

func TestConvertWarningCap(t *testing.T) {
	const warning = `^capconv: warning: %s:\d+: text after a blank line taken as more text of the cue before it$`
	tests := []struct {
		name      string
		files     map[string]string
		args      []string
		want      map[string]int
		wantLines int
	}{
		{
			name:  "100 warnings print the cap and one line for the rest",
			files: map[string]string{"w.srt": strays(100)},
			args:  []string{"w.srt"},
			want: map[string]int{
				fmt.Sprintf(warning, "w.srt"):                                           fewWarnings,
				`^capconv: warning: w\.srt: 95 more warnings \(--verbose to see all\)$`: 1,
			},
			wantLines: fewWarnings + 1 + 2, // wrote, summary
		},
		{
			name:      "verbose prints every warning",
			files:     map[string]string{"w.srt": strays(100)},
			args:      []string{"w.srt", "--verbose"},
			want:      map[string]int{fmt.Sprintf(warning, "w.srt"): 100, "more warning": 0},
			wantLines: 100 + 2,
		},
		{
			name:      "as many warnings as the cap need no count",
			files:     map[string]string{"w.srt": strays(fewWarnings)},
			args:      []string{"w.srt"},
			want:      map[string]int{fmt.Sprintf(warning, "w.srt"): fewWarnings, "more warning": 0},
			wantLines: fewWarnings + 2,
		},
		{
			name:      "one past the cap",
			files:     map[string]string{"w.srt": strays(fewWarnings + 1)},
			args:      []string{"w.srt"},
			want:      map[string]int{fmt.Sprintf(warning, "w.srt"): fewWarnings, `^capconv: warning: w\.srt: 1 more warning \(`: 1},
			wantLines: fewWarnings + 1 + 2,
		},
		{
			name:  "each input has its own cap",
			files: map[string]string{"a.srt": strays(100), "b.srt": strays(2)},
			args:  []string{"a.srt", "b.srt"},
			want: map[string]int{
				fmt.Sprintf(warning, "a.srt"): fewWarnings, fmt.Sprintf(warning, "b.srt"): 2,
				`^capconv: warning: a\.srt: 95 more warnings`: 1, "b.srt: .* more warning": 0,
			},
			wantLines: fewWarnings + 1 + 2 + 3, // 2 wrote, summary
		},
		{
			name:      "standard output has the same cap",
			files:     map[string]string{"w.srt": strays(100)},
			args:      []string{"w.srt", "-o", "-"},
			want:      map[string]int{fmt.Sprintf(warning, "w.srt"): fewWarnings, `^capconv: warning: w\.srt: 95 more warnings`: 1},
			wantLines: fewWarnings + 1,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tc.files)
			code, _, stderr := capconv(t, dir, append([]string{"convert", "--to", "vtt"}, tc.args...)...)
			if code != exitOK {
				t.Errorf("exit code = %d, want %d; stderr:\n%s", code, exitOK, stderr)
			}
			lines := stderrLines(stderr)
			if len(lines) != tc.wantLines {
				t.Errorf("stderr has %d lines, want %d:\n%s", len(lines), tc.wantLines, stderr)
			}
			for re, want := range tc.want {
				if got := countMatches(lines, re); got != want {
					t.Errorf("%d lines match %q, want %d:\n%s", got, re, want, stderr)
				}
			}
		})
	}
}

func TestConvertReportJSONWarnings(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"w.srt": strays(100), "a.txt": goodTranscript})
	code, _, stderr := capconv(t, dir, "convert", "w.srt", "a.txt", "--to", "vtt", "--report-json", "report.json", "-q")
	if code != exitOK {
		t.Fatalf("exit code = %d; stderr:\n%s", code, stderr)
	}
	data, err := os.ReadFile("report.json")
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Version int
		Files   []struct {
			Input           string
			Warnings        int
			WarningMessages []struct {
				Line    int
				Message string
			} `json:"warning_messages"`
		}
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatalf("report: %v\n%s", err, data)
	}
	w, a := rep.Files[0], rep.Files[1]
	// The report holds every warning, not only those printed.
	if w.Input != "w.srt" || w.Warnings != 100 || len(w.WarningMessages) != 100 || w.WarningMessages[99].Line != 100*6-1 {
		t.Errorf("w.srt: %d warnings, %d messages (last %+v); want 100, 100, the last on line %d", w.Warnings, len(w.WarningMessages), w.WarningMessages[len(w.WarningMessages)-1], 100*6-1)
	}
	if a.Input != "a.txt" || a.Warnings != 0 || a.WarningMessages != nil {
		t.Errorf("a.txt: %+v, want no warnings", a)
	}
	if rep.Version != 1 {
		t.Errorf("version = %d, want 1: fields were only added", rep.Version)
	}
}

func TestConvertQuotesFileNames(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no newlines in Windows file names")
	}
	// want holds the start of each line of stderr, in any order: the
	// inputs finish in any order.
	tests := []struct {
		name  string
		files map[string]string
		args  []string
		code  int
		want  []string
		// partial: want lists only some of the lines.
		partial bool
	}{
		{
			name:  "a failed input",
			files: map[string]string{"a\nb.txt": prose, "c.txt": prose},
			args:  []string{"--to", "srt", "--", "a\nb.txt", "c.txt"},
			code:  exitFailure,
			want: []string{
				`capconv: "a\nb.txt":3: unknown transcript dialect: none matches the first lines read`,
				"capconv: c.txt:3: unknown transcript dialect: none matches the first lines read",
				"capconv: 0 converted, 0 skipped, 2 failed in ",
				hintLine,
			},
		},
		{
			name:  "a missing input",
			files: map[string]string{"c.txt": goodTranscript},
			args:  []string{"--to", "srt", "--", "x\ny.txt", "c.txt"},
			code:  exitFailure,
			want:  []string{`capconv: "x\ny.txt": no such file or directory`, "capconv: wrote c.srt", "capconv: 1 converted, 0 skipped, 1 failed in "},
		},
		{
			name:  "warnings and outputs",
			files: map[string]string{"w\r.srt": strays(1)},
			args:  []string{"--to", "vtt", "--", "w\r.srt"},
			want: []string{
				`capconv: warning: "w\r.srt":5: text after a blank line taken as more text of the cue before it`,
				`capconv: wrote "w\r.vtt"`,
				"capconv: 1 converted, 0 skipped, 0 failed in ",
			},
		},
		{
			name:    "one input's full diagnosis",
			files:   map[string]string{"a\tb.txt": prose},
			args:    []string{"--to", "srt", "--", "a\tb.txt"},
			code:    exitFailure,
			want:    []string{`capconv: "a\tb.txt":3: unknown transcript dialect: none matches the first lines read:`, `	"a\tb.txt":1: hello world`},
			partial: true,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tc.files)
			code, _, stderr := capconv(t, dir, append([]string{"convert"}, tc.args...)...)
			if code != tc.code {
				t.Errorf("exit code = %d, want %d; stderr:\n%s", code, tc.code, stderr)
			}
			lines := stderrLines(stderr)
			if !tc.partial && len(lines) != len(tc.want) {
				t.Errorf("stderr has %d lines, want %d:\n%s", len(lines), len(tc.want), stderr)
			}
			for _, want := range tc.want {
				if !slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, want) }) {
					t.Errorf("no line of stderr starts with %q:\n%s", want, stderr)
				}
			}
		})
	}
}
