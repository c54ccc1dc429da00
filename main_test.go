package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/capconv/capconv/internal/testtree"
	"github.com/google/go-cmp/cmp"
)

const (
	goodTranscript = "Ann 0:00:01\n\nHello there.\n\nBob 0:00:04\n\nHi, Ann.\n"
	badTranscript  = "Ann 0:00:05\n\nHello.\n\nBob 0:00:09\n\nHi.\n\nAnn 0:00:15\n\nBye.\n\nBob 0:00:01\n\nAgain.\n\nAnn 0:00:02\n\nHello.\n\nBob 0:00:03\n\nHi.\n"
)

// capconv runs the program in dir and returns its exit code and output.
func capconv(t *testing.T, dir string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	t.Chdir(dir)
	var out, errw bytes.Buffer
	code = run(append([]string{"capconv"}, args...), strings.NewReader(goodTranscript), &out, &errw)
	return code, out.String(), errw.String()
}

// writeFiles and tree are testtree's, under the names the cases use.
var (
	writeFiles = testtree.Write
	tree       = testtree.List
)

func TestConvertCLI(t *testing.T) {
	tests := []struct {
		name     string
		files    map[string]string
		args     []string
		wantCode int
		wantTree []string
		// wantErr are substrings stderr must hold, one per line.
		wantErr []string
	}{
		{
			name:     "single file next to its input",
			files:    map[string]string{"a.txt": goodTranscript},
			args:     []string{"convert", "a.txt", "--to", "srt,vtt"},
			wantTree: []string{"a.srt", "a.txt", "a.vtt"},
			wantErr:  []string{"capconv: wrote a.srt", "capconv: wrote a.vtt", "capconv: 1 converted, 0 skipped, 0 failed in "},
		},
		{
			name:     "mirrored tree under -o",
			files:    map[string]string{"in/a.txt": goodTranscript, "in/s/b.txt": goodTranscript, "in/s/c.json": "{}"},
			args:     []string{"convert", "-j", "2", "in", "-o", "out", "--to", "vtt"},
			wantTree: []string{"in/a.txt", "in/s/b.txt", "in/s/c.json", "out/a.vtt", "out/s/b.vtt"},
			wantErr:  []string{"wrote out/a.vtt", "wrote out/s/b.vtt", "2 converted, 0 skipped, 0 failed"},
		},
		{
			name:     "glob expanded by capconv",
			files:    map[string]string{"a.txt": goodTranscript, "b.txt": goodTranscript, "c.md": goodTranscript},
			args:     []string{"convert", "*.txt", "--to", "srt"},
			wantTree: []string{"a.srt", "a.txt", "b.srt", "b.txt", "c.md"},
			wantErr:  []string{"wrote a.srt", "wrote b.srt", "2 converted"},
		},
		{
			name:     "a failure does not stop the others",
			files:    map[string]string{"d/a.txt": badTranscript, "d/b.txt": goodTranscript},
			args:     []string{"convert", "d", "--to", "srt"},
			wantCode: 1,
			wantTree: []string{"d/a.txt", "d/b.srt", "d/b.txt"},
			wantErr:  []string{"capconv: d/a.txt:13:5: time goes backwards", "wrote d/b.srt", "1 converted, 0 skipped, 1 failed"},
		},
		{
			name:     "existing output skipped without --force",
			files:    map[string]string{"a.txt": goodTranscript, "a.srt": "mine"},
			args:     []string{"convert", "a.txt", "--to", "srt"},
			wantTree: []string{"a.srt", "a.txt"},
			wantErr:  []string{"0 converted, 1 skipped, 0 failed in "},
		},
		{
			name:     "input never overwritten",
			files:    map[string]string{"a.srt": "1\n00:00:01,000 --> 00:00:02,000\nHi\n"},
			args:     []string{"convert", "a.srt", "--to", "srt,vtt", "--force"},
			wantCode: 1,
			wantTree: []string{"a.srt"},
			wantErr:  []string{"capconv: a.srt: output would overwrite the input"},
		},
		{
			name:     "colliding outputs refused before any file is written",
			files:    map[string]string{"a.txt": goodTranscript, "a.srt": "1\n00:00:01,000 --> 00:00:02,000\nHi\n", "b.txt": goodTranscript},
			args:     []string{"convert", "b.txt", "a.txt", "a.srt", "--to", "vtt"},
			wantCode: 1,
			wantTree: []string{"a.srt", "a.txt", "b.txt"},
			wantErr:  []string{"capconv: a.vtt: two inputs would write the same output: a.txt and a.srt"},
		},
		{
			name:     "missing input fails, the others convert",
			files:    map[string]string{"a.txt": goodTranscript},
			args:     []string{"convert", "a.txt", "nope.txt", "--to", "srt"},
			wantCode: 1,
			wantTree: []string{"a.srt", "a.txt"},
			wantErr:  []string{"capconv: nope.txt: no such file or directory", "wrote a.srt", "1 converted, 0 skipped, 1 failed"},
		},
		{
			name:     "many inputs: the summary, not every output",
			files:    map[string]string{"a.txt": goodTranscript, "b.txt": goodTranscript, "c.txt": goodTranscript, "d.txt": goodTranscript, "e.txt": goodTranscript, "f.txt": goodTranscript},
			args:     []string{"convert", ".", "--to", "srt"},
			wantTree: []string{"a.srt", "a.txt", "b.srt", "b.txt", "c.srt", "c.txt", "d.srt", "d.txt", "e.srt", "e.txt", "f.srt", "f.txt"},
			wantErr:  []string{"6 converted, 0 skipped, 0 failed"},
		},
		{
			name:     "-o names the file with one input and one format",
			files:    map[string]string{"a.txt": goodTranscript},
			args:     []string{"convert", "a.txt", "--to", "srt", "-o", "out/talk.srt"},
			wantTree: []string{"a.txt", "out/talk.srt"},
			wantErr:  []string{"wrote out/talk.srt", "1 converted"},
		},
		{
			name:     "-o stays a directory with two formats",
			files:    map[string]string{"a.txt": goodTranscript},
			args:     []string{"convert", "a.txt", "--to", "srt,vtt", "-o", "out.srt"},
			wantTree: []string{"a.txt", "out.srt/a.srt", "out.srt/a.vtt"},
			wantErr:  []string{"wrote out.srt/a.srt", "wrote out.srt/a.vtt", "1 converted"},
		},
		{
			name:     "a transcript and its chapters file collide on the chapters track",
			files:    map[string]string{"a.txt": goodTranscript, "a.chapters.txt": goodTranscript},
			args:     []string{"convert", "a.txt", "a.chapters.txt", "--to", "vtt"},
			wantCode: 1,
			wantTree: []string{"a.chapters.txt", "a.txt"},
			wantErr:  []string{"capconv: a.chapters.vtt: two inputs would write the same output: a.txt and a.chapters.txt"},
		},
		{
			name:     "quiet prints no summary",
			files:    map[string]string{"a.txt": goodTranscript},
			args:     []string{"convert", "-q", "a.txt", "--to", "srt"},
			wantTree: []string{"a.srt", "a.txt"},
		},
		{
			name:     "negative workers is a usage error",
			files:    map[string]string{"a.txt": goodTranscript},
			args:     []string{"convert", "a.txt", "-j", "-1"},
			wantCode: 2,
			wantTree: []string{"a.txt"},
			wantErr:  []string{"capconv: --jobs: -1"},
		},
		{
			name:     "no input is a usage error",
			args:     []string{"convert", "--to", "srt"},
			wantCode: 2,
			wantErr:  []string{"capconv: convert needs at least one input"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tc.files)
			code, _, stderr := capconv(t, dir, tc.args...)
			if code != tc.wantCode {
				t.Errorf("exit code = %d, want %d; stderr:\n%s", code, tc.wantCode, stderr)
			}
			if d := cmp.Diff(tc.wantTree, tree(t, dir)); d != "" {
				t.Errorf("files mismatch (-want +got):\n%s", d)
			}
			lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
			if stderr == "" {
				lines = nil
			}
			if len(lines) != len(tc.wantErr) {
				t.Errorf("stderr has %d lines, want %d:\n%s", len(lines), len(tc.wantErr), stderr)
			}
			for i, want := range tc.wantErr {
				if i < len(lines) && !strings.Contains(lines[i], want) {
					t.Errorf("stderr line %d = %q, want it to hold %q", i+1, lines[i], want)
				}
			}
			if f := "a.srt"; tc.files[f] == "mine" {
				if data, _ := os.ReadFile(f); string(data) != "mine" {
					t.Errorf("%s = %q, want it untouched", f, data)
				}
			}
		})
	}
}

func TestConvertReportJSON(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"d/a.txt": goodTranscript, "d/b.txt": badTranscript, "d/c.txt": goodTranscript, "d/c.srt": "mine"})
	code, _, stderr := capconv(t, dir, "convert", "d", "--to", "srt", "--report-json", "report.json", "-q")
	if code != 1 {
		t.Fatalf("exit code = %d, want 1; stderr:\n%s", code, stderr)
	}
	data, err := os.ReadFile("report.json")
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Version, Converted, Skipped, Failed, Cancelled int
		Files                                          []struct {
			Input, Status, Error string
			Outputs              []struct{ Path, Format, Status string }
		}
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatalf("report: %v\n%s", err, data)
	}
	type file struct{ Input, Status, Output, OutputStatus string }
	var got []file
	for _, f := range rep.Files {
		got = append(got, file{f.Input, f.Status, f.Outputs[0].Path, f.Outputs[0].Status})
	}
	want := []file{
		{"d/a.txt", "converted", "d/a.srt", "written"},
		{"d/b.txt", "failed", "d/b.srt", "not-written"},
		{"d/c.txt", "skipped", "d/c.srt", "exists"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("report files mismatch (-want +got):\n%s", d)
	}
	if rep.Version != 1 || rep.Converted != 1 || rep.Skipped != 1 || rep.Failed != 1 {
		t.Errorf("report counts = %+v", rep)
	}
	if !strings.HasPrefix(rep.Files[1].Error, "d/b.txt:13:5: ") {
		t.Errorf("error = %q, want it to start at its position", rep.Files[1].Error)
	}
}

func TestConvertStdio(t *testing.T) {
	dir := t.TempDir()
	code, stdout, stderr := capconv(t, dir, "convert", "-", "--to", "srt")
	// The transcript's turn starts at 0:01; its speech 0.4 s later.
	if code != 0 || !strings.Contains(stdout, "00:00:01,400 --> ") {
		t.Errorf("convert - = %d, stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if got := tree(t, dir); len(got) != 0 {
		t.Errorf("stdin conversion wrote files: %v", got)
	}
}
