package convert

import (
	"bytes"
	"unicode/utf16"
)

// Detect returns the format of data when its content says so, else hint
// (the format its file name suggests, or "" when there is none).
//
// Formats with a signature win over the name, because the signature is
// certain and names lie (a WebVTT file saved as .srt, TTML saved as .xml
// or .txt): "WEBVTT", a <tt> root, "[Script Info]", an EBU STL header, a
// JSON object. SRT has no signature, so it is taken from content only
// when the name says nothing better than a transcript: a first block of a
// cue number or a timing line. A file whose name says SRT or WebVTT but
// whose content has no signature stays what its name says, so that a
// WebVTT file missing its header fails with the WebVTT reader's error
// instead of being read as something else.
func Detect(data []byte, hint Format) Format {
	if f, ok := sniff(data); ok {
		return f
	}
	if hint == "" || hint == Transcript {
		if looksLikeSRT(data) {
			return SRT
		}
		return Transcript
	}
	return hint
}

// sniff recognises the formats that have a signature.
func sniff(data []byte) (Format, bool) {
	if len(data) >= 11 && string(data[3:6]) == "STL" && isDigitBytes(data[:3]) {
		return STL, true // GSI block: code page number, then "STL25.01"
	}
	head := textHead(data)
	head = bytes.TrimLeft(head, " \t\r\n")
	switch {
	case bytes.HasPrefix(head, []byte("WEBVTT")) && (len(head) == 6 || head[6] == ' ' || head[6] == '\t' || head[6] == '\r' || head[6] == '\n'):
		return WebVTT, true
	case bytes.HasPrefix(head, []byte("[Script Info]")):
		return ASS, true
	case bytes.HasPrefix(head, []byte("{")):
		return JSON, true
	case bytes.HasPrefix(head, []byte("<")) && hasTTRoot(head):
		return TTML, true
	}
	return "", false
}

// textHead returns the first KiB of data as UTF-8 without a BOM, decoding
// UTF-16 with a BOM, which Windows tools write.
func textHead(data []byte) []byte {
	data = data[:min(len(data), 2048)]
	if len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF) {
		be := data[0] == 0xFE
		u := make([]uint16, (len(data)-2)/2)
		for i := range u {
			a, b := uint16(data[2+2*i]), uint16(data[3+2*i])
			if be {
				u[i] = a<<8 | b
			} else {
				u[i] = b<<8 | a
			}
		}
		return []byte(string(utf16.Decode(u)))
	}
	return bytes.TrimPrefix(data, []byte("\uFEFF"))
}

// hasTTRoot reports whether an XML head opens a tt element, prefixed or
// not, after its prolog and comments.
func hasTTRoot(head []byte) bool {
	for len(head) > 0 {
		head = bytes.TrimLeft(head, " \t\r\n")
		switch {
		case bytes.HasPrefix(head, []byte("<?")), bytes.HasPrefix(head, []byte("<!--")), bytes.HasPrefix(head, []byte("<!")):
			end := []byte(">")
			if bytes.HasPrefix(head, []byte("<!--")) {
				end = []byte("-->")
			}
			i := bytes.Index(head, end)
			if i < 0 {
				return false
			}
			head = head[i+len(end):]
		case bytes.HasPrefix(head, []byte("<")):
			name := head[1:]
			if i := bytes.IndexAny(name, " \t\r\n/>"); i >= 0 {
				name = name[:i]
			}
			if i := bytes.IndexByte(name, ':'); i >= 0 {
				name = name[i+1:]
			}
			return string(name) == "tt"
		default:
			return false
		}
	}
	return false
}

// looksLikeSRT reports whether the first non-blank line is a cue number
// followed by a timing line, or a timing line.
func looksLikeSRT(data []byte) bool {
	head := string(textHead(data))
	sc := newLineScanner(head)
	for {
		line, ok := sc.next()
		if !ok {
			return false
		}
		if isBlank(line) {
			continue
		}
		line = trimSpaceASCII(line)
		if looksLikeTiming(line) {
			return true
		}
		next, _ := sc.next()
		return isDigits(line) && looksLikeTiming(trimSpaceASCII(next))
	}
}

func trimSpaceASCII(s string) string { return string(bytes.Trim([]byte(s), " \t")) }

func isDigitBytes(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) > 0
}
