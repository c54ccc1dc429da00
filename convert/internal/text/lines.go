package text

import (
	"strings"
	"unicode/utf8"
)

// Scanner walks text line by line. Lines are substrings of the input; a
// trailing CR is dropped so CRLF input needs no copy (lone CRs are
// rewritten by NewScanner before scanning).
type Scanner struct {
	s    string
	pos  int
	line int // 1-based number of the line last returned
}

// NewScanner prepares s, already free of its BOM, for scanning. Input
// with lone CR line endings (classic Mac) is copied once with LF endings;
// LF and CRLF input is scanned in place.
func NewScanner(s string) *Scanner {
	for i := strings.IndexByte(s, '\r'); i >= 0; {
		if i+1 >= len(s) || s[i+1] != '\n' {
			s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
			break
		}
		j := strings.IndexByte(s[i+1:], '\r')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return &Scanner{s: s}
}

// Text returns the whole text being scanned.
func (sc *Scanner) Text() string { return sc.s }

// Line returns the 1-based number of the line last returned (0 before the
// first).
func (sc *Scanner) Line() int { return sc.line }

// Next returns the next line without its terminator.
func (sc *Scanner) Next() (string, bool) {
	if sc.pos >= len(sc.s) {
		return "", false
	}
	rest := sc.s[sc.pos:]
	i := strings.IndexByte(rest, '\n')
	if i < 0 {
		i = len(rest)
		sc.pos = len(sc.s)
	} else {
		sc.pos += i + 1
	}
	sc.line++
	line := rest[:i]
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	return line, true
}

// Peek returns the next line without consuming it.
func (sc *Scanner) Peek() (string, bool) {
	saved := *sc
	line, ok := sc.Next()
	*sc = saved
	return line, ok
}

// IsBlank reports whether s would read back as a blank line.
func IsBlank(s string) bool { return strings.TrimLeft(s, " \t\r\n") == "" }

// IsDigits reports whether s is one or more ASCII digits.
func IsDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// SkipSpace returns the index of the first byte at or after i that is
// not a space or a tab.
func SkipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// AppendOneLine appends s with each CR or LF replaced by a space, so text
// never breaks the block structure of a line-based format.
func AppendOneLine(b []byte, s string) []byte {
	if strings.IndexByte(s, '\n') < 0 && strings.IndexByte(s, '\r') < 0 {
		return append(b, s...)
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\n' || c == '\r' {
			b = append(b, ' ')
		} else {
			b = append(b, c)
		}
	}
	return b
}

// Col converts a byte offset into trimmed (a part of raw) into a 1-based
// column of raw, counted in characters.
func Col(raw, trimmed string, off int) int {
	lead := strings.Index(raw, trimmed)
	return utf8.RuneCountInString(raw[:lead+off]) + 1
}
