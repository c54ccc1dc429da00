package batch

import (
	"runtime/debug"
	"sync"
)

// Memory bounds: a conversion holds about three times its input at its
// peak for a caption file (the input, the cues, a chunk of output) and
// six for a transcript (the words of a turn and its cues besides). The
// garbage collector lets the heap grow to five times what is live (see
// main's GC percent), which is what makes small files fast, and would
// make a 200 MB transcript take 5 GB: a soft limit of a few times the
// inputs in hand keeps it near what is live instead.
const (
	captionShare    = 3.5 // times a caption file's size
	transcriptShare = 5   // times a transcript's size
	// memoryFloor is what the limit never goes below: the runtime and a
	// batch's bookkeeping, and room enough that small files never meet
	// the limit.
	memoryFloor = 16 << 20
)

// memoryBudget sets the runtime's soft memory limit to memoryFloor and a
// share of every input being converted (see Options.LimitMemory). The
// limit is the process's, so there is one budget.
var memory memoryBudget

// HoldMemory raises the soft memory limit by the share of an input of
// size bytes (a transcript's or a caption file's) while it is converted,
// and returns the func that lowers it again; Run does so for every job
// under Options.LimitMemory. For a caller converting one input itself.
func HoldMemory(size int64, transcript bool) (release func()) {
	return memory.take(share(size, transcript))
}

type memoryBudget struct {
	mu   sync.Mutex
	held int64
}

// take adds n bytes to the limit and returns a func that gives them
// back.
func (b *memoryBudget) take(n int64) (release func()) {
	if b == nil || n <= 0 {
		return func() {}
	}
	b.mu.Lock()
	b.held += n
	debug.SetMemoryLimit(memoryFloor + b.held)
	b.mu.Unlock()
	return func() {
		b.mu.Lock()
		b.held -= n
		debug.SetMemoryLimit(memoryFloor + b.held)
		b.mu.Unlock()
	}
}

// share is what a conversion of an input of size bytes may hold.
func share(size int64, transcript bool) int64 {
	if transcript {
		return int64(transcriptShare * float64(size))
	}
	return int64(captionShare * float64(size))
}
