// Package convert reads, converts and writes captions and transcripts: it
// is capconv's library and the one conversion path of the command and its
// batches.
//
//	doc, err := convert.ReadFile("talk.txt", opts)            // detect, read
//	outs, err := convert.Convert(doc, []convert.Format{convert.WebVTT}, opts) // time
//	err = convert.WriteFile("talk.vtt", outs[0].Doc, convert.WebVTT, opts)     // write
//
// Read and Write mirror each other on an io.Reader and an io.Writer;
// ReadFile, WriteFile and ConvertFile do the same on files, atomically.
// One Options struct tunes reading (format, encoding, dialect, labels,
// speakers), timing (timing.Options, offset, frame rate) and writing (SRT
// labels, TTML frame times). The model is package caption; the timing
// model is package timing.
//
// # A document's state
//
// A transcript reads as Segments (start-only, or with the end a layout's
// time range states), a caption file as timed Cues. Convert prepares a document for each target format: it times the
// segments into cues when the format needs cues (Format.NeedsCues), once
// for every format that times alike, and applies the offset and the frame
// rate. Writing a document of segments alone in a format that needs cues
// fails with ErrNotTimed.
//
// # Layout
//
//	convert/             this package: Options, Read, Convert, Write, files, the format registry
//	convert/caption      the model: Document, Cue, Line, Segment, Chapter, positions, errors
//	convert/internal/text        decoding (BOM, UTF-16, Windows-1252), line scanning, clocks
//	convert/internal/labels      speaker labels in caption text ("Name: ", "[Name]", dashes)
//	convert/internal/transcript  the transcript dialects, their detection, the transcript writer
//	convert/internal/srt, webvtt, ttml, ass, stl, capjson  one package per format
//
// # What each format carries
//
// The registry in format.go is the one place that knows each format: its
// names and extensions, a content sniffer, how it carries speakers
// (SpeakerCarriage: a field, a voice span, a text label that takes room
// on the line), its time precision, what else it keeps (Keeps) and its
// side outputs. `capconv formats` prints it. In short:
//
//   - Transcript (txt, md): start times, speakers, paragraphs, chapters,
//     and a title, language and duration from front matter; no end times.
//     Read in ten dialects (TranscriptDialects, docs/dialects.md), written
//     in the speaker-line dialect.
//   - SRT: times, text, <i> <b> <u> <font color> and {\anN} placement.
//     Speakers travel as a text label at each change of speaker
//     (Options.ShowSpeakers); no BOM is written and text is not escaped,
//     so "&" stays literal.
//   - WebVTT: times, cue identifiers, a voice span <v Name> per speaker,
//     every kind of styling (colours through a STYLE block) and cue
//     settings for placement; chapters go beside it as a chapters track
//     (Chapters).
//   - TTML (IMSC 1.1 Text) and DFXP (the same document under the DFXP
//     profile): times, cue identifiers, a ttm:agent per speaker, the
//     language, the title, tts: styling, ruby (TTML only) and regions.
//   - ASS/SSA: times in centiseconds, the speaker in each event's Name
//     field, the title, override tags for styling and \an placement.
//   - EBU STL (read only, through go-astisub): times, text rows, the title.
//   - JSON (capconv's schema, docs/json.md): the whole model but segments.
//
// Format.Styles says which styling and placement each writes; Marshal
// warns once per output about what it drops. Every writer also shows
// speakers in the text for viewers as Options.ShowSpeakers asks: by
// default, as the source showed them.
//
// Read takes speaker labels back out of caption text (Options.Labels):
// "Name:", "NAME:", "[Name]" and dialogue dashes become speakers when a
// file uses them consistently. Detect tells a format from content, so a
// WebVTT file named .srt reads as WebVTT.
//
// Every text reader decodes alike (docs/formats.md, "Text encodings"): a
// byte order mark (UTF-8, UTF-16 LE or BE) decides; else Options.Encoding
// names the encoding (any WHATWG or IANA name, see ParseEncoding); else,
// for TTML, the XML declaration; else the input is UTF-8 when it mostly
// is, its few invalid bytes replaced by U+FFFD with one warning naming
// their lines, and Windows-1252 with a warning when it is not UTF-8 as a
// whole. U+FEFF is dropped wherever it is. Input with NUL bytes or many
// control characters fails with caption.ErrNotText (WebVTT turns U+0000
// into U+FFFD, as its specification asks); the few C0 controls of text
// (not tab and line ends) become U+FFFD with a warning, in every text
// format, JSON's escaped ones included.
//
// # Adding a format
//
//  1. Write a package under convert/internal (say scc) with Read(data,
//     text.Source), Append(b, doc) and, if the format has a signature,
//     Sniff(head). Use internal/text for decoding, lines and clocks, and
//     report errors with text.Errorf at a position.
//  2. Add its Format constant and one row to the registry in format.go:
//     names, extensions, sniffer, reader, writer, speaker carriage,
//     precision, Keeps, side outputs.
//  3. Add a FuzzRead<Name> target, a golden case under testdata/golden
//     (in.<ext> and out.<ext>), and an interop case in internal/interop
//     (or a reason in noInterop): TestRegistryCoverage and
//     TestEveryFormatHasInterop fail until they exist.
package convert
