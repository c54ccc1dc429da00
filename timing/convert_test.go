package timing_test

import (
	"bytes"
	"path/filepath"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/timing"
)

// The internal tests of package timing cannot import convert, which
// imports timing (an import cycle); this external test reads their files
// for them through timing.ReadDocument.
func init() {
	timing.ReadDocument = readDocument
	timing.DocumentLanguage = convert.Language
}

// readDocument reads data in the format name's extension says, a
// transcript otherwise. readSpeech reads the speaker marks itself, on the
// text as written: Read's own label reading (auto by default) stays out.
func readDocument(name string, data []byte) (*caption.Document, error) {
	f, ok := convert.FormatFromPath(name)
	if !ok {
		f = convert.Transcript
	}
	return convert.Read(bytes.NewReader(data), f, convert.Options{File: filepath.Base(name), Labels: convert.LabelNone})
}
