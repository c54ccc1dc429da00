package batch

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/convert/caption"
	"github.com/google/go-cmp/cmp"
)

// strays returns an SRT file of n cues, each followed by a stray line
// after a blank line: one warning per cue.
func strays(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "%d\n00:00:%02d,000 --> 00:00:%02d,500\nLine %d\n\nstray %d\n\n", i, i, i, i, i)
	}
	return b.String()
}

func TestSummarize(t *testing.T) {
	unknown := &caption.ParseError{Pos: caption.Position{File: "a.txt", Line: 3},
		Err: fmt.Errorf("%w: none matches the first lines read:\n\ta.txt:1: hello\ndialects tried:\n\trev ...", caption.ErrUnknownDialect)}
	tests := []struct {
		name     string
		err      error
		wantLine string
		wantCut  bool
	}{
		{
			name:     "one line stays whole",
			err:      &caption.ParseError{Pos: caption.Position{File: "a.txt", Line: 5, Col: 5}, Err: caption.ErrTimeGoesBack},
			wantLine: "a.txt:5:5: time goes backwards",
		},
		{
			name:     "a diagnosis keeps its first line, without the colon that announced the rest",
			err:      unknown,
			wantLine: "a.txt:3: unknown transcript dialect: none matches the first lines read",
			wantCut:  true,
		},
		{
			name:     "joined errors keep the first",
			err:      errors.Join(errors.New("out/a.srt: permission denied"), errors.New("out/a.vtt: permission denied")),
			wantLine: "out/a.srt: permission denied",
			wantCut:  true,
		},
		{
			name:     "a path error names its file first, quoted when it does not print",
			err:      &fs.PathError{Op: "open", Path: "a\nb.txt", Err: fs.ErrNotExist},
			wantLine: `"a\nb.txt": file does not exist`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			line, cut := Summarize(tc.err)
			if line != tc.wantLine || cut != tc.wantCut {
				t.Errorf("Summarize() = %q, %v; want %q, %v", line, cut, tc.wantLine, tc.wantCut)
			}
		})
	}
}

func TestRunCountsWarnings(t *testing.T) {
	tests := []struct {
		name       string
		max        int
		keep       bool
		wantPassed int
		wantHeld   int
	}{
		{name: "no limit passes every warning", max: 0, wantPassed: 8},
		{name: "the limit holds back the rest", max: 3, wantPassed: 3, wantHeld: 5},
		{name: "kept for the JSON report", max: 3, keep: true, wantPassed: 3, wantHeld: 5},
		{name: "a limit above the count holds none", max: 20, wantPassed: 8},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeTree(t, dir, map[string]string{"a.srt": strays(8), "b.srt": strays(1)})
			chdir(t, dir)
			var passed []string
			o := Options{To: []convert.Format{convert.WebVTT}, Workers: 1, MaxWarnings: tc.max, KeepWarnings: tc.keep}
			o.Convert.Warn = func(pos caption.Position, msg string) {
				if pos.File == "a.srt" {
					passed = append(passed, pos.String())
				}
			}
			rep := Run(context.Background(), plan(t, []string{"a.srt", "b.srt"}, o), o)
			if !rep.OK() {
				t.Fatalf("Run() failed: %+v", rep.Files)
			}
			a, b := rep.Files[0], rep.Files[1]
			if len(passed) != tc.wantPassed || a.WarningCount != 8 || a.WarningsHeld != tc.wantHeld {
				t.Errorf("a.srt: %d passed, count %d, held %d; want %d, 8, %d", len(passed), a.WarningCount, a.WarningsHeld, tc.wantPassed, tc.wantHeld)
			}
			if b.WarningCount != 1 || b.WarningsHeld != 0 {
				t.Errorf("b.srt: count %d, held %d; want 1, 0: each input is counted apart", b.WarningCount, b.WarningsHeld)
			}
			wantKept := 0
			if tc.keep {
				wantKept = 8
			}
			if len(a.Warnings) != wantKept {
				t.Errorf("a.srt kept %d warnings, want %d", len(a.Warnings), wantKept)
			}
			if tc.keep && a.Warnings[0].Pos.Line != 5 {
				t.Errorf("first warning at %v, want line 5", a.Warnings[0].Pos)
			}
		})
	}
}

func TestConsoleResult(t *testing.T) {
	full := &caption.ParseError{Pos: caption.Position{File: "a.txt", Line: 3},
		Err: fmt.Errorf("%w: none matches the first lines read:\n\tmore", caption.ErrUnknownDialect)}
	tests := []struct {
		name          string
		brief         bool
		result        Result
		want          string
		wantShortened bool
	}{
		{
			name:   "held warnings are counted on one line",
			result: Result{Input: "a.srt", Status: Converted, WarningCount: 100, WarningsHeld: 95},
			want:   "capconv: warning: a.srt: 95 more warnings (--verbose to see all)\n",
		},
		{
			name:   "one held warning",
			result: Result{Input: "a.srt", Status: Converted, WarningCount: 6, WarningsHeld: 1},
			want:   "capconv: warning: a.srt: 1 more warning (--verbose to see all)\n",
		},
		{
			name:   "full diagnosis",
			result: Result{Input: "a.txt", Status: Failed, Err: full},
			want:   "capconv: a.txt:3: unknown transcript dialect: none matches the first lines read:\n\tmore\n",
		},
		{
			name:          "brief",
			brief:         true,
			result:        Result{Input: "a.txt", Status: Failed, Err: full},
			want:          "capconv: a.txt:3: unknown transcript dialect: none matches the first lines read\n",
			wantShortened: true,
		},
		{
			name:   "brief leaves a one-line error alone",
			brief:  true,
			result: Result{Input: "a.txt", Status: Failed, Err: errors.New("a.txt: no such file or directory")},
			want:   "capconv: a.txt: no such file or directory\n",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			c := NewConsole(&buf, 1, ConsoleOptions{Brief: tc.brief})
			c.Result(tc.result)
			if d := cmp.Diff(tc.want, buf.String()); d != "" {
				t.Errorf("Result() printed (-want +got):\n%s", d)
			}
			if c.Shortened() != tc.wantShortened {
				t.Errorf("Shortened() = %v, want %v", c.Shortened(), tc.wantShortened)
			}
		})
	}
}

func TestWriteJSONWarnings(t *testing.T) {
	rep := &Report{Files: []Result{
		{Input: "a.srt", Status: Converted, WarningCount: 2, WarningsHeld: 1, Outputs: []Output{}, Warnings: []Warning{
			{caption.Position{File: "a.srt", Line: 5}, "text after a blank line taken as more text of the cue before it"},
			{caption.Position{File: "a.srt"}, "cues are not in start order: sorted them"},
		}},
		{Input: "b.srt", Status: Converted, Outputs: []Output{}},
	}}
	var buf bytes.Buffer
	if err := rep.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var got struct{ Files []map[string]any }
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, buf.Bytes())
	}
	want := []map[string]any{
		{"warnings": 2.0, "warning_messages": []any{
			map[string]any{"line": 5.0, "message": "text after a blank line taken as more text of the cue before it"},
			map[string]any{"message": "cues are not in start order: sorted them"},
		}},
		{"warnings": 0.0},
	}
	for i, f := range got.Files {
		for k := range f {
			if k != "warnings" && k != "warning_messages" {
				delete(f, k)
			}
		}
		if d := cmp.Diff(want[i], f); d != "" {
			t.Errorf("file %d warnings mismatch (-want +got):\n%s", i, d)
		}
	}
}
