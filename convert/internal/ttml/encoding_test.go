package ttml

import (
	"strings"
	"testing"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/text"
	"github.com/google/go-cmp/cmp"
)

func TestReadTTMLEncoding(t *testing.T) {
	const body = `<tt xmlns="http://www.w3.org/ns/ttml"><body><div><p begin="1s" end="2s">%s</p></div></body></tt>`
	doc := func(decl, p string) []byte { return []byte(decl + strings.Replace(body, "%s", p, 1)) }
	mustEncoding := func(name string) text.Encoding {
		e, err := text.LookupEncoding(name)
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	tests := []struct {
		name   string
		reason string
		input  []byte
		enc    text.Encoding
		want   string
		warns  int
	}{
		{name: "ISO-8859-1 declared", input: doc(`<?xml version="1.0" encoding="ISO-8859-1"?>`, "Caf\xe9"), want: "Café"},
		{name: "windows-1251 declared, single quotes", input: doc(`<?xml version='1.0' encoding='windows-1251'?>`, "\xcf\xf0\xe8\xe2\xe5\xf2"), want: "Привет"},
		{
			name:   "UTF-8 declared, stray byte",
			reason: "a declared UTF-8 is read as undeclared text is: one bad byte is replaced, with a warning",
			input:  doc(`<?xml version="1.0" encoding="UTF-8"?>`, "Café crème \xff"), want: "Café crème \uFFFD", warns: 1,
		},
		{
			name:   "UTF-8 declared, Windows-1252 content",
			reason: "the declaration is wrong, as exports copied from a template often are: the detection recovers",
			input:  doc(`<?xml version="1.0" encoding="utf-8"?>`, "Caf\xe9"), want: "Café", warns: 1,
		},
		{name: "no declaration, stray byte", input: doc("", "Zoë \x80"), want: "Zoë \uFFFD", warns: 1},
		{
			name:   "the encoding named wins over the declaration",
			input:  doc(`<?xml version="1.0" encoding="ISO-8859-1"?>`, "\xcf\xf0\xe8\xe2\xe5\xf2"),
			enc:    mustEncoding("windows-1251"),
			want:   "Привет",
			warns:  1,
			reason: "with a warning that says the declaration was overridden",
		},
		{name: "the encoding named, no declaration", input: doc("", "\x82\xb1\x82\xf1\x82\xc9\x82\xbf\x82\xcd"), enc: mustEncoding("shift_jis"), want: "こんにちは"},
		{name: "ASCII declared, UTF-8 content", input: doc(`<?xml version="1.0" encoding="us-ascii"?>`, "Café"), want: "Café"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var warns []string
			o := text.Source{File: "in.ttml", Encoding: tc.enc, Warn: func(p caption.Position, msg string) { warns = append(warns, p.String()+": "+msg) }}
			d, err := Read(tc.input, o)
			if err != nil {
				t.Fatalf("Read() error: %v", err)
			}
			var got []string
			for _, c := range d.Cues {
				for _, l := range c.Lines {
					got = append(got, l.Text)
				}
			}
			if diff := cmp.Diff([]string{tc.want}, got); diff != "" {
				t.Errorf("Read() text mismatch (-want +got):\n%s", diff)
			}
			if len(warns) != tc.warns {
				t.Errorf("Read() warned %d times, want %d: %q", len(warns), tc.warns, warns)
			}
		})
	}
}
