// Package timing turns start-only transcript segments into timed, readable
// cues: it infers when each turn's speech happens, splits long turns into
// cues a viewer can read, breaks cue text into lines, times each cue by
// its share of the speech, and makes every cue readable under the limits
// of Options (a style guide's preset, or single values). It also checks
// cues against those limits (Check, BuildReport), snaps times to frames
// (SnapToFrames, ParseFPS), keeps every cue at least one unit long at a
// writer's precision (KeepLength) and shifts them (Shift, ParseTimecode).
//
// The timing model is measured, not guessed: the accuracy harness in
// accuracy_test.go scores it word by word against real captions (go test
// ./timing -run Accuracy -v) and fails when a committed figure gets worse;
// the benchmarks in diag_test.go and tune_test.go break its misses down
// and vary the model's parameters.
//
// Everything here is a pure function over the caption model: no I/O and
// no knowledge of file formats.
//
// The limits follow the text's language where Options leaves them zero
// (LanguagePreset: Netflix's per-language guides). Text in scripts written
// without spaces (Chinese, Japanese) is cut into words where Unicode's
// line-breaking rules allow a break, with the kinsoku rules, and its lines
// are joined without spaces; the speaking rates count each character by
// the time it takes to say, so that every script is timed alike.
//
// Invariants of the cues MakeCues makes: sorted by start, never
// overlapping, none before its segment's start nor, when the segment
// states its end, after that end (clamped to the next later start; before
// snapping to frames), one speaker per cue, every word of the segments
// exactly once and in order (every character, in text without spaces), no
// line longer than the limit unless a single word is longer, and on frames when Options.FPS is set. Reading speed,
// duration and gap limits hold wherever the transcript leaves room; Check
// reports the rest, marked NoRoom where neighbouring cues box them in (a
// cue held to a stated end with silence after it is not marked).
package timing
