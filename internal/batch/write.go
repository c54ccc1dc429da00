package batch

import (
	"errors"
	"fmt"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/internal/fileio"
)

// place moves tmp to path. With force it replaces any file there. Without,
// a file another process created since the plan was checked is never
// replaced: the error then matches convert.ErrExists and tmp stays for
// the caller to remove (see fileio.Place).
func place(tmp, path string, force bool) error {
	err := fileio.Place(tmp, path, force)
	if errors.Is(err, fileio.ErrExists) {
		return fmt.Errorf("%s: %w", caption.QuotePath(path), convert.ErrExists)
	}
	return err
}
