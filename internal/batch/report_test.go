package batch

import (
	"testing"

	"github.com/capconv/capconv/convert"
)

func TestResultPartial(t *testing.T) {
	main := func(s Status) Output { return Output{Status: s} }
	side := func(s Status) Output { return Output{Target: convert.Target{Side: true}, Status: s} }
	tests := []struct {
		name    string
		outputs []Output
		want    bool
	}{
		{"all written", []Output{main(Written), main(Written), side(Written)}, false},
		{"one kept beside a written one", []Output{main(Exists), main(Written)}, true},
		{"one failed after one was placed", []Output{main(Written), main(NotWritten)}, true},
		{"all kept", []Output{main(Exists), main(Exists)}, false},
		{"nothing written", []Output{main(NotWritten)}, false},
		{"a side output not written", []Output{main(Written), side(NotWritten)}, false},
		{"only a side output written", []Output{main(NotWritten), side(Written)}, true},
	}
	for _, tc := range tests {
		if got := (Result{Outputs: tc.outputs}).Partial(); got != tc.want {
			t.Errorf("%s: Partial() = %v, want %v", tc.name, got, tc.want)
		}
	}
}
