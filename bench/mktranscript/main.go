// Command mktranscript writes a long transcript for bench/run.sh: a real
// seed-dialect transcript repeated with shifted times, or, with -one-turn,
// the seed's words as one turn on one line (a transcript nobody split).
//
//	go run ./bench/mktranscript -length 3h testdata/000_2e7f89a82c8d846d.txt > long.txt
//	go run ./bench/mktranscript -one-turn -size 10000000 testdata/000_2e7f89a82c8d846d.txt > line.txt
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"regexp"

	"github.com/capconv/capconv/internal/benchdata"
)

func main() {
	length := flag.Duration("length", 0, "how long the transcript must last, e.g. 3h")
	oneTurn := flag.Bool("one-turn", false, "write the words as one turn on one line")
	size := flag.Int("size", 0, "with -one-turn: how many bytes of words")
	flag.Parse()
	if flag.NArg() != 1 {
		usage()
	}
	seed, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		fmt.Fprintf(os.Stderr, "mktranscript: %v\n", err)
		os.Exit(1)
	}
	switch {
	case *oneTurn && *size > 0:
		os.Stdout.Write(turn(seed, *size))
	case *length > 0:
		os.Stdout.Write(benchdata.Repeat(seed, *length))
	default:
		usage()
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: mktranscript -length 3h SEED.txt > out.txt\n       mktranscript -one-turn -size BYTES SEED.txt > out.txt")
	os.Exit(2)
}

// timeLine matches the seed's speaker and chapter lines, which hold a time.
var timeLine = regexp.MustCompile(`(^|\s)\d{1,3}:\d\d:\d\d(\s|$)`)

// turn returns one speaker line and size bytes of the seed's paragraphs,
// repeated, on one line.
func turn(seed []byte, size int) []byte {
	var words [][]byte
	for _, l := range bytes.Split(seed, []byte("\n")) {
		if !timeLine.Match(l) {
			words = append(words, bytes.Fields(l)...)
		}
	}
	out := []byte("Speaker One 0:00:01\n\n")
	for n := 0; len(out) < size; n++ {
		if n > 0 {
			out = append(out, ' ')
		}
		out = append(out, words[n%len(words)]...)
	}
	return append(out, '\n')
}
