package batch

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

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
	mu  sync.Mutex
	w   io.Writer
	bar *progressbar.ProgressBar
}

// NewConsole returns a console on w; with bar set it draws a progress bar
// over total inputs.
func NewConsole(w io.Writer, total int, bar bool) *Console {
	c := &Console{w: w}
	if bar {
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

// Result prints r's failure, if any, and advances the bar.
func (c *Console) Result(r Result) {
	if r.Status == Failed {
		c.Printf("%s", Describe(r.Err))
	}
	if c.bar != nil {
		c.mu.Lock()
		c.bar.Add(1)
		c.mu.Unlock()
	}
}

// Finish removes the bar, leaving the terminal for the summary.
func (c *Console) Finish() {
	if c.bar != nil {
		c.mu.Lock()
		c.bar.Finish()
		c.mu.Unlock()
	}
}
