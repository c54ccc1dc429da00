package batch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/capconv/capconv/internal/pipeline"
)

// writeTemp writes data to a new hidden temporary file in path's directory
// (created when missing), so that the rename into place stays on one file
// system and is atomic. Directory walks pass over hidden files, so a
// temporary file is never taken for an input.
func writeTemp(path string, data []byte) (string, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return "", err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// place moves tmp to path. With force it renames, replacing any file
// there. Without, it hard-links, which fails when path exists, so a file
// another process created since the plan was checked is never replaced;
// file systems without hard links fall back to check-then-rename.
func place(tmp, path string, force bool) error {
	if force {
		return os.Rename(tmp, path)
	}
	err := os.Link(tmp, path)
	if err == nil {
		return os.Remove(tmp)
	}
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s: %w", path, pipeline.ErrExists)
	}
	if _, serr := os.Lstat(path); serr == nil {
		return fmt.Errorf("%s: %w", path, pipeline.ErrExists)
	}
	return os.Rename(tmp, path)
}
