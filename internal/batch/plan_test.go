package batch

import (
	"errors"
	"testing"

	"github.com/capconv/capconv/convert"

	"github.com/google/go-cmp/cmp"
)

func TestNewPlan(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		files  []string
		args   []string
		to     []convert.Format
		outDir string
		want   map[string][]string // input → target paths
		// wantMissing is how many arguments named nothing.
		wantMissing int
		// wantErr is the cause of a refused plan.
		wantErr error
	}{
		{
			name:  "one file in place",
			files: []string{"a.txt"},
			args:  []string{"a.txt"},
			to:    []convert.Format{convert.SRT, convert.WebVTT},
			want:  map[string][]string{"a.txt": {"a.srt", "a.vtt", "a.chapters.vtt"}},
		},
		{
			name:   "chapters track planned only for inputs that carry chapters",
			reason: "a transcript may have chapters, an SRT file never does",
			files:  []string{"a.srt", "a.chapters.srt"},
			args:   []string{"a.srt", "a.chapters.srt"},
			to:     []convert.Format{convert.WebVTT},
			want:   map[string][]string{"a.srt": {"a.vtt"}, "a.chapters.srt": {"a.chapters.vtt"}},
		},
		{
			name:    "chapters track collides like any output",
			reason:  "a.txt's chapters track would be a.chapters.txt's WebVTT output",
			files:   []string{"a.txt", "a.chapters.txt"},
			args:    []string{"a.txt", "a.chapters.txt"},
			to:      []convert.Format{convert.WebVTT},
			wantErr: ErrCollision,
		},
		{
			name:   "directory walked recursively by extension",
			reason: "unknown extensions, hidden files and hidden directories are passed over",
			files:  []string{"d/a.txt", "d/s/b.md", "d/s/c.srt", "d/notes.json", "d/.a.srt.tmp123", "d/.git/x.txt"},
			args:   []string{"d"},
			to:     []convert.Format{convert.TTML},
			want: map[string][]string{
				"d/a.txt":   {"d/a.ttml"},
				"d/s/b.md":  {"d/s/b.ttml"},
				"d/s/c.srt": {"d/s/c.ttml"},
			},
		},
		{
			name:   "outputs of an earlier run are not inputs",
			reason: "a found file that another input writes is that input's output",
			files:  []string{"d/a.txt", "d/a.srt", "d/a.vtt", "d/b.srt"},
			args:   []string{"d"},
			to:     []convert.Format{convert.SRT, convert.WebVTT},
			// b.srt → b.srt would overwrite itself.
			wantErr: convert.ErrWouldOverwriteInput,
		},
		{
			name:  "outputs of an earlier run, other formats",
			files: []string{"d/a.txt", "d/a.srt", "d/a.vtt", "d/b.srt", "d/b.vtt"},
			args:  []string{"d"},
			to:    []convert.Format{convert.WebVTT},
			// a.srt is not written by --to vtt, so it is a source like
			// a.txt, and both write a.vtt.
			wantErr: ErrCollision,
		},
		{
			name:   "mirror under -o",
			files:  []string{"in/x.txt", "in/sub/y.txt"},
			args:   []string{"in"},
			to:     []convert.Format{convert.SRT},
			outDir: "out",
			want: map[string][]string{
				"in/sub/y.txt": {"out/sub/y.srt"},
				"in/x.txt":     {"out/x.srt"},
			},
		},
		{
			name:   "output directory inside the input tree is not walked",
			files:  []string{"in/x.txt", "in/out/x.txt"},
			args:   []string{"in"},
			to:     []convert.Format{convert.SRT},
			outDir: "in/out",
			want:   map[string][]string{"in/x.txt": {"in/out/x.srt"}},
		},
		{
			name:   "glob mirrored from its fixed part",
			files:  []string{"talks/a/t.txt", "talks/b/t.txt", "talks/b/u.srt"},
			args:   []string{"talks/*/*.txt"},
			to:     []convert.Format{convert.SRT},
			outDir: "out",
			want: map[string][]string{
				"talks/a/t.txt": {"out/a/t.srt"},
				"talks/b/t.txt": {"out/b/t.srt"},
			},
		},
		{
			name:    "two named inputs write one output",
			files:   []string{"a.txt", "a.srt"},
			args:    []string{"a.txt", "a.srt"},
			to:      []convert.Format{convert.WebVTT},
			wantErr: ErrCollision,
		},
		{
			name:    "two directories mirrored onto one",
			files:   []string{"d1/x.txt", "d2/x.txt"},
			args:    []string{"d1", "d2"},
			to:      []convert.Format{convert.SRT},
			outDir:  "out",
			wantErr: ErrCollision,
		},
		{
			name:    "output is its own input",
			files:   []string{"a.srt"},
			args:    []string{"a.srt"},
			to:      []convert.Format{convert.SRT},
			wantErr: convert.ErrWouldOverwriteInput,
		},
		{
			name:    "output is another named input",
			reason:  "files named on the command line are always inputs",
			files:   []string{"a.txt", "a.srt"},
			args:    []string{"a.txt", "a.srt"},
			to:      []convert.Format{convert.SRT},
			wantErr: convert.ErrWouldOverwriteInput,
		},
		{
			name:        "missing file and empty glob",
			files:       []string{"a.txt"},
			args:        []string{"a.txt", "nope.txt", "*.vtt"},
			to:          []convert.Format{convert.SRT},
			want:        map[string][]string{"a.txt": {"a.srt"}},
			wantMissing: 2,
		},
		{
			name:   "a file named twice is converted once",
			files:  []string{"d/a.txt"},
			args:   []string{"d/a.txt", "d", "./d/a.txt"},
			to:     []convert.Format{convert.SRT},
			outDir: "out",
			want:   map[string][]string{"d/a.txt": {"out/a.srt"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			files := map[string]string{}
			for _, f := range tc.files {
				files[f] = goodTranscript
			}
			writeTree(t, dir, files)
			chdir(t, dir)
			p, err := NewPlan(tc.args, Options{To: tc.to, OutDir: tc.outDir})
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) || !errors.Is(err, ErrConflict) {
					t.Fatalf("NewPlan() error = %v, want %v and ErrConflict", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("NewPlan() error = %v", err)
			}
			got := map[string][]string{}
			for _, j := range p.Jobs {
				var ts []string
				for _, tg := range j.Targets {
					ts = append(ts, tg.Path)
				}
				got[slash([]string{j.Input})[0]] = slash(ts)
			}
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("NewPlan() jobs mismatch (-want +got):\n%s", d)
			}
			if len(p.Missing) != tc.wantMissing {
				t.Errorf("NewPlan() missing = %v, want %d", p.Missing, tc.wantMissing)
			}
		})
	}
}

func TestConflictsListEveryOutput(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"d1/x.txt": "", "d1/y.txt": "", "d2/x.txt": "", "d2/y.txt": ""})
	chdir(t, dir)
	_, err := NewPlan([]string{"d1", "d2"}, Options{To: []convert.Format{convert.SRT, convert.WebVTT}, OutDir: "o"})
	j, ok := err.(interface{ Unwrap() []error })
	if !ok {
		t.Fatalf("NewPlan() error = %v, want joined conflicts", err)
	}
	if n := len(j.Unwrap()); n != 6 {
		t.Errorf("NewPlan() gave %d conflicts, want 6 (2 files × 2 formats and the chapters track): %v", n, err)
	}
}
