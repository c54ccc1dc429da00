// Package caption is capconv's canonical model of a caption or transcript
// file: a Document of transcript Segments (a start, sometimes an end) or
// timed Cues, their Lines and speakers, the chapters, and the positioned
// errors readers report. It uses the standard library only, so that the
// timing package and every codec can share it without pulling in any
// format.
//
// Invariants every reader establishes and every writer may rely on:
//
//   - Times are time.Duration from the start of the media; writers round.
//   - Segments are in non-decreasing Start order.
//   - A Segment's End is 0 (unknown) or at least its Start. It may pass
//     the next segment's Start, since diarizers' ranges overlap slightly:
//     the next start wins, and the timing package clamps End to the next
//     later Start. A zero-length range (End == Start) leaves no room for
//     words and is timed as if End were unknown.
//   - Cues are in non-decreasing Start order and Start <= End.
//   - Speakers are data: every Line carries its speaker ("" when unknown),
//     never a label baked into the text; a dialogue dash is Line.Dash.
//   - Styling is data: a Line's Spans, when set, join to its Text, and
//     no markup of any format is left in the text.
package caption

import (
	"sort"
	"time"
)

// Document is capconv's canonical model of a caption or transcript file.
type Document struct {
	// Title is the document's title ("" when unknown).
	Title string
	// Language is the BCP 47 language tag of the text ("" when unknown;
	// writers that need one default to "en").
	Language string
	// Duration is the media duration when the input states it, or 0.
	Duration time.Duration
	// Chapters are the named sections of the media, in Start order.
	Chapters []Chapter
	// Segments are transcript segments, in Start order; most state only
	// their start.
	Segments []Segment
	// Cues are timed captions, in Start order.
	Cues []Cue
	// SpeakersShown is how the source showed its speakers to viewers, if
	// it did: a label style of text labels taken out of its text
	// ("name", "upper", "bracket", "dash"), or "line" for a transcript's
	// speaker lines. "" when speakers were only in markup players do not
	// show (WebVTT voices, TTML agents, ASS names) or absent. Writers that
	// are asked to show speakers as the source did follow it.
	SpeakersShown string `json:",omitzero"`
}

// Chapter is a named section of the media. End is 0 until known.
type Chapter struct {
	Start time.Duration
	End   time.Duration
	Title string
}

// Segment is a stretch of transcript whose start is known and whose end
// may be: one speaker line and the paragraphs below it.
type Segment struct {
	// Start is when the segment begins.
	Start time.Duration
	// End is where the source states the turn ends (a time range such as
	// WhisperX's "[00:00:01.234 --> 00:00:03.456]"), or 0 when it does
	// not. A stated end is the truth: timing lays the turn's cues out
	// inside [Start, End] instead of inferring the end from the next
	// start. The tag keeps dumps of start-only segments (the transcript
	// reader's golden model) as they were before ranges.
	End time.Duration `json:",omitzero"`
	// ExactStart marks a Start that is when the speech begins, as a caption
	// file's cue start is, rather than a time truncated to the second, as a
	// transcript prints it: timing adds no lag to it.
	ExactStart bool `json:",omitzero"`
	// Speaker is who speaks ("" when the transcript does not say).
	Speaker string
	// Paragraphs hold the text, one entry per paragraph, each on one line.
	Paragraphs []string
	// Pos is where the segment's speaker line was read.
	Pos Position
}

// Text returns the segment's paragraphs joined by single spaces.
func (s Segment) Text() string {
	n := 0
	for _, p := range s.Paragraphs {
		n += len(p) + 1
	}
	b := make([]byte, 0, n)
	for i, p := range s.Paragraphs {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, p...)
	}
	return string(b)
}

// Cue is one caption shown from Start to End.
type Cue struct {
	// ID is the cue identifier when the format carries one ("" otherwise).
	ID    string
	Start time.Duration
	End   time.Duration
	// Lines are the lines shown, top to bottom.
	Lines []Line
	// Placement is where the cue stands on the picture (bottom centre
	// unless the source says otherwise).
	Placement Placement `json:",omitzero"`
}

// Line is one line of a cue and who speaks it.
type Line struct {
	// Speaker is who speaks the line ("" when unknown).
	Speaker string
	// Text is the plain text of the line, without markup or escaping
	// (for ruby, the base text only).
	Text string
	// Spans split Text into runs of one style when the line is styled;
	// their texts joined are Text. nil when the whole line is plain.
	Spans []Span `json:",omitempty"`
	// Dash marks a line the source opened with a dialogue dash ("- "),
	// which is not part of Text: the dash says that another person speaks
	// from here, even when the source does not say who. Writers show it.
	Dash bool `json:",omitzero"`
}

// Speaker returns the speaker of every line of c, or "" when the lines
// have no speaker or more than one.
func (c Cue) Speaker() string {
	if len(c.Lines) == 0 {
		return ""
	}
	s := c.Lines[0].Speaker
	for _, l := range c.Lines[1:] {
		if l.Speaker != s {
			return ""
		}
	}
	return s
}

// Speakers returns the distinct speakers of d's segments and cues in order
// of first appearance, without "".
func (d *Document) Speakers() []string {
	var out []string
	seen := map[string]bool{"": true}
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, s := range d.Segments {
		add(s.Speaker)
	}
	for _, c := range d.Cues {
		for _, l := range c.Lines {
			add(l.Speaker)
		}
	}
	return out
}

// SortCues sorts cues by Start, keeping the order of equal starts.
func SortCues(cs []Cue) {
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].Start < cs[j].Start })
}

// MaxTime bounds every time a reader accepts (about 36 years), so that
// offsets added to it cannot overflow.
const MaxTime = time.Duration(1) << 60

// MaxHours is the first hour count a reader refuses: any clock below it,
// minutes, seconds and fraction included, stays below MaxTime.
const MaxHours = int(MaxTime / time.Hour)

// RenameSpeakers replaces each speaker of d found in names by its new
// name, in segments and cue lines alike, so that "SPEAKER_00" or
// "Unknown Speaker" can become a person. Speakers not in names are kept.
func (d *Document) RenameSpeakers(names map[string]string) {
	for i := range d.Segments {
		if to, ok := names[d.Segments[i].Speaker]; ok {
			d.Segments[i].Speaker = to
		}
	}
	for i := range d.Cues {
		for j := range d.Cues[i].Lines {
			if to, ok := names[d.Cues[i].Lines[j].Speaker]; ok {
				d.Cues[i].Lines[j].Speaker = to
			}
		}
	}
}
