package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/internal/batch"
	"github.com/capconv/capconv/internal/check"
	"github.com/capconv/capconv/internal/fileio"
	"github.com/capconv/capconv/timing"
	"github.com/urfave/cli/v2"
)

func fixCommand() *cli.Command {
	return &cli.Command{
		Name:      "fix",
		Usage:     "repair caption files without changing a word: line breaks, long cues, orphans, empty cues, overlaps, short and fast cues, gaps, frames",
		ArgsUsage: "FILE...",
		OnUsageError: func(c *cli.Context, err error, _ bool) error {
			return flagUsageError(c.Command.Flags, err)
		},
		Flags: slices.Concat(limitFlags(), []cli.Flag{
			&cli.StringFlag{Name: "fps", Usage: "snap every time to frames at `RATE` (" + strings.Join(timing.FrameRateNames(), ", ") + ")"},
			&cli.StringFlag{Name: "from", Usage: "input `FORMAT`, as for convert", DefaultText: "detected"},
			&cli.StringFlag{Name: "lang", Usage: "language `TAG` of the text, e.g. en or fr-CA: its limits and the words its line break rules know", DefaultText: "from the input, else guessed"},
			&cli.StringFlag{Name: "encoding", Usage: "text encoding of the inputs, `NAME`, as for convert", DefaultText: "detected"},
			&cli.StringFlag{Name: "labels", Value: "auto", Usage: "speaker labels to read from caption text, as for convert"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "output `PATH`: a directory, or with one input a file name (default: NAME.fixed.EXT next to each input)"},
			&cli.BoolFlag{Name: "force", Usage: "replace existing output files (an input is never replaced)"},
			&cli.BoolFlag{Name: "dry-run", Usage: "print what would change, and a diff of the cues, and write nothing"},
		}),
		Action: fixAction,
	}
}

// fixAction repairs each input, prints every change and what it could
// not repair, and writes the repaired file in the input's format.
func fixAction(c *cli.Context) error {
	o, err := readingFrom(c)
	if err != nil {
		return err
	}
	inputs := c.Args().Slice()
	if len(inputs) == 0 {
		return usagef("fix needs at least one input; try: capconv fix --dry-run talk.srt")
	}
	out := c.String("output")
	toFile := out != "" && len(inputs) == 1 && filepath.Ext(out) != "" && !isDir(out)
	if slices.Contains(inputs, "-") {
		return usagef("fix reads files, not standard input: it writes each beside its input or into -o")
	}
	o.Force = c.Bool("force")
	stdout, stderr := c.App.Writer, c.App.ErrWriter
	failed := false
	for _, in := range inputs {
		if err := fixFile(stdout, in, outputFor(in, out, toFile), o, c.Bool("dry-run")); err != nil {
			fmt.Fprintf(stderr, "capconv: %s\n", batch.Describe(err))
			failed = true
		}
	}
	if failed {
		return errReported
	}
	return nil
}

// fixFile repairs the caption file in and writes it to out.
func fixFile(w io.Writer, in, out string, o convert.Options, dryRun bool) error {
	name := caption.QuotePath(in)
	doc, err := convert.ReadFile(in, o)
	if err != nil {
		return err
	}
	if len(doc.Cues) == 0 {
		return fmt.Errorf("%s: a transcript has no cues to fix: convert it (its cues are timed to the limits)", name)
	}
	f, ok := convert.FormatFromPath(in)
	if !ok || !f.CanWrite() {
		f = convert.SRT
	}
	if o.From != "" && o.From.CanWrite() {
		f = o.From
	}
	fixed, changes := check.Fix(doc, o.Timing)
	for _, ch := range changes {
		fmt.Fprintf(w, "%s:%s\n", name, ch)
	}
	if dryRun {
		return check.WriteDiff(w, name, doc.Cues, fixed.Cues)
	}
	if fileio.SameFile(in, out) {
		return fmt.Errorf("%s: %w", caption.QuotePath(out), convert.ErrWouldOverwriteInput)
	}
	o.Timing.FPS = 0 // Fix snapped already
	if err := convert.WriteFile(out, fixed, f, o); err != nil {
		return err
	}
	fmt.Fprintf(w, "%s: %d %s; wrote %s\n", name, len(changes), pluralize(len(changes), "change"), caption.QuotePath(out))
	return nil
}

// outputFor returns where the repaired in goes: out itself when toFile,
// else NAME.fixed.EXT in out, or beside in when out is "".
func outputFor(in, out string, toFile bool) string {
	if toFile {
		return out
	}
	ext := filepath.Ext(in)
	base := strings.TrimSuffix(filepath.Base(in), ext) + ".fixed" + ext
	if out == "" {
		return filepath.Join(filepath.Dir(in), base)
	}
	return filepath.Join(out, base)
}

func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

func pluralize(n int, noun string) string {
	if n == 1 {
		return noun
	}
	return noun + "s"
}
