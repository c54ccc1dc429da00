// Package check applies a caption style guide's rules to caption files
// and transcripts and reports every violation: reading speed, line
// length, line count, durations, gaps and chaining, overlaps, empty or
// zero-length cues, cues out of order, line breaks the line treatment
// rules forbid, unbalanced lines, orphan words, speakers viewers cannot
// tell apart, and times off the frame grid.
//
// A caption file is checked as its cues stand, with the speaker labels
// and dialogue dashes a viewer reads counted on their lines. A transcript
// is checked as the captions its conversion to SRT would write.
//
// Each rule has a stable identifier (timing.Rule) and a Severity;
// Results print as text (WriteText), as versioned JSON (WriteJSON,
// schema in docs/check.md) or as a self-contained review page
// (WriteHTML).
package check
