package convert

import (
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"unsafe"
)

// Format names a file format capconv reads or writes.
type Format string

// The formats capconv knows.
const (
	Transcript Format = "txt"
	SRT        Format = "srt"
	WebVTT     Format = "vtt"
	TTML       Format = "ttml"
	// DFXP is TTML written under the TTML1 DFXP profile, for editors that
	// ask for .dfxp; it reads like TTML.
	DFXP Format = "dfxp"
	// ASS is Advanced SubStation Alpha; SSA (v4) reads the same way.
	ASS Format = "ass"
	// STL is EBU Tech 3264 subtitling data exchange (read only).
	STL Format = "stl"
	// JSON is capconv's own JSON schema (see appendJSON).
	JSON Format = "json"
)

// ReadOptions tune a reader. The zero value is ready to use.
type ReadOptions struct {
	// File names the input in errors and warnings ("" for unnamed input).
	File string
	// Dialect names the transcript dialect (see TranscriptDialects); ""
	// detects it. Other formats ignore it.
	Dialect string
	// Warn, when set, receives each repair a reader made to its input.
	Warn func(pos Position, msg string)
	// Labels is the speaker label convention that Read turns back into
	// speakers in caption text (see ApplyLabels). "" is LabelAuto: a
	// convention the file uses consistently, only when the format carried
	// no speaker itself. LabelNone keeps the text as it is. Transcripts
	// ignore it.
	Labels LabelStyle

	// owned is set by Read, whose input buffer nothing else holds or
	// changes: readers may then turn it into a string without a copy.
	owned bool
}

func (o ReadOptions) warn(line int, format string, args ...any) {
	if o.Warn != nil {
		o.Warn(Position{File: o.File, Line: line}, fmt.Sprintf(format, args...))
	}
}

func (o ReadOptions) pos(line int) Position { return Position{File: o.File, Line: line} }

// text returns data as a string, sharing its memory when Read owns it.
func (o ReadOptions) text(data []byte) string {
	if o.owned && len(data) > 0 {
		return unsafe.String(unsafe.SliceData(data), len(data))
	}
	return string(data)
}

// WriteOptions tune a writer. The zero value is ready to use.
type WriteOptions struct {
	// SRTLabels is how SRT carries speakers (default LabelName).
	SRTLabels LabelStyle
	// FrameRate, when not 0, is the media's frame rate in frames per
	// second (29.97 as 30000/1001): TTML declares it in ttp:frameRate
	// (and ttp:frameRateMultiplier for the 1000/1001 rates).
	FrameRate float64
	// TTMLTimeFrames writes TTML times as HH:MM:SS:FF at FrameRate
	// instead of HH:MM:SS.mmm; it needs FrameRate.
	TTMLTimeFrames bool
}

// codec is one row of the format table: how to read and write a format.
type codec struct {
	exts []string // file extensions, the first being the one written
	read func(data []byte, o ReadOptions) (*Document, error)
	// write appends the document written in the format to its first
	// argument, so that a caller may take the bytes without a copy.
	write func(b []byte, d *Document, o WriteOptions) ([]byte, error)
}

// formats is the format table every dispatch goes through.
var formats = map[Format]codec{
	Transcript: {exts: []string{".txt", ".md"}, read: readTranscript, write: appendTranscript},
	SRT:        {exts: []string{".srt"}, read: readSRT, write: appendSRT},
	WebVTT:     {exts: []string{".vtt"}, read: readWebVTT, write: appendWebVTT},
	TTML:       {exts: []string{".ttml", ".xml"}, read: readTTML, write: appendTTML},
	DFXP:       {exts: []string{".dfxp"}, read: readTTML, write: appendDFXP},
	ASS:        {exts: []string{".ass", ".ssa"}, read: readASS, write: appendASS},
	STL:        {exts: []string{".stl"}, read: readSTL},
	JSON:       {exts: []string{".json"}, read: readJSON, write: appendJSON},
}

// Formats returns the known formats, sorted by name.
func Formats() []Format {
	out := make([]Format, 0, len(formats))
	for f := range formats {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// ParseFormat returns the format called name (case-insensitive; "webvtt",
// "xml", "ssa" and "transcript" are accepted as aliases).
func ParseFormat(name string) (Format, error) {
	n := strings.ToLower(strings.TrimPrefix(strings.TrimSpace(name), "."))
	switch n {
	case "webvtt":
		n = string(WebVTT)
	case "xml":
		n = string(TTML)
	case "ssa":
		n = string(ASS)
	case "transcript":
		n = string(Transcript)
	}
	if _, ok := formats[Format(n)]; !ok {
		return "", fmt.Errorf("unknown format %q (known: %s)", name, formatList())
	}
	return Format(n), nil
}

func formatList() string {
	var names []string
	for _, f := range Formats() {
		names = append(names, string(f))
	}
	return strings.Join(names, ", ")
}

// FormatFromPath guesses a format from path's extension.
func FormatFromPath(path string) (Format, bool) {
	ext := strings.ToLower(filepath.Ext(path))
	for _, f := range Formats() {
		for _, e := range formats[f].exts {
			if e == ext {
				return f, true
			}
		}
	}
	return "", false
}

// Ext returns the file extension written for f, with its dot.
func (f Format) Ext() string { return formats[f].exts[0] }

// CanWrite reports whether capconv writes f.
func (f Format) CanWrite() bool { return formats[f].write != nil }

// Read reads a whole document in format f from r.
func Read(r io.Reader, f Format, o ReadOptions) (*Document, error) {
	if err := canRead(f); err != nil {
		return nil, err
	}
	data, err := ReadAll(r)
	if err != nil {
		return nil, err
	}
	return ReadBytes(data, f, o)
}

// canRead returns an error unless capconv reads f.
func canRead(f Format) error {
	if c, ok := formats[f]; !ok || c.read == nil {
		return fmt.Errorf("capconv cannot read format %q", f)
	}
	return nil
}

// ReadBytes is Read from data, which it takes over: the document may share
// data's memory, so data must not change afterwards. It saves Read's copy
// of the input when the caller holds it already.
func ReadBytes(data []byte, f Format, o ReadOptions) (*Document, error) {
	if err := canRead(f); err != nil {
		return nil, err
	}
	o.owned = true
	doc, err := formats[f].read(data, o)
	if err != nil {
		return nil, err
	}
	if f != Transcript {
		ApplyLabels(doc, o.Labels)
	}
	return doc, nil
}

// ReadAll reads r to its end, as io.ReadAll does. When r knows its size (a regular file, a
// bytes.Reader, a strings.Reader, a bytes.Buffer), the input is read into
// one allocation of that size rather than a buffer grown by doubling; the
// size is only a hint, as in os.ReadFile, so a file that grows meanwhile
// is still read whole.
func ReadAll(r io.Reader) ([]byte, error) {
	size := -1
	switch r := r.(type) {
	case interface{ Len() int }:
		size = r.Len()
	case interface{ Stat() (fs.FileInfo, error) }:
		if fi, err := r.Stat(); err == nil && fi.Mode().IsRegular() {
			size = int(min(fi.Size(), 1<<30))
		}
	}
	if size < 0 {
		return io.ReadAll(r)
	}
	data := make([]byte, 0, size+1) // +1: the read that meets EOF needs room
	for {
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}

// Write renders d in format f to w, in one call of w.Write.
func Write(w io.Writer, d *Document, f Format, o WriteOptions) error {
	b, err := Marshal(d, f, o)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// Marshal returns d rendered in format f. Writers size their output
// before writing it, so the result is allocated once and, unlike Write
// into a bytes.Buffer, not copied again.
func Marshal(d *Document, f Format, o WriteOptions) ([]byte, error) {
	c, ok := formats[f]
	if !ok || c.write == nil {
		return nil, fmt.Errorf("capconv cannot write format %q", f)
	}
	b, err := c.write(nil, d, o)
	if err != nil {
		return nil, err
	}
	return b, nil
}
