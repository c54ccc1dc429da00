// Package timing turns start-only transcript segments into timed, readable
// cues: it infers when each segment ends, splits long segments into cues a
// viewer can read, breaks cue text into lines, and times each cue inside
// its segment.
//
// Everything here is a pure function over the convert model: no I/O and no
// knowledge of file formats.
//
// Invariants of the cues it makes: sorted by start, never overlapping, each
// inside its segment's window, one speaker per cue, every word of the
// segments exactly once and in order, and no line longer than the limit
// unless a single word is longer.
package timing
