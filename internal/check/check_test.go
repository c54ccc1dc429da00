package check

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/capconv/capconv/timing"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden outputs in testdata/golden")

// TestGolden checks each testdata/golden/<case>/in.* under the Netflix
// preset and compares the text report (out.txt) and the JSON one
// (out.json) with their golden files.
func TestGolden(t *testing.T) {
	ins, err := filepath.Glob("testdata/golden/*/in.*")
	if err != nil || len(ins) == 0 {
		t.Fatalf("no golden cases: %v", err)
	}
	for _, in := range ins {
		dir := filepath.Dir(in)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			r, err := File(in, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var text, js bytes.Buffer
			if err := WriteText(&text, r); err != nil {
				t.Fatal(err)
			}
			if err := WriteSummary(&text, []*Result{r}); err != nil {
				t.Fatal(err)
			}
			if err := WriteJSON(&js, []*Result{r}, nil, timing.Options{}); err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join(dir, "out.txt"), text.Bytes())
			golden(t, filepath.Join(dir, "out.json"), js.Bytes())
		})
	}
}

// golden compares got with the file at path, or rewrites it with -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if d := cmp.Diff(string(want), string(got)); d != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, d)
	}
}

func TestSeverity(t *testing.T) {
	tests := []struct {
		name    string
		want    Severity
		wantErr bool
	}{
		{"error", Error, false},
		{"Warning", Warning, false},
		{"info", Info, false},
		{"fatal", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseSeverity(tt.name)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("ParseSeverity(%q) = %v, %v; want %v, error %v", tt.name, got, err, tt.want, tt.wantErr)
			}
		})
	}
	for _, r := range Rules() {
		if SeverityOf(r) < Info || SeverityOf(r) > Error {
			t.Errorf("rule %s has no severity", r)
		}
	}
}

func TestIgnore(t *testing.T) {
	in := "testdata/golden/srt-problems/in.srt"
	r, err := File(in, Options{Ignore: []timing.Rule{timing.RuleCPS, timing.RuleOverlap}})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range r.Findings {
		if f.Rule == timing.RuleCPS || f.Rule == timing.RuleOverlap {
			t.Errorf("ignored rule reported: %s", f)
		}
	}
}

func TestWriteHTML(t *testing.T) {
	r, err := File("testdata/golden/srt-problems/in.srt", Options{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		media  Media
		want   []string
		wantNo []string
	}{
		{"without media", Media{}, []string{`id="cue-6"`, `<span id="violation-count">15</span>`, `href="#cue-1"`}, []string{"<video", "<track"}},
		{"with media", Media{Name: "talk.mp4", Data: []byte("not really a video")}, []string{`<video id="media"`, `src="data:video/mp4;base64,`, `<track kind="captions"`, `src="data:text/vtt;base64,`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteHTML(&b, r, tt.media); err != nil {
				t.Fatal(err)
			}
			page := b.String()
			for _, s := range tt.want {
				if !strings.Contains(page, s) {
					t.Errorf("page lacks %q", s)
				}
			}
			for _, s := range append(tt.wantNo, "http://", "https://") {
				if strings.Contains(page, s) {
					t.Errorf("page has %q", s)
				}
			}
		})
	}
}

// TestLanguageLimits checks that, without a preset, a file is checked
// against the Netflix limits of its language, and that a preset wins.
func TestLanguageLimits(t *testing.T) {
	const path = "../../testdata/captions/talk-zh-sim-to-real-grasping.srt"
	r, err := File(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Limits.MaxChars != 16 || r.Limits.MaxCPS != 9 {
		t.Errorf("Chinese talk checked at %d characters and %v cps, want Netflix's Chinese 16 and 9", r.Limits.MaxChars, r.Limits.MaxCPS)
	}
	var o Options
	if o.Convert.Timing, err = timing.Preset("netflix"); err != nil {
		t.Fatal(err)
	}
	if r, err = File(path, o); err != nil {
		t.Fatal(err)
	}
	if r.Limits.MaxChars != 42 {
		t.Errorf("with --preset netflix: %d characters, want the preset's 42", r.Limits.MaxChars)
	}
}
