package text

import (
	"errors"
	"fmt"
	"strings"

	"github.com/capconv/capconv/internal/suggest"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
)

// Encoding is a text encoding named by the user. The zero value detects
// the encoding (see Decode).
type Encoding struct {
	name string
	enc  encoding.Encoding
}

// ErrUnknownEncoding reports an encoding name that LookupEncoding does not
// know.
var ErrUnknownEncoding = errors.New("unknown text encoding")

// commonEncodings are the names an error suggests and that LookupEncoding
// also accepts without their separators ("shiftjis", "UTF16LE").
var commonEncodings = func() []string {
	names := []string{"utf-8", "utf-16le", "utf-16be"}
	for i := 1250; i <= 1258; i++ {
		names = append(names, fmt.Sprintf("windows-%d", i))
	}
	for i := 1; i <= 16; i++ {
		if i != 12 { // ISO-8859-12 was never published
			names = append(names, fmt.Sprintf("iso-8859-%d", i))
		}
	}
	return append(names, "koi8-r", "koi8-u", "ibm866", "macintosh",
		"shift_jis", "euc-jp", "iso-2022-jp", "gb18030", "gbk", "big5", "euc-kr")
}()

// KnownEncodings summarizes the names LookupEncoding accepts, for help
// and errors.
const KnownEncodings = "utf-8, utf-16le, utf-16be, windows-1250 to windows-1258, iso-8859-1 to iso-8859-16, " +
	"koi8-r, koi8-u, ibm866, macintosh, shift_jis, euc-jp, iso-2022-jp, gb18030, gbk, big5, euc-kr, " +
	"and the other WHATWG and IANA names (cp1251, latin1, sjis, ibm437, …)"

// LookupEncoding returns the encoding called name: a WHATWG label (what
// browsers accept: "cp1251", "latin1", "sjis"), else an IANA name
// ("IBM437"), case-insensitive. The WHATWG labels come first because they
// are what the files that need them were made for: "iso-8859-1" and
// "ascii" are Windows-1252 there, as they are in practice.
func LookupEncoding(name string) (Encoding, error) {
	n := strings.TrimSpace(name)
	if e, ok := lookup(n); ok {
		return e, nil
	}
	key := squash(n)
	for _, c := range commonEncodings {
		if squash(c) == key && key != "" {
			e, _ := lookup(c)
			return e, nil
		}
	}
	hint := ""
	if s := closestEncoding(key); s != "" {
		hint = fmt.Sprintf("; did you mean %s?", s)
	}
	return Encoding{}, fmt.Errorf("%w %q%s (known: %s)", ErrUnknownEncoding, name, hint, KnownEncodings)
}

// lookup resolves a label through the WHATWG index, then the IANA one.
// WHATWG maps a few labels it refuses to decode (ISO-2022-KR, HZ) to its
// "replacement" encoding, which turns the whole input into one U+FFFD:
// those are left to the IANA index, which decodes what it knows.
func lookup(label string) (Encoding, bool) {
	if label == "" {
		return Encoding{}, false
	}
	if e, err := htmlindex.Get(label); err == nil && e != encoding.Replacement {
		if name, err := htmlindex.Name(e); err == nil {
			return Encoding{name: name, enc: e}, true
		}
	}
	if e, err := ianaindex.IANA.Encoding(label); err == nil && e != nil && e != encoding.Replacement {
		if name, err := ianaindex.IANA.Name(e); err == nil {
			return Encoding{name: strings.ToLower(name), enc: e}, true
		}
	}
	return Encoding{}, false
}

// Name returns the encoding's canonical name ("shift_jis", "windows-1251"),
// or "" for the zero Encoding.
func (e Encoding) Name() string { return e.name }

// IsZero reports whether e is the zero Encoding, which detects.
func (e Encoding) IsZero() bool { return e.enc == nil }

// isUTF8 reports whether e names UTF-8.
func (e Encoding) isUTF8() bool { return e.name == "utf-8" }

// decode returns data decoded from e; bytes that are not valid in e
// become U+FFFD.
func (e Encoding) decode(data []byte) (string, error) {
	b, err := e.enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", fmt.Errorf("decoding %s: %w", e.name, err)
	}
	return string(b), nil
}

// squash folds a name for a loose comparison: lower case, without
// separators.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '-' || r == '_' || r == ' ' || r == '.':
			return -1
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		}
		return r
	}, s)
}

// closestEncoding returns the common name nearest to the squashed key,
// or "" when none is near enough to be what was meant.
func closestEncoding(key string) string {
	squashed := make([]string, len(commonEncodings))
	for i, c := range commonEncodings {
		squashed[i] = squash(c)
	}
	if i := suggest.Closest(key, squashed); i >= 0 {
		return commonEncodings[i]
	}
	return ""
}
