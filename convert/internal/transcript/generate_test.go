package transcript

import (
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/text"
	"github.com/google/go-cmp/cmp"
)

// The generated-transcript tests write random transcripts in every layout
// the package reads, from the name list of names_test.go and a small
// multilingual word list, and check that reading them gives back what was
// written: every speaker as written (whitespace collapsed), every word in
// order and with its speaker, every turn's start at the layout's
// precision, and nothing more.

// genLayouts selects, for FuzzGeneratedTranscript, the layout/profile
// pairs (as the subtests of TestGeneratedTranscripts name them) to fuzz.
var genLayouts = flag.String("genlayouts", "", "regexp of layout/profile pairs FuzzGeneratedTranscript draws from (default all)")

// genCasesPerProfile is how many transcripts TestGeneratedTranscripts
// writes for each layout and profile.
const genCasesPerProfile = 12

// A layout is one way of writing a turn. Its name is the dialect that
// reads it, as Dialects() lists it (or will, for the layouts the dialect
// reader does not know yet).
type layout struct {
	name     string
	speakers bool // turns name their speaker
	// inline puts a turn's first paragraph on its turn line; otherwise
	// every paragraph follows on the lines below.
	inline bool
	// single allows a turn no paragraph beyond its turn line.
	single bool
	// blankBefore puts a blank line before every turn, where the turn
	// line alone would not tell a turn from the text above it.
	blankBefore bool
	clock       func(time.Duration) string
	precision   time.Duration
	// head writes a turn's opening lines.
	head func(t turnHead) []string
	// nameOK refuses the names the layout cannot carry (nil: all).
	nameOK func(string) bool
	footer string // a line the exporting tool ends the file with
	// dialect reads the layout, when it is a variant of a dialect named
	// otherwise ("" for the layout's name).
	dialect string
}

// dialectName returns the dialect that reads l.
func (l layout) dialectName() string {
	if l.dialect != "" {
		return l.dialect
	}
	return l.name
}

// turnHead is what a layout's head writes.
type turnHead struct {
	speaker  string
	clock    string
	endClock string // the next turn's start, for layouts that state ends
	text     string // the first paragraph, for inline layouts
	variant  int    // chosen per file, for layouts written in more than one way
}

func lines(l ...string) []string { return l }

var genLayoutTable = []layout{
	{name: "rev", speakers: true, clock: clockHHMMSS, head: func(t turnHead) []string {
		return lines(t.speaker + " (" + t.clock + "):")
	}},
	{name: "rev-inline", speakers: true, inline: true, clock: clockHHMMSS, head: func(t turnHead) []string {
		return lines(t.speaker + " (" + t.clock + ")" + [...]string{" ", ": "}[t.variant%2] + t.text)
	}},
	{name: "otter", speakers: true, clock: clockMSS, footer: "Transcribed by https://otter.ai", head: func(t turnHead) []string {
		return lines(t.speaker + "  " + t.clock + "  ")
	}},
	{name: "bracketed", speakers: true, inline: true, clock: clockMMSS, nameOK: noneOf("[]"), head: func(t turnHead) []string {
		return lines("[" + t.speaker + "] [" + t.clock + "] " + t.text)
	}},
	{name: "markdown", speakers: true, inline: true, clock: clockMSS, nameOK: noneOf("*"), head: func(t turnHead) []string {
		return lines("**" + t.speaker + "** [" + t.clock + "] " + t.text)
	}},
	{name: "markdown-label", speakers: true, inline: true, clock: clockMMSS, nameOK: noneOf("*"), head: func(t turnHead) []string {
		return lines("**[" + t.clock + "] " + t.speaker + ":** " + t.text)
	}},
	{name: "time-name", speakers: true, inline: true, clock: clockHHMMSS, nameOK: noneOf(":"), head: func(t turnHead) []string {
		return lines("[" + t.clock + "] " + t.speaker + ": " + t.text)
	}},
	{name: "speaker-line", speakers: true, clock: clockHMMSS, head: func(t turnHead) []string {
		return lines(t.speaker + " " + t.clock)
	}},
	{name: "timestamped", inline: true, clock: clockHHMMSS, head: func(t turnHead) []string {
		return lines([...]string{"", "["}[t.variant%2] + t.clock + [...]string{"", "]"}[t.variant%2] + " " + t.text)
	}},
	{name: "youtube", clock: clockMSS, head: func(t turnHead) []string { return lines(t.clock) }},

	// Variants of the dialects above, and the layouts of their own.
	{name: "whisper", inline: true, single: true, clock: clockWhisper, precision: time.Millisecond, head: func(t turnHead) []string {
		return lines("[" + t.clock + " --> " + t.endClock + "]  " + t.text)
	}},
	{name: "whisperx", dialect: "whisper", speakers: true, inline: true, single: true, clock: clockHHMMSSmmm, precision: time.Millisecond,
		nameOK: noneOf(":"), head: func(t turnHead) []string {
			return lines("[" + t.clock + " --> " + t.endClock + "] " + t.speaker + ": " + t.text)
		}},
	{name: "clock-name", dialect: "time-name", speakers: true, inline: true, clock: clockHHMMSS, nameOK: noneOf(":"), head: func(t turnHead) []string {
		return lines(t.clock + " " + t.speaker + ": " + t.text)
	}},
	{name: "clock-bold", dialect: "time-markdown", speakers: true, inline: true, clock: clockHMMSSd, precision: 100 * time.Millisecond,
		nameOK: noneOf("*"), head: func(t turnHead) []string {
			return lines(t.clock + " **" + t.speaker + "** " + t.text)
		}},
	{name: "paren-clock-name", dialect: "time-name", speakers: true, inline: true, clock: clockHHMMSS, nameOK: noneOf(":"), head: func(t turnHead) []string {
		return lines("(" + t.clock + ") " + t.speaker + ": " + t.text)
	}},
	{name: "bracketed-clock", dialect: "bracketed", speakers: true, inline: true, clock: clockMMSS, nameOK: noneOf("[]"), head: func(t turnHead) []string {
		return lines("[" + t.speaker + "] " + t.clock + " " + t.text)
	}},
	{name: "name-colon-clock", dialect: "name-time", speakers: true, inline: true, clock: clockMMSS, nameOK: noneOf(":"), head: func(t turnHead) []string {
		return lines(t.speaker + ": [" + t.clock + "] " + t.text)
	}},
	{name: "bold-paren-clock", dialect: "markdown", speakers: true, inline: true, clock: clockMMSS, nameOK: noneOf("*"), head: func(t turnHead) []string {
		return lines("**" + t.speaker + "** (" + t.clock + "): " + t.text)
	}},
	{name: "name-pipe-clock", dialect: "speaker-line", speakers: true, clock: clockHHMMSS, nameOK: noneOf("|"), head: func(t turnHead) []string {
		return lines(t.speaker + " | " + t.clock)
	}},
	{name: "name-clock-text", dialect: "speaker-inline", speakers: true, inline: true, clock: clockHHMMSS, head: func(t turnHead) []string {
		return lines(t.speaker + " " + t.clock + " " + t.text)
	}},
	{name: "name-bracket-clock", dialect: "speaker-line", speakers: true, clock: clockHHMMSSmmm, precision: time.Millisecond, nameOK: noneOf("[]"),
		head: func(t turnHead) []string { return lines(t.speaker + " [" + t.clock + "]") }},
	{name: "rev-range", dialect: "rev", speakers: true, clock: clockHHMMSS, head: func(t turnHead) []string {
		return lines(t.speaker + " (" + t.clock + " - " + t.endClock + "):")
	}},
	{name: "name-then-clock", dialect: "name-then-time", speakers: true, blankBefore: true, clock: clockHHMMSS, head: func(t turnHead) []string {
		return lines(t.speaker, t.clock)
	}},
	{name: "clock-then-name", dialect: "time-then-name", speakers: true, blankBefore: true, clock: clockHHMMSS, head: func(t turnHead) []string {
		return lines(t.clock, t.speaker)
	}},
	{name: "teams", speakers: true, blankBefore: true, clock: clockTeams, precision: time.Millisecond, head: func(t turnHead) []string {
		return lines(t.clock+" --> "+t.endClock, t.speaker)
	}},
	{name: "zh-export", dialect: "speaker-line", speakers: true, clock: clockMMSS, footer: "以上内容由AI生成，仅供参考", head: func(t turnHead) []string {
		return lines(t.speaker + " " + t.clock)
	}},
}

func noneOf(chars string) func(string) bool {
	return func(name string) bool { return !strings.ContainsAny(name, chars) }
}

// The clocks layouts write. Those that omit hours write them once the
// time passes an hour.

func hms(d time.Duration) (h, m, s, ms int64) {
	n := d.Milliseconds()
	return n / 3600000, n / 60000 % 60, n / 1000 % 60, n % 1000
}

func clockHHMMSS(d time.Duration) string {
	h, m, s, _ := hms(d)
	return fmt.Sprintf("%02d:%02d:%02d", h, m, s)
}

func clockHMMSS(d time.Duration) string {
	h, m, s, _ := hms(d)
	return fmt.Sprintf("%d:%02d:%02d", h, m, s)
}

func clockMSS(d time.Duration) string {
	if h, m, s, _ := hms(d); h == 0 {
		return fmt.Sprintf("%d:%02d", m, s)
	}
	return clockHMMSS(d)
}

func clockMMSS(d time.Duration) string {
	if h, m, s, _ := hms(d); h == 0 {
		return fmt.Sprintf("%02d:%02d", m, s)
	}
	return clockHMMSS(d)
}

func clockHMMSSd(d time.Duration) string {
	_, _, _, ms := hms(d)
	return fmt.Sprintf("%s.%d", clockHMMSS(d), ms/100)
}

func clockHHMMSSmmm(d time.Duration) string {
	_, _, _, ms := hms(d)
	return fmt.Sprintf("%s.%03d", clockHHMMSS(d), ms)
}

// clockTeams writes times as Microsoft Teams transcripts do, unpadded:
// "0:0:5.46", "0:1:8.0".
func clockTeams(d time.Duration) string {
	h, m, s, ms := hms(d)
	frac := strings.TrimRight(fmt.Sprintf("%03d", ms), "0")
	if frac == "" {
		frac = "0"
	}
	return fmt.Sprintf("%d:%d:%d.%s", h, m, s, frac)
}

func clockWhisper(d time.Duration) string {
	if h, m, s, ms := hms(d); h == 0 {
		return fmt.Sprintf("%02d:%02d.%03d", m, s, ms)
	}
	return clockHHMMSSmmm(d)
}

// A profile is what a generated transcript is made of: whose names and
// which texts.
type profile struct {
	name  string
	names func(tn *testNames) []personName
	// tricky adds capitalised prose, other scripts' capitals and lines
	// that read like turn lines (see trickyTokens).
	tricky bool
}

var genProfiles = []profile{
	// latin is the case a reader that goes by capital letters handles:
	// capitalised Latin names, lower-case prose.
	{name: "latin", names: func(tn *testNames) []personName { return tn.latin }},
	{name: "scripts", names: func(tn *testNames) []personName { return tn.nonLatin }},
	{name: "styles", names: func(tn *testNames) []personName { return tn.styled }},
	{name: "prose", names: func(tn *testNames) []personName { return tn.latin }, tricky: true},
	{name: "mixed", names: func(tn *testNames) []personName { return tn.all }, tricky: true},
}

// A token is a word or a phrase kept whole on one line.
type token struct {
	s string
	// lead lets the token start a line: no line starts with a digit, a
	// bracket or markup, which would make it a turn line or a heading.
	lead bool
	// prefix, for a phrase that reads like "Name time", is the name part:
	// it is not used in a file whose cast has that name.
	prefix string
}

func words(lead bool, ws ...string) []token {
	out := make([]token, len(ws))
	for i, w := range ws {
		out[i] = token{s: w, lead: lead}
	}
	return out
}

// plainTokens read as prose for any reader: lower-case words in many
// languages and scripts, numbers, colons and times inside a sentence.
var plainTokens = slices.Concat(
	words(true, "and", "the", "we", "really", "think", "that", "was", "about", "people", "because",
		"well", "so", "you", "know", "maybe", "yes", "right", "okay", "actually", "exactly",
		"sí", "gracias", "mañana", "también", "où", "déjà", "très", "ça", "über", "schön", "grüß",
		"często", "żółw", "ďakujem", "şimdi", "güzel", "ağaç", "xin", "chào", "người", "được",
		"não", "coração", "привет", "спасибо", "καλημέρα", "ευχαριστώ", "شكرا", "תודה", "नमस्ते",
		"ধন্যবাদ", "நன்றி", "ขอบคุณ", "谢谢", "謝謝", "ありがとう", "감사합니다", "მადლობა",
		"շնորհակալություն", "አመሰግናለሁ", "😂", "the rule: always", "my answer: yes",
		"we meet at 10:30", "see John 3:16", "it was Arsenal 2:1", "around 9:45", "ratio 16:9",
		"until 12:00:00", "wow,", "really?", "fine.", "well…", "“quoted”", "it's"),
	words(false, "42", "3.5", "1,000", "2024", "100%", "#1", "7", "[laughs]", "(inaudible)", "—"),
)

// trickyTokens look like names or turn lines to a reader that goes by
// capital letters or by the shape of one line.
var trickyTokens = []token{
	{s: "John 3:16", lead: true, prefix: "John"},
	{s: "Meet Me At 10:30", lead: true, prefix: "Meet Me At"},
	{s: "Arsenal 2:1", lead: true, prefix: "Arsenal"},
	{s: "Psalm 23:1", lead: true, prefix: "Psalm"},
	{s: "Chelsea 3:0", lead: true, prefix: "Chelsea"},
	{s: "Note: the", lead: true},
	{s: "Important: read this", lead: true},
	{s: "Berlin", lead: true}, {s: "Paris", lead: true}, {s: "NASA", lead: true}, {s: "I", lead: true},
	{s: "OK", lead: true}, {s: "Zeit", lead: true}, {s: "Hauptbahnhof", lead: true},
	{s: "Москва", lead: true}, {s: "Αθήνα", lead: true}, {s: "Ünal", lead: true},
}

// allTokens is the tricky profiles' pool, with tricky tokens often enough
// that most files have some.
var allTokens = slices.Concat(plainTokens, trickyTokens, trickyTokens)

// dice draws the generator's choices: from the fuzzer's bytes while they
// last, then from a generator seeded by the case.
type dice struct {
	bytes []byte
	rng   *rand.Rand
}

func newDice(seed uint64, stream uint64, bytes []byte) *dice {
	return &dice{bytes: bytes, rng: rand.New(rand.NewPCG(seed, stream))}
}

// intn returns a choice in [0, n).
func (d *dice) intn(n int) int {
	if n <= 1 {
		return 0
	}
	if len(d.bytes) >= 2 && n > 256 {
		v := int(d.bytes[0])<<8 | int(d.bytes[1])
		d.bytes = d.bytes[2:]
		return v % n
	}
	if len(d.bytes) > 0 {
		v := int(d.bytes[0])
		d.bytes = d.bytes[1:]
		return v % n
	}
	return d.rng.IntN(n)
}

// oneIn reports a choice made once in n times.
func (d *dice) oneIn(n int) bool { return d.intn(n) == 0 }

func pick[T any](d *dice, from []T) T { return from[d.intn(len(from))] }

// generated is a written transcript and what reading it must give.
type generated struct {
	data  []byte
	lines []string
	want  []caption.Segment
	// turnLines[i] is the line range (1-based, inclusive) turn i was
	// written on, for failure messages.
	turnLines [][2]int
}

// generate writes a transcript in layout l from profile p.
func generate(l layout, p profile, d *dice, tn *testNames) generated {
	var g generated
	cast := pickCast(l, p, d, tn)
	prec := l.precision
	if prec == 0 {
		prec = time.Second
	}
	turns := 1 + d.intn(30)
	starts := pickStarts(d, turns, prec)
	variant := d.intn(4)
	used := map[string]bool{} // tricky tokens already used: each reads like a name once
	for i, start := range starts {
		speaker := ""
		if l.speakers {
			speaker = pick(d, cast)
		}
		end := start + time.Duration(1+d.intn(20))*time.Second
		if i+1 < len(starts) {
			end = max(start, starts[i+1])
		}
		paras := 1
		if !l.single {
			paras += d.intn(3) * d.intn(2)
		}
		var texts [][]token
		for range paras {
			texts = append(texts, pickParagraph(d, p, cast, used))
		}
		if i > 0 && (l.blankBefore || d.intn(3) > 0) {
			g.lines = append(g.lines, "")
		}
		first := len(g.lines) + 1
		h := turnHead{speaker: spaceName(d, speaker), clock: l.clock(start), endClock: l.clock(end), variant: variant}
		if l.inline {
			h.text = joinTokens(texts[0])
		}
		g.lines = append(g.lines, l.head(h)...)
		for j, t := range texts {
			if j == 0 && l.inline {
				continue
			}
			if j > 0 || d.oneIn(4) {
				g.lines = append(g.lines, "")
			}
			g.lines = append(g.lines, wrap(d, t)...)
		}
		g.turnLines = append(g.turnLines, [2]int{first, len(g.lines)})
		seg := caption.Segment{Start: start, Speaker: strings.Join(strings.Fields(speaker), " ")}
		for _, t := range texts {
			seg.Paragraphs = append(seg.Paragraphs, joinTokens(t))
		}
		g.want = append(g.want, seg)
	}
	if l.footer != "" {
		g.lines = append(g.lines, "", l.footer)
	}
	g.data = []byte(strings.Join(g.lines, "\n") + "\n")
	return g
}

// pickCast draws two to six distinct speakers the layout can carry.
func pickCast(l layout, p profile, d *dice, tn *testNames) []string {
	pool := p.names(tn)
	n := 2 + d.intn(5)
	var cast []string
	for tries := 0; len(cast) < n && tries < 100; tries++ {
		name := pick(d, pool).full
		key := strings.Join(strings.Fields(name), " ")
		if (l.nameOK == nil || l.nameOK(name)) && !slices.ContainsFunc(cast, func(c string) bool {
			return strings.Join(strings.Fields(c), " ") == key
		}) {
			cast = append(cast, name)
		}
	}
	return cast
}

// spaceName sometimes doubles a space inside a name, which reading
// collapses.
func spaceName(d *dice, name string) string {
	if i := strings.IndexByte(name, ' '); i > 0 && d.oneIn(8) {
		return name[:i] + " " + name[i:]
	}
	return name
}

// pickStarts draws increasing start times at precision prec: some turns
// in the same second, some after long gaps, some files starting hours in.
func pickStarts(d *dice, n int, prec time.Duration) []time.Duration {
	t := time.Duration(d.intn(20_000)) * time.Millisecond
	if d.oneIn(5) {
		t += time.Duration(d.intn(3*3600)) * time.Second
	}
	out := make([]time.Duration, n)
	for i := range out {
		switch r := d.intn(20); {
		case i == 0:
		case r < 2:
		case r < 4:
			t += time.Duration(d.intn(1000)) * time.Millisecond
		case r < 18:
			t += time.Duration(1000+d.intn(30_000)) * time.Millisecond
		default:
			t += time.Duration(60+d.intn(40*60)) * time.Second
		}
		out[i] = t.Truncate(prec)
	}
	if out[n-1] < time.Second { // a file whose every turn starts at 0:00 is another test's
		for i := range out {
			out[i] += time.Second
		}
	}
	return out
}

// pickParagraph draws a paragraph's tokens. In tricky profiles a
// paragraph is sometimes a single phrase that reads like a turn line.
func pickParagraph(d *dice, p profile, cast []string, used map[string]bool) []token {
	pool := plainTokens
	if p.tricky {
		pool = allTokens
		if t := pick(d, trickyTokens); d.oneIn(5) && usable(t, cast, used) {
			used[t.s] = true
			return []token{t}
		}
	}
	n := 1 + d.intn(25)
	var out []token
	for len(out) < n {
		t := pick(d, pool)
		if len(out) == 0 && !t.lead || !usable(t, cast, used) {
			continue
		}
		if t.prefix != "" {
			used[t.s] = true
		}
		out = append(out, t)
	}
	return out
}

// usable reports whether t may go in a file with this cast: a phrase that
// reads like "Name time" is used once, and never with a speaker of that
// name.
func usable(t token, cast []string, used map[string]bool) bool {
	if t.prefix == "" {
		return true
	}
	return !used[t.s] && !slices.Contains(cast, t.prefix)
}

func joinTokens(ts []token) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = t.s
	}
	return strings.Join(s, " ")
}

// wrap breaks a paragraph into lines, only before tokens that may start
// a line.
func wrap(d *dice, ts []token) []string {
	var out []string
	width := 4 + d.intn(10)
	var line []token
	for _, t := range ts {
		if len(line) >= width && t.lead {
			out = append(out, joinTokens(line))
			line = nil
		}
		line = append(line, t)
	}
	return append(out, joinTokens(line))
}

// genCase names one generated transcript.
type genCase struct {
	layout, profile int
	seed            uint64
	choices         []byte
}

func (c genCase) String() string {
	s := fmt.Sprintf("%s/%s seed %d", genLayoutTable[c.layout].name, genProfiles[c.profile].name, c.seed)
	if len(c.choices) > 0 {
		s += fmt.Sprintf(" choices %x", c.choices)
	}
	return s
}

// checkGenerated writes c's transcript and reads it back, detected and
// with its dialect forced, reporting what differs. It returns false when
// it reported a failure.
func checkGenerated(t *testing.T, c genCase) bool {
	t.Helper()
	l, p := genLayoutTable[c.layout], genProfiles[c.profile]
	g := generate(l, p, newDice(c.seed, uint64(c.layout<<8|c.profile), c.choices), names(t))
	detected, forced := readGenerated(g, ""), readGenerated(g, l.dialectName())
	switch {
	case detected != "" && detected == forced:
		t.Errorf("%s, read detected and forced to %s: %s", c, l.dialectName(), detected)
	case detected != "" || forced != "":
		if detected != "" {
			t.Errorf("%s, read detected: %s", c, detected)
		}
		if forced != "" {
			t.Errorf("%s, read forced to %s: %s", c, l.dialectName(), forced)
		}
	}
	return detected == "" && forced == ""
}

// readGenerated reads g as dialect ("" to detect) and returns what is
// wrong with the result, or "".
func readGenerated(g generated, dialect string) string {
	if dialect != "" {
		if _, err := ParseDialect(dialect); err != nil {
			return fmt.Sprintf("the layout's dialect is not among Dialects() %q", Dialects())
		}
	}
	var warnings []string
	doc, err := Read(g.data, text.Source{File: "gen.txt", Warn: func(p caption.Position, m string) {
		warnings = append(warnings, p.String()+": "+m)
	}}, dialect)
	if err != nil {
		line := 0
		var pe *caption.ParseError
		if errors.As(err, &pe) {
			line = pe.Pos.Line
		}
		return fmt.Sprintf("%v\n%s", err, g.excerpt(line, line))
	}
	got := doc.Segments
	if !slices.EqualFunc(g.want, got, sameSegment) {
		i := 0
		for i < len(g.want) && i < len(got) && sameSegment(g.want[i], got[i]) {
			i++
		}
		// Past the first difference the turns are usually out of step:
		// show the few around it.
		lo := max(0, i-1)
		from, to := g.turnRange(i)
		d := cmp.Diff(g.want[lo:min(len(g.want), i+2)], withoutPos(got[lo:min(len(got), i+2)]))
		return fmt.Sprintf("%d turns written, %d read; first difference at turn %d:\n%s\nturns %d to %d mismatch (-want +got):\n%s",
			len(g.want), len(got), i+1, g.excerpt(from, to), lo+1, i+2, d)
	}
	if doc.Title != "" || len(doc.Chapters) > 0 {
		return fmt.Sprintf("title %q and chapters %v invented\n%s", doc.Title, doc.Chapters, g.excerpt(1, 3))
	}
	if w := g.unexpected(warnings); len(w) > 0 {
		return fmt.Sprintf("warnings on a well-formed file: %q", w)
	}
	return ""
}

// unexpected returns the warnings a well-formed file should not get: all
// but the one on a file whose turns all start at one time, and those on
// a look-alike line ("Meet Me At 10:30" as a paragraph of its own), which
// the reader must announce when it looks like the file's speaker lines
// but does not fit them.
func (g generated) unexpected(warnings []string) []string {
	var out []string
	sameStart := len(g.want) >= 3 && g.want[0].Start == g.want[len(g.want)-1].Start
	for _, w := range warnings {
		if sameStart && strings.Contains(w, "turns start at") {
			continue // every turn at one time is announced
		}
		var line int
		if _, err := fmt.Sscanf(strings.TrimPrefix(w, "gen.txt:"), "%d:", &line); err == nil && line >= 1 && line <= len(g.lines) &&
			strings.Contains(w, "looks like a speaker line") && isLookAlike(strings.TrimSpace(g.lines[line-1])) {
			continue
		}
		out = append(out, w)
	}
	return out
}

// isLookAlike reports whether line is, starts with or ends with one of
// the tricky tokens that end like a name and a time: "John 3:16" alone,
// "John 3:16 and more" (the very shape of a name-time-text turn line), or
// "Москва Zeit John 3:16" (a capitalised name and a time).
func isLookAlike(line string) bool {
	return slices.ContainsFunc(trickyTokens, func(t token) bool {
		rest, starts := strings.CutPrefix(line, t.s)
		return t.prefix != "" && (starts && (rest == "" || rest[0] == ' ') || strings.HasSuffix(line, " "+t.s))
	})
}

// sameSegment compares what a generated transcript states: not Pos,
// which in layouts of several head lines could be any of them.
func sameSegment(a, b caption.Segment) bool {
	return a.Start == b.Start && a.Speaker == b.Speaker && slices.Equal(a.Paragraphs, b.Paragraphs)
}

func withoutPos(segs []caption.Segment) []caption.Segment {
	out := slices.Clone(segs)
	for i := range out {
		out[i].Pos = caption.Position{}
	}
	return out
}

// turnRange returns the lines of turns i-1 to i+1.
func (g generated) turnRange(i int) (from, to int) {
	if len(g.turnLines) == 0 {
		return 1, len(g.lines)
	}
	lo, hi := max(0, min(i, len(g.turnLines)-1)-1), min(len(g.turnLines)-1, i+1)
	return g.turnLines[lo][0], g.turnLines[hi][1]
}

// excerpt quotes lines from to to (1-based) of g with their numbers, and
// a little around them.
func (g generated) excerpt(from, to int) string {
	if from <= 0 {
		from, to = 1, len(g.lines)
	}
	from, to = max(1, from-2), min(len(g.lines), to+2, from+40)
	var b strings.Builder
	for n := from; n <= to; n++ {
		fmt.Fprintf(&b, "\t%4d | %s\n", n, g.lines[n-1])
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// TestGeneratedTranscripts writes genCasesPerProfile transcripts for every
// layout and profile and reads each back.
func TestGeneratedTranscripts(t *testing.T) {
	for li, l := range genLayoutTable {
		t.Run(l.name, func(t *testing.T) {
			for pi, p := range genProfiles {
				t.Run(p.name, func(t *testing.T) {
					failed := 0
					for seed := range uint64(genCasesPerProfile) {
						c := genCase{layout: li, profile: pi, seed: seed}
						if failed > 0 {
							if !readsBack(t, c) {
								failed++
							}
							continue
						}
						if !checkGenerated(t, c) {
							failed++
						}
					}
					if failed > 1 {
						t.Errorf("%d of %d transcripts fail (the first is shown)", failed, genCasesPerProfile)
					}
				})
			}
		})
	}
}

// readsBack reports whether c reads back, without reporting why not.
func readsBack(t *testing.T, c genCase) bool {
	l := genLayoutTable[c.layout]
	g := generate(l, genProfiles[c.profile], newDice(c.seed, uint64(c.layout<<8|c.profile), c.choices), names(t))
	return readGenerated(g, "") == "" && readGenerated(g, l.dialectName()) == ""
}

// TestGeneratedLayoutsCoverDialects checks that every dialect has a
// generator.
func TestGeneratedLayoutsCoverDialects(t *testing.T) {
	for _, name := range Dialects() {
		if !slices.ContainsFunc(genLayoutTable, func(l layout) bool { return l.dialectName() == name }) {
			t.Errorf("dialect %q has no layout in genLayoutTable", name)
		}
	}
}

// FuzzGeneratedTranscript checks the property of TestGeneratedTranscripts
// on transcripts drawn from the fuzzer's seed and choice bytes; pair
// indexes the layout/profile pairs -genlayouts selects. While some pairs
// fail, fuzz the others:
//
//	go test -run '^$' -fuzz FuzzGeneratedTranscript ./convert/internal/transcript -genlayouts '^(rev|bracketed)/'
func FuzzGeneratedTranscript(f *testing.F) {
	var pairs [][2]int
	re, err := regexp.Compile(*genLayouts)
	if err != nil {
		f.Fatalf("-genlayouts: %v", err)
	}
	for li, l := range genLayoutTable {
		for pi, p := range genProfiles {
			if re.MatchString(l.name + "/" + p.name) {
				pairs = append(pairs, [2]int{li, pi})
			}
		}
	}
	if len(pairs) == 0 {
		f.Fatalf("-genlayouts %q selects no layout/profile pair", *genLayouts)
	}
	// A few seeds, rotating through the profiles: plain go test runs
	// them too, and TestGeneratedTranscripts already covers every pair.
	for i := 0; i < len(pairs); i += len(genProfiles) + 1 {
		f.Add(uint16(i), uint64(1000+i), []byte(nil))
	}
	f.Fuzz(func(t *testing.T, pair uint16, seed uint64, choices []byte) {
		lp := pairs[int(pair)%len(pairs)]
		checkGenerated(t, genCase{layout: lp[0], profile: lp[1], seed: seed, choices: choices})
	})
}
