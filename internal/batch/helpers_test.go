package batch

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// goodTranscript and badTranscript are inputs in the seed dialect; the bad
// one goes back in time on line 4.
const (
	goodTranscript = "Ann 0:00:01\n\nHello there.\n\nBob 0:00:04\n\nHi, Ann.\n"
	badTranscript  = "Ann 0:00:05\n\nHello.\n\nBob 0:00:03\n\nToo early.\n"
)

// writeTree creates files (path → content) under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// listTree returns every file under dir, slash-separated and sorted.
func listTree(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out = append(out, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// chdir moves into dir for the test, so paths in cases stay short.
func chdir(t *testing.T, dir string) {
	t.Helper()
	t.Chdir(dir)
}

// slash turns OS paths into slash paths for comparison.
func slash(ps []string) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = filepath.ToSlash(p)
	}
	return out
}

func hasTemp(files []string) bool {
	for _, f := range files {
		if strings.Contains(f, ".tmp") {
			return true
		}
	}
	return false
}
