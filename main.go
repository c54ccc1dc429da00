// Command capconv turns timestamped transcripts into caption files: SRT,
// WebVTT and TTML, with speaker labels, readable line breaks and timing
// inferred from start times.
package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/capconv/capconv/internal/suggest"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/internal/batch"
	"github.com/capconv/capconv/internal/fileio"
	"github.com/capconv/capconv/timing"
	"github.com/urfave/cli/v2"
	"golang.org/x/text/language"
)

func init() {
	// Help states a default only where there is one worth stating:
	// "(default: false)" on every switch is noise.
	stringify := cli.FlagStringer
	cli.FlagStringer = func(f cli.Flag) string {
		return strings.TrimSuffix(strings.TrimSuffix(stringify(f), " (default: false)"), " (default: 0)")
	}
}

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
}

// gcPercent is capconv's GOGC unless the environment sets one: the heap
// may grow to five times what is live before a collection (the runtime's
// default is twice, from 4 MB). One conversion keeps most of what it
// allocates (the document, the timed cues) until its outputs are
// written, so a collection frees little: on the 3 h transcript the
// default's one collection took 4 ms of a 25 ms run and freed 2 of 5 MB.
// On a large input the heap would grow to five times what is live: a
// soft memory limit of a few times the input's size (batch.HoldMemory)
// makes the collector keep it near what is live instead.
const gcPercent = 400

// limitMemory reports whether capconv sets the soft memory limit itself:
// unless the environment sets GOMEMLIMIT, which then wins.
func limitMemory() bool { return os.Getenv("GOMEMLIMIT") == "" }

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// usageError marks a mistake in how capconv was called.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// run is the whole program; it returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	app := newApp(stdin, stdout, stderr)
	err := app.Run(reorderArgs(args, app))
	if ue, ok := app.Metadata["usage"].(usageError); ok && err == nil {
		err = ue
	}
	if err == nil {
		return exitOK
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "capconv: %v\n", err)
		return exitUsage
	}
	if !errors.Is(err, errReported) {
		fmt.Fprintf(stderr, "capconv: %s\n", batch.Describe(err))
	}
	return exitFailure
}

// errReported means the problems were already printed.
var errReported = errors.New("failed")

func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	return &cli.App{
		Name:    "capconv",
		Version: version(),
		Suggest: true,
		CommandNotFound: func(c *cli.Context, name string) {
			msg := fmt.Sprintf("%q is not a capconv command", name)
			var names []string
			for _, cmd := range c.App.Commands {
				names = append(names, cmd.Names()...)
			}
			if s := closest(name, names); s != "" {
				msg += fmt.Sprintf("; did you mean %s?", s)
			} else {
				msg += " (capconv --help lists the commands)"
			}
			c.App.Metadata["usage"] = usageError{msg}
		},
		Metadata:       map[string]any{},
		Usage:          "turn timestamped transcripts and caption files into SRT, WebVTT, TTML, ASS, JSON and transcripts",
		Reader:         stdin,
		Writer:         stdout,
		ErrWriter:      stderr,
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError: func(_ *cli.Context, err error, _ bool) error {
			return usageError{err.Error()}
		},
		Commands: []*cli.Command{convertCommand(), checkCommand(), fixCommand(), formatsCommand()},
	}
}

// version is capconv's version as the build recorded it: the module
// version for go install, else the VCS revision, else "devel".
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	v := bi.Main.Version
	if v == "" || v == "(devel)" {
		v = "devel"
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += " " + s.Value[:12]
			}
		}
	}
	return v + " " + bi.GoVersion
}

func convertCommand() *cli.Command {
	return &cli.Command{
		Name:      "convert",
		Usage:     "convert transcripts or caption files",
		ArgsUsage: "INPUT... (files, directories walked recursively, glob patterns; - for standard input)",
		OnUsageError: func(c *cli.Context, err error, _ bool) error {
			return flagUsageError(c.Command.Flags, err)
		},
		Flags: slices.Concat([]cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "output `PATH`: a directory; with one input and one format, a file name (-o talk.srt); - for standard output (default: next to each input)"},
			&cli.StringFlag{Name: "to", Value: "srt,vtt,ttml", Usage: "output `FORMATS`, comma-separated: " + formatNames(convert.WritableFormats())},
			&cli.StringFlag{Name: "from", Usage: "input `FORMAT` (" + formatNames(convert.ReadableFormats()) + ") or transcript dialect (" + strings.Join(convert.TranscriptDialects(), ", ") + "); default: from the content and the file extension, txt otherwise, with the dialect detected"},
			&cli.StringFlag{Name: "encoding", Usage: "text encoding of the inputs, `NAME`: windows-1251, iso-8859-2, shift_jis, euc-jp, gb18030, big5, euc-kr, utf-16le, …; a WHATWG or IANA name; a byte order mark wins", DefaultText: "UTF-8, or UTF-16 with a byte order mark; Windows-1252 when a file is not UTF-8"},
			&cli.StringFlag{Name: "labels", Value: "auto", Usage: "speaker labels to read from caption text: auto (a convention used consistently), name (Name: ), upper (NAME: ), bracket ([Name] ), dash (- at a change of speaker) or none"},
			&cli.BoolFlag{Name: "strict", Usage: "fail on a malformed WebVTT timing line instead of leaving its cue out with a warning"},
			&cli.BoolFlag{Name: "retime", Usage: "re-time the cues of a caption file with the timing model instead of keeping their times"},
			&cli.StringFlag{Name: "speakers", Usage: "rename speakers with a CSV `FILE` of from,to rows, e.g. SPEAKER_00,Ann Lee"},
			&cli.BoolFlag{Name: "force", Usage: "replace existing output files (an input is never replaced)"},
		}, limitFlags(), []cli.Flag{
			&cli.StringFlag{Name: "fps", Usage: "snap every time to frames at `RATE`: " + strings.Join(timing.FrameRateNames(), ", ")},
			&cli.StringFlag{Name: "fps-from", Usage: "the frame rate `RATE` the input was timed at, for media whose frames now play at --fps (a PAL speed-up or slow-down: --fps-from 25 --fps 23.976 makes every time 25/23.976 longer)"},
			&cli.StringFlag{Name: "offset", Usage: "shift every time by `DURATION`, e.g. 1.5s or -200ms; cutting cues that would end before 0 is an error"},
			&cli.BoolFlag{Name: "cut-before-zero", Usage: "let a negative --offset cut the cues it moves to before 0 (a warning says how many)"},
			&cli.StringFlag{Name: "start-timecode", Usage: "timecode of the media's first frame, e.g. 01:00:00:00 (01:00:00;00 drop-frame at 29.97/59.94); needs --fps"},
			&cli.StringFlag{Name: "ttml-time", Value: "clock", Usage: "TTML times: clock (HH:MM:SS.mmm) or frames (HH:MM:SS:FF, needs --fps)"},
			&cli.IntFlag{Name: "scc-rows", Usage: "most rows an SCC caption takes, `N` from 1 to 4; a longer cue is shown as several captions in turn", DefaultText: "2"},
			&cli.BoolFlag{Name: "scc-roll-up", Usage: "write SCC roll-up captions (the text appears as sent and scrolls up) instead of pop-on ones"},
			&cli.StringFlag{Name: "timecode", Value: "drop", Usage: "timecode labels at 29.97 and 59.94 fps (SCC, and iTT at those rates): drop (drop-frame, keeps to the clock) or non-drop (counts every frame, 3.6 s an hour behind)"},
			&cli.BoolFlag{Name: "report", Usage: "print a summary per input on stderr: cues, speakers and their rates, reading speeds, rule violations"},
			&cli.StringFlag{Name: "html", Usage: "with --report, write a review page of the first input reported to `FILE` (as capconv check --html does)"},
			&cli.StringFlag{Name: "media", Usage: "time the cues to the speech in the audio of the media `FILE` (any file ffmpeg reads: wav, mp3, m4a, mp4, mkv…); for several inputs, a directory or a glob pattern, each input taking the media file of its own base name; with --retime, re-syncs a caption file to it"},
			&cli.StringFlag{Name: "duration", Usage: "media `DURATION`, e.g. 1h2m3s: where the last turn's window ends (--media gives it)", DefaultText: "estimated from the speaker's rate"},
			&cli.StringFlag{Name: "show-speakers", Aliases: []string{"srt-labels"}, Value: "auto", Usage: "how every format shows who speaks in the text, beside its voice or name markup: auto (as the source showed them; Name: for transcripts, and for SRT when the source showed none), name (Name: ), upper (NAME: ), bracket ([Name] ), dash (- at a change of speaker), chevron (>> NAME: , as broadcast captions mark a change of speaker) or none (only the source's dialogue dashes)"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "convert `N` files at once", DefaultText: "one per CPU"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print problems only: no progress bar, no list of outputs, no summary"},
			&cli.BoolFlag{Name: "verbose", Usage: fmt.Sprintf("print every warning (not only %d per input) and, in a batch, the full diagnosis of each failed input (not only its first line)", fewWarnings)},
			&cli.StringFlag{Name: "report-json", Usage: "write a JSON report of every input to `FILE` (- for standard output)"},
			&cli.StringFlag{Name: "max-input", Usage: "read at most `SIZE` of one input (256M, 2G, 500k, or bytes); a larger one fails", DefaultText: "256M"},
			&cli.StringFlag{Name: "lang", Usage: "language `TAG` of the text, e.g. en or fr-CA", DefaultText: "from the input, else en"},
		}),
		Action: convertAction,
	}
}

// limitFlags are the style guide's limits, which convert times to and
// check checks against.
func limitFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "preset", Value: "netflix", Usage: "caption style guide whose limits apply: " + strings.Join(timing.PresetNames(), ", ") + "; without it, Netflix's limits for the text's language (--lang); the flags below override single values"},
		&cli.IntFlag{Name: "max-chars", Usage: "most characters per line (`N`; netflix 42, bbc 37, dcmp 32)", DefaultText: "preset"},
		&cli.IntFlag{Name: "max-lines", Usage: "most lines per cue (`N`)", DefaultText: "preset: 2"},
		&cli.Float64Flag{Name: "max-cps", Usage: "fastest reading speed, characters per second (`N`)", DefaultText: "preset: netflix 20"},
		&cli.StringFlag{Name: "min-duration", Usage: "shortest time on screen (`DURATION`: 1.5s, 500ms, or seconds)", DefaultText: "preset: netflix 5/6 s, bbc 1.2s, dcmp 2s"},
		&cli.StringFlag{Name: "max-duration", Usage: "longest time on screen (`DURATION`)", DefaultText: "preset: 7s"},
		&cli.StringFlag{Name: "min-gap", Usage: "shortest gap between cues (`DURATION`; 0 lets cues touch); whole frames with --fps", DefaultText: "preset: netflix 2 frames"},
	}
}

// flagUsageError is err, from parsing flags, with the flag the user
// probably meant: "--too" → "did you mean --to?".
func flagUsageError(flags []cli.Flag, err error) error {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		name = strings.TrimLeft(name, "-")
		msg = fmt.Sprintf("unknown flag --%s", name)
		var names []string
		for _, f := range flags {
			names = append(names, f.Names()...)
		}
		if s := closest(name, names); s != "" {
			if len(s) > 1 {
				s = "-" + s
			}
			msg += fmt.Sprintf("; did you mean -%s?", s)
		}
	}
	return usageError{msg}
}

// closest returns the candidate nearest to name, or "" when none is
// near enough to be what the user meant.
func closest(name string, candidates []string) string {
	if i := suggest.Closest(name, candidates); i >= 0 {
		return candidates[i]
	}
	return ""
}

// formatsCommand lists the format table: what capconv reads and writes
// and how each format carries speakers.
func formatsCommand() *cli.Command {
	return &cli.Command{
		Name:  "formats",
		Usage: "list the formats capconv reads and writes, and what each carries",
		Action: func(c *cli.Context) error {
			w := c.App.Writer
			fmt.Fprintf(w, "%-9s %-5s %-6s %-22s %-9s %-8s %s\n", "format", "read", "write", "extensions", "speakers", "times", "about")
			for _, f := range convert.Formats() {
				prec := "-"
				if f.NeedsCues() {
					prec = f.Precision().String()
				}
				fmt.Fprintf(w, "%-9s %-5s %-6s %-22s %-9s %-8s %s\n", f, yesNo(f.CanRead()), yesNo(f.CanWrite()),
					strings.Join(f.Extensions(), " "), f.Speakers(), prec, f.About())
			}
			return nil
		},
	}
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// fewOutputs is the most inputs for which each output written is listed;
// past it the summary says enough.
const fewOutputs = 5

// fewWarnings is the most warnings printed per input without --verbose;
// one more line counts the rest. Five show what kind of repairs a file
// needs; a file needing 10,000 would otherwise bury every other message.
const fewWarnings = 5

// fullDiagnosisHint ends a batch whose errors were cut to their first
// line.
const fullDiagnosisHint = "run with --verbose (or on one file) for the full diagnosis"

// settings are a conversion's flags as the batch and the stdout path take
// them.
type settings struct {
	batch.Options
	report  bool   // --report
	html    string // --html: the review page of the first input reported
	verbose bool   // --verbose
}

func convertAction(c *cli.Context) error {
	s, err := settingsFrom(c)
	if err != nil {
		return err
	}
	inputs := c.Args().Slice()
	if len(inputs) == 0 {
		return usagef("convert needs at least one input; try: capconv convert testdata/000_2e7f89a82c8d846d.txt -o out/")
	}
	if s.Media, err = mediaFor(c.String("media"), inputs); err != nil {
		return err
	}
	out := c.String("output")
	stdio := out == "-" || (len(inputs) == 1 && inputs[0] == "-" && out == "")
	if stdio {
		if len(inputs) != 1 || len(s.To) != 1 {
			return usagef("standard output takes one input and one format (--to)")
		}
		return convertStream(c, inputs[0], s)
	}
	for _, in := range inputs {
		if in == "-" {
			return usagef("standard input needs standard output: use -o - (or no -o)")
		}
	}
	if isOutputFile(out, inputs, s.To) {
		s.OutFile, s.OutDir = out, ""
	}
	workers := c.Int("jobs")
	if workers < 0 {
		return usagef("--jobs: %d: expected a number of workers, or 0 for one per CPU", workers)
	}
	s.Workers = workers
	s.LimitMemory = limitMemory()
	return convertBatch(c, inputs, s)
}

// isOutputFile reports whether -o names the output file rather than a
// directory: one input file, one format, and a path that is no directory
// and ends in that format's extension.
func isOutputFile(out string, inputs []string, to []convert.Format) bool {
	if out == "" || len(inputs) != 1 || len(to) != 1 || strings.HasSuffix(out, string(filepath.Separator)) || strings.HasSuffix(out, "/") {
		return false
	}
	if fi, err := os.Stat(inputs[0]); err != nil || fi.IsDir() {
		return false
	}
	if fi, err := os.Stat(out); err == nil && fi.IsDir() {
		return false
	}
	ext := strings.ToLower(filepath.Ext(out))
	for _, e := range to[0].Extensions() {
		if e == ext || strings.HasSuffix(strings.ToLower(out), e) {
			return true
		}
	}
	return false
}

// convertBatch converts many inputs with a pool of workers, prints one
// line per problem, the outputs written when there are few inputs, and a
// summary, and writes the JSON report if asked. Ctrl-C (SIGINT) or
// SIGTERM cancels the batch; every output left behind is whole.
func convertBatch(c *cli.Context, inputs []string, s settings) error {
	quiet := c.Bool("quiet")
	plan, err := batch.NewPlan(inputs, s.Options)
	if err != nil {
		return reportAll(c.App.ErrWriter, err)
	}
	stderr := c.App.ErrWriter
	n := len(plan.Jobs) + len(plan.Missing)
	con := batch.NewConsole(stderr, len(plan.Jobs), batch.ConsoleOptions{
		Bar: !quiet && len(plan.Jobs) > batch.ProgressMin && batch.IsTerminal(stderr),
		// One line per failed input, so that 500 unreadable files make
		// 500 lines; one input gets its full diagnosis.
		Brief: !s.verbose && n > 1,
	})
	o := s.Options
	o.Convert.Warn = con.Warn
	if !s.verbose {
		o.MaxWarnings = fewWarnings
	}
	o.KeepWarnings = c.String("report-json") != ""
	if s.report {
		// Workers report at once: print each report whole, through the console.
		co := o.Convert
		review := reviewOnce(s)
		o.Report = func(name string, out convert.Output) {
			doc := out.Doc
			limits := convert.TimingOptions(doc, co)
			con.Printf("%s", strings.TrimSuffix(timing.BuildReport(caption.QuotePath(name), doc, limits).String(), "\n"))
			if out.Hearings != nil {
				con.Printf("%s", strings.TrimSuffix(timing.HearingReport(out.Hearings), "\n"))
			}
			if err := review(name, doc); err != nil {
				con.Printf("%s", batch.Describe(err))
			}
		}
	}
	o.OnResult = con.Result
	ctx, stop := stopOnSignal(c.Context, stderr)
	defer stop()
	rep := batch.Run(ctx, plan, o)
	con.Finish()
	if ctx.Err() != nil {
		con.Printf("interrupted: %d inputs not converted", rep.Counts().Cancelled)
	}
	if !quiet && n <= fewOutputs {
		for _, r := range rep.Files {
			for _, out := range r.Outputs {
				switch out.Status {
				case batch.Written:
					fmt.Fprintf(stderr, "capconv: wrote %s\n", caption.QuotePath(out.Path))
				case batch.Exists:
					if r.Status != batch.Converted {
						break // the summary says that whole inputs were skipped
					}
					// Beside fresh outputs, a stale one must not pass unseen.
					fmt.Fprintf(stderr, "capconv: kept existing %s (--force replaces it)\n", caption.QuotePath(out.Path))
				}
			}
		}
	}
	if !quiet {
		hint := ""
		if !o.Convert.Force && keptAny(rep) {
			hint = " (their outputs exist: --force replaces them)"
		}
		fmt.Fprintf(stderr, "capconv: %s%s\n", rep.Summary(), hint)
	}
	if con.Shortened() {
		fmt.Fprintf(stderr, "capconv: %s\n", fullDiagnosisHint)
	}
	if path := c.String("report-json"); path != "" {
		if err := writeReport(c.App.Writer, path, rep); err != nil {
			return err
		}
	}
	if !rep.OK() {
		return errReported
	}
	return nil
}

// keptAny reports whether any output of rep was kept because it existed.
func keptAny(rep *batch.Report) bool {
	for _, r := range rep.Files {
		for _, out := range r.Outputs {
			if out.Status == batch.Exists {
				return true
			}
		}
	}
	return false
}

// stopGrace is how long, after Ctrl-C or SIGTERM, the workers have to
// reach the end of a stage and report; past it capconv stops at once. A
// stage can take seconds on a large file (reading, timing, writing), and
// a user who pressed Ctrl-C wants the prompt back now.
const stopGrace = 300 * time.Millisecond

// stopOnSignal returns a context cancelled at the first SIGINT or SIGTERM,
// so that the batch stops taking inputs and its workers stop at the next
// stage. If they have not stopped stopGrace later, or at a second signal,
// the process removes its temporary files and exits 1 there and then:
// outputs already in place are whole, and none is left in part. stop
// ends the watch.
func stopOnSignal(parent context.Context, stderr io.Writer) (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancel(parent)
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case <-sigs:
		case <-done:
			return
		}
		cancel()
		select {
		case <-sigs:
		case <-time.After(stopGrace):
		case <-done:
			return
		}
		fileio.Abandon()
		fmt.Fprintln(stderr, "capconv: interrupted: stopped at once; outputs already written are whole, no partial or temporary file is left")
		os.Exit(exitFailure)
	}()
	var once sync.Once
	return ctx, func() {
		once.Do(func() {
			signal.Stop(sigs)
			close(done)
			cancel()
		})
	}
}

// writeReport writes the JSON report to path (- for standard output),
// atomically like every other output.
func writeReport(stdout io.Writer, path string, rep *batch.Report) error {
	var buf bytes.Buffer
	if err := rep.WriteJSON(&buf); err != nil {
		return err
	}
	if path == "-" {
		_, err := stdout.Write(buf.Bytes())
		return err
	}
	return fileio.WriteFile(path, buf.Bytes(), true)
}

// reportAll prints each problem joined in err on its own line. A refused
// plan exits 1 like any failed input: nothing was written.
func reportAll(w io.Writer, err error) error {
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	for _, e := range errs {
		fmt.Fprintf(w, "capconv: %s\n", batch.Describe(e))
	}
	return errReported
}

// convertStream converts one input (a path or - for standard input) to
// standard output, through the same conversion as a batch.
func convertStream(c *cli.Context, in string, s settings) error {
	o := s.Convert
	name := in
	if in == "-" {
		name = "<stdin>"
	}
	warned := 0
	o.Warn = func(pos caption.Position, msg string) {
		if warned++; s.verbose || warned <= fewWarnings {
			fmt.Fprintf(c.App.ErrWriter, "capconv: warning: %s: %s\n", pos, msg)
		}
	}
	defer func() {
		if !s.verbose && warned > fewWarnings {
			fmt.Fprintf(c.App.ErrWriter, "capconv: %s\n", batch.MoreWarnings(name, warned-fewWarnings))
		}
	}()
	var doc *caption.Document
	var err error
	if in == "-" {
		o.File = name // no extension: the content tells the format
		doc, err = convert.Read(c.App.Reader, o.From, o)
	} else {
		if fi, err := os.Stat(in); err == nil && limitMemory() {
			defer batch.HoldMemory(fi.Size(), true)() // whatever it holds: one input
		}
		doc, err = convert.ReadFile(in, o)
		o.File = in
	}
	if err != nil {
		return err
	}
	if o.Timing.Speech, err = batch.Speech(c.Context, s.Media, in, name, o.Language, doc, o.Warn); err != nil {
		return err
	}
	outs, err := convert.Convert(doc, s.To, o)
	if err != nil {
		return fmt.Errorf("%s: %w", caption.QuotePath(name), err)
	}
	if s.report {
		timing.BuildReport(caption.QuotePath(o.File), outs[0].Doc, convert.TimingOptions(doc, o)).WriteTo(c.App.ErrWriter)
		if outs[0].Hearings != nil {
			fmt.Fprint(c.App.ErrWriter, timing.HearingReport(outs[0].Hearings))
		}
		if err := reviewOnce(s)(name, outs[0].Doc); err != nil {
			return err
		}
	}
	// Standard output takes the output as it is rendered; a writer's
	// error (rare: times past what the format holds) can then follow
	// part of it, as any stream's.
	w := &streamWriter{w: c.App.Writer}
	if err := convert.MarshalTo(w, outs[0].Doc, outs[0].Format, o); err != nil {
		if w.err != nil {
			return err
		}
		return fmt.Errorf("%s: %w", caption.QuotePath(name), err)
	}
	return nil
}

// streamWriter keeps the first error of writing to w, to tell it from a
// renderer's.
type streamWriter struct {
	w   io.Writer
	err error
}

func (s *streamWriter) Write(p []byte) (int, error) {
	n, err := s.w.Write(p)
	if err != nil && s.err == nil {
		s.err = err
	}
	return n, err
}

// settingsFrom turns the command's flags into the batch's options.
func settingsFrom(c *cli.Context) (settings, error) {
	var s settings
	o := &s.Convert
	for _, name := range strings.Split(c.String("to"), ",") {
		f, err := convert.ParseFormat(name)
		if err != nil || !f.CanWrite() {
			return s, usagef("--to: %q: expected formats capconv writes: %s", name, formatNames(convert.WritableFormats()))
		}
		if slices.Contains(s.To, f) {
			return s, usagef("--to: %s is named twice: each format is written once", f)
		}
		s.To = append(s.To, f)
	}
	if c.String("report-json") == "-" && c.String("output") == "-" {
		return s, usagef("--report-json - and -o - would both write to standard output: give the report a file")
	}
	if err := inputFrom(c, o); err != nil {
		return s, err
	}
	if path := c.String("speakers"); path != "" {
		names, err := readSpeakers(path)
		if err != nil {
			return s, err
		}
		o.Speakers = names
	}
	style, err := convert.ParseLabelStyle(c.String("show-speakers"))
	if err != nil {
		return s, usagef("--show-speakers: %v", err)
	}
	o.ShowSpeakers = style
	o.Retime = c.Bool("retime")
	o.Strict = c.Bool("strict")
	o.CutBeforeZero = c.Bool("cut-before-zero")
	if err := timingFrom(c, o); err != nil {
		return s, err
	}
	if v := c.String("duration"); v != "" {
		d, err := parseDuration("duration", v)
		if err != nil {
			return s, err
		}
		if d <= 0 {
			return s, usagef("--duration: %v: expected a positive duration", d)
		}
		o.Timing.MediaDuration = d
	}
	if out := c.String("output"); out != "-" {
		s.OutDir = out
	}
	o.Force = c.Bool("force")
	if v := c.String("max-input"); v != "" {
		n, err := parseSize(v)
		if err != nil {
			return s, usagef("--max-input: %v", err)
		}
		o.MaxInput = n
	}
	if v := c.String("lang"); v != "" {
		tag, err := language.Parse(v)
		if err != nil {
			return s, usagef("--lang: %q is no BCP 47 language tag: expected one such as en, fr-CA or zh-Hant", v)
		}
		o.Language = tag.String()
	}
	s.report = c.Bool("report")
	if s.html = c.String("html"); s.html != "" && !s.report {
		return s, usagef("--html needs --report: the page shows what the report finds")
	}
	s.verbose = c.Bool("verbose")
	return s, nil
}

// parseSize reads a size flag: a number of bytes with an optional unit,
// k, M, G or T (powers of 1024, as KiB, MiB, GiB and TiB, which it also
// accepts, with or without a trailing B).
func parseSize(v string) (int64, error) {
	t := strings.TrimSpace(v)
	i := 0
	for i < len(t) && (t[i] >= '0' && t[i] <= '9' || t[i] == '.') {
		i++
	}
	num, unit := t[:i], strings.ToLower(strings.TrimSpace(t[i:]))
	unit = strings.TrimSuffix(strings.TrimSuffix(unit, "b"), "i")
	shift, ok := map[string]uint{"": 0, "k": 10, "m": 20, "g": 30, "t": 40}[unit]
	f, err := strconv.ParseFloat(num, 64)
	if !ok || err != nil || f <= 0 || f*float64(int64(1)<<shift) >= 1<<62 {
		return 0, fmt.Errorf("%q is no size: expected bytes or a number with k, M, G or T, e.g. 512M", v)
	}
	return int64(f * float64(int64(1)<<shift)), nil
}

// parseDuration reads a duration flag: Go's syntax (1.5s, 500ms, 1h2m3s)
// or a plain number of seconds, since "--max-duration 7" means 7 seconds
// to anyone who did not write Go.
func parseDuration(flag, v string) (time.Duration, error) {
	if secs, err := strconv.ParseFloat(v, 64); err == nil && !math.IsInf(secs, 0) && !math.IsNaN(secs) {
		return time.Duration(secs * float64(time.Second)), nil
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		return 0, usagef("--%s: %q: expected a duration such as 7s, 1.5s, 500ms or 1h2m3s (a plain number is seconds)", flag, v)
	}
	return d, nil
}

// limitsFrom reads the preset, the flags that override its values, and
// --fps. Without --preset, the zero Options: the Netflix limits of the
// text's language (see convert.TimingOptions), which the flags override.
func limitsFrom(c *cli.Context) (timing.Options, error) {
	var t timing.Options
	var err error
	if c.IsSet("preset") {
		if t, err = timing.Preset(c.String("preset")); err != nil {
			return t, usagef("--preset: %v", err)
		}
	}
	if c.IsSet("max-chars") {
		if t.MaxChars = c.Int("max-chars"); t.MaxChars < 10 {
			return t, usagef("--max-chars: %d is too small: expected at least 10", t.MaxChars)
		}
	}
	if c.IsSet("max-lines") {
		if t.MaxLines = c.Int("max-lines"); t.MaxLines < 1 {
			return t, usagef("--max-lines: %d: expected at least 1", t.MaxLines)
		}
	}
	if c.IsSet("max-cps") {
		if t.MaxCPS = c.Float64("max-cps"); t.MaxCPS <= 0 {
			return t, usagef("--max-cps: %v: expected a positive speed", t.MaxCPS)
		}
	}
	for _, f := range []struct {
		name string
		dst  *time.Duration
	}{{"min-duration", &t.MinDuration}, {"max-duration", &t.MaxDuration}, {"min-gap", &t.MinGap}} {
		if !c.IsSet(f.name) {
			continue
		}
		d, err := parseDuration(f.name, c.String(f.name))
		if err != nil {
			return t, err
		}
		if d < 0 || d == 0 && f.name != "min-gap" {
			return t, usagef("--%s: %v: expected a positive duration", f.name, d)
		}
		if d == 0 {
			d = -1 // timing.Options: a negative gap lets cues touch
		}
		*f.dst = d
	}
	if t.MinDuration > 0 && t.MaxDuration > 0 && t.MaxDuration < t.MinDuration {
		return t, usagef("--max-duration %v is shorter than --min-duration %v", t.MaxDuration, t.MinDuration)
	}
	if v := c.String("fps"); v != "" {
		if t.FPS, err = timing.ParseFPS(v); err != nil {
			return t, usagef("--fps: %v", err)
		}
	}
	return t, nil
}

// timingFrom reads the limits (limitsFrom) and the editor flags
// (--fps-from, --offset, --start-timecode, --ttml-time).
func timingFrom(c *cli.Context, o *convert.Options) error {
	t, err := limitsFrom(c)
	if err != nil {
		return err
	}
	if v := c.String("fps-from"); v != "" {
		if t.FPS == 0 {
			return usagef("--fps-from needs --fps: the rate the frames play at now")
		}
		if o.FPSFrom, err = timing.ParseFPS(v); err != nil {
			return usagef("--fps-from: %v", err)
		}
	}
	if v := c.String("offset"); v != "" {
		if o.Offset, err = parseDuration("offset", v); err != nil {
			return err
		}
	}
	if v := c.String("start-timecode"); v != "" {
		if t.FPS == 0 {
			return usagef("--start-timecode needs --fps: a timecode counts frames")
		}
		at, err := timing.ParseTimecode(v, t.FPS)
		if err != nil {
			return usagef("--start-timecode: %v", err)
		}
		o.Offset += at
		o.StartTimecode = at
	}
	switch c.String("ttml-time") {
	case "clock":
	case "frames":
		if t.FPS == 0 {
			return usagef("--ttml-time frames needs --fps")
		}
		o.TTMLTimeFrames = true
	default:
		return usagef("--ttml-time: %q: expected clock or frames", c.String("ttml-time"))
	}
	if c.IsSet("scc-rows") {
		if o.SCCRows = c.Int("scc-rows"); o.SCCRows < 1 || o.SCCRows > 4 {
			return usagef("--scc-rows: %d: expected 1 to 4 (CEA-608 shows at most four rows)", o.SCCRows)
		}
	}
	o.SCCRollUp = c.Bool("scc-roll-up")
	switch c.String("timecode") {
	case "drop":
	case "non-drop":
		o.NonDropFrame = true
	default:
		return usagef("--timecode: %q: expected drop or non-drop", c.String("timecode"))
	}
	o.Timing = t
	return nil
}

// parseFrom reads --from: a format name, or a transcript dialect name,
// which implies the transcript format.
func parseFrom(s string) (convert.Format, string, error) {
	f, ferr := convert.ParseFormat(s)
	if ferr == nil {
		return f, "", nil
	}
	dialect, derr := convert.ParseDialect(s)
	if derr == nil {
		return convert.Transcript, dialect, nil
	}
	return "", "", usagef("--from: %q is neither a format (%s) nor a transcript dialect (%s)", s,
		formatNames(convert.ReadableFormats()), strings.Join(convert.TranscriptDialects(), ", "))
}

// formatNames lists fs for help and messages.
func formatNames(fs []convert.Format) string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = string(f)
	}
	return strings.Join(names, ", ")
}

// readSpeakers reads the --speakers file.
func readSpeakers(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("--speakers: %w", err)
	}
	defer f.Close()
	return convert.ReadSpeakerMap(f, path)
}

// reorderArgs moves flags that follow a command's inputs before them, so
// that "capconv convert in.txt --to srt" means what it says (urfave/cli
// stops reading flags at the first input). A "--" ends the flags.
func reorderArgs(args []string, app *cli.App) []string {
	if len(args) < 2 {
		return args
	}
	cmd := app.Command(args[1])
	if cmd == nil {
		return args
	}
	takesValue := map[string]bool{}
	for _, f := range cmd.Flags {
		_, isBool := f.(*cli.BoolFlag)
		for _, n := range f.Names() {
			takesValue[n] = !isBool
		}
	}
	var flags, inputs []string
	rest := args[2:]
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		if a == "--" {
			inputs = append(inputs, rest[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			inputs = append(inputs, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if takesValue[name] && !strings.Contains(name, "=") && i+1 < len(rest) {
			i++
			flags = append(flags, rest[i])
		}
	}
	out := append([]string{args[0], args[1]}, flags...)
	if len(inputs) > 0 {
		out = append(out, "--")
		out = append(out, inputs...)
	}
	return out
}
