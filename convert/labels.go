package convert

import (
	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/labels"
	"github.com/capconv/capconv/convert/internal/transcript"
)

// LabelStyle is a speaker label convention in caption text: how a format
// without a speaker field (SRT, or any format whose speakers were typed
// into the text) shows who speaks. Writers put a label at each change of
// speaker; readers take labels back out of the text (Options.Labels).
type LabelStyle = labels.Style

// The label styles.
const (
	// LabelAuto, for reading, takes whichever convention below the file
	// uses consistently, or none; for writing (Options.ShowSpeakers), it
	// shows speakers as the source did. It is what "" means.
	LabelAuto = labels.Auto
	// LabelName is "Mark Zuckerberg: " (Otter, Zoom, podcasts).
	LabelName = labels.Name
	// LabelUpper is "MARK ZUCKERBERG: " (broadcast); readers also accept
	// the label alone on its line and a leading ">> ".
	LabelUpper = labels.Upper
	// LabelBracket is "[Mark Zuckerberg] ".
	LabelBracket = labels.Bracket
	// LabelDash is "- " at each change of speaker, without a name: readers
	// alternate between "Speaker 1" and "Speaker 2".
	LabelDash = labels.Dash
	// LabelChevron is ">> MARK ZUCKERBERG: " at each change of speaker
	// (">> " alone for someone unnamed), broadcast's mark; readers read it
	// as LabelUpper.
	LabelChevron = labels.Chevron
	// LabelNone is no label: writers leave speakers out, readers keep the
	// text as it is.
	LabelNone = labels.None
)

// LabelStyles returns the names ParseLabelStyle accepts.
func LabelStyles() []string { return labels.Styles() }

// ParseLabelStyle returns the label style called name ("" is LabelAuto).
func ParseLabelStyle(name string) (LabelStyle, error) { return labels.Parse(name) }

// TranscriptDialects returns the names of the transcript dialects, in the
// order detection prefers them (see the package documentation).
func TranscriptDialects() []string { return transcript.Dialects() }

// ParseDialect returns the canonical name of the transcript dialect called
// name, or an error that lists the known ones.
func ParseDialect(name string) (string, error) { return transcript.ParseDialect(name) }

// shownStyle returns how a format carrying speakers by carriage shows
// d's speakers in the text under o.ShowSpeakers. An explicit style is used
// as given. Auto (the default) keeps what viewers of the source saw: the
// label style the source's text used (a transcript's speaker lines show
// as "Name: "); when the source showed none, a format that carries
// speakers only as text labels (SRT) writes "Name: ", so that speakers
// are not lost, and every other format keeps its markup alone (WebVTT
// voices, TTML agents, ASS names), showing no more than the source did.
func shownStyle(d *caption.Document, carriage SpeakerCarriage, o Options) labels.Style {
	if s := o.ShowSpeakers; s != "" && s != LabelAuto {
		return s
	}
	if s, ok := sourceStyle(d); ok {
		return s
	}
	if carriage == SpeakerLabel {
		return LabelName
	}
	return LabelNone
}

// sourceStyle returns the label style d.SpeakersShown names (a
// transcript's speaker lines are LabelName); ok is false when it names
// none.
func sourceStyle(d *caption.Document) (labels.Style, bool) {
	if d.SpeakersShown == "line" {
		return LabelName, true
	}
	if s, err := labels.Parse(d.SpeakersShown); err == nil && s != LabelAuto {
		return s, true
	}
	return "", false
}

// ShownText returns what a viewer reads of each line of d's cues, cue by
// cue: the dialogue dash and speaker label that style shows before the
// line's text, as every writer shows them (see Options.ShowSpeakers), and
// the text without markup. "" or LabelAuto is the style d.SpeakersShown
// names, or none.
func ShownText(d *caption.Document, style LabelStyle) [][]string {
	if style == "" || style == LabelAuto {
		style = LabelNone
		if s, ok := sourceStyle(d); ok {
			style = s
		}
	}
	show := labels.NewShower(style)
	out := make([][]string, len(d.Cues))
	var prefixes []string
	for i, c := range d.Cues {
		prefixes = show.Prefixes(prefixes, c.Lines)
		out[i] = make([]string, len(c.Lines))
		for j, l := range c.Lines {
			out[i][j] = prefixes[j] + l.Text
		}
	}
	return out
}
