package convert

import "github.com/capconv/capconv/convert/internal/text"

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
	return detect(data, hint, text.Encoding{})
}

// detect is Detect for input in enc (the zero Encoding detects it).
func detect(data []byte, hint Format, enc text.Encoding) Format {
	head := text.Head(data, enc)
	for _, c := range registry {
		if c.sniff != nil && !c.guess && c.sniff(data, head) {
			return c.format
		}
	}
	if hint != "" && hint != Transcript {
		return hint
	}
	for _, c := range registry {
		if c.sniff != nil && c.guess && c.sniff(data, head) {
			return c.format
		}
	}
	return Transcript
}
