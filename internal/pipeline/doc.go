// Package pipeline runs one conversion: read an input, time its segments
// into cues, render every requested format in memory, then put each output
// in place atomically. A failure leaves no output file behind, an input is
// never overwritten, and an existing output is kept unless forced.
package pipeline
