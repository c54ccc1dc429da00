// Package labels knows how speakers are shown in caption text when a format
// has no field for them: "Name: ", "NAME: ", "[Name] " and dialogue dashes.
// Writers put a label at each change of speaker; readers take labels back
// out of the text when a file uses them consistently.
package labels

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/capconv/capconv/convert/caption"
)

// Style is a speaker label convention in text: how a format without a
// speaker field (SRT, or WebVTT and TTML written without voices) shows who
// speaks. Writers put a label at each change of speaker; readers turn
// labels back into Line.Speaker (ReadOptions.Labels).
type Style string

// The label styles.
const (
	// Auto, for readers only, takes whichever convention below the
	// file uses consistently, or none; writers treat it as Name. It
	// is the zero value's meaning for ReadOptions.Labels.
	Auto Style = "auto"
	// Name is "Mark Zuckerberg: " (Otter, Zoom, podcast hosts); the
	// writers' default.
	Name Style = "name"
	// Upper is "MARK ZUCKERBERG: " (broadcast); readers also accept
	// the label alone on its line and a leading ">> ".
	Upper Style = "upper"
	// Bracket is "[Mark Zuckerberg] ".
	Bracket Style = "bracket"
	// Dash is "- " at each change of speaker, without a name (YouTube
	// and Netflix dialogue). A dash says that the speaker changes, not who
	// speaks: readers alternate between two anonymous speakers, "Speaker 1"
	// and "Speaker 2", right for the usual interview.
	Dash Style = "dash"
	// None is no label: writers leave speakers out, readers keep the
	// text as it is.
	None Style = "none"
	// Chevron is ">> MARK ZUCKERBERG: " at each change of speaker, and
	// ">> " where the speaker changes to someone unnamed, as broadcast
	// captions (CEA-608) mark a change of speaker; readers read it as
	// Upper, which accepts the leading ">> ".
	Chevron Style = "chevron"
)

// Styles returns the names Parse accepts.
func Styles() []string {
	return []string{"auto", "name", "upper", "bracket", "dash", "chevron", "none"}
}

// Parse returns the label style called name ("" is Auto).
func Parse(name string) (Style, error) {
	switch s := Style(strings.ToLower(strings.TrimSpace(name))); s {
	case Auto, Name, Upper, Bracket, Dash, Chevron, None:
		return s, nil
	case "":
		return Auto, nil
	}
	return "", fmt.Errorf("unknown label style %q (known: %s)", name, strings.Join(Styles(), ", "))
}

// Label returns the text put before the first line spoken by speaker, with
// its trailing space, or "" when s is None or speaker is "".
func (s Style) Label(speaker string) string {
	if speaker == "" {
		return ""
	}
	colon := labelColon(speaker)
	switch s {
	case Upper:
		return strings.ToUpper(speaker) + colon
	case Chevron:
		return ">> " + strings.ToUpper(speaker) + colon
	case Bracket:
		return "[" + speaker + "] "
	case Dash:
		return "- "
	case None:
		return ""
	}
	return speaker + colon
}

// LabelLen returns the length of the label s shows for speaker when t
// starts with it (Label(speaker) is a prefix of t), else 0, without
// building the label: readers test every line of a file with it.
func (s Style) LabelLen(t, speaker string) int {
	if speaker == "" {
		return 0
	}
	n := 0
	if s == Chevron {
		if !strings.HasPrefix(t, ">> ") {
			return 0
		}
		if m := Upper.LabelLen(t[3:], speaker); m > 0 {
			return 3 + m
		}
		return 0
	}
	switch s {
	case Bracket:
		if len(t) < len(speaker)+3 || t[0] != '[' || t[1:1+len(speaker)] != speaker || t[1+len(speaker):3+len(speaker)] != "] " {
			return 0
		}
		return len(speaker) + 3
	case Upper:
		// strings.ToUpper maps rune by rune, so the label is compared so.
		for _, r := range speaker {
			u := unicode.ToUpper(r)
			got, size := utf8.DecodeRuneInString(t[n:])
			if size == 0 || got != u {
				return 0
			}
			n += size
		}
	case Name, Auto, "":
		if !strings.HasPrefix(t, speaker) {
			return 0
		}
		n = len(speaker)
	default:
		return 0
	}
	colon := labelColon(speaker)
	if !strings.HasPrefix(t[n:], colon) {
		return 0
	}
	return n + len(colon)
}

// labelColon returns what follows speaker in a Name or Upper label: ": ",
// or a full-width colon after a name in Chinese, Japanese or Korean
// script, which those write without a space.
func labelColon(speaker string) string {
	r, _ := utf8.DecodeLastRuneInString(speaker)
	if r >= 0x1100 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
		return "："
	}
	return ": "
}

// Anonymous speakers of the dash convention.
const (
	dashSpeaker1 = "Speaker 1"
	dashSpeaker2 = "Speaker 2"
)

// isNotSpeaker reports whether w, in lower case, is a word that precedes
// a colon in ordinary text often enough that it never counts as a speaker
// name, whatever the style. A switch, not a map: nothing to build when
// the program starts.
func isNotSpeaker(w string) bool {
	switch w {
	case "note", "notes", "nb", "warning", "caution", "tip", "example", "update", "edit", "ps",
		"p.s", "source", "sources", "re", "subject", "step", "chapter", "part", "summary",
		"translation", "caption", "captions", "subtitles", "chorus", "verse", "lyrics", "music",
		"location", "date", "time", "address", "email", "phone", "tel", "http", "https", "www",
		"todo", "fixme", "important", "answer", "question", "i", "a", "so", "and", "but":
		return true
	}
	return false
}

// labelCandidate is a label found in a line: the name and the text after it.
type labelCandidate struct {
	name, rest string
}

// cutStyledLabel splits a label of style s off the front of t (which has
// no dialogue dash). It accepts only name-shaped labels, so that prose
// such as "Note: …", "at 10:30" or "[laughs]" is not taken for one.
func cutStyledLabel(t string, s Style) (labelCandidate, bool) {
	switch s {
	case Bracket:
		if !strings.HasPrefix(t, "[") {
			return labelCandidate{}, false
		}
		i := strings.IndexByte(t, ']')
		if i <= 1 {
			return labelCandidate{}, false
		}
		name, rest := strings.TrimSpace(t[1:i]), strings.TrimSpace(t[i+1:])
		// A bracket alone on its line is a sound ("[music]"), not a label;
		// a label names someone, so it is capitalised.
		if rest == "" || !isLabelName(name) || !startsUpper(name) {
			return labelCandidate{}, false
		}
		return labelCandidate{name, rest}, true
	case Name, Upper:
		t = strings.TrimPrefix(t, ">>")
		t = strings.TrimLeft(t, " \t")
		i := strings.IndexByte(t, ':')
		wide := strings.Index(t, "：") // Chinese and Japanese write a full-width colon
		if wide > 0 && (i < 0 || wide < i) {
			i = wide
		}
		if i <= 0 {
			return labelCandidate{}, false
		}
		name, rest := t[:i], t[i+1:]
		if i == wide {
			rest = t[i+len("："):] // no space needs to follow it
		} else if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
			return labelCandidate{}, false // "10:30", "http://"
		}
		rest = strings.TrimSpace(rest)
		if !isLabelName(name) {
			return labelCandidate{}, false
		}
		cased := strings.ToLower(name) != name || strings.ToUpper(name) != name
		upper := strings.ToUpper(name) == name && cased
		if s == Upper && !upper && cased {
			// A name in a script without case (王小明) fits Upper too.
			return labelCandidate{}, false
		}
		if s == Name && (upper && !strings.Contains(name, "_") || rest == "") {
			// Capitals and a label on a line of its own are Upper's;
			// SPEAKER_00 is a diarisation name.
			return labelCandidate{}, false
		}
		return labelCandidate{name, rest}, true
	}
	return labelCandidate{}, false
}

// isLabelName reports whether s reads as a speaker's name: at most five
// words and 40 characters, a name by IsNameLike, no sentence punctuation,
// and not a common non-name ("Note").
func isLabelName(s string) bool {
	if s != strings.TrimSpace(s) || utf8.RuneCountInString(s) > 40 || len(strings.Fields(s)) > 5 {
		return false
	}
	if isNotSpeaker(strings.ToLower(strings.TrimRight(s, "."))) {
		return false
	}
	// Names as people write them ("Ashlee Kupor (SL)", "Smith, Jane",
	// "Tom & Jerry", "Participant #3") are IsNameLike's to judge; these
	// never stand in a name.
	if strings.ContainsAny(s, ";!?[]{}<>/\\*=") {
		return false
	}
	return IsNameLike(s)
}

// startsUpper reports whether s starts with an upper-case letter, or a
// letter of a script without case (王, أ), where every name could.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsTitle(r) ||
		unicode.IsLetter(r) && unicode.ToUpper(r) == r && unicode.ToLower(r) == r
}

// cutDash removes a leading dialogue dash ("- " or "-", as Netflix writes
// it) from t. "-5 degrees" and "--" are not dashes.
func cutDash(t string) (string, bool) {
	if !strings.HasPrefix(t, "-") {
		return t, false
	}
	rest := t[1:]
	r, _ := utf8.DecodeRuneInString(rest)
	if rest == "" || r == '-' || unicode.IsDigit(r) {
		return t, false
	}
	return strings.TrimLeft(rest, " \t"), true
}

// isDialogueCue reports whether a cue is a dialogue: its first line and at
// least one other start with a dialogue dash, each dash starting another
// speaker's lines (lines without a dash continue the speaker before).
func isDialogueCue(lines []caption.Line) bool {
	if len(lines) < 2 {
		return false
	}
	n := 0
	for i, l := range lines {
		if _, ok := cutDash(l.Text); ok {
			n++
		} else if i == 0 {
			return false
		}
	}
	return n >= 2
}

// labelChoice is what a reader applies: a name style (or "") and whether
// dashes mark changes of speaker.
type labelChoice struct {
	style Style // Name, Upper, Bracket or ""
	dash  bool
	names map[string]bool // accepted names (nil: every name-shaped label)
}

// Apply turns the speaker labels in the text of d's cues into
// speakers, by style s: the label is removed from the text and its name
// becomes the speaker of its line and of every line after it up to the
// next label; a label alone on its line names the lines below it. With
// Auto (or ""), it first looks for a convention the cues use
// consistently (see Detect) and does nothing without one.
// None does nothing. Lines that already have a speaker are left
// alone, and so is a document whose cues have any speaker under
// Auto: it carries speakers in its format already. The cues' lines
// are rewritten in place.
func Apply(d *caption.Document, s Style) {
	if s == Chevron {
		s = Upper // which reads the leading ">> "
	}
	var c labelChoice
	switch s {
	case None:
		return
	case Auto, "":
		if hasSpeaker(d) {
			return
		}
		c = detectLabels(d.Cues)
	case Dash:
		c = labelChoice{dash: true}
	default:
		// A named style also reads the dialogue dashes Append writes.
		c = labelChoice{style: s}
	}
	if c.style == "" && !c.dash {
		return
	}
	chevrons := c.style == Upper && allChevron(d.Cues)
	if n, dashes := applyLabels(d, c); n > 0 && c.style != "" {
		d.SpeakersShown = string(c.style)
		if chevrons {
			d.SpeakersShown = string(Chevron)
			cutChevrons(d.Cues)
		}
	} else if dashes > 0 {
		d.SpeakersShown = string(Dash)
	}
}

// allChevron reports whether every upper-case label in cues follows a
// ">>", as broadcast captions mark a change of speaker, and there is one.
func allChevron(cues []caption.Cue) bool {
	n := 0
	for _, c := range cues {
		for _, l := range c.Lines {
			t, _ := cutDash(l.Text)
			if _, ok := cutStyledLabel(t, Upper); !ok {
				continue
			}
			if !strings.HasPrefix(t, ">>") {
				return false
			}
			n++
		}
	}
	return n > 0
}

// cutChevrons turns the ">>" left at the start of a line, a change of
// speaker to someone the file does not name, into a dialogue dash.
func cutChevrons(cues []caption.Cue) {
	for i := range cues {
		for j := range cues[i].Lines {
			l := &cues[i].Lines[j]
			if rest, ok := strings.CutPrefix(l.Text, ">>"); ok && strings.TrimSpace(rest) != "" {
				*l = l.CutPrefix(len(l.Text) - len(strings.TrimLeft(rest, " ")))
				l.Dash = true
			}
		}
	}
}

// CutShown takes out of d's text the labels and dashes that show a
// speaker the format carries already: a TTML <p ttm:agent="…">Ann: Hi</p>,
// as capconv writes it for viewers, reads as Ann saying "Hi", and the
// style the labels used becomes d.SpeakersShown. A label counts only when
// it names its own line's speaker exactly as a style writes it, and a
// dash only in a dialogue cue or before another speaker's line. It is for
// formats whose speakers are markup and whose writers show labels beside
// it (TTML); the WebVTT and ASS readers do the same with their own
// escapes, which keep text that only looks like a label, so running it
// after them would undo those.
func CutShown(d *caption.Document) {
	var counts [len(nameStyles) + 1]int // per name style, then dashes
	prev := ""                          // the speaker of the line before
	for i := range d.Cues {
		lines := d.Cues[i].Lines
		dialogue := isDialogueCue(lines)
		for j := range lines {
			l := &lines[j]
			speakerBefore := prev
			prev = l.Speaker
			if l.Speaker == "" {
				continue
			}
			t, dashed := l.Text, false
			if dialogue || speakerBefore != l.Speaker {
				t, dashed = cutDash(t)
			}
			for k, s := range nameStyles {
				if n := s.LabelLen(t, l.Speaker); n > 0 && strings.TrimSpace(t[n:]) != "" {
					t = t[n:]
					counts[k]++
					break
				}
			}
			if dashed {
				counts[len(nameStyles)]++
			}
			if len(t) != len(l.Text) {
				dash := l.Dash || dashed
				*l = l.CutPrefix(len(l.Text) - len(t))
				l.Dash = dash
			}
		}
	}
	best := -1
	for k := range nameStyles {
		if counts[k] > 0 && (best < 0 || counts[k] > counts[best]) {
			best = k
		}
	}
	if best >= 0 {
		// Dashes are the lines' own (Line.Dash), which every style shows.
		d.SpeakersShown = string(nameStyles[best])
	}
}

// hasSpeaker reports whether any segment or cue line of d has a speaker.
func hasSpeaker(d *caption.Document) bool {
	for _, s := range d.Segments {
		if s.Speaker != "" {
			return true
		}
	}
	for _, c := range d.Cues {
		for _, l := range c.Lines {
			if l.Speaker != "" {
				return true
			}
		}
	}
	return false
}

// Detect returns the label convention that d's cues use
// consistently (Upper, Name, Bracket or Dash), or
// None. A name style counts only when at least three labels use it,
// a small set of names covers most of them (a name said once is rarely a
// speaker), and, for Name, only names said twice or more are taken;
// dashes count when at least three lines start with one.
func Detect(d *caption.Document) Style {
	c := detectLabels(d.Cues)
	switch {
	case c.style != "":
		return c.style
	case c.dash:
		return Dash
	}
	return None
}

// nameStyles are the label styles that carry a name, in the order
// detectLabels prefers them when they tie.
var nameStyles = [...]Style{Upper, Name, Bracket}

// detectLabels implements Detect, also returning the accepted names.
// It reads the cues once, trying every style on each line that could
// hold a label at all: caption files without labels cost one byte test and
// one search for a colon per line, and no allocation.
func detectLabels(cues []caption.Cue) labelChoice {
	var counts [len(nameStyles)]map[string]int // per style, labels per name
	var totals [len(nameStyles)]int
	var opened [len(nameStyles)]int             // cues whose first line has a label
	var openers [len(nameStyles)]map[string]int // per style, labels per name that open a cue or a dash
	dashes := 0
	for _, c := range cues {
		dialogue := isDialogueCue(c.Lines)
		for j, l := range c.Lines {
			t, dashed := cutDash(l.Text)
			if dashed {
				dashes++
			} else if dialogue {
				continue
			}
			if !mayHoldLabel(t) {
				continue
			}
			for k, s := range nameStyles {
				if lc, ok := cutStyledLabel(t, s); ok {
					if counts[k] == nil {
						counts[k] = map[string]int{}
					}
					counts[k][lc.name]++
					totals[k]++
					if j == 0 {
						opened[k]++
					}
					if j == 0 || dashed {
						if openers[k] == nil {
							openers[k] = map[string]int{}
						}
						openers[k][lc.name]++
					}
				}
			}
		}
	}
	var best labelChoice
	bestCount := 0
	for k, s := range nameStyles {
		total := totals[k]
		// Nearly every cue opens with a label, as in a file capconv or a
		// meeting tool wrote: every name is a speaker's, even said once
		// and in a file of two cues.
		everyCue := total >= 1 && 3*opened[k] >= 2*len(cues)
		if total < 3 && !everyCue || onlyLetter(counts[k]) {
			continue
		}
		repeated, names := 0, map[string]bool{}
		for _, m := range counts[k] {
			if m >= 2 {
				repeated += m
			}
		}
		// Consistent: three labels or more, most of them by names said
		// again, and far fewer names than labels.
		ok := everyCue || 2*repeated >= total && 2*len(counts[k]) <= total+1
		// "[Alba]" and "SARA:" opening every line they are on are labels
		// even when each name is said once (an excerpt, a short scene):
		// prose puts neither a capitalised name in brackets nor one in
		// capitals with a colon there.
		ok = ok || s != Name && total >= 2 && sum(openers[k]) == total
		for n, m := range counts[k] {
			// In a consistent file, a name said once is a speaker's when
			// its label opens a cue or a dialogue line, as capconv and
			// the meeting tools write labels (at a change of speaker).
			if m >= 2 || s != Name || everyCue || ok && openers[k][n] > 0 {
				names[n] = true
			}
		}
		if weight := max(repeated, opened[k]); ok && weight > bestCount {
			best, bestCount = labelChoice{style: s, names: names}, weight
		}
	}
	best.dash = dashes >= 3
	return best
}

// sum returns the sum of counts' values.
func sum(counts map[string]int) int {
	n := 0
	for _, c := range counts {
		n += c
	}
	return n
}

// onlyLetter reports whether names is one name of one letter: "V: Bottom"
// on every cue is a legend, not a speaker, whereas "Q:" and "A:" together
// may be an interview.
func onlyLetter(names map[string]int) bool {
	if len(names) != 1 {
		return false
	}
	for n := range names {
		return utf8.RuneCountInString(n) == 1
	}
	return false
}

// mayHoldLabel reports whether t, without its dialogue dash, could start
// with a label of some style: a bracket first, or a colon somewhere. It
// is the cheap test that lets most caption lines skip cutStyledLabel.
func mayHoldLabel(t string) bool {
	return t != "" && (t[0] == '[' || strings.IndexByte(t, ':') >= 0 || strings.Contains(t, "："))
}

// turn is a run of lines read as one speaker's: started by a label, a
// dialogue dash, or the start of the document.
type turn struct {
	name   string // the label's name, "" when the turn has no label
	dashed bool   // a dialogue dash started it
	cue    int    // the index of the cue it starts in
}

// applyLabels sets speakers from labels by choice c. It first cuts the
// text into turns, then names the turns without a label: with dashes only,
// they alternate between two anonymous speakers; with labels naming
// exactly two people (an interview labelled only now and then, as in the
// Lex Fridman captions), a dash switches to the other one; otherwise a
// dash without a label is an unknown speaker. Lines before the first
// label or dash have no speaker.
//
// Each cue's lines are rewritten in place (a label's own line is dropped,
// so a cue only shrinks); the turn of every kept line is kept in one
// array for the whole document, so the work allocates twice, not per cue.
func applyLabels(d *caption.Document, c labelChoice) (labelsCut, dashesCut int) {
	n := 0
	for _, cue := range d.Cues {
		n += len(cue.Lines)
	}
	turns := make([]turn, 1, 64)
	lineTurns := make([]int32, 0, n) // the turn of each kept line, cue after cue; -1: speaker kept
	for i := range d.Cues {
		cue := &d.Cues[i]
		dialogue := isDialogueCue(cue.Lines)
		kept := 0
		for _, l := range cue.Lines {
			if l.Speaker != "" {
				cue.Lines[kept] = l
				kept++
				lineTurns = append(lineTurns, -1)
				continue
			}
			t, dashed := l.Text, false
			if dialogue || c.dash {
				t, dashed = cutDash(t)
			}
			if dashed {
				dashesCut++
			}
			if lc, ok := cutStyledLabel(t, c.style); ok && (c.names == nil || c.names[lc.name]) {
				labelsCut++
				turns = append(turns, turn{name: lc.name, dashed: dashed, cue: i})
				if lc.rest == "" {
					continue // the label's own line names the lines below it
				}
				t = lc.rest
			} else if dashed {
				turns = append(turns, turn{dashed: true, cue: i})
			}
			nl := l.CutPrefix(len(l.Text) - len(t))
			nl.Dash = nl.Dash || dashed
			cue.Lines[kept] = nl
			kept++
			lineTurns = append(lineTurns, int32(len(turns)-1))
		}
		cue.Lines = cue.Lines[:kept:kept]
	}
	nameTurns(turns, c.style == "")
	k := 0
	for i := range d.Cues {
		lines := d.Cues[i].Lines
		for j := range lines {
			if t := lineTurns[k]; t >= 0 {
				lines[j].Speaker = turns[t].name
			}
			k++
		}
	}
	return labelsCut, dashesCut
}

// nameTurns names the dashed turns that have no label (see applyLabels).
func nameTurns(turns []turn, dashOnly bool) {
	if dashOnly {
		cur := ""
		for i := range turns {
			if turns[i].dashed {
				cur = nextDashSpeaker(cur)
				turns[i].name = cur
			}
		}
		return
	}
	var pair []string
	for _, t := range turns {
		if t.name != "" && !slices.Contains(pair, t.name) {
			pair = append(pair, t.name)
		}
	}
	if len(pair) != 2 {
		return
	}
	other := func(n string) string {
		if n == pair[0] {
			return pair[1]
		}
		return pair[0]
	}
	first := -1
	for i := range turns {
		switch {
		case turns[i].name != "":
			if first < 0 {
				first = i
			}
		case turns[i].dashed && i+1 < len(turns) && turns[i+1].name != "" && turns[i+1].dashed && turns[i+1].cue == turns[i].cue:
			// "- Are you ready?" / "- SARAH: Always.": the dash before
			// Sarah's answer says the question is the other person's.
			turns[i].name = other(turns[i+1].name)
		case turns[i].dashed && first >= 0:
			turns[i].name = other(turns[i-1].name)
		}
	}
	// Dashes before the first label alternate back from it.
	for i := first - 1; i >= 0 && first > 0; i-- {
		if !turns[i].dashed {
			break
		}
		turns[i].name = other(turns[i+1].name)
	}
}

// nextDashSpeaker returns the anonymous speaker after cur.
func nextDashSpeaker(cur string) string {
	if cur == dashSpeaker1 {
		return dashSpeaker2
	}
	return dashSpeaker1
}

// Shower shows speakers in text the way a style does, cue after cue: a
// label before the first line of a cue whose speaker differs from the
// one before, and in a dialogue cue (two speakers or more, or a line the
// source opened with a dialogue dash) a dash before each speaker's first
// line, with the label when the style names people. A dash is always
// followed by a space, so that "- 800 workers" never reads as minus 800.
// Writers of every format use it, so that all of them show speakers
// alike. The zero Shower shows nothing but dialogue dashes.
type Shower struct {
	style  Style
	prev   string
	labels map[string]string // speaker → label, built once each
}

// NewShower returns a Shower in style s (Auto is Name).
func NewShower(s Style) *Shower {
	if s == Auto || s == "" {
		s = Name
	}
	return &Shower{style: s}
}

// Style returns the style s shows speakers in.
func (s *Shower) Style() Style { return s.style }

// Prefixes returns, appended to dst[:0], what each line of a cue shows
// before its text: "", "- ", "Ann: ", "- Ann: ", "[Ann] ". Blank lines,
// which cannot be written, get "" and do not count as spoken.
func (s *Shower) Prefixes(dst []string, lines []caption.Line) []string {
	dst = dst[:0]
	dialogue := isDialogueLines(lines)
	labelled := false
	for _, l := range lines {
		if isBlank(l.Text) {
			dst = append(dst, "")
			continue
		}
		p := ""
		switch {
		case s.style == Chevron && (l.Dash || dialogue && (!labelled || l.Speaker != s.prev)):
			p = ">> " // a change of speaker, named or not
			if l.Speaker != "" {
				p = s.label("", l.Speaker)
			}
		case l.Dash || dialogue && s.style != None && (!labelled || l.Speaker != s.prev):
			p = "- "
			if s.style != Dash && s.style != None {
				p = s.label("- ", l.Speaker)
			}
		case !labelled && l.Speaker != s.prev && s.style != None:
			p = s.label("", l.Speaker)
		}
		dst = append(dst, p)
		labelled = true
		s.prev = l.Speaker
	}
	return dst
}

// label returns dash and the label of speaker, built once per speaker.
func (s *Shower) label(dash, speaker string) string {
	if speaker == "" {
		return dash
	}
	key := dash + speaker
	if l, ok := s.labels[key]; ok {
		return l
	}
	if s.labels == nil {
		s.labels = map[string]string{}
	}
	l := dash + s.style.Label(speaker)
	s.labels[key] = l
	return l
}

// isDialogueLines reports whether the written lines of a cue have two
// or more speakers (counting "" as one).
func isDialogueLines(lines []caption.Line) bool {
	first, seen := "", false
	for _, l := range lines {
		if isBlank(l.Text) {
			continue
		}
		if !seen {
			first, seen = l.Speaker, true
		} else if l.Speaker != first {
			return true
		}
	}
	return false
}

func isBlank(s string) bool { return strings.TrimSpace(s) == "" }
