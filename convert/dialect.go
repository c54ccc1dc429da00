package convert

import (
	"fmt"
	"html"
	"path/filepath"
	"regexp"
	"strings"
)

// A dialect is one layout of timestamped transcript. Each is a table
// entry: a regexp that recognises a turn line, with the named groups
// "time" (required), "speaker" (absent in speakerless dialects) and
// "text" (absent when the text always follows on the next lines). Lines
// that are not turn lines are text: the paragraphs of the turn above, so
// every dialect also accepts a turn continued on following lines.
type dialect struct {
	name    string
	example string // one typical turn line, for documentation and errors
	turn    *regexp.Regexp
	// checkName rejects turn lines whose speaker does not read as a name
	// (see isNameLike), for layouts that prose can imitate: "we met at
	// 10:30" is text, not a turn of "we met at".
	checkName bool
	// chapters recognises "00:00:00 - Title" chapter lines. Speakerless
	// dialects leave it off: there such a line is speech.
	chapters bool
	// markdown decodes HTML entities ("&#39;") in text.
	markdown bool
	// skip matches lines the exporting tool adds that are not speech.
	skip *regexp.Regexp
}

// clockPattern matches what looks like a time, well-formed or not, so that
// a malformed time is reported rather than read as text.
const clockPattern = `\d{1,3}(?::\d{1,3}){1,2}(?:[.,]\d*)?`

// turnRegexp compiles a turn pattern in which T stands for the time group.
func turnRegexp(pattern string) *regexp.Regexp {
	return regexp.MustCompile(strings.ReplaceAll(pattern, "T", `(?P<time>`+clockPattern+`)`))
}

// dialects is the dialect table. Detection breaks ties in table order, so
// a layout that another one also matches comes first: "Name  0:05" (Otter)
// also matches "Name 0:05" (speaker-line).
var dialects = []*dialect{
	{
		name:    "rev",
		example: "Lenny Rachitsky (00:00:09):",
		turn:    turnRegexp(`^(?P<speaker>\S.*?)\s*\(T\)\s*:?$`),
	},
	{
		name:      "rev-inline",
		example:   "Lenny Rachitsky (00:00:09) Welcome.",
		turn:      turnRegexp(`^(?P<speaker>\S.*?)\s*\(T\)\s*:?\s+(?P<text>\S.*)$`),
		checkName: true,
		chapters:  true,
	},
	{
		name:     "otter",
		example:  "Emma  0:22  ",
		turn:     turnRegexp(`^(?P<speaker>\S.*?)\s{2,}T$`),
		chapters: true,
		skip:     regexp.MustCompile(`(?i)^transcribed by\s+(https?://)?otter\.ai\S*$`),
	},
	{
		name:     "bracketed",
		example:  "[Speaker 1] [00:08] text",
		turn:     turnRegexp(`^\[(?P<speaker>[^\[\]]*[^\[\]\s\d:.,][^\[\]]*)\]\s*\[T\]\s*(?P<text>.*)$`),
		chapters: true,
	},
	{
		name:     "markdown",
		example:  "**Emma** [0:18] text",
		turn:     turnRegexp(`^\*\*(?P<speaker>[^*]+?):?\*\*:?\s*\[T\]:?\s*(?P<text>.*)$`),
		chapters: true,
		markdown: true,
	},
	{
		name:     "markdown-label",
		example:  "**[00:48] SPEAKER_01:** text",
		turn:     turnRegexp(`^\*\*\[T\]\s*(?P<speaker>[^*]+?):\*\*\s*(?P<text>.*)$`),
		chapters: true,
		markdown: true,
	},
	{
		name:      "time-name",
		example:   "[00:00:05] Ann Lee: text",
		turn:      turnRegexp(`^\[T\]\s*(?P<speaker>[^:\s][^:]*?):\s*(?P<text>.*)$`),
		checkName: true,
		chapters:  true,
	},
	{
		name:      "speaker-line",
		example:   "Mark Zuckerberg 0:00:01",
		turn:      turnRegexp(`^(?P<speaker>\S.*?)\s+T$`),
		checkName: true,
		chapters:  true,
	},
	{
		name:    "timestamped",
		example: "00:00:07 text",
		turn:    turnRegexp(`^\[?T\]?\s+(?P<text>\S.*)$`),
	},
	{
		name:    "youtube",
		example: "0:05",
		turn:    turnRegexp(`^T$`),
	},
}

// TranscriptDialects returns the names of the transcript dialects capconv
// reads, in the order detection prefers them on a tie.
func TranscriptDialects() []string {
	out := make([]string, len(dialects))
	for i, d := range dialects {
		out[i] = d.name
	}
	return out
}

// ParseDialect returns the canonical name of the transcript dialect called
// name (case-insensitive), for ReadOptions.Dialect.
func ParseDialect(name string) (string, error) {
	d := dialectNamed(name)
	if d == nil {
		return "", fmt.Errorf("unknown transcript dialect %q (known: %s)", name, strings.Join(TranscriptDialects(), ", "))
	}
	return d.name, nil
}

func dialectNamed(name string) *dialect {
	name = strings.ToLower(strings.TrimSpace(name))
	for _, d := range dialects {
		if d.name == name {
			return d
		}
	}
	return nil
}

// turnLine is a recognised turn line. Offsets are byte offsets into the
// trimmed line.
type turnLine struct {
	speaker string
	clock   string
	clockAt int
	text    string
}

// match recognises line (trimmed) as a turn line. rejected is set when the
// layout matched but the speaker does not read as a name.
func (d *dialect) match(line string) (t turnLine, ok, rejected bool) {
	m := d.turn.FindStringSubmatchIndex(line)
	if m == nil {
		return t, false, false
	}
	group := func(name string) (string, int) {
		i := d.turn.SubexpIndex(name)
		if i < 0 || m[2*i] < 0 {
			return "", -1
		}
		return line[m[2*i]:m[2*i+1]], m[2*i]
	}
	t.clock, t.clockAt = group("time")
	sp, _ := group("speaker")
	t.speaker = strings.Join(strings.Fields(sp), " ")
	t.text, _ = group("text")
	if d.checkName && !isNameLike(t.speaker) {
		return turnLine{}, false, true
	}
	return t, true, false
}

// clean prepares text read in dialect d from file.
func (d *dialect) clean(text, file string) string {
	if d.markdown || isMarkdownFile(file) {
		text = html.UnescapeString(text)
	}
	return text
}

func isMarkdownFile(file string) bool {
	switch strings.ToLower(filepath.Ext(file)) {
	case ".md", ".markdown":
		return true
	}
	return false
}

// detectLines is how many non-blank lines detection looks at: enough to
// see several turns of even long-winded speakers, few enough to be quick.
const detectLines = 200

// score is how well a dialect explains the opening of a file.
type score struct {
	turns    int // turn lines whose time parses
	shapes   int // turn lines, whether or not their time parses
	rejected int // first line (1-based) whose speaker was not a name, or 0
}

// better reports whether s explains more of the input than t.
func (s score) better(t score) bool {
	if s.turns != t.turns {
		return s.turns > t.turns
	}
	return s.shapes > t.shapes
}

// scoreDialect scores d on the first detectLines non-blank lines of
// lines[from:].
func scoreDialect(d *dialect, lines []string, from int) score {
	var s score
	seen := 0
	for i := from; i < len(lines) && seen < detectLines; i++ {
		line := strings.TrimSpace(lines[i])
		if line == "" {
			continue
		}
		seen++
		t, ok, rejected := d.match(line)
		if rejected && s.rejected == 0 {
			s.rejected = i + 1
		}
		if !ok {
			continue
		}
		s.shapes++
		if _, err := parseClock(t.clock); err == nil {
			s.turns++
		}
	}
	return s
}

// detectDialect returns the dialect that explains most turn lines of
// lines[from:], or an ErrUnknownDialect error saying what each tried.
func detectDialect(lines []string, from int, o ReadOptions) (*dialect, error) {
	var best *dialect
	var bestScore score
	scores := make([]score, len(dialects))
	for i, d := range dialects {
		scores[i] = scoreDialect(d, lines, from)
		if scores[i].shapes > 0 && (best == nil || scores[i].better(bestScore)) {
			best, bestScore = d, scores[i]
		}
	}
	if best != nil {
		return best, nil
	}
	return nil, unknownDialectError(lines, from, scores, o)
}

var anyClock = regexp.MustCompile(`(^|[^\d:])` + clockPattern)

// unknownDialectError shows the first lines read, why each dialect failed
// on them, and how to force one.
func unknownDialectError(lines []string, from int, scores []score, o ReadOptions) error {
	var b strings.Builder
	b.WriteString("none matches the first lines read:")
	firstClock := 0
	shown := 0
	for i := from; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		if line == "" {
			continue
		}
		if shown < 3 {
			fmt.Fprintf(&b, "\n\t%s: %s", o.pos(i+1), shorten(line, 72))
			shown++
		}
		if firstClock == 0 && anyClock.MatchString(line) {
			firstClock = i + 1
		}
		if shown == 3 && firstClock != 0 {
			break
		}
	}
	if shown == 0 {
		b.WriteString("\n\t(the input is empty)")
	}
	b.WriteString("\ndialects tried:")
	for i, d := range dialects {
		why := "no line has a time"
		switch {
		case scores[i].rejected > 0:
			why = fmt.Sprintf("%s: the text before the time does not read as a speaker name", o.pos(scores[i].rejected))
		case firstClock > 0:
			why = fmt.Sprintf("%s: a time, but not laid out like this", o.pos(firstClock))
		}
		fmt.Fprintf(&b, "\n\t%-14s %-38q %s", d.name, d.example, why)
	}
	b.WriteString("\nuse --from NAME to read the file as one of these dialects")
	line := max(1, len(lines))
	return &ParseError{Pos: o.pos(line), Err: fmt.Errorf("%w: %s", ErrUnknownDialect, b.String())}
}

// shorten cuts s to at most n characters, marking the cut.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
