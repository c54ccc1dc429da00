package batch

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/convert/caption"
)

// Source is one input file found on the command line.
type Source struct {
	// Path is the file's path, as the command line spelled its start.
	Path string
	// Root is the directory Path is measured from when outputs mirror the
	// input tree under another directory: the directory named on the
	// command line, the fixed part of a glob, or the file's own directory.
	Root string
	// Named is true when the command line named the file itself; false
	// when it was found by walking a directory or expanding a glob.
	Named bool
}

// Rel returns Path relative to Root.
func (s Source) Rel() string {
	rel, err := filepath.Rel(s.Root, s.Path)
	if err != nil || strings.HasPrefix(rel, "..") {
		return filepath.Base(s.Path)
	}
	return rel
}

// Expand turns command-line arguments into input files, in argument order
// and, within a directory or a glob, in lexical order. A file named twice
// is kept once. Directories are walked recursively and yield only files
// with an extension capconv reads; hidden files and directories (a leading
// dot, as capconv's own temporary files have) are passed over, and so is
// skipDir (the output directory, when it lies inside an input tree, so a
// second run does not read the first run's outputs).
//
// Each argument that names nothing yields an error; the others still
// expand.
func Expand(args []string, skipDir string) ([]Source, []error) {
	var out []Source
	var errs []error
	seen := map[string]bool{}
	keys := newPathKeys()
	add := func(s Source) {
		k := keys.key(s.Path)
		if !seen[k] {
			seen[k] = true
			out = append(out, s)
		}
	}
	for _, arg := range args {
		srcs, err := expandArg(arg, skipDir)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, s := range srcs {
			add(s)
		}
	}
	return out, errs
}

// expandArg expands one argument. A path that exists is taken literally
// even when it holds glob characters; otherwise a pattern is expanded by
// capconv itself, for shells that do not (cmd.exe, PowerShell, a quoted
// argument).
func expandArg(arg, skipDir string) ([]Source, error) {
	fi, err := os.Stat(arg)
	if err == nil {
		if fi.IsDir() {
			return walk(arg, arg, skipDir)
		}
		return []Source{{Path: arg, Root: filepath.Dir(arg), Named: true}}, nil
	}
	if !hasMeta(arg) {
		return nil, err
	}
	matches, gerr := filepath.Glob(arg)
	if gerr != nil {
		return nil, argError{arg, gerr}
	}
	if len(matches) == 0 {
		return nil, argError{arg, errNoMatch}
	}
	root := globRoot(arg)
	var out []Source
	for _, m := range matches {
		fi, err := os.Stat(m)
		if err != nil {
			return nil, err
		}
		if fi.IsDir() {
			if isHidden(filepath.Base(m)) || samePathKey(m, skipDir) {
				continue
			}
			srcs, err := walk(m, root, skipDir)
			if err != nil {
				return nil, err
			}
			out = append(out, srcs...)
			continue
		}
		if readable(m) && !isHidden(filepath.Base(m)) {
			out = append(out, Source{Path: m, Root: root})
		}
	}
	return out, nil
}

// walk lists the readable files under dir, measured from root.
func walk(dir, root, skipDir string) ([]Source, error) {
	var out []Source
	if fi, err := os.Lstat(dir); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		// A directory named through a link is walked, as find -H does;
		// links met below it are not followed.
		dir += string(filepath.Separator)
	}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != dir && isHidden(d.Name()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if p != dir && skipDir != "" && samePathKey(p, skipDir) {
				return filepath.SkipDir
			}
			return nil
		}
		if !readable(p) || !isFile(p, d) {
			return nil
		}
		out = append(out, Source{Path: p, Root: root})
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, err
}

// isFile reports whether d is a regular file or a link to one. Links to
// directories are not followed, so a walk cannot loop.
func isFile(p string, d fs.DirEntry) bool {
	if d.Type().IsRegular() {
		return true
	}
	if d.Type()&fs.ModeSymlink == 0 {
		return false
	}
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular()
}

// readable reports whether path has an extension capconv reads. JSON is
// left out of directory walks: a folder's .json files are reports and data
// more often than capconv's caption JSON, which can be named explicitly.
func readable(path string) bool {
	f, ok := convert.FormatFromPath(path)
	return ok && f != convert.JSON
}

func isHidden(name string) bool { return len(name) > 1 && name[0] == '.' && name != ".." }

func hasMeta(p string) bool { return strings.ContainsAny(p, `*?[`) }

// globRoot returns the directory part of pattern before its first glob
// character: "talks/*/a.txt" → "talks".
func globRoot(pattern string) string {
	dir := pattern
	for hasMeta(dir) {
		dir = filepath.Dir(dir)
	}
	return dir
}

// errNoMatch reports a glob pattern that matches no file.
var errNoMatch = errors.New("no file matches the pattern")

// argError is a problem with one command-line argument.
type argError struct {
	arg string
	err error
}

func (e argError) Error() string { return caption.QuotePath(e.arg) + ": " + e.err.Error() }
func (e argError) Unwrap() error { return e.err }
