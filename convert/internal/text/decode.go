// Package text is the text layer every reader shares: decoding (byte order
// marks, UTF-8, UTF-16, legacy encodings), line scanning, clock parsing
// and formatting, and the positions and errors readers report. Keeping it
// in one place means every format accepts the same encodings and names a
// bad line the same way.
package text

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/capconv/capconv/convert/caption"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Lines turns raw input into UTF-8 lines without terminators, decoded as
// Decode does. LF, CRLF and lone CR end lines.
func Lines(data []byte, o Source) ([]string, error) {
	s, err := Decode(data, o)
	if err != nil {
		return nil, err
	}
	if strings.IndexByte(s, '\r') >= 0 {
		s = unixNewlines(s)
	}
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil, nil
	}
	return strings.Split(s, "\n"), nil
}

// unixNewlines turns CRLF and lone CR line ends into LF in one copy.
func unixNewlines(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := strings.IndexByte(s, '\r')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		b.WriteByte('\n')
		s = strings.TrimPrefix(s[i+1:], "\n")
	}
}

// Decode returns data as one UTF-8 string. Every text reader decodes
// through it, so that all formats accept the same encodings:
//
//   - a byte order mark decides: UTF-8, or UTF-16 LE or BE (what Windows
//     tools save as "Unicode"), whatever Source.Encoding says;
//   - else Source.Encoding, when set, is the encoding;
//   - else the input is UTF-8 when it mostly is (see looksUTF8): a few
//     invalid bytes in it become U+FFFD, with one warning naming their
//     lines;
//   - else it is read as Windows-1252, the usual encoding of older
//     Windows exports, and announced through Source.Warn, because the
//     guess may be wrong.
//
// U+FEFF is dropped wherever it is: past the start it is a byte order
// mark left by concatenating files, a zero-width no-break space that
// means nothing in captions and would make "\uFEFFBob" a speaker of its
// own. Input that holds NUL bytes (U+0000) or many control characters is
// binary, not text, and fails with caption.ErrNotText; the few C0 control
// characters of text (ESC, VT, FF, … but not tab and line ends) become
// U+FFFD, with one warning naming their lines: no format carries them,
// and every writer would have to, for what it writes to read back.
func Decode(data []byte, o Source) (string, error) {
	return decodeText(data, o, false)
}

// DecodeNUL is Decode for a format whose specification turns U+0000 into
// U+FFFD rather than refusing it (WebVTT); input with many control
// characters is still binary.
func DecodeNUL(data []byte, o Source) (string, error) {
	return decodeText(data, o, true)
}

func decodeText(data []byte, o Source, keepNUL bool) (string, error) {
	s, err := decode(data, o, keepNUL)
	if err != nil {
		return "", err
	}
	if strings.Contains(s, "\uFEFF") {
		s = strings.ReplaceAll(s, "\uFEFF", "")
	}
	if keepNUL && strings.IndexByte(s, 0) >= 0 {
		s = strings.ReplaceAll(s, "\x00", "\uFFFD")
	}
	if lines := controlLines(s); lines != nil {
		o.Warnf(lines[0], "%s", replacedMessage("control characters", lines))
		s = ReplaceControls(s)
	}
	return s, nil
}

// IsControl reports whether c is a C0 control character that text in a
// caption cannot hold: any but the tab and the line ends LF and CR.
func IsControl(c byte) bool { return c < 0x20 && c != '\t' && c != '\n' && c != '\r' }

// controlLines returns the lines of s holding a control character (see
// IsControl), in order, once each; nil when there is none, the usual case,
// found by a pass over the bytes that counts no lines.
func controlLines(s string) []int {
	if !hasControl(s) {
		return nil
	}
	var lines []int
	line := 1
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x20:
		case c == '\n' || c == '\r' && (i+1 == len(s) || s[i+1] != '\n'):
			line++
		case IsControl(c):
			if n := len(lines); n == 0 || lines[n-1] != line {
				lines = append(lines, line)
			}
		}
	}
	return lines
}

// hasControl reports whether s holds a control character (see IsControl),
// eight bytes at a time: every reader's input passes through it. A byte
// below 0x20 has its top three bits clear, so subtracting 0x20 from it
// borrows into bit 7, for bytes below 0x80 (those above are not controls).
func hasControl(s string) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if (x-0x20*ones)&^x&highs == 0 {
			continue // no byte below 0x20
		}
		for _, c := range []byte(s[i : i+8]) {
			if IsControl(c) {
				return true
			}
		}
	}
	for ; i < len(s); i++ {
		if IsControl(s[i]) {
			return true
		}
	}
	return false
}

// ReplaceControls returns s with each control character (see IsControl)
// replaced by U+FFFD, as Decode replaces them: for readers whose text
// does not pass through Decode (JSON escapes, an STL header).
func ReplaceControls(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return r < 0x20 && IsControl(byte(r)) })
	if i < 0 {
		return s
	}
	b := make([]byte, 0, len(s)+16)
	b = append(b, s[:i]...)
	for ; i < len(s); i++ {
		if IsControl(s[i]) {
			b = append(b, "\uFFFD"...)
		} else {
			b = append(b, s[i])
		}
	}
	return string(b)
}

// Byte order marks.
var (
	bomUTF8    = []byte("\uFEFF")
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

func decode(data []byte, o Source, keepNUL bool) (string, error) {
	var bom Encoding
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		bom, data = Encoding{name: "utf-8", enc: unicode.UTF8}, data[len(bomUTF8):]
	case bytes.HasPrefix(data, bomUTF16LE):
		bom = Encoding{name: "utf-16le", enc: unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)}
		data = data[len(bomUTF16LE):]
	case bytes.HasPrefix(data, bomUTF16BE):
		bom = Encoding{name: "utf-16be", enc: unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)}
		data = data[len(bomUTF16BE):]
	}
	enc := o.Encoding
	if bom.name != "" {
		if !enc.IsZero() && enc.name != bom.name {
			o.Warnf(1, "the byte order mark says %s: read as %s, not %s", bom.name, bom.name, enc.name)
		}
		enc = bom
	}
	switch {
	case enc.IsZero():
		return decodeDetected(data, o, keepNUL)
	case enc.isUTF8():
		if err := refuseBinary(view(data), o, "NUL byte", keepNUL); err != nil {
			return "", err
		}
		return decodeUTF8(data, o), nil
	}
	s, err := enc.decode(data)
	if err != nil {
		return "", Errorf(o.Pos(1), caption.ErrNotText, "%v", err)
	}
	// Checked after decoding: UTF-16 holds NUL bytes, U+0000 is no more
	// text in it than in UTF-8, and refusing it here keeps every reader's
	// output free of it, so that what a writer writes reads back.
	if err := refuseBinary(s, o, "U+0000 in "+enc.name+" text", keepNUL); err != nil {
		return "", err
	}
	if strings.Contains(s, "\uFFFD") {
		lines := lineNumbers(s, "\uFFFD")
		o.Warnf(firstLine(lines), "%s", replacedMessage("bytes not valid in "+enc.name, lines))
	}
	return s, nil
}

// decodeDetected decodes input that names no encoding: UTF-8 when it
// mostly is, Windows-1252 otherwise.
func decodeDetected(data []byte, o Source, keepNUL bool) (string, error) {
	if err := refuseBinary(view(data), o, "NUL byte", keepNUL); err != nil {
		return "", err
	}
	if utf8.Valid(data) {
		return o.String(data), nil
	}
	sc := scanUTF8(data)
	if sc.looksUTF8() {
		o.Warnf(firstLine(sc.lines), "%s", replacedMessage("invalid UTF-8", sc.lines))
		return string(bytes.ToValidUTF8(data, []byte("\uFFFD"))), nil
	}
	o.Warnf(firstLine(sc.lines), "not valid UTF-8: read as Windows-1252 (if the letters look wrong, name the encoding: --encoding windows-1251, shift_jis, …)")
	b, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return "", Errorf(o.Pos(1), caption.ErrNotText, "decoding windows-1252: %v", err)
	}
	return string(b), nil
}

// decodeUTF8 returns data, which is UTF-8 for certain (a byte order mark
// or the user says so), with each run of invalid bytes replaced by U+FFFD
// and announced.
func decodeUTF8(data []byte, o Source) string {
	if utf8.Valid(data) {
		return o.String(data)
	}
	lines := scanUTF8(data).lines
	o.Warnf(firstLine(lines), "%s", replacedMessage("invalid UTF-8", lines))
	return string(bytes.ToValidUTF8(data, []byte("\uFFFD")))
}

// view returns data as a string sharing its memory, for checks that only
// read it while data does not change.
func view(data []byte) string { return unsafe.String(unsafe.SliceData(data), len(data)) }

// refuseBinary refuses binary input: a NUL never occurs in text (UTF-16
// without a byte order mark included, which capconv cannot tell apart
// from binary), unless keepNUL, and text has few control characters. nul
// names what a NUL is in s, for the message.
func refuseBinary(s string, o Source, nul string, keepNUL bool) error {
	if i := strings.IndexByte(s, 0); i >= 0 && !keepNUL {
		msg := nul + ": binary data"
		if nul == "NUL byte" {
			msg = fmt.Sprintf("NUL byte at offset %d: binary data, or UTF-16 without a byte order mark", i)
		}
		return Errorf(o.Pos(lineOf(s, i)), caption.ErrNotText, "%s", msg)
	}
	head := s[:min(len(s), 1024)]
	controls := 0
	for i := 0; i < len(head); i++ {
		if c := head[i]; c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			controls++
		}
	}
	if controls > 0 && controls*10 > len(head) {
		return Errorf(o.Pos(1), caption.ErrNotText, "%d control characters in the first %d bytes: binary data", controls, len(head))
	}
	return nil
}

// utf8Scan is what scanUTF8 found in input that is not valid UTF-8.
type utf8Scan struct {
	valid   int   // valid multi-byte sequences
	invalid int   // runs of invalid bytes
	lines   []int // the lines holding invalid bytes, in order, once each
}

// looksUTF8 reports whether input with invalid bytes is still UTF-8 as a
// whole. Text in a legacy encoding holds next to no valid multi-byte
// UTF-8 sequence: in Windows-1252 that takes a letter such as "Ã" followed
// by a symbol such as "©", which is exactly what mojibake looks like and
// rare in real text; in Windows-1251 or Shift_JIS a word is one run of
// invalid bytes. A UTF-8 file damaged by a stray byte (a truncated
// character, a concatenated fragment) holds many valid sequences and few
// invalid ones. So input is UTF-8 when it has at least one valid
// multi-byte sequence and no more runs of invalid bytes than valid
// sequences; a tie is UTF-8, since a legacy reading would turn every
// valid sequence into mojibake.
func (sc utf8Scan) looksUTF8() bool { return sc.valid > 0 && sc.invalid <= sc.valid }

// scanUTF8 counts data's valid multi-byte sequences and its runs of
// invalid bytes (each run is one U+FFFD, as in bytes.ToValidUTF8), and
// lists the lines of the invalid ones. LF, CRLF and lone CR end lines,
// as they do for the readers.
func scanUTF8(data []byte) utf8Scan {
	var sc utf8Scan
	line, inRun := 1, false
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if c == '\n' || c == '\r' && (i+1 == len(data) || data[i+1] != '\n') {
				line++
			}
			inRun = false
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			if !inRun {
				sc.invalid++
				if n := len(sc.lines); n == 0 || sc.lines[n-1] != line {
					sc.lines = append(sc.lines, line)
				}
			}
			inRun = true
		} else {
			sc.valid++
			inRun = false
		}
		i += size
	}
	return sc
}

// lineNumbers returns the lines of s that hold sub, in order, once each.
func lineNumbers(s, sub string) []int {
	var lines []int
	line, done := 1, 0
	for {
		i := strings.Index(s[done:], sub)
		if i < 0 {
			return lines
		}
		line += lineBreaks(s[done : done+i])
		if n := len(lines); n == 0 || lines[n-1] != line {
			lines = append(lines, line)
		}
		done += i + len(sub)
	}
}

// lineOf returns the 1-based line of byte offset i of s.
func lineOf(s string, i int) int { return 1 + lineBreaks(s[:i]) }

// lineBreaks counts the line ends in s: LF, CRLF and lone CR.
func lineBreaks(s string) int {
	return strings.Count(s, "\n") + strings.Count(s, "\r") - strings.Count(s, "\r\n")
}

func firstLine(lines []int) int {
	if len(lines) == 0 {
		return 0
	}
	return lines[0]
}

// maxListedLines is how many lines a replacement warning names.
const maxListedLines = 5

// replacedMessage says what was replaced by U+FFFD on which lines, in one
// warning for the file: "invalid UTF-8 on lines 3, 7 and 9: replaced by
// U+FFFD", or with many lines their count and the first few.
func replacedMessage(what string, lines []int) string {
	nums := make([]string, 0, min(len(lines), maxListedLines))
	for _, l := range lines[:min(len(lines), maxListedLines)] {
		nums = append(nums, strconv.Itoa(l))
	}
	var where string
	switch n := len(lines); {
	case n == 1:
		where = "line " + nums[0]
	case n <= maxListedLines:
		where = "lines " + strings.Join(nums[:n-1], ", ") + " and " + nums[n-1]
	default:
		where = fmt.Sprintf("%d lines (%s, …)", n, strings.Join(nums, ", "))
	}
	return what + " on " + where + ": replaced by U+FFFD"
}

// Head returns the start of data (up to 2 KiB) as UTF-8 without a byte
// order mark, for the format sniffers: UTF-16 with a byte order mark is
// decoded, and so is text in enc when it is set.
func Head(data []byte, enc Encoding) []byte {
	data = data[:min(len(data), 2048)]
	switch {
	case bytes.HasPrefix(data, bomUTF16LE):
		return utf16Head(data[2:], unicode.LittleEndian)
	case bytes.HasPrefix(data, bomUTF16BE):
		return utf16Head(data[2:], unicode.BigEndian)
	case bytes.HasPrefix(data, bomUTF8):
		return data[len(bomUTF8):]
	case enc.IsZero() || enc.isUTF8():
		return data
	}
	s, err := enc.decode(data)
	if err != nil {
		return data
	}
	return []byte(s)
}

func utf16Head(data []byte, order unicode.Endianness) []byte {
	b, err := unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder().Bytes(data)
	if err != nil {
		return nil
	}
	return b
}
