package main

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/capconv/capconv/internal/benchdata"
	"github.com/capconv/capconv/internal/testtree"
)

// runMainEnv makes the test binary run capconv's main instead of the
// tests, so that tests can signal and kill a real capconv process.
const runMainEnv = "CAPCONV_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" {
		os.Args = append([]string{"capconv"}, os.Args[1:]...)
		main()
		return
	}
	os.Exit(m.Run())
}

// startCapconv starts capconv as a process in dir; its stderr goes to
// the returned buffer.
func startCapconv(t *testing.T, dir string, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	if testing.Short() {
		t.Skip("starts capconv processes")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	cmd := exec.Command(exe, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), runMainEnv+"=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &stderr
}

// exitCode waits for cmd and returns its exit code, -1 when a signal
// ended it.
func exitCode(t *testing.T, cmd *exec.Cmd) int {
	t.Helper()
	err := cmd.Wait()
	if err == nil {
		return 0
	}
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	t.Fatal(err)
	return 0
}

// longTranscript returns a transcript of the seed repeated to length.
func longTranscript(t *testing.T, length time.Duration) []byte {
	t.Helper()
	seed, err := os.ReadFile(filepath.Join("testdata", "000_2e7f89a82c8d846d.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return benchdata.Repeat(seed, length)
}

// noTemporaryFiles fails t for every capconv temporary file under dir.
func noTemporaryFiles(t *testing.T, dir string) {
	t.Helper()
	for _, f := range testtree.List(t, dir) {
		if base := filepath.Base(f); strings.HasPrefix(base, ".") && strings.HasSuffix(base, ".tmp") {
			t.Errorf("temporary file left: %s", f)
		}
	}
}

// TestInterruptStops interrupts a long conversion at several moments
// (reading, timing, writing) and checks that capconv exits promptly,
// with 1, leaving each output absent or whole and no temporary file;
// and that a second signal stops it at once.
func TestInterruptStops(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	// 400 hours: ~45 MB, seconds of work in every stage, so that a run
	// which drained the file instead of stopping would fail.
	if err := os.WriteFile(filepath.Join(dir, "long.txt"), longTranscript(t, 400*time.Hour), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"convert", "long.txt", "--to", "srt,vtt,ttml", "--duration", "401h", "-o"}
	ref, refErr := startCapconv(t, dir, append(args, "ref")...)
	start := time.Now()
	if code := exitCode(t, ref); code != 0 {
		t.Fatalf("uninterrupted run: exit %d\n%s", code, refErr)
	}
	whole := time.Since(start)
	t.Logf("uninterrupted: %v", whole.Round(time.Millisecond))
	// The design's bound is stopGrace; the test allows for a loaded
	// machine. What it catches is a drain of the whole file (tens of
	// seconds at this size before) or a second signal ignored.
	const limit = 2 * time.Second
	for i, frac := range []float64{0.05, 0.3, 0.6, 0.85} {
		for _, twice := range []bool{false, true} {
			name := fmt.Sprintf("at %.0f%%, twice=%v", frac*100, twice)
			out := fmt.Sprintf("out%d-%v", i, twice)
			cmd, stderr := startCapconv(t, dir, append(args, out)...)
			time.Sleep(time.Duration(frac * float64(whole)))
			sent := time.Now()
			cmd.Process.Signal(syscall.SIGTERM)
			if twice {
				time.Sleep(10 * time.Millisecond)
				cmd.Process.Signal(os.Interrupt)
			}
			code := exitCode(t, cmd)
			took := time.Since(sent)
			if took > limit {
				t.Errorf("%s: stopped %v after the signal, want under %v", name, took.Round(time.Millisecond), limit)
			}
			if code != 0 && code != exitFailure {
				t.Errorf("%s: exit %d, want 1 (or 0 when it had finished)\n%s", name, code, stderr)
			}
			if strings.Contains(stderr.String(), "goroutine ") {
				t.Errorf("%s: a stack trace:\n%s", name, stderr)
			}
			for _, f := range []string{"long.srt", "long.vtt", "long.ttml"} {
				got, err := os.ReadFile(filepath.Join(dir, out, f))
				if err != nil {
					continue // absent is fine
				}
				want, _ := os.ReadFile(filepath.Join(dir, "ref", f))
				if !bytes.Equal(got, want) {
					t.Errorf("%s: %s is %d bytes, not the whole %d", name, f, len(got), len(want))
				}
			}
		}
	}
	noTemporaryFiles(t, dir)
}

// TestKilledBatch kills capconv (SIGKILL) at random moments of a batch,
// many times, and checks that every output is absent, the old file, or
// the whole new one; then that a rerun completes the batch and removes
// the temporary files the killed runs left, once they are old.
func TestKilledBatch(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(1, 2))
	files := map[string]string{}
	var inputs []string
	for i := range 40 {
		name := fmt.Sprintf("in/t%02d.txt", i)
		// Sizes from seconds to hours of speech, so that kills land while
		// reading, timing and writing.
		files[name] = string(longTranscript(t, time.Duration(1+rng.IntN(60*12))*time.Minute))
		inputs = append(inputs, name)
	}
	testtree.Write(t, dir, files)
	formats := []string{"srt", "vtt", "ttml"}
	args := []string{"convert", "in", "--to", strings.Join(formats, ","), "-j", "2", "--force", "-q"}
	ref, refErr := startCapconv(t, dir, append(args, "-o", "ref")...)
	start := time.Now()
	if code := exitCode(t, ref); code != 0 {
		t.Fatalf("reference run: exit %d\n%s", code, refErr)
	}
	whole := time.Since(start)
	want := map[string][]byte{}
	old := map[string][]byte{}
	for _, in := range inputs {
		for _, f := range formats {
			name := strings.TrimSuffix(filepath.Base(in), ".txt") + "." + f
			data, err := os.ReadFile(filepath.Join(dir, "ref", name))
			if err != nil {
				t.Fatal(err)
			}
			want[name] = data
			// Half the outputs exist before: --force replaces them.
			if rng.IntN(2) == 0 {
				old[name] = []byte("old " + name + "\n")
			}
		}
	}
	out := filepath.Join(dir, "out")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range old {
		if err := os.WriteFile(filepath.Join(out, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const kills = 25
	for k := range kills {
		cmd, _ := startCapconv(t, dir, append(args, "-o", "out")...)
		time.Sleep(time.Duration(rng.Int64N(int64(whole))))
		cmd.Process.Kill()
		cmd.Wait()
		for name := range want {
			got, err := os.ReadFile(filepath.Join(out, name))
			switch {
			case err != nil && old[name] == nil:
			case err != nil:
				t.Errorf("kill %d: %s: the old file is gone: %v", k, name, err)
			case bytes.Equal(got, want[name]), bytes.Equal(got, old[name]):
			default:
				t.Errorf("kill %d: %s is neither the old file nor the whole new one (%d bytes of %d)", k, name, len(got), len(want[name]))
			}
		}
	}
	// The killed runs' temporary files: backdated past the age at which
	// the next run in their directory may take them for stale.
	then := time.Now().Add(-2 * time.Minute)
	left := 0
	for _, f := range testtree.List(t, out) {
		if base := filepath.Base(f); strings.HasPrefix(base, ".") && strings.HasSuffix(base, ".tmp") {
			left++
			os.Chtimes(filepath.Join(out, f), then, then)
		}
	}
	t.Logf("%d kills over a %v batch left %d temporary files", kills, whole.Round(time.Millisecond), left)
	rerun, rerunErr := startCapconv(t, dir, append(args, "-o", "out")...)
	if code := exitCode(t, rerun); code != 0 {
		t.Fatalf("rerun: exit %d\n%s", code, rerunErr)
	}
	for name, data := range want {
		if got, _ := os.ReadFile(filepath.Join(out, name)); !bytes.Equal(got, data) {
			t.Errorf("after the rerun, %s is not the whole new file", name)
		}
	}
	noTemporaryFiles(t, out)
}
