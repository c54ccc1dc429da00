// Package cells holds a caption row as the fixed-grid formats lay it out
// (CEA-608 in SCC, teletext in EBU STL): one character per cell, with its
// style. Both send a change of style as a code that shows as a space, so
// both lay out italics the same way.
package cells

// Cell is one character of a row and whether it is italic.
type Cell struct {
	R      rune
	Italic bool
}

// WholeWords makes every word of row that has italics in it italic whole,
// and each space take the style of the word after it: between words of
// two styles, the code that changes the style goes in the space's place
// ("Telefonía." with the full stop plain would show "Telefonía ."
// otherwise).
func WholeWords(row []Cell) {
	for i := 0; i < len(row); {
		if row[i].R == ' ' {
			i++
			continue
		}
		j, italic := i, false
		for ; j < len(row) && row[j].R != ' '; j++ {
			italic = italic || row[j].Italic
		}
		for k := i; k < j; k++ {
			row[k].Italic = italic
		}
		i = j
	}
	for i := len(row) - 2; i >= 0; i-- {
		if row[i].R == ' ' {
			row[i].Italic = row[i+1].Italic
		}
	}
}

// Trim returns row without the spaces around it.
func Trim(row []Cell) []Cell {
	for len(row) > 0 && row[0].R == ' ' {
		row = row[1:]
	}
	for len(row) > 0 && row[len(row)-1].R == ' ' {
		row = row[:len(row)-1]
	}
	return row
}
