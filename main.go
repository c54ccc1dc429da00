// Command capconv turns timestamped transcripts into caption files: SRT,
// WebVTT and TTML, with speaker labels, readable line breaks and timing
// inferred from start times.
package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/internal/batch"
	"github.com/capconv/capconv/internal/pipeline"
	"github.com/capconv/capconv/timing"
	"github.com/urfave/cli/v2"
)

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr))
}

// gcPercent is capconv's GOGC unless the environment sets one: the heap
// may grow to five times what is live before a collection (the runtime's
// default is twice, from 4 MB). One conversion keeps most of what it
// allocates (the document, its words, the timed cues, the outputs) until
// the outputs are written, so a collection frees little: on the 3 h
// transcript the default's one collection took 4 ms of a 25 ms run and
// freed 2 of 5 MB. The price is a few MiB more peak memory on large
// inputs.
const gcPercent = 400

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
	if err == nil {
		return exitOK
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "capconv: %v\n", err)
		return exitUsage
	}
	if !errors.Is(err, errReported) {
		fmt.Fprintf(stderr, "capconv: %v\n", err)
	}
	return exitFailure
}

// errReported means the problems were already printed.
var errReported = errors.New("failed")

func newApp(stdin io.Reader, stdout, stderr io.Writer) *cli.App {
	return &cli.App{
		Name:           "capconv",
		Usage:          "turn timestamped transcripts and caption files into SRT, WebVTT, TTML, ASS, JSON and transcripts",
		Reader:         stdin,
		Writer:         stdout,
		ErrWriter:      stderr,
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError: func(_ *cli.Context, err error, _ bool) error {
			return usageError{err.Error()}
		},
		Commands: []*cli.Command{convertCommand()},
	}
}

func convertCommand() *cli.Command {
	return &cli.Command{
		Name:      "convert",
		Usage:     "convert transcripts or caption files",
		ArgsUsage: "INPUT... (files, directories walked recursively, glob patterns; - for standard input)",
		OnUsageError: func(_ *cli.Context, err error, _ bool) error {
			return usageError{err.Error()}
		},
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "output `DIR`, or - for standard output (default: next to each input)"},
			&cli.StringFlag{Name: "to", Value: "srt,vtt,ttml", Usage: "output `FORMATS`, comma-separated: srt, vtt, ttml, dfxp, ass, txt, json"},
			&cli.StringFlag{Name: "from", Usage: "input `FORMAT` (srt, vtt, ttml, dfxp, ass, stl, json, txt) or transcript dialect (" + strings.Join(convert.TranscriptDialects(), ", ") + "); default: from the content and the file extension, txt otherwise, with the dialect detected"},
			&cli.StringFlag{Name: "labels", Value: "auto", Usage: "speaker labels to read from caption text: auto (a convention used consistently), name (Name: ), upper (NAME: ), bracket ([Name] ), dash (- at a change of speaker) or none"},
			&cli.BoolFlag{Name: "retime", Usage: "re-time the cues of a caption file with the timing model instead of keeping their times"},
			&cli.StringFlag{Name: "speakers", Usage: "rename speakers with a CSV `FILE` of from,to rows, e.g. SPEAKER_00,Ann Lee"},
			&cli.BoolFlag{Name: "force", Usage: "replace existing output files (an input is never replaced)"},
			&cli.StringFlag{Name: "preset", Value: "netflix", Usage: "caption style guide whose limits apply: " + strings.Join(timing.PresetNames(), ", ") + "; the flags below override single values"},
			&cli.IntFlag{Name: "max-chars", Usage: "most characters per line (netflix 42, bbc 37, dcmp 32)"},
			&cli.IntFlag{Name: "max-lines", Usage: "most lines per cue (2)"},
			&cli.Float64Flag{Name: "max-cps", Usage: "fastest reading speed, characters per second (netflix 20)"},
			&cli.DurationFlag{Name: "min-duration", Usage: "shortest time on screen (netflix 5/6 s, bbc 1.2s, dcmp 2s)"},
			&cli.DurationFlag{Name: "max-duration", Usage: "longest time on screen (7s)"},
			&cli.DurationFlag{Name: "min-gap", Usage: "shortest gap between cues (netflix 2 frames; 0 lets cues touch); whole frames with --fps"},
			&cli.StringFlag{Name: "fps", Usage: "snap every time to frames at `RATE`: " + strings.Join(timing.FrameRateNames(), ", ")},
			&cli.DurationFlag{Name: "offset", Usage: "shift every time by `DURATION`, e.g. 1.5s or -200ms"},
			&cli.StringFlag{Name: "start-timecode", Usage: "timecode of the media's first frame, e.g. 01:00:00:00 (01:00:00;00 drop-frame at 29.97/59.94); needs --fps"},
			&cli.StringFlag{Name: "ttml-time", Value: "clock", Usage: "TTML times: clock (HH:MM:SS.mmm) or frames (HH:MM:SS:FF, needs --fps)"},
			&cli.BoolFlag{Name: "report", Usage: "print a summary per input on stderr: cues, speakers and their rates, reading speeds, rule violations"},
			&cli.DurationFlag{Name: "duration", Usage: "media duration, e.g. 1h2m3s: where the last turn ends (default: estimated from the speaker's rate)"},
			&cli.StringFlag{Name: "srt-labels", Value: "name", Usage: "how SRT shows speakers: name (Name: ), upper (NAME: ), bracket ([Name] ), dash (- ) or none"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "convert `N` files at once (default: one per CPU)"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print problems only: no progress bar, no summary"},
			&cli.StringFlag{Name: "report-json", Usage: "write a JSON report of every input to `FILE` (- for standard output)"},
			&cli.StringFlag{Name: "lang", Usage: "language tag of the text, e.g. en or fr-CA (default en)"},
		},
		Action: convertAction,
	}
}

func convertAction(c *cli.Context) error {
	o, err := optionsFrom(c)
	if err != nil {
		return err
	}
	inputs := c.Args().Slice()
	if len(inputs) == 0 {
		return usagef("convert needs at least one input; try: capconv convert testdata/000_2e7f89a82c8d846d.txt -o out/")
	}
	out := c.String("output")
	stdio := out == "-" || (len(inputs) == 1 && inputs[0] == "-" && out == "")
	if stdio {
		if len(inputs) != 1 || len(o.To) != 1 {
			return usagef("standard output takes one input and one format (--to)")
		}
		return convertStream(c, inputs[0], o)
	}
	for _, in := range inputs {
		if in == "-" {
			return usagef("standard input needs standard output: use -o - (or no -o)")
		}
	}
	workers := c.Int("jobs")
	if workers < 0 {
		return usagef("--jobs: %d: expected a number of workers, or 0 for one per CPU", workers)
	}
	return convertBatch(c, inputs, o, workers)
}

// convertBatch converts many inputs with a pool of workers, prints one
// line per problem and a summary, and writes the JSON report if asked.
// Ctrl-C (SIGINT) or SIGTERM cancels the batch; every output left behind
// is whole.
func convertBatch(c *cli.Context, inputs []string, o pipeline.Options, workers int) error {
	quiet := c.Bool("quiet")
	plan, err := batch.NewPlan(inputs, o)
	if err != nil {
		return reportAll(c.App.ErrWriter, err)
	}
	stderr := c.App.ErrWriter
	con := batch.NewConsole(stderr, len(plan.Jobs),
		!quiet && len(plan.Jobs) > batch.ProgressMin && batch.IsTerminal(stderr))
	o.Warn = func(pos convert.Position, msg string) { con.Printf("warning: %s: %s", pos, msg) }
	if o.Report != nil {
		// Workers report at once: print each report whole, through the console.
		limits := o.Timing
		o.Report = func(name string, doc *convert.Document) {
			con.Printf("%s", strings.TrimSuffix(timing.BuildReport(name, doc, limits).String(), "\n"))
		}
	}
	ctx, stop := signal.NotifyContext(c.Context, os.Interrupt, syscall.SIGTERM)
	defer stop()
	rep := batch.Run(ctx, plan, batch.Options{Convert: o, Workers: workers, OnResult: con.Result})
	con.Finish()
	if ctx.Err() != nil {
		con.Printf("interrupted: %d inputs not converted", rep.Counts().Cancelled)
	}
	if !quiet {
		hint := ""
		if rep.Counts().Skipped > 0 && !o.Force {
			hint = " (their outputs exist: --force replaces them)"
		}
		fmt.Fprintf(stderr, "capconv: %s%s\n", rep.Summary(), hint)
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
	return pipeline.WriteFileAtomic(path, buf.Bytes())
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
// standard output.
func convertStream(c *cli.Context, in string, o pipeline.Options) error {
	r, name := c.App.Reader, "<stdin>"
	if in != "-" {
		f, err := os.Open(in)
		if err != nil {
			return err
		}
		defer f.Close()
		r, name = f, in
	}
	from, err := pipeline.InputFormat(in, o)
	if err != nil {
		return err
	}
	doc, err := pipeline.Load(r, name, from, o)
	if err != nil {
		return err
	}
	if o.Report != nil {
		o.Report(name, pipeline.Timed(doc, o.To[0], o))
	}
	data, err := pipeline.Render(doc, o.To[0], o)
	if err != nil {
		return err
	}
	_, err = c.App.Writer.Write(data)
	return err
}

// optionsFrom turns the command's flags into pipeline options.
func optionsFrom(c *cli.Context) (pipeline.Options, error) {
	var o pipeline.Options
	for _, name := range strings.Split(c.String("to"), ",") {
		f, err := convert.ParseFormat(name)
		if err != nil {
			return o, usagef("--to: %v", err)
		}
		if !f.CanWrite() {
			return o, usagef("--to: capconv does not write %s", f)
		}
		o.To = append(o.To, f)
	}
	if s := c.String("from"); s != "" {
		f, dialect, err := parseFrom(s)
		if err != nil {
			return o, err
		}
		o.From, o.Dialect = f, dialect
	}
	if path := c.String("speakers"); path != "" {
		names, err := readSpeakers(path)
		if err != nil {
			return o, err
		}
		o.Speakers = names
	}
	style, err := convert.ParseLabelStyle(c.String("srt-labels"))
	if err != nil {
		return o, usagef("--srt-labels: %v", err)
	}
	o.Write.SRTLabels = style
	labels, err := convert.ParseLabelStyle(c.String("labels"))
	if err != nil {
		return o, usagef("--labels: %v", err)
	}
	o.Labels = labels
	o.Retime = c.Bool("retime")
	if err := timingFrom(c, &o); err != nil {
		return o, err
	}
	if d := c.Duration("duration"); d < 0 {
		return o, usagef("--duration: %v: expected a positive duration", d)
	}
	if out := c.String("output"); out != "-" {
		o.OutDir = out
	}
	o.Force = c.Bool("force")
	o.Language = c.String("lang")
	o.Timing.MediaDuration = c.Duration("duration")
	if c.Bool("report") {
		limits := o.Timing
		o.Report = func(name string, doc *convert.Document) {
			timing.BuildReport(name, doc, limits).WriteTo(c.App.ErrWriter)
		}
	}
	o.Warn = func(pos convert.Position, msg string) {
		fmt.Fprintf(c.App.ErrWriter, "capconv: warning: %s: %s\n", pos, msg)
	}
	return o, nil
}

// timingFrom reads the preset, the flags that override its values, and
// the editor flags (--fps, --offset, --start-timecode, --ttml-time).
func timingFrom(c *cli.Context, o *pipeline.Options) error {
	t, err := timing.Preset(c.String("preset"))
	if err != nil {
		return usagef("--preset: %v", err)
	}
	if c.IsSet("max-chars") {
		if t.MaxChars = c.Int("max-chars"); t.MaxChars < 10 {
			return usagef("--max-chars: %d is too small: expected at least 10", t.MaxChars)
		}
	}
	if c.IsSet("max-lines") {
		if t.MaxLines = c.Int("max-lines"); t.MaxLines < 1 {
			return usagef("--max-lines: %d: expected at least 1", t.MaxLines)
		}
	}
	if c.IsSet("max-cps") {
		if t.MaxCPS = c.Float64("max-cps"); t.MaxCPS <= 0 {
			return usagef("--max-cps: %v: expected a positive speed", t.MaxCPS)
		}
	}
	for _, f := range []struct {
		name string
		dst  *time.Duration
	}{{"min-duration", &t.MinDuration}, {"max-duration", &t.MaxDuration}, {"min-gap", &t.MinGap}} {
		if !c.IsSet(f.name) {
			continue
		}
		d := c.Duration(f.name)
		if d < 0 || d == 0 && f.name != "min-gap" {
			return usagef("--%s: %v: expected a positive duration", f.name, d)
		}
		if d == 0 {
			d = -1 // Options: a negative gap lets cues touch
		}
		*f.dst = d
	}
	if t.MinDuration > 0 && t.MaxDuration > 0 && t.MaxDuration < t.MinDuration {
		return usagef("--max-duration %v is shorter than --min-duration %v", t.MaxDuration, t.MinDuration)
	}
	if s := c.String("fps"); s != "" {
		if t.FPS, err = timing.ParseFPS(s); err != nil {
			return usagef("--fps: %v", err)
		}
		o.Write.FrameRate = t.FPS
	}
	o.Offset = c.Duration("offset")
	if s := c.String("start-timecode"); s != "" {
		if t.FPS == 0 {
			return usagef("--start-timecode needs --fps: a timecode counts frames")
		}
		at, err := timing.ParseTimecode(s, t.FPS)
		if err != nil {
			return usagef("--start-timecode: %v", err)
		}
		o.Offset += at
	}
	switch c.String("ttml-time") {
	case "clock":
	case "frames":
		if t.FPS == 0 {
			return usagef("--ttml-time frames needs --fps")
		}
		o.Write.TTMLTimeFrames = true
	default:
		return usagef("--ttml-time: %q: expected clock or frames", c.String("ttml-time"))
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
		formatNames(), strings.Join(convert.TranscriptDialects(), ", "))
}

func formatNames() string {
	var names []string
	for _, f := range convert.Formats() {
		names = append(names, string(f))
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
