package transcript

import (
	"encoding/json"
	"flag"
	"os"
	"testing"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/captest"
	"github.com/capconv/capconv/convert/internal/text"
	"github.com/google/go-cmp/cmp"
)

// update rewrites golden files (never inputs): go test ./convert/internal/transcript -update.
var update = flag.Bool("update", false, "rewrite golden files")

// checkGolden compares got, rendered as indented JSON, with the golden
// file path, rewriting it under -update.
func checkGolden(t *testing.T, path string, got any) {
	t.Helper()
	data, err := json.MarshalIndent(got, "", "\t")
	if err != nil {
		t.Fatal(err)
	}
	data = append(data, '\n')
	if *update {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if d := cmp.Diff(string(want), string(data)); d != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, d)
	}
}

// TestReadTranscriptSeedGolden pins the whole reading of the seed, so that
// new dialects cannot change how the original layout reads.
func TestReadTranscriptSeedGolden(t *testing.T) {
	data, err := os.ReadFile(captest.Testdata("000_2e7f89a82c8d846d.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var warnings []string
	doc, err := Read(data, text.Source{File: "seed", Warn: func(p caption.Position, m string) {
		warnings = append(warnings, p.String()+": "+m)
	}}, "")
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, captest.Testdata("000_2e7f89a82c8d846d.model.json"), struct {
		Doc      *caption.Document
		Warnings []string
	}{doc, warnings})
}
