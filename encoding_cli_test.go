package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEncodingFlag runs --encoding end to end, on standard input and on
// a batch of files, and pins what happens without it.
func TestEncodingFlag(t *testing.T) {
	const (
		cp1251 = "1\r\n00:00:01,000 --> 00:00:02,000\r\n\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0\r\n" // "Привет, мир"
		sjis   = "Ann 0:00:01\n\n\x82\xb1\x82\xf1\x82\xc9\x82\xbf\x82\xcd\n"                        // "こんにちは"
	)
	tests := []struct {
		name       string
		stdin      string
		args       []string
		wantCode   int
		wantOut    []string // substrings of stdout
		wantStderr []string // substrings of stderr
	}{
		{name: "windows-1251 SRT on standard input", stdin: cp1251, args: []string{"--encoding", "windows-1251", "--to", "vtt", "-"},
			wantOut: []string{"Привет, мир"}},
		{name: "a WHATWG label, after the input", stdin: cp1251, args: []string{"--to", "vtt", "-", "--encoding", "CP1251"},
			wantOut: []string{"Привет, мир"}},
		{name: "Shift_JIS transcript", stdin: sjis, args: []string{"--encoding", "shift_jis", "--to", "srt", "-"},
			wantOut: []string{"Ann: こんにちは"}},
		{name: "without --encoding: Windows-1252, with a warning", stdin: cp1251, args: []string{"--to", "vtt", "-"},
			wantOut: []string{"Ïðèâåò, ìèð"}, wantStderr: []string{"capconv: warning: <stdin>:3: not valid UTF-8: read as Windows-1252"}},
		{name: "a stray byte in UTF-8 stays UTF-8", stdin: "Ann 0:00:01\n\nCafé crème \xff\n", args: []string{"--to", "srt", "-"},
			wantOut: []string{"Ann: Café crème \uFFFD"}, wantStderr: []string{"capconv: warning: <stdin>:3: invalid UTF-8 on line 3: replaced by U+FFFD"}},
		{name: "unknown encoding, with a suggestion", args: []string{"--encoding", "windws-1251", "a.srt"}, wantCode: exitUsage,
			wantStderr: []string{`capconv: --encoding: unknown text encoding "windws-1251"; did you mean windows-1251? (known: utf-8,`}},
		{name: "unknown encoding, with the list", args: []string{"--encoding", "klingon", "a.srt"}, wantCode: exitUsage,
			wantStderr: []string{`capconv: --encoding: unknown text encoding "klingon" (known: utf-8, utf-16le, utf-16be, windows-1250 to windows-1258,`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := runCLI(t, tt.stdin, append([]string{"convert"}, tt.args...)...)
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d; stderr %q", code, tt.wantCode, stderr)
			}
			for _, w := range tt.wantOut {
				if !strings.Contains(out, w) {
					t.Errorf("stdout = %q, want it to hold %q", out, w)
				}
			}
			for _, w := range tt.wantStderr {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr = %q, want it to hold %q", stderr, w)
				}
			}
			if tt.wantCode == exitUsage && strings.Count(stderr, "\n") != 1 {
				t.Errorf("stderr has %d lines, want 1:\n%s", strings.Count(stderr, "\n"), stderr)
			}
		})
	}
}

// TestEncodingFlagBatch: --encoding reaches every file of a batch.
func TestEncodingFlagBatch(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.srt": "1\n00:00:01,000 --> 00:00:02,000\n\xcf\xf0\xe8\xe2\xe5\xf2\n",
		"b.txt": "Ann 0:00:01\n\n\xec\xe8\xf0\n",
	})
	code, _, stderr := capconv(t, dir, "convert", "--encoding", "windows-1251", "--to", "vtt", "a.srt", "b.txt", "-q")
	if code != exitOK {
		t.Fatalf("exit %d; stderr %q", code, stderr)
	}
	for file, want := range map[string]string{"a.vtt": "Привет", "b.vtt": "<v Ann>Ann: мир"} {
		b, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		if got := string(b); !strings.Contains(got, want) {
			t.Errorf("%s = %q, want it to hold %q", file, got, want)
		}
	}
}
