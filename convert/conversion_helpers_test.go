package convert_test

import (
	"io"
	"testing"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/convert/caption"
)

// load reads r, named name, as the command reads a file: in format f
// unless the content says otherwise, or in o.From when it is set.
func load(r io.Reader, name string, f convert.Format, o convert.Options) (*caption.Document, error) {
	o.File = name
	if o.From == "" {
		data, err := io.ReadAll(r)
		if err != nil {
			return nil, err
		}
		return convert.ReadBytes(data, convert.Detect(data, f), o)
	}
	return convert.Read(r, o.From, o)
}

// timedFor returns doc as Convert prepares it for format f.
func timedFor(t testing.TB, doc *caption.Document, f convert.Format, o convert.Options) *caption.Document {
	t.Helper()
	outs, err := convert.Convert(doc, []convert.Format{f}, o)
	if err != nil {
		t.Fatalf("Convert(%s) = %v", f, err)
	}
	return outs[0].Doc
}

// render returns doc converted to and written in format f.
func render(doc *caption.Document, f convert.Format, o convert.Options) ([]byte, error) {
	outs, err := convert.Convert(doc, []convert.Format{f}, o)
	if err != nil {
		return nil, err
	}
	return convert.Marshal(outs[0].Doc, f, o)
}

// renderAll returns doc converted to and written in every format of to,
// side outputs included, in Convert's order.
func renderAll(doc *caption.Document, to []convert.Format, o convert.Options) ([]convert.Format, [][]byte, error) {
	outs, err := convert.Convert(doc, to, o)
	if err != nil {
		return nil, nil, err
	}
	fs := make([]convert.Format, len(outs))
	data := make([][]byte, len(outs))
	for i, out := range outs {
		fs[i] = out.Format
		if data[i], err = convert.Marshal(out.Doc, out.Format, o); err != nil {
			return nil, nil, err
		}
	}
	return fs, data, nil
}
