package pipeline

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/internal/fileio"
	"github.com/capconv/capconv/timing"
)

// Options describe a conversion. The zero value writes nothing.
type Options struct {
	// From is the input format; "" guesses it from the file name.
	From convert.Format
	// Dialect names the transcript dialect; "" detects it.
	Dialect string
	// Speakers renames speakers after reading (see convert.RenameSpeakers).
	Speakers map[string]string
	// To lists the formats to write.
	To []convert.Format
	// OutDir is where outputs go; "" puts them next to their input.
	OutDir string
	// Force allows replacing existing output files (never an input).
	Force bool
	// Timing tunes how transcript segments become cues.
	Timing timing.Options
	// Write tunes the writers.
	Write convert.WriteOptions
	// Language, when set, overrides the document's language.
	Language string
	// Offset moves every output time (--offset plus --start-timecode),
	// for transcripts and caption inputs alike.
	Offset time.Duration
	// Report, when set, receives each input's name and its document as
	// timed for the first output format.
	Report func(name string, doc *convert.Document)
	// Warn receives each repair a reader made.
	Warn func(pos convert.Position, msg string)
	// Labels is the speaker label convention read from caption text (""
	// is convert.LabelAuto; see convert.ApplyLabels).
	Labels convert.LabelStyle
	// Retime re-times the cues of a caption file with the timing model, as
	// if it were a transcript (see Retime); by default cue times are kept.
	Retime bool
	// Concurrent times and writes the formats of one input on goroutines of
	// their own (see RenderAll): worth it when cores would otherwise be
	// idle, not when files are already converted in parallel.
	Concurrent bool
}

// ErrExists reports an output file that exists while Options.Force is off.
var ErrExists = errors.New("output exists (use --force to replace it)")

// ErrWouldOverwriteInput reports an output path equal to an input path.
var ErrWouldOverwriteInput = errors.New("output would overwrite the input")

// Load reads the document in r, named name in messages, in format f. When
// o.From is not set, the content may overrule f (see convert.Detect): f
// comes from a file name, which the content knows better.
func Load(r io.Reader, name string, f convert.Format, o Options) (*convert.Document, error) {
	data, err := convert.ReadAll(r) // one allocation for a file
	if err != nil {
		return nil, err
	}
	return LoadBytes(data, name, f, o)
}

// LoadBytes is Load for an input already in memory: a caller that knows
// the file's size reads it in one call rather than in a growing buffer.
func LoadBytes(data []byte, name string, f convert.Format, o Options) (*convert.Document, error) {
	if o.From == "" {
		f = convert.Detect(data, f)
	}
	doc, err := convert.ReadBytes(data, f, convert.ReadOptions{File: name, Dialect: o.Dialect, Warn: o.Warn, Labels: o.Labels})
	if err != nil {
		return nil, err
	}
	convert.RenameSpeakers(doc, o.Speakers)
	if o.Language != "" {
		doc.Language = o.Language
	}
	if o.Retime {
		Retime(doc)
	}
	return doc, nil
}

// Retime turns doc's cues into start-only segments (see
// convert.CuesToSegments), so that Timed times them as it times a
// transcript; a document without cues is left alone.
func Retime(doc *convert.Document) {
	if len(doc.Cues) == 0 {
		return
	}
	doc.Segments = convert.CuesToSegments(doc.Cues)
	doc.Cues = nil
}

// Timed returns a copy of doc whose cues are timed for format f: when doc
// holds start-only segments, they become cues (SRT reserves room for its
// speaker labels); a document that already has cues keeps them, and so
// does a transcript written as a transcript. Then every time moves by
// o.Offset and, with o.Timing.FPS set, snaps to a frame. doc is not
// modified; cues that need no change are shared with it.
func Timed(doc *convert.Document, f convert.Format, o Options) *convert.Document {
	return timed(doc, f, o, func() *timing.Turns { return timing.NewTurns(doc, o.Timing) })
}

// timed is Timed, taking doc's turns prepared for timing from turns, which
// is called only when doc's segments are to become cues.
func timed(doc *convert.Document, f convert.Format, o Options, turns func() *timing.Turns) *convert.Document {
	d := *doc
	d.Chapters = append([]convert.Chapter(nil), doc.Chapters...)
	if f == convert.Transcript && len(d.Segments) > 0 {
		d.Segments = append([]convert.Segment(nil), doc.Segments...)
		for i := range d.Segments {
			d.Segments[i].Start = max(d.Segments[i].Start+o.Offset, 0)
		}
		d.Cues = append([]convert.Cue(nil), doc.Cues...)
		shift(&d, o)
		return &d
	}
	if len(d.Segments) == 0 {
		if o.Timing.FPS <= 0 && o.Offset == 0 {
			return &d // the cues stay as they are: share them
		}
		d.Cues = append([]convert.Cue(nil), doc.Cues...)
		if fps := o.Timing.FPS; fps > 0 {
			timing.SnapToFrames(d.Cues, fps)
		}
		shift(&d, o)
		return &d
	}
	labelWidth := o.Timing.LabelWidth
	if f == convert.SRT {
		style := o.Write.SRTLabels
		labelWidth = func(speaker string) int {
			return utf8.RuneCountInString(style.Label(speaker))
		}
	}
	d.Cues = nil
	turns().MakeCues(&d, labelWidth)
	shift(&d, o)
	return &d
}

// shift moves d's times by o.Offset, on frames when o.Timing.FPS is set.
func shift(d *convert.Document, o Options) {
	if o.Offset == 0 {
		return
	}
	timing.Shift(d, o.Offset)
	if fps := o.Timing.FPS; fps > 0 {
		timing.SnapToFrames(d.Cues, fps)
	}
}

// Render renders doc in format f, timed for it by Timed.
func Render(doc *convert.Document, f convert.Format, o Options) ([]byte, error) {
	return convert.Marshal(Timed(doc, f, o), f, o.Write)
}

// RenderAll renders doc in every format of fs, in order. Timing is the
// costly step, so it runs once for all formats that time alike: only SRT,
// whose speaker labels take room on the line, needs its own, and a
// transcript written as a transcript is not timed. Even those two share
// the words and speaking rates (see timing.Turns). With o.Concurrent the
// formats are timed and written on goroutines of their own, each into its
// own buffer: the output is the same as one after the other. doc is not
// modified.
func RenderAll(doc *convert.Document, fs []convert.Format, o Options) ([][]byte, error) {
	out, _, err := renderAll(doc, fs, o)
	return out, err
}

// renderAll is RenderAll, also returning the document each format was
// rendered from.
func renderAll(doc *convert.Document, fs []convert.Format, o Options) ([][]byte, []*convert.Document, error) {
	turns := sync.OnceValue(func() *timing.Turns { return timing.NewTurns(doc, o.Timing) })
	timedAs := map[convert.Format]func() *convert.Document{} // keyed by timingKind
	for _, f := range fs {
		if k := timingKind(f); timedAs[k] == nil {
			timedAs[k] = sync.OnceValue(func() *convert.Document { return timed(doc, f, o, turns) })
		}
	}
	out := make([][]byte, len(fs))
	docs := make([]*convert.Document, len(fs))
	errs := make([]error, len(fs))
	render := func(i int) {
		d := timedAs[timingKind(fs[i])]()
		out[i], errs[i] = convert.Marshal(d, fs[i], o.Write)
		docs[i] = d
	}
	if !o.Concurrent || len(fs) == 1 {
		for i := range fs {
			render(i)
		}
	} else {
		var wg sync.WaitGroup
		for i := range fs {
			wg.Go(func() { render(i) })
		}
		wg.Wait()
	}
	for _, err := range errs {
		if err != nil {
			return nil, nil, err
		}
	}
	return out, docs, nil
}

// timingKind groups the formats that Timed treats alike: SRT, transcript,
// and all the others.
func timingKind(f convert.Format) convert.Format {
	if f == convert.SRT || f == convert.Transcript {
		return f
	}
	return ""
}

// OutputPath returns where the output of input in format f goes.
func OutputPath(input string, f convert.Format, outDir string) string {
	dir := filepath.Dir(input)
	if outDir != "" {
		dir = outDir
	}
	base := strings.TrimSuffix(filepath.Base(input), filepath.Ext(input))
	return filepath.Join(dir, base+f.Ext())
}

// RenderWithChapters is RenderAll, also returning the WebVTT chapters
// track that goes beside the WebVTT output (see convert.WriteChapters) when
// fs holds WebVTT and doc has chapters, nil otherwise. The chapters are
// timed as the WebVTT output is, so that the last one ends with the
// captions.
func RenderWithChapters(doc *convert.Document, fs []convert.Format, o Options) (out [][]byte, chapters []byte, err error) {
	out, timed, err := renderAll(doc, fs, o)
	if err != nil {
		return nil, nil, err
	}
	for i, f := range fs {
		if f != convert.WebVTT || len(timed[i].Chapters) == 0 {
			continue
		}
		var b bytes.Buffer
		if err := convert.WriteChapters(&b, timed[i]); err != nil {
			return nil, nil, err
		}
		return out, b.Bytes(), nil
	}
	return out, nil, nil
}

// ChaptersPath returns where the WebVTT chapters track of the WebVTT
// output at vttPath goes: name.vtt → name.chapters.vtt.
func ChaptersPath(vttPath string) string {
	return strings.TrimSuffix(vttPath, filepath.Ext(vttPath)) + ".chapters.vtt"
}

// InputFormat returns o.From, or the format named by path's extension.
func InputFormat(path string, o Options) (convert.Format, error) {
	if o.From != "" {
		return o.From, nil
	}
	if f, ok := convert.FormatFromPath(path); ok {
		return f, nil
	}
	return convert.Transcript, nil
}

// ConvertFile converts the file at path into every format of o.To and
// returns the paths written. Every output is rendered before any is
// written, so a bad input leaves nothing behind. It is the one-file form
// of the library; the command goes through internal/batch, which adds
// planning across files and cancellation.
func ConvertFile(path string, o Options) ([]string, error) {
	f, err := InputFormat(path, o)
	if err != nil {
		return nil, err
	}
	in, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	doc, err := Load(in, path, f, o)
	if err != nil {
		return nil, err
	}
	if o.Report != nil && len(o.To) > 0 {
		o.Report(path, Timed(doc, o.To[0], o))
	}
	paths := make([]string, len(o.To))
	for i, to := range o.To {
		paths[i] = OutputPath(path, to, o.OutDir)
		if err := checkTarget(paths[i], path, o.Force); err != nil {
			return nil, err
		}
	}
	data, chapters, err := RenderWithChapters(doc, o.To, o)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	// A WebVTT output of a document with chapters gets its chapters track.
	if chapters != nil {
		i := slices.Index(o.To, convert.WebVTT)
		cp := ChaptersPath(paths[i])
		if err := checkTarget(cp, path, o.Force); err != nil {
			return nil, err
		}
		paths = slices.Insert(paths, i+1, cp)
		data = slices.Insert(data, i+1, chapters)
	}
	var written []string
	for i, p := range paths {
		// checkTarget looked; putting the file in place looks again, in
		// the same step, for a file created meanwhile.
		if err := fileio.WriteFile(p, data[i], o.Force); err != nil {
			if errors.Is(err, fileio.ErrExists) {
				err = fmt.Errorf("%s: %w", p, ErrExists)
			}
			return written, err
		}
		written = append(written, p)
	}
	return written, nil
}

// checkTarget refuses an output path that is the input, or that exists
// while force is off.
func checkTarget(out, input string, force bool) error {
	if samePath(out, input) {
		return fmt.Errorf("%s: %w", out, ErrWouldOverwriteInput)
	}
	if _, err := os.Stat(out); err == nil && !force {
		return fmt.Errorf("%s: %w", out, ErrExists)
	}
	return nil
}

// samePath reports whether a and b name the same file.
func samePath(a, b string) bool {
	if sa, err := os.Stat(a); err == nil {
		if sb, err := os.Stat(b); err == nil {
			return os.SameFile(sa, sb)
		}
	}
	aa, err1 := filepath.Abs(a)
	ab, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == ab
}

// WriteFileAtomic writes data to a temporary file beside path and renames
// it into place, so readers never see a partial file. It replaces any file
// at path.
func WriteFileAtomic(path string, data []byte) error {
	return fileio.WriteFile(path, data, true)
}
