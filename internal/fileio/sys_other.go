//go:build !linux

package fileio

import "os"

// renameNoReplace is not available in one call here; Place falls back to
// a hard link.
var renameNoReplace = func(string, string) error { return errUnsupported }

// writeNew creates path, which must not exist, and writes data to it.
func writeNew(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, Mode)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
	}
	return err
}

// ReadFile reads the whole file at path.
func ReadFile(path string) ([]byte, error) { return os.ReadFile(path) }
