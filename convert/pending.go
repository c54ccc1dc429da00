package convert

// Temporary placeholders while the format files are written; each is
// removed when its real implementation lands. This file must not survive.

import (
	"errors"
	"io"
)

var errPending = errors.New("not yet implemented")

func readSRT([]byte, ReadOptions) (*Document, error)       { return nil, errPending }
func writeSRT(io.Writer, *Document, WriteOptions) error    { return errPending }
func readWebVTT([]byte, ReadOptions) (*Document, error)    { return nil, errPending }
func writeWebVTT(io.Writer, *Document, WriteOptions) error { return errPending }
func readTTML([]byte, ReadOptions) (*Document, error)      { return nil, errPending }
func writeTTML(io.Writer, *Document, WriteOptions) error   { return errPending }
