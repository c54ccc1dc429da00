package batch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/internal/fileio"
)

// ErrCollision reports two inputs that would write the same output.
var ErrCollision = errors.New("two inputs would write the same output")

// ErrConflict marks a plan refused before any work started; its causes
// are ErrCollision and convert.ErrWouldOverwriteInput.
var ErrConflict = errors.New("conflicting outputs")

// Job is one input and the outputs it will write.
type Job struct {
	// Input is the file to read.
	Input string
	// From is the format Input is read in.
	From convert.Format
	// Targets are the outputs, one per requested format, each followed
	// by its side outputs (see convert.Targets).
	Targets []convert.Target
}

// Plan is every job of a batch, decided before any file is written.
type Plan struct {
	// Jobs are the inputs to convert, in the order they were found.
	Jobs []Job
	// Missing are arguments that named nothing; they count as failed.
	Missing []error
}

// NewPlan expands args and plans every output under o (o.To, o.OutDir,
// o.Convert.From). With o.OutDir set, each input tree is mirrored under it.
//
// A file found by walking a directory or a glob (not one named on the
// command line) whose path is an output of another input is dropped: it is
// what capconv wrote next to its source last time, not an input. Inputs in
// a format o.To does not write are considered first, so a.txt claims a.srt
// and not the other way round.
//
// The returned error, when not nil, matches ErrConflict and joins one
// error per conflicting output (errors.Join); nothing should then run.
func NewPlan(args []string, o Options) (*Plan, error) {
	srcs, missing := Expand(args, o.OutDir)
	p := &Plan{Missing: missing}
	writes := map[convert.Format]bool{}
	for _, f := range o.To {
		writes[f] = true
	}
	jobs := make([]Job, len(srcs))
	for i, s := range srcs {
		from := inputFormat(s.Path, o.Convert.From)
		jobs[i] = Job{Input: s.Path, From: from, Targets: targets(s, from, o)}
	}
	// Decide which found files are outputs, sources first.
	order := make([]int, len(jobs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		return !writes[jobs[order[a]].From] && writes[jobs[order[b]].From]
	})
	keys := newPathKeys()
	claimed := map[string]bool{}
	keep := make([]bool, len(jobs))
	for _, i := range order {
		if !srcs[i].Named && claimed[keys.key(jobs[i].Input)] {
			continue
		}
		keep[i] = true
		for _, t := range jobs[i].Targets {
			claimed[keys.key(t.Path)] = true
		}
	}
	for i, j := range jobs {
		if keep[i] {
			p.Jobs = append(p.Jobs, j)
		}
	}
	if o.OutFile != "" {
		if len(p.Jobs) != 1 || len(o.To) != 1 {
			return nil, fmt.Errorf("%s: an output file takes one input and one format", caption.QuotePath(o.OutFile))
		}
		j := &p.Jobs[0]
		dir := filepath.Dir(o.OutFile)
		for i := range j.Targets {
			if j.Targets[i].Side {
				j.Targets[i].Path = convert.OutputPath(o.OutFile, j.Targets[i].Format, dir)
			} else {
				j.Targets[i].Path = o.OutFile
			}
		}
	}
	if err := conflicts(p.Jobs, keys); err != nil {
		return nil, err
	}
	return p, nil
}

// inputFormat is the format a file is planned as: the one asked for, or
// the one its extension names (a transcript when it names none). Reading
// may still find another in the content (see convert.Detect).
func inputFormat(path string, from convert.Format) convert.Format {
	if from != "" {
		return from
	}
	if f, ok := convert.FormatFromPath(path); ok {
		return f
	}
	return convert.Transcript
}

// targets returns where s's outputs go.
func targets(s Source, from convert.Format, o Options) []convert.Target {
	dir := filepath.Dir(s.Path)
	if o.OutDir != "" {
		dir = filepath.Join(o.OutDir, filepath.Dir(s.Rel()))
	}
	return convert.Targets(s.Path, from, o.To, dir)
}

// conflicts finds outputs that are inputs and outputs claimed twice.
//
// Inputs are compared by identity as well as by path: an output that is
// an input reached through a symbolic link or another hard link is
// refused too.
func conflicts(jobs []Job, keys pathKeys) error {
	inputs := make(map[string]string, len(jobs))
	ids := make(map[fileio.ID]string, len(jobs))
	for _, j := range jobs {
		inputs[keys.key(j.Input)] = j.Input
		if id, ok := fileio.Identify(j.Input); ok {
			ids[id] = j.Input
		}
	}
	owner := map[string]string{}
	var errs []error
	for _, j := range jobs {
		for _, t := range j.Targets {
			k := keys.key(t.Path)
			in, ok := inputs[k]
			if !ok {
				if id, exists := fileio.Identify(t.Path); exists {
					in, ok = ids[id]
				}
			}
			if ok {
				errs = append(errs, conflictError{t.Path, j.Input, in, convert.ErrWouldOverwriteInput})
				continue
			}
			if prev, ok := owner[k]; ok {
				errs = append(errs, conflictError{t.Path, prev, j.Input, ErrCollision})
				continue
			}
			owner[k] = j.Input
		}
	}
	return errors.Join(errs...)
}

// conflictError is one refused output.
type conflictError struct {
	out   string
	by    string // the input that would write out
	other string // the input it collides with, or overwrites
	cause error
}

func (e conflictError) Error() string {
	if errors.Is(e.cause, convert.ErrWouldOverwriteInput) {
		if pathKey(e.by) == pathKey(e.other) {
			return fmt.Sprintf("%s: %v (choose --to without %s, or an output directory with -o)",
				caption.QuotePath(e.out), e.cause, strings.TrimPrefix(filepath.Ext(e.out), "."))
		}
		return fmt.Sprintf("%s: output of %s would overwrite that input", caption.QuotePath(e.out), caption.QuotePath(e.by))
	}
	return fmt.Sprintf("%s: %v: %s and %s", caption.QuotePath(e.out), e.cause, caption.QuotePath(e.by), caption.QuotePath(e.other))
}

// Is makes every conflict match ErrConflict as well as its cause.
func (e conflictError) Is(target error) bool { return target == ErrConflict }

func (e conflictError) Unwrap() error { return e.cause }

// pathKey returns a key under which two spellings of one path are equal.
func pathKey(p string) string { return newPathKeys().key(p) }

// pathKeys makes path keys (see pathKey) against a working directory
// looked up once: filepath.Abs looks it up on every call, two stat calls
// each, and a plan takes about ten keys per input. A key's directory has
// its symbolic links resolved (once per directory), so that "link/a.srt"
// and "real/a.srt" with link -> real have one key.
type pathKeys struct {
	cwd  string
	dirs map[string]string // directory → resolved
}

func newPathKeys() pathKeys {
	cwd, _ := os.Getwd() // on error keys stay relative, as filepath.Abs leaves them
	return pathKeys{cwd: cwd, dirs: map[string]string{}}
}

func (k pathKeys) key(p string) string {
	if !filepath.IsAbs(p) && k.cwd != "" {
		p = filepath.Join(k.cwd, p)
	}
	p = filepath.Clean(p)
	dir, base := filepath.Split(p)
	r, ok := k.dirs[dir]
	if !ok {
		r = filepath.Dir(fileio.ResolveDir(filepath.Join(dir, "x")))
		k.dirs[dir] = r
	}
	p = filepath.Join(r, base)
	// macOS and Windows file systems ignore case by default.
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		p = strings.ToLower(p)
	}
	return p
}

// samePathKey reports whether a and b name the same path.
func samePathKey(a, b string) bool { return b != "" && pathKey(a) == pathKey(b) }
