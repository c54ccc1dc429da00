// Command mktranscript writes a long transcript for bench/run.sh: a real
// seed-dialect transcript repeated with shifted times.
//
//	go run ./bench/mktranscript -length 3h testdata/000_2e7f89a82c8d846d.txt > long.txt
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/capconv/capconv/internal/benchdata"
)

func main() {
	length := flag.Duration("length", 0, "how long the transcript must last, e.g. 3h")
	flag.Parse()
	if flag.NArg() != 1 || *length <= 0 {
		fmt.Fprintln(os.Stderr, "usage: mktranscript -length 3h SEED.txt > out.txt")
		os.Exit(2)
	}
	seed, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		fmt.Fprintf(os.Stderr, "mktranscript: %v\n", err)
		os.Exit(1)
	}
	os.Stdout.Write(benchdata.Repeat(seed, *length))
}
