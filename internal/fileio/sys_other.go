//go:build !linux

package fileio

import (
	"io"
	"os"
)

// renameNoReplace is not available in one call here; Place falls back to
// a hard link.
var renameNoReplace = func(string, string) error { return errUnsupported }

// createNew creates path, which must not exist, for writing.
func createNew(path string) (newFile, error) {
	return os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, Mode)
}

// ReadFile reads the whole file at path.
func ReadFile(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err == nil && int64(len(data)) > max {
		return nil, ErrTooLarge
	}
	return data, err
}
