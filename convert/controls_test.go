package convert_test

import (
	"strings"
	"testing"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/convert/caption"
)

// TestReadControls checks that C0 control characters (here ESC and VT)
// in any text format are read as U+FFFD with a warning naming the file
// and line, so that what was read can be written in every format and
// read back: a writer that kept them produced files its own reader
// refused as binary (found by fuzzing).
func TestReadControls(t *testing.T) {
	tests := []struct {
		name string
		f    convert.Format
		in   string
		warn string // the start of the one warning
		text string // the text of the first line read
	}{
		{name: "SRT", f: convert.SRT, in: "1\n00:00:01,000 --> 00:00:02,000\na\x1bb\x0bc\n",
			warn: "c:3: control characters on line 3", text: "a\uFFFDb\uFFFDc"},
		{name: "WebVTT", f: convert.WebVTT, in: "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\na\x1bb\x0bc\n",
			warn: "c:4: control characters on line 4", text: "a\uFFFDb\uFFFDc"},
		{name: "ASS, in text and name", f: convert.ASS,
			in: "[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n" +
				"Dialogue: 0,0:00:01.00,0:00:02.00,Default,A\x1b,0,0,0,,a\x1bb\x0bc\n",
			warn: "c:3: control characters on line 3", text: "a\uFFFDb\uFFFDc"},
		{name: "TTML, raw", f: convert.TTML,
			in:   "<tt xmlns=\"http://www.w3.org/ns/ttml\"><body><div>\n<p begin=\"1s\" end=\"2s\">a\x1bb\x0bc</p></div></body></tt>",
			warn: "c:2: control characters on line 2", text: "a\uFFFDb\uFFFDc"},
		{name: "transcript", f: convert.Transcript, in: "Ann 0:01\nWell, that is the whole story.\na\x1bb\x0bc\n",
			warn: "c:3: control characters on line 3", text: "Well, that is the whole story. a\uFFFDb\uFFFDc"},
		{name: "JSON escapes", f: convert.JSON, in: `{"cues": [{"start": 1, "end": 2, "speaker": "", "lines": ["a\u001bb\u000bc"]}]}`,
			warn: `c:1:11: cue 1: control characters`, text: "a\uFFFDb\uFFFDc"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var warns []string
			o := convert.Options{File: "c", From: tc.f, Warn: func(p caption.Position, m string) { warns = append(warns, p.String()+": "+m) }}
			doc, err := convert.ReadBytes([]byte(tc.in), tc.f, o)
			if err != nil {
				t.Fatal(err)
			}
			if len(warns) != 1 || !strings.HasPrefix(warns[0], tc.warn) {
				t.Errorf("warnings %q, want one starting %q", warns, tc.warn)
			}
			if tc.f != convert.Transcript {
				if got := doc.Cues[0].Lines[0].Text; got != tc.text {
					t.Errorf("text %q, want %q", got, tc.text)
				}
			} else if got := doc.Segments[0].Text(); got != tc.text {
				t.Errorf("text %q, want %q", got, tc.text)
			}
			for _, to := range textFormats(t) {
				b, err := render(doc, to, convert.Options{})
				if err != nil {
					t.Fatalf("writing %s: %v", to, err)
				}
				if _, err := convert.ReadBytes(b, to, convert.Options{From: to}); err != nil {
					t.Errorf("reading the %s written back: %v\n%q", to, err, b)
				}
			}
		})
	}
}
