// Package text is the text layer every reader shares: decoding (byte order
// marks, UTF-8, UTF-16, Windows-1252), line scanning, clock parsing and
// formatting, and the positions and errors readers report. Keeping it in
// one place means every format accepts the same encodings and names a bad
// line the same way.
package text

import (
	"bytes"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/capconv/capconv/convert/caption"
)

// Lines turns raw input into UTF-8 lines without terminators. Every
// text reader shares it, so that all formats accept the same encodings:
//
//   - UTF-8, with or without a byte order mark;
//   - UTF-16 LE or BE with a byte order mark (what Windows tools save as
//     "Unicode");
//   - anything else that is not valid UTF-8 is read as Windows-1252, the
//     usual encoding of older Windows exports, and announced through
//     Source.Warn, because the guess may be wrong.
//
// Input that holds NUL bytes or many control characters is binary, not
// text, and fails with caption.ErrNotText. LF, CRLF and lone CR end lines.
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

// Decode returns data as one UTF-8 string, following Lines'
// rules, for readers that scan the text themselves (SRT).
func Decode(data []byte, o Source) (string, error) {
	if s, ok := utf16Text(data); ok {
		// U+0000 is no more text in UTF-16 than in UTF-8; refusing it
		// here keeps every reader's output free of it, so that what a
		// writer writes reads back.
		if i := strings.IndexByte(s, 0); i >= 0 {
			return "", Errorf(o.Pos(strings.Count(s[:i], "\n")+1), caption.ErrNotText, "U+0000 in UTF-16 text: binary data")
		}
		return s, nil
	}
	if err := refuseBinary(data, o); err != nil {
		return "", err
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if utf8.Valid(data) {
		return o.String(data), nil
	}
	o.Warnf(FirstInvalidLine(data), "not valid UTF-8: read as Windows-1252 (convert the file to UTF-8 if the accents look wrong)")
	return decodeWindows1252(data), nil
}

// refuseBinary refuses binary input: a NUL byte never occurs in text (UTF-16
// without a byte order mark included, which capconv cannot tell apart
// from binary), and text has few control characters.
func refuseBinary(data []byte, o Source) error {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return Errorf(o.Pos(bytes.Count(data[:i], []byte("\n"))+1), caption.ErrNotText,
			"NUL byte at offset %d: binary data, or UTF-16 without a byte order mark", i)
	}
	head := data[:min(len(data), 1024)]
	controls := 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			controls++
		}
	}
	if controls > 0 && controls*10 > len(head) {
		return Errorf(o.Pos(1), caption.ErrNotText, "%d control characters in the first %d bytes: binary data", controls, len(head))
	}
	return nil
}

// decodeUTF16 decodes UTF-16 without its byte order mark; an odd last byte
// is dropped and unpaired surrogates become U+FFFD.
func decodeUTF16(data []byte, bigEndian bool) string {
	u := make([]uint16, len(data)/2)
	for i := range u {
		a, b := uint16(data[2*i]), uint16(data[2*i+1])
		if bigEndian {
			u[i] = a<<8 | b
		} else {
			u[i] = b<<8 | a
		}
	}
	return string(utf16.Decode(u))
}

// cp1252 maps the bytes 0x80–0x9F of Windows-1252; the other bytes above
// 0x7F are the Latin-1 code points of the same value. The five undefined
// bytes map to the C1 controls, as browsers do.
var cp1252 = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8D, 'Ž', 0x8F,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9D, 'ž', 'Ÿ',
}

// decodeWindows1252 decodes data as Windows-1252.
func decodeWindows1252(data []byte) string {
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	for _, c := range data {
		switch {
		case c < 0x80:
			b.WriteByte(c)
		case c < 0xA0:
			b.WriteRune(cp1252[c-0x80])
		default:
			b.WriteRune(rune(c))
		}
	}
	return b.String()
}

// FirstInvalidLine returns the 1-based line of the first invalid UTF-8 byte.
func FirstInvalidLine(data []byte) int {
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

// Head returns the start of data (up to 2 KiB) as UTF-8 without a byte
// order mark, decoding UTF-16 with one, for the format sniffers.
func Head(data []byte) []byte {
	data = data[:min(len(data), 2048)]
	if s, ok := utf16Text(data); ok {
		return []byte(s)
	}
	return bytes.TrimPrefix(data, []byte("\uFEFF"))
}

// utf16Text decodes data when it starts with a UTF-16 byte order mark.
func utf16Text(data []byte) (string, bool) {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeUTF16(data[2:], false), true
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(data[2:], true), true
	}
	return "", false
}

// FromUTF16 returns data as UTF-8 when it is UTF-16 with a byte order
// mark (what Windows tools save as "Unicode"), and data itself otherwise,
// for readers of formats that are UTF-8 by definition (WebVTT, TTML) but
// arrive as UTF-16 all the same. U+0000 is refused as Decode refuses it.
func FromUTF16(data []byte, o Source) ([]byte, bool, error) {
	s, ok := utf16Text(data)
	if !ok {
		return data, false, nil
	}
	if i := strings.IndexByte(s, 0); i >= 0 {
		return nil, true, Errorf(o.Pos(strings.Count(s[:i], "\n")+1), caption.ErrNotText, "U+0000 in UTF-16 text: binary data")
	}
	return []byte(s), true, nil
}
