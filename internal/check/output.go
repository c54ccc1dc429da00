package check

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/capconv/capconv/timing"
)

// Clock formats d as HH:MM:SS.mmm, rounded to the millisecond as the
// writers round.
func Clock(d time.Duration) string {
	neg := ""
	if d < 0 {
		neg, d = "-", -d
	}
	ms := d.Round(time.Millisecond).Milliseconds()
	return fmt.Sprintf("%s%02d:%02d:%02d.%03d", neg, ms/3600000, ms/60000%60, ms/1000%60, ms%1000)
}

// String formats f as a line of the text report, after its file name:
// "cue 12 (00:01:02.345): cps: 23.4 characters a second, above 20".
func (f Finding) String() string {
	var where string
	switch {
	case f.Cue > 0:
		where = fmt.Sprintf("cue %d (%s): ", f.Cue, Clock(f.Start))
	case f.Line > 0:
		where = fmt.Sprintf("%d: ", f.Line)
	default:
		where = " "
	}
	return fmt.Sprintf("%s%s: %s", where, f.Rule, f.Message)
}

// noRoom says why a finding marked NoRoom cannot be fixed in place.
func (r *Result) noRoom() string {
	if r.Transcript {
		return " (no room: the transcript leaves too little time)"
	}
	return " (no room: the cues around it leave too little time)"
}

// WriteText writes one line per finding of r: "file:cue 12
// (00:01:02.345): cps: 23.4 characters a second, above 20".
func WriteText(w io.Writer, r *Result) error {
	var b strings.Builder
	for _, f := range r.Findings {
		b.WriteString(r.File)
		b.WriteByte(':')
		b.WriteString(f.String())
		if f.NoRoom {
			b.WriteString(r.noRoom())
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// RuleCount is how many times one rule was broken.
type RuleCount struct {
	Rule     timing.Rule `json:"rule"`
	Severity Severity    `json:"severity"`
	Count    int         `json:"count"`
	// Files is how many files break it.
	Files int `json:"files"`
}

// Summarize counts the findings of rs per rule, in Rules' order, leaving
// out rules none breaks.
func Summarize(rs []*Result) []RuleCount {
	var out []RuleCount
	for _, rule := range Rules() {
		c := RuleCount{Rule: rule, Severity: SeverityOf(rule)}
		for _, r := range rs {
			n := 0
			for _, f := range r.Findings {
				if f.Rule == rule {
					n++
				}
			}
			c.Count += n
			if n > 0 {
				c.Files++
			}
		}
		if c.Count > 0 {
			out = append(out, c)
		}
	}
	return out
}

// WriteSummary writes the count of each rule broken in rs, and a total
// line.
func WriteSummary(w io.Writer, rs []*Result) error {
	var b strings.Builder
	per := map[Severity]int{}
	for _, c := range Summarize(rs) {
		fmt.Fprintf(&b, "%-14s %-8s %6d in %s\n", c.Rule, c.Severity, c.Count, plural(c.Files, "file"))
		per[c.Severity] += c.Count
	}
	fmt.Fprintf(&b, "%s checked: %s, %s, %d info\n", plural(len(rs), "file"),
		plural(per[Error], "error"), plural(per[Warning], "warning"), per[Info])
	_, err := io.WriteString(w, b.String())
	return err
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// Schema names the JSON report's format and version; a change that
// could break a reader of it gets a new version.
const Schema = "capconv-check/1"

// jsonReport is the JSON report (docs/check.md).
type jsonReport struct {
	Schema  string      `json:"schema"`
	Limits  jsonLimits  `json:"limits"`
	Files   []jsonFile  `json:"files"`
	Summary []RuleCount `json:"summary"`
}

type jsonLimits struct {
	MaxChars      int     `json:"max_chars"`
	MaxLines      int     `json:"max_lines"`
	MaxCPS        float64 `json:"max_cps"`
	MinDurationMS int64   `json:"min_duration_ms"`
	MaxDurationMS int64   `json:"max_duration_ms"`
	FPS           float64 `json:"fps,omitempty"`
}

type jsonFile struct {
	File       string        `json:"file"`
	Transcript bool          `json:"transcript"`
	Cues       int           `json:"cues"`
	Language   string        `json:"language,omitempty"`
	Error      string        `json:"error,omitempty"`
	Violations []jsonFinding `json:"violations"`
}

type jsonFinding struct {
	Cue      int         `json:"cue,omitempty"`
	Line     int         `json:"line,omitempty"`
	Start    string      `json:"start,omitempty"`
	StartMS  *int64      `json:"start_ms,omitempty"`
	Rule     timing.Rule `json:"rule"`
	Severity Severity    `json:"severity"`
	Message  string      `json:"message"`
	NoRoom   bool        `json:"no_room,omitempty"`
}

// Failed is an input that could not be checked, for WriteJSON.
type Failed struct {
	File string
	Err  error
}

// WriteJSON writes the results rs, and the inputs that failed, as the
// JSON report of schema Schema.
func WriteJSON(w io.Writer, rs []*Result, failed []Failed, limits timing.Options) error {
	limits = timing.Resolved(limits)
	rep := jsonReport{
		Schema: Schema,
		Limits: jsonLimits{
			MaxChars: limits.MaxChars, MaxLines: limits.MaxLines, MaxCPS: limits.MaxCPS,
			MinDurationMS: limits.MinDuration.Milliseconds(), MaxDurationMS: limits.MaxDuration.Milliseconds(),
			FPS: limits.FPS,
		},
		Files:   []jsonFile{},
		Summary: Summarize(rs),
	}
	if rep.Summary == nil {
		rep.Summary = []RuleCount{}
	}
	for _, r := range rs {
		f := jsonFile{File: r.File, Transcript: r.Transcript, Cues: r.NumCues, Language: r.Language, Violations: []jsonFinding{}}
		for _, x := range r.Findings {
			j := jsonFinding{Cue: x.Cue, Line: x.Line, Rule: x.Rule, Severity: x.Severity, Message: x.Message, NoRoom: x.NoRoom}
			if x.Cue > 0 {
				ms := x.Start.Milliseconds()
				j.Start, j.StartMS = Clock(x.Start), &ms
			}
			f.Violations = append(f.Violations, j)
		}
		rep.Files = append(rep.Files, f)
	}
	for _, x := range failed {
		rep.Files = append(rep.Files, jsonFile{File: x.File, Error: x.Err.Error(), Violations: []jsonFinding{}})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(rep)
}
