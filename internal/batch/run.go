package batch

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/internal/fileio"
	"github.com/capconv/capconv/internal/pipeline"
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
	// Elapsed is the time spent on it.
	Elapsed time.Duration
}

// Output is one target and what became of it.
type Output struct {
	Target
	Status Status
}

// Options tune a batch run.
type Options struct {
	// Convert is how each file is converted; its To and OutDir must be the
	// ones the plan was made with.
	Convert pipeline.Options
	// Workers is the number of files converted at once (default: the
	// number of CPUs).
	Workers int
	// OnResult, when set, receives each result as it is known, from one
	// goroutine at a time, in completion order (for progress and logs).
	OnResult func(Result)
}

// renderAll renders a job's outputs; tests replace it to test the engine
// apart from the writers.
var renderAll = pipeline.RenderWithChapters

// beforePlace runs after a job's temporary files are written and before
// they are put in place; tests use it to cancel at the worst moment.
var beforePlace = func(Job) {}

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
	conv := o.Convert
	// Workers left without a file render one file's formats concurrently.
	conv.Concurrent = conv.Concurrent || len(p.Jobs) < n
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
				results[i] = convertJob(ctx, p.Jobs[i], conv)
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
// forced), renders the rest in memory, writes them to temporary files,
// then puts them all in place unless ctx was cancelled meanwhile.
func convertJob(ctx context.Context, j Job, o pipeline.Options) Result {
	start := time.Now()
	r := Result{Input: j.Input, Outputs: outputs(j, NotWritten)}
	finish := func(s Status, err error) Result {
		r.Status, r.Err, r.Elapsed = s, err, time.Since(start)
		return r
	}
	if ctx.Err() != nil {
		return finish(Cancelled, nil)
	}
	var todo []int
	for i, t := range j.Targets {
		if o.Force {
			todo = append(todo, i)
			continue
		}
		if _, err := os.Lstat(t.Path); err == nil {
			r.Outputs[i].Status = Exists
			continue
		}
		todo = append(todo, i)
	}
	if len(todo) == 0 {
		return finish(Skipped, nil)
	}
	data, err := fileio.ReadFile(j.Input)
	if err != nil {
		return finish(Failed, err)
	}
	doc, err := pipeline.LoadBytes(data, j.Input, j.From, o)
	if err != nil {
		return finish(Failed, err)
	}
	if o.Report != nil {
		o.Report(j.Input, pipeline.Timed(doc, j.Targets[todo[0]].Format, o))
	}
	// tmps[k] is set to "" once put in place: removing a name that is
	// gone would cost two failing system calls per output.
	tmps := make([]string, 0, len(todo))
	defer func() {
		for _, t := range tmps {
			if t != "" {
				os.Remove(t)
			}
		}
	}()
	fs := make([]convert.Format, len(todo))
	for k, i := range todo {
		fs[k] = j.Targets[i].Format
	}
	outs, chapters, err := renderAll(doc, fs, o)
	if err != nil {
		return finish(Failed, fmt.Errorf("%s: %w", j.Input, err))
	}
	for k, i := range todo {
		tmp, err := writeTemp(j.Targets[i].Path, outs[k])
		if err != nil {
			return finish(Failed, err)
		}
		tmps = append(tmps, tmp)
		if ctx.Err() != nil {
			return finish(Cancelled, nil)
		}
	}
	extra, err := chaptersTrack(j, todo, chapters)
	if err != nil {
		return finish(Failed, err)
	}
	defer func() {
		if extra.tmp != "" {
			os.Remove(extra.tmp)
		}
	}()
	beforePlace(j)
	if ctx.Err() != nil {
		return finish(Cancelled, nil)
	}
	for k, i := range todo {
		err := place(tmps[k], j.Targets[i].Path, o.Force)
		switch {
		case errors.Is(err, pipeline.ErrExists):
			r.Outputs[i].Status = Exists
		case err != nil:
			return finish(Failed, err)
		default:
			r.Outputs[i].Status = Written
			tmps[k] = ""
		}
	}
	if extra.tmp != "" {
		err := place(extra.tmp, extra.path, o.Force)
		if err == nil {
			extra.tmp = ""
		}
		if err != nil && !errors.Is(err, pipeline.ErrExists) {
			return finish(Failed, err)
		}
	}
	return finish(statusOf(r.Outputs), nil)
}

// chapterFile is a chapters track written to a temporary file, to be put
// at path.
type chapterFile struct{ tmp, path string }

// chaptersTrack writes chapters, the WebVTT chapters track rendered with
// the outputs (see pipeline.RenderWithChapters), to a temporary file beside
// the WebVTT output; it is not a target of its own.
func chaptersTrack(j Job, todo []int, chapters []byte) (chapterFile, error) {
	if chapters == nil {
		return chapterFile{}, nil
	}
	for _, i := range todo {
		if j.Targets[i].Format != convert.WebVTT {
			continue
		}
		path := pipeline.ChaptersPath(j.Targets[i].Path)
		tmp, err := writeTemp(path, chapters)
		return chapterFile{tmp, path}, err
	}
	return chapterFile{}, nil
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
