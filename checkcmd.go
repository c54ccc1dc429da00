package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/internal/batch"
	"github.com/capconv/capconv/internal/check"
	"github.com/capconv/capconv/internal/fileio"
	"github.com/capconv/capconv/timing"
	"github.com/urfave/cli/v2"
	"golang.org/x/text/language"
)

func checkCommand() *cli.Command {
	var rules []string
	for _, r := range check.Rules() {
		rules = append(rules, string(r))
	}
	return &cli.Command{
		Name:      "check",
		Usage:     "check caption files and transcripts against a caption style guide",
		ArgsUsage: "INPUT... (files, directories walked recursively, glob patterns; - for standard input)",
		OnUsageError: func(c *cli.Context, err error, _ bool) error {
			return flagUsageError(c.Command.Flags, err)
		},
		Flags: slices.Concat(limitFlags(), []cli.Flag{
			&cli.StringFlag{Name: "fps", Usage: "report times off the frame grid at `RATE` (" + strings.Join(timing.FrameRateNames(), ", ") + "); a transcript is timed on it"},
			&cli.StringFlag{Name: "from", Usage: "input `FORMAT` or transcript dialect, as for convert", DefaultText: "detected"},
			&cli.StringFlag{Name: "lang", Usage: "language `TAG` of the text, e.g. en or fr-CA: its limits and the words its line break rules know", DefaultText: "from the input, else guessed"},
			&cli.StringFlag{Name: "encoding", Usage: "text encoding of the inputs, `NAME`, as for convert", DefaultText: "detected"},
			&cli.StringFlag{Name: "labels", Value: "auto", Usage: "speaker labels to read from caption text, as for convert"},
			&cli.StringFlag{Name: "format", Value: "text", Usage: "report `FORMAT`: text (one line per violation, then a summary per rule) or json (docs/check.md)"},
			&cli.StringFlag{Name: "fail-on", Value: "error", Usage: "exit 1 when a violation of `SEVERITY` or above is found: error, warning or info"},
			&cli.StringFlag{Name: "ignore", Usage: "comma-separated `RULES` not to report: " + strings.Join(rules, ", ")},
			&cli.StringFlag{Name: "html", Usage: "write a review page of the first input to `FILE`: a timeline, reading speeds and the violations"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Usage: "check `N` files at once", DefaultText: "one per CPU"},
			&cli.StringFlag{Name: "media", Usage: "the audio or video `FILE` the review page plays the captions over"},
		}),
		Action: checkAction,
	}
}

// checkSettings are check's flags as options.
type checkSettings struct {
	check.Options
	json   bool
	failOn check.Severity
	html   string
	media  string
}

// readingFrom reads the flags check and fix share: the limits, --lang,
// --fps, --from, --encoding and --labels.
func readingFrom(c *cli.Context) (convert.Options, error) {
	var o convert.Options
	t, err := limitsFrom(c)
	if err != nil {
		return o, err
	}
	o.Timing = t
	if v := c.String("lang"); v != "" {
		tag, err := language.Parse(v)
		if err != nil {
			return o, usagef("--lang: %q is no BCP 47 language tag: expected one such as en, fr-CA or zh-Hant", v)
		}
		o.Language = tag.String()
	}
	return o, inputFrom(c, &o)
}

// inputFrom reads how inputs are read, for every command that reads
// them: --from, --encoding and --labels.
func inputFrom(c *cli.Context, o *convert.Options) error {
	var err error
	if v := c.String("from"); v != "" {
		if o.From, o.Dialect, err = parseFrom(v); err != nil {
			return err
		}
	}
	if v := c.String("encoding"); v != "" {
		if o.Encoding, err = convert.ParseEncoding(v); err != nil {
			return usagef("--encoding: %v", err)
		}
	}
	if o.Labels, err = convert.ParseLabelStyle(c.String("labels")); err != nil {
		return usagef("--labels: %v", err)
	}
	return nil
}

func checkSettingsFrom(c *cli.Context) (checkSettings, error) {
	var s checkSettings
	var err error
	if s.Convert, err = readingFrom(c); err != nil {
		return s, err
	}
	switch c.String("format") {
	case "text":
	case "json":
		s.json = true
	default:
		return s, usagef("--format: %q: expected text or json", c.String("format"))
	}
	if s.failOn, err = check.ParseSeverity(c.String("fail-on")); err != nil {
		return s, usagef("--fail-on: %v", err)
	}
	if v := c.String("ignore"); v != "" {
		for _, name := range strings.Split(v, ",") {
			r := timing.Rule(strings.TrimSpace(name))
			if !slices.Contains(check.Rules(), r) {
				return s, usagef("--ignore: %q is no rule: expected %s", name, flagRules())
			}
			s.Ignore = append(s.Ignore, r)
		}
	}
	s.html, s.media = c.String("html"), c.String("media")
	if s.media != "" && s.html == "" {
		return s, usagef("--media needs --html: the review page plays it")
	}
	return s, nil
}

// flagRules lists the rule identifiers for messages.
func flagRules() string {
	var names []string
	for _, r := range check.Rules() {
		names = append(names, string(r))
	}
	return strings.Join(names, ", ")
}

// checkAction checks each input, prints the violations and a summary (or
// the JSON report), writes the review page if asked, and fails when a
// violation reaches --fail-on or an input cannot be read.
func checkAction(c *cli.Context) error {
	s, err := checkSettingsFrom(c)
	if err != nil {
		return err
	}
	inputs := c.Args().Slice()
	if len(inputs) == 0 {
		return usagef("check needs at least one input; try: capconv check talk.srt")
	}
	if slices.Contains(inputs, "-") && len(inputs) > 1 {
		return usagef("standard input (-) is checked alone")
	}
	stdout, stderr := c.App.Writer, c.App.ErrWriter
	var failed []check.Failed
	if inputs[0] != "-" {
		srcs, errs := batch.Expand(inputs, "")
		for _, err := range errs {
			fmt.Fprintf(stderr, "capconv: %s\n", batch.Describe(err))
			name := ""
			var pe *fs.PathError
			if errors.As(err, &pe) {
				name = caption.QuotePath(pe.Path)
			}
			failed = append(failed, check.Failed{File: name, Err: err})
		}
		inputs = inputs[:0]
		for _, src := range srcs {
			inputs = append(inputs, src.Path)
		}
	}
	workers := c.Int("jobs")
	if workers < 0 {
		return usagef("--jobs: %d: expected a number of workers, or 0 for one per CPU", workers)
	}
	if workers == 0 {
		workers = runtime.NumCPU()
	}
	var results []*check.Result
	dones, release := checkAll(c, inputs, s.Options, workers)
	for i, done := range dones {
		d := <-done
		release()
		if d.err != nil {
			fmt.Fprintf(stderr, "capconv: %s\n", batch.Describe(d.err))
			failed = append(failed, check.Failed{File: caption.QuotePath(inputs[i]), Err: d.err})
			continue
		}
		if !s.json {
			if err := check.WriteText(stdout, d.r); err != nil {
				return err
			}
		}
		if len(results) > 0 || s.html == "" {
			d.r.Cues = nil // only the review page needs them, of the first input
		}
		results = append(results, d.r)
	}
	if s.json {
		err = check.WriteJSON(stdout, results, failed, s.Convert.Timing)
	} else {
		err = check.WriteSummary(stdout, results)
	}
	if err != nil {
		return err
	}
	if s.html != "" && len(results) > 0 {
		if err := writeReview(s, results[0]); err != nil {
			return err
		}
	}
	if len(failed) > 0 || check.Worst(results) >= s.failOn {
		return errReported
	}
	return nil
}

// checked is one input's result or error.
type checked struct {
	r   *check.Result
	err error
}

// checkAll checks inputs with workers at once and returns a channel per
// input, in input order, that delivers its result when it is ready. The
// caller calls release after taking each result: the workers run at most
// a few inputs ahead of it, so that results do not pile up in memory.
func checkAll(c *cli.Context, inputs []string, o check.Options, workers int) (out []chan checked, release func()) {
	out = make([]chan checked, len(inputs))
	for i := range out {
		out[i] = make(chan checked, 1)
	}
	ahead := make(chan struct{}, 4*workers)
	next := make(chan int)
	go func() {
		for i := range inputs {
			ahead <- struct{}{}
			next <- i
		}
		close(next)
	}()
	for range min(workers, len(inputs)) {
		go func() {
			for i := range next {
				var d checked
				if inputs[i] == "-" {
					d.r, d.err = check.Read(c.App.Reader, "<stdin>", o)
				} else {
					d.r, d.err = check.File(inputs[i], o)
				}
				out[i] <- d
			}
		}()
	}
	return out, func() { <-ahead }
}

// reviewOnce returns a function that writes the review page of the
// first document it is given to s.html, when set, checked under s's
// limits; it does nothing after the first call, nor without s.html.
func reviewOnce(s settings) func(name string, doc *caption.Document) error {
	var once sync.Once
	return func(name string, doc *caption.Document) error {
		var err error
		once.Do(func() {
			if s.html == "" {
				return
			}
			var r *check.Result
			if r, err = check.Document(caption.QuotePath(name), doc, check.Options{Convert: s.Convert}); err != nil {
				return
			}
			var buf bytes.Buffer
			if err = check.WriteHTML(&buf, r, check.Media{}); err == nil {
				err = fileio.WriteFile(s.html, buf.Bytes(), true)
			}
		})
		return err
	}
}

// writeReview writes the review page of r, atomically.
func writeReview(s checkSettings, r *check.Result) error {
	var media []byte
	if s.media != "" {
		var err error
		if media, err = os.ReadFile(s.media); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	if err := check.WriteHTML(&buf, r, check.Media{Name: s.media, Data: media}); err != nil {
		return err
	}
	return fileio.WriteFile(s.html, buf.Bytes(), true)
}
