package text

import (
	"fmt"
	"unsafe"

	"github.com/capconv/capconv/convert/caption"
)

// Source describes the input a reader works on: its name for positions
// and how to report repairs.
type Source struct {
	// File names the input in errors and warnings ("" for unnamed input).
	File string
	// Warn, when set, receives each repair a reader made to its input.
	Warn func(pos caption.Position, msg string)
	// Owned says that the reader's input buffer is held by nobody else and
	// never changes: String may then share its memory instead of copying.
	// Only a caller that read the buffer itself and drops it may set it.
	Owned bool
	// Encoding is the input's encoding when the user named it; the zero
	// value detects it (see Decode). A byte order mark wins over it.
	Encoding Encoding
}

// Pos returns the position of line in the source.
func (o Source) Pos(line int) caption.Position { return caption.Position{File: o.File, Line: line} }

// At returns the position of line and column col in the source.
func (o Source) At(line, col int) caption.Position {
	return caption.Position{File: o.File, Line: line, Col: col}
}

// Warnf reports a repair made at line.
func (o Source) Warnf(line int, format string, args ...any) {
	if o.Warn != nil {
		o.Warn(o.Pos(line), fmt.Sprintf(format, args...))
	}
}

// String returns data as a string, sharing its memory when the source is
// Owned: a reader's output keeps substrings of its input, and one copy of
// a 200 MB file is a copy too many.
func (o Source) String(data []byte) string {
	if o.Owned && len(data) > 0 {
		return unsafe.String(unsafe.SliceData(data), len(data))
	}
	return string(data)
}

// Errorf builds a ParseError whose message is cause followed by detail.
func Errorf(pos caption.Position, cause error, format string, args ...any) *caption.ParseError {
	return &caption.ParseError{Pos: pos, Err: fmt.Errorf("%w: "+format, append([]any{cause}, args...)...)}
}
