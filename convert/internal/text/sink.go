package text

import "io"

// SinkChunk is how much output a Sink lets a writer hold before handing
// it on: large enough that the file is written in few calls, small enough
// that a 200 MB output never sits whole in memory.
const SinkChunk = 1 << 20

// Sink takes a writer's output as it is rendered. A writer that appends
// its output to a buffer calls Spill between cues, which writes the
// buffer on once it holds a chunk and hands it back empty; a nil Sink
// keeps everything in the buffer, for a caller that wants the output
// whole. The first error of the underlying writer is kept and stops
// further writes: the writer goes on rendering into its buffer and the
// caller reads the error from Close.
type Sink struct {
	w   io.Writer
	err error
}

// NewSink returns a Sink writing to w.
func NewSink(w io.Writer) *Sink { return &Sink{w: w} }

// Spill writes b on and returns it emptied when s is a Sink and b holds
// at least a chunk; otherwise it returns b as it is.
func (s *Sink) Spill(b []byte) []byte {
	if s == nil || len(b) < SinkChunk {
		return b
	}
	s.write(b)
	return b[:0]
}

// Size returns how much room a writer whose whole output takes size bytes
// should reserve: all of it without a Sink, a chunk and some slack with
// one.
func (s *Sink) Size(size int) int {
	if s == nil {
		return size
	}
	return min(size, SinkChunk+SinkChunk/4)
}

// Close writes the rest, b, and returns the first error the underlying
// writer gave.
func (s *Sink) Close(b []byte) error {
	s.write(b)
	return s.err
}

func (s *Sink) write(b []byte) {
	if s.err == nil && len(b) > 0 {
		_, s.err = s.w.Write(b)
	}
}
