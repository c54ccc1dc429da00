package fileio

import (
	"errors"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// ErrAbandoned is WriteTemp's answer once Abandon has run: the process is
// exiting and must not leave a file behind.
var ErrAbandoned = errors.New("stopping: no new file is written")

// newFile is a file created by createNew.
type newFile interface {
	io.WriteCloser
}

// temps is every temporary file this process created and has not yet put
// in place or removed, so that Abandon can remove them on the way out.
var temps struct {
	mu        sync.Mutex
	live      map[string]struct{}
	abandoned bool
	swept     map[string]bool // directories already cleared of stale files
}

// WriteTemp writes data to a new hidden temporary file in path's
// directory (created when missing), so that putting it in place stays on
// one file system and is atomic, and returns the temporary file's name.
// Directory walks pass over hidden files, so a temporary file is never
// taken for an input. On failure nothing is left behind. The first
// temporary file in a directory removes the stale ones a killed capconv
// left there (see SweepStale).
func WriteTemp(path string, data []byte) (string, error) {
	return WriteTempFunc(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteTempFunc is WriteTemp of what write writes, for an output rendered
// as it is written. An error of write's own (not of the file) comes back
// as it is, and the temporary file is removed.
func WriteTempFunc(path string, write func(io.Writer) error) (string, error) {
	dir, base := filepath.Split(path)
	sweepOnce(dir)
	for try := 0; ; try++ {
		tmp := dir + tempName(base, os.Getpid(), rand.Uint64())
		f, err := create(tmp)
		switch {
		case err == nil:
			fw := &fileWriter{f: f}
			err = write(fw)
			if cerr := f.Close(); fw.err == nil {
				fw.err = cerr
			}
			if fw.err != nil {
				Discard(tmp)
				return "", named(path, &fs.PathError{Op: "write", Path: tmp, Err: fw.err})
			}
			if err != nil {
				Discard(tmp)
				return "", err
			}
			return tmp, nil
		case errors.Is(err, fs.ErrNotExist) && try == 0:
			if err := os.MkdirAll(filepath.Clean(dir), 0o755); err != nil {
				return "", err
			}
		case errors.Is(err, fs.ErrExist) && try < 10:
			// Another temporary file drew the same name.
		default:
			return "", named(path, err)
		}
	}
}

// fileWriter keeps the first error of writing to f, to tell it from the
// renderer's own.
type fileWriter struct {
	f   newFile
	err error
}

func (w *fileWriter) Write(p []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	n, err := w.f.Write(p)
	w.err = err
	return n, err
}

// create creates the temporary file tmp and records it, both under the
// registry's lock, so that Abandon never misses a file created while it
// runs.
func create(tmp string) (newFile, error) {
	temps.mu.Lock()
	defer temps.mu.Unlock()
	if temps.abandoned {
		return nil, ErrAbandoned
	}
	f, err := createNew(tmp)
	if err != nil {
		return nil, err
	}
	if temps.live == nil {
		temps.live = map[string]struct{}{}
	}
	temps.live[tmp] = struct{}{}
	return f, nil
}

// forget drops tmp from the registry once it is in place or removed.
func forget(tmp string) {
	temps.mu.Lock()
	delete(temps.live, tmp)
	temps.mu.Unlock()
}

// Discard removes the temporary file tmp, which WriteTemp returned.
func Discard(tmp string) {
	os.Remove(tmp)
	forget(tmp)
}

// Abandon removes every temporary file not yet put in place and makes
// WriteTemp fail from then on: for a process about to exit in the middle
// of its work (a second Ctrl-C). Outputs already in place stay, whole.
// A Place racing with Abandon either completes or finds its temporary
// file gone; both leave no partial file.
func Abandon() {
	temps.mu.Lock()
	defer temps.mu.Unlock()
	temps.abandoned = true
	for tmp := range temps.live {
		os.Remove(tmp)
	}
	temps.live = nil
}

// tempName is the name of a temporary file for base written by process
// pid: ".a.srt.capconv1234-k3j5x0.tmp". The process number lets a later
// run tell a file whose writer is gone (see SweepStale).
func tempName(base string, pid int, r uint64) string {
	return "." + base + ".capconv" + strconv.Itoa(pid) + "-" + strconv.FormatUint(r, 36) + ".tmp"
}

// tempOwner returns the process that wrote the temporary file name, when
// name is one of capconv's.
func tempOwner(name string) (pid int, ok bool) {
	rest, ok := strings.CutSuffix(name, ".tmp")
	if !ok || !strings.HasPrefix(rest, ".") {
		return 0, false
	}
	i := strings.LastIndex(rest, ".capconv")
	if i <= 1 {
		return 0, false
	}
	owner, random, ok := strings.Cut(rest[i+len(".capconv"):], "-")
	if !ok || random == "" || strings.Trim(random, "0123456789abcdefghijklmnopqrstuvwxyz") != "" {
		return 0, false
	}
	pid, err := strconv.Atoi(owner)
	if err != nil || pid <= 0 || strconv.Itoa(pid) != owner {
		return 0, false
	}
	return pid, true
}

// Stale temporary files: one whose writer has exited is removed once it
// is a minute old (a writer in another PID namespace shows as exited, and
// a minute is far longer than a job keeps a finished temporary file); any
// is removed once a day old, which outlives every run and covers a
// process number taken again since.
const (
	staleOrphan = time.Minute
	staleAny    = 24 * time.Hour
)

// SweepStale removes from dir the temporary files capconv processes left
// when they were killed (SIGKILL, a power cut) and returns their names.
// Only capconv's own are touched, and only old ones, so a run writing in
// the same directory at the same time keeps its files.
func SweepStale(dir string, now time.Time) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var removed []string
	for _, e := range entries {
		pid, ok := tempOwner(e.Name())
		if !ok || !e.Type().IsRegular() || pid == os.Getpid() {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue
		}
		age := now.Sub(fi.ModTime())
		if age > staleAny || (age > staleOrphan && !processExists(pid)) {
			path := filepath.Join(dir, e.Name())
			if os.Remove(path) == nil {
				removed = append(removed, path)
			}
		}
	}
	return removed
}

// sweepOnce runs SweepStale on dir the first time this process writes
// there.
func sweepOnce(dir string) {
	temps.mu.Lock()
	if temps.swept[dir] {
		temps.mu.Unlock()
		return
	}
	if temps.swept == nil {
		temps.swept = map[string]bool{}
	}
	temps.swept[dir] = true
	temps.mu.Unlock()
	if dir == "" {
		dir = "."
	}
	SweepStale(dir, time.Now())
}
