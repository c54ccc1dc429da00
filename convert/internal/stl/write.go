package stl

import (
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/cells"
	"github.com/capconv/capconv/convert/internal/labels"
	"github.com/capconv/capconv/convert/internal/text"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// capconv writes EBU STL itself: go-astisub v0.39.0's writer drops the em
// dash and the spaces around it, writes "€" as "←", truncates every time
// to the frame below and left-aligns every subtitle. What is written: a
// GSI block in code page 850 declaring Level-1 teletext (DSC "1"), the
// Latin character table (ISO 6937), 40 characters and 23 rows, and one
// TTI block per subtitle (extension blocks for longer text), each line
// boxed as teletext shows it, centred unless placed left or right.

// WriteOptions say how an STL file is written.
type WriteOptions struct {
	// FrameRate is 25 (the default, "STL25.01") or 30 ("STL30.01", for
	// 29.97 and 30 fps video).
	FrameRate float64
	// Speakers is how speakers are shown in the text (see labels.Shower);
	// "" is Name.
	Speakers labels.Style
	// StartTimecode is the timecode of the programme's first frame,
	// written as its start (TCP); the cues' times are timecodes already
	// (they hold it).
	StartTimecode time.Duration
	// Warn, when set, receives what could not be written as asked.
	Warn func(msg string)
	// Now is the creation date written; zero is today, or the date
	// SOURCE_DATE_EPOCH gives (seconds since 1970), the reproducible-builds
	// convention, so that a file written twice is the same.
	Now time.Time
}

// The size of a TTI block's text field, and what a teletext screen
// shows.
const (
	textSize  = 112
	maxRow    = RowChars
	rowsShown = 23
)

// Teletext codes of the text field.
const (
	codeItalicOn  = 0x80
	codeItalicOff = 0x81
	codeStartBox  = 0x0B
	codeEndBox    = 0x0A
	codeNewline   = 0x8A
	codeUnused    = 0x8F
)

// RowChars is the most characters a teletext row shows.
const RowChars = 40

// The most an EBU STL file holds: a subtitle number is two bytes, the
// header counts blocks in five digits.
const (
	maxSubtitles = 0xFFFF
	maxBlocks    = 99999
)

// Append appends d as an EBU STL file to b.
func Append(b []byte, d *caption.Document, o WriteOptions) ([]byte, error) {
	fps := 25
	switch {
	case o.FrameRate == 0 || math.Abs(o.FrameRate-25) < 0.01:
	case o.FrameRate > 29 && o.FrameRate < 30.01:
		fps = 30
	default:
		return b, fmt.Errorf("EBU STL is timed at 25 or 30 frames a second, not %v", o.FrameRate)
	}
	w := stlWriter{fps: fps, o: o, replaced: map[rune]bool{}}
	show := labels.NewShower(o.Speakers)
	var prefixes []string
	var ttis [][]byte
	subtitles := 0
	for i, c := range d.Cues {
		if c.Start < 0 || c.End < c.Start {
			return b, fmt.Errorf("cue %d: time %s --> %s: EBU STL times start at 0", i+1, c.Start, c.End)
		}
		prefixes = show.Prefixes(prefixes, c.Lines)
		var rows [][]byte
		for j, l := range c.Lines {
			if strings.TrimSpace(l.Text) == "" {
				continue
			}
			rows = append(rows, w.rows(prefixes[j], l, i+1)...)
		}
		if len(rows) == 0 {
			continue
		}
		subtitles++
		ttis = append(ttis, w.tti(subtitles, c, rows)...)
		if subtitles > maxSubtitles || len(ttis) > maxBlocks {
			return b, fmt.Errorf("cue %d (%s): EBU STL holds at most %d subtitles in %d TTI blocks: split the document", i+1, text.FormatClock(c.Start), maxSubtitles, maxBlocks)
		}
	}
	if subtitles == 0 {
		return b, fmt.Errorf("no subtitle to write")
	}
	if len(w.replaced) > 0 && o.Warn != nil {
		var rs []string
		for r := range w.replaced {
			rs = append(rs, strconv.QuoteRune(r))
		}
		slices.Sort(rs)
		o.Warn(fmt.Sprintf("EBU STL's character table has no %s: replaced by the nearest it has", strings.Join(rs, ", ")))
	}
	b = slices.Grow(b, gsiSize+len(ttis)*ttiSize)
	b = w.appendGSI(b, d, len(ttis), subtitles)
	for _, t := range ttis {
		b = append(b, t...)
	}
	return b, nil
}

type stlWriter struct {
	fps      int
	o        WriteOptions
	replaced map[rune]bool
	long     bool // a row was cut to 40 characters (warned once)
}

// cell is one character of a row and its style.
type cell = cells.Cell

// rows returns one line of a subtitle as teletext rows in the text
// field's code: boxed, in ISO 6937, wrapped at spaces to 40 characters.
// A teletext control code shows as a space, so italics are switched on
// and off in the place of the space before and after an italic word: a
// word with italics in it is italic whole.
func (w *stlWriter) rows(prefix string, l caption.Line, cue int) [][]byte {
	var line []cell
	for _, r := range prefix {
		line = append(line, cell{R: r})
	}
	for _, s := range l.Runs() {
		for _, r := range s.Text {
			line = append(line, cell{R: r, Italic: s.Style.Italic})
		}
	}
	cells.WholeWords(line)
	var out [][]byte
	for _, row := range wrap(line, maxRow) {
		out = append(out, w.encodeRow(row))
	}
	if len(out) > 1 && w.o.Warn != nil && !w.long {
		w.long = true
		w.o.Warn(fmt.Sprintf("cue %d has a line of %d characters, more than the %d a teletext row shows: wrapped", cue, len(line), maxRow))
	}
	return out
}

// encodeRow returns a row's bytes between the start and end box codes.
func (w *stlWriter) encodeRow(row []cell) []byte {
	b := []byte{codeStartBox, codeStartBox}
	italic := false
	for i, c := range row {
		if c.Italic != italic {
			italic = c.Italic
			code := byte(codeItalicOff)
			if italic {
				code = codeItalicOn
			}
			b = append(b, code)
			if c.R == ' ' || i == 0 {
				continue // the code stands for the space
			}
		}
		if c.R == ' ' && i+1 < len(row) && row[i+1].Italic != italic {
			continue // the next code takes its place
		}
		b = w.appendRune(b, c.R)
	}
	if italic {
		b = append(b, codeItalicOff)
	}
	return append(b, codeEndBox, codeEndBox)
}

// wrap breaks row at spaces into rows of at most n characters; a word
// longer than a row is cut.
func wrap(row []cell, n int) [][]cell {
	row = cells.Trim(row)
	var out [][]cell
	for len(row) > n {
		cut := n
		for cut > 0 && row[cut].R != ' ' {
			cut--
		}
		if cut == 0 {
			cut = n
		}
		out = append(out, row[:cut])
		row = row[cut:]
		for len(row) > 0 && row[0].R == ' ' {
			row = row[1:]
		}
	}
	return append(out, row)
}

// tti returns the TTI blocks of subtitle number sn: the first, and
// extension blocks while the text does not fit in 112 bytes.
func (w *stlWriter) tti(sn int, c caption.Cue, rows [][]byte) [][]byte {
	// Each block takes whole rows (a row of 40 characters is at most 94
	// bytes): no character or row is cut between blocks.
	var fields [][]byte
	var tf []byte
	for _, r := range rows {
		switch {
		case len(tf) == 0:
		case len(tf)+1+len(r) > textSize:
			fields, tf = append(fields, tf), nil
		default:
			tf = append(tf, codeNewline)
		}
		tf = append(tf, r...)
	}
	fields = append(fields, tf)
	vp := rowsShown - len(rows) // the bottom rows, above the last
	switch c.Placement.Vertical {
	case caption.Top:
		vp = 1
	case caption.Middle:
		vp = (rowsShown - len(rows)) / 2
	}
	jc := byte(2) // centred
	switch c.Placement.Horizontal {
	case caption.Left:
		jc = 1
	case caption.Right:
		jc = 3
	}
	var blocks [][]byte
	for ebn, chunk := range fields {
		chunk = chunk[:min(len(chunk), textSize)]
		blk := make([]byte, 16, ttiSize)
		blk[0] = 0 // subtitle group
		blk[1], blk[2] = byte(sn), byte(sn>>8)
		blk[3] = byte(ebn)
		if ebn == len(fields)-1 {
			blk[3] = 0xFF // the last block of the subtitle
		}
		blk[4] = 0 // cumulative status: not part of a set
		w.putTimecode(blk[5:9], c.Start)
		w.putTimecode(blk[9:13], max(c.End, c.Start))
		blk[13], blk[14], blk[15] = byte(vp), jc, 0
		blk = append(blk, chunk...)
		for len(blk) < ttiSize {
			blk = append(blk, codeUnused)
		}
		blocks = append(blocks, blk)
	}
	return blocks
}

// putTimecode writes t as the four bytes HH MM SS FF, on the nearest
// frame.
func (w *stlWriter) putTimecode(dst []byte, t time.Duration) {
	frames := int64(math.Round(t.Seconds() * float64(w.fps)))
	f, s := frames%int64(w.fps), frames/int64(w.fps)
	dst[0], dst[1], dst[2], dst[3] = byte(min(s/3600, 255)), byte(s/60%60), byte(s%60), byte(f)
}

// appendRune appends r in ISO 6937: ASCII as itself, the characters of
// the supplementary set as their byte, an accented letter as its
// non-spacing diacritic then its letter; another is replaced.
func (w *stlWriter) appendRune(b []byte, r rune) []byte {
	switch {
	case r == '\t' || r == '\u00A0' || unicode.IsSpace(r):
		return append(b, ' ')
	case r >= 0x20 && r < 0x7F:
		return append(b, byte(r))
	}
	if c, ok := iso6937[r]; ok {
		return append(b, c)
	}
	if d := norm.NFD.String(string(r)); len(d) > 1 {
		base, mark := rune(d[0]), []rune(d[1:])
		if base < 0x80 && len(mark) == 1 {
			if c, ok := diacritics[mark[0]]; ok {
				return append(b, c, byte(base))
			}
		}
	}
	w.replaced[r] = true
	switch r {
	case '–', '‒', '−':
		return append(b, '-')
	case '…':
		return append(b, "..."...)
	case '€':
		return append(b, "EUR"...)
	}
	for _, d := range norm.NFD.String(string(r)) {
		if d < 0x7F && d >= 0x20 {
			return append(b, byte(d))
		}
	}
	return append(b, '?')
}

// iso6937 maps the characters of ISO 6937's supplementary set that are
// one byte.
var iso6937 = map[rune]byte{
	'¡': 0xA1, '¢': 0xA2, '£': 0xA3, '¥': 0xA5, '§': 0xA7, '¤': 0xA8, '‘': 0xA9, '“': 0xAA,
	'«': 0xAB, '←': 0xAC, '↑': 0xAD, '→': 0xAE, '↓': 0xAF, '°': 0xB0, '±': 0xB1, '²': 0xB2,
	'³': 0xB3, '×': 0xB4, 'µ': 0xB5, '¶': 0xB6, '·': 0xB7, '÷': 0xB8, '’': 0xB9, '”': 0xBA,
	'»': 0xBB, '¼': 0xBC, '½': 0xBD, '¾': 0xBE, '¿': 0xBF, '—': 0xD0, '¹': 0xD1, '®': 0xD2,
	'©': 0xD3, '™': 0xD4, '♪': 0xD5, '¬': 0xD6, '¦': 0xD7, '⅛': 0xDC, '⅜': 0xDD, '⅝': 0xDE,
	'⅞': 0xDF, 'Ω': 0xE0, 'Æ': 0xE1, 'Ð': 0xE2, 'ª': 0xE3, 'Ħ': 0xE4, 'Ĳ': 0xE6, 'Ŀ': 0xE7,
	'Ł': 0xE8, 'Ø': 0xE9, 'Œ': 0xEA, 'º': 0xEB, 'Þ': 0xEC, 'Ŧ': 0xED, 'Ŋ': 0xEE, 'ŉ': 0xEF,
	'ĸ': 0xF0, 'æ': 0xF1, 'đ': 0xF2, 'ð': 0xF3, 'ħ': 0xF4, 'ı': 0xF5, 'ĳ': 0xF6, 'ŀ': 0xF7,
	'ł': 0xF8, 'ø': 0xF9, 'œ': 0xFA, 'ß': 0xFB, 'þ': 0xFC, 'ŧ': 0xFD, 'ŋ': 0xFE,
}

// diacritics maps Unicode's combining marks to ISO 6937's non-spacing
// diacritics, which come before the letter they go on.
var diacritics = map[rune]byte{
	'\u0300': 0xC1, // grave
	'\u0301': 0xC2, // acute
	'\u0302': 0xC3, // circumflex
	'\u0303': 0xC4, // tilde
	'\u0304': 0xC5, // macron
	'\u0306': 0xC6, // breve
	'\u0307': 0xC7, // dot above
	'\u0308': 0xC8, // diaeresis
	'\u030A': 0xCA, // ring above
	'\u0327': 0xCB, // cedilla
	'\u030B': 0xCD, // double acute
	'\u0328': 0xCE, // ogonek
	'\u030C': 0xCF, // caron
}

// stlLanguageCodes are EBU's language codes (Tech 3264 appendix) for the
// languages most subtitled, by their BCP 47 primary subtag.
var stlLanguageCodes = map[string]string{
	"sq": "01", "br": "02", "ca": "03", "hr": "04", "cy": "05", "cs": "06", "da": "07",
	"de": "08", "en": "09", "es": "0A", "eo": "0B", "et": "0C", "eu": "0D", "fo": "0E",
	"fr": "0F", "fy": "10", "ga": "11", "gd": "12", "gl": "13", "is": "14", "it": "15",
	"lb": "17", "lt": "18", "lv": "19", "hu": "1B", "mt": "1C", "nl": "1D",
	"no": "1E", "nb": "1E", "nn": "1E", "oc": "1F", "pl": "20", "pt": "21", "ro": "22",
	"rm": "23", "sr": "24", "sk": "25", "sl": "26", "fi": "27", "sv": "28", "tr": "29",
	"ar": "49", "zh": "4B", "el": "58", "he": "59", "hi": "5A", "ja": "69", "ko": "6F",
	"ru": "56", "uk": "40",
}

// appendGSI appends the 1024-byte General Subtitle Information block.
func (w *stlWriter) appendGSI(b []byte, d *caption.Document, blocks, subtitles int) []byte {
	start := len(b)
	field := func(s string, n int) {
		enc := w.latin(s)
		if len(enc) > n {
			enc = enc[:n]
		}
		b = append(b, enc...)
		for range n - len(enc) {
			b = append(b, ' ')
		}
	}
	now := w.o.Now
	if now.IsZero() {
		now = time.Now()
		if sec, err := strconv.ParseInt(os.Getenv("SOURCE_DATE_EPOCH"), 10, 64); err == nil {
			now = time.Unix(sec, 0).UTC()
		}
	}
	date := now.Format("060102")
	lang := "00"
	if tag, _, _ := strings.Cut(strings.ToLower(d.Language), "-"); tag != "" {
		if c, ok := stlLanguageCodes[tag]; ok {
			lang = c
		}
	}
	field("850", 3)
	field("STL"+strconv.Itoa(w.fps)+".01", 8)
	field("1", 1)  // display standard: Level-1 teletext
	field("00", 2) // character code table: Latin, ISO 6937
	field(lang, 2)
	field(d.Title, 32)                          // original programme title
	field("", 32*5)                             // episode, translated titles, translator and contact
	field("", 16)                               // subtitle list reference code
	field(date, 6)                              // creation date
	field(date, 6)                              // revision date
	field("00", 2)                              // revision number
	field(fmt.Sprintf("%05d", blocks), 5)       // TTI blocks
	field(fmt.Sprintf("%05d", subtitles), 5)    // subtitles
	field("001", 3)                             // subtitle groups
	field(strconv.Itoa(maxRow), 2)              // characters a row
	field(strconv.Itoa(rowsShown), 2)           // rows
	field("1", 1)                               // time code status: for use
	field(w.timecodeText(w.o.StartTimecode), 8) // start of programme
	field(w.timecodeText(firstStart(d)), 8)     // first cue
	field("1", 1)                               // disks
	field("1", 1)                               // disk sequence number
	field("", 3+32*3+75+576)                    // country, publisher, editor, contact, spare, user area
	for len(b)-start < gsiSize {
		b = append(b, ' ')
	}
	return b
}

// latin returns s as the GSI block's code page 850 bytes, "?" for what it
// lacks.
func (w *stlWriter) latin(s string) []byte {
	var out []byte
	for _, r := range s {
		c, ok := charmap.CodePage850.EncodeRune(r)
		if !ok || c < 0x20 {
			c = '?'
		}
		out = append(out, c)
	}
	return out
}

// timecodeText returns t as HHMMSSFF.
func (w *stlWriter) timecodeText(t time.Duration) string {
	var tc [4]byte
	w.putTimecode(tc[:], t)
	return fmt.Sprintf("%02d%02d%02d%02d", tc[0], tc[1], tc[2], tc[3])
}

// firstStart returns when d's first cue starts, 0 without one.
func firstStart(d *caption.Document) time.Duration {
	if len(d.Cues) == 0 {
		return 0
	}
	return d.Cues[0].Start
}
