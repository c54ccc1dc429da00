package batch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/internal/fileio"
)

// Status is the outcome of one input.
type Status string

// The outcomes of an input.
const (
	// Converted: at least one output was written.
	Converted Status = "converted"
	// Skipped: every output existed already and Force was off.
	Skipped Status = "skipped"
	// Failed: the input could not be read, timed or written.
	Failed Status = "failed"
	// Cancelled: the batch was stopped before the input was done; none of
	// its outputs was put in place.
	Cancelled Status = "cancelled"
)

// The outcomes of one output file.
const (
	// Written: the output was put in place.
	Written Status = "written"
	// Exists: the output existed and was left untouched.
	Exists Status = "exists"
	// NotWritten: the output was not put in place (failure or cancel).
	NotWritten Status = "not-written"
)

// Result is the outcome of one input.
type Result struct {
	// Input is the input's path ("" never; for an argument that named
	// nothing, the argument).
	Input string
	// Status is what became of it.
	Status Status
	// Outputs are its targets, each with what became of it.
	Outputs []Output
	// Err is why it failed (nil unless Status is Failed).
	Err error
	// WarningCount is the number of warnings the input drew, and
	// WarningsHeld how many of them were not passed on to Convert.Warn
	// (those past Options.MaxWarnings).
	WarningCount, WarningsHeld int
	// Warnings are every warning, when Options.KeepWarnings is set.
	Warnings []Warning
	// Elapsed is the time spent on it.
	Elapsed time.Duration
}

// Warning is one repair a reader made to an input, as Convert.Warn
// receives it.
type Warning struct {
	Pos caption.Position
	Msg string
}

// Output is one target and what became of it.
type Output struct {
	convert.Target
	Status Status
}

// Options describe a batch: what to write, where, and how.
type Options struct {
	// To lists the formats to write.
	To []convert.Format
	// OutDir is where outputs go, each input tree mirrored under it; ""
	// puts each output beside its input.
	OutDir string
	// OutFile, when set, is the path of the only output of a batch of one
	// input and one format (its side outputs go beside it); OutDir is
	// then ignored.
	OutFile string
	// Convert is how each file is read, timed and written; its Force
	// replaces existing outputs.
	Convert convert.Options
	// Workers is the number of files converted at once (default: the
	// number of CPUs).
	Workers int
	// LimitMemory keeps the Go runtime's soft memory limit at a few
	// times the size of the inputs being converted (see HoldMemory), so
	// that the garbage collector, tuned to let the heap grow for speed,
	// keeps a large input's conversion near what it holds. Leave it off
	// when the environment sets GOMEMLIMIT.
	LimitMemory bool
	// MaxWarnings is the most warnings of one input passed on to
	// Convert.Warn (default: all); the rest are only counted in its
	// Result, so that a file with 10,000 repairs does not bury the others.
	MaxWarnings int
	// KeepWarnings keeps every warning of each input in its Result (for
	// the JSON report), not only their number.
	KeepWarnings bool
	// OnResult, when set, receives each result as it is known, from one
	// goroutine at a time, in completion order (for progress and logs).
	OnResult func(Result)
	// Report, when set, receives each input's name and its first output
	// (the document as timed for it), from the workers concurrently.
	Report func(input string, out convert.Output)
	// Media, when set, names the media file whose audio times an input
	// ("" for none): a transcript's cues are timed to its speech, and a
	// caption file's re-synced to it with Convert.Retime. An error fails
	// the input.
	Media func(input string) (string, error)

	// convert and beforePlace are test hooks: convert replaces
	// convert.ConvertEach to test the engine apart from the writers, and
	// beforePlace runs after a job's temporary files are written and
	// before they are put in place, to cancel at the worst moment.
	convert     func(doc *caption.Document, to []convert.Format, o convert.Options, yield func(convert.Output) error) error
	beforePlace func(Job)
}

// Run converts every job of p and returns the report, with one result per
// job (in plan order) after one per missing argument. When ctx is
// cancelled, the workers finish or undo the file in hand and the jobs not
// yet started are reported as cancelled.
func Run(ctx context.Context, p *Plan, o Options) *Report {
	start := time.Now()
	n := o.Workers
	if n <= 0 {
		n = runtime.NumCPU()
	}
	if o.convert == nil {
		o.convert = convert.ConvertEach
	}
	if o.beforePlace == nil {
		o.beforePlace = func(Job) {}
	}
	// Workers left without a file write one file's formats concurrently.
	concurrent := len(p.Jobs) < n
	rep := &Report{Files: make([]Result, 0, len(p.Missing)+len(p.Jobs))}
	emit := o.OnResult
	if emit == nil {
		emit = func(Result) {}
	}
	for _, err := range p.Missing {
		r := Result{Input: argOf(err), Status: Failed, Err: err}
		rep.Files = append(rep.Files, r)
		emit(r)
	}
	results := make([]Result, len(p.Jobs))
	done := make([]bool, len(p.Jobs))
	idx := make(chan int)
	finished := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < n && w < len(p.Jobs); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range idx {
				results[i] = convertJob(ctx, p.Jobs[i], o, concurrent)
				finished <- i
			}
		}()
	}
	go func() {
		defer close(idx)
		for i := range p.Jobs {
			select {
			case idx <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(finished) }()
	for i := range finished {
		done[i] = true
		emit(results[i])
	}
	for i, j := range p.Jobs {
		if !done[i] {
			results[i] = Result{Input: j.Input, Status: Cancelled, Outputs: outputs(j, NotWritten)}
			emit(results[i])
		}
	}
	rep.Files = append(rep.Files, results...)
	rep.Elapsed = time.Since(start)
	return rep
}

// convertJob converts one input: it skips outputs that exist (unless
// forced), renders the rest one after the other (or all at once when
// concurrent), each into a temporary file as soon as it is rendered, then
// puts them all in place unless ctx was cancelled meanwhile.
func convertJob(ctx context.Context, j Job, o Options, concurrent bool) Result {
	start := time.Now()
	r := Result{Input: j.Input, Outputs: outputs(j, NotWritten)}
	w := &warnings{warn: o.Convert.Warn, max: o.MaxWarnings, keep: o.KeepWarnings}
	o.Convert.Warn = w.add
	finish := func(s Status, err error) Result {
		r.Status, r.Err, r.Elapsed = s, err, time.Since(start)
		r.WarningCount, r.WarningsHeld, r.Warnings = w.result()
		r.Outputs = slices.DeleteFunc(r.Outputs, func(out Output) bool { return out.Side && out.Status == NotWritten })
		return r
	}
	if ctx.Err() != nil {
		return finish(Cancelled, nil)
	}
	todo := j.todo(o.Convert.Force, r.Outputs)
	if len(todo) == 0 {
		return finish(Skipped, nil)
	}
	var size int64 = -1
	if o.LimitMemory {
		if fi, err := os.Stat(j.Input); err == nil {
			size = fi.Size()
			defer HoldMemory(size, j.From == convert.Transcript)()
		}
	}
	doc, err := convert.ReadFile(j.Input, o.Convert)
	if err != nil {
		return finish(Failed, err)
	}
	if size >= 0 && j.From != convert.Transcript && len(doc.Segments) > 0 {
		// Its content showed a transcript: the rest of a transcript's share.
		defer memory.take(share(size, true) - share(size, false))()
	}
	var formats []convert.Format
	for _, i := range todo {
		if !j.Targets[i].Side {
			formats = append(formats, j.Targets[i].Format)
		}
	}
	co := o.Convert
	co.File = j.Input // where Convert's warnings point
	if co.Timing.Speech, err = Speech(ctx, o.Media, j.Input, j.Input, co.Language, doc, co.Warn); err != nil {
		return finish(Failed, err)
	}
	tmps := make([]string, len(j.Targets))
	defer func() {
		for _, t := range tmps {
			if t != "" {
				fileio.Discard(t)
			}
		}
	}()
	// slot returns the target an output goes to: outputs come in target
	// order, and a side output only when the document has what it carries.
	slot := func(f convert.Format) int {
		for _, i := range todo {
			if j.Targets[i].Format == f {
				return i
			}
		}
		return -1
	}
	var written []int // the targets whose temporary files are written
	var mu sync.Mutex // guards written and tmps when formats render at once
	render := func(out convert.Output) error {
		i := slot(out.Format)
		if i < 0 {
			return fmt.Errorf("%s: %s output was not planned", caption.QuotePath(j.Input), out.Format)
		}
		tmp, err := fileio.WriteTempFunc(j.Targets[i].Path, func(w io.Writer) error {
			return convert.MarshalTo(w, out.Doc, out.Format, co)
		})
		if err != nil {
			if !errors.As(err, new(*fs.PathError)) {
				err = fmt.Errorf("%s: %w", caption.QuotePath(j.Input), err) // the renderer's
			}
			return err
		}
		mu.Lock()
		tmps[i] = tmp
		written = append(written, i)
		mu.Unlock()
		return nil
	}
	first := true
	report := func(out convert.Output) {
		if first && o.Report != nil {
			o.Report(j.Input, out)
		}
		first = false
	}
	// An error of the conversion is the input's; one of rendering or
	// writing names its own file.
	inputErr := func(err error) error {
		return fmt.Errorf("%s: %w", caption.QuotePath(j.Input), err)
	}
	if concurrent && len(formats) > 1 && (len(doc.Segments) == 0 || small(j.Input)) {
		// Formats at once: every timed copy is alive together, which a
		// caption file affords (its copies share the cues) and a small
		// transcript does.
		var outs []convert.Output
		err := o.convert(doc, formats, co, func(out convert.Output) error {
			outs = append(outs, out)
			return nil
		})
		if err != nil {
			return finish(Failed, inputErr(err))
		}
		if len(outs) > 0 {
			report(outs[0])
		}
		errs := make([]error, len(outs))
		var wg sync.WaitGroup
		for k, out := range outs {
			wg.Go(func() { errs[k] = render(out) })
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			return finish(Failed, err)
		}
	} else {
		// One format after the other, each written as soon as it is
		// rendered and let go.
		var renderErr error
		err := o.convert(doc, formats, co, func(out convert.Output) error {
			report(out)
			if renderErr = render(out); renderErr != nil {
				return renderErr
			}
			if ctx.Err() != nil {
				return context.Canceled
			}
			return nil
		})
		switch {
		case renderErr != nil:
			return finish(Failed, renderErr)
		case ctx.Err() != nil:
			return finish(Cancelled, nil)
		case err != nil:
			return finish(Failed, inputErr(err))
		}
	}
	o.beforePlace(j)
	if ctx.Err() != nil {
		return finish(Cancelled, nil)
	}
	for _, i := range written {
		// Again just before the rename: a link made since the plan must
		// not let an output replace its input.
		if fileio.SameFile(j.Targets[i].Path, j.Input) {
			return finish(Failed, fmt.Errorf("%s: %w", caption.QuotePath(j.Targets[i].Path), convert.ErrWouldOverwriteInput))
		}
		err := place(tmps[i], j.Targets[i].Path, o.Convert.Force)
		switch {
		case errors.Is(err, convert.ErrExists):
			r.Outputs[i].Status = Exists
		case err != nil:
			return finish(Failed, err)
		default:
			r.Outputs[i].Status = Written
			tmps[i] = ""
		}
	}
	return finish(statusOf(r.Outputs), nil)
}

// smallInput is the largest transcript whose formats are rendered at
// once when workers are idle: past it, one timed copy at a time keeps
// memory proportional to the input (a 200 MB transcript timed for labels
// and for voices would hold two).
const smallInput = 2 << 20

// small reports whether the input at path is at most smallInput bytes.
func small(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Size() <= smallInput
}

// todo returns the indexes of j's targets to render: every main target
// unless it exists (without force; its status becomes Exists in outs),
// and the side outputs of those.
func (j Job) todo(force bool, outs []Output) []int {
	var todo []int
	main := false
	for i, t := range j.Targets {
		if t.Side {
			if main {
				todo = append(todo, i)
			}
			continue
		}
		main = force
		if !force {
			if _, err := os.Lstat(t.Path); err == nil {
				outs[i].Status = Exists
				continue
			}
			main = true
		}
		todo = append(todo, i)
	}
	return todo
}

// statusOf is Converted when any output was written, Skipped otherwise.
func statusOf(outs []Output) Status {
	for _, o := range outs {
		if o.Status == Written {
			return Converted
		}
	}
	return Skipped
}

func outputs(j Job, s Status) []Output {
	outs := make([]Output, len(j.Targets))
	for i, t := range j.Targets {
		outs[i] = Output{Target: t, Status: s}
	}
	return outs
}

// argOf returns the argument an expansion error is about.
func argOf(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Path
	}
	var ae argError
	if errors.As(err, &ae) {
		return ae.arg
	}
	return ""
}

// warnings counts one input's warnings, passes the first max on to warn
// (all when max is 0), and keeps them all when keep is set.
type warnings struct {
	warn func(caption.Position, string)
	max  int
	keep bool

	mu            sync.Mutex
	count, passed int
	list          []Warning
}

func (w *warnings) add(pos caption.Position, msg string) {
	w.mu.Lock()
	w.count++
	pass := w.warn != nil && (w.max <= 0 || w.count <= w.max)
	if pass {
		w.passed++
	}
	if w.keep {
		w.list = append(w.list, Warning{pos, msg})
	}
	w.mu.Unlock()
	if pass {
		w.warn(pos, msg)
	}
}

// result returns the number of warnings, how many were held back, and
// the warnings kept.
func (w *warnings) result() (count, held int, list []Warning) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.count, w.count - w.passed, w.list
}
