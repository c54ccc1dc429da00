package text

import (
	"errors"
	"strings"
	"testing"
)

func TestLookupEncoding(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		want   string
	}{
		{name: "windows-1251", want: "windows-1251"},
		{name: "CP1251", want: "windows-1251"},
		{name: " Shift_JIS ", want: "shift_jis"},
		{name: "sjis", want: "shift_jis"},
		{name: "shiftjis", want: "shift_jis", reason: "separators may be left out of a common name"},
		{name: "UTF16LE", want: "utf-16le"},
		{name: "utf-16", want: "utf-16le", reason: "WHATWG reads a bare utf-16 label as little-endian"},
		{name: "latin1", want: "windows-1252", reason: "as in WHATWG: Latin-1 files are Windows-1252 in practice"},
		{name: "iso-8859-15", want: "iso-8859-15"},
		{name: "gb18030", want: "gb18030"},
		{name: "big5", want: "big5"},
		{name: "euc-kr", want: "euc-kr"},
		{name: "euc-jp", want: "euc-jp"},
		{name: "koi8-r", want: "koi8-r"},
		{name: "IBM437", want: "ibm437", reason: "not a WHATWG label: from the IANA index"},
		{name: "hz-gb-2312", want: "hz-gb-2312", reason: "WHATWG maps it to its replacement encoding; IANA decodes it"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e, err := LookupEncoding(tc.name)
			if err != nil {
				t.Fatalf("LookupEncoding() error: %v", err)
			}
			if e.Name() != tc.want {
				t.Errorf("LookupEncoding(%q).Name() = %q, want %q", tc.name, e.Name(), tc.want)
			}
		})
	}
}

func TestLookupEncodingUnknown(t *testing.T) {
	tests := []struct {
		name    string
		suggest string // "" for no suggestion
	}{
		{name: "shift-jsi", suggest: "did you mean shift_jis?"},
		{name: "windws-1251", suggest: "did you mean windows-1251?"},
		{name: "klingon"},
		{name: ""},
		{name: "replacement", suggest: ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := LookupEncoding(tc.name)
			if !errors.Is(err, ErrUnknownEncoding) {
				t.Fatalf("LookupEncoding(%q) error = %v, want ErrUnknownEncoding", tc.name, err)
			}
			msg := err.Error()
			if !strings.Contains(msg, "known: utf-8,") {
				t.Errorf("error %q does not list the known encodings", msg)
			}
			if got := strings.Contains(msg, "did you mean"); got != (tc.suggest != "") || !strings.Contains(msg, tc.suggest) {
				t.Errorf("error %q, want suggestion %q", msg, tc.suggest)
			}
		})
	}
}
