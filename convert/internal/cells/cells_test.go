package cells

import "testing"

func TestWholeWords(t *testing.T) {
	row := func(text, italic string) []Cell {
		var r []Cell
		for i, c := range []rune(text) {
			r = append(r, Cell{R: c, Italic: italic[i] == 'i'})
		}
		return r
	}
	tests := []struct{ text, in, want string }{
		{"Non, merci.", "iii........", "iiii......."},          // the comma joins its word
		{"a bien b", "...i....", ".iiiii.."},                   // the space before takes the word's style
		{"un|believ|able", "...iiiiii.....", "iiiiiiiiiiiiii"}, // italics in a word make it all italic
		{"plain", ".....", "....."},
	}
	for _, tc := range tests {
		r := row(tc.text, tc.in)
		WholeWords(r)
		got := ""
		for _, c := range r {
			if c.Italic {
				got += "i"
			} else {
				got += "."
			}
		}
		if got != tc.want {
			t.Errorf("WholeWords(%q, %s) = %s, want %s", tc.text, tc.in, got, tc.want)
		}
	}
	if got := Trim(row("  hi ", ".....")); len(got) != 2 || got[0].R != 'h' {
		t.Errorf("Trim = %v", got)
	}
}
