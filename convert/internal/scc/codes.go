package scc

// The CEA-608 codes capconv writes and reads, on data channel 1 (CC1) of
// field 1: what a Scenarist file carries for a programme's captions.
// Every byte carries odd parity in its top bit (see withParity).

// Control codes: first byte 0x14, the second below; doubled when sent.
const (
	ctrlRCL = 0x20 // resume caption loading: pop-on, into the hidden memory
	ctrlBS  = 0x21 // backspace
	ctrlDER = 0x24 // delete to end of row
	ctrlRU2 = 0x25 // roll-up, two rows
	ctrlRU3 = 0x26
	ctrlRU4 = 0x27
	ctrlRDC = 0x29 // resume direct captioning: paint-on
	ctrlEDM = 0x2C // erase displayed memory
	ctrlCR  = 0x2D // carriage return: roll up one row
	ctrlENM = 0x2E // erase non-displayed memory
	ctrlEOC = 0x2F // end of caption: swap the memories, showing the loaded one
)

// Mid-row codes (first byte 0x11, second 0x20–0x2F) change the style of
// what follows and take a column as a space: 0x20 is plain white, 0x2E
// italics (0x21 and 0x2F add an underline).
const (
	midRowPlain  = 0x20
	midRowItalic = 0x2E
)

// Tab offsets (first byte 0x17, second 0x21–0x23) move the cursor one to
// three columns right, for indents that are no multiple of four.
const tabOffset = 0x20

// columns and rows are the caption grid.
const (
	columns = Columns
	rows    = 15
)

// Columns is the most characters a CEA-608 caption row shows.
const Columns = 32

// withParity returns b (7 bits) with odd parity in bit 7, as every byte of
// CEA-608 is sent.
func withParity(b byte) byte {
	b &= 0x7F
	ones := 0
	for x := b; x != 0; x &= x - 1 {
		ones++
	}
	if ones%2 == 0 {
		b |= 0x80
	}
	return b
}

// basic maps the characters of the basic set that differ from ASCII;
// every other byte from 0x20 to 0x7E is its ASCII character (0x27 the
// apostrophe, which decoders draw straight or curly).
var basic = map[byte]rune{
	0x2A: 'á', 0x5C: 'é', 0x5E: 'í', 0x5F: 'ó', 0x60: 'ú',
	0x7B: 'ç', 0x7C: '÷', 0x7D: 'Ñ', 0x7E: 'ñ', 0x7F: '█',
}

// special is the special character set: second bytes 0x30–0x3F after
// 0x11. 0x39 is the transparent space.
var special = [16]rune{'®', '°', '½', '¿', '™', '¢', '£', '♪', 'à', '\u00A0', 'è', 'â', 'ê', 'î', 'ô', 'û'}

// extended are the extended Western European sets: second bytes 0x20–0x3F
// after 0x12 (Spanish, miscellaneous, French) and after 0x13 (Portuguese,
// German, Danish). Each replaces the basic character sent before it, which
// older decoders show instead.
var extended = [2][32]rune{
	{
		'Á', 'É', 'Ó', 'Ú', 'Ü', 'ü', '‘', '¡', '*', '\'', '—', '©', '℠', '•', '“', '”',
		'À', 'Â', 'Ç', 'È', 'Ê', 'Ë', 'ë', 'Î', 'Ï', 'ï', 'Ô', 'Ù', 'ù', 'Û', '«', '»',
	},
	{
		'Ã', 'ã', 'Í', 'Ì', 'ì', 'Ò', 'ò', 'Õ', 'õ', '{', '}', '\\', '^', '_', '|', '~',
		'Ä', 'ä', 'Ö', 'ö', 'ß', '¥', '¤', '¦', 'Å', 'å', 'Ø', 'ø', '┌', '┐', '└', '┘',
	},
}

// charCode is how one character is sent.
type charCode struct {
	kind     charKind
	b1, b2   byte // the code pair for special and extended characters
	basic    byte // the basic character: itself, or an extended one's stand-in
	fallback rune // what the stand-in shows, for extended characters
}

type charKind uint8

const (
	kindNone charKind = iota
	kindBasic
	kindSpecial
	kindExtended
)

// encoding maps every character CEA-608 can show to how it is sent.
var encoding = func() map[rune]charCode {
	m := map[rune]charCode{}
	for b := byte(0x20); b < 0x80; b++ {
		r, ok := basic[b]
		if !ok {
			r = rune(b)
		}
		m[r] = charCode{kind: kindBasic, basic: b}
	}
	m['’'] = charCode{kind: kindBasic, basic: 0x27} // the apostrophe, which decoders draw either way
	for i, r := range special {
		if r != '\u00A0' {
			m[r] = charCode{kind: kindSpecial, b1: 0x11, b2: 0x30 + byte(i)}
		}
	}
	for set, chars := range extended {
		for i, r := range chars {
			if _, ok := m[r]; ok {
				continue // the basic set has it: "'" is sent as 0x27
			}
			stand := standIn(r)
			m[r] = charCode{kind: kindExtended, b1: 0x12 + byte(set), b2: 0x20 + byte(i), basic: stand, fallback: rune(stand)}
		}
	}
	return m
}()

// standIn returns the basic character a decoder without the extended
// sets shows for r: the letter without its accent, or a look-alike.
func standIn(r rune) byte {
	switch r {
	case 'Á', 'À', 'Â', 'Ã', 'Ä', 'Å':
		return 'A'
	case 'ã', 'ä', 'å':
		return 'a'
	case 'É', 'È', 'Ê', 'Ë':
		return 'E'
	case 'ë':
		return 'e'
	case 'Í', 'Ì', 'Î', 'Ï':
		return 'I'
	case 'ì', 'ï':
		return 'i'
	case 'Ó', 'Ò', 'Ô', 'Õ', 'Ö', 'Ø':
		return 'O'
	case 'ò', 'õ', 'ö', 'ø':
		return 'o'
	case 'Ú', 'Ù', 'Û', 'Ü':
		return 'U'
	case 'ü', 'ù':
		return 'u'
	case 'Ç':
		return 'C'
	case 'ß':
		return 's'
	case '‘', '\'':
		return '\''
	case '“', '”', '«', '»':
		return '"'
	case '—':
		return '-'
	case '¡':
		return '!'
	case '{', '┌', '└':
		return '['
	case '}', '┐', '┘':
		return ']'
	case '\\', '|', '¦':
		return '/'
	}
	return ' '
}

// decodeBasic returns the character of basic byte b (0x20–0x7F).
func decodeBasic(b byte) rune {
	if r, ok := basic[b]; ok {
		return r
	}
	return rune(b)
}

// pacRow is the PAC's first byte (low three bits) and second-byte base of
// each row, 1 to 15.
var pacRow = [rows + 1]struct{ b1, b2 byte }{
	{},
	{0x11, 0x40}, {0x11, 0x60}, {0x12, 0x40}, {0x12, 0x60}, {0x15, 0x40},
	{0x15, 0x60}, {0x16, 0x40}, {0x16, 0x60}, {0x17, 0x40}, {0x17, 0x60},
	{0x10, 0x40}, {0x13, 0x40}, {0x13, 0x60}, {0x14, 0x40}, {0x14, 0x60},
}

// pac returns the preamble address code that puts the cursor on row
// (1–15) at column indent (a multiple of four, 0–28), in italics or not.
func pac(row, indent int, italic bool) (byte, byte) {
	p := pacRow[row]
	if italic && indent == 0 {
		return p.b1, p.b2 | 0x0E
	}
	return p.b1, p.b2 | 0x10 | byte(indent/4)<<1
}

// parsePAC reads a preamble address code: its row, its indent and whether
// it starts italics.
func parsePAC(b1, b2 byte) (row, indent int, italic, ok bool) {
	if b1 < 0x10 || b1 > 0x17 || b2 < 0x40 || b2 > 0x7F {
		return 0, 0, false, false
	}
	base := b2 & 0x60
	for r := 1; r <= rows; r++ {
		if pacRow[r].b1 == b1 && pacRow[r].b2 == base {
			attr := b2 & 0x1F
			switch {
			case attr >= 0x10:
				return r, int(attr-0x10) / 2 * 4, false, true
			case attr == 0x0E || attr == 0x0F:
				return r, 0, true, true
			default:
				return r, 0, false, true
			}
		}
	}
	return 0, 0, false, false
}
