package fileio

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/capconv/capconv/convert/caption"
)

// ErrExists reports a target that exists when it must not be replaced.
var ErrExists = errors.New("file exists")

// Mode is the mode outputs are created with, before the umask.
const Mode = 0o644

// Place puts the temporary file tmp at path. With replace it renames,
// replacing any file there. Without, it fails with an error matching
// ErrExists when path exists, even when another process created it since
// the caller last looked; tmp is then left for the caller to remove.
func Place(tmp, path string, replace bool) error {
	err := place(tmp, path, replace)
	if err == nil {
		forget(tmp)
	}
	return err
}

func place(tmp, path string, replace bool) error {
	if replace {
		return named(path, os.Rename(tmp, path))
	}
	err := renameNoReplace(tmp, path)
	if !errors.Is(err, errUnsupported) {
		return named(path, existsError(path, err))
	}
	err = os.Link(tmp, path)
	if err == nil {
		return os.Remove(tmp)
	}
	if errors.Is(err, fs.ErrExist) {
		return existsError(path, err)
	}
	// No hard links here (some FUSE and network file systems): check,
	// then rename, which leaves a window another process could use.
	if _, serr := os.Lstat(path); serr == nil {
		return fmt.Errorf("%s: %w", caption.QuotePath(path), ErrExists)
	}
	return named(path, os.Rename(tmp, path))
}

// named makes err name path, the file the user asked for, rather than the
// hidden temporary file it went through: "out/a.srt: permission denied".
func named(path string, err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case err == nil || errors.Is(err, ErrExists):
		return err
	case errors.As(err, &pe):
		return &fs.PathError{Op: pe.Op, Path: path, Err: pe.Err}
	case errors.As(err, &le):
		return &fs.PathError{Op: le.Op, Path: path, Err: le.Err}
	}
	return fmt.Errorf("%s: %w", caption.QuotePath(path), err)
}

// WriteFile writes data to path atomically: a reader sees the old file or
// the whole new one. Without replace it fails with an error matching
// ErrExists when path exists.
func WriteFile(path string, data []byte, replace bool) error {
	tmp, err := WriteTemp(path, data)
	if err != nil {
		return err
	}
	if err := Place(tmp, path, replace); err != nil {
		Discard(tmp)
		return err
	}
	return nil
}

// existsError turns an EEXIST from putting a file at path into ErrExists.
func existsError(path string, err error) error {
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s: %w", caption.QuotePath(path), ErrExists)
	}
	return err
}

// errUnsupported is renameNoReplace's answer where it cannot be done.
var errUnsupported = errors.New("rename without replacing is not supported")

// Grow returns data with room for more, for a reader of at most max
// bytes: twice the capacity, as append grows, but never past max+1 (the
// byte that tells an input past max), so that /dev/zero read to a
// 256 MiB limit holds 256 MiB and not 512.
func Grow(data []byte, max int64) []byte {
	want := min(int64(2*cap(data)+512), max+1)
	if want <= int64(cap(data)) {
		want = int64(cap(data)) + 1
	}
	grown := make([]byte, len(data), want) // not append, which rounds up past max
	copy(grown, data)
	return grown
}
