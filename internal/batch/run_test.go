package batch

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/internal/fileio"

	"github.com/google/go-cmp/cmp"
)

// fakeConvert stands in for the timing model: the engine is tested apart
// from it, and an output is one cue that names its format and the first
// speaker.
func fakeConvert(doc *caption.Document, fs []convert.Format, _ convert.Options, yield func(convert.Output) error) error {
	for _, f := range fs {
		line := caption.Line{Speaker: doc.Segments[0].Speaker, Text: string(f)}
		if err := yield(convert.Output{Format: f, Doc: &caption.Document{Cues: []caption.Cue{{End: time.Second, Lines: []caption.Line{line}}}}}); err != nil {
			return err
		}
	}
	return nil
}

// fake returns o running on fakeConvert.
func fake(o Options) Options {
	o.convert = fakeConvert
	return o
}

func plan(t *testing.T, args []string, o Options) *Plan {
	t.Helper()
	p, err := NewPlan(args, o)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRun(t *testing.T) {
	tests := []struct {
		name   string
		files  map[string]string
		force  bool
		want   map[string]Status // input → status
		counts Counts
		tree   []string
	}{
		{
			name:   "converts every input",
			files:  map[string]string{"d/a.txt": goodTranscript, "d/s/b.txt": goodTranscript},
			want:   map[string]Status{"d/a.txt": Converted, "d/s/b.txt": Converted},
			counts: Counts{Converted: 2},
			tree:   []string{"d/a.srt", "d/a.txt", "d/a.vtt", "d/s/b.srt", "d/s/b.txt", "d/s/b.vtt"},
		},
		{
			name:   "one failure does not stop the others",
			files:  map[string]string{"d/a.txt": badTranscript, "d/b.txt": goodTranscript},
			want:   map[string]Status{"d/a.txt": Failed, "d/b.txt": Converted},
			counts: Counts{Converted: 1, Failed: 1},
			tree:   []string{"d/a.txt", "d/b.srt", "d/b.txt", "d/b.vtt"},
		},
		{
			name:   "existing outputs are skipped",
			files:  map[string]string{"d/a.txt": goodTranscript, "d/a.srt": "mine", "d/a.vtt": "mine", "d/b.txt": goodTranscript, "d/b.srt": "mine"},
			want:   map[string]Status{"d/a.txt": Skipped, "d/b.txt": Converted},
			counts: Counts{Converted: 1, Skipped: 1, Partial: 1}, // b.srt kept beside a new b.vtt
			tree:   []string{"d/a.srt", "d/a.txt", "d/a.vtt", "d/b.srt", "d/b.txt", "d/b.vtt"},
		},
		{
			name:   "force replaces existing outputs",
			files:  map[string]string{"d/a.txt": goodTranscript, "d/a.srt": "mine"},
			force:  true,
			want:   map[string]Status{"d/a.txt": Converted},
			counts: Counts{Converted: 1},
			tree:   []string{"d/a.srt", "d/a.txt", "d/a.vtt"},
		},
	}
	for _, tc := range tests {
		for _, workers := range []int{1, 3} {
			t.Run(fmt.Sprintf("%s/j%d", tc.name, workers), func(t *testing.T) {
				dir := t.TempDir()
				writeTree(t, dir, tc.files)
				chdir(t, dir)
				o := fake(Options{To: []convert.Format{convert.SRT, convert.WebVTT}, Workers: workers})
				o.Convert.Force = tc.force
				rep := Run(context.Background(), plan(t, []string{"d"}, o), o)
				got := map[string]Status{}
				for _, r := range rep.Files {
					got[filepath.ToSlash(r.Input)] = r.Status
				}
				if d := cmp.Diff(tc.want, got); d != "" {
					t.Errorf("Run() statuses mismatch (-want +got):\n%s", d)
				}
				if d := cmp.Diff(tc.counts, rep.Counts()); d != "" {
					t.Errorf("Counts() mismatch (-want +got):\n%s", d)
				}
				if d := cmp.Diff(tc.tree, listTree(t, dir)); d != "" {
					t.Errorf("files after Run() mismatch (-want +got):\n%s", d)
				}
				for name, content := range tc.files {
					if content != "mine" {
						continue
					}
					data, _ := os.ReadFile(filepath.FromSlash(name))
					if got := string(data); tc.force == (got == "mine") {
						t.Errorf("%s = %q after Run(force=%v)", name, got, tc.force)
					}
				}
			})
		}
	}
}

// TestRunCancelled cancels the batch while a job's temporary files are
// written but not yet in place: that job must leave nothing behind, the
// jobs after it must not start, and no temporary file may remain.
func TestRunCancelled(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for i := range 10 {
		files[fmt.Sprintf("d/f%02d.txt", i)] = goodTranscript
	}
	writeTree(t, dir, files)
	chdir(t, dir)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	o := fake(Options{To: []convert.Format{convert.SRT, convert.WebVTT, convert.TTML}, Workers: 1})
	o.beforePlace = func(j Job) {
		if filepath.Base(j.Input) == "f03.txt" {
			cancel()
		}
	}
	rep := Run(ctx, plan(t, []string{"d"}, o), o)

	c := rep.Counts()
	if c.Converted != 3 || c.Cancelled != 7 {
		t.Errorf("Counts() = %+v, want 3 converted and 7 cancelled", c)
	}
	tree := listTree(t, dir)
	if hasTemp(tree) {
		t.Errorf("temporary files left behind: %v", tree)
	}
	want := []string{"d/f00.srt", "d/f00.ttml", "d/f00.txt", "d/f00.vtt",
		"d/f01.srt", "d/f01.ttml", "d/f01.txt", "d/f01.vtt",
		"d/f02.srt", "d/f02.ttml", "d/f02.txt", "d/f02.vtt"}
	for i := 3; i < 10; i++ {
		want = append(want, fmt.Sprintf("d/f%02d.txt", i))
	}
	if d := cmp.Diff(want, tree); d != "" {
		t.Errorf("files after cancel mismatch (-want +got):\n%s", d)
	}
	for _, f := range want {
		if filepath.Ext(f) == ".txt" {
			continue
		}
		data, _ := os.ReadFile(filepath.FromSlash(f))
		if !bytes.HasSuffix(data, []byte("\n")) || !bytes.Contains(data, []byte("Ann")) {
			t.Errorf("%s = %q: not a whole output", f, data)
		}
	}
}

func TestRunCancelledBeforeStart(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.txt": goodTranscript, "b.txt": goodTranscript})
	chdir(t, dir)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	o := fake(Options{To: []convert.Format{convert.SRT}, Workers: 2})
	rep := Run(ctx, plan(t, []string{"a.txt", "b.txt"}, o), o)
	if c := rep.Counts(); c.Cancelled != 2 {
		t.Errorf("Counts() = %+v, want 2 cancelled", c)
	}
	if d := cmp.Diff([]string{"a.txt", "b.txt"}, listTree(t, dir)); d != "" {
		t.Errorf("files mismatch (-want +got):\n%s", d)
	}
}

func TestPlaceKeepsExistingFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.srt")
	writeTree(t, dir, map[string]string{"a.srt": "mine"})
	tmp, err := fileio.WriteTemp(path, []byte("new"))
	if err != nil {
		t.Fatal(err)
	}
	defer os.Remove(tmp)
	if err := place(tmp, path, false); !errors.Is(err, convert.ErrExists) {
		t.Errorf("place() error = %v, want ErrExists", err)
	}
	if data, _ := os.ReadFile(path); string(data) != "mine" {
		t.Errorf("a.srt = %q, want it untouched", data)
	}
}

func TestWriteJSON(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.txt": goodTranscript, "b.txt": badTranscript})
	chdir(t, dir)
	o := fake(Options{To: []convert.Format{convert.SRT}, Workers: 2})
	rep := Run(context.Background(), plan(t, []string{"a.txt", "b.txt", "c.txt"}, o), o)
	var buf bytes.Buffer
	if err := rep.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var got jsonReport
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, buf.Bytes())
	}
	got.ElapsedMS = 0
	for i := range got.Files {
		got.Files[i].ElapsedMS = 0
	}
	want := jsonReport{
		Version: 1, Converted: 1, Failed: 2,
		Files: []jsonFile{
			{Input: "c.txt", Status: Failed, Error: "c.txt: no such file or directory", Outputs: []jsonOutput{}},
			{Input: "a.txt", Status: Converted, Outputs: []jsonOutput{{"a.srt", "srt", Written}}},
			{Input: "b.txt", Status: Failed, Error: "b.txt:13:5: time goes backwards: 0:00:01 is earlier than 0:00:15 on line 9, and 3 turns in all are out of order: expected times in order (are two transcripts joined?)",
				Outputs: []jsonOutput{{"b.srt", "srt", NotWritten}}},
		},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("WriteJSON() mismatch (-want +got):\n%s", d)
	}
}
