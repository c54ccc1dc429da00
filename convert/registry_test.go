package convert_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/capconv/capconv/convert"
)

// readsLike names the formats read by another format's reader, whose
// fuzz target covers them.
var readsLike = map[convert.Format]convert.Format{
	convert.DFXP: convert.TTML, // one TTML reader for both profiles
	convert.ITT:  convert.TTML, // and for iTT, a TTML profile
}

// TestRegistryCoverage fails when a registered format lacks what every
// format must have: a golden case under testdata/golden that reads it
// (in.<ext>) when capconv reads it and one that writes it (out.<ext>)
// when capconv writes it, and a FuzzRead target for its reader. The
// interop case is checked beside the interop tests (internal/interop).
func TestRegistryCoverage(t *testing.T) {
	golden, err := filepath.Glob("../testdata/golden/*/*")
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{} // in.srt, out.chapters.vtt, …
	for _, p := range golden {
		have[filepath.Base(p)] = true
	}
	fuzz := fuzzTargets(t)
	for _, f := range convert.Formats() {
		if f.CanRead() {
			found := false
			for _, ext := range f.Extensions() {
				found = found || have["in"+ext]
			}
			if !found {
				t.Errorf("%s: no golden case reads it (testdata/golden/<case>/in%s)", f, f.Ext())
			}
			reader := f
			if r, ok := readsLike[f]; ok {
				reader = r
			}
			if !anyName(reader, fuzz) {
				t.Errorf("%s: no FuzzRead target for its reader", f)
			}
		}
		if f.CanWrite() && !have["out"+f.Ext()] {
			t.Errorf("%s: no golden case writes it (testdata/golden/<case>/out%s)", f, f.Ext())
		}
	}
}

// fuzzTargets returns the formats named by FuzzRead<Name> targets in the
// test files of convert and its packages, keyed by fuzzKey.
func fuzzTargets(t *testing.T) map[string]bool {
	t.Helper()
	re := regexp.MustCompile(`(?m)^func FuzzRead(\w+)\(`)
	out := map[string]bool{}
	err := filepath.WalkDir(".", func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, "_test.go") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range re.FindAllSubmatch(data, -1) {
			out[fuzzKey(string(m[1]))] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func fuzzKey(name string) string { return strings.ToLower(name) }

// anyName reports whether a fuzz target is named after one of f's names
// ("vtt" or "webvtt", "txt" or "transcript").
func anyName(f convert.Format, fuzz map[string]bool) bool {
	for _, name := range f.Names() {
		if fuzz[fuzzKey(name)] {
			return true
		}
	}
	return false
}
