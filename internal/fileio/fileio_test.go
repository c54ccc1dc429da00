package fileio

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// withRename runs the test once per way of putting a file in place
// without replacing: renameat2 where the system has it, and the hard-link
// fallback everywhere.
func withRename(t *testing.T, test func(t *testing.T)) {
	t.Run("native", test)
	t.Run("link", func(t *testing.T) {
		old := renameNoReplace
		defer func() { renameNoReplace = old }()
		renameNoReplace = func(string, string) error { return errUnsupported }
		test(t)
	})
}

// list returns the names in dir, sorted.
func list(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

func TestWriteFile(t *testing.T) {
	tests := []struct {
		name     string
		existing string // content already at the target; "" for none
		replace  bool
		wantErr  error
		want     string // content at the target afterwards
	}{
		{name: "new file", want: "new"},
		{name: "new file, replace", replace: true, want: "new"},
		{name: "existing kept", existing: "old", wantErr: ErrExists, want: "old"},
		{name: "existing replaced", existing: "old", replace: true, want: "new"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			withRename(t, func(t *testing.T) {
				dir := t.TempDir()
				path := filepath.Join(dir, "a.srt")
				if tc.existing != "" {
					if err := os.WriteFile(path, []byte(tc.existing), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				err := WriteFile(path, []byte("new"), tc.replace)
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("WriteFile() error = %v, want %v", err, tc.wantErr)
				}
				got, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				if string(got) != tc.want {
					t.Errorf("content = %q, want %q", got, tc.want)
				}
				if d := cmp.Diff([]string{"a.srt"}, list(t, dir)); d != "" {
					t.Errorf("files left (-want +got):\n%s", d)
				}
			})
		})
	}
}

func TestWriteTemp(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "deeper", "a.vtt")
	tmp, err := WriteTemp(path, []byte("x"))
	if err != nil {
		t.Fatalf("WriteTemp() into a missing directory: %v", err)
	}
	if filepath.Dir(tmp) != filepath.Dir(path) || !strings.HasPrefix(filepath.Base(tmp), ".a.vtt.capconv") || !strings.HasSuffix(tmp, ".tmp") {
		t.Errorf("WriteTemp() = %q, want a hidden .a.vtt.capconv*.tmp beside %q", tmp, path)
	}
	fi, err := os.Stat(tmp)
	if err != nil {
		t.Fatal(err)
	}
	// The umask may take bits away, never add them.
	if fi.Mode().Perm()&^Mode != 0 {
		t.Errorf("mode = %v, want at most %v", fi.Mode().Perm(), os.FileMode(Mode))
	}
}

// TestNoTempLeftOnError checks that a failure leaves no temporary file.
func TestNoTempLeftOnError(t *testing.T) {
	tests := []struct {
		name   string
		target func(dir string) string
	}{
		{
			name: "directory is a file",
			target: func(dir string) string {
				os.WriteFile(filepath.Join(dir, "f"), nil, 0o644)
				return filepath.Join(dir, "f", "a.srt")
			},
		},
		{
			name: "target is a directory",
			target: func(dir string) string {
				os.Mkdir(filepath.Join(dir, "a.srt"), 0o755)
				os.WriteFile(filepath.Join(dir, "a.srt", "x"), nil, 0o644)
				return filepath.Join(dir, "a.srt")
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			withRename(t, func(t *testing.T) {
				dir := t.TempDir()
				before := list(t, dir)
				path := tc.target(dir)
				after := list(t, dir)
				for _, replace := range []bool{false, true} {
					if err := WriteFile(path, []byte("new"), replace); err == nil {
						t.Errorf("WriteFile(replace=%v) succeeded, want an error", replace)
					}
					if d := cmp.Diff(after, list(t, dir)); d != "" {
						t.Errorf("files (-want +got):\n%s (before: %v)", d, before)
					}
				}
			})
		})
	}
}

// TestPlaceCreatedMeanwhile checks that a file created between writing
// the temporary file and putting it in place is never replaced.
func TestPlaceCreatedMeanwhile(t *testing.T) {
	withRename(t, func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "a.srt")
		tmp, err := WriteTemp(path, []byte("mine"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("theirs"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := Place(tmp, path, false); !errors.Is(err, ErrExists) {
			t.Fatalf("Place() error = %v, want ErrExists", err)
		}
		if got, _ := os.ReadFile(path); string(got) != "theirs" {
			t.Errorf("content = %q, want %q", got, "theirs")
		}
		if _, err := os.Stat(tmp); err != nil {
			t.Errorf("Place() removed the temporary file on failure; the caller owns it: %v", err)
		}
	})
}

// TestConcurrentCreators checks that of many writers racing for one path
// without replacing, exactly one wins, whole, and no temporary file is
// left.
func TestConcurrentCreators(t *testing.T) {
	withRename(t, func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "a.srt")
		const n = 16
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() {
				errs[i] = WriteFile(path, []byte(strings.Repeat(string(rune('a'+i)), 4096)), false)
			})
		}
		wg.Wait()
		won := -1
		for i, err := range errs {
			switch {
			case err == nil && won >= 0:
				t.Fatalf("writers %d and %d both won", won, i)
			case err == nil:
				won = i
			case !errors.Is(err, ErrExists):
				t.Errorf("writer %d: %v, want ErrExists", i, err)
			}
		}
		if won < 0 {
			t.Fatal("no writer won")
		}
		got, _ := os.ReadFile(path)
		if want := strings.Repeat(string(rune('a'+won)), 4096); string(got) != want {
			t.Errorf("content is not the winner's whole output (%d bytes)", len(got))
		}
		if d := cmp.Diff([]string{"a.srt"}, list(t, dir)); d != "" {
			t.Errorf("files left (-want +got):\n%s", d)
		}
	})
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	for _, size := range []int{0, 1, 511, 4096, 100_000} {
		p := filepath.Join(dir, "in")
		want := []byte(strings.Repeat("x", size))
		if err := os.WriteFile(p, want, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := ReadFile(p, 1<<30)
		if err != nil || string(got) != string(want) {
			t.Errorf("ReadFile(%d bytes) = %d bytes, %v", size, len(got), err)
		}
	}
	if _, err := ReadFile(filepath.Join(dir, "missing"), 1<<30); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("ReadFile(missing) error = %v, want ErrNotExist", err)
	}
}

// TestErrorNamesTarget: a failure names the file asked for, never the
// hidden temporary file it goes through.
func TestErrorNamesTarget(t *testing.T) {
	dir := t.TempDir()
	notDir := filepath.Join(dir, "file")
	if err := os.WriteFile(notDir, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(notDir, "out.srt")
	err := WriteFile(target, []byte("data"), false)
	if err == nil {
		t.Fatal("WriteFile() into a file's path succeeded")
	}
	if msg := err.Error(); !strings.Contains(msg, target) || strings.Contains(msg, ".tmp") {
		t.Errorf("WriteFile() error = %q, want it to name %s and no temporary file", msg, target)
	}
}

// TestReadFileLimit: a file past the limit fails with ErrTooLarge, one
// that says so at once, /dev/zero (which says nothing) once read past it.
func TestReadFileLimit(t *testing.T) {
	p := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(p, make([]byte, 1000), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := ReadFile(p, 1000); err != nil || len(b) != 1000 {
		t.Errorf("ReadFile(1000 bytes, limit 1000) = %d bytes, %v", len(b), err)
	}
	if _, err := ReadFile(p, 999); !errors.Is(err, ErrTooLarge) {
		t.Errorf("ReadFile(1000 bytes, limit 999) error = %v, want ErrTooLarge", err)
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		if _, err := ReadFile("/dev/zero", 1<<20); !errors.Is(err, ErrTooLarge) {
			t.Errorf("ReadFile(/dev/zero) error = %v, want ErrTooLarge", err)
		}
	}
}

func TestGrow(t *testing.T) {
	for _, tc := range []struct {
		cap, max int64
		atMost   int64
	}{
		{0, 1 << 20, 1 << 20},
		{1000, 1 << 20, 1 << 20},
		{600 << 10, 1 << 20, 1<<20 + 1024},
		{1<<20 + 1, 1 << 20, 1<<20 + 1024},
	} {
		data := make([]byte, tc.cap)
		got := Grow(data, tc.max)
		if int64(cap(got)) <= tc.cap || int64(cap(got)) > tc.atMost+512 || len(got) != len(data) {
			t.Errorf("Grow(cap %d, max %d): cap %d, len %d; want more than %d, at most about %d", tc.cap, tc.max, cap(got), len(got), tc.cap, tc.atMost)
		}
	}
}
