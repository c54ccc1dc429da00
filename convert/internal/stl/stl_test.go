package stl

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/capjson"
	"github.com/capconv/capconv/convert/internal/captest"
	"github.com/capconv/capconv/convert/internal/labels"
	"github.com/capconv/capconv/convert/internal/text"
	"github.com/google/go-cmp/cmp"
)

// Short names for the builders of test documents.
var (
	ms  = captest.Ms
	say = captest.Say
	cat = captest.Cat
)

// TestReadSTL reads EBU STL made by astisub's writer, the only STL at
// hand, and takes its labels out as convert.Read does (labels auto).
func TestReadSTL(t *testing.T) {
	in := &caption.Document{Title: "Prog", Cues: []caption.Cue{
		{Start: ms(1000), End: ms(2000), Lines: say("", "Hello", "ANN: café")},
		{Start: ms(3000), End: ms(4500), Lines: say("", "ANN: again")},
		{Start: ms(5000), End: ms(6000), Lines: say("", "BOB: yes")},
		{Start: ms(7000), End: ms(8000), Lines: say("", "ANN: no")},
	}}
	var b bytes.Buffer
	if err := toAstisub(in).WriteToSTL(&b); err != nil {
		t.Fatal(err)
	}
	if !Sniff(b.Bytes()) {
		t.Fatalf("Sniff() = false")
	}
	got, err := Read(b.Bytes(), text.Source{File: "in.stl"})
	if err != nil {
		t.Fatal(err)
	}
	labels.Apply(got, labels.Auto)
	want := []caption.Cue{
		{Start: ms(1000), End: ms(2000), Lines: cat(say("", "Hello"), say("ANN", "café"))},
		{Start: ms(3000), End: ms(4500), Lines: say("ANN", "again")},
		{Start: ms(5000), End: ms(6000), Lines: say("BOB", "yes")},
		{Start: ms(7000), End: ms(8000), Lines: say("ANN", "no")},
	}
	// STL counts time in frames (25 per second here): 40 ms steps.
	for i := range want {
		want[i].Placement.Horizontal = caption.Left // astisub justifies every subtitle left (JC 1)
	}
	if d := cmp.Diff(want, got.Cues, cmp.Comparer(func(a, b time.Duration) bool { return (a - b).Abs() < 40*time.Millisecond })); d != "" {
		t.Errorf("STL cues (-want +got):\n%s", d)
	}
	if got.Title != "Prog" {
		t.Errorf("title %q", got.Title)
	}
	captest.CheckInvalid(t, Read, []captest.InvalidCase{
		{Name: "short", Input: "850STL25.01", Err: caption.ErrSyntax},
		{Name: "GSI only", Input: b.String()[:1024], Err: caption.ErrNoContent},
	})
}

// FuzzReadSTL feeds astisub's STL reader through Read: a malformed file
// must be an error, never a panic, and what reads must survive capconv's
// JSON, which carries the whole model.
func FuzzReadSTL(f *testing.F) {
	for _, d := range []*caption.Document{captest.Safety(), {Title: "x", Cues: []caption.Cue{{Start: ms(40), End: ms(80), Lines: say("", "a", "b")}}}} {
		var b bytes.Buffer
		if err := toAstisub(d).WriteToSTL(&b); err != nil {
			f.Fatal(err)
		}
		f.Add(b.Bytes())
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		captest.FuzzRoundTrip(t, data, Read, capjson.Append, capjson.Read, time.Millisecond)
	})
}

// stlFile returns an EBU STL file of n cues written by astisub, then
// changed by edit.
func stlFile(t *testing.T, n int, edit func(b []byte) []byte) []byte {
	t.Helper()
	d := &caption.Document{Title: "Prog"}
	for i := range n {
		d.Cues = append(d.Cues, caption.Cue{Start: ms(int64(1000 * (i + 1))), End: ms(int64(1000*(i+1) + 500)), Lines: say("", "x")})
	}
	var b bytes.Buffer
	if err := toAstisub(d).WriteToSTL(&b); err != nil {
		t.Fatal(err)
	}
	return edit(b.Bytes())
}

// setField writes s, padded with spaces, over b[from:to].
func setField(b []byte, from, to int, s string) []byte {
	copy(b[from:to], bytes.Repeat([]byte(" "), to-from))
	copy(b[from:to], s)
	return b
}

func TestReadSTLHeader(t *testing.T) {
	tests := []struct {
		name     string
		edit     func(b []byte) []byte
		title    string
		cues     int
		warnings []string // parts of each warning, in order
	}{
		{name: "as written", edit: func(b []byte) []byte { return b }, title: "Prog", cues: 3},
		{name: "code page 850", edit: func(b []byte) []byte {
			return setField(setField(b, 0, 3, "850"), 16, 48, "Caf\x82 cr\x8ame")
		}, title: "Café crème", cues: 3},
		{name: "code page 437", edit: func(b []byte) []byte {
			return setField(setField(b, 0, 3, "437"), 16, 48, "\x9b1 \x9c")
		}, title: "¢1 £", cues: 3},
		{name: "code page 865", edit: func(b []byte) []byte {
			return setField(setField(b, 0, 3, "865"), 16, 48, "Bl\x9bb\x91r")
		}, title: "Bløbær", cues: 3},
		{name: "code page 860", edit: func(b []byte) []byte {
			return setField(setField(b, 0, 3, "860"), 16, 48, "S\x84o Tom\x82")
		}, title: "São Tomé", cues: 3},
		{name: "code page 863", edit: func(b []byte) []byte {
			return setField(setField(b, 0, 3, "863"), 16, 48, "Qu\x82bec \x8a")
		}, title: "Québec è", cues: 3},
		{name: "unknown code page", edit: func(b []byte) []byte {
			return setField(setField(b, 0, 3, "999"), 16, 48, "Caf\x82")
		}, title: "Café", cues: 3, warnings: []string{`GSI code page "999"`}},
		{name: "fewer blocks than the header says", edit: func(b []byte) []byte { return b[:len(b)-128] },
			title: "Prog", cues: 2, warnings: []string{"the GSI header says 3 TTI blocks (TNB), the file holds 2"}},
		{name: "TNB not a number", edit: func(b []byte) []byte { return setField(b, 238, 243, "x") },
			title: "Prog", cues: 3, warnings: []string{`(TNB, bytes 238-242) "x": expected a number; the file holds 3`}},
		{name: "a partial block", edit: func(b []byte) []byte { return append(b, make([]byte, 10)...) },
			title: "Prog", cues: 3, warnings: []string{"10 bytes after the last whole TTI block"}},
		{name: "a creation date that is no date", edit: func(b []byte) []byte { return setField(b, 224, 230, "abcdef") },
			title: "Prog", cues: 3, warnings: []string{`GSI block: creation date (CD, bytes 224-229) "abcdef": expected YYMMDD; ignored`}},
		{name: "a revision date of month 13", edit: func(b []byte) []byte { return setField(b, 230, 236, "261301") },
			title: "Prog", cues: 3, warnings: []string{`revision date (RD, bytes 230-235) "261301": expected YYMMDD`}},
		{name: "counts that are no numbers", edit: func(b []byte) []byte { return setField(setField(b, 243, 248, "many"), 253, 255, "x") },
			title: "Prog", cues: 3, warnings: []string{`total number of subtitles (TNS, bytes 243-247) "many": expected a number`,
				`maximum number of rows (MNR, bytes 253-254) "x": expected a number`}},
		{name: "a first in-cue timecode too short", edit: func(b []byte) []byte { return setField(b, 264, 272, "1000000") },
			title: "Prog", cues: 3, warnings: []string{`first in-cue timecode (TCF, bytes 264-271) "1000000": expected HHMMSSFF`}},
		// Found by fuzzing: code page 850 keeps 0x1B as ESC, which the JSON
		// capconv writes carries but no other format does.
		{name: "a control character in the title", edit: func(b []byte) []byte { return setField(setField(b, 0, 3, "850"), 16, 48, "Caf\x82\x1b") },
			title: "Café\uFFFD", cues: 3, warnings: []string{`GSI block: control characters in the original programme title (OPT, bytes 16-47): replaced by U+FFFD`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var warns []string
			src := text.Source{File: "in.stl", Warn: func(p caption.Position, m string) { warns = append(warns, p.String()+": "+m) }}
			doc, err := Read(stlFile(t, 3, tc.edit), src)
			if err != nil {
				t.Fatalf("Read() = %v", err)
			}
			if doc.Title != tc.title {
				t.Errorf("title %q, want %q", doc.Title, tc.title)
			}
			if len(doc.Cues) != tc.cues {
				t.Errorf("%d cues, want %d", len(doc.Cues), tc.cues)
			}
			if len(warns) != len(tc.warnings) {
				t.Fatalf("warnings %q, want %d", warns, len(tc.warnings))
			}
			for i, w := range tc.warnings {
				if !strings.HasPrefix(warns[i], "in.stl: ") || !strings.Contains(warns[i], w) {
					t.Errorf("warning %q, want in.stl: …%s…", warns[i], w)
				}
			}
		})
	}
}

// TestReadSTLBadHeader checks that GSI fields that decide what is read
// fail in words of the file when malformed, not of astisub ("parsing
// timecodeStartOfProgramme duration …") nor as a crash.
func TestReadSTLBadHeader(t *testing.T) {
	tests := []struct {
		name string
		edit func(b []byte) []byte
		msg  string
	}{
		{name: "frame rate", edit: func(b []byte) []byte { return setField(b, 3, 11, "STL24.01") },
			msg: `in.stl: syntax error: GSI block: disk format code (DFC, bytes 3-10) "STL24.01": expected STL25.01 or STL30.01`},
		{name: "character table", edit: func(b []byte) []byte { return setField(b, 12, 14, "01") },
			msg: `in.stl: syntax error: GSI block: character code table (CCT, bytes 12-13) "01": capconv reads only 00, Latin (ISO 6937)`},
		{name: "programme start short", edit: func(b []byte) []byte { return setField(b, 256, 264, "100000") },
			msg: `in.stl: bad timestamp: GSI block: start-of-programme timecode (TCP, bytes 256-263) "100000": expected HHMMSSFF`},
		{name: "programme start not digits", edit: func(b []byte) []byte { return setField(b, 256, 264, "10:00:00") },
			msg: `in.stl: bad timestamp: GSI block: start-of-programme timecode (TCP, bytes 256-263) "10:00:00": expected HHMMSSFF`},
		{name: "teletext codes in open subtitling", edit: func(b []byte) []byte {
			b = setField(b, 11, 12, "0")
			b[gsiSize+16] = 0x0d // double height, a teletext code
			return b
		}, msg: "in.stl: syntax error: TTI block: a teletext control code in open subtitling text"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Read(stlFile(t, 2, tc.edit), text.Source{File: "in.stl"})
			var pe *caption.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Read() = %v, %v; want a *ParseError", doc, err)
			}
			if got := err.Error(); !strings.HasPrefix(got, tc.msg) || strings.Contains(got, "astisub") || strings.Contains(got, "\n") {
				t.Errorf("Read() error\n%s\nwant one line starting\n%s", got, tc.msg)
			}
		})
	}
}
