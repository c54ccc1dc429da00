package scc

import (
	"errors"
	"flag"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/captest"
	"github.com/capconv/capconv/convert/internal/labels"
	"github.com/capconv/capconv/convert/internal/text"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files")

var (
	ms  = captest.Ms
	say = captest.Say
)

func TestTimecode(t *testing.T) {
	tests := []struct {
		frame int64
		drop  string
		non   string
	}{
		{0, "00:00:00;00", "00:00:00:00"},
		{29, "00:00:00;29", "00:00:00:29"},
		{1799, "00:00:59;29", "00:00:59:29"},
		{1800, "00:01:00;02", "00:01:00:00"},  // 00 and 01 skipped
		{17982, "00:10:00;00", "00:09:59:12"}, // the tenth minute keeps them
		{107892, "01:00:00;00", "00:59:56:12"},
		{108000, "01:00:03;18", "01:00:00:00"},
	}
	for _, tc := range tests {
		if got := string(appendTimecode(nil, tc.frame, true)); got != tc.drop {
			t.Errorf("drop-frame label of frame %d = %s, want %s", tc.frame, got, tc.drop)
		}
		if got := string(appendTimecode(nil, tc.frame, false)); got != tc.non {
			t.Errorf("non-drop label of frame %d = %s, want %s", tc.frame, got, tc.non)
		}
		for _, label := range []string{tc.drop, tc.non} {
			f, _, err := parseTimecode(label)
			if err != nil || f != tc.frame {
				t.Errorf("parseTimecode(%s) = %d, %v; want %d", label, f, err, tc.frame)
			}
		}
	}
	// Every frame of a day and a bit labels and reads back.
	for f := int64(0); f < 3_000_000; f += 997 {
		for _, drop := range []bool{true, false} {
			label := string(appendTimecode(nil, f, drop))
			if g, d, err := parseTimecode(label); err != nil || g != f || d != drop {
				t.Fatalf("frame %d → %s → %d, %v, %v", f, label, g, d, err)
			}
		}
	}
	if _, _, err := parseTimecode("00:01:00;01"); err == nil {
		t.Error("00:01:00;01 read, but drop-frame counting skips it")
	}
	// One hour of drop-frame timecode is an hour of the clock, to 3.6 ms.
	if got := timeOf(107892); got < time.Hour-4*time.Millisecond || got > time.Hour+4*time.Millisecond {
		t.Errorf("01:00:00;00 is at %v, want an hour", got)
	}
}

func TestParity(t *testing.T) {
	for b, want := range map[byte]byte{0x14: 0x94, 0x20: 0x20, 0x2C: 0x2C, 0x2F: 0x2F, 0x2E: 0xAE, 0x00: 0x80, 0x61: 0x61, 0x41: 0xC1} {
		if got := withParity(b); got != want {
			t.Errorf("withParity(%#02x) = %#02x, want %#02x", b, got, want)
		}
	}
}

// TestCharacterSets checks that every character CEA-608 has reads back
// as itself, and that one it lacks is replaced and named.
func TestCharacterSets(t *testing.T) {
	var all []rune
	for r := range encoding {
		all = append(all, r)
	}
	for i := 0; i < len(all); i += 28 {
		chunk := strings.TrimSpace(string(all[i:min(i+28, len(all))]))
		if chunk == "" {
			continue
		}
		doc := &caption.Document{Cues: []caption.Cue{{Start: 5 * time.Second, End: 8 * time.Second, Lines: say("", chunk)}}}
		got := roundTrip(t, doc, WriteOptions{})
		if len(got.Cues) != 1 || len(got.Cues[0].Lines) != 1 {
			t.Fatalf("%q read back as %+v", chunk, got.Cues)
		}
		want := strings.ReplaceAll(strings.Join(strings.Fields(chunk), " "), "’", "'")
		if l := got.Cues[0].Lines[0].Text; l != want {
			t.Errorf("characters %q read back as %q", want, l)
		}
	}
	var warned []string
	doc := &caption.Document{Cues: []caption.Cue{{Start: 5 * time.Second, End: 8 * time.Second, Lines: say("", "Łódź – ăn 中")}}}
	b, err := Append(nil, doc, WriteOptions{Warn: func(m string) { warned = append(warned, m) }})
	if err != nil {
		t.Fatal(err)
	}
	back, err := Read(b, text.Source{})
	if err != nil {
		t.Fatal(err)
	}
	if got := back.Cues[0].Lines[0].Text; got != "?ódz - an ?" {
		t.Errorf("replaced text = %q, want %q", got, "?ódz - an ?")
	}
	if len(warned) != 1 || !strings.Contains(warned[0], `'Ł'`) || !strings.Contains(warned[0], `'中'`) {
		t.Errorf("warnings %q, want one naming every character replaced", warned)
	}
}

// roundTrip writes doc as SCC and reads it back.
func roundTrip(t *testing.T, doc *caption.Document, o WriteOptions) *caption.Document {
	t.Helper()
	b, err := Append(nil, doc, o)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Read(b, text.Source{File: "out.scc", Warn: func(p caption.Position, m string) { t.Errorf("reading what was written: %s: %s\n%s", p, m, b) }})
	if err != nil {
		t.Fatalf("reading what was written: %v\n%s", err, b)
	}
	return back
}

// frame is one frame at 29.97 fps, the precision SCC keeps.
const frame = time.Second * 1001 / 30000

// TestRoundTrip writes generated captions (speakers, italics, places,
// accents) with room to load each, and reads them back: the same text,
// styling and placement, and every time within one frame.
func TestRoundTrip(t *testing.T) {
	words := []string{"the", "Café", "señor", "naïve", "über", "«quoted»", "♪", "50°", "it's", "—", "ok?", "¡Hola!", "Å", "½", "Zoë", "élan", "ÉTÉ", "{x}", "a_b", "c|d", "~", "*"}
	places := []caption.Placement{{}, {Vertical: caption.Top}, {Horizontal: caption.Left}, {Vertical: caption.Middle, Horizontal: caption.Right}}
	for seed := range 60 {
		rng := rand.New(rand.NewPCG(uint64(seed), 7))
		var cues []caption.Cue
		at := time.Duration(rng.IntN(3000)) * time.Millisecond
		for range 1 + rng.IntN(12) {
			// Two seconds between captions load 60 pairs: two full rows.
			at += 2*time.Second + time.Duration(rng.IntN(4000))*time.Millisecond
			if rng.IntN(6) == 0 {
				// Hours of nothing: the writer's window of frames moves on.
				at += time.Duration(1+rng.IntN(3)) * time.Hour
			}
			c := caption.Cue{Start: at, End: at + time.Second + time.Duration(rng.IntN(5000))*time.Millisecond, Placement: places[rng.IntN(len(places))]}
			for range 1 + rng.IntN(2) {
				var spans []caption.Span
				n := 0
				for range 1 + rng.IntN(4) {
					w := words[rng.IntN(len(words))]
					if n+len([]rune(w))+1 > 30 {
						break
					}
					n += len([]rune(w)) + 1
					sep := ""
					if len(spans) > 0 {
						sep = " "
					}
					spans = append(spans, caption.Span{Text: sep + w, Style: caption.Style{Italic: rng.IntN(4) == 0}})
				}
				c.Lines = append(c.Lines, caption.StyledLine("", spans))
			}
			cues = append(cues, c)
			at = c.End
		}
		doc := &caption.Document{Cues: cues}
		var late []string
		got := roundTrip(t, doc, WriteOptions{NonDrop: seed%2 == 1, Warn: func(m string) { late = append(late, m) }})
		if len(late) > 0 {
			t.Errorf("seed %d: warnings %q with room to load every caption", seed, late)
		}
		if len(got.Cues) != len(doc.Cues) {
			t.Fatalf("seed %d: %d cues read back, want %d", seed, len(got.Cues), len(doc.Cues))
		}
		for i, c := range doc.Cues {
			g := got.Cues[i]
			if d := g.Start - c.Start; d < -frame || d > frame {
				t.Errorf("seed %d cue %d: start %v, want %v within a frame", seed, i+1, g.Start, c.Start)
			}
			if d := g.End - c.End; d < -frame || d > frame {
				t.Errorf("seed %d cue %d: end %v, want %v within a frame", seed, i+1, g.End, c.End)
			}
			if g.Placement != c.Placement {
				t.Errorf("seed %d cue %d: placement %v, want %v", seed, i+1, g.Placement, c.Placement)
			}
			want := make([]caption.Line, len(c.Lines))
			for k, l := range c.Lines {
				want[k] = caption.StyledLine("", l.Runs())
			}
			if d := cmp.Diff(want, g.Lines); d != "" {
				t.Errorf("seed %d cue %d: lines (-want +got):\n%s", seed, i+1, d)
			}
		}
	}
}

// TestLoadTime checks the transmission time of the byte pairs: a caption
// is loaded before it shows, the codes of one caption never interleave
// with a doubled code of another, and a caption that cannot be sent in
// time is shown late with a warning rather than on time and cut.
func TestLoadTime(t *testing.T) {
	long := "a caption long enough to fill it"
	doc := &caption.Document{Cues: []caption.Cue{
		{Start: ms(4000), End: ms(4500), Lines: say("", long, long)},
		{Start: ms(4600), End: ms(7000), Lines: say("", long, long)}, // loaded while the first shows: 0.6 s for 1.5 s of codes
	}}
	var warned []string
	b, err := Append(nil, doc, WriteOptions{Warn: func(m string) { warned = append(warned, m) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(warned) != 1 || !strings.Contains(warned[0], "cue 2 (00:00:04.604) shown") {
		t.Errorf("warnings %q, want one that cue 2 shows late", warned)
	}
	back, err := Read(b, text.Source{})
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Cues) != 2 || back.Cues[0].Start > ms(4000)+frame || back.Cues[1].Start < ms(4600) {
		t.Fatalf("cues read back: %+v", back.Cues)
	}
	// The second takes ~45 pairs, sent from just after the first shows.
	if got := back.Cues[1].Start; got < ms(5300) || got > ms(5900) {
		t.Errorf("late cue shows at %v, want when its codes are sent (~5.6 s)", got)
	}
	checkDoubled(t, b)
}

// checkDoubled fails t when a doubled control code of b is split by
// another pair: a decoder would then act on it twice.
func checkDoubled(t *testing.T, b []byte) {
	t.Helper()
	for _, line := range strings.Split(string(b), "\n") {
		_, words, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		ws := strings.Fields(words)
		for i := 0; i < len(ws); i++ {
			p, _ := parseWord(ws[i])
			if p.b1&0x70 != 0x10 {
				continue
			}
			if i+1 == len(ws) || ws[i+1] != ws[i] {
				t.Errorf("control code %s sent once, not twice in a row: %s", ws[i], line)
				continue
			}
			i++
		}
	}
}

// TestReadModes reads pop-on, paint-on and roll-up captions, the repeat
// rule and the channels other than the first.
func TestReadModes(t *testing.T) {
	const h = header + "\n\n"
	left := caption.Placement{Horizontal: caption.Left} // 9470: row 15, column 0
	tests := []struct {
		name string
		in   string
		want []caption.Cue
	}{
		{
			name: "pop-on, shown by end of caption, cleared by an erase",
			in:   h + "00:00:01:00\t94ae 94ae 9420 9420 9470 9470 c8e9 2080\n\n00:00:02:00\t942f 942f\n\n00:00:04:00\t942c 942c\n",
			want: []caption.Cue{{Start: timeOf(60), End: timeOf(120), Lines: say("", "Hi"), Placement: left}},
		},
		{
			name: "a second end of caption replaces the first",
			in:   h + "00:00:01:00\t9420 9470 c8e9 942f 9420 9470 4f6b 942f\n\n00:00:03:00\t942c\n",
			want: []caption.Cue{{Start: timeOf(33), End: timeOf(37), Lines: say("", "Hi"), Placement: left}, {Start: timeOf(37), End: timeOf(90), Lines: say("", "Ok"), Placement: left}},
		},
		{
			name: "paint-on from its first character",
			in:   h + "00:00:01:00\t9429 9429 9470 9470 c8e9\n\n00:00:02:00\t942c 942c\n",
			want: []caption.Cue{{Start: timeOf(34), End: timeOf(60), Lines: say("", "Hi"), Placement: left}},
		},
		{
			name: "roll-up, a cue per row until the next carriage return",
			in:   h + "00:00:01:00\t9425 9425 94ad 94ad 9470 9470 4f6e e520 2080\n\n00:00:02:00\t94ad 94ad 9470 9470 54f7 ef80\n\n00:00:03:00\t942c 942c\n",
			want: []caption.Cue{{Start: timeOf(36), End: timeOf(60), Lines: say("", "One"), Placement: left}, {Start: timeOf(64), End: timeOf(90), Lines: say("", "Two"), Placement: left}},
		},
		{
			name: "channel 2 is not read",
			in:   h + "00:00:01:00\t9420 9470 c8e9 942f 1c20 1c20 9c70 9c70 5858 1c2f 1c2f\n\n00:00:03:00\t942c\n",
			want: []caption.Cue{{Start: timeOf(33), End: timeOf(90), Lines: say("", "Hi"), Placement: left}},
		},
		{
			name: "a change of speaker stays text for the labels reader; the extended set replaces its stand-in",
			in:   h + "00:00:01:00\t9420 9470 3e3e 20c1 92a0 942f\n\n00:00:03:00\t942c\n",
			want: []caption.Cue{{Start: timeOf(35), End: timeOf(90), Lines: say("", ">> Á"), Placement: left}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Read([]byte(tc.in), text.Source{})
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tc.want, doc.Cues); d != "" {
				t.Errorf("cues (-want +got):\n%s", d)
			}
		})
	}
}

func TestReadInvalid(t *testing.T) {
	captest.CheckInvalid(t, Read, []captest.InvalidCase{
		{Name: "no header", Input: "00:00:01:00\t9420\n", Line: 1, Err: caption.ErrSyntax, Msg: "expected the header"},
		{Name: "bad timecode", Input: header + "\n\n00:00:01\t9420\n", Line: 3, Err: caption.ErrBadTimestamp, Msg: "HH:MM:SS:FF"},
		{Name: "bad word", Input: header + "\n\n00:00:01:00\t9420 94zz\n", Line: 3, Col: 18, Err: caption.ErrSyntax, Msg: `"94zz" is not a byte pair`},
		{Name: "skipped drop-frame label", Input: header + "\n\n00:01:00;00\t9420\n", Line: 3, Err: caption.ErrBadTimestamp, Msg: "does not exist"},
		{Name: "empty", Input: "", Line: 1, Err: caption.ErrNoContent},
	})
}

// TestRollUpAndRows writes roll-up captions and a cue of more rows than
// a caption takes.
func TestRollUpAndRows(t *testing.T) {
	doc := &caption.Document{Cues: []caption.Cue{
		{Start: ms(1000), End: ms(3000), Lines: say("", "First row")},
		{Start: ms(3000), End: ms(5000), Lines: say("", "Second row")},
	}}
	got := roundTrip(t, doc, WriteOptions{RollUp: true})
	if len(got.Cues) != 2 || got.Cues[0].Lines[0].Text != "First row" || got.Cues[1].Lines[0].Text != "Second row" {
		t.Fatalf("roll-up read back as %+v", got.Cues)
	}
	if d := got.Cues[0].Start - ms(1000); d < 0 || d > 3*frame {
		t.Errorf("roll-up row shows at %v, want from 1 s as its text is sent", got.Cues[0].Start)
	}
	long := strings.Repeat("word ", 30)
	doc = &caption.Document{Cues: []caption.Cue{{Start: ms(10000), End: ms(16000), Lines: say("", long)}}}
	var warned []string
	b, _ := Append(nil, doc, WriteOptions{Warn: func(m string) { warned = append(warned, m) }})
	back, err := Read(b, text.Source{})
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, c := range back.Cues {
		if len(c.Lines) > 2 {
			t.Errorf("a caption of %d rows, want at most 2", len(c.Lines))
		}
		for _, l := range c.Lines {
			if n := len([]rune(l.Text)); n > 32 {
				t.Errorf("row of %d columns: %q", n, l.Text)
			}
			all = append(all, l.Text)
		}
	}
	if got := strings.Join(all, " "); got != strings.TrimSpace(long) {
		t.Errorf("text read back %q, want every word of %q", got, long)
	}
	if len(back.Cues) != 3 || len(warned) != 1 {
		t.Errorf("%d captions and warnings %q, want 3 captions in turn and one warning", len(back.Cues), warned)
	}
}

// TestGolden writes a small document with speakers, italics and places;
// go test -update rewrites the golden file.
func TestGolden(t *testing.T) {
	doc := &caption.Document{Cues: []caption.Cue{
		{Start: ms(1000), End: ms(3500), Lines: say("Ann", "Hello, Bob.")},
		{Start: ms(3600), End: ms(6000), Lines: append(say("Bob", "Hi, Ann!"), say("Ann", "¿Qué tal?")...)},
		{Start: ms(9000), End: ms(11000), Placement: caption.Placement{Vertical: caption.Top}, Lines: []caption.Line{caption.StyledLine("", []caption.Span{{Text: "♪ music ♪", Style: caption.Style{Italic: true}}})}},
	}}
	for _, tc := range []struct {
		file string
		o    WriteOptions
	}{
		{"dialogue.golden.scc", WriteOptions{Speakers: labels.Upper}},
		{"dialogue-nondrop-rollup.golden.scc", WriteOptions{NonDrop: true, RollUp: true}},
	} {
		got, err := Append(nil, doc, tc.o)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("testdata", tc.file)
		if *update {
			os.MkdirAll("testdata", 0o755)
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (go test -update writes it)", err)
		}
		if d := cmp.Diff(string(want), string(got)); d != "" {
			t.Errorf("%s (-want +got):\n%s", tc.file, d)
		}
		checkDoubled(t, got)
	}
}

// FuzzReadSCC reads anything without panicking, and what it reads writes
// and reads back with the same words in the same order.
func FuzzReadSCC(f *testing.F) {
	captest.AddSeeds(f, "scc/*.scc")
	for _, p := range []string{"testdata/dialogue.golden.scc", "testdata/dialogue-nondrop-rollup.golden.scc"} {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(header + "\n\n00:00:01:00\t9429 9470 c8e9 1220 9425 94ad 3e3e 92a0\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read(data, text.Source{})
		if err != nil {
			var pe *caption.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Read() error %v is not a *ParseError", err)
			}
			return
		}
		b, err := Append(nil, doc, WriteOptions{Rows: 4})
		if err != nil {
			t.Fatal(err)
		}
		again, err := Read(b, text.Source{})
		if err != nil {
			t.Fatalf("reading what was written: %v\n%s", err, b)
		}
		if w, g := words(doc), words(again); !cmp.Equal(w, g) {
			t.Errorf("words %q read back as %q\n%s", w, g, b)
		}
	})
}

// words returns the words of doc's cues in order, as CEA-608 shows them.
func words(doc *caption.Document) []string {
	var out []string
	for _, c := range doc.Cues {
		for _, l := range c.Lines {
			if l.Dash {
				out = append(out, "-")
			}
			out = append(out, strings.Fields(l.Text)...)
		}
	}
	return out
}
