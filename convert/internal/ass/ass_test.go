package ass

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
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

const assEvents = "[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"

func TestReadASS(t *testing.T) {
	in := "\uFEFF[Script Info]\nTitle: Demo\nScriptType: v4.00+\n\n[V4+ Styles]\nStyle: Default,Arial\n\n" + assEvents +
		"Comment: 0,0:00:00.00,0:00:01.00,Default,,0,0,0,,ignored\n" +
		"Dialogue: 0,0:00:02.50,0:00:04.00,Default,Ann Lee,0,0,0,,{\\i1}Hello{\\i0}, world\\Nsecond\\hline\n" +
		"Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,First\n" +
		"Dialogue: 0,0:00:05.00,0:00:06.00,Default,Ann,0,0,0,,Hi\n" +
		"Dialogue: 0,0:00:05.00,0:00:06.00,Default,Bob,0,0,0,,Yo \\{x\\}\n"
	var warns []string
	doc, err := Read([]byte(in), text.Source{Warn: func(p caption.Position, m string) { warns = append(warns, m) }})
	if err != nil {
		t.Fatal(err)
	}
	want := &caption.Document{Title: "Demo", Cues: []caption.Cue{
		{Start: ms(1000), End: ms(2000), Lines: say("", "First")},
		{Start: ms(2500), End: ms(4000), Lines: []caption.Line{
			{Speaker: "Ann Lee", Text: "Hello, world", Spans: []caption.Span{{Text: "Hello", Style: caption.Style{Italic: true}}, {Text: ", world"}}},
			{Speaker: "Ann Lee", Text: "second\u00A0line"},
		}},
		{Start: ms(5000), End: ms(6000), Lines: cat(say("Ann", "Hi"), say("Bob", "Yo {x}"))},
	}}
	if d := cmp.Diff(want, doc); d != "" {
		t.Errorf("Read() (-want +got):\n%s", d)
	}
	if len(warns) != 1 {
		t.Errorf("warnings %q, want one about the order", warns)
	}
}

func FuzzReadASS(f *testing.F) {
	captest.AddSeeds(f, "*.golden.ass", "malformed/*.ass", "invalid/*.ass")
	b, err := Append(nil, captest.Safety(), WriteOptions{})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte("[Script Info]\nTitle: t\n[Events]\nFormat: Marked, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n" +
		"Dialogue: Marked=0,0:00:01.00,0:00:02.00,*Default,A,0,0,0,,{\\b1}x\\Ny\\h{z\n" +
		"Dialogue: Marked=0,0:00:01.00,0:00:02.00,*Default,B,0,0,0,,\\{w\\}\\\u2060n\n"))
	f.Add([]byte("[Script Info]\nPlayResX: 640\n[V4+ Styles]\nFormat: Name, PrimaryColour, Bold, Italic, Underline, Alignment\n" +
		"Style: *Alt,&H0000FFFF,-1,0,1,8\nStyle: Default,&H00FFFFFF,0,0,0,2\n" + assEvents +
		"Dialogue: 0,0:00:01.00,0:00:02.00,Alt,A,0,0,0,,{\\an7\\i1}a{\\b700\\c&HFF&}b\\N{\\r}c{\\rAlt}d{\\p1}m 0 0 l 1 1{\\p0}\\{e\\}\n" +
		"Dialogue: 0,0:00:02.00,0:00:03.00,Default,B,0,0,0,,{\\pos(10,20)\\fad(1,2)\\t(\\i1)}x{\\a6\\u1}y\\\u2060{\\c}z\n"))
	f.Add([]byte("[V4 Styles]\nFormat: Name, PrimaryColour, Italic, Alignment\nStyle: Default,255,-1,10\n" + assEvents +
		"Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,x\n"))
	// Found by fuzzing: a trailing U+00A0 was trimmed as space on reading.
	f.Add([]byte(assEvents + "Dialogue: 0,0:00:00.00,0:00:00.00,Default,,0,0,0,,000000000\u00a0\n"))
	f.Add([]byte("0000000000000000000000\n[Events]\nFormat:" + strings.Repeat("0", 74) + ", TeXt\nDialogue:" + strings.Repeat("0", 49) + ",000000000\\h"))
	// Times finer than ASS's centisecond (which Read accepts) are moved
	// by the writer when two cues would round into one, by a centisecond:
	// so the round trip starts from what was written once, and that first
	// write must keep every cue.
	once := func(data []byte, o text.Source) (*caption.Document, error) {
		doc, err := Read(data, o)
		if err != nil {
			return doc, err
		}
		b, err := appendDefault(nil, doc)
		if err != nil {
			return nil, err
		}
		again, err := Read(b, text.Source{})
		if err == nil && len(again.Cues) != len(doc.Cues) {
			return nil, fmt.Errorf("%d cues read, %d read back from what was written:\n%s", len(doc.Cues), len(again.Cues), b)
		}
		return again, err
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		captest.FuzzRoundTrip(t, data, once, appendDefault, Read, 10*time.Millisecond)
	})
}

func TestWriteASSTimes(t *testing.T) {
	us := time.Microsecond
	tests := []struct {
		name   string
		cues   []caption.Cue
		want   []string // the Start and End fields of each event
		reason string
	}{
		{name: "rounded to the centisecond", cues: []caption.Cue{
			{Start: ms(1004), End: ms(2000), Lines: say("Ann", "a")},
			{Start: ms(2004), End: ms(3006), Lines: say("Bob", "b")},
		}, want: []string{"0:00:01.00,0:00:02.00", "0:00:02.00,0:00:03.01"}},
		{name: "a short cue lasts a centisecond", cues: []caption.Cue{
			{Start: ms(1000), End: ms(1004), Lines: say("", "a")},
		}, want: []string{"0:00:01.00,0:00:01.01"}, reason: "rounded, it would last 0"},
		{name: "a cue of no length stays so", cues: []caption.Cue{
			{Start: ms(1000), End: ms(1000), Lines: say("", "a")},
		}, want: []string{"0:00:01.00,0:00:01.00"}},
		{name: "same rounded times, other speakers", cues: []caption.Cue{
			{Start: ms(1001), End: ms(2001), Lines: say("Ann", "a")},
			{Start: ms(1004), End: ms(2004), Lines: say("Bob", "b")},
			{Start: 1004*time.Millisecond + 900*us, End: ms(2004), Lines: say("Cy", "c")},
		}, want: []string{"0:00:01.00,0:00:02.00", "0:00:01.01,0:00:02.00", "0:00:01.02,0:00:02.00"},
			reason: "Read would join them into one cue: each starts a centisecond later"},
		{name: "same rounded times, one speaker", cues: []caption.Cue{
			{Start: ms(1001), End: ms(2001), Lines: say("Ann", "a")},
			{Start: ms(1004), End: ms(2004), Lines: say("Ann", "b")},
		}, want: []string{"0:00:01.00,0:00:02.00", "0:00:01.00,0:00:02.00"}, reason: "Read keeps them apart"},
		{name: "a dialogue cue stays one time", cues: []caption.Cue{
			{Start: ms(1001), End: ms(2001), Lines: cat(say("Ann", "a"), say("Bob", "b"))},
		}, want: []string{"0:00:01.00,0:00:02.00", "0:00:01.00,0:00:02.00"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Append(nil, &caption.Document{Cues: tc.cues}, WriteOptions{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, l := range strings.Split(string(b), "\n") {
				if rest, ok := strings.CutPrefix(l, "Dialogue: 0,"); ok {
					got = append(got, strings.Join(strings.SplitN(rest, ",", 3)[:2], ","))
				}
			}
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("Append() times mismatch (-want +got):\n%s", d)
			}
		})
	}
}

// TestASSRoundTripCloseCues writes generated cues a few milliseconds
// apart and checks that they read back as many cues, in order, each
// lasting, none more than a few centiseconds off.
func TestASSRoundTripCloseCues(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	speakers := []string{"Ann", "Bob", ""}
	for iter := 0; iter < 200; iter++ {
		var cues []caption.Cue
		at := time.Duration(r.Intn(5000)) * time.Millisecond
		for i := 0; i < 2+r.Intn(8); i++ {
			at += time.Duration(r.Intn(12)) * time.Millisecond
			end := at + time.Duration(1+r.Intn(15))*time.Millisecond
			cues = append(cues, caption.Cue{Start: at, End: end, Lines: say(speakers[r.Intn(len(speakers))], fmt.Sprint("cue ", i))})
		}
		b, err := Append(nil, &caption.Document{Cues: cues}, WriteOptions{})
		if err != nil {
			t.Fatal(err)
		}
		got, err := Read(b, text.Source{})
		if err != nil {
			t.Fatalf("Read(Append()) = %v\n%s", err, b)
		}
		if len(got.Cues) != len(cues) {
			t.Fatalf("%d cues read back, want %d\n%s", len(got.Cues), len(cues), b)
		}
		for i, c := range got.Cues {
			if want := fmt.Sprint("cue ", i); c.Lines[0].Text != want {
				t.Errorf("cue %d reads back as %q, want %q\n%s", i, c.Lines[0].Text, want, b)
			}
			if c.End < c.Start+10*time.Millisecond {
				t.Errorf("cue %d: %v --> %v lasts less than a centisecond", i, c.Start, c.End)
			}
			if i > 0 && c.Start < got.Cues[i-1].Start {
				t.Errorf("cue %d starts before cue %d", i, i-1)
			}
			if d := c.Start - cues[i].Start; d < -5*time.Millisecond || d > 100*time.Millisecond {
				t.Errorf("cue %d moved by %v", i, d)
			}
		}
	}
}

// appendDefault is Append with its default options.
func appendDefault(b []byte, d *caption.Document) ([]byte, error) {
	return Append(b, d, WriteOptions{Speakers: labels.Style(d.SpeakersShown)}) // as the file showed them
}

// TestAppendKeepsCues checks that cues that round to the same centisecond
// stay distinct cues, in order, without overlap they did not have, and
// that lines without text never become events of their own.
func TestAppendKeepsCues(t *testing.T) {
	line := func(speaker, text string) caption.Line { return caption.Line{Speaker: speaker, Text: text} }
	tests := []struct {
		name   string
		cues   []caption.Cue
		starts []time.Duration // of the cues read back
		reason string
	}{
		{name: "1 ms apart, other speakers", cues: []caption.Cue{
			{Start: ms(1000), End: ms(1001), Lines: say("X", "a")},
			{Start: ms(1001), End: ms(1002), Lines: say("Y", "b")},
		}, starts: []time.Duration{ms(1000), ms(1010)},
			reason: "both round to 1.00-1.01, which Read would join into one dialogue cue"},
		{name: "1 ms apart, same end", cues: []caption.Cue{
			{Start: ms(1003), End: ms(2000), Lines: say("Y", "b")},
			{Start: ms(1004), End: ms(2000), Lines: say("X", "a")},
		}, starts: []time.Duration{ms(1000), ms(1010)}},
		{name: "a line without text at the seam", cues: []caption.Cue{
			{Start: ms(1000), End: ms(2000), Lines: []caption.Line{line("Y", "a"), line("X", " ")}},
			{Start: ms(1001), End: ms(2000), Lines: say("X", "b")},
		}, starts: []time.Duration{ms(1000), ms(1010)},
			reason: "the blank line of X is not written: the speakers that meet are Y and X"},
		{name: "a speaker with a blank line only", cues: []caption.Cue{
			{Start: ms(1000), End: ms(2000), Lines: []caption.Line{line("X", "a"), line("Y", "")}},
		}, starts: []time.Duration{ms(1000)}, reason: "an empty event would read as a cue"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Append(nil, &caption.Document{Cues: tc.cues}, WriteOptions{})
			if err != nil {
				t.Fatal(err)
			}
			back, err := Read(b, text.Source{})
			if err != nil {
				t.Fatal(err)
			}
			var starts []time.Duration
			for i, c := range back.Cues {
				starts = append(starts, c.Start)
				if i > 0 && c.Start < back.Cues[i-1].Start {
					t.Errorf("cue %d starts before cue %d", i+1, i)
				}
			}
			if d := cmp.Diff(tc.starts, starts); d != "" {
				t.Errorf("starts read back (-want +got):\n%s\n%s", d, b)
			}
		})
	}
}
