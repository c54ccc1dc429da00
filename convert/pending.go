package convert

// Temporary placeholders while the format files are written; each is
// removed when its real implementation lands. This file must not survive.

import (
	"errors"
	"io"
)

var errPending = errors.New("not yet implemented")

func readTTML([]byte, ReadOptions) (*Document, error)    { return nil, errPending }
func writeTTML(io.Writer, *Document, WriteOptions) error { return errPending }
