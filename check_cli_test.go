package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeCaptions writes an SRT file of text into a temporary directory.
func writeCaptions(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

const (
	clean    = "1\n00:00:01,000 --> 00:00:03,000\nHello there, and welcome.\n\n2\n00:00:04,000 --> 00:00:07,000\nToday we talk about captions,\nand how to read them.\n"
	touching = "1\n00:00:01,000 --> 00:00:03,000\nHello there, and welcome.\n\n2\n00:00:03,000 --> 00:00:06,000\nToday we talk about captions,\nand how to read them.\n"
	tooLong  = "1\n00:00:01,000 --> 00:00:05,000\nThis line is far longer than any style guide lets a line be.\n"
	tooFast  = "1\n00:00:01,000 --> 00:00:02,000\nThis is far too much text\nto read in a second.\n"
	offFrame = "1\n00:00:01,010 --> 00:00:03,000\nHello there, and welcome.\n"
	french   = "1\n00:00:01,000 --> 00:00:04,000\nNous sommes allés à la\nmaison de Pierre hier.\n"
)

func TestCheckCommand(t *testing.T) {
	tests := []struct {
		name      string
		file      string
		args      []string
		wantCode  int
		wantOut   []string
		wantNoOut []string
		reason    string
	}{
		{name: "clean", file: clean, wantCode: exitOK, wantOut: []string{"1 file checked: 0 errors, 0 warnings, 0 info"}},
		{
			name: "touching cues under netflix", file: touching, wantCode: exitOK,
			wantOut: []string{":cue 2 (00:00:03.000): gap: 0.000 s after cue 1, under 0.083 s"},
			reason:  "a gap is a warning, and --fail-on is error",
		},
		{name: "touching cues under youtube", file: touching, args: []string{"--preset", "youtube"}, wantCode: exitOK, wantNoOut: []string{"gap"}},
		{name: "touching cues with --min-gap 0", file: touching, args: []string{"--min-gap", "0"}, wantCode: exitOK, wantNoOut: []string{"gap"}},
		{name: "gap fails on warning", file: touching, args: []string{"--fail-on", "warning"}, wantCode: exitFailure},
		{
			name: "long line", file: tooLong, wantCode: exitFailure,
			wantOut:   []string{":cue 1 (00:00:01.000): chars: 60 characters on a line, above 42", "chars          error         1 in 1 file"},
			wantNoOut: []string{"no room", "transcript"},
			reason:    "a caption file's long line is its own, not the transcript's",
		},
		{name: "too fast", file: tooFast, args: []string{"--fail-on", "warning"}, wantCode: exitFailure, wantOut: []string{"cps: 46 characters a second, above 20"}},
		{name: "too fast under --max-cps", file: tooFast, args: []string{"--max-cps", "50"}, wantCode: exitOK, wantNoOut: []string{"cps:"}},
		{name: "ignored", file: tooLong, args: []string{"--ignore", "chars"}, wantCode: exitOK, wantNoOut: []string{"chars"}},
		{name: "off the frame grid", file: offFrame, args: []string{"--fps", "25"}, wantOut: []string{"frames: starts 0.010 s off a frame at 25 fps"}},
		{name: "on the grid without --fps", file: offFrame, wantNoOut: []string{"frames"}},
		{
			name: "French with --lang", file: french, args: []string{"--lang", "fr"},
			wantOut: []string{`line-break: line 1 breaks after the article or determiner "la", before its noun`},
		},
		{
			name: "French too short to guess", file: french, wantNoOut: []string{"line-break"},
			reason: "a line of French is no English, and too short to tell which language it is",
		},
		{name: "bad --lang", file: clean, args: []string{"--lang", "not a tag!"}, wantCode: exitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeCaptions(t, "in.srt", tt.file)
			code, stdout, stderr := runCLI(t, "", append(append([]string{"check"}, tt.args...), path)...)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d %s\nstdout:\n%s\nstderr:\n%s", code, tt.wantCode, tt.reason, stdout, stderr)
			}
			for _, s := range tt.wantOut {
				if !strings.Contains(stdout, s) {
					t.Errorf("stdout lacks %q %s:\n%s", s, tt.reason, stdout)
				}
			}
			for _, s := range tt.wantNoOut {
				if strings.Contains(stdout, s) {
					t.Errorf("stdout has %q %s:\n%s", s, tt.reason, stdout)
				}
			}
		})
	}
}

func TestCheckUsageErrors(t *testing.T) {
	path := writeCaptions(t, "in.srt", clean)
	tests := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"no input", []string{"check"}, "check needs at least one input"},
		{"bad format", []string{"check", "--format", "xml", path}, `--format: "xml": expected text or json`},
		{"bad severity", []string{"check", "--fail-on", "fatal", path}, `--fail-on: "fatal": expected error, warning or info`},
		{"bad rule", []string{"check", "--ignore", "speed", path}, `--ignore: "speed" is no rule`},
		{"bad preset", []string{"check", "--preset", "hbo", path}, `--preset: unknown preset "hbo"`},
		{"media without page", []string{"check", "--media", "a.mp4", path}, "--media needs --html"},
		{"unknown flag", []string{"check", "--fail", "error", path}, "unknown flag --fail"},
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

func TestCheckJSON(t *testing.T) {
	path := writeCaptions(t, "in.srt", tooLong)
	code, stdout, stderr := runCLI(t, "", "check", "--format", "json", path, filepath.Join(t.TempDir(), "missing.srt"))
	if code != exitFailure {
		t.Errorf("exit %d, want 1; stderr %q", code, stderr)
	}
	if !strings.Contains(stderr, "missing.srt") {
		t.Errorf("stderr does not name the missing file: %q", stderr)
	}
	var rep struct {
		Schema string
		Files  []struct {
			File       string
			Error      string
			Violations []struct {
				Cue      int
				StartMS  int64 `json:"start_ms"`
				Rule     string
				Severity string
			}
		}
		Summary []struct {
			Rule  string
			Count int
		}
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("%v:\n%s", err, stdout)
	}
	if rep.Schema != "capconv-check/1" || len(rep.Files) != 2 || rep.Files[1].Error == "" {
		t.Fatalf("unexpected report:\n%s", stdout)
	}
	v := rep.Files[0].Violations
	if len(v) != 1 || v[0].Rule != "chars" || v[0].Severity != "error" || v[0].Cue != 1 || v[0].StartMS != 1000 {
		t.Errorf("violations = %+v", v)
	}
}

func TestCheckTranscript(t *testing.T) {
	code, stdout, stderr := runCLI(t, "", "check", seed)
	if code != exitOK {
		t.Errorf("exit %d; stderr %q", code, stderr)
	}
	if !strings.Contains(stdout, "1 file checked") {
		t.Errorf("no summary:\n%s", stdout)
	}
	if strings.Contains(stdout, "chars:") {
		t.Errorf("the conversion breaks lines to fit, yet check reports a long line:\n%s", stdout)
	}
}

func TestCheckStdin(t *testing.T) {
	code, stdout, _ := runCLI(t, tooLong, "check", "-")
	if code != exitFailure || !strings.Contains(stdout, "<stdin>:cue 1 (00:00:01.000): chars:") {
		t.Errorf("exit %d, stdout:\n%s", code, stdout)
	}
}

func TestCheckReviewPage(t *testing.T) {
	dir := t.TempDir()
	in := writeCaptions(t, "in.srt", tooLong)
	media := filepath.Join(dir, "talk.mp4")
	if err := os.WriteFile(media, []byte("not really a video"), 0o644); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dir, "review.html")
	code, _, stderr := runCLI(t, "", "check", "--html", page, "--media", media, in)
	if code != exitFailure {
		t.Errorf("exit %d, want 1 (a long line is an error); stderr %q", code, stderr)
	}
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`<span id="cue-count">1</span>`, `<span id="violation-count">1</span>`, "<track", "data:video/mp4;base64,"} {
		if !strings.Contains(string(data), s) {
			t.Errorf("the page lacks %q", s)
		}
	}
	code, _, stderr = runCLI(t, "", "check", "--html", page, "--media", filepath.Join(dir, "missing.mp4"), in)
	if code != exitFailure || !strings.Contains(stderr, "missing.mp4") {
		t.Errorf("a missing media file: exit %d, stderr %q", code, stderr)
	}
}

func TestCheckDirectory(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{"a.srt": clean, "sub/b.srt": tooLong, "notes.pdf": "not captions"} {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, stdout, stderr := runCLI(t, "", "check", dir)
	if code != exitFailure || !strings.Contains(stdout, "2 files checked: 1 error") || !strings.Contains(stdout, filepath.Join("sub", "b.srt")+":cue 1") {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}

func TestConvertReportHTML(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "review.html")
	code, _, stderr := runCLI(t, "", "convert", "--report", "--html", page, "--to", "srt", "-o", dir, seed)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `<span id="cue-count">`) || !strings.Contains(string(data), "Mark Zuckerberg") {
		t.Errorf("the review page lacks the cues:\n%.500s", data)
	}
	if code, _, stderr := runCLI(t, "", "convert", "--html", page, seed); code != exitUsage || !strings.Contains(stderr, "--html needs --report") {
		t.Errorf("--html without --report: exit %d, stderr %q", code, stderr)
	}
}

// TestConvertReportGaps: --report under settings that let cues touch
// reports no gap between touching cues of a caption file, and blames no
// transcript for its long lines.
func TestConvertReportGaps(t *testing.T) {
	in := writeCaptions(t, "in.srt", touching+"\n3\n00:00:06,000 --> 00:00:09,000\nThis line is far longer than any style guide lets a line be.\n")
	for _, args := range [][]string{{"--preset", "youtube"}, {"--min-gap", "0"}} {
		code, _, stderr := runCLI(t, "", append(append([]string{"convert", "--report", "--to", "vtt", "-o", t.TempDir()}, args...), in)...)
		if code != exitOK {
			t.Fatalf("%v: exit %d, stderr %q", args, code, stderr)
		}
		if strings.Contains(stderr, "gap:") || strings.Contains(stderr, "transcript") {
			t.Errorf("%v: the report misfires:\n%s", args, stderr)
		}
		if !strings.Contains(stderr, "chars:") {
			t.Errorf("%v: the report misses the long line:\n%s", args, stderr)
		}
	}
}

// TestCheckJSONLanguage: the JSON report names the language a file was
// checked in.
func TestCheckJSONLanguage(t *testing.T) {
	path := writeCaptions(t, "in.srt", french)
	code, stdout, stderr := runCLI(t, "", "check", "--format", "json", "--lang", "fr", path)
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	var rep struct {
		Files []struct {
			Language   string `json:"language"`
			Violations []struct {
				Rule string `json:"rule"`
			} `json:"violations"`
		} `json:"files"`
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Files) != 1 || rep.Files[0].Language != "fr" || len(rep.Files[0].Violations) != 1 || rep.Files[0].Violations[0].Rule != "line-break" {
		t.Errorf("report: %+v", rep)
	}
}
