package batch

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/capconv/capconv/convert/caption"
	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// ProgressMin is the least number of inputs for which a progress bar is
// worth drawing: below it the batch ends before a bar says anything.
const ProgressMin = 5

// Console prints a batch's problems on its writer, one line per problem,
// and draws a progress bar there when asked. Workers warn concurrently, so
// every line goes through one lock, and clears the bar before printing so
// that a message never lands in the middle of it.
type Console struct {
	mu        sync.Mutex
	w         io.Writer
	bar       *progressbar.ProgressBar
	brief     bool
	shortened bool
}

// ConsoleOptions say what a Console prints.
type ConsoleOptions struct {
	// Bar draws a progress bar over the inputs.
	Bar bool
	// Brief prints one line per failed input, the first of its error (see
	// Summarize), rather than the whole diagnosis.
	Brief bool
}

// NewConsole returns a console on w for a batch of total inputs.
func NewConsole(w io.Writer, total int, o ConsoleOptions) *Console {
	c := &Console{w: w, brief: o.Brief}
	if o.Bar {
		c.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription("converting"),
			progressbar.OptionShowCount(),
			progressbar.OptionSetItsString("files"),
			progressbar.OptionShowIts(),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionFullWidth(),
		)
	}
	return c
}

// IsTerminal reports whether w is a terminal, where a progress bar can
// redraw itself; in a log file or a pipe it would be noise.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// Printf prints one line, prefixed "capconv: ".
func (c *Console) Printf(format string, args ...any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.bar != nil {
		c.bar.Clear()
	}
	fmt.Fprintf(c.w, "capconv: "+format+"\n", args...)
}

// Warn prints a warning, for Options.Convert.Warn.
func (c *Console) Warn(pos caption.Position, msg string) {
	c.Printf("warning: %s: %s", pos, msg)
}

// Result prints how many of r's warnings were held back and r's failure,
// if any, and advances the bar.
func (c *Console) Result(r Result) {
	if r.WarningsHeld > 0 {
		c.Printf("%s", MoreWarnings(r.Input, r.WarningsHeld))
	}
	if r.Status == Failed {
		msg := Describe(r.Err)
		if c.brief {
			var cut bool
			if msg, cut = Summarize(r.Err); cut {
				c.mu.Lock()
				c.shortened = true
				c.mu.Unlock()
			}
		}
		c.Printf("%s", msg)
	}
	if c.bar != nil {
		c.mu.Lock()
		c.bar.Add(1)
		c.mu.Unlock()
	}
}

// Shortened reports whether an error was printed without all its lines.
func (c *Console) Shortened() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.shortened
}

// Finish removes the bar, leaving the terminal for the summary.
func (c *Console) Finish() {
	if c.bar != nil {
		c.mu.Lock()
		c.bar.Finish()
		c.mu.Unlock()
	}
}
