package transcript

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/text"
)

// A dialect is one layout of timestamped transcript: a table entry with
// one or more variants, each a regexp that recognises a turn line, with
// the named groups "time" (required), "end" (in layouts that give ranges),
// "speaker" (absent in speakerless dialects) and "text" (absent when the
// text always follows on the next lines). Lines that are not turn lines
// are text: the paragraphs of the turn above, so every dialect also
// accepts a turn continued on following lines.
//
// A regexp only says that a line has a turn line's shape. Whether it is
// one is decided from the whole file (see classify.go): a name the file
// repeats, or a line shaped like the file's other turn lines, and never
// capital letters alone.
type dialect struct {
	name     string
	variants []variant
	// may is a byte-level necessary condition for every variant: a line
	// it refuses cannot match, so the regexps' backtracking search runs
	// only on the few lines that could be turn lines (see prefilters
	// below).
	may func(line string) bool
	// speakers says how the layout marks who speaks.
	speakers speakerMarking
	// nameLine, in layouts where the time stands alone on its line, says
	// where the speaker's name is: -1 on the line before, +1 on the line
	// after, 0 nowhere.
	nameLine int
	// chapters recognises "00:00:00 - Title" chapter lines. Speakerless
	// dialects leave it off: there such a line is speech.
	chapters bool
	// markdown decodes HTML entities ("&#39;") in text.
	markdown bool
	// plainNames: the punctuation around the time sets a name apart
	// enough that one said once without capitals ("maria silva (00:01):")
	// is a speaker wherever its line is.
	plainNames bool
	// unpadded: the layout writes times without padding ("0:0:5.460").
	unpadded bool
}

// A variant is one way a dialect writes a turn line.
type variant struct {
	example string             // one typical turn line, for documentation and errors
	turn    func() *turnRegexp // compiled on first use
	// may, when set, is a byte-level necessary condition for this variant,
	// checked after the dialect's.
	may func(line string) bool
	// find, when set, is turn written out by hand for the layouts of long
	// transcripts (a name, then a time), where the regexp's search would
	// dominate reading (TestDialectMatchers).
	find func(line string) (turnSpans, bool)
}

// speakerMarking is how a layout marks the speaker of a turn line.
type speakerMarking int

const (
	// noSpeakers: the layout names nobody ("00:00:07 text").
	noSpeakers speakerMarking = iota
	// markedSpeakers: brackets, bold or a parenthesised time set the name
	// apart ("[Ann] [00:08] text"), so every turn line names a speaker.
	markedSpeakers
	// weakSpeakers: prose can take the shape ("we met at 10:30" reads as
	// "Name 10:30"), so a name said once must read as a name and fit the
	// file's times; a name the file repeats is a speaker.
	weakSpeakers
	// optionalSpeakers: the turn line is certain (it starts with a time),
	// and a "Name:" after the time is a speaker when the file repeats it
	// or it reads as a name among repeated ones; otherwise it stays text.
	optionalSpeakers
)

// example returns the dialect's first example turn line.
func (d *dialect) example() string { return d.variants[0].example }

// examples returns every example turn line of d, one per variant.
func (d *dialect) examples() []string {
	out := make([]string, len(d.variants))
	for i, v := range d.variants {
		out[i] = v.example
	}
	return out
}

// clockPattern matches what looks like a time, well-formed or not, so that
// a malformed time is reported rather than read as text.
const clockPattern = `\d{1,3}(?::\d{1,3}){1,2}(?:[.,]\d*)?`

// turnRegexp is a compiled turn pattern with the indexes of its groups
// "time", "speaker", "text" and "end" (-1 when absent).
type turnRegexp struct {
	*regexp.Regexp
	time, speaker, text, end int
}

// turnPattern returns a turn pattern, in which T stands for the time
// group and E for the end time group, to be compiled on first use: a run
// needs few of the dialects' regexps, and compiling them all cost every
// process start 0.3 ms.
func turnPattern(pattern string) func() *turnRegexp {
	return sync.OnceValue(func() *turnRegexp {
		p := strings.ReplaceAll(pattern, "T", `(?P<time>`+clockPattern+`)`)
		p = strings.ReplaceAll(p, "E", `(?P<end>`+clockPattern+`)`)
		re := regexp.MustCompile(p)
		return &turnRegexp{re, re.SubexpIndex("time"), re.SubexpIndex("speaker"), re.SubexpIndex("text"), re.SubexpIndex("end")}
	})
}

// lazyRegexp returns a regexp compiled on first use, for regexps that
// most runs never need.
func lazyRegexp(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}

// Pieces of turn patterns. A time at the start of a line is in brackets
// or parentheses, or bare and followed by a space (a regexp cannot name
// one group twice, so each is a variant of its own); a label is a name
// ending in a colon, as in "Ann Lee: text".
const (
	timeInBrackets = `^[\[(]T[\])]\s*`
	timeBare       = `^T\s+`
	colonLabel     = `(?:(?P<speaker>[^:\s][^:]*?):(?:\s+|$))`
	aloneTime      = `^[\[(]?T[\])]?$`
)

// dialects is the dialect table. Detection breaks ties in table order, so
// a layout that another one also matches comes first: "Name  0:05" (Otter)
// also matches "Name 0:05" (speaker-line), "**Name** (0:05): text"
// (markdown) also matches "Name (0:05): text" (rev-inline), the layout
// prose imitates most ("Name 0:05 text", speaker-inline) comes last among
// those with speakers, and "[00:05] text"
// (timestamped) is also "[00:05] Name: text" (time-name) without names.
var dialects = []*dialect{
	{
		name: "rev",
		variants: []variant{
			{example: "Lenny Rachitsky (00:00:09):", turn: turnPattern(`^(?P<speaker>\S.*?)\s*\(T\)\s*:?$`)},
			{example: "Speaker 1 (00:00:01 - 00:00:04):", turn: turnPattern(`^(?P<speaker>\S.*?)\s*\(T\s*[-–]\s*E\)\s*:?$`)},
		},
		may:      endsWithParenClock,
		speakers: markedSpeakers,
	},
	{
		name: "otter",
		variants: []variant{
			{example: "Emma  0:22  ", turn: turnPattern(`^(?P<speaker>\S.*?)\s{2,}T$`), find: nameThenClock(2)},
		},
		may:      endsWithClock,
		speakers: markedSpeakers,
		chapters: true,
	},
	{
		name: "bracketed",
		variants: []variant{
			{example: "[Speaker 1] [00:08] text", turn: turnPattern(`^\[(?P<speaker>[^\[\]]*[^\[\]\s\d:.,][^\[\]]*)\]\s*\[T\]\s*(?P<text>.*)$`)},
			{example: "[Ann Lee] 00:01 text", turn: turnPattern(`^\[(?P<speaker>[^\[\]]*[^\[\]\s\d:.,][^\[\]]*)\]\s*T(?:\s+(?P<text>.*))?$`)},
		},
		may:      startsWithBracket,
		speakers: markedSpeakers,
		chapters: true,
	},
	{
		name: "markdown",
		variants: []variant{
			{example: "**Emma** [0:18] text", turn: turnPattern(`^\*\*(?P<speaker>[^*]+?):?\*\*:?\s*\[T\]:?\s*(?P<text>.*)$`)},
			{example: "**Emma** (0:18): text", turn: turnPattern(`^\*\*(?P<speaker>[^*]+?):?\*\*:?\s*\(T\):?\s*(?P<text>.*)$`)},
		},
		may:      func(l string) bool { return strings.HasPrefix(l, "**") },
		speakers: markedSpeakers,
		chapters: true,
		markdown: true,
	},
	{
		name: "markdown-label",
		variants: []variant{
			{example: "**[00:48] SPEAKER_01:** text", turn: turnPattern(`^\*\*\[T\]\s*(?P<speaker>[^*]+?):\*\*\s*(?P<text>.*)$`)},
		},
		may:      func(l string) bool { return strings.HasPrefix(l, "**[") },
		speakers: markedSpeakers,
		chapters: true,
		markdown: true,
	},
	{
		name: "rev-inline",
		variants: []variant{
			{example: "Lenny Rachitsky (00:00:09) Welcome.", turn: turnPattern(`^(?P<speaker>\S.*?)\s*\(T(?:\s*[-–]\s*E)?\)\s*:?\s+(?P<text>\S.*)$`)},
		},
		may:        hasParenDigit,
		speakers:   weakSpeakers,
		chapters:   true,
		plainNames: true,
	},
	{
		name: "time-markdown",
		variants: []variant{
			{example: "0:00:14.3 **Emma** text", turn: turnPattern(timeBare + `\*\*(?P<speaker>[^*]+?):?\*\*:?\s*(?P<text>.*)$`)},
			{example: "[0:00:14] **Emma**: text", turn: turnPattern(timeInBrackets + `\*\*(?P<speaker>[^*]+?):?\*\*:?\s*(?P<text>.*)$`)},
		},
		may:      startsWithTime,
		speakers: markedSpeakers,
		chapters: true,
		markdown: true,
	},
	{
		name: "whisper",
		variants: []variant{
			{example: "[00:00.000 --> 00:04.000]  text", turn: turnPattern(`^\[T\s*-->\s*E\]\s*` + colonLabel + `?(?P<text>.*)$`)},
		},
		may:      func(l string) bool { return startsWithBracket(l) && strings.Contains(l, "-->") },
		speakers: optionalSpeakers,
	},
	{
		name: "teams",
		variants: []variant{
			{example: "0:0:0.0 --> 0:0:5.460 (then the name, then the text)", turn: turnPattern(`^T\s*-->\s*E$`)},
		},
		may:      func(l string) bool { return startsWithDigit(l) && strings.Contains(l, "-->") },
		speakers: weakSpeakers,
		nameLine: +1,
		unpadded: true,
	},
	{
		name: "timestamped",
		variants: []variant{
			{example: "00:00:07 text", turn: turnPattern(timeBare + `(?P<text>\S.*)$`)},
			{example: "[00:00:07] text", turn: turnPattern(timeInBrackets + `(?P<text>\S.*)$`)},
		},
		may:      startsWithTime,
		speakers: noSpeakers,
	},
	{
		name: "time-name",
		variants: []variant{
			{example: "[00:00:05] Ann Lee: text", turn: turnPattern(timeInBrackets + colonLabel + `?(?P<text>.*)$`)},
			{example: "00:00:05 Ann Lee: text", turn: turnPattern(timeBare + colonLabel + `?(?P<text>.*)$`)},
		},
		may:      startsWithTime,
		speakers: optionalSpeakers,
		chapters: true,
	},
	{
		name: "name-time",
		variants: []variant{
			{example: "Ann Lee: [00:01] text", turn: turnPattern(`^(?P<speaker>[^\[\]:\s][^\[\]:]*?):\s*\[T\]\s*(?P<text>.*)$`)},
		},
		may:        colonThenBracket,
		speakers:   weakSpeakers,
		chapters:   true,
		plainNames: true,
	},
	{
		name: "speaker-line",
		variants: []variant{
			{example: "Mark Zuckerberg 0:00:01", turn: turnPattern(`^(?P<speaker>\S.*?)\s+T$`), find: nameThenClock(1),
				may: func(l string) bool { return !strings.HasSuffix(l, "]") && !pipeBeforeLastWord(l) }},
			{example: "Ann Lee | 00:00:01", turn: turnPattern(`^(?P<speaker>\S.*?)\s*\|\s*T$`),
				may: func(l string) bool { return strings.IndexByte(l, '|') > 0 }},
			{example: "Ann Lee [00:01:02.345]", turn: turnPattern(`^(?P<speaker>\S.*?)\s*\[T\]$`),
				may: func(l string) bool { return strings.HasSuffix(l, "]") }},
		},
		may:      func(l string) bool { return endsWithClock(l) || endsWithClock(strings.TrimSuffix(l, "]")) },
		speakers: weakSpeakers,
		chapters: true,
	},
	{
		name: "name-then-time",
		variants: []variant{
			{example: "0:00:05 (after a line with the name)", turn: turnPattern(aloneTime)},
		},
		may:      isAloneTime,
		speakers: weakSpeakers,
		nameLine: -1,
		chapters: true,
	},
	{
		name: "time-then-name",
		variants: []variant{
			{example: "0:00:05 (before a line with the name)", turn: turnPattern(aloneTime)},
		},
		may:      isAloneTime,
		speakers: weakSpeakers,
		nameLine: +1,
		chapters: true,
	},
	{
		name: "speaker-inline",
		variants: []variant{
			{example: "Ann Lee 00:00:01 text", turn: turnPattern(`^(?P<speaker>\S.*?)\s+T\s+(?P<text>\S.*)$`), find: nameClockText},
		},
		may:      hasClockInside,
		speakers: weakSpeakers,
		chapters: true,
	},
	{
		name: "youtube",
		variants: []variant{
			{example: "0:05", turn: turnPattern(`^T$`)},
		},
		may:      func(l string) bool { return startsWithDigit(l) && endsWithClock(l) },
		speakers: noSpeakers,
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
		return turnSpans{t, len(l), 0, e, -1, -1, -1, -1}, true
	}
}

// nameClockText matches `^(?P<speaker>\S.*?)\s+T\s+(?P<text>\S.*)$` as
// its regexp does: T holds no space and must be followed by one, so it is
// a whole word, and the lazy speaker ends where the first such word's
// run of spaces begins.
func nameClockText(l string) (turnSpans, bool) {
	if l == "" || isRegexpSpace(l[0]) {
		return turnSpans{}, false
	}
	for i := 1; i < len(l); {
		if !isRegexpSpace(l[i]) {
			if l[i] == '\n' {
				return turnSpans{}, false // "." refuses a newline
			}
			i++
			continue
		}
		e := i // the speaker ends here
		for i < len(l) && isRegexpSpace(l[i]) {
			i++
		}
		t := i
		for i < len(l) && !isRegexpSpace(l[i]) {
			i++
		}
		if i == len(l) || !isClock(l[t:i]) {
			continue
		}
		x := i
		for x < len(l) && isRegexpSpace(l[x]) {
			x++
		}
		if x == len(l) || strings.IndexByte(l[x:], '\n') >= 0 || strings.IndexByte(l[:e], '\n') >= 0 {
			continue
		}
		return turnSpans{t, i, 0, e, x, len(l), -1, -1}, true
	}
	return turnSpans{}, false
}

// padClock writes an unpadded time ("0:0:5.460") as times are written
// ("0:00:05.460"): every field after the first two digits wide.
func padClock(clock string) string {
	var b strings.Builder
	field := 0
	for i := 0; i < len(clock); {
		j := i
		for j < len(clock) && isDigit(clock[j]) {
			j++
		}
		if field > 0 && j-i == 1 {
			b.WriteByte('0')
		}
		b.WriteString(clock[i:j])
		if j == len(clock) || clock[j] != ':' {
			b.WriteString(clock[j:])
			break
		}
		b.WriteByte(':')
		i, field = j+1, field+1
	}
	return b.String()
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

// startsWithTime reports whether l starts as timeFirst does: a digit, or
// a bracket or parenthesis.
func startsWithTime(l string) bool {
	return l != "" && (isDigit(l[0]) || l[0] == '[' || l[0] == '(')
}

// colonThenBracket reports whether l's first colon is followed, after
// spaces, by "[", as in "Ann Lee: [00:01] text".
func colonThenBracket(l string) bool {
	i := strings.IndexByte(l, ':')
	if i <= 0 {
		return false
	}
	j := i + 1
	for j < len(l) && isRegexpSpace(l[j]) {
		j++
	}
	return j < len(l) && l[j] == '['
}

// hasClockInside reports whether l holds a digit, a colon and a digit
// after its first two bytes, as a time inside a line does.
func hasClockInside(l string) bool {
	for i := 2; i+1 < len(l); i++ {
		k := strings.IndexByte(l[i:len(l)-1], ':')
		if k < 0 {
			return false
		}
		if i += k; isDigit(l[i-1]) && isDigit(l[i+1]) {
			return true
		}
	}
	return false
}

// isAloneTime reports whether l may be a time alone, maybe in brackets or
// parentheses.
func isAloneTime(l string) bool {
	if l != "" && (l[0] == '[' || l[0] == '(') {
		l = l[1:]
	}
	if l != "" && (l[len(l)-1] == ']' || l[len(l)-1] == ')') {
		l = l[:len(l)-1]
	}
	return startsWithDigit(l) && endsWithClock(l)
}

// pipeBeforeLastWord reports whether the text before l's last word ends
// in "|", as in "Ann Lee | 0:05", which the pipe variant reads.
func pipeBeforeLastWord(l string) bool {
	i := strings.LastIndexAny(l, " \t\f\r\n")
	return i > 0 && strings.HasSuffix(strings.TrimRight(l[:i], " \t\f\r\n"), "|")
}

// isExportFooter reports whether l is a line a transcription tool adds
// at the end of its export, which is not speech: Otter's "Transcribed by
// https://otter.ai" and the Chinese tools' "以上内容由AI生成，仅供参考"
// ("the above was generated by AI, for reference only"), whatever their
// spacing.
func isExportFooter(l string) bool {
	if len(l) < 12 || len(l) > 200 {
		return false
	}
	switch l[0] {
	case 't', 'T', '(', '[':
		// Most lines that start so are speech: look for the name first.
		if !strings.Contains(l, "tter") && !strings.Contains(l, "TTER") {
			return false
		}
		compact := strings.ToLower(strings.Join(strings.Fields(strings.Trim(l, "()[]")), ""))
		rest, ok := strings.CutPrefix(compact, "transcribedby")
		if !ok {
			return false
		}
		rest = strings.TrimPrefix(strings.TrimPrefix(rest, "https://"), "http://")
		rest = strings.TrimPrefix(rest, "www.")
		return strings.HasPrefix(rest, "otter.ai")
	}
	if l[0] < utf8.RuneSelf {
		return false
	}
	if !strings.Contains(l, "AI") {
		return false
	}
	compact := strings.Join(strings.Fields(l), "")
	return strings.Contains(compact, "AI生成") && (strings.Contains(compact, "仅供参考") || strings.HasPrefix(compact, "以上")) ||
		strings.Contains(compact, "AI生成") && strings.Contains(compact, "僅供參考")
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

// turnLine is a line with a turn line's shape. Offsets are byte offsets
// into the trimmed line.
type turnLine struct {
	speaker   string
	speakerAt int    // where the speaker group starts, -1 without one
	sep       string // what stands between the speaker and the time
	clock     string
	clockAt   int
	end       string // the end time in layouts with ranges, "" otherwise
	text      string
}

// match reports whether line (trimmed) has the shape of one of d's turn
// lines; whether it is one, classify decides.
func (d *dialect) match(line string) (t turnLine, ok bool) {
	if !d.may(line) {
		return t, false
	}
	sp, ok := d.spans(line)
	if !ok {
		return t, false
	}
	group := func(k int) string {
		if sp[2*k] < 0 {
			return ""
		}
		return line[sp[2*k]:sp[2*k+1]]
	}
	t.clock, t.clockAt = group(0), sp[0]
	t.speaker, t.speakerAt = collapseSpace(group(1)), sp[2]
	if sp[3] >= 0 && sp[3] <= sp[0] {
		t.sep = line[sp[3]:sp[0]]
	}
	t.text = group(2)
	t.end = group(3)
	return t, true
}

// spans matches line with d's variants in order, returning the spans of
// the first that matches.
func (d *dialect) spans(line string) (turnSpans, bool) {
	for k := range d.variants {
		v := &d.variants[k]
		if v.may != nil && !v.may(line) {
			continue
		}
		var sp turnSpans
		var ok bool
		if v.find != nil {
			sp, ok = v.find(line)
		} else {
			sp, ok = v.regexpSpans(line)
		}
		if ok {
			return sp, true
		}
	}
	return turnSpans{}, false
}

// turnSpans holds where a turn line's time, speaker, text and end groups
// start and end, -1 for a group the layout lacks or the line leaves out.
type turnSpans [8]int

// regexpSpans matches line with v's turn regexp.
func (v *variant) regexpSpans(line string) (turnSpans, bool) {
	re := v.turn()
	m := re.FindStringSubmatchIndex(line)
	if m == nil {
		return turnSpans{}, false
	}
	var sp turnSpans
	for k, g := range [4]int{re.time, re.speaker, re.text, re.end} {
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
	turns    int // turn lines
	strong   int // turn lines the layout or a repeated name makes certain
	first    int // index of the first turn line: text before it is left over
	speakers int // turn lines that name a speaker
	rejected int // first line (1-based) whose speaker was not a name, or 0
}

// better reports whether s explains more of the input than t: more turns,
// then more that are certain ("0:16" alone on its line rather than "Zeit
// John 3:16 …" said once), then a first turn earlier in the file (less
// text left before it), then more with speakers ("[00:05] Ann: hi" read
// as time-name rather than timestamped).
func (s score) better(t score) bool {
	switch {
	case s.turns != t.turns:
		return s.turns > t.turns
	case s.strong != t.strong:
		return s.strong > t.strong
	case s.first != t.first:
		return s.first < t.first
	}
	return s.speakers > t.speakers
}

// scoreDialect scores d on the first detectLines non-blank lines of
// lines[from:].
func scoreDialect(d *dialect, p *page, from int) score {
	cl, _ := classify(d, p, from, detectLines, text.Source{}, true)
	sc := score{turns: len(cl.turns), strong: cl.strong, speakers: cl.speakers, rejected: cl.rejected}
	sc.first = len(p.line)
	for _, tn := range cl.turns {
		if p.chapter[tn.line] {
			continue // as likely a chapter as a turn
		}
		sc.first = tn.line
		if tn.nameLine >= 0 && tn.nameLine < sc.first {
			sc.first = tn.nameLine // the name line above the time
		}
		break
	}
	return sc
}

// detectDialect returns the dialect that explains most turn lines of
// lines[from:], or an ErrUnknownDialect error saying what each tried.
func detectDialect(p *page, from int, o text.Source) (*dialect, error) {
	var best *dialect
	var bestScore score
	scores := make([]score, len(dialects))
	for i, d := range dialects {
		scores[i] = scoreDialect(d, p, from)
		if scores[i].turns > 0 && (best == nil || scores[i].better(bestScore)) {
			best, bestScore = d, scores[i]
		}
	}
	if best != nil {
		return best, nil
	}
	return nil, unknownDialectError(p.raw, from, scores, o)
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
		fmt.Fprintf(&b, "\n\t%-14s %-38q %s", d.name, d.example(), why)
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
