// Package batch converts many inputs at once: it expands the command line
// into input files (files, directories walked recursively, glob patterns),
// plans every output before any work starts, runs a pool of workers under
// a context, and reports each file's outcome.
//
// Safety rules the plan and the workers keep:
//
//   - An input is never overwritten: a plan where any output path is an
//     input path is refused before any file is written.
//   - Two inputs that would write the same output are refused before any
//     file is written, so a batch never depends on which worker wins.
//   - An existing output is left untouched unless Force is set; the file is
//     then reported as skipped. Without Force the output is put in place
//     with a hard link, which fails rather than replaces when another
//     process created the file meanwhile.
//   - Every output is written to a temporary file in its target directory
//     and renamed into place. When the context is cancelled (Ctrl-C), the
//     workers remove their temporary files and put nothing more in place:
//     every output left behind is whole.
//
// Each file is independent of the others, so a batch that must go past
// one machine is sharded by an outside engine (GNU parallel, a Kubernetes
// indexed Job); the exit code and the JSON report are the interface.
package batch
