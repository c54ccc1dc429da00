package timing

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
)

// Options tune how cues are made. The zero value of each field means its
// documented default; the defaults are the Netflix preset's values.
// MakeCues and NewTurns first fill a zero MaxChars and MaxCPS from the
// Netflix guide of the document's language (see ForLanguage).
type Options struct {
	// MaxChars is the most characters on a line (default 42). A
	// full-width character (Chinese, Japanese, Korean) counts as one, as
	// Netflix counts them.
	MaxChars int
	// MaxLines is the most lines in a cue (default 2).
	MaxLines int
	// MaxCPS is the fastest reading speed asked of a viewer, in characters
	// per second, spaces and punctuation included (default 20).
	MaxCPS float64
	// MaxDuration is the longest a cue should stay on screen (default 7 s).
	MaxDuration time.Duration
	// MinDuration is the shortest a cue should stay on screen
	// (default 5/6 s).
	MinDuration time.Duration
	// MinGap is the shortest pause between two cues (default 2 frames, at
	// FPS or else 24 fps); negative means cues may touch. With FPS set, it
	// is rounded up to whole frames.
	MinGap time.Duration
	// ChainGap: a gap between two cues of at most ChainGap is closed to
	// MinGap, so the screen does not flash between them (Netflix
	// "chaining"; default 12 frames, at FPS or else 24 fps: 0.5 s);
	// negative means off.
	ChainGap time.Duration
	// FPS, when not 0, is the frame rate every time is snapped to.
	FPS float64
	// FallbackCPS is the speaking rate, in characters per second, assumed
	// for a speaker whose rate cannot be measured (default 15). A
	// character of a script that says more per character counts as
	// several: a Chinese one as three, a kana or Hangul one as two.
	FallbackCPS float64
	// MediaDuration, when not 0, is where the media ends: no cue ends
	// after it. Zero takes Speech's duration when Speech is set.
	MediaDuration time.Duration
	// Speech, when not nil, is where the media's audio holds speech: each
	// turn's cues are timed to the speech found in its window (see
	// Speech), and a turn whose window holds none, or far more sound than
	// its words, is timed as without it.
	Speech *Speech
	// Language is the BCP 47 tag of the text's language, whose
	// line-treatment rules the line and cue breaks keep (no break after
	// French "le" or German "dem", as after English "the"). Empty takes
	// the document's language, or else the one its closed-class words
	// show; the rules of a language capconv has no word lists for are
	// English's.
	Language string
}

// Defaults used where an Options field is zero: the Netflix English
// template (Preset("netflix")).
const (
	DefaultMaxChars    = 42
	DefaultMaxLines    = 2
	DefaultMaxCPS      = 20.0
	DefaultMaxDuration = 7 * time.Second
	DefaultMinDuration = 20 * time.Second / netflixFPS // 5/6 s
	DefaultMinGap      = minGapFrames * time.Second / netflixFPS
	DefaultChainGap    = chainFrames * time.Second / netflixFPS // 0.5 s
	DefaultFallbackCPS = 15.0
)

// Netflix's frame counts: the minimum gap, and the gaps chaining closes.
const (
	minGapFrames = 2
	chainFrames  = 12
)

// netflixFPS is the frame rate Netflix counts its frame-based limits at
// ("20 frames at 24 fps").
const netflixFPS = 24

// withDefaults returns o with every zero field set to its default.
func (o Options) withDefaults() Options {
	if o.MaxChars <= 0 {
		o.MaxChars = DefaultMaxChars
	}
	if o.MaxLines <= 0 {
		o.MaxLines = DefaultMaxLines
	}
	if o.MaxCPS <= 0 {
		o.MaxCPS = DefaultMaxCPS
	}
	if o.MaxDuration <= 0 {
		o.MaxDuration = DefaultMaxDuration
	}
	if o.MinDuration <= 0 {
		o.MinDuration = DefaultMinDuration
	}
	if o.MaxDuration < o.MinDuration {
		o.MaxDuration = o.MinDuration
	}
	// Netflix counts its gaps in frames: 2 and 12 frames at the media's
	// own rate when it is known, at 24 fps otherwise.
	fps := float64(netflixFPS)
	if o.FPS > 0 {
		fps = o.FPS
	}
	switch {
	case o.MinGap == 0:
		o.MinGap = FrameTime(minGapFrames, fps)
	case o.MinGap < 0:
		o.MinGap = 0
	case o.FPS > 0:
		n := math.Ceil(o.MinGap.Seconds()*o.FPS - 1e-6) // a duration given in frames stays that many frames
		o.MinGap = FrameTime(int64(n), o.FPS)
	}
	switch {
	case o.ChainGap == 0:
		o.ChainGap = FrameTime(chainFrames, fps)
	case o.ChainGap < 0:
		o.ChainGap = 0
	}
	if o.FallbackCPS <= 0 {
		o.FallbackCPS = DefaultFallbackCPS
	}
	return o
}

// wordsPerMinute converts a reading speed in words per minute to
// characters per second. An English word averages 4.7 letters (Norvig's
// count over Google Books), plus the space after it.
func wordsPerMinute(wpm float64) float64 {
	const charsPerWord = 4.7 + 1
	return wpm * charsPerWord / 60
}

// presets are the named style guides' limits (sources in CAPTIONS.md),
// set here and nowhere else: Preset hands out copies, so no caller can
// change what a name means. Fields a guide does not set keep their
// default.
var presets = map[string]Options{
	// The Netflix English (USA) template: 42 characters, 2 lines, 20 cps
	// for adult programmes, 5/6 s to 7 s, 2-frame gaps and chaining of
	// gaps up to 12 frames. The zero Options means the same.
	"netflix": {
		MaxChars: 42, MaxLines: 2, MaxCPS: 20,
		MinDuration: DefaultMinDuration, MaxDuration: 7 * time.Second,
	},
	// The BBC subtitle guidelines: 37 characters (Teletext), 2 lines, at
	// most 180 words per minute, at least 0.3 s per word (1.2 s for a
	// typical four-word cue), no chaining rule.
	"bbc": {
		MaxChars: 37, MaxLines: 2, MaxCPS: wordsPerMinute(180),
		MinDuration: 1200 * time.Millisecond, MaxDuration: 7 * time.Second,
		ChainGap: -1,
	},
	// The DCMP captioning key: 32 characters (CEA-608), 2 lines, 160 words
	// per minute for adult programmes, at least 2 s.
	"dcmp": {
		MaxChars: 32, MaxLines: 2, MaxCPS: wordsPerMinute(160),
		MinDuration: 2 * time.Second, MaxDuration: 7 * time.Second,
		ChainGap: -1,
	},
	// YouTube publishes no limits; its captions roll cue after cue
	// without gaps, so the preset keeps the default limits and lets cues
	// touch.
	"youtube": {
		MaxChars: 42, MaxLines: 2, MaxCPS: 20,
		MinDuration: DefaultMinDuration, MaxDuration: 7 * time.Second,
		MinGap: -1, ChainGap: -1,
	},
}

// PresetNames returns the preset names Preset accepts, sorted.
func PresetNames() []string {
	names := make([]string, 0, len(presets))
	for n := range presets {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Preset returns a copy of the options of the named style guide's preset
// (see PresetNames; case does not matter): netflix, the Netflix English
// template and the same as the zero Options; bbc, the BBC subtitle
// guidelines; dcmp, the DCMP captioning key; youtube, the default limits
// with cues that may touch, as YouTube's captions roll.
func Preset(name string) (Options, error) {
	o, ok := presets[strings.ToLower(name)]
	if !ok {
		return Options{}, fmt.Errorf("unknown preset %q: expected one of %s", name, strings.Join(PresetNames(), ", "))
	}
	return o, nil
}

// languageLimits are the line lengths and adult reading speeds of
// Netflix's timed text style guides by primary language subtag; every
// other language takes otherLimits, what the guides give most European
// languages (and Arabic, Hebrew, Russian, Thai...).
var languageLimits = map[string]languageLimit{
	"en":  {42, 20}, // English (USA)
	"ja":  {13, 4},  // Japanese, horizontal
	"zh":  {16, 9},  // Chinese, Simplified and Traditional
	"yue": {16, 9},  // Cantonese, written in Traditional Chinese
	"cmn": {16, 9},
	"ko":  {16, 12}, // Korean
}

// otherLimits are the limits of a language languageLimits does not list.
var otherLimits = languageLimit{42, 17}

// languageLimit is one language's characters a line and reading speed.
type languageLimit struct {
	chars int
	cps   float64
}

// LanguagePreset returns the Netflix preset for the language named by
// tag (BCP 47: en, ja, zh-Hant, pt-BR; case does not matter): the
// netflix preset's options with the line length and reading speed of
// that language's timed text style guide: Japanese 13 characters a line
// and 4 a second, Chinese 16 and 9, Korean 16 and 12, English 42 and 20,
// most other languages 42 and 17. An empty tag gives the netflix preset.
func LanguagePreset(tag string) Options {
	o := presets["netflix"]
	if tag == "" {
		return o
	}
	l, ok := languageLimits[primaryTag(tag)]
	if !ok {
		l = otherLimits
	}
	o.MaxChars, o.MaxCPS = l.chars, l.cps
	return o
}

// ForLanguage returns o with a zero MaxChars or MaxCPS set to the value
// LanguagePreset(tag) gives it, and an empty Language set to tag; values
// already set, by a preset or by hand, win. An empty tag changes
// nothing.
func (o Options) ForLanguage(tag string) Options {
	if tag == "" {
		return o
	}
	if o.Language == "" {
		o.Language = tag
	}
	p := LanguagePreset(tag)
	if o.MaxChars <= 0 {
		o.MaxChars = p.MaxChars
	}
	if o.MaxCPS <= 0 {
		o.MaxCPS = p.MaxCPS
	}
	return o
}

// primaryTag returns tag's primary language subtag in lower case.
func primaryTag(tag string) string {
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return strings.ToLower(tag)
}
