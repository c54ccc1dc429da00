package convert

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/ass"
	"github.com/capconv/capconv/convert/internal/capjson"
	"github.com/capconv/capconv/convert/internal/scc"
	"github.com/capconv/capconv/convert/internal/srt"
	"github.com/capconv/capconv/convert/internal/stl"
	"github.com/capconv/capconv/convert/internal/text"
	"github.com/capconv/capconv/convert/internal/transcript"
	"github.com/capconv/capconv/convert/internal/ttml"
	"github.com/capconv/capconv/convert/internal/webvtt"
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
	// STL is EBU Tech 3264 subtitling data exchange.
	STL Format = "stl"
	// JSON is capconv's own JSON schema (see docs/json.md).
	JSON Format = "json"
	// ITT is Apple's iTunes Timed Text, the TTML profile Final Cut Pro
	// imports: timecode at the timeline's frame rate, speakers as labels.
	ITT Format = "itt"
	// SCC is Scenarist SCC: CEA-608 (line 21) captions as broadcast,
	// timed in frames of 29.97 fps video.
	SCC Format = "scc"
	// Chapters is the WebVTT chapters track: one cue per chapter, the
	// file an HTML <track kind="chapters"> loads. It goes beside every
	// WebVTT output of a document with chapters (see SideOutputs).
	Chapters Format = "chapters"
)

// SpeakerCarriage is how a format carries who speaks.
type SpeakerCarriage string

// The ways formats carry speakers.
const (
	// SpeakerField: a field of each cue or event (ASS Name, JSON).
	SpeakerField SpeakerCarriage = "field"
	// SpeakerVoice: markup around the text that a player does not show
	// (WebVTT <v>, TTML ttm:agent).
	SpeakerVoice SpeakerCarriage = "voice"
	// SpeakerLabel: a label in the text ("Name: "), which takes room on
	// the line, so timing counts it against the line limit.
	SpeakerLabel SpeakerCarriage = "label"
	// SpeakerLine: a line of the layout of its own (a transcript's speaker
	// line).
	SpeakerLine SpeakerCarriage = "line"
	// SpeakerNone: not at all.
	SpeakerNone SpeakerCarriage = "none"
)

// Keeps lists what of the model a format carries besides times, text,
// speakers and styling (see Format.Styles); what a writer cannot carry is
// dropped.
type Keeps struct {
	Title    bool // the document's title
	Language bool // the language tag
	CueIDs   bool // cue identifiers
	Chapters bool // named chapters
	Ends     bool // cue end times (a transcript has starts only)
}

// codec is one row of the format table: everything the rest of capconv
// knows about a format. Adding a format is one codec package and one row.
type codec struct {
	format  Format
	aliases []string // other names ParseFormat accepts
	exts    []string // file extensions, the first being the one written
	about   string   // one line for help and docs
	// sniff reports whether the raw input or its decoded head (see
	// text.Head) is in the format; nil for formats without a signature.
	sniff func(raw, head []byte) bool
	// guess marks a sniffer that only guesses (SRT has no signature): it
	// is asked only when the file name says nothing better than a
	// transcript.
	guess     bool
	read      func(data []byte, src text.Source, o Options) (*caption.Document, error)
	write     func(b []byte, d *caption.Document, o Options) ([]byte, error)
	speakers  SpeakerCarriage
	precision time.Duration // the finest time step written (0: not timed)
	// frames reports whether, under o, times are written as frames at
	// o.Timing.FPS rather than at precision (TTML's HH:MM:SS:FF).
	frames func(o Options) bool
	keeps  Keeps
	// side lists the formats written beside this one when the document
	// has what they carry (the chapters track beside WebVTT).
	side []Format
	// timed is false for a format written from start-only segments: a
	// transcript written as a transcript is not timed.
	timed bool
	// styles are the styling and placement features the writer carries;
	// Marshal warns once per file about the others, which it drops.
	styles caption.Features
	// textless marks a writer of no cue text (the chapters track), which
	// drops styling without a word.
	textless bool
	// screen, when set, is the most characters a line and lines a cue the
	// format shows under o (0: no limit), which a transcript is timed to
	// when they are fewer than the timing options allow: SCC's 32
	// columns and its rows, a teletext row's 40 characters.
	screen func(o Options) (chars, lines int)
	// cutsShown marks a reader that leaves to labels.CutShown the labels
	// its writer shows beside the speaker markup (TTML; the WebVTT and
	// ASS readers take them out themselves, escapes and all).
	cutsShown bool
	// showsSpeakers marks a writer that shows speakers in the text for
	// viewers (see shownStyle), so that timing keeps room on the line for
	// the labels; Marshal gives write the resolved style in
	// Options.ShowSpeakers.
	showsSpeakers bool
	// declaresLanguage marks a format that must name the text's
	// language (TTML's xml:lang): Marshal guesses it when the document
	// does not say.
	declaresLanguage bool
}

// The styling and placement each writer carries (see codec.styles):
// everything; all but classes and ruby (SRT, ASS, DFXP); all but classes
// (TTML).
const (
	allStyles   = caption.Features(caption.FeatureItalic | caption.FeatureBold | caption.FeatureUnderline | caption.FeatureColor | caption.FeatureClass | caption.FeatureRuby | caption.FeatureVertical | caption.FeatureHorizontal)
	plainStyles = caption.Features(caption.FeatureItalic | caption.FeatureBold | caption.FeatureUnderline | caption.FeatureColor | caption.FeatureVertical | caption.FeatureHorizontal)
	ttmlStyles  = caption.Features(caption.FeatureItalic | caption.FeatureBold | caption.FeatureUnderline | caption.FeatureColor | caption.FeatureRuby | caption.FeatureVertical | caption.FeatureHorizontal)
)

// registry is the format table every dispatch goes through, in the order
// sniffers are tried and formats are listed.
var registry = []codec{
	{
		format: STL, exts: []string{".stl"}, about: "EBU Tech 3264 subtitles (teletext), speakers as text labels",
		sniff: func(raw, _ []byte) bool { return stl.Sniff(raw) },
		read: func(data []byte, src text.Source, _ Options) (*caption.Document, error) {
			return stl.Read(data, src)
		},
		write: func(b []byte, d *caption.Document, o Options) ([]byte, error) {
			wo := stl.WriteOptions{FrameRate: o.Timing.FPS, Speakers: o.ShowSpeakers, StartTimecode: o.StartTimecode}
			if o.Warn != nil {
				wo.Warn = func(msg string) { o.Warn(caption.Position{File: o.File}, "stl: "+msg) }
			}
			return stl.Append(b, d, wo)
		},
		frames:        func(o Options) bool { return o.Timing.FPS > 0 },
		screen:        func(Options) (int, int) { return stl.RowChars, 0 },
		showsSpeakers: true, styles: stlStyles, precision: time.Second / 25, timed: true,
		speakers: SpeakerLabel, keeps: Keeps{Title: true, Language: true, Ends: true},
	},
	{
		format: WebVTT, aliases: []string{"webvtt"}, exts: []string{".vtt"}, about: "WebVTT, speakers as <v> voices",
		sniff: func(_, head []byte) bool { return webvtt.Sniff(head) },
		read: func(data []byte, src text.Source, o Options) (*caption.Document, error) {
			return webvtt.ReadWith(data, src, webvtt.ReadOptions{Strict: o.Strict})
		},
		write: func(b []byte, d *caption.Document, o Options) ([]byte, error) {
			return webvtt.Append(b, d, webvtt.WriteOptions{Speakers: o.ShowSpeakers, Sink: o.sink})
		},
		showsSpeakers: true, styles: allStyles, speakers: SpeakerVoice, precision: time.Millisecond, keeps: Keeps{CueIDs: true, Ends: true},
		side: []Format{Chapters}, timed: true,
	},
	{
		format: ASS, aliases: []string{"ssa"}, exts: []string{".ass", ".ssa"}, about: "Advanced SubStation Alpha, speakers in the Name field",
		sniff: func(_, head []byte) bool { return ass.Sniff(head) },
		read: func(data []byte, src text.Source, _ Options) (*caption.Document, error) {
			return ass.Read(data, src)
		},
		write: func(b []byte, d *caption.Document, o Options) ([]byte, error) {
			return ass.Append(b, d, ass.WriteOptions{Speakers: o.ShowSpeakers, Sink: o.sink})
		},
		showsSpeakers: true, styles: plainStyles, speakers: SpeakerField, precision: 10 * time.Millisecond, keeps: Keeps{Title: true, Ends: true},
		timed: true,
	},
	{
		format: JSON, exts: []string{".json"}, about: "capconv's JSON schema: the whole model",
		sniff: func(_, head []byte) bool { return capjson.Sniff(head) },
		read: func(data []byte, src text.Source, _ Options) (*caption.Document, error) {
			return capjson.Read(data, src)
		},
		write: func(b []byte, d *caption.Document, o Options) ([]byte, error) {
			return capjson.AppendTo(b, d, o.sink)
		},
		styles: allStyles, speakers: SpeakerField, precision: time.Millisecond,
		keeps: Keeps{Title: true, Language: true, CueIDs: true, Chapters: true, Ends: true},
		timed: true,
	},
	{
		format: TTML, aliases: []string{"xml"}, exts: []string{".ttml", ".xml"}, about: "TTML (IMSC 1.1 Text), speakers as ttm:agent",
		sniff: func(_, head []byte) bool { return ttml.Sniff(head) },
		read:  readTTML,
		write: func(b []byte, d *caption.Document, o Options) ([]byte, error) {
			return ttml.Append(b, d, ttmlOptions(o))
		},
		frames:    ttmlFrames,
		cutsShown: true, showsSpeakers: true, styles: ttmlStyles, speakers: SpeakerVoice, precision: time.Millisecond,
		keeps: Keeps{Title: true, Language: true, CueIDs: true, Ends: true}, timed: true, declaresLanguage: true,
	},
	{
		format: DFXP, exts: []string{".dfxp", ".xml"}, about: "TTML under the DFXP profile, for editors that ask for .dfxp",
		read: readTTML,
		write: func(b []byte, d *caption.Document, o Options) ([]byte, error) {
			return ttml.AppendDFXP(b, d, ttmlOptions(o))
		},
		frames:    ttmlFrames,
		cutsShown: true, showsSpeakers: true, styles: plainStyles, speakers: SpeakerVoice, precision: time.Millisecond,
		keeps: Keeps{Title: true, Language: true, CueIDs: true, Ends: true}, timed: true, declaresLanguage: true,
	},
	{
		format: ITT, exts: []string{".itt"}, about: "iTunes Timed Text (Apple's TTML, for Final Cut Pro), speakers as text labels",
		read: readTTML,
		write: func(b []byte, d *caption.Document, o Options) ([]byte, error) {
			return ttml.AppendITT(b, d, ttml.WriteOptions{FrameRate: o.Timing.FPS, Speakers: o.ShowSpeakers, NonDrop: o.NonDropFrame, Sink: o.sink})
		},
		frames:        func(o Options) bool { return o.Timing.FPS > 0 },
		showsSpeakers: true, cutsShown: true, styles: plainStyles, speakers: SpeakerLabel, precision: time.Second / 30,
		keeps: Keeps{Title: true, Language: true, Ends: true}, timed: true, declaresLanguage: true,
	},
	{
		format: SCC, exts: []string{".scc"}, about: "Scenarist SCC: CEA-608 broadcast captions at 29.97 fps, speakers as text labels",
		sniff: func(_, head []byte) bool { return scc.Sniff(head) },
		read: func(data []byte, src text.Source, _ Options) (*caption.Document, error) {
			return scc.Read(data, src)
		},
		write: func(b []byte, d *caption.Document, o Options) ([]byte, error) {
			return scc.Append(b, d, sccOptions(o))
		},
		showsSpeakers: true, styles: sccStyles, speakers: SpeakerLabel, precision: sccFrame, keeps: Keeps{Ends: true}, timed: true,
		screen: func(o Options) (int, int) { return scc.Columns, sccOptions(o).CaptionRows() },
	},
	{
		format: SRT, exts: []string{".srt"}, about: "SubRip, speakers as text labels",
		sniff: func(_, head []byte) bool { return srt.Sniff(head) }, guess: true,
		read: func(data []byte, src text.Source, _ Options) (*caption.Document, error) {
			return srt.Read(data, src)
		},
		write: func(b []byte, d *caption.Document, o Options) ([]byte, error) {
			return srt.AppendTo(b, d, o.ShowSpeakers, o.sink)
		},
		showsSpeakers: true, styles: plainStyles, speakers: SpeakerLabel, precision: time.Millisecond, keeps: Keeps{Ends: true}, timed: true,
	},
	{
		format: Transcript, aliases: []string{"transcript", "md"}, exts: []string{".txt", ".md"},
		about: "start-only transcript: one of the dialects, written as speaker lines",
		read: func(data []byte, src text.Source, o Options) (*caption.Document, error) {
			return transcript.Read(data, src, o.Dialect)
		},
		write: func(b []byte, d *caption.Document, o Options) ([]byte, error) {
			return transcript.AppendTo(b, d, o.sink)
		},
		speakers: SpeakerLine, precision: time.Second, keeps: Keeps{Title: true, Language: true, Chapters: true},
	},
	{
		format: Chapters, exts: []string{".chapters.vtt"}, about: "WebVTT chapters track, beside the WebVTT output",
		write: func(b []byte, d *caption.Document, _ Options) ([]byte, error) {
			return webvtt.AppendChapters(b, d)
		},
		textless: true, speakers: SpeakerNone, precision: time.Millisecond, keeps: Keeps{Chapters: true, Ends: true}, timed: true,
	},
}

func readTTML(data []byte, src text.Source, _ Options) (*caption.Document, error) {
	return ttml.Read(data, src)
}

// ttmlOptions are the TTML writer's options: the frame rate is the one
// the times were snapped to.
// ttmlFrames reports whether TTML times are written as frames.
func ttmlFrames(o Options) bool { return o.TTMLTimeFrames && o.Timing.FPS > 0 }

func ttmlOptions(o Options) ttml.WriteOptions {
	return ttml.WriteOptions{FrameRate: o.Timing.FPS, TimeFrames: o.TTMLTimeFrames, Speakers: o.ShowSpeakers, Sink: o.sink}
}

// sccFrame is one frame of the 29.97 fps video SCC is timed in.
const sccFrame = time.Second * 1001 / 30000

// stlStyles is what EBU STL's teletext shows of the styling: italics, and
// where a subtitle stands.
const stlStyles = caption.Features(caption.FeatureItalic | caption.FeatureVertical | caption.FeatureHorizontal)

// sccStyles is what CEA-608 shows of the styling: italics, and where a
// caption stands (its rows and indent).
const sccStyles = caption.Features(caption.FeatureItalic | caption.FeatureVertical | caption.FeatureHorizontal)

func sccOptions(o Options) scc.WriteOptions {
	wo := scc.WriteOptions{NonDrop: o.NonDropFrame, Rows: o.SCCRows, RollUp: o.SCCRollUp, Speakers: o.ShowSpeakers, Sink: o.sink}
	if o.Warn != nil {
		wo.Warn = func(msg string) { o.Warn(caption.Position{File: o.File}, "scc: "+msg) }
	}
	return wo
}

// row returns f's row of the format table, or nil.
func row(f Format) *codec {
	for i := range registry {
		if registry[i].format == f {
			return &registry[i]
		}
	}
	return nil
}

// Formats returns the known formats, sorted by name.
func Formats() []Format {
	out := make([]Format, 0, len(registry))
	for _, c := range registry {
		out = append(out, c.format)
	}
	slices.Sort(out)
	return out
}

// WritableFormats returns the formats capconv writes, sorted by name.
func WritableFormats() []Format {
	var out []Format
	for _, f := range Formats() {
		if f.CanWrite() {
			out = append(out, f)
		}
	}
	return out
}

// ReadableFormats returns the formats capconv reads, sorted by name.
func ReadableFormats() []Format {
	var out []Format
	for _, f := range Formats() {
		if f.CanRead() {
			out = append(out, f)
		}
	}
	return out
}

// ParseFormat returns the format called name, case-insensitive, by its
// name or an alias ("webvtt", "xml", "ssa", "transcript", "md").
func ParseFormat(name string) (Format, error) {
	n := strings.ToLower(strings.TrimPrefix(strings.TrimSpace(name), "."))
	for _, c := range registry {
		if string(c.format) == n {
			return c.format, nil
		}
		for _, a := range c.aliases {
			if a == n {
				return c.format, nil
			}
		}
	}
	return "", fmt.Errorf("unknown format %q (known: %s)", name, joinFormats(Formats()))
}

// joinFormats lists fs for messages.
func joinFormats(fs []Format) string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}

// FormatFromPath guesses a format from path's extension; a WebVTT
// chapters track (name.chapters.vtt) reads as WebVTT.
func FormatFromPath(path string) (Format, bool) {
	ext := strings.ToLower(filepath.Ext(path))
	for _, c := range registry {
		if c.read == nil {
			continue
		}
		for _, e := range c.exts {
			if e == ext {
				return c.format, true
			}
		}
	}
	return "", false
}

// Names returns f's name and the aliases ParseFormat accepts for it.
func (f Format) Names() []string {
	if c := row(f); c != nil {
		return append([]string{string(f)}, c.aliases...)
	}
	return nil
}

// Ext returns the file extension written for f, with its dot.
func (f Format) Ext() string {
	if c := row(f); c != nil {
		return c.exts[0]
	}
	return "." + string(f)
}

// Extensions returns every file extension read as f, with their dots.
func (f Format) Extensions() []string {
	if c := row(f); c != nil {
		return append([]string(nil), c.exts...)
	}
	return nil
}

// About describes f in one line.
func (f Format) About() string {
	if c := row(f); c != nil {
		return c.about
	}
	return ""
}

// CanRead reports whether capconv reads f.
func (f Format) CanRead() bool { c := row(f); return c != nil && c.read != nil }

// CanWrite reports whether capconv writes f.
func (f Format) CanWrite() bool { c := row(f); return c != nil && c.write != nil }

// Speakers returns how f carries who speaks.
func (f Format) Speakers() SpeakerCarriage {
	if c := row(f); c != nil {
		return c.speakers
	}
	return SpeakerNone
}

// Precision returns the finest time step f writes (a second for a
// transcript's H:MM:SS, 10 ms for ASS), or 0 for an unknown format.
func (f Format) Precision() time.Duration {
	if c := row(f); c != nil {
		return c.precision
	}
	return 0
}

// Keeps returns what of the model f carries besides times, text and
// speakers.
func (f Format) Keeps() Keeps {
	if c := row(f); c != nil {
		return c.keeps
	}
	return Keeps{}
}

// Styles returns the styling and placement features f writes: italics,
// bold, underline, colour, classes, ruby, vertical placement and
// horizontal alignment, as far as the format has them.
func (f Format) Styles() caption.Features {
	if c := row(f); c != nil {
		return c.styles
	}
	return 0
}

// SideOutputs returns the formats written beside f when the document has
// what they carry: Chapters beside WebVTT.
func (f Format) SideOutputs() []Format {
	if c := row(f); c != nil {
		return append([]Format(nil), c.side...)
	}
	return nil
}

// NeedsCues reports whether f is written from timed cues, so that a
// transcript's segments must be timed first (see Convert).
func (f Format) NeedsCues() bool { c := row(f); return c != nil && c.timed }
