package batch

import (
	"runtime/debug"
	"testing"
)

func TestMemoryBudget(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(before)
	var b memoryBudget
	limit := func() int64 { return debug.SetMemoryLimit(-1) }
	r1 := b.take(share(100<<20, true))
	if got, want := limit(), int64(memoryFloor+transcriptShare*(100<<20)); got != want {
		t.Fatalf("one 100 MiB transcript: limit %d, want %d", got, want)
	}
	r2 := b.take(share(10<<20, false))
	if got, want := limit(), int64(memoryFloor+transcriptShare*(100<<20)+captionShare*(10<<20)); got != want {
		t.Fatalf("and a 10 MiB caption file: limit %d, want %d", got, want)
	}
	r1()
	r2()
	if got := limit(); got != memoryFloor {
		t.Fatalf("all released: limit %d, want the floor %d", got, memoryFloor)
	}
	var none *memoryBudget
	none.take(1 << 30)() // a nil budget changes nothing
	if got := limit(); got != memoryFloor {
		t.Fatalf("a nil budget moved the limit to %d", got)
	}
}
