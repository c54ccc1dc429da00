// Package convert owns capconv's canonical caption model, the registry of
// formats it reads and writes, and the errors those readers report.
//
// Every reader turns its input into a *Document; every writer renders a
// *Document. Formats never convert into each other directly.
//
// # The model
//
// A Document holds either start-only Segments (a transcript: each segment
// knows when it starts and who speaks, not when it ends) or timed Cues (a
// caption file), or both once the timing package has turned segments into
// cues. Its invariants:
//
//   - Times are time.Duration from the start of the media; writers round.
//   - Segments are in non-decreasing Start order.
//   - Cues are in non-decreasing Start order and Start <= End.
//   - Speakers are data: every Line carries its speaker ("" when unknown),
//     never a label baked into the text.
//
// # What each format carries
//
//   - Transcript (txt, md): start times, speakers, paragraphs, chapters,
//     and a title, language and duration from front matter; no end times.
//     Written in the speaker-line dialect.
//   - SRT: times and text. Speakers travel as a text label convention
//     (LabelStyle) at each change of speaker; no BOM is written and text is
//     not escaped, so "&" stays literal.
//   - WebVTT: times, cue identifiers and a voice span <v Name> per speaker.
//   - TTML (IMSC 1.1 Text profile) and DFXP (the same document under the
//     TTML1 DFXP profile): times, cue identifiers, a ttm:agent per speaker
//     declared in head/metadata, and the document's language and title.
//   - ASS/SSA: times in centiseconds, the speaker in each event's Name
//     field, the title.
//   - EBU STL (read only, through go-astisub): times, text rows, the title.
//   - JSON (capconv's schema, see json.go): everything in the model but
//     segments.
//
// Read detects labels in caption text (ReadOptions.Labels, ApplyLabels):
// "Name:", "NAME:", "[Name]" and dialogue dashes become speakers when a
// file uses them consistently. Detect tells a format from content.
//
// # Transcript dialects
//
// Transcripts come in many layouts. Read detects the dialect by scoring
// each on the first 200 non-blank lines and taking the one whose turn
// lines explain most of them (ties go to the earlier, more specific one
// below); ReadOptions.Dialect names one instead. Every dialect shares one
// reader: a turn line starts a segment, other lines are its paragraphs,
// so a turn may continue on following lines in any dialect. Times may be
// M:SS, MM:SS, H:MM:SS or HH:MM:SS with fractional seconds, and may widen
// after an hour; equal times on adjacent lines are kept (the timing
// package spreads them), earlier ones fail with ErrTimeGoesBack.
//
//	rev             Lenny Rachitsky (00:00:09):          text on the lines below
//	rev-inline      Ann Lee (00:00:09) Welcome back.
//	otter           Emma  0:22                           two spaces; text below; "Transcribed by https://otter.ai" dropped
//	bracketed       [Speaker 1] [00:08] know, as         Whisper and diarization tools
//	markdown        **Emma** [0:18] Welcome.             HTML entities decoded
//	markdown-label  **[00:48] SPEAKER_01:** Oh, okay.    AssemblyAI / Descript-like, entities decoded
//	time-name       [00:00:05] Ann Lee: Hello.
//	speaker-line    Mark Zuckerberg 0:00:01              text below; "00:00:00 - Title" chapter lines
//	timestamped     00:00:07 But it is important.        no speakers (Talk Python)
//	youtube         0:05                                 no speakers; text on the next line (YouTube's copied transcript)
//
// Speaker names are kept as written ("Unknown Speaker", "SPEAKER_00",
// "Speaker 1"), with runs of spaces collapsed; RenameSpeakers and
// ReadSpeakerMap rename them. Consecutive segments of one speaker stay
// separate segments, since each start time is information.
//
// Before the first turn, YAML front matter (title, language or lang,
// duration_seconds or duration), Markdown headings and a bare "Transcript"
// line are metadata, never text: the first heading is the title unless the
// front matter gave one, and a stated duration ends the last turn.
//
// # Encodings
//
// Text readers accept UTF-8 with or without a byte order mark, UTF-16 LE
// or BE with a byte order mark, and fall back to Windows-1252 with a
// warning when the input is not valid UTF-8. Input with NUL bytes or many
// control characters fails with ErrNotText.
package convert
