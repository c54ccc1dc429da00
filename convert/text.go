package convert

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// decodeText turns raw input into UTF-8 lines without terminators. It
// strips a UTF-8 byte order mark and accepts LF, CRLF and lone CR line
// endings.
func decodeText(data []byte, o ReadOptions) ([]string, error) {
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, &ParseError{Pos: o.pos(0), Err: ErrNotText}
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if !utf8.Valid(data) {
		return nil, errorf(o.pos(firstInvalidLine(data)), ErrSyntax, "invalid UTF-8: expected UTF-8 text")
	}
	s := string(data)
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil, nil
	}
	return strings.Split(s, "\n"), nil
}

// firstInvalidLine returns the 1-based line of the first invalid UTF-8 byte.
func firstInvalidLine(data []byte) int {
	line := 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		data = data[size:]
	}
	return line
}
