package batch

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"time"

	"github.com/capconv/capconv/convert/caption"
)

// Report is the outcome of a batch.
type Report struct {
	// Files holds one result per input, in plan order.
	Files []Result
	// Elapsed is the wall time of the whole batch.
	Elapsed time.Duration
}

// Counts are the number of inputs per outcome.
type Counts struct {
	Converted, Skipped, Failed, Cancelled int
	// Partial counts the inputs, converted or failed, of which only some
	// outputs were written (see Result.Partial).
	Partial int
}

// Counts tallies r's results.
func (r *Report) Counts() Counts {
	var c Counts
	for _, f := range r.Files {
		switch f.Status {
		case Converted:
			c.Converted++
		case Skipped:
			c.Skipped++
		case Failed:
			c.Failed++
		case Cancelled:
			c.Cancelled++
		}
		if f.Partial() {
			c.Partial++
		}
	}
	return c
}

// Partial reports whether some of r's outputs were written and others
// not: one kept because it existed beside fresh ones (a stale .srt next
// to a new .vtt), or one that failed after others were put in place.
func (r Result) Partial() bool {
	written, missed := false, false
	for _, o := range r.Outputs {
		switch {
		case o.Status == Written:
			written = true
		case !o.Side:
			missed = true
		}
	}
	return written && missed
}

// OK reports whether every input was converted or skipped.
func (r *Report) OK() bool {
	c := r.Counts()
	return c.Failed == 0 && c.Cancelled == 0
}

// Summary is the one-line account printed at the end of a batch.
func (r *Report) Summary() string {
	c := r.Counts()
	s := fmt.Sprintf("%d converted, %d skipped, %d failed", c.Converted, c.Skipped, c.Failed)
	if c.Cancelled > 0 {
		s += fmt.Sprintf(", %d cancelled", c.Cancelled)
	}
	if c.Partial > 0 {
		s += fmt.Sprintf(", %d written only in part", c.Partial)
	}
	return s + fmt.Sprintf(" in %s", r.Elapsed.Round(time.Millisecond))
}

// ReportVersion is the version of the JSON report's schema; it changes
// only when a field changes meaning or goes away.
const ReportVersion = 1

// The JSON report's schema, documented in the README.
type (
	jsonReport struct {
		Version   int        `json:"version"`
		Converted int        `json:"converted"`
		Skipped   int        `json:"skipped"`
		Failed    int        `json:"failed"`
		Cancelled int        `json:"cancelled"`
		Partial   int        `json:"partial"`
		ElapsedMS float64    `json:"elapsed_ms"`
		Files     []jsonFile `json:"files"`
	}
	jsonFile struct {
		Input           string        `json:"input"`
		Status          Status        `json:"status"`
		Partial         bool          `json:"partial,omitempty"`
		Error           string        `json:"error,omitempty"`
		Warnings        int           `json:"warnings"`
		WarningMessages []jsonWarning `json:"warning_messages,omitempty"`
		ElapsedMS       float64       `json:"elapsed_ms"`
		Outputs         []jsonOutput  `json:"outputs"`
	}
	jsonWarning struct {
		Line    int    `json:"line,omitempty"`
		Message string `json:"message"`
	}
	jsonOutput struct {
		Path   string `json:"path"`
		Format string `json:"format"`
		Status Status `json:"status"`
	}
)

// WriteJSON writes r as the JSON report, indented, ending in a newline.
func (r *Report) WriteJSON(w io.Writer) error {
	c := r.Counts()
	jr := jsonReport{
		Version: ReportVersion, Converted: c.Converted, Skipped: c.Skipped,
		Failed: c.Failed, Cancelled: c.Cancelled, Partial: c.Partial, ElapsedMS: ms(r.Elapsed),
		Files: make([]jsonFile, len(r.Files)),
	}
	for i, f := range r.Files {
		jf := jsonFile{Input: f.Input, Status: f.Status, Partial: f.Partial(), ElapsedMS: ms(f.Elapsed), Outputs: []jsonOutput{}}
		if f.Err != nil {
			jf.Error = Describe(f.Err)
		}
		jf.Warnings = f.WarningCount
		for _, w := range f.Warnings {
			jf.WarningMessages = append(jf.WarningMessages, jsonWarning{w.Pos.Line, w.Msg})
		}
		for _, o := range f.Outputs {
			jf.Outputs = append(jf.Outputs, jsonOutput{o.Path, string(o.Format), o.Status})
		}
		jr.Files[i] = jf
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(jr)
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// Describe renders err as "file:line:col: message" or "file: message",
// the way capconv prints problems: a *fs.PathError's "open x: ..." becomes
// "x: ...", so every line starts with the file it is about.
// A file name that does not print is quoted (see caption.QuotePath).
func Describe(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Error() == err.Error() {
		return caption.QuotePath(pe.Path) + ": " + pe.Err.Error()
	}
	return err.Error()
}

// Summarize returns the first line of Describe(err), which names the file
// and line and what was expected there, and whether lines were left out:
// the one line a batch prints per failed input. The trailing colon that
// announced the lines left out goes with them.
func Summarize(err error) (line string, cut bool) {
	line, _, cut = strings.Cut(Describe(err), "\n")
	if cut {
		line = strings.TrimSuffix(line, ":")
	}
	return line, cut
}

// MoreWarnings is the line that stands for the n warnings of input that
// were counted but not printed.
func MoreWarnings(input string, n int) string {
	s := "s"
	if n == 1 {
		s = ""
	}
	return fmt.Sprintf("warning: %s: %d more warning%s (--verbose to see all)", caption.QuotePath(input), n, s)
}
