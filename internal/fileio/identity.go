package fileio

import (
	"errors"
	"os"
	"path/filepath"
)

// ID identifies a file, not a path: the device and inode it lives at
// (see fileID), after every symbolic link is followed, so that a file
// reached through a link to its directory, through a link to itself or
// through another hard link has one ID.
type ID struct {
	dev, ino uint64
}

// Identify returns the ID of the file at path, following symbolic links;
// ok is false when the file does not exist or the system says no ID.
func Identify(path string) (id ID, ok bool) {
	fi, err := os.Stat(path)
	if err != nil {
		return ID{}, false
	}
	return fileID(fi)
}

// SameFile reports whether a and b are one file: the same ID, or, where
// the system gives none, the same file by os.SameFile.
func SameFile(a, b string) bool {
	sa, err := os.Stat(a)
	if err != nil {
		return false
	}
	sb, err := os.Stat(b)
	return err == nil && os.SameFile(sa, sb)
}

// ResolveDir returns path with its directory's symbolic links resolved
// (the file itself need not exist), so that two spellings of one place,
// "link/a.srt" and "real/a.srt" with link -> real, resolve alike. A
// directory that cannot be resolved is kept as it is.
func ResolveDir(path string) string {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	if r, err := filepath.EvalSymlinks(dir); err == nil {
		return filepath.Join(r, base)
	}
	return path
}

// ErrTooLarge reports a file larger than a reader's limit.
var ErrTooLarge = errors.New("input too large")
