package caption

import (
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// Position names a place in an input file. Line and Col count from 1; 0
// means unknown.
type Position struct {
	File string
	Line int
	Col  int
}

// String renders p as file:line:col, leaving out what is unknown, with
// the file as QuotePath shows it.
func (p Position) String() string {
	s := QuotePath(p.File)
	if s == "" {
		s = "<input>"
	}
	if p.Line > 0 {
		s += fmt.Sprintf(":%d", p.Line)
		if p.Col > 0 {
			s += fmt.Sprintf(":%d", p.Col)
		}
	}
	return s
}

// QuotePath returns path as messages show it: unchanged, or quoted like
// strconv.Quote when it holds a newline, another character that does not
// print, or bytes that are not UTF-8. A message about a file named "a\nb"
// then stays one line, and names the file exactly.
func QuotePath(path string) string {
	if !utf8.ValidString(path) {
		return strconv.Quote(path)
	}
	for _, r := range path {
		if !strconv.IsPrint(r) {
			return strconv.Quote(path)
		}
	}
	return path
}

// ParseError reports malformed input at a position.
type ParseError struct {
	Pos Position
	Err error
}

// Error renders the error as "file:line:col: message".
func (e *ParseError) Error() string { return e.Pos.String() + ": " + e.Err.Error() }

// Unwrap returns the cause, so that errors.Is finds the sentinels below.
func (e *ParseError) Unwrap() error { return e.Err }

// Causes of a ParseError, for errors.Is.
var (
	// ErrBadTimestamp: a time could not be parsed.
	ErrBadTimestamp = errors.New("bad timestamp")
	// ErrTimeGoesBack: a start time is earlier than the one before it.
	ErrTimeGoesBack = errors.New("time goes backwards")
	// ErrNoContent: the input holds no segment or cue at all.
	ErrNoContent = errors.New("no content")
	// ErrSyntax: the input does not follow its format.
	ErrSyntax = errors.New("syntax error")
	// ErrNotText: the input is binary, not text.
	ErrNotText = errors.New("not a text file")
	// ErrUnknownDialect: no transcript dialect explains the input. It is
	// also ErrNoContent, since no turn could be read.
	ErrUnknownDialect error = unknownDialect{}
)

// unknownDialect is ErrUnknownDialect's type, so that errors.Is also
// matches ErrNoContent.
type unknownDialect struct{}

func (unknownDialect) Error() string        { return "unknown transcript dialect" }
func (unknownDialect) Is(target error) bool { return target == ErrNoContent }
