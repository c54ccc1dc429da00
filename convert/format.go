package convert

import (
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
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
	// JSON is capconv's own JSON schema (see writeJSON).
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
}

func (o ReadOptions) warn(line int, format string, args ...any) {
	if o.Warn != nil {
		o.Warn(Position{File: o.File, Line: line}, fmt.Sprintf(format, args...))
	}
}

func (o ReadOptions) pos(line int) Position { return Position{File: o.File, Line: line} }

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
	exts  []string // file extensions, the first being the one written
	read  func(data []byte, o ReadOptions) (*Document, error)
	write func(w io.Writer, d *Document, o WriteOptions) error
}

// formats is the format table every dispatch goes through.
var formats = map[Format]codec{
	Transcript: {exts: []string{".txt", ".md"}, read: readTranscript, write: writeTranscript},
	SRT:        {exts: []string{".srt"}, read: readSRT, write: writeSRT},
	WebVTT:     {exts: []string{".vtt"}, read: readWebVTT, write: writeWebVTT},
	TTML:       {exts: []string{".ttml", ".xml"}, read: readTTML, write: writeTTML},
	DFXP:       {exts: []string{".dfxp"}, read: readTTML, write: writeDFXP},
	ASS:        {exts: []string{".ass", ".ssa"}, read: readASS, write: writeASS},
	STL:        {exts: []string{".stl"}, read: readSTL},
	JSON:       {exts: []string{".json"}, read: readJSON, write: writeJSON},
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
	c, ok := formats[f]
	if !ok || c.read == nil {
		return nil, fmt.Errorf("capconv cannot read format %q", f)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	doc, err := c.read(data, o)
	if err != nil {
		return nil, err
	}
	if f != Transcript {
		ApplyLabels(doc, o.Labels)
	}
	return doc, nil
}

// Write renders d in format f to w.
func Write(w io.Writer, d *Document, f Format, o WriteOptions) error {
	c, ok := formats[f]
	if !ok || c.write == nil {
		return fmt.Errorf("capconv cannot write format %q", f)
	}
	return c.write(w, d, o)
}
