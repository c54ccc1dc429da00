package main

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/capconv/capconv/convert"
)

// matrixDir holds the format matrix, in the manner of go/printer's
// testdata: one directory per case with one input, in.<ext>, converted
// into every format capconv writes (out.<ext>), each output read back
// and written in the input's format again (back.<ext>.<input ext>), and
// the warnings of the first conversion (warnings.txt). What a format
// keeps and loses shows in the files themselves; the README's table
// sums it up. "go test -run TestFormatMatrix -update ." rewrites every
// file but the inputs.
const matrixDir = "testdata/matrix"

// matrixFormats are the formats every case is converted to.
var matrixFormats = []string{"srt", "vtt", "ttml", "dfxp", "ass", "json", "txt"}

func TestFormatMatrix(t *testing.T) {
	ins, err := filepath.Glob(filepath.Join(matrixDir, "*", "in.*"))
	if err != nil {
		t.Fatal(err)
	}
	if len(ins) < 20 {
		t.Fatalf("%d cases under %s, want at least 20", len(ins), matrixDir)
	}
	for _, in := range ins {
		t.Run(filepath.Base(filepath.Dir(in)), func(t *testing.T) { runMatrixCase(t, in) })
	}
}

// matrixOutputs converts in as the matrix asks and returns every file
// the case pins, by name.
func matrixOutputs(t *testing.T, in string) map[string][]byte {
	t.Helper()
	srcExt := strings.TrimPrefix(filepath.Ext(in), ".")
	src, ok := convert.FormatFromPath(in)
	if !ok {
		t.Fatalf("%s: unknown input format", in)
	}
	outDir := t.TempDir()
	args := []string{"capconv", "convert", in, "--to", strings.Join(matrixFormats, ","), "-o", outDir, "-q", "--verbose"}
	var stdout, stderr bytes.Buffer
	if code := run(args, strings.NewReader(""), &stdout, &stderr); code != exitOK {
		t.Fatalf("capconv %s: exit %d, stderr:\n%s", strings.Join(args[1:], " "), code, stderr.String())
	}
	// Outputs are written at once, so their warnings come in any order.
	warnings := strings.SplitAfter(stderr.String(), "\n")
	sort.Strings(warnings)
	files := map[string][]byte{"warnings.txt": []byte(strings.Join(warnings, ""))}
	for _, f := range matrixFormats {
		p := filepath.Join(outDir, "in."+f)
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files["out."+f] = b
		if !convert.Format(f).NeedsCues() || !src.CanWrite() {
			continue // a transcript has no times to carry back
		}
		var back, errs bytes.Buffer
		args := []string{"capconv", "convert", p, "--to", string(src), "-o", "-", "-q"}
		if code := run(args, strings.NewReader(""), &back, &errs); code != exitOK {
			t.Fatalf("capconv %s: exit %d, stderr:\n%s", strings.Join(args[1:], " "), code, errs.String())
		}
		files["back."+f+"."+srcExt] = back.Bytes()
	}
	return files
}

func runMatrixCase(t *testing.T, in string) {
	dir := filepath.Dir(in)
	files := matrixOutputs(t, in)
	var names []string
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	if updating() {
		old, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, p := range old {
			if _, keep := files[filepath.Base(p)]; !keep && p != in {
				os.Remove(p)
			}
		}
		for _, n := range names {
			if err := os.WriteFile(filepath.Join(dir, n), files[n], 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	for _, n := range names {
		golden := filepath.Join(dir, n)
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Errorf("%v (write it with: go test -run TestFormatMatrix -update .)", err)
			continue
		}
		if msg := firstDiff(want, files[n]); msg != "" {
			t.Errorf("%s:%s\nif the change is intended: go test -run TestFormatMatrix -update .", golden, msg)
		}
	}
}
