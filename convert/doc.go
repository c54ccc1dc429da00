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
//   - Transcript (txt): start times, speakers, paragraphs and chapters; no
//     end times.
//   - SRT: times and text. Speakers travel as a text label convention
//     (LabelStyle) at each change of speaker; no BOM is written and text is
//     not escaped, so "&" stays literal.
//   - WebVTT: times, cue identifiers and a voice span <v Name> per speaker.
//   - TTML (IMSC 1.1 Text profile): times, a ttm:agent per speaker declared
//     in head/metadata, and the document's language and title.
package convert
