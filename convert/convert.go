package convert

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/labels"
	"github.com/capconv/capconv/convert/internal/language"
	"github.com/capconv/capconv/convert/internal/text"
	"github.com/capconv/capconv/convert/internal/transcript"
	"github.com/capconv/capconv/internal/fileio"
	"github.com/capconv/capconv/timing"
)

// Options tune reading, timing and writing alike. The zero value detects
// the input's format, reads speaker labels a caption file uses
// consistently, times with the Netflix limits and writes SRT labels as
// "Name: ".
type Options struct {
	// File names the input in errors and warnings; ReadFile sets it.
	File string
	// From is the input's format; "" detects it from the content, and from
	// File's extension when the content has no signature.
	From Format
	// Dialect names the transcript dialect (see TranscriptDialects); ""
	// detects it.
	Dialect string
	// Labels is the speaker label convention taken out of caption text
	// (see LabelStyle); "" is LabelAuto, only for a file whose format
	// carried no speaker. Transcripts ignore it.
	Labels LabelStyle
	// Speakers renames speakers after reading: "SPEAKER_00" → "Ann Lee"
	// (see ReadSpeakerMap).
	Speakers map[string]string
	// Encoding names the input's text encoding ("windows-1251",
	// "shift_jis", "utf-16le", any WHATWG or IANA name; see
	// ParseEncoding); "" detects it: UTF-8, UTF-16 with a byte order
	// mark, else Windows-1252. A byte order mark wins over it; it wins
	// over a TTML file's XML declaration. STL, whose header names its
	// own code page, ignores it.
	Encoding string
	// Language, when set, replaces the document's language tag.
	Language string
	// Warn, when set, receives each repair a reader made to its input.
	Warn func(pos caption.Position, msg string)
	// MaxInput is the most bytes Read reads of one input before it fails
	// with ErrTooLarge; 0 is DefaultMaxInput (256 MiB).
	MaxInput int64
	// Strict makes a reader fail where it would otherwise drop what it
	// cannot read with a warning (a WebVTT cue whose timing line is
	// malformed); by default it reads as browsers do.
	Strict bool

	// Timing tunes how segments become cues, and FPS snaps every time
	// to a frame; its zero value is the Netflix preset, with the line
	// length and reading speed of the text's language (TimingOptions).
	Timing timing.Options
	// Retime re-times a caption file's cues with the timing model, as if
	// they were a transcript's turns; by default cue times are kept.
	Retime bool
	// Offset moves every output time, for transcripts and caption files
	// alike (an editor's start timecode is one). A negative offset that
	// would move cues to end at or before 0 is an ErrCutBeforeZero error
	// unless CutBeforeZero is set.
	Offset time.Duration
	// CutBeforeZero lets Offset cut the cues it moves to before 0; Warn
	// then says how many it cut.
	CutBeforeZero bool
	// StartTimecode is the timecode of the media's first frame, which
	// Offset already holds; formats that declare it (EBU STL's start of
	// programme) write it too.
	StartTimecode time.Duration
	// FPSFrom is the frame rate of the media the input was timed to, when
	// the output is for the same frames played at Timing.FPS (a PAL
	// speed-up or slow-down): every time is scaled by FPSFrom/Timing.FPS
	// before anything else, then snapped to the new rate's frames. 0, or
	// without Timing.FPS, changes nothing.
	FPSFrom float64

	// ShowSpeakers is how every format shows who speaks in the text, for
	// viewers, besides the markup it carries speakers in: a label at each
	// change of speaker and dialogue dashes, in a LabelStyle. "" is
	// LabelAuto: as the source showed them (see the package
	// documentation); LabelNone shows only the dialogue dashes the source
	// had.
	ShowSpeakers LabelStyle
	// TTMLTimeFrames writes TTML times as HH:MM:SS:FF at Timing.FPS
	// instead of HH:MM:SS.mmm; it needs Timing.FPS.
	TTMLTimeFrames bool
	// SCCRows is the most rows an SCC caption takes, 1 to 4 (0 is 2).
	SCCRows int
	// SCCRollUp writes SCC roll-up captions instead of pop-on ones.
	SCCRollUp bool
	// NonDropFrame labels timecode at the NTSC rates (29.97 and 59.94
	// fps: SCC, and iTT at those rates) as non-drop-frame, HH:MM:SS:FF
	// counting every frame, instead of drop-frame, which skips labels to
	// keep to the clock.
	NonDropFrame bool
	// Force lets WriteFile and ConvertFile replace an existing file (never
	// an input of ConvertFile).
	Force bool

	// sink, when set, takes a writer's output as it is rendered
	// (MarshalTo).
	sink *text.Sink
}

// TimingOptions returns the timing options Convert times doc's segments
// with, and the limits its cues are checked against: o.Timing, with a
// zero MaxChars or MaxCPS set to the Netflix limit of doc's language
// (timing.Options.ForLanguage), named by doc.Language or else guessed
// from its text.
func TimingOptions(doc *caption.Document, o Options) timing.Options {
	if o.Timing.MaxChars > 0 && o.Timing.MaxCPS > 0 {
		return o.Timing
	}
	return o.Timing.ForLanguage(Language(doc))
}

// Language returns the BCP 47 tag of the language doc's text is in:
// doc.Language, or else the ISO 639-1 tag guessed from its text, or ""
// when the text is too short to tell.
func Language(doc *caption.Document) string {
	switch {
	case doc.Language != "":
		return doc.Language
	case len(doc.Segments) > 0:
		// From the segments alone: a timed copy, which holds cues too,
		// then guesses as its transcript did.
		return language.Guess(&caption.Document{Segments: doc.Segments})
	}
	return language.Guess(doc)
}

// ErrNotTimed reports a document written in a format that needs cues
// while it holds only start-only segments: Convert times them.
var ErrNotTimed = errors.New("the document has segments but no cues: time it with Convert first")

// ErrCutBeforeZero reports an Options.Offset that would cut cues, moving
// them to end before the media starts.
var ErrCutBeforeZero = errors.New("no format can carry a time before 0 (--cut-before-zero cuts them)")

// ErrNoCues reports a document with nothing to write in a timed format:
// no cue (none read, or all cut by the offset) and no segment.
var ErrNoCues = errors.New("no cues to write")

// ErrUnknownEncoding reports an Options.Encoding that names no encoding
// capconv knows (see ParseEncoding).
var ErrUnknownEncoding = text.ErrUnknownEncoding

// ParseEncoding returns the canonical name of the text encoding called
// name, case-insensitive: a WHATWG label ("windows-1251", "cp1251",
// "latin1", "shift_jis", "sjis", "gb18030", "big5", "euc-kr",
// "utf-16le"), else an IANA name ("IBM437"); separators may be left out
// ("shiftjis"). An unknown name is an ErrUnknownEncoding error that
// lists the common names and suggests the nearest.
func ParseEncoding(name string) (string, error) {
	e, err := text.LookupEncoding(name)
	if err != nil {
		return "", err
	}
	return e.Name(), nil
}

// ErrCannotRead and ErrCannotWrite report a format capconv does not read
// or write.
var (
	ErrCannotRead  = errors.New("capconv cannot read this format")
	ErrCannotWrite = errors.New("capconv cannot write this format")
)

// Read reads a whole document from r in format f, or in the format its
// content shows when f is "" (see Detect; o.File's extension is the hint).
// Speaker labels are taken out of caption text (o.Labels), speakers are
// renamed (o.Speakers), the language is set (o.Language), and with
// o.Retime a caption file's cues become start-only segments again.
func Read(r io.Reader, f Format, o Options) (*caption.Document, error) {
	data, err := readAll(r, o.MaxInput)
	if err != nil {
		if errors.Is(err, ErrTooLarge) && o.File != "" {
			err = fmt.Errorf("%s: %w", caption.QuotePath(o.File), err)
		}
		return nil, err
	}
	// data is ours alone: the document may share its memory.
	return readBytes(data, f, o, true)
}

// ReadBytes is Read from data, which it does not keep: the document holds
// copies, so the caller may reuse data.
func ReadBytes(data []byte, f Format, o Options) (*caption.Document, error) {
	return readBytes(data, f, o, false)
}

func readBytes(data []byte, f Format, o Options, owned bool) (*caption.Document, error) {
	var enc text.Encoding
	if o.Encoding != "" {
		var err error
		if enc, err = text.LookupEncoding(o.Encoding); err != nil {
			return nil, err
		}
	}
	if f == "" {
		f = o.From
	}
	if f == "" {
		hint, _ := FormatFromPath(o.File)
		f = detect(data, hint, enc)
	}
	c := row(f)
	if c == nil || c.read == nil {
		return nil, fmt.Errorf("%s: %w", f, ErrCannotRead)
	}
	doc, err := c.read(data, text.Source{File: o.File, Warn: o.Warn, Owned: owned, Encoding: enc}, o)
	if err != nil {
		return nil, err
	}
	if c.cutsShown && o.Labels != LabelNone {
		labels.CutShown(doc)
	}
	if f != Transcript {
		labels.Apply(doc, o.Labels)
	}
	if c.speakers == SpeakerLine && doc.SpeakersShown == "" && len(doc.Speakers()) > 0 {
		doc.SpeakersShown = "line" // a speaker line is for readers to see
	}
	doc.RenameSpeakers(o.Speakers)
	if o.Language != "" {
		doc.Language = o.Language
	}
	if o.Retime && len(doc.Cues) > 0 {
		if lost := doc.Features(); lost != 0 && o.Warn != nil {
			// Timing breaks the turns' words into new lines.
			o.Warn(caption.Position{File: o.File}, fmt.Sprintf("--retime breaks the text into new cues and lines: its %s are dropped", joinAnd(lost.Names())))
		}
		doc.Segments = transcript.CuesToSegments(doc.Cues)
		doc.Cues = nil
	}
	return doc, nil
}

// DefaultMaxInput is the most Read reads of one input when
// Options.MaxInput is 0: far above any caption file or transcript (a
// three-hour transcript is 150 KiB, a feature film's SRT 100 KiB), and
// small enough that reading /dev/zero or an endless pipe by mistake ends
// with an error rather than with the memory exhausted.
const DefaultMaxInput = 256 << 20

// ErrTooLarge reports an input larger than Options.MaxInput.
var ErrTooLarge = fileio.ErrTooLarge

// tooLarge is the error for an input past max bytes.
func tooLarge(max int64) error {
	return fmt.Errorf("%w: more than %s (--max-input raises the limit)", ErrTooLarge, formatSize(max))
}

// formatSize returns n bytes as "256 MiB", "1.5 GiB", "300 KiB" or "12 bytes".
func formatSize(n int64) string {
	units := []string{"bytes", "KiB", "MiB", "GiB", "TiB"}
	f, u := float64(n), 0
	for f >= 1024 && u < len(units)-1 {
		f /= 1024
		u++
	}
	if u == 0 {
		return fmt.Sprintf("%d bytes", n)
	}
	return strings.TrimSuffix(strings.TrimSuffix(fmt.Sprintf("%.1f", f), "0"), ".") + " " + units[u]
}

// readAll reads r to its end, as io.ReadAll does, but fails with
// ErrTooLarge past max bytes (DefaultMaxInput when max is 0). When r
// knows its size (a regular file, a bytes.Reader, a strings.Reader, a
// bytes.Buffer), the input is read into one allocation of that size
// rather than a buffer grown by doubling; the size is only a hint, as in
// os.ReadFile, so a file that grows meanwhile is still read whole (up to
// max).
func readAll(r io.Reader, max int64) ([]byte, error) {
	if max <= 0 {
		max = DefaultMaxInput
	}
	size := int64(-1)
	switch r := r.(type) {
	case interface{ Len() int }:
		size = int64(r.Len())
	case interface{ Stat() (fs.FileInfo, error) }:
		if fi, err := r.Stat(); err == nil && fi.Mode().IsRegular() {
			size = fi.Size()
		}
	}
	if size > max {
		return nil, tooLarge(max)
	}
	lr := &io.LimitedReader{R: r, N: max + 1} // one byte more tells a file past max
	if size < 0 {
		size = 64<<10 - 1 // a pipe: grown as it fills
	}
	data := make([]byte, 0, size+1) // +1: the read that meets EOF needs room
	for {
		n, err := lr.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if int64(len(data)) > max {
			return nil, tooLarge(max)
		}
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
		if len(data) == cap(data) {
			data = fileio.Grow(data, max)
		}
	}
}

// Output is one document of a conversion, ready to be written in Format.
type Output struct {
	Format Format
	Doc    *caption.Document
	// Hearings says, turn by turn, what the audio said of a transcript
	// timed with o.Timing.Speech (see timing.Turns.Hearings); nil
	// otherwise.
	Hearings []timing.TurnHearing
}

// Convert returns doc prepared for each format of to, in order: when doc
// holds start-only segments and a format needs cues, the segments are
// timed (the costly step, done once for every format that times alike;
// a format that shows speakers as text labels reserves room for them);
// then every time moves by o.Offset and, with o.Timing.FPS, snaps to a
// frame (after scaling them all from o.FPSFrom to o.Timing.FPS first). A
// format's side outputs follow it when doc has what they carry (the
// chapters track after WebVTT, when doc has chapters). doc is not
// modified; cues that need no change are shared with it.
func Convert(doc *caption.Document, to []Format, o Options) ([]Output, error) {
	type placed struct {
		at  int
		out Output
	}
	var got []placed
	err := convertEach(doc, to, o, func(at int, out Output) error {
		got = append(got, placed{at, out})
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(got, func(a, b placed) int { return a.at - b.at })
	outs := make([]Output, len(got))
	for i, p := range got {
		outs[i] = p.out
	}
	return outs, nil
}

// ConvertEach is Convert handing each output to yield as soon as it is
// prepared and letting go of it after, so that a large input converted
// to many formats holds one timed copy at a time: the outputs come in
// Convert's order, except that those timed alike come together (WebVTT
// and TTML apart from SRT, which leaves room for labels), each timed
// copy made when its first output is due and dropped after its last,
// and the turns prepared for timing dropped once the last copy is made.
// An error of yield's stops the conversion and is returned as it is.
func ConvertEach(doc *caption.Document, to []Format, o Options, yield func(Output) error) error {
	return convertEach(doc, to, o, func(_ int, out Output) error { return yield(out) })
}

// convertEach is ConvertEach telling yield each output's place in
// Convert's order.
func convertEach(doc *caption.Document, to []Format, o Options, yield func(i int, out Output) error) error {
	if o.FPSFrom > 0 && o.Timing.FPS > 0 && o.FPSFrom != o.Timing.FPS {
		doc = timing.Rescale(doc, o.FPSFrom, o.Timing.FPS)
	}
	if len(doc.Segments) > 0 {
		o.Timing = TimingOptions(doc, o)
	}
	// Plan every output first, so that an unwritable format fails before
	// anything is timed, and each timed copy's last use is known.
	type planned struct {
		format Format
		kind   timingKind // its main format's, for a side output
		place  int        // its place in Convert's order
	}
	asked := map[Format]bool{}
	for _, f := range to {
		asked[f] = true
	}
	var plan []planned
	for _, f := range to {
		c := row(f)
		if c == nil || c.write == nil {
			return fmt.Errorf("%s: %w", f, ErrCannotWrite)
		}
		k := kindOf(doc, f, o)
		plan = append(plan, planned{f, k, len(plan)})
		for _, s := range c.side {
			if !asked[s] && carries(doc, s) {
				plan = append(plan, planned{s, k, len(plan)})
			}
		}
	}
	// Those timed alike together, in the order each kind first comes.
	first := map[timingKind]int{}
	for _, p := range plan {
		if _, ok := first[p.kind]; !ok {
			first[p.kind] = p.place
		}
	}
	slices.SortStableFunc(plan, func(a, b planned) int { return first[a.kind] - first[b.kind] })
	lastUse := map[timingKind]int{}
	lastTimed := -1 // the last output whose timed copy is made from turns
	for i, p := range plan {
		if _, seen := lastUse[p.kind]; !seen && p.kind.timed && len(doc.Segments) > 0 {
			lastTimed = i
		}
		lastUse[p.kind] = i
	}
	var turns *timing.Turns
	prepared := func() *timing.Turns {
		if turns == nil {
			turns = timing.NewTurns(doc, o.Timing)
		}
		return turns
	}
	timedAs := map[timingKind]*caption.Document{}
	warned := 0 // the most cues a warning said the offset cut
	for i, p := range plan {
		d, ok := timedAs[p.kind]
		if !ok {
			var cut int
			d, cut = timed(doc, p.kind, o, prepared)
			if cut > 0 && !o.CutBeforeZero {
				return fmt.Errorf("offset %s would cut %d %s ending at or before 0: %w", o.Offset, cut, plural(cut, "cue"), ErrCutBeforeZero)
			}
			if cut > warned && o.Warn != nil {
				o.Warn(caption.Position{File: o.File}, fmt.Sprintf("offset %s cut %d %s ending at or before 0", o.Offset, cut, plural(cut, "cue")))
				warned = cut
			}
			timedAs[p.kind] = d
		}
		var heard []timing.TurnHearing
		if turns != nil {
			heard = turns.Hearings()
		}
		if i >= lastTimed {
			turns = nil
		}
		if lastUse[p.kind] == i {
			delete(timedAs, p.kind)
		}
		if err := yield(p.place, Output{Format: p.format, Doc: d, Hearings: heard}); err != nil {
			return err
		}
	}
	return nil
}

// joinAnd lists names as prose: "a", "a and b", "a, b and c".
func joinAnd(names []string) string {
	switch n := len(names); n {
	case 0:
		return ""
	case 1:
		return names[0]
	default:
		return strings.Join(names[:n-1], ", ") + " and " + names[n-1]
	}
}

// plural returns noun, with an s unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return noun
	}
	return noun + "s"
}

// carries reports whether doc has what side output s carries.
func carries(doc *caption.Document, s Format) bool {
	return s == Chapters && len(doc.Chapters) > 0
}

// timingKind groups the formats that Convert times alike.
type timingKind struct {
	timed  bool         // from segments into cues
	labels labels.Style // with room on the line for speaker labels of this style
	// The format's own screen, when it holds less than the timing
	// options allow (0: no limit of its own).
	maxChars, maxLines int
}

func kindOf(doc *caption.Document, f Format, o Options) timingKind {
	k := timingKind{timed: f.NeedsCues(), labels: labelsShown(doc, f, o)}
	if c := row(f); c != nil && c.screen != nil && k.timed {
		k.maxChars, k.maxLines = c.screen(o)
	}
	return k
}

// labelsShown returns the labels f shows in the text of doc's cues, or
// LabelNone.
func labelsShown(doc *caption.Document, f Format, o Options) labels.Style {
	if c := row(f); c == nil || !c.showsSpeakers {
		return LabelNone
	}
	return shownStyle(doc, f.Speakers(), o)
}

// timed returns a copy of doc timed for the formats of kind k (see
// kindOf), taking doc's turns prepared for timing from turns, which it
// calls only when doc's segments are to become cues.
func timed(doc *caption.Document, k timingKind, o Options, turns func() *timing.Turns) (*caption.Document, int) {
	d := *doc
	d.Chapters = append([]caption.Chapter(nil), doc.Chapters...)
	if !k.timed && len(d.Segments) > 0 {
		d.Segments = append([]caption.Segment(nil), doc.Segments...)
		for i := range d.Segments {
			s := &d.Segments[i]
			s.Start = max(s.Start+o.Offset, 0)
			if s.End != 0 {
				s.End = max(s.End+o.Offset, s.Start)
			}
		}
		d.Cues = append([]caption.Cue(nil), doc.Cues...)
		return &d, shift(&d, o)
	}
	if len(d.Segments) == 0 {
		if o.Timing.FPS <= 0 && o.Offset == 0 {
			return &d, 0 // the cues stay as they are: share them
		}
		d.Cues = append([]caption.Cue(nil), doc.Cues...)
		if fps := o.Timing.FPS; fps > 0 {
			timing.SnapToFrames(d.Cues, fps)
		}
		return &d, shift(&d, o)
	}
	var labelWidth func(string) int
	if k.labels != LabelNone {
		labelWidth = func(speaker string) int {
			return utf8.RuneCountInString(k.labels.Label(speaker))
		}
	}
	d.Cues = nil
	turns().MakeCuesWithin(&d, labelWidth, k.maxChars, k.maxLines)
	return &d, shift(&d, o)
}

// shift moves d's times by o.Offset, on frames when o.Timing.FPS is set,
// and returns how many cues it cut before 0.
func shift(d *caption.Document, o Options) int {
	if o.Offset == 0 {
		return 0
	}
	cut := timing.Shift(d, o.Offset)
	if fps := o.Timing.FPS; fps > 0 {
		timing.SnapToFrames(d.Cues, fps)
	}
	return cut
}

// Write renders d in format f to w, as MarshalTo does.
func Write(w io.Writer, d *caption.Document, f Format, o Options) error {
	return MarshalTo(w, d, f, o)
}

// MarshalTo renders d in format f to w as it goes, a megabyte at a time,
// so that a large output never sits whole in memory. A document of
// segments alone must be timed by Convert first (ErrNotTimed). On an
// error w may have received part of the output: write to a temporary
// file (as WriteFile does) where that matters.
func MarshalTo(w io.Writer, d *caption.Document, f Format, o Options) error {
	sink := text.NewSink(w)
	o.sink = sink
	b, err := marshal(d, f, o)
	if err != nil {
		return err
	}
	return sink.Close(b)
}

// Marshal returns d rendered in format f. Writers size their output
// before writing it, so the result is allocated once.
func Marshal(d *caption.Document, f Format, o Options) ([]byte, error) {
	o.sink = nil
	return marshal(d, f, o)
}

// marshal renders d in format f, handing the output to o.sink as it goes
// when there is one, and returns the rest.
func marshal(d *caption.Document, f Format, o Options) ([]byte, error) {
	c := row(f)
	if c == nil || c.write == nil {
		return nil, fmt.Errorf("%s: %w", f, ErrCannotWrite)
	}
	if c.timed && len(d.Cues) == 0 && len(d.Segments) > 0 {
		return nil, fmt.Errorf("%s: %w", f, ErrNotTimed)
	}
	if len(d.Cues) == 0 && len(d.Segments) == 0 && (!c.keeps.Chapters || len(d.Chapters) == 0) {
		return nil, fmt.Errorf("%s: %w", f, ErrNoCues)
	}
	if c.timed && c.keeps.Ends {
		d = withLength(d, c, o)
	}
	if o.Warn != nil && !c.textless {
		if lost := d.Features() &^ c.styles; lost != 0 {
			o.Warn(caption.Position{File: o.File}, fmt.Sprintf("%s cannot carry %s: dropped", f, joinAnd(lost.Names())))
		}
	}
	if c.declaresLanguage && d.Language == "" {
		// The format must say which language the text is in: guess it
		// rather than claim English.
		if tag := language.Guess(d); tag != "" {
			withLang := *d
			withLang.Language = tag
			d = &withLang
		}
	}
	o.ShowSpeakers = labelsShown(d, f, o) // as timing kept room for them
	return c.write(nil, d, o)
}

// withLength returns d, or a copy of it whose cues give way to one
// another, so that none is written with no length or a negative one at
// the precision c writes: at least a millisecond (10 ms in ASS), or a
// frame when times are written as frames.
func withLength(d *caption.Document, c *codec, o Options) *caption.Document {
	var cues []caption.Cue
	if c.frames != nil && c.frames(o) {
		cues = slices.Clone(d.Cues)
		timing.SnapToFrames(cues, o.Timing.FPS)
	} else {
		cues = timing.KeepLength(d.Cues, c.precision)
		if len(cues) > 0 && &cues[0] == &d.Cues[0] {
			return d
		}
	}
	cp := *d
	cp.Cues = cues
	return &cp
}
