package convert_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/convert/caption"
	"github.com/google/go-cmp/cmp"
)

// TestRetime checks that --retime turns cues into turns and times them
// with the timing model, while the default keeps cue times exactly.
func TestRetime(t *testing.T) {
	in := "1\n00:00:01,000 --> 00:00:01,500\n- Hello there, how are you doing today?\n\n" +
		"2\n00:00:01,500 --> 00:00:09,000\nI hope well.\n\n" +
		"3\n00:00:09,000 --> 00:00:10,000\n- Fine, thanks.\n\n" +
		"4\n00:00:10,000 --> 00:00:11,000\n- Good.\n\n"
	kept, err := load(strings.NewReader(in), "in.srt", convert.SRT, convert.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := kept.Cues[1].End; got != 9*time.Second {
		t.Errorf("without --retime cue 2 ends at %s, want 9s as written", got)
	}
	doc, err := load(strings.NewReader(in), "in.srt", convert.SRT, convert.Options{Retime: true})
	if err != nil {
		t.Fatal(err)
	}
	want := []caption.Segment{
		{Start: time.Second, ExactStart: true, Speaker: "Speaker 1", Paragraphs: []string{"Hello there, how are you doing today? I hope well."}},
		{Start: 9 * time.Second, ExactStart: true, Speaker: "Speaker 2", Paragraphs: []string{"Fine, thanks."}},
		{Start: 10 * time.Second, ExactStart: true, Speaker: "Speaker 1", Paragraphs: []string{"Good."}},
	}
	if d := cmp.Diff(want, doc.Segments); d != "" {
		t.Errorf("segments (-want +got):\n%s", d)
	}
	// The timing model places speech within each turn's window; the cue
	// that ran 1.5 s to 9 s as written is gone.
	timed := timedFor(t, doc, convert.WebVTT, convert.Options{})
	if len(timed.Cues) == 0 || timed.Cues[0].Start < time.Second || timed.Cues[0].Speaker() != "Speaker 1" {
		t.Fatalf("retimed cues: %+v", timed.Cues)
	}
	for _, c := range timed.Cues {
		if c.End == 9*time.Second {
			t.Errorf("a retimed cue kept the written end 9s: %+v", c)
		}
	}
	// A caption file's starts are exact: the turns' first cues start where
	// they were written, without the half second a transcript's truncated
	// start is given.
	var starts []time.Duration
	for i, c := range timed.Cues {
		if i == 0 || c.Speaker() != timed.Cues[i-1].Speaker() {
			starts = append(starts, c.Start)
		}
	}
	if d := cmp.Diff([]time.Duration{time.Second, 9 * time.Second, 10 * time.Second}, starts); d != "" {
		t.Errorf("retimed turn starts (-want +got):\n%s", d)
	}
}

// TestChaptersTrack checks that ConvertFile writes a chapters track beside
// WebVTT output when the input has chapters, and only then.
func TestChaptersTrack(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "talk.txt")
	txt := "00:00:00 - Intro\n\nAnn Lee 0:00:00\n\nHello there.\n\n00:00:05 - Main part\n\nBob 0:00:05\n\nHi Ann, good to see you.\n"
	if err := os.WriteFile(in, []byte(txt), 0o644); err != nil {
		t.Fatal(err)
	}
	written, err := convert.ConvertFile(in, "", []convert.Format{convert.WebVTT, convert.SRT}, convert.Options{})
	if err != nil {
		t.Fatal(err)
	}
	wantPaths := []string{filepath.Join(dir, "talk.vtt"), filepath.Join(dir, "talk.chapters.vtt"), filepath.Join(dir, "talk.srt")}
	if d := cmp.Diff(wantPaths, written); d != "" {
		t.Errorf("written (-want +got):\n%s", d)
	}
	got, err := os.ReadFile(filepath.Join(dir, "talk.chapters.vtt"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(got), "WEBVTT\n\n1\n00:00:00.000 --> 00:00:05.000\nIntro\n\n2\n00:00:05.000 --> ") {
		t.Errorf("chapters track:\n%s", got)
	}
	srtOnly := filepath.Join(dir, "srt")
	if _, err := convert.ConvertFile(in, srtOnly, []convert.Format{convert.SRT}, convert.Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(srtOnly, "talk.chapters.vtt")); err == nil {
		t.Error("a chapters track without WebVTT output")
	}
}

// TestLoadDetects checks that content overrules a misleading name.
func TestLoadDetects(t *testing.T) {
	vtt := "WEBVTT\n\n00:00.000 --> 00:01.000\n<v Ann>Hi</v>\n"
	doc, err := load(strings.NewReader(vtt), "wrong.srt", convert.SRT, convert.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Cues[0].Speaker() != "Ann" {
		t.Errorf("WebVTT named .srt: %+v", doc.Cues)
	}
	if _, err := load(strings.NewReader(vtt), "wrong.srt", convert.SRT, convert.Options{From: convert.SRT}); err == nil {
		t.Error("--from srt did not override detection")
	}
}

// TestConvertAllAtOnce checks that converting to every format at once,
// from shared timing, gives what converting to each on its own gives, and
// that the chapters track follows WebVTT, timed as WebVTT is.
func TestConvertAllAtOnce(t *testing.T) {
	data, err := os.ReadFile("../testdata/000_2e7f89a82c8d846d.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := load(bytes.NewReader(data), "seed.txt", convert.Transcript, convert.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Chapters) == 0 {
		t.Fatal("the seed transcript has no chapters to test the track with")
	}
	fs := []convert.Format{convert.SRT, convert.WebVTT, convert.TTML, convert.Transcript, convert.JSON}
	o := convert.Options{Offset: 3 * time.Second}
	var want []string
	for _, f := range fs {
		b, err := render(doc, f, o)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, string(b))
		if f == convert.WebVTT {
			track, err := convert.Marshal(timedFor(t, doc, convert.WebVTT, o), convert.Chapters, o)
			if err != nil {
				t.Fatal(err)
			}
			want = append(want, string(track))
		}
	}
	got, out, err := renderAll(doc, fs, o)
	if err != nil {
		t.Fatal(err)
	}
	wantFormats := []convert.Format{convert.SRT, convert.WebVTT, convert.Chapters, convert.TTML, convert.Transcript, convert.JSON}
	if d := cmp.Diff(wantFormats, got); d != "" {
		t.Fatalf("Convert() formats (-want +got):\n%s", d)
	}
	for i := range got {
		if string(out[i]) != want[i] {
			t.Errorf("%s differs from converting it alone:\n%s", got[i], cmp.Diff(want[i], string(out[i])))
		}
	}
}

// TestWriteNeedsCues: a transcript read but not converted has no cues, and
// writing it as captions says so instead of writing an empty file.
func TestWriteNeedsCues(t *testing.T) {
	doc, err := convert.Read(strings.NewReader("Ann Lee 0:00:01\nHello there.\n"), convert.Transcript, convert.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []convert.Format{convert.SRT, convert.WebVTT, convert.TTML} {
		if _, err := convert.Marshal(doc, f, convert.Options{}); !errors.Is(err, convert.ErrNotTimed) {
			t.Errorf("Marshal(%s) of segments = %v, want ErrNotTimed", f, err)
		}
	}
	if _, err := convert.Marshal(doc, convert.Transcript, convert.Options{}); err != nil {
		t.Errorf("Marshal(txt) of segments = %v", err)
	}
}

// TestConvertStatedRanges: segments that state their end keep it through
// Convert: an offset moves the end with the start, and the cues timed from
// them stay inside the ranges.
func TestConvertStatedRanges(t *testing.T) {
	doc := &caption.Document{Segments: []caption.Segment{
		{Start: time.Second, End: 3 * time.Second, Speaker: "Ann", Paragraphs: []string{"We shipped it on Tuesday."}},
		{Start: 10 * time.Second, End: 11 * time.Second, Speaker: "Bob", Paragraphs: []string{"Great."}},
	}}
	o := convert.Options{Offset: 2 * time.Second}
	outs, err := convert.Convert(doc, []convert.Format{convert.Transcript, convert.SRT}, o)
	if err != nil {
		t.Fatal(err)
	}
	var ends []time.Duration
	for _, s := range outs[0].Doc.Segments {
		ends = append(ends, s.End)
	}
	if d := cmp.Diff([]time.Duration{5 * time.Second, 13 * time.Second}, ends); d != "" {
		t.Errorf("segment ends after a 2 s offset (-want +got):\n%s", d)
	}
	if doc.Segments[0].End != 3*time.Second {
		t.Errorf("Convert changed its input: End = %v", doc.Segments[0].End)
	}
	cues := outs[1].Doc.Cues
	if len(cues) != 2 {
		t.Fatalf("%d cues, want 2", len(cues))
	}
	for i, c := range cues {
		s := doc.Segments[i]
		if c.Start < s.Start+o.Offset || c.End > s.End+o.Offset {
			t.Errorf("cue %d [%v, %v] is outside its shifted range [%v, %v]", i, c.Start, c.End, s.Start+o.Offset, s.End+o.Offset)
		}
	}
}
