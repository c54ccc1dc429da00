package convert_test

import (
	"errors"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/convert/caption"
)

// ttmlHead opens a TTML document, for hostile bodies.
const ttmlHead = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"

// ttmlDoc returns a TTML document whose body's div holds body.
func ttmlDoc(doctype, body string) string {
	return ttmlHead + doctype + `<tt xmlns="http://www.w3.org/ns/ttml"><body><div>` + "\n" + body + "\n</div></body></tt>\n"
}

// billionLaughs returns a TTML document whose one entity would expand to
// 10^9 "lol"s if entities were expanded.
func billionLaughs() string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE tt [\n<!ENTITY lol0 \"lol\">\n")
	for i := 1; i <= 9; i++ {
		b.WriteString("<!ENTITY lol" + string(rune('0'+i)) + " \"" + strings.Repeat("&lol"+string(rune('0'+i-1))+";", 10) + "\">\n")
	}
	b.WriteString("]>\n")
	return ttmlDoc(b.String(), `<p begin="0s" end="1s">&lol9;</p>`)
}

// deepTTML returns a TTML document with a p nested n spans deep.
func deepTTML(n int) string {
	return ttmlDoc("", `<p begin="0s" end="1s">`+strings.Repeat("<span>", n)+"deep"+strings.Repeat("</span>", n)+"</p>")
}

// srtCue returns an SRT file of one cue from start to end holding text.
func srtCue(start, end, text string) string {
	return "1\n" + start + " --> " + end + "\n" + text + "\n"
}

// assEvent returns an ASS script of one event from start to end.
func assEvent(start, end, text string) string {
	return "[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n" +
		"Dialogue: 0," + start + "," + end + ",Default,,0,0,0,," + text + "\n"
}

// TestHostileInput reads inputs built to hurt a reader: entity bombs,
// external entities, deep nesting, huge attributes and lines, binary and
// broken text, times past what a clock shows. Each must be read, with
// warnings or none, or refused with one line naming the file and line;
// never a panic, and in bounded time and memory.
func TestHostileInput(t *testing.T) {
	long := strings.Repeat("word ", 2<<20) // 10 MiB
	tests := []struct {
		name  string
		f     convert.Format
		in    string
		err   string // a part of the one-line error; "" : the read succeeds
		cause error  // the error must wrap it, when set
		warn  string // a part of a warning, when set
		cues  int    // when the read succeeds: cues (or segments) read
		check func(t *testing.T, doc *caption.Document)
	}{
		{name: "billion laughs", f: convert.TTML, in: billionLaughs(),
			err: "hostile.ttml:15:", cause: caption.ErrSyntax},
		{name: "external entity", f: convert.TTML,
			in:  ttmlDoc("<!DOCTYPE tt [\n<!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n", `<p begin="0s" end="1s">&xxe;</p>`),
			err: "hostile.ttml:6:", cause: caption.ErrSyntax},
		{name: "100,000-deep nesting", f: convert.TTML, in: deepTTML(100000),
			err: "hostile.ttml:3:", cause: caption.ErrSyntax},
		{name: "900-deep nesting", f: convert.TTML, in: deepTTML(900), cues: 1},
		{name: "20 MB attribute", f: convert.TTML,
			in:   ttmlDoc("", `<p begin="0s" end="1s" class="`+strings.Repeat("x", 20<<20)+`">big</p>`),
			cues: 1},
		{name: "10 MB SRT line", f: convert.SRT, in: srtCue("00:00:01,000", "00:00:02,000", long), cues: 1},
		{name: "10 MB transcript line", f: convert.Transcript, in: "Ann 0:01\n" + long + "\n", cues: 1},
		{name: "NUL bytes", f: convert.SRT, in: srtCue("00:00:01,000", "00:00:02,000", "a\x00b"),
			err: "hostile.srt:3: not a text file: NUL byte", cause: caption.ErrNotText},
		{name: "NUL bytes in TTML", f: convert.TTML, in: ttmlDoc("", "<p begin=\"0s\" end=\"1s\">a\x00b</p>"),
			err: "hostile.ttml:3: not a text file: NUL byte", cause: caption.ErrNotText},
		{name: "invalid UTF-8", f: convert.SRT, in: srtCue("00:00:01,000", "00:00:02,000", "caf\xc3\xa9 cr\xe8me"),
			warn: "hostile.srt:3: invalid UTF-8 on line 3", cues: 1},
		{name: "NUL bytes in WebVTT", f: convert.WebVTT, in: "WEBVTT\n\n00:01.000 --> 00:02.000\na\x00b\n",
			warn: "", cues: 1, check: wantText("a\uFFFDb")},
		{name: "invalid UTF-8 in TTML", f: convert.TTML, in: ttmlDoc("", "<p begin=\"0s\" end=\"1s\">caf\xc3\xa9 cr\xe8me</p>"),
			warn: "hostile.ttml:3: invalid UTF-8 on line 3", cues: 1},
		{name: "100,000 nested WebVTT tags", f: convert.WebVTT,
			in: "WEBVTT\n\n00:01.000 --> 00:02.000\n" + strings.Repeat("<b>", 100000) + "x\n", cues: 1},
		{name: "100,000 nested SRT tags", f: convert.SRT,
			in: srtCue("00:00:01,000", "00:00:02,000", strings.Repeat("<i>", 100000)+"x"), cues: 1},
		{name: "100,000-deep JSON", f: convert.JSON,
			in:  `{"x": ` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + `, "cues": []}`,
			err: "hostile.json:1:", cause: caption.ErrSyntax},
		{name: "10 MB ASS line", f: convert.ASS, in: assEvent("0:00:01.00", "0:00:02.00", long), cues: 1},
		{name: "SRT past 999 hours", f: convert.SRT, in: srtCue("1000:00:00,000", "1000:00:01,000", "late"), cues: 1,
			check: wantStart(1000 * time.Hour)},
		{name: "WebVTT past 999 hours", f: convert.WebVTT, in: "WEBVTT\n\n1000:00:00.000 --> 1000:00:01.000\nlate\n", cues: 1,
			check: wantStart(1000 * time.Hour)},
		{name: "TTML past 999 hours", f: convert.TTML, in: ttmlDoc("", `<p begin="3600001s" end="3600002s">late</p>`), cues: 1,
			check: wantStart(3600001 * time.Second)},
		{name: "ASS past 999 hours", f: convert.ASS, in: assEvent("1000:00:00.00", "1000:00:01.00", "late"), cues: 1,
			check: wantStart(1000 * time.Hour)},
		{name: "SRT time past any clock", f: convert.SRT, in: srtCue("99999999999:00:00,000", "99999999999:00:01,000", "never"),
			err: "hostile.srt:2:", cause: caption.ErrBadTimestamp},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var warns []string
			o := convert.Options{File: "hostile" + tc.f.Ext(), From: tc.f,
				Warn: func(p caption.Position, m string) { warns = append(warns, p.String()+": "+m) }}
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			doc, err := convert.ReadBytes([]byte(tc.in), tc.f, o)
			took := time.Since(start)
			runtime.ReadMemStats(&after)
			if alloc, bound := after.TotalAlloc-before.TotalAlloc, uint64(20*len(tc.in)+1<<20); alloc > bound {
				t.Errorf("read allocated %d bytes for %d of input: more than 20× (%d)", alloc, len(tc.in), bound)
			}
			if took > 5*time.Second {
				t.Errorf("read took %v", took)
			}
			if tc.err != "" {
				if err == nil {
					t.Fatalf("read %d cues, want an error %q", len(doc.Cues), tc.err)
				}
				checkOneLine(t, err, tc.err, tc.cause)
				return
			}
			if err != nil {
				t.Fatalf("read error: %v", err)
			}
			if n := max(len(doc.Cues), len(doc.Segments)); n != tc.cues {
				t.Errorf("read %d cues, want %d", n, tc.cues)
			}
			if tc.warn != "" && !strings.Contains(strings.Join(warns, "\n"), tc.warn) {
				t.Errorf("warnings %q, want one holding %q", warns, tc.warn)
			}
			for _, w := range warns {
				if strings.Contains(w, "\n") || len(w) > 500 {
					t.Errorf("warning not one short line: %.200q", w)
				}
			}
			if tc.check != nil {
				tc.check(t, doc)
			}
		})
	}
}

// checkOneLine checks that err is a *caption.ParseError of one line that
// starts with prefix (or holds it) and wraps cause, and shows nothing of
// /etc/passwd.
func checkOneLine(t *testing.T, err error, want string, cause error) {
	t.Helper()
	msg := err.Error()
	var pe *caption.ParseError
	if !errors.As(err, &pe) {
		t.Errorf("error %q is not a *caption.ParseError", msg)
	}
	if !strings.Contains(msg, want) {
		t.Errorf("error %.300q does not hold %q", msg, want)
	}
	if cause != nil && !errors.Is(err, cause) {
		t.Errorf("error %q does not wrap %q", msg, cause)
	}
	if strings.Contains(msg, "\n") || len(msg) > 500 {
		t.Errorf("error not one short line: %.300q", msg)
	}
	if passwd, _ := os.ReadFile("/etc/passwd"); len(passwd) > 0 && strings.Contains(msg, "root:") {
		t.Errorf("error shows /etc/passwd: %q", msg)
	}
}

// wantStart checks the start of the first cue, and that it reads back
// from every format capconv writes it in.
func wantStart(want time.Duration) func(t *testing.T, doc *caption.Document) {
	return func(t *testing.T, doc *caption.Document) {
		t.Helper()
		if got := doc.Cues[0].Start; got != want {
			t.Errorf("start %v, want %v", got, want)
		}
		for _, f := range textFormats(t) {
			b, err := render(doc, f, convert.Options{})
			if f == convert.Transcript && want >= 1000*time.Hour || f == convert.SCC && want >= 100*time.Hour {
				// Transcript clocks have three digits of hours at most,
				// SCC timecodes two.
				if !errors.Is(err, caption.ErrBadTimestamp) {
					t.Errorf("writing %s at %v: %v, want an ErrBadTimestamp", f, want, err)
				}
				continue
			}
			if err != nil {
				t.Errorf("writing %s: %v", f, err)
				continue
			}
			back, err := convert.ReadBytes(b, f, convert.Options{From: f})
			if err != nil {
				t.Errorf("reading the %s written back: %v", f, err)
				continue
			}
			if f != convert.Transcript && back.Cues[0].Start.Round(time.Second) != want.Round(time.Second) {
				t.Errorf("%s read back at %v, want %v", f, back.Cues[0].Start, want)
			}
		}
	}
}

// wantText checks the text of the first line of the first cue.
func wantText(want string) func(t *testing.T, doc *caption.Document) {
	return func(t *testing.T, doc *caption.Document) {
		t.Helper()
		if got := doc.Cues[0].Lines[0].Text; got != want {
			t.Errorf("text %q, want %q", got, want)
		}
	}
}
