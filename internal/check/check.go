package check

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/timing"
)

// Severity says how much a violation matters for delivery.
type Severity int

// The severities, from least to most serious.
const (
	Info    Severity = iota + 1 // a matter of style a reviewer may accept
	Warning                     // breaks the style guide's limits
	Error                       // broken for every viewer or player
)

var severityNames = map[Severity]string{Info: "info", Warning: "warning", Error: "error"}

// String returns the severity's name: info, warning or error.
func (s Severity) String() string {
	if n, ok := severityNames[s]; ok {
		return n
	}
	return fmt.Sprintf("Severity(%d)", int(s))
}

// MarshalText writes the severity as its name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// ParseSeverity reads a severity name: info, warning or error.
func ParseSeverity(name string) (Severity, error) {
	for s := Info; s <= Error; s++ {
		if strings.EqualFold(name, s.String()) {
			return s, nil
		}
	}
	return 0, fmt.Errorf("%q: expected error, warning or info", name)
}

// RuleRead marks a repair a reader made to the input (text after a blank
// line, invalid bytes): the file is not what its author meant.
const RuleRead timing.Rule = "read"

// severities give each rule's severity; Rules lists them in this order.
var severities = []struct {
	rule timing.Rule
	sev  Severity
}{
	{timing.RuleOverlap, Error},
	{timing.RuleDuration, Error},
	{timing.RuleOrder, Error},
	{timing.RuleEmpty, Error},
	{timing.RuleLines, Error},
	{timing.RuleChars, Error},
	{timing.RuleCPS, Warning},
	{timing.RuleMinDuration, Warning},
	{timing.RuleMaxDuration, Warning},
	{timing.RuleGap, Warning},
	{timing.RuleFrames, Warning},
	{timing.RuleSpeakerID, Warning},
	{timing.RuleDialogueDash, Warning},
	{RuleRead, Warning},
	{timing.RuleChain, Info},
	{timing.RuleUnbalanced, Info},
	{timing.RuleLineBreak, Info},
	{timing.RuleOrphan, Info},
}

// Rules returns every rule's identifier, the most serious first.
func Rules() []timing.Rule {
	out := make([]timing.Rule, len(severities))
	for i, s := range severities {
		out[i] = s.rule
	}
	return out
}

// SeverityOf returns rule r's severity (Warning for a rule it does not
// know).
func SeverityOf(r timing.Rule) Severity {
	for _, s := range severities {
		if s.rule == r {
			return s.sev
		}
	}
	return Warning
}

// Finding is one violation found in one file.
type Finding struct {
	// Cue is the cue's number, from 1; 0 for a finding about the file.
	Cue int
	// Line is the input's line, for a finding about the file (0 when
	// unknown).
	Line     int
	Start    time.Duration
	Rule     timing.Rule
	Severity Severity
	// Message says what is wrong, and by how much.
	Message string
	// NoRoom marks a cue too short or too fast to read whose neighbours
	// leave it no time to grow.
	NoRoom bool
}

// Result is what checking one file found.
type Result struct {
	// File names the input as messages name it.
	File string
	// Transcript is set when the input was a transcript, checked as the
	// captions its conversion writes.
	Transcript bool
	// Cues are the cues checked, their lines as a viewer reads them
	// (labels and dashes included). A caller that keeps many results
	// may drop them once written: NumCues keeps their number.
	Cues    []caption.Cue
	NumCues int
	// Limits are the limits checked against, defaults filled in.
	Limits timing.Options
	// Language is the tag of the text's language: the file's, --lang,
	// or guessed for the limits; "" when a preset gave the limits, or the
	// text is too short to tell (the line break rules then tell it by
	// its closed-class words).
	Language string
	// Findings are the violations in cue order, file findings first.
	Findings []Finding
}

// Options tune a check.
type Options struct {
	// Convert reads the input and times a transcript; Convert.Timing
	// holds the limits (a preset with overrides), and Convert.Timing.FPS,
	// when set, the frame rate every time should fall on.
	Convert convert.Options
	// Ignore lists rules not to report.
	Ignore []timing.Rule
}

// File reads the caption file or transcript at path and checks it.
func File(path string, o Options) (*Result, error) {
	var warned []Finding
	o.Convert.Warn = readWarning(&warned)
	doc, err := convert.ReadFile(path, o.Convert)
	if err != nil {
		return nil, err
	}
	return check(caption.QuotePath(path), doc, warned, o)
}

// Read reads a caption file or transcript from r, called name in
// messages, and checks it.
func Read(r io.Reader, name string, o Options) (*Result, error) {
	var warned []Finding
	o.Convert.Warn = readWarning(&warned)
	o.Convert.File = name
	doc, err := convert.Read(r, o.Convert.From, o.Convert)
	if err != nil {
		return nil, err
	}
	return check(name, doc, warned, o)
}

// Document checks doc, read from the input called name.
func Document(name string, doc *caption.Document, o Options) (*Result, error) {
	return check(name, doc, nil, o)
}

// readWarning returns a convert.Options.Warn that keeps each warning in
// *to as a finding.
func readWarning(to *[]Finding) func(caption.Position, string) {
	return func(pos caption.Position, msg string) {
		r := RuleRead
		if strings.Contains(msg, "not in start order") {
			r = timing.RuleOrder
		}
		*to = append(*to, Finding{Line: pos.Line, Rule: r, Severity: SeverityOf(r), Message: msg})
	}
}

func check(name string, doc *caption.Document, found []Finding, o Options) (*Result, error) {
	// The limits of the text's language unless a preset or the flags
	// gave them, as convert times it.
	lang := language(doc, o.Convert.Timing)
	limits := o.Convert.Timing.ForLanguage(lang) // as convert.TimingOptions
	r := &Result{File: name, Language: lang, Findings: found, Limits: timing.Resolved(limits)}
	fps := limits.FPS
	if len(doc.Cues) == 0 && len(doc.Segments) > 0 {
		r.Transcript = true
		outs, err := convert.Convert(doc, []convert.Format{convert.SRT}, o.Convert)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		doc = outs[0].Doc
	}
	r.Cues = shown(doc)
	r.NumCues = len(r.Cues)
	labels := false
	switch doc.SpeakersShown {
	case "line", "name", "upper", "bracket", "chevron":
		labels = true
	}
	vs := merge(timing.Check(r.Cues, limits), timing.CheckChains(r.Cues, limits))
	vs = merge(vs, timing.Lint(r.Cues, timing.LintOptions{LabelsShown: labels, FPS: fps, Language: lang}))
	for _, v := range vs {
		r.Findings = append(r.Findings, Finding{
			Cue: v.Cue + 1, Start: v.Start, Rule: v.Rule, Severity: SeverityOf(v.Rule),
			Message: v.Detail, NoRoom: v.NoRoom,
		})
	}
	if len(o.Ignore) > 0 {
		r.Findings = slices.DeleteFunc(r.Findings, func(f Finding) bool { return slices.Contains(o.Ignore, f.Rule) })
	}
	return r, nil
}

// language returns the tag of the language of doc's text: doc's own
// (or --lang), else, when the limits t leave a line length or reading
// speed to the language, the one convert guesses for them; else "", and
// timing.Lint tells the language by its closed-class words, in a few
// microseconds where the guess takes a millisecond.
func language(doc *caption.Document, t timing.Options) string {
	if doc.Language != "" || t.MaxChars > 0 && t.MaxCPS > 0 {
		return doc.Language
	}
	return convert.Language(doc)
}

// merge merges a and b, each in cue order, into one list in cue order,
// a's first for the same cue.
func merge(a, b []timing.Violation) []timing.Violation {
	out := make([]timing.Violation, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if b[0].Cue < a[0].Cue {
			out, b = append(out, b[0]), b[1:]
		} else {
			out, a = append(out, a[0]), a[1:]
		}
	}
	return append(append(out, a...), b...)
}

// shown returns doc's cues with each line's text as a viewer reads it:
// the dialogue dash and speaker label before it.
func shown(doc *caption.Document) []caption.Cue {
	text := convert.ShownText(doc, convert.LabelAuto)
	cues := make([]caption.Cue, len(doc.Cues))
	for i, c := range doc.Cues {
		c.Lines = slices.Clone(c.Lines)
		for j := range c.Lines {
			c.Lines[j].Text = text[i][j]
			c.Lines[j].Spans = nil
		}
		cues[i] = c
	}
	return cues
}

// Worst returns the most serious severity among rs's findings, 0 when
// there are none.
func Worst(rs []*Result) Severity {
	var w Severity
	for _, r := range rs {
		for _, f := range r.Findings {
			w = max(w, f.Severity)
		}
	}
	return w
}
