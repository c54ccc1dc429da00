package transcript

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/labels"
	"github.com/capconv/capconv/convert/internal/text"
)

// A dialect is one layout of timestamped transcript. Each is a table
// entry: a regexp that recognises a turn line, with the named groups
// "time" (required), "speaker" (absent in speakerless dialects) and
// "text" (absent when the text always follows on the next lines). Lines
// that are not turn lines are text: the paragraphs of the turn above, so
// every dialect also accepts a turn continued on following lines.
type dialect struct {
	name    string
	example string             // one typical turn line, for documentation and errors
	turn    func() *turnRegexp // compiled on first use
	// may is a byte-level necessary condition for turn: a line it
	// refuses cannot match, so turn's backtracking search runs only on
	// the few lines that could be turn lines (see prefilters below).
	may func(line string) bool
	// find, when set, is turn written out by hand for the layouts of long
	// transcripts (a name, then a time), where the regexp's search would
	// dominate reading (TestDialectMatchers).
	find func(line string) (turnSpans, bool)
	// checkName rejects turn lines whose speaker does not read as a name
	// (see labels.IsNameLike), for layouts that prose can imitate: "we met at
	// 10:30" is text, not a turn of "we met at".
	checkName bool
	// chapters recognises "00:00:00 - Title" chapter lines. Speakerless
	// dialects leave it off: there such a line is speech.
	chapters bool
	// markdown decodes HTML entities ("&#39;") in text.
	markdown bool
	// skip recognises lines the exporting tool adds that are not speech.
	skip func(line string) bool
}

// clockPattern matches what looks like a time, well-formed or not, so that
// a malformed time is reported rather than read as text.
const clockPattern = `\d{1,3}(?::\d{1,3}){1,2}(?:[.,]\d*)?`

// turnRegexp is a compiled turn pattern with the indexes of its groups
// "time", "speaker" and "text" (-1 when absent).
type turnRegexp struct {
	*regexp.Regexp
	time, speaker, text int
}

// turnPattern returns a turn pattern, in which T stands for the time
// group, to be compiled on first use: a run needs few of the dialects'
// regexps, and compiling them all cost every process start 0.3 ms.
func turnPattern(pattern string) func() *turnRegexp {
	return sync.OnceValue(func() *turnRegexp {
		re := regexp.MustCompile(strings.ReplaceAll(pattern, "T", `(?P<time>`+clockPattern+`)`))
		return &turnRegexp{re, re.SubexpIndex("time"), re.SubexpIndex("speaker"), re.SubexpIndex("text")}
	})
}

// lazyRegexp returns a regexp compiled on first use, for regexps that
// most runs never need.
func lazyRegexp(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}

// dialects is the dialect table. Detection breaks ties in table order, so
// a layout that another one also matches comes first: "Name  0:05" (Otter)
// also matches "Name 0:05" (speaker-line).
var dialects = []*dialect{
	{
		name:    "rev",
		example: "Lenny Rachitsky (00:00:09):",
		turn:    turnPattern(`^(?P<speaker>\S.*?)\s*\(T\)\s*:?$`),
		may:     endsWithParenClock,
	},
	{
		name:      "rev-inline",
		example:   "Lenny Rachitsky (00:00:09) Welcome.",
		turn:      turnPattern(`^(?P<speaker>\S.*?)\s*\(T\)\s*:?\s+(?P<text>\S.*)$`),
		may:       hasParenDigit,
		checkName: true,
		chapters:  true,
	},
	{
		name:     "otter",
		example:  "Emma  0:22  ",
		turn:     turnPattern(`^(?P<speaker>\S.*?)\s{2,}T$`),
		may:      endsWithClock,
		find:     nameThenClock(2),
		chapters: true,
		skip:     isOtterFooter,
	},
	{
		name:     "bracketed",
		example:  "[Speaker 1] [00:08] text",
		turn:     turnPattern(`^\[(?P<speaker>[^\[\]]*[^\[\]\s\d:.,][^\[\]]*)\]\s*\[T\]\s*(?P<text>.*)$`),
		may:      startsWithBracket,
		chapters: true,
	},
	{
		name:     "markdown",
		example:  "**Emma** [0:18] text",
		turn:     turnPattern(`^\*\*(?P<speaker>[^*]+?):?\*\*:?\s*\[T\]:?\s*(?P<text>.*)$`),
		may:      func(l string) bool { return strings.HasPrefix(l, "**") },
		chapters: true,
		markdown: true,
	},
	{
		name:     "markdown-label",
		example:  "**[00:48] SPEAKER_01:** text",
		turn:     turnPattern(`^\*\*\[T\]\s*(?P<speaker>[^*]+?):\*\*\s*(?P<text>.*)$`),
		may:      func(l string) bool { return strings.HasPrefix(l, "**[") },
		chapters: true,
		markdown: true,
	},
	{
		name:      "time-name",
		example:   "[00:00:05] Ann Lee: text",
		turn:      turnPattern(`^\[T\]\s*(?P<speaker>[^:\s][^:]*?):\s*(?P<text>.*)$`),
		may:       startsWithBracket,
		checkName: true,
		chapters:  true,
	},
	{
		name:      "speaker-line",
		example:   "Mark Zuckerberg 0:00:01",
		turn:      turnPattern(`^(?P<speaker>\S.*?)\s+T$`),
		may:       endsWithClock,
		find:      nameThenClock(1),
		checkName: true,
		chapters:  true,
	},
	{
		name:    "timestamped",
		example: "00:00:07 text",
		turn:    turnPattern(`^\[?T\]?\s+(?P<text>\S.*)$`),
		may:     func(l string) bool { return startsWithBracket(l) || startsWithDigit(l) },
	},
	{
		name:    "youtube",
		example: "0:05",
		turn:    turnPattern(`^T$`),
		may:     func(l string) bool { return startsWithDigit(l) && endsWithClock(l) },
	},
}

// The prefilters. Each is implied by its dialect's turn regexp, so that a
// line it refuses is a line the regexp would refuse: it may let through a
// line the regexp then rejects, never the reverse (TestDialectPrefilters
// checks every test line and fuzzes the rest). Regexps see trimmed lines,
// and their \s is [\t\n\f\r ].

func startsWithDigit(l string) bool { return l != "" && isDigit(l[0]) }

func startsWithBracket(l string) bool { return l != "" && l[0] == '[' }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// endsWithClock reports whether l ends as clockPattern ends: a digit, a
// colon, one or more digits, then maybe a fraction "[.,]\d*".
func endsWithClock(l string) bool {
	end := len(l)
	i := skipDigitsBack(l, end)
	if i > 0 && (l[i-1] == '.' || l[i-1] == ',') {
		end = i - 1
		i = skipDigitsBack(l, end)
	}
	return i < end && i >= 2 && l[i-1] == ':' && isDigit(l[i-2])
}

// nameThenClock matches `^(?P<speaker>\S.*?)\s{n,}T$` as its regexp
// does: T holds no space, so the lazy speaker ends where the last run of
// spaces begins, and the time is the last word.
func nameThenClock(n int) func(line string) (turnSpans, bool) {
	return func(l string) (turnSpans, bool) {
		t := len(l)
		for t > 0 && !isRegexpSpace(l[t-1]) {
			t--
		}
		e := t
		for e > 0 && isRegexpSpace(l[e-1]) {
			e--
		}
		if e == 0 || isRegexpSpace(l[0]) || t-e < n || !isClock(l[t:]) ||
			strings.IndexByte(l[:e], '\n') >= 0 { // "." refuses a newline
			return turnSpans{}, false
		}
		return turnSpans{t, len(l), 0, e, -1, -1}, true
	}
}

// isRegexpSpace reports whether c is in the regexp class \s.
func isRegexpSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// isClock reports whether s is all clockPattern: up to three digits,
// one or two more groups of them after colons, then maybe a fraction.
// The regexp's choices are forced (a group cannot end before a digit),
// so one pass decides.
func isClock(s string) bool {
	i := 0
	for groups := 1; ; groups++ {
		j := i
		for j < len(s) && j-i < 3 && isDigit(s[j]) {
			j++
		}
		if j == i {
			return false
		}
		i = j
		if i == len(s) || s[i] != ':' {
			if groups < 2 {
				return false
			}
			break
		}
		if groups == 3 {
			return false
		}
		i++
	}
	if i < len(s) && (s[i] == '.' || s[i] == ',') {
		i++
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	}
	return i == len(s)
}

// skipDigitsBack returns the start of the run of digits that ends at l[:i].
func skipDigitsBack(l string, i int) int {
	for i > 0 && isDigit(l[i-1]) {
		i--
	}
	return i
}

// endsWithParenClock reports whether l ends as "(T)", then maybe spaces
// and a colon, as a Rev turn line does.
func endsWithParenClock(l string) bool {
	l = strings.TrimSuffix(l, ":")
	l = strings.TrimRight(l, " \t\n\f\r")
	l, ok := strings.CutSuffix(l, ")")
	return ok && endsWithClock(l)
}

// hasParenDigit reports whether l holds "(" followed by a digit, as an
// inline Rev turn line does.
func hasParenDigit(l string) bool {
	for i := strings.IndexByte(l, '('); i >= 0 && i+1 < len(l); {
		if isDigit(l[i+1]) {
			return true
		}
		j := strings.IndexByte(l[i+1:], '(')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

// otterFooter matches the line Otter adds at the end of an export.
var otterFooter = lazyRegexp(`(?i)^transcribed by\s+(https?://)?otter\.ai\S*$`)

func isOtterFooter(l string) bool {
	return l != "" && (l[0] == 't' || l[0] == 'T') && otterFooter().MatchString(l)
}

// Dialects returns the names of the transcript dialects capconv
// reads, in the order detection prefers them on a tie.
func Dialects() []string {
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
		return "", fmt.Errorf("unknown transcript dialect %q (known: %s)", name, strings.Join(Dialects(), ", "))
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
	if !d.may(line) {
		return t, false, false
	}
	var sp turnSpans
	if d.find != nil {
		sp, ok = d.find(line)
	} else {
		sp, ok = d.regexpSpans(line)
	}
	if !ok {
		return t, false, false
	}
	group := func(k int) string {
		if sp[2*k] < 0 {
			return ""
		}
		return line[sp[2*k]:sp[2*k+1]]
	}
	t.clock, t.clockAt = group(0), sp[0]
	t.speaker = collapseSpace(group(1))
	t.text = group(2)
	if d.checkName && !labels.IsNameLike(t.speaker) {
		return turnLine{}, false, true
	}
	return t, true, false
}

// turnSpans holds where a turn line's time, speaker and text groups start
// and end, -1 for a group the layout lacks.
type turnSpans [6]int

// regexpSpans matches line with d's turn regexp.
func (d *dialect) regexpSpans(line string) (turnSpans, bool) {
	re := d.turn()
	m := re.FindStringSubmatchIndex(line)
	if m == nil {
		return turnSpans{}, false
	}
	var sp turnSpans
	for k, g := range [3]int{re.time, re.speaker, re.text} {
		sp[2*k], sp[2*k+1] = -1, -1
		if g >= 0 {
			sp[2*k], sp[2*k+1] = m[2*g], m[2*g+1]
		}
	}
	return sp, true
}

// collapseSpace trims s and joins its words with single spaces, as
// strings.Join(strings.Fields(s), " ") does, without allocating when s
// is already in that form, as speaker names nearly always are.
func collapseSpace(s string) string {
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.Join(strings.Fields(s), " ")
		}
		space := asciiSpace(c)
		if space && (prevSpace || c != ' ') {
			return strings.Join(strings.Fields(s), " ")
		}
		prevSpace = space
	}
	if prevSpace && s != "" {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}

// asciiSpace reports whether c is one of the ASCII bytes strings.Fields
// splits on.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
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
		if _, err := text.ParseClock(t.clock); err == nil {
			s.turns++
		}
	}
	return s
}

// detectDialect returns the dialect that explains most turn lines of
// lines[from:], or an ErrUnknownDialect error saying what each tried.
func detectDialect(lines []string, from int, o text.Source) (*dialect, error) {
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

var anyClock = lazyRegexp(`(^|[^\d:])` + clockPattern)

// unknownDialectError shows the first lines read, why each dialect failed
// on them, and how to force one.
func unknownDialectError(lines []string, from int, scores []score, o text.Source) error {
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
			fmt.Fprintf(&b, "\n\t%s: %s", o.Pos(i+1), shorten(line, 72))
			shown++
		}
		if firstClock == 0 && anyClock().MatchString(line) {
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
			why = fmt.Sprintf("%s: the text before the time does not read as a speaker name", o.Pos(scores[i].rejected))
		case firstClock > 0:
			why = fmt.Sprintf("%s: a time, but not laid out like this", o.Pos(firstClock))
		}
		fmt.Fprintf(&b, "\n\t%-14s %-38q %s", d.name, d.example, why)
	}
	b.WriteString("\nuse --from NAME to read the file as one of these dialects")
	line := max(1, len(lines))
	return &caption.ParseError{Pos: o.Pos(line), Err: fmt.Errorf("%w: %s", caption.ErrUnknownDialect, b.String())}
}

// shorten cuts s to at most n characters, marking the cut.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
