package convert_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/convert/caption"
	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// encodingSample is written in every text format and read back in
// other encodings. Its text is all in Windows-1251.
func encodingSample() *caption.Document {
	return &caption.Document{Title: "Вечер", Cues: []caption.Cue{
		{Start: time.Second, End: 3 * time.Second, Lines: []caption.Line{{Speaker: "Анна", Text: "Добрый вечер — «новости»."}}},
		{Start: 4 * time.Second, End: 6 * time.Second, Lines: []caption.Line{{Speaker: "Борис", Text: "Ёлки зелёные…"}}},
	}}
}

// textFormats are the formats read from text: all that are read but STL,
// whose header names its own code page.
func textFormats(t *testing.T) []convert.Format {
	t.Helper()
	var fs []convert.Format
	for _, f := range convert.ReadableFormats() {
		if f != convert.STL {
			if !f.CanWrite() {
				t.Fatalf("%s is read but not written: give it a sample here", f)
			}
			fs = append(fs, f)
		}
	}
	return fs
}

// encodeWith encodes s with e or fails the test.
func encodeWith(t *testing.T, e encoding.Encoding, s []byte) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestReadEncodings reads each text format's UTF-8 form and the same
// text in other encodings, and wants the same document from each: UTF-16
// with a byte order mark read as it is, a legacy encoding named by
// Options.Encoding, and byte order marks at the start of lines (files
// concatenated) dropped.
func TestReadEncodings(t *testing.T) {
	variants := []struct {
		name     string
		encoding string // Options.Encoding
		encode   func(t *testing.T, utf8 []byte) []byte
	}{
		{name: "UTF-16LE with BOM", encode: func(t *testing.T, b []byte) []byte {
			return encodeWith(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), b)
		}},
		{name: "UTF-16BE with BOM", encode: func(t *testing.T, b []byte) []byte {
			return encodeWith(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), b)
		}},
		{name: "UTF-16LE without BOM, named", encoding: "utf-16le", encode: func(t *testing.T, b []byte) []byte {
			return encodeWith(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), b)
		}},
		{name: "windows-1251, named", encoding: "windows-1251", encode: func(t *testing.T, b []byte) []byte {
			return encodeWith(t, charmap.Windows1251, b)
		}},
		{name: "BOMs mid-file", encode: func(_ *testing.T, b []byte) []byte {
			return bytes.ReplaceAll(b, []byte("\n"), []byte("\n\uFEFF"))
		}},
	}
	for _, f := range textFormats(t) {
		utf8Form, err := convert.Marshal(encodingSample(), f, convert.Options{})
		if err != nil {
			t.Fatalf("Marshal(%s) error: %v", f, err)
		}
		if f == convert.TTML || f == convert.DFXP {
			// The writer declares UTF-8; a declaration is read, so leave
			// it out for the re-encoded forms to read without one.
			utf8Form = utf8Form[bytes.Index(utf8Form, []byte("<tt")):]
		}
		file := "in" + f.Ext()
		want, err := convert.ReadBytes(utf8Form, "", convert.Options{File: file, From: f})
		if err != nil {
			t.Fatalf("ReadBytes(%s) error: %v", f, err)
		}
		if len(want.Cues)+len(want.Segments) != 2 {
			t.Fatalf("ReadBytes(%s) read %d cues and %d segments from\n%s\nwant 2", f, len(want.Cues), len(want.Segments), utf8Form)
		}
		for _, v := range variants {
			t.Run(string(f)+"/"+v.name, func(t *testing.T) {
				var warns []string
				o := convert.Options{File: file, Encoding: v.encoding, Warn: func(p caption.Position, msg string) {
					warns = append(warns, p.String()+": "+msg)
				}}
				got, err := convert.ReadBytes(v.encode(t, utf8Form), "", o)
				if err != nil {
					t.Fatalf("ReadBytes() error: %v", err)
				}
				if d := cmp.Diff(want, got); d != "" {
					t.Errorf("ReadBytes() mismatch with the UTF-8 form (-want +got):\n%s", d)
				}
				if len(warns) > 0 {
					t.Errorf("ReadBytes() warned: %q", warns)
				}
			})
		}
	}
}

// TestReadConcatenatedTranscript: the byte order mark of a second file
// appended to a first does not make a second speaker of "\uFEFFBob".
func TestReadConcatenatedTranscript(t *testing.T) {
	in := "\uFEFFBob 0:00:01\nHello.\n\n\uFEFFBob 0:00:05\nAgain.\n\n\uFEFFAnn 0:00:09\nHi.\n"
	doc, err := convert.ReadBytes([]byte(in), convert.Transcript, convert.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var speakers []string
	for _, s := range doc.Segments {
		speakers = append(speakers, s.Speaker)
	}
	if d := cmp.Diff([]string{"Bob", "Bob", "Ann"}, speakers); d != "" {
		t.Errorf("speakers mismatch (-want +got):\n%s", d)
	}
}

// TestDetectInEncoding: the format is detected from content decoded in
// the encoding named, when the name of the file says nothing.
func TestDetectInEncoding(t *testing.T) {
	vtt := encodeWith(t, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), []byte("WEBVTT\n\n00:01.000 --> 00:02.000\nПривет\n"))
	doc, err := convert.ReadBytes(vtt, "", convert.Options{File: "in.txt", Encoding: "utf-16be"})
	if err != nil {
		t.Fatalf("ReadBytes() error: %v", err)
	}
	if len(doc.Cues) != 1 || doc.Cues[0].Lines[0].Text != "Привет" {
		t.Errorf("ReadBytes() cues = %+v, want one cue of Привет", doc.Cues)
	}
}

func TestUnknownEncoding(t *testing.T) {
	_, err := convert.ReadBytes([]byte("Ann 0:01\nhi\n"), "", convert.Options{Encoding: "shift-jsi"})
	if !errors.Is(err, convert.ErrUnknownEncoding) {
		t.Fatalf("ReadBytes() error = %v, want ErrUnknownEncoding", err)
	}
	if !strings.Contains(err.Error(), "did you mean shift_jis?") {
		t.Errorf("ReadBytes() error = %q, want a suggestion", err)
	}
	if name, err := convert.ParseEncoding("SJIS"); err != nil || name != "shift_jis" {
		t.Errorf(`ParseEncoding("SJIS") = %q, %v; want shift_jis`, name, err)
	}
}
