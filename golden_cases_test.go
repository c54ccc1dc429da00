package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// goldenDir holds one directory per case: exactly one input in.<ext>, an
// optional args file (one line of extra flags) and the outputs the case
// pins, out.<ext>. The formats converted to are those of the out files;
// out.chapters.vtt is the chapters track that comes with vtt, not a
// format of its own. A case without out files is converted to the
// default formats, so "go test -run TestGoldenCases -update ." fills a
// new case in.
const goldenDir = "testdata/golden"

// defaultGoldenFormats are converted to when a case pins no output yet.
var defaultGoldenFormats = []string{"srt", "vtt", "ttml"}

// updating reports whether -update was given. The flag is declared once
// for the package in flags_test.go.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

func TestGoldenCases(t *testing.T) {
	// Formats that date the file (EBU STL's creation date) take the
	// reproducible-builds date.
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600") // 2026-01-01
	dirs, err := filepath.Glob(filepath.Join(goldenDir, "*", "in.*"))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var cases []string
	for _, in := range dirs {
		dir := filepath.Dir(in)
		if !seen[dir] {
			seen[dir] = true
			cases = append(cases, dir)
		}
	}
	if len(cases) == 0 {
		t.Fatalf("no cases under %s", goldenDir)
	}
	// Not parallel: run is not safe to call concurrently, since every
	// urfave/cli App applies the package-level cli.HelpFlag, a write the
	// race detector reports. The cases take milliseconds one by one.
	for _, dir := range cases {
		t.Run(filepath.Base(dir), func(t *testing.T) { runGoldenCase(t, dir) })
	}
}

// goldenCase is what a case directory asks for.
type goldenCase struct {
	in      string   // path of the input
	args    []string // extra flags
	formats []string // formats to convert to
	pinned  []string // names after "out." of the pinned outputs, sorted
}

func loadGoldenCase(t *testing.T, dir string) goldenCase {
	t.Helper()
	ins, err := filepath.Glob(filepath.Join(dir, "in.*"))
	if err != nil {
		t.Fatal(err)
	}
	if len(ins) != 1 {
		t.Fatalf("%s: want exactly one in.<ext>, found %v", dir, ins)
	}
	c := goldenCase{in: ins[0]}
	if b, err := os.ReadFile(filepath.Join(dir, "args")); err == nil {
		c.args = strings.Fields(string(b))
	} else if !os.IsNotExist(err) {
		t.Fatal(err)
	}
	outs, err := filepath.Glob(filepath.Join(dir, "out.*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range outs {
		ext := strings.TrimPrefix(filepath.Base(p), "out.")
		c.pinned = append(c.pinned, ext)
		if ext != "chapters.vtt" {
			c.formats = append(c.formats, ext)
		}
	}
	sort.Strings(c.pinned)
	if len(c.formats) == 0 {
		c.formats = defaultGoldenFormats
	}
	return c
}

func runGoldenCase(t *testing.T, dir string) {
	c := loadGoldenCase(t, dir)
	outDir := t.TempDir()
	args := append([]string{"capconv", "convert", c.in, "--to", strings.Join(c.formats, ","), "-o", outDir, "-q"}, c.args...)
	var stdout, stderr bytes.Buffer
	if code := run(args, strings.NewReader(""), &stdout, &stderr); code != exitOK {
		t.Fatalf("capconv %s: exit %d, stderr:\n%s", strings.Join(args[1:], " "), code, stderr.String())
	}

	// Outputs are named after the input's base name, "in".
	entries, err := os.ReadDir(outDir)
	if err != nil {
		t.Fatal(err)
	}
	produced := map[string][]byte{}
	var names []string
	for _, e := range entries {
		ext, ok := strings.CutPrefix(e.Name(), "in.")
		if !ok || e.IsDir() {
			t.Errorf("unexpected output %s", e.Name())
			continue
		}
		b, err := os.ReadFile(filepath.Join(outDir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		produced[ext] = b
		names = append(names, ext)
	}
	sort.Strings(names)

	if updating() {
		updateGoldenCase(t, dir, c.pinned, produced)
		return
	}
	if d := cmp.Diff(c.pinned, names); d != "" {
		t.Errorf("outputs produced differ from the outputs pinned in %s (-pinned +produced):\n%s", dir, d)
	}
	defer func() {
		if t.Failed() {
			t.Log("if the change is intended, rewrite the outputs with: go test -run TestGoldenCases -update .")
		}
	}()
	for _, ext := range c.pinned {
		got, ok := produced[ext]
		if !ok {
			continue
		}
		golden := filepath.Join(dir, "out."+ext)
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if msg := firstDiff(want, got); msg != "" {
			t.Errorf("%s:%s", golden, msg)
		}
	}
}

// updateGoldenCase rewrites dir's out files from what was produced and
// removes pinned outputs no longer produced. It never touches the input
// or args.
func updateGoldenCase(t *testing.T, dir string, pinned []string, produced map[string][]byte) {
	t.Helper()
	for ext, b := range produced {
		if err := os.WriteFile(filepath.Join(dir, "out."+ext), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, ext := range pinned {
		if _, ok := produced[ext]; !ok {
			if err := os.Remove(filepath.Join(dir, "out."+ext)); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// firstDiff describes the first line where got differs from want as
// "line: want …, got …", or returns "" when they are equal. Lines keep
// their "\r", and a byte order mark shows, since both are pinned too.
func firstDiff(want, got []byte) string {
	if bytes.Equal(want, got) {
		return ""
	}
	wl := strings.SplitAfter(string(want), "\n")
	gl := strings.SplitAfter(string(got), "\n")
	for i := 0; ; i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("%d: first difference (-want +got):\n%s", i+1, cmp.Diff(w, g))
		}
	}
}
