package convert

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/text"
)

// ReadSpeakerMap reads a CSV file of "from,to" rows for Options.Speakers (see caption.Document.RenameSpeakers). A
// first row "from,to" is a header and skipped; blank lines are skipped.
// file names the input in errors, which carry the line and column.
func ReadSpeakerMap(r io.Reader, file string) (map[string]string, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1 // checked below, to say which row is wrong and why
	cr.TrimLeadingSpace = true
	names := map[string]string{}
	seen := map[string]int{}
	for row := 0; ; row++ {
		rec, err := cr.Read()
		if err == io.EOF {
			return names, nil
		}
		if err != nil {
			var ce *csv.ParseError
			if errors.As(err, &ce) {
				return nil, &caption.ParseError{Pos: caption.Position{File: file, Line: ce.Line, Col: ce.Column}, Err: fmt.Errorf("%w: %v", caption.ErrSyntax, ce.Err)}
			}
			return nil, err
		}
		line, _ := cr.FieldPos(0) // only valid after a successful Read
		pos := caption.Position{File: file, Line: line, Col: 1}
		if len(rec) != 2 {
			return nil, text.Errorf(pos, caption.ErrSyntax, "%d fields: expected two, from,to (quote a name that holds a comma)", len(rec))
		}
		from, to := strings.TrimSpace(rec[0]), strings.TrimSpace(rec[1])
		if row == 0 && strings.EqualFold(from, "from") && strings.EqualFold(to, "to") {
			continue
		}
		if from == "" {
			return nil, text.Errorf(pos, caption.ErrSyntax, "empty speaker name in the first field: expected the name as the transcript writes it")
		}
		if prev, ok := seen[from]; ok {
			return nil, text.Errorf(pos, caption.ErrSyntax, "%q is renamed twice (first on line %d)", from, prev)
		}
		seen[from] = line
		names[from] = to
	}
}
