package fileio

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func TestTempOwner(t *testing.T) {
	tests := []struct {
		name string
		pid  int
		ok   bool
	}{
		{tempName("a.srt", 1234, 99), 1234, true},
		{tempName("my.capconv5-x.tmp", 77, 1), 77, true}, // the base itself looks like one
		{".a.srt.capconv12-.tmp", 0, false},
		{".a.srt.capconv-abc.tmp", 0, false},
		{".a.srt.capconv012-abc.tmp", 0, false},
		{".a.srt.capconv12-ABC.tmp", 0, false},
		{"a.srt.capconv12-abc.tmp", 0, false}, // not hidden: a user's file
		{".notes.tmp", 0, false},
		{".a.srt.tmp123", 0, false},
		{".capconv12-abc.tmp", 0, false},
	}
	for _, tc := range tests {
		pid, ok := tempOwner(tc.name)
		if pid != tc.pid || ok != tc.ok {
			t.Errorf("tempOwner(%q) = %d, %v; want %d, %v", tc.name, pid, ok, tc.pid, tc.ok)
		}
	}
}

// deadPID returns the number of a process that has exited.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skipf("cannot run a child process: %v", err)
	}
	return cmd.Process.Pid
}

// TestSweepStale checks that only capconv's own temporary files are
// removed, and only old ones: a writer that may still run keeps its file.
func TestSweepStale(t *testing.T) {
	dir := t.TempDir()
	now := time.Now()
	dead := deadPID(t)
	parent := os.Getppid() // runs for as long as this test
	files := []struct {
		name  string
		age   time.Duration
		stale bool
	}{
		{tempName("a.srt", dead, 1), 2 * time.Minute, true},
		{tempName("b.srt", dead, 2), 10 * time.Second, false}, // its writer may be in another PID namespace
		{tempName("c.srt", parent, 3), 2 * time.Hour, false},
		{tempName("d.srt", parent, 4), 25 * time.Hour, true},
		{tempName("e.srt", os.Getpid(), 5), 48 * time.Hour, false}, // this process's own
		{".notes.tmp", 48 * time.Hour, false},
		{"x.capconv1-a.tmp", 48 * time.Hour, false},
		{"a.srt", 48 * time.Hour, false},
	}
	var want []string
	for _, f := range files {
		p := filepath.Join(dir, f.name)
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, now.Add(-f.age), now.Add(-f.age)); err != nil {
			t.Fatal(err)
		}
		if f.stale {
			want = append(want, p)
		}
	}
	got := SweepStale(dir, now)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("SweepStale() removed %q, want %q", got, want)
	}
	for _, f := range files {
		_, err := os.Lstat(filepath.Join(dir, f.name))
		if exists := err == nil; exists == f.stale {
			t.Errorf("%s: exists = %v after the sweep", f.name, exists)
		}
	}
}

// TestWriteTempSweeps checks that writing into a directory clears the
// stale files a killed run left there.
func TestWriteTempSweeps(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, tempName("a.srt", deadPID(t), 7))
	if err := os.WriteFile(old, []byte("half"), 0o644); err != nil {
		t.Fatal(err)
	}
	then := time.Now().Add(-time.Hour)
	os.Chtimes(old, then, then)
	if err := WriteFile(filepath.Join(dir, "a.srt"), []byte("whole"), false); err != nil {
		t.Fatal(err)
	}
	if got := list(t, dir); !slices.Equal(got, []string{"a.srt"}) {
		t.Errorf("files = %q, want only a.srt", got)
	}
}

// TestAbandon checks that Abandon removes the temporary files not yet in
// place, keeps those placed, and refuses new ones.
func TestAbandon(t *testing.T) {
	defer func() {
		temps.mu.Lock()
		temps.abandoned = false
		temps.mu.Unlock()
	}()
	dir := t.TempDir()
	if err := WriteFile(filepath.Join(dir, "done.srt"), []byte("whole"), false); err != nil {
		t.Fatal(err)
	}
	var pending []string
	for _, name := range []string{"a.srt", "b.vtt"} {
		tmp, err := WriteTemp(filepath.Join(dir, name), []byte("x"))
		if err != nil {
			t.Fatal(err)
		}
		pending = append(pending, tmp)
	}
	Abandon()
	if got := list(t, dir); !slices.Equal(got, []string{"done.srt"}) {
		t.Errorf("files after Abandon = %q, want only done.srt", got)
	}
	if err := Place(pending[0], filepath.Join(dir, "a.srt"), true); err == nil {
		t.Error("Place() of an abandoned temporary file succeeded")
	}
	if _, err := WriteTemp(filepath.Join(dir, "c.srt"), []byte("x")); !errors.Is(err, ErrAbandoned) {
		t.Errorf("WriteTemp() after Abandon: error = %v, want ErrAbandoned", err)
	}
	if got := list(t, dir); !slices.Equal(got, []string{"done.srt"}) {
		t.Errorf("files = %q, want only done.srt", got)
	}
}
