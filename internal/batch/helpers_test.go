package batch

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/capconv/capconv/internal/testtree"
)

// goodTranscript and badTranscript are inputs in the seed dialect; the bad
// one goes back in time on line 4.
const (
	goodTranscript = "Ann 0:00:01\n\nHello there.\n\nBob 0:00:04\n\nHi, Ann.\n"
	badTranscript  = "Ann 0:00:05\n\nHello.\n\nBob 0:00:09\n\nHi.\n\nAnn 0:00:15\n\nBye.\n\nBob 0:00:01\n\nAgain.\n\nAnn 0:00:02\n\nHello.\n\nBob 0:00:03\n\nHi.\n"
)

// writeTree and listTree are testtree's, under the names the cases use.
var (
	writeTree = testtree.Write
	listTree  = testtree.List
)

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
