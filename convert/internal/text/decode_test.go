package text

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/capconv/capconv/convert/caption"
	"github.com/google/go-cmp/cmp"
)

// utf16Bytes encodes s as UTF-16 in the given byte order, without a byte
// order mark.
func utf16Bytes(s string, bigEndian bool) []byte {
	var b []byte
	for _, r := range s {
		units := []rune{r}
		if r >= 0x10000 {
			r -= 0x10000
			units = []rune{0xD800 + r>>10, 0xDC00 + r&0x3FF}
		}
		for _, u := range units {
			if bigEndian {
				b = append(b, byte(u>>8), byte(u))
			} else {
				b = append(b, byte(u), byte(u>>8))
			}
		}
	}
	return b
}

func bom(prefix []byte, data []byte) []byte { return append(append([]byte(nil), prefix...), data...) }

func TestDecode(t *testing.T) {
	const doc = "Zoë 0:01\nÇa va – “oui” 🎉\n"
	tests := []struct {
		name   string
		reason string
		in     []byte
		enc    string // the encoding named, "" to detect
		want   string
		warns  []string
	}{
		{name: "UTF-8", in: []byte(doc), want: doc},
		{name: "UTF-8 with BOM", in: []byte("\uFEFF" + doc), want: doc},
		{name: "UTF-16LE with BOM", in: bom(bomUTF16LE, utf16Bytes(doc, false)), want: doc},
		{name: "UTF-16BE with BOM", in: bom(bomUTF16BE, utf16Bytes(doc, true)), want: doc},
		{
			name:  "one stray byte in UTF-8",
			in:    []byte("Bob 0:01\nCafé crème \xff\n"),
			want:  "Bob 0:01\nCafé crème \uFFFD\n",
			warns: []string{"in.txt:2: invalid UTF-8 on line 2: replaced by U+FFFD"},
		},
		{
			name:   "a run of invalid bytes is one U+FFFD",
			reason: "a truncated character (the first two bytes of “…”) is one defect",
			in:     []byte("Café\n\xe2\x80 x\n"),
			want:   "Café\n\uFFFD x\n",
			warns:  []string{"in.txt:2: invalid UTF-8 on line 2: replaced by U+FFFD"},
		},
		{
			name:   "lines counted as the readers count them",
			reason: "CRLF is one line end, a lone CR another",
			in:     []byte("éé\r\n\xff\rx\r\xffé\n"),
			want:   "éé\r\n\uFFFD\rx\r\uFFFDé\n",
			warns:  []string{"in.txt:2: invalid UTF-8 on lines 2 and 4: replaced by U+FFFD"},
		},
		{
			name:   "many damaged lines: one warning",
			reason: "the first few lines and the count",
			in:     []byte(strings.Repeat("ééé \xff\n", 7)),
			want:   strings.Repeat("ééé \uFFFD\n", 7),
			warns:  []string{"in.txt:1: invalid UTF-8 on 7 lines (1, 2, 3, 4, 5, …): replaced by U+FFFD"},
		},
		{
			name:   "rule: as many invalid runs as valid sequences is UTF-8",
			reason: "a legacy reading would turn the valid é into Ã©",
			in:     []byte("é \xff"),
			want:   "é \uFFFD",
			warns:  []string{"in.txt:1: invalid UTF-8 on line 1: replaced by U+FFFD"},
		},
		{
			name:   "rule: more invalid runs than valid sequences is legacy",
			in:     []byte("é \xe9 \xe8"),
			want:   "Ã© é è",
			warns:  []string{"in.txt:1: not valid UTF-8: read as Windows-1252 (if the letters look wrong, name the encoding: --encoding windows-1251, shift_jis, …)"},
			reason: "Windows-1252 text that happens to hold one valid pair",
		},
		{
			name:  "rule: no valid multi-byte sequence is legacy",
			in:    []byte("Zo\xeb 0:01\n\xc7a va \x96 \x93oui\x94 \x80\n"),
			want:  "Zoë 0:01\nÇa va – “oui” €\n",
			warns: []string{"in.txt:1: not valid UTF-8: read as Windows-1252 (if the letters look wrong, name the encoding: --encoding windows-1251, shift_jis, …)"},
		},
		{
			name:   "a UTF-8 BOM is certain",
			reason: "no legacy reading after a UTF-8 byte order mark",
			in:     []byte("\uFEFFZo\xeb\n"),
			want:   "Zo\uFFFD\n",
			warns:  []string{"in.txt:1: invalid UTF-8 on line 1: replaced by U+FFFD"},
		},
		{name: "U+FEFF mid-file (UTF-8)", in: []byte("Bob 0:01\nhi\n\uFEFFBob 0:05\nyo\uFEFF\n"), want: "Bob 0:01\nhi\nBob 0:05\nyo\n"},
		{name: "U+FEFF mid-file (UTF-16)", in: bom(bomUTF16BE, utf16Bytes("a\n\uFEFFBob 0:05\n", true)), want: "a\nBob 0:05\n"},
		{name: "U+FEFF mid-file (named encoding)", in: []byte("a\n\uFEFFb"), enc: "utf-8", want: "a\nb"},
		{
			name:  "unpaired surrogate in UTF-16",
			in:    bom(bomUTF16LE, []byte{'a', 0, '\n', 0, 0x00, 0xD8, 'b', 0}),
			want:  "a\n\uFFFDb",
			warns: []string{"in.txt:2: bytes not valid in utf-16le on line 2: replaced by U+FFFD"},
		},
		{name: "windows-1251", in: []byte("\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0"), enc: "windows-1251", want: "Привет, мир"},
		{name: "cp1251 (a WHATWG label)", in: []byte("\xcf\xf0\xe8\xe2\xe5\xf2"), enc: "cp1251", want: "Привет"},
		{name: "windows-1250", in: []byte("\x8a\x9d\xb9"), enc: "windows-1250", want: "Šťą"},
		{name: "iso-8859-2", in: []byte("\xa9\xbb\xb1"), enc: "iso-8859-2", want: "Šťą"},
		{name: "iso-8859-7", in: []byte("\xe3\xe5\xe9\xdc"), enc: "iso-8859-7", want: "γειά"},
		{name: "shift_jis", in: []byte("\x82\xb1\x82\xf1\x82\xc9\x82\xbf\x82\xcd"), enc: "shift_jis", want: "こんにちは"},
		{name: "euc-jp", in: []byte("\xa4\xb3\xa4\xf3\xa4\xcb\xa4\xc1\xa4\xcf"), enc: "euc-jp", want: "こんにちは"},
		{name: "gb18030", in: []byte("\xc4\xe3\xba\xc3"), enc: "gb18030", want: "你好"},
		{name: "big5", in: []byte("\xa7\x41\xa6\x6e"), enc: "big5", want: "你好"},
		{name: "euc-kr", in: []byte("\xbe\xc8\xb3\xe7"), enc: "euc-kr", want: "안녕"},
		{name: "utf-16le without BOM", in: utf16Bytes(doc, false), enc: "utf-16le", want: doc},
		{name: "utf-16be without BOM", in: utf16Bytes(doc, true), enc: "UTF-16BE", want: doc},
		{
			name:   "utf-8 named: no legacy reading",
			reason: "the user said UTF-8: bad bytes are replaced, never reread",
			in:     []byte("Zo\xeb\n"),
			enc:    "utf-8",
			want:   "Zo\uFFFD\n",
			warns:  []string{"in.txt:1: invalid UTF-8 on line 1: replaced by U+FFFD"},
		},
		{
			name:  "bytes not valid in the encoding named",
			in:    []byte("ok\n\x82\xb1\xff\n"),
			enc:   "shift_jis",
			want:  "ok\nこ\uFFFD\n",
			warns: []string{"in.txt:2: bytes not valid in shift_jis on line 2: replaced by U+FFFD"},
		},
		{
			name:  "a byte order mark wins over the encoding named",
			in:    bom(bomUTF16LE, utf16Bytes("Привет", false)),
			enc:   "windows-1251",
			want:  "Привет",
			warns: []string{"in.txt:1: the byte order mark says utf-16le: read as utf-16le, not windows-1251"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var warns []string
			o := Source{File: "in.txt", Warn: func(p caption.Position, msg string) { warns = append(warns, p.String()+": "+msg) }}
			if tc.enc != "" {
				e, err := LookupEncoding(tc.enc)
				if err != nil {
					t.Fatal(err)
				}
				o.Encoding = e
			}
			got, err := Decode(tc.in, o)
			if err != nil {
				t.Fatalf("Decode() error: %v", err)
			}
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("Decode() mismatch (-want +got):\n%s", d)
			}
			if d := cmp.Diff(tc.warns, warns); d != "" {
				t.Errorf("Decode() warnings mismatch (-want +got):\n%s", d)
			}
		})
	}
}

func TestDecodeBinary(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		enc  string
		line int
	}{
		{name: "NUL byte", in: []byte("a\nb\x00"), line: 2},
		{name: "UTF-16 without BOM", in: utf16Bytes("Ann 0:01", false), line: 1},
		{name: "control characters", in: []byte("\x01\x02\x03\x04ab"), line: 1},
		{name: "U+0000 in UTF-16", in: bom(bomUTF16LE, utf16Bytes("a\n\x00", false)), line: 2},
		{name: "U+0000 in the encoding named", in: utf16Bytes("a\nb\n\x00", true), enc: "utf-16be", line: 3},
		{name: "NUL in a legacy encoding named", in: []byte("\x82\xb1\x00"), enc: "shift_jis", line: 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := Source{File: "in.txt"}
			if tc.enc != "" {
				e, err := LookupEncoding(tc.enc)
				if err != nil {
					t.Fatal(err)
				}
				o.Encoding = e
			}
			s, err := Decode(tc.in, o)
			var pe *caption.ParseError
			if !errors.As(err, &pe) || !errors.Is(err, caption.ErrNotText) {
				t.Fatalf("Decode() = %q, %v; want a *ParseError wrapping ErrNotText", s, err)
			}
			if pe.Pos.Line != tc.line {
				t.Errorf("Decode() error at line %d, want %d (%v)", pe.Pos.Line, tc.line, err)
			}
		})
	}
}

func TestDecodeControls(t *testing.T) {
	tests := []struct {
		name, in, want string
		warn           string // "" : none
	}{
		{name: "escape and vertical tab", in: "a\n\x1b[1mb\x0b", want: "a\n\uFFFD[1mb\uFFFD",
			warn: "in.txt:2: control characters on line 2: replaced by U+FFFD"},
		{name: "on two lines, CRLF", in: "\x07\r\nok\r\n\x0c", want: "\uFFFD\r\nok\r\n\uFFFD",
			warn: "in.txt:1: control characters on lines 1 and 3: replaced by U+FFFD"},
		{name: "tab and line ends are text", in: "a\tb\rc\nd", want: "a\tb\rc\nd"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var warns []string
			o := Source{File: "in.txt", Warn: func(p caption.Position, m string) { warns = append(warns, p.String()+": "+m) }}
			// Text, so that the few controls do not make it binary.
			const pad = "\nand then many more words of text"
			got, err := Decode([]byte(tc.in+pad), o)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want+pad {
				t.Errorf("Decode() = %q, want %q", got, tc.want+pad)
			}
			if want := []string{tc.warn}; tc.warn == "" && len(warns) > 0 || tc.warn != "" && (len(warns) != 1 || warns[0] != want[0]) {
				t.Errorf("warnings %q, want %q", warns, tc.warn)
			}
		})
	}
}

func TestDecodeNUL(t *testing.T) {
	got, err := DecodeNUL([]byte("WEBVTT\n\x00\n00:01.000 --> 00:02.000\nx\x00y"), Source{})
	if err != nil {
		t.Fatalf("DecodeNUL() error: %v", err)
	}
	if want := "WEBVTT\n\uFFFD\n00:01.000 --> 00:02.000\nx\uFFFDy"; got != want {
		t.Errorf("DecodeNUL() = %q, want %q", got, want)
	}
}

func TestLines(t *testing.T) {
	got, err := Lines([]byte("\uFEFFa\r\nb\rc\n\uFEFFd\n"), Source{})
	if err != nil {
		t.Fatalf("Lines() error: %v", err)
	}
	if d := cmp.Diff([]string{"a", "b", "c", "d"}, got); d != "" {
		t.Errorf("Lines() mismatch (-want +got):\n%s", d)
	}
}

func TestHead(t *testing.T) {
	sjis, err := LookupEncoding("shift_jis")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		in   []byte
		enc  Encoding
		want string
	}{
		{name: "UTF-8", in: []byte("WEBVTT\n"), want: "WEBVTT\n"},
		{name: "UTF-8 BOM", in: []byte("\uFEFFWEBVTT\n"), want: "WEBVTT\n"},
		{name: "UTF-16LE BOM", in: bom(bomUTF16LE, utf16Bytes("WEBVTT\n", false)), want: "WEBVTT\n"},
		{name: "UTF-16BE BOM", in: bom(bomUTF16BE, utf16Bytes("WEBVTT\n", true)), want: "WEBVTT\n"},
		{name: "encoding named", in: []byte("1\n\x82\xb1\n"), enc: sjis, want: "1\nこ\n"},
		{name: "cut at 2 KiB", in: []byte(strings.Repeat("a", 3000)), want: strings.Repeat("a", 2048)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := string(Head(tc.in, tc.enc)); got != tc.want {
				t.Errorf("Head() = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestReplacedMessage(t *testing.T) {
	tests := []struct {
		lines []int
		want  string
	}{
		{[]int{4}, "x on line 4: replaced by U+FFFD"},
		{[]int{4, 9}, "x on lines 4 and 9: replaced by U+FFFD"},
		{[]int{1, 2, 3, 4, 5}, "x on lines 1, 2, 3, 4 and 5: replaced by U+FFFD"},
		{[]int{1, 2, 3, 4, 5, 6}, "x on 6 lines (1, 2, 3, 4, 5, …): replaced by U+FFFD"},
	}
	for _, tc := range tests {
		if got := replacedMessage("x", tc.lines); got != tc.want {
			t.Errorf("replacedMessage(%v) = %q, want %q", tc.lines, got, tc.want)
		}
	}
}

// FuzzDecode: whatever the input and the encoding named, Decode does not
// panic, and what it returns is valid UTF-8 without U+FEFF or U+0000.
func FuzzDecode(f *testing.F) {
	f.Add([]byte("Café crème \xff\n"), "")
	f.Add([]byte("Zo\xeb \x93oui\x94"), "")
	f.Add(bom(bomUTF16LE, utf16Bytes("a\n\uFEFFb", false)), "")
	f.Add([]byte("\x82\xb1\x82\xf1\xff"), "shift_jis")
	f.Add([]byte("\xc4\xe3\x81"), "gb18030")
	f.Add([]byte{0, 'a', 0xD8, 0}, "utf-16be")
	encodings := map[string]Encoding{}
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		e, ok := encodings[name]
		if !ok {
			e, _ = LookupEncoding(name)
			encodings[name] = e
		}
		s, err := Decode(data, Source{Encoding: e})
		if err != nil {
			return
		}
		if !utf8.ValidString(s) || strings.ContainsRune(s, 0xFEFF) || strings.IndexByte(s, 0) >= 0 || controlLines(s) != nil {
			t.Errorf("Decode(%q, %q) = %q: invalid UTF-8, U+FEFF, U+0000 or a control character", data, name, s)
		}
	})
}

// TestHasControl checks the eight-bytes-at-a-time scan against IsControl
// for every byte at every offset of a word and of the tail after it.
func TestHasControl(t *testing.T) {
	for c := 0; c < 256; c++ {
		for i := 0; i < 11; i++ {
			b := []byte("abc\ndefgh\tk")
			b[i] = byte(c)
			want := IsControl(byte(c)) || strings.IndexFunc(string(b), func(r rune) bool { return r < 0x20 && IsControl(byte(r)) }) >= 0
			if got := hasControl(string(b)); got != want {
				t.Errorf("hasControl(%q) = %v, want %v", b, got, want)
			}
		}
	}
}
