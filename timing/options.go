package timing

import "time"

// Options tune how cues are made. The zero value of each field means its
// documented default.
type Options struct {
	// MaxChars is the most characters on a line (default 42).
	MaxChars int
	// MaxLines is the most lines in a cue (default 2).
	MaxLines int
	// MaxDuration is the longest a cue should stay on screen (default 7 s).
	MaxDuration time.Duration
	// MinDuration is the shortest a cue should stay on screen
	// (default 5/6 s).
	MinDuration time.Duration
	// FallbackCPS is the speaking rate, in characters per second, assumed
	// for a speaker whose rate cannot be measured (default 15).
	FallbackCPS float64
	// MediaDuration, when not 0, is where the media ends: the last
	// segment ends there.
	MediaDuration time.Duration
	// LabelWidth, when set, gives the characters a speaker label takes at
	// the start of the first cue of each turn (SRT carries speakers as
	// text), so that line limits count the label.
	LabelWidth func(speaker string) int
}

// Defaults used where an Options field is zero.
const (
	DefaultMaxChars    = 42
	DefaultMaxLines    = 2
	DefaultMaxDuration = 7 * time.Second
	DefaultMinDuration = 5 * time.Second / 6
	DefaultFallbackCPS = 15.0
)

// withDefaults returns o with every zero field set to its default.
func (o Options) withDefaults() Options {
	if o.MaxChars <= 0 {
		o.MaxChars = DefaultMaxChars
	}
	if o.MaxLines <= 0 {
		o.MaxLines = DefaultMaxLines
	}
	if o.MaxDuration <= 0 {
		o.MaxDuration = DefaultMaxDuration
	}
	if o.MinDuration <= 0 {
		o.MinDuration = DefaultMinDuration
	}
	if o.FallbackCPS <= 0 {
		o.FallbackCPS = DefaultFallbackCPS
	}
	return o
}
