package convert

import (
	"flag"
	"fmt"
	"io"
)

var fmtSscanf = fmt.Sscanf

// update rewrites golden files (never inputs): go test ./... -update.
var update = flag.Bool("update", false, "rewrite golden files")

// The write… helpers give the tests the writers' io.Writer form.
func writeSRT(w io.Writer, d *Document, o WriteOptions) error { return writeTo(w, appendSRT, d, o) }
func writeWebVTT(w io.Writer, d *Document, o WriteOptions) error {
	return writeTo(w, appendWebVTT, d, o)
}
func writeTTML(w io.Writer, d *Document, o WriteOptions) error { return writeTo(w, appendTTML, d, o) }
func writeASS(w io.Writer, d *Document, o WriteOptions) error  { return writeTo(w, appendASS, d, o) }
func writeJSON(w io.Writer, d *Document, o WriteOptions) error { return writeTo(w, appendJSON, d, o) }

func writeTo(w io.Writer, write func([]byte, *Document, WriteOptions) ([]byte, error), d *Document, o WriteOptions) error {
	b, err := write(nil, d, o)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}
