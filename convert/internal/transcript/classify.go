package transcript

import (
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/labels"
	"github.com/capconv/capconv/convert/internal/text"
)

// Which lines with a turn line's shape are turn lines is decided from the
// whole file, as a reader would decide it:
//
//   - The time must be written like the file's other turn times: its
//     fields two digits wide after the first ("Arsenal 2:1" is a score),
//     and as many fields as the others ("John 3:16" is a verse in a file
//     of 0:00:01 times; a file of 5:03 times may grow to 1:02:03).
//   - In layouts prose can imitate (weakSpeakers), a name the file repeats
//     at another time is a speaker, whatever its script or case; a name
//     said once must read as a name (labels.IsNameLike: "Dr. Jane Smith",
//     "李明"), or be a few plain words alone on a line after a blank one
//     with text below ("bell hooks"), and its time must fit between its
//     neighbours' ("Meet Me At 10:30" in a file at 0:45 is prose).
//   - Where the time starts the line (optionalSpeakers) or stands alone
//     (two-line layouts), the turn is certain and only the name is in
//     question: names count when most turn lines carry one.
//
// Times out of order are repaired when they are few: a step back of up to
// maxStepBack is read as the previous time, and a turn whose time does
// not fit the longest ordered run of the file's turns starts with the turn
// before it; both are announced. A file whose times restart (two
// transcripts joined, or times that count down) fails: no repair would
// say where its turns are.

// maxStepBack is the step back in time repaired without question: tools
// that print tenths unpadded write 0:12:15.9 and then 0:12:15.10.
const maxStepBack = time.Second

// nameVerdict is what classify decided about a name.
type nameVerdict struct {
	repeated bool // the file repeats it, and it may be a name
	nameLike bool // it reads as a name (labels.IsNameLike)
}

// candidate is a line with a turn line's shape.
type candidate struct {
	line     int      // index into the lines
	t        turnLine // in two-line layouts, its speaker is the name line
	nameLine int      // index of the name line in two-line layouts, else -1
	start    time.Duration
	end      time.Duration
	parsed   bool // the time parses
	widthOK  bool // the time's fields are as wide as times are written
	hasText  bool // text follows, on the line or the lines below
	// textOfPrev: nothing follows, and the line is right under a turn line
	// without text, whose text it then is.
	textOfPrev bool
	fields     int // 2 for m:ss, 3 for h:mm:ss
	col        int // column of the time in the line, for messages
}

// turn is a turn line classify accepted.
type turn struct {
	line     int // index into the lines
	nameLine int // index of a name line read with it, else -1
	start    time.Duration
	end      time.Duration
	speaker  string
	text     string // text on the turn line
	clockAt  int    // byte offset of the time in the trimmed line
}

// classification is what classify found.
type classification struct {
	turns    []turn
	speakers int // turns with a speaker
	strong   int // turns certain from the layout or a repeated name, times read
	// rejected is the first line (1-based) shaped like a turn line whose
	// name does not read as one, or 0, for the unknown-dialect message.
	rejected int
}

// classify decides which of p's lines from from are d's turn lines, looking at
// no more than limit non-blank lines (0: all). Repairs are announced
// through o.Warn; with silent set, nothing is announced and no error is
// returned, for detection.
func classify(d *dialect, p *page, from, limit int, o text.Source, silent bool) (classification, error) {
	var cl classification
	warn := func(line int, format string, args ...any) {
		if !silent {
			o.Warnf(line, format, args...)
		}
	}
	cands := collectCandidates(d, p, from, limit)
	if len(cands) == 0 {
		return cl, nil
	}
	// A name repeats when it comes back at another time: a prose line
	// said twice ("John 3:16") is not a speaker.
	// A turn split into paragraphs stamped with the same second is a
	// repeat too, when the two are neighbouring speaker lines of their own
	// ("until 12:00:00 …" twice in a row is prose).
	counts := make(map[string]int)
	// A name's last sighting, and whether it reads as a name (judged once).
	type sighting struct {
		clock             string
		at                int
		nameLike, mayName bool
	}
	last := make(map[string]sighting)
	named := -1 // the last candidate before i whose speaker may be a name
	for i := range cands {
		c := &cands[i]
		if c.t.speaker == "" {
			continue
		}
		l, ok := last[c.t.speaker]
		if !ok {
			l.nameLike = labels.IsNameLike(c.t.speaker)
			l.mayName = l.nameLike || looseName(c.t.speaker)
		}
		// Neighbours: no line that may name a speaker between them; a
		// prose line that merely ends in a time ("… we meet at 10:30")
		// does not part a turn's paragraphs.
		if !ok || l.clock != c.t.clock || l.at >= named && c.t.text == "" && c.widthOK {
			counts[c.t.speaker]++
		}
		l.clock, l.at = c.t.clock, i
		last[c.t.speaker] = l
		if l.mayName {
			named = i
		}
	}
	repeats := false
	for _, n := range counts {
		if n >= 2 {
			repeats = true
			break
		}
	}
	// Names repeat: judge each once.
	verdicts := make(map[string]nameVerdict, len(counts))
	for name, n := range counts {
		verdicts[name] = nameVerdict{repeated: n >= 2 && plausibleName(name), nameLike: last[name].nameLike}
	}
	// The lines most likely to be turn lines decide how times are
	// written: those whose names repeat, then those that read as names.
	keeps := []func(*candidate) bool{func(*candidate) bool { return true }}
	if d.speakers == weakSpeakers {
		keeps = []func(*candidate) bool{
			func(c *candidate) bool { return verdicts[c.t.speaker].repeated },
			func(c *candidate) bool { return verdicts[c.t.speaker].nameLike },
			keeps[0],
		}
	}
	markText(d, p, cands, verdicts, dominantFields(cands, keeps...))
	withText := make([]func(*candidate) bool, len(keeps))
	for k, keep := range keeps {
		withText[k] = func(c *candidate) bool { return c.hasText && keep(c) }
	}
	fields := dominantFields(cands, withText...)
	certain := d.speakers != weakSpeakers || d.nameLine != 0
	// Where only the name is in question, names count when most turn
	// lines carry one: "[00:05] Ann: hi" files name every turn, and
	// "[00:05] text" files with an "Important: …" or two do not.
	shaped, named := 0, 0
	for i := range cands {
		if c := &cands[i]; c.widthOK && fitsFields(c, fields) {
			shaped++
			if v := verdicts[c.t.speaker]; v.repeated || v.nameLike {
				named++
			}
		}
	}
	mostNamed := named*2 >= shaped
	blankFirst := blankBeforeTurns(p, from, cands, verdicts)
	sep, haveSep := commonSeparator(cands, verdicts)
	shape := fileShape{sep, haveSep, blankFirst, fields, func(c *candidate) bool {
		v := verdicts[c.t.speaker]
		return (v.repeated || v.nameLike) && c.widthOK && fitsFields(c, fields)
	}}
	var strong, weak []int // indexes into cands
	loose := make(map[int]bool)
	for i := range cands {
		c := &cands[i]
		if !c.widthOK || !fitsFields(c, fields) {
			// A time written unlike the others is prose ("Arsenal 2:1"),
			// unless the layout or a repeated name says it is a turn
			// line, whose time is then reported as unreadable.
			if d.speakers == markedSpeakers || d.speakers == weakSpeakers && d.nameLine == 0 && verdicts[c.t.speaker].repeated {
				if !c.widthOK {
					c.parsed = false
				}
				strong = append(strong, i)
			}
			continue
		}
		switch {
		case certain:
			strong = append(strong, i)
		case verdicts[c.t.speaker].repeated:
			strong = append(strong, i)
		case c.textOfPrev:
			// The text of the turn line above it.
		case verdicts[c.t.speaker].nameLike:
			// Said once, it must be set off from its time as the file's
			// turn lines are: "John 3:16" is no turn among Otter's
			// "Elena  1:20" lines.
			if !haveSep || c.t.sep == sep {
				weak = append(weak, i)
			} else if repeats {
				warn(c.line+1, "%q looks like a speaker line, but its name is set off from its time unlike the others (%q): kept as text", shorten(p.line[c.line], 60), sep)
			}
		case plainNameFits(d, p, from, cands, i, shape):
			loose[i] = true
			weak = append(weak, i)
		default:
			if cl.rejected == 0 {
				cl.rejected = c.line + 1
			}
		}
	}
	starts, err := orderStrong(cands, strong, o, silent, warn)
	if err != nil {
		return cl, err
	}
	accepted := make([]bool, len(cands))
	for _, i := range strong {
		accepted[i] = true
		// A "00:05 - Title" line is as likely a chapter as a turn.
		if cands[i].parsed && !p.chapter[cands[i].line] {
			cl.strong++
		}
	}
	// A name said once is a turn when its time fits between the turns
	// around it: first the lines with text whose names read as names, in
	// order among themselves too (with no repeated name to anchor them,
	// "Meet Me At 10:30" between turns at 0:20 is prose), then those whose
	// names have no capitals, then the lines without text, each between
	// the turns found before.
	anchors := slices.Clone(strong)
	for pass := range 3 {
		pauses := pass == 2
		var fitted []int
		for _, i := range weak {
			c := &cands[i]
			if c.hasText == pauses || !pauses && loose[i] != (pass == 1) {
				continue
			}
			lo, hi := neighbourStarts(anchors, starts, i)
			switch {
			case !c.parsed:
				if verdicts[c.t.speaker].nameLike {
					warn(c.line+1, "%q looks like a speaker line, but %q is not a time: kept as text", shorten(p.line[c.line], 60), c.t.clock)
				}
			case pauses && (!blankBefore(p, from, c.line) && !(i > 0 && shape.turnLike(&cands[i-1]) && nextLine(p, cands[i-1].line) == c.line) ||
				hi == unbounded && lo >= 0 && c.start-lo > maxLooseJump):
				// A name and a time with nothing after them is a pause only
				// placed like a turn line: after a blank line or right under
				// another turn line. Ending a paragraph it is text ("… Meet
				// Me At 10:30"), and so it is far after the last turn. At
				// the end of the file it is the last speaker line, whose
				// text is missing (a name and a time read as the text of
				// the turn before would put them on screen).
			case c.start+maxStepBack < lo || c.start > hi+maxStepBack || loose[i] && hi == unbounded && lo >= 0 && c.start-lo > maxLooseJump:
				if repeats && verdicts[c.t.speaker].nameLike {
					warn(c.line+1, "%q looks like a speaker line, but its time is out of order with the turns around it: kept as text", shorten(p.line[c.line], 60))
				}
			default:
				fitted = append(fitted, i)
				starts[i] = max(c.start, lo)
			}
		}
		fittedStarts := make([]time.Duration, len(fitted))
		for k, i := range fitted {
			fittedStarts[k] = starts[i]
		}
		for k, in := range longestOrderedRun(fittedStarts) {
			i := fitted[k]
			if !in {
				if repeats && verdicts[cands[i].t.speaker].nameLike {
					warn(cands[i].line+1, "%q looks like a speaker line, but its time is out of order with the turns around it: kept as text", shorten(p.line[cands[i].line], 60))
				}
				continue
			}
			accepted[i] = true
			if c := &cands[i]; c.start < starts[i] {
				warn(c.line+1, "%s is earlier than the turn before it: read as %s", text.FormatClock(c.start), text.FormatClock(starts[i]))
			}
			anchors = append(anchors, i)
		}
		slices.Sort(anchors)
	}
	cl.turns = make([]turn, 0, len(anchors))
	for i := range cands {
		if !accepted[i] {
			continue
		}
		c := &cands[i]
		tn := turn{line: c.line, nameLine: -1, start: starts[i], clockAt: c.t.clockAt, text: c.t.text}
		switch {
		case c.end >= c.start:
			tn.end = c.end
		case c.t.end != "" && c.parsed:
			warn(c.line+1, "the range ends at %s, before it starts: end ignored", c.t.end)
		}
		if n := len(cl.turns); n > 0 && tn.start < cl.turns[n-1].start {
			// A step back from a name said once, fitted above.
			warn(c.line+1, "%s is earlier than %s on line %d: read as %s", c.t.clock, text.FormatClock(cl.turns[n-1].start), cl.turns[n-1].line+1, text.FormatClock(cl.turns[n-1].start))
			tn.start = cl.turns[n-1].start
		}
		switch {
		case !certain || d.speakers == markedSpeakers:
			tn.speaker = c.t.speaker
		case mostNamed && (verdicts[c.t.speaker].repeated || verdicts[c.t.speaker].nameLike || looseName(c.t.speaker)) && (d.nameLine == 0 || c.hasText):
			// A name line is followed by the turn's text: "0:19" then
			// "Zeit" alone is a time and its text.
			tn.speaker = c.t.speaker
			tn.nameLine = c.nameLine
		case d.nameLine == 0 && c.t.speakerAt >= 0:
			// "Note: this" after a time: the label stays text.
			tn.text = p.line[c.line][c.t.speakerAt:]
		}
		if tn.speaker != "" {
			cl.speakers++
		}
		cl.turns = append(cl.turns, tn)
	}
	if d.nameLine != 0 && cl.speakers*2 <= len(cl.turns) {
		// Times alone on their lines with names beside half of them or
		// fewer: the layout is one without names, and the word above or
		// below a time is text ("0:15", "Hauptbahnhof", "0:33", …).
		return classification{rejected: cl.rejected}, nil
	}
	if n := len(cl.turns); n >= 3 && cl.turns[0].start == cl.turns[n-1].start {
		warn(cl.turns[0].line+1, "all %d turns start at %s: the times look lost in export", n, text.FormatClock(cl.turns[0].start))
	}
	return cl, nil
}

// fileShape is how a file's turn lines look, for judging a line whose
// name alone does not say it is one.
type fileShape struct {
	sep        string // what stands between name and time
	haveSep    bool   // whether sep was seen at all
	blankFirst bool   // turn lines follow blank lines
	fields     int    // fields of the turn times (see dominantFields)
	// turnLike reports whether a candidate may be a turn line: its name
	// repeats or reads as a name, and its time is written like the others.
	turnLike func(*candidate) bool
}

// plainNameFits reports whether candidate i, whose name reads as a name
// only without capitals ("bell hooks 0:00:05"), is placed like the file's
// turn lines, with text:
//   - alone on its line, after a blank line when turn lines are; or in a
//     layout that sets names apart (plainNames); or with text after a
//     full h:mm:ss time in a file of such times, where prose says
//     "around 9:45";
//   - never right under a turn line without text, whose text it then is;
//   - with what stands between name and time as in the other turn lines
//     (two spaces in Otter files), or, with no other turn lines, more
//     than a space ("anna meyer [00:13]"): "We met at 10:30" alone in
//     prose is no turn.
func plainNameFits(d *dialect, p *page, from int, cands []candidate, i int, f fileShape) bool {
	c := &cands[i]
	if !c.hasText || !looseName(c.t.speaker) {
		return false
	}
	if prev := &cands[max(i-1, 0)]; i > 0 && f.turnLike(prev) && prev.t.text == "" && nextLine(p, max(prev.line, prev.nameLine)) == c.line {
		return false
	}
	if f.haveSep && c.t.sep != f.sep || !f.haveSep && strings.TrimSpace(c.t.sep) == "" {
		return false
	}
	switch {
	case d.plainNames || strings.TrimSpace(c.t.sep) != "":
		return true // "isabel gómez | 00:25": the layout sets the name apart
	case c.t.text == "":
		return !f.blankFirst || blankBefore(p, from, c.line)
	}
	// An inline time of three fields is no prose time ("at 10:30"), unless
	// the file writes two ("12:04"), which past an hour it cannot.
	return c.fields == 3 && (f.fields != 2 || c.parsed && c.start >= time.Hour)
}

// unbounded is the upper bound of a turn with no anchor after it.
const unbounded = time.Duration(1 << 62)

// maxLooseJump bounds how far after the last anchored turn a name
// without capitals said once may start: "that until 12:00:00" at the
// end of an hour-long file is prose.
const maxLooseJump = 30 * time.Minute

// commonSeparator returns what most often stands between the name and
// the time in the lines whose names repeat or read as names, and whether
// there are any.
func commonSeparator(cands []candidate, verdicts map[string]nameVerdict) (string, bool) {
	n := make(map[string]int)
	best := ""
	for i := range cands {
		c := &cands[i]
		if v := verdicts[c.t.speaker]; v.repeated || v.nameLike {
			n[c.t.sep]++
			if n[c.t.sep] > n[best] {
				best = c.t.sep
			}
		}
	}
	return best, len(n) > 0
}

// neighbourStarts returns the starts of the anchors (candidate indexes,
// sorted) just before and after candidate i, or the widest bounds.
func neighbourStarts(anchors []int, starts []time.Duration, i int) (lo, hi time.Duration) {
	lo, hi = -1, unbounded
	k := sort.SearchInts(anchors, i)
	if k > 0 {
		lo = starts[anchors[k-1]]
	}
	if k < len(anchors) {
		hi = starts[anchors[k]]
	}
	return lo, hi
}

// collectCandidates returns the lines of p from from with one of d's
// turn line shapes, looking at no more than limit non-blank lines.
func collectCandidates(d *dialect, p *page, from, limit int) []candidate {
	var cands []candidate
	seen := 0
	for i := from; i < len(p.line); i++ {
		line := p.line[i]
		if line == "" {
			continue
		}
		if seen++; limit > 0 && seen > limit {
			break
		}
		if d.chapters && p.chapter[i] {
			continue
		}
		t, ok := d.match(line)
		if !ok {
			continue
		}
		c := candidate{line: i, t: t, nameLine: -1, col: text.Col(p.raw[i], line, t.clockAt)}
		if d.nameLine != 0 {
			c.t.speaker, c.nameLine = "", -1
			if j := i + d.nameLine; j >= from && j < len(p.line) {
				if nl := p.line[j]; nl != "" && !d.may(nl) && !p.chapter[j] {
					c.t.speaker, c.nameLine = collapseSpace(nl), j
				}
			}
		}
		clock, end := t.clock, t.end
		if d.unpadded {
			clock, end = padClock(clock), padClock(end)
		}
		c.fields, c.widthOK = clockFields(clock)
		if v, err := text.ParseClock(clock); err == nil {
			c.start, c.parsed = v, true
		}
		if end != "" {
			if v, err := text.ParseClock(end); err == nil {
				c.end = v
			}
		}
		c.hasText = t.text != ""
		cands = append(cands, c)
	}
	return cands
}

// page holds a transcript's lines as read and trimmed, with the lines
// export tools add (footers) blank: every dialect looks at each line, and
// detection tries them all, so each line is trimmed and checked once.
type page struct {
	raw     []string // as read, for columns and messages
	line    []string // trimmed; "" for blank lines and footers
	chapter []bool   // the line has a chapter line's shape ("00:00 - Title")
}

// newPage prepares lines for classify.
func newPage(lines []string) *page {
	p := &page{raw: lines, line: make([]string, len(lines)), chapter: make([]bool, len(lines))}
	for i, l := range lines {
		if l = strings.TrimSpace(l); !isExportFooter(l) {
			p.line[i] = l
			p.chapter[i] = isChapterLine(l)
		}
	}
	return p
}

// markText sets hasText on the candidates followed by text: the next line
// that is not blank is neither the end nor another line that may be a
// turn line (one whose name reads as a name or repeats; a paragraph that
// happens to end in a time does not count).
func markText(d *dialect, p *page, cands []candidate, verdicts map[string]nameVerdict, fields int) {
	for k := range cands {
		c := &cands[k]
		if c.hasText {
			continue
		}
		j := nextLine(p, max(c.line, c.nameLine))
		if j == len(p.line) {
			continue
		}
		if k+1 < len(cands) && (cands[k+1].line == j || cands[k+1].nameLine == j) {
			next := &cands[k+1]
			if v := verdicts[next.t.speaker]; (v.repeated || v.nameLike || d.speakers != weakSpeakers) && next.widthOK && fitsFields(next, fields) {
				continue
			}
		}
		c.hasText = true
	}
	// A line with nothing below it, right under a turn line that has no
	// text, is that turn's text: "Bob  0:09" then "John 3:16" at the end.
	// Only a line that may be a turn line counts as one here, and only in
	// a file whose turn lines mostly carry text: where most have none,
	// the lines are speaker lines whose text is missing, and reading one
	// as the text of another would put a name and a time on screen.
	turnLike := func(c *candidate) bool {
		v := verdicts[c.t.speaker]
		return (v.repeated || v.nameLike || d.speakers != weakSpeakers) && c.widthOK && fitsFields(c, fields)
	}
	withText, without := 0, 0
	for k := range cands {
		if c := &cands[k]; turnLike(c) {
			if c.hasText {
				withText++
			} else {
				without++
			}
		}
	}
	for k := 1; k < len(cands); k++ {
		c, prev := &cands[k], &cands[k-1]
		if c.hasText || c.t.text != "" || prev.hasText || prev.nameLine >= 0 || c.nameLine >= 0 {
			continue
		}
		// Besides these two, which have none.
		if withText <= without-2 {
			continue
		}
		if turnLike(prev) && nextLine(p, prev.line) == c.line {
			c.textOfPrev, prev.hasText = true, true
		}
	}
}

// nextLine returns the index of the first line after i that is not
// blank (footers are), or len(p.line).
func nextLine(p *page, i int) int {
	j := i + 1
	for j < len(p.line) && p.line[j] == "" {
		j++
	}
	return j
}

// isChapterLine reports whether line is a "00:00:00 - Title" chapter line.
func isChapterLine(line string) bool {
	return startsWithDigit(line) && chapterLine().MatchString(line)
}

// clockFields returns how many colon-separated fields a time has, and
// whether they are as wide as times are written: the first up to three
// digits, the others two.
func clockFields(clock string) (fields int, widthOK bool) {
	fields, width, widthOK := 1, 0, true
	for i := 0; i < len(clock) && clock[i] != '.' && clock[i] != ','; i++ {
		if clock[i] != ':' {
			width++
			continue
		}
		if width == 0 || width > 3 || fields > 1 && width != 2 {
			widthOK = false
		}
		fields, width = fields+1, 0
	}
	if width == 0 || width > 3 || fields > 1 && width != 2 {
		widthOK = false
	}
	return fields, widthOK
}

// dominantFields returns how many fields the file's turn times have (2 or
// 3), or 0 when they disagree evenly: judged by the candidates the first
// of keeps accepts that has any, so that the lines most likely to be turn
// lines decide. A time of an hour or more says nothing: m:ss files (Otter,
// Whisper) grow to h:mm:ss after an hour.
func dominantFields(cands []candidate, keeps ...func(*candidate) bool) int {
	for _, keep := range keeps {
		var n [4]int
		for i := range cands {
			c := &cands[i]
			if c.widthOK && c.fields <= 3 && !(c.parsed && c.start >= time.Hour) && keep(c) {
				n[c.fields]++
			}
		}
		switch {
		case n[2] > n[3]:
			return 2
		case n[3] > n[2]:
			return 3
		case n[2] > 0:
			return 0
		}
	}
	return 0
}

// fitsFields reports whether c's time is written like the file's turn
// times, which have fields fields (0: any).
func fitsFields(c *candidate, fields int) bool {
	switch {
	case fields == 0 || c.fields == fields:
		return true
	case fields == 2 && c.fields == 3:
		return c.parsed && c.start >= time.Hour
	}
	return false
}

// looseName reports whether s, which does not read as a name by its
// capitals, may still be one said once on a line shaped like the file's
// turn lines: a few words without capitals, digits or punctuation but
// the dots of initials, in one cased script ("bell hooks", "anna meyer",
// "e.e. cummings", "will.i.am", "юрій олійник"). Names in scripts without case read
// as names already; words mixing scripts ("ありがとう coração") are prose.
func looseName(s string) bool {
	if !plausibleName(s) || strings.Count(s, " ") >= 4 || strings.ContainsAny(s, ",;:?!\"“”()[]") || !dotsOfInitials(s) {
		return false
	}
	var script *unicode.RangeTable
	for _, r := range s {
		switch {
		case r == ' ' || r == '-' || r == '\'' || r == '.' || unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsDigit(r) || unicode.IsUpper(r) || !unicode.IsLetter(r):
			return false
		}
		if script == nil {
			for _, t := range casedScripts {
				if unicode.Is(t, r) {
					script = t
				}
			}
			if script == nil {
				return false
			}
		}
		if !unicode.Is(script, r) {
			return false
		}
	}
	return script != nil
}

// casedScripts are the scripts whose names a file may write without
// capitals.
var casedScripts = []*unicode.RangeTable{unicode.Latin, unicode.Cyrillic, unicode.Greek, unicode.Armenian}

// dotsOfInitials reports whether every "." in s ends an initial, a
// single letter after the start, a space or another dot ("e.e.
// cummings", "k.d. lang"), or stands inside a word ("will.i.am"): not
// one that ends a word ("hello. it", "well.").
func dotsOfInitials(s string) bool {
	letters := 0 // letters since the last space or dot
	for i, r := range s {
		switch {
		case r == '.':
			inside := i+1 < len(s) && s[i+1] != ' ' && s[i+1] != '.'
			if letters == 0 || letters > 1 && !inside {
				return false
			}
			letters = 0
		case r == ' ':
			letters = 0
		default:
			letters++
		}
	}
	return true
}

// blankBeforeTurns reports whether nearly all the lines that read as
// turn lines (their names repeat or read as names) follow a blank line.
func blankBeforeTurns(p *page, from int, cands []candidate, verdicts map[string]nameVerdict) bool {
	n, blank := 0, 0
	for i := range cands {
		if v := verdicts[cands[i].t.speaker]; v.repeated || v.nameLike {
			n++
			if blankBefore(p, from, cands[i].line) {
				blank++
			}
		}
	}
	return n > 0 && blank*10 >= n*9
}

// blankBefore reports whether line i starts the file or follows a blank line.
func blankBefore(p *page, from, i int) bool {
	return i == from || p.line[i-1] == ""
}

// startsWithClock reports whether s opens with digits, a colon and a
// digit, as a time does.
func startsWithClock(s string) bool {
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i > 0 && i+1 < len(s) && s[i] == ':' && isDigit(s[i+1])
}

// plausibleName reports whether a name the file repeats may be a speaker:
// short, with a letter or digit, not a sentence, and not a sound such as
// "[Music]" that captions put in brackets.
func plausibleName(s string) bool {
	if utf8.RuneCountInString(s) > 100 || strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
		return false
	}
	if strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") || strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") ||
		strings.Contains(s, "-->") || startsWithClock(s) {
		return false // a sound, or a time: "0:0:8.858 -->" names nobody
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune("?!…。？！", last) && strings.Count(s, " ") < 12
}

// orderStrong returns the start of each candidate of strong (indexed
// like cands), repairing the few times out of order: a step back of up to
// maxStepBack, and turns off the longest ordered run. A time that does not
// parse takes the start before it. Many turns off that run mean the
// times restart: an ErrTimeGoesBack error at the first, unless silent.
func orderStrong(cands []candidate, strong []int, o text.Source, silent bool, warn func(int, string, ...any)) ([]time.Duration, error) {
	starts := make([]time.Duration, len(cands))
	times := make([]time.Duration, 0, len(strong))
	var idx []int // indexes into strong of the candidates whose time parses
	for k, i := range strong {
		c := &cands[i]
		if !c.parsed {
			continue
		}
		t := c.start
		if n := len(times); n > 0 && t < times[n-1] && times[n-1]-t <= maxStepBack {
			warn(c.line+1, "%s is earlier than %s on line %d: read as %s", c.t.clock, cands[strong[idx[n-1]]].t.clock, cands[strong[idx[n-1]]].line+1, text.FormatClock(times[n-1]))
			t = times[n-1]
		}
		times = append(times, t)
		idx = append(idx, k)
	}
	inRun := longestOrderedRun(times)
	off := len(times) - countTrue(inRun)
	if off > 2 && off*20 > len(times) && !silent {
		for j := 1; j < len(times); j++ {
			if times[j] < times[j-1] {
				c, p := &cands[strong[idx[j]]], &cands[strong[idx[j-1]]]
				return nil, text.Errorf(o.At(c.line+1, c.col), caption.ErrTimeGoesBack,
					"%s is earlier than %s on line %d, and %d turns in all are out of order: expected times in order (are two transcripts joined?)",
					c.t.clock, p.t.clock, p.line+1, off)
			}
		}
	}
	prev := time.Duration(0)
	j := 0
	for k, i := range strong {
		c := &cands[i]
		switch {
		case j < len(idx) && idx[j] == k:
			if inRun[j] {
				prev = times[j]
			} else {
				warn(c.line+1, "%s does not fit the times of the turns around it: the turn starts with the one before, at %s", c.t.clock, text.FormatClock(prev))
			}
			j++
		default:
			warn(c.line+1, "%q is not a time (expected H:MM:SS or M:SS): the turn starts with the one before, at %s", c.t.clock, text.FormatClock(prev))
		}
		starts[i] = prev
	}
	return starts, nil
}

// longestOrderedRun marks the elements of a longest non-decreasing
// subsequence of times (patience sorting, O(n log n)). It is built from
// the end, as the longest non-increasing run of the reversed times, so
// that of runs of equal length the one that keeps the earlier turns wins:
// in 1:22:24, 10:30, 1:22:24, 1:22:35, the 10:30 is the one out of order.
func longestOrderedRun(times []time.Duration) []bool {
	in := make([]bool, len(times))
	if len(times) == 0 {
		return in
	}
	// tails[l]: index of the largest tail (scanning backwards) of a run
	// of length l+1.
	tails := []int{}
	parent := make([]int, len(times))
	for i := len(times) - 1; i >= 0; i-- {
		t := times[i]
		l := sort.Search(len(tails), func(k int) bool { return times[tails[k]] < t })
		parent[i] = -1
		if l > 0 {
			parent[i] = tails[l-1]
		}
		if l == len(tails) {
			tails = append(tails, i)
		} else {
			tails[l] = i
		}
	}
	for i := tails[len(tails)-1]; i >= 0; i = parent[i] {
		in[i] = true
	}
	return in
}

func countTrue(b []bool) int {
	n := 0
	for _, v := range b {
		if v {
			n++
		}
	}
	return n
}
