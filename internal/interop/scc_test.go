package interop

import (
	"bytes"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/convert/caption"
)

// SCC is checked apart from the other formats: capconv's own decoding of
// each SCC file it writes is the reference, and each tool must read the
// same captions from it.
//
//   - ffmpeg (5.1) reads SCC with its CEA-608 decoder and writes SRT: the
//     same number of pop-on captions, each shown and cleared within three
//     frames (it takes a line's pairs to act at the line's timecode, which
//     capconv's writer makes exact by starting a line at each end of
//     caption and erase, and reads a drop-frame label as clock time, up to
//     two frames off the frame's own time), and the same text once its
//     layout (a monospace font, {\an7}, \h for the indent) is taken out.
//     Its roll-up rendering repeats rows within a line, so roll-up files
//     are left to ttconv.
//   - ttconv (1.0.5) converts SCC to TTML: the same pop-on captions and
//     text, each time within three frames (it shows a caption a frame or
//     two after the end of caption), with its own renderings of a few
//     characters ("``" for the quotation mark, "━" for the em dash); and
//     for roll-up files (written with non-drop labels, which ttconv reads
//     as clock time), the same rows in the same order, each appearing
//     within 0.75 s of capconv's time (ttconv shows the rows sent in one
//     run from the first carriage return of the run, capconv each row
//     from its first character, a row's length of codes later).

// sccSample is an SCC file capconv wrote and its own reading of it.
type sccSample struct {
	path   string
	rollUp bool
	doc    *caption.Document
}

// latinCaptions are the caption files of testdata/captions written in a
// Latin script, the files the fixed-grid formats (SCC, EBU STL) and iTT
// are checked on.
var latinCaptions = []string{"film-fr-anchorman.srt", "podcast-virtual-coffee-s1e4.srt", "netflix-chicas-del-cable.vtt"}

// writeOwn converts the caption file name of testdata/captions to format
// f under o, writes it to path, and returns capconv's own reading of what
// it wrote, labels left as text: the reference a tool's reading must match.
func writeOwn(t *testing.T, name string, f convert.Format, o convert.Options, path string) *caption.Document {
	t.Helper()
	in := filepath.Join("../../testdata/captions", name)
	data, err := os.ReadFile(in)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := convert.ReadBytes(data, "", convert.Options{File: in})
	if err != nil {
		t.Fatal(err)
	}
	outs, err := convert.Convert(doc, []convert.Format{f}, o)
	if err != nil {
		t.Fatal(err)
	}
	b, err := convert.Marshal(outs[0].Doc, f, o)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	back, err := convert.Read(bytes.NewReader(b), f, convert.Options{File: path, Labels: convert.LabelNone})
	if err != nil {
		t.Fatalf("capconv cannot read its own %s: %v", path, err)
	}
	return back
}

// ttconvToTTML converts path to TTML with ttconv (args before -o, such as
// the input type) and returns capconv's reading of the TTML it wrote.
func ttconvToTTML(t *testing.T, path string, args ...string) *caption.Document {
	t.Helper()
	out := strings.TrimSuffix(path, filepath.Ext(path)) + ".ttml"
	cmd := exec.Command("ttconv", append(append([]string{"convert", "-i", path}, args...), "-o", out)...)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("ttconv: %v\n%s", err, msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	back, err := convert.Read(bytes.NewReader(data), convert.TTML, convert.Options{File: out, Labels: convert.LabelNone})
	if err != nil {
		t.Fatalf("reading ttconv's TTML: %v", err)
	}
	return back
}

// sccSamples writes each caption file of testdata/captions with Latin
// text as SCC, pop-on with drop-frame labels and roll-up with non-drop
// ones, and reads each back.
func sccSamples(t *testing.T) []sccSample {
	t.Helper()
	dir := t.TempDir()
	var out []sccSample
	for _, name := range latinCaptions {
		for _, rollUp := range []bool{false, true} {
			p := filepath.Join(dir, strings.TrimSuffix(name, filepath.Ext(name)))
			if rollUp {
				p += "-rollup"
			}
			p += ".scc"
			o := convert.Options{SCCRollUp: rollUp, NonDropFrame: rollUp}
			out = append(out, sccSample{p, rollUp, writeOwn(t, name, convert.SCC, o, p)})
		}
	}
	return out
}

// sccFrame is one frame of SCC's 29.97 fps.
const sccFrame = time.Second * 1001 / 30000

// sccText joins a cue's rows as a tool shows them, one space between
// words.
func sccText(rows []string) string {
	for i, r := range rows {
		rows[i] = strings.Join(strings.Fields(r), " ")
	}
	return strings.Join(rows, "\n")
}

// compareShown checks a tool's reading of a file capconv wrote against
// capconv's own: count, times within slack, the text shown.
func compareShown(t *testing.T, name string, want, got *caption.Document, slack time.Duration, norm func(string) string) {
	t.Helper()
	if len(got.Cues) != len(want.Cues) {
		t.Errorf("%s: %d captions, capconv reads %d", name, len(got.Cues), len(want.Cues))
	}
	shown := convert.ShownText(want, "")
	bad := 0
	for i := 0; i < min(len(got.Cues), len(want.Cues)) && bad < 5; i++ {
		g, w := got.Cues[i], want.Cues[i]
		var rows []string
		for _, l := range g.Lines {
			rows = append(rows, l.Text)
		}
		gt, wt := norm(sccText(rows)), norm(sccText(shown[i]))
		if (g.Start-w.Start).Abs() > slack || (g.End-w.End).Abs() > slack || gt != wt {
			t.Errorf("%s: caption %d: tool %s --> %s %q, capconv %s --> %s %q", name, i+1, g.Start, g.End, gt, w.Start, w.End, wt)
			bad++
		}
	}
}

func TestFFmpegSCC(t *testing.T) {
	_, err := exec.LookPath("ffmpeg")
	need(t, err == nil, "ffmpeg")
	layout := strings.NewReplacer(`\h`, " ", `<font face="Monospace">`, "", "</font>", "")
	for _, s := range sccSamples(t) {
		if s.rollUp {
			continue
		}
		t.Run(filepath.Base(s.path), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			cmd := exec.Command("ffmpeg", "-nostdin", "-v", "warning", "-i", s.path, "-f", "srt", "-")
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("ffmpeg: %v\n%s", err, stderr.String())
			}
			if stderr.Len() > 0 {
				t.Errorf("ffmpeg warned:\n%s", stderr.String())
			}
			back, err := convert.Read(strings.NewReader(layout.Replace(stdout.String())), convert.SRT, convert.Options{File: "ffmpeg output", Labels: convert.LabelNone})
			if err != nil {
				t.Fatalf("reading ffmpeg's SRT: %v", err)
			}
			// ffmpeg draws the em dash as a hyphen.
			norm := strings.NewReplacer("—", "-", "’", "'").Replace
			compareShown(t, filepath.Base(s.path), s.doc, back, 3*sccFrame, norm)
		})
	}
}

func TestTTConvSCC(t *testing.T) {
	_, err := exec.LookPath("ttconv")
	need(t, err == nil, "ttconv (python3-ttconv)")
	for _, s := range sccSamples(t) {
		t.Run(filepath.Base(s.path), func(t *testing.T) {
			back := ttconvToTTML(t, s.path)
			if s.rollUp {
				compareRows(t, filepath.Base(s.path), s.doc, back, labelClock, 750*time.Millisecond, ttconvSCCText)
				return
			}
			compareShown(t, filepath.Base(s.path), s.doc, back, 3*sccFrame, ttconvSCCText)
		})
	}
}

// labelClock is the time both tools give a non-drop-frame label: its
// frames counted at 30 a second, as if the label were clock time (it runs
// 3.6 s an hour behind the 29.97 fps frames it counts).
func labelClock(t time.Duration) time.Duration {
	frames := math.Round(t.Seconds() * 30000 / 1001)
	return time.Duration(frames / 30 * float64(time.Second))
}

// compareRows checks a tool's reading of a roll-up file, whose captions
// are windows of rows scrolling up, against capconv's, a cue per row:
// the rows in the order they appear, and when each first appears.
func compareRows(t *testing.T, name string, want, got *caption.Document, clock func(time.Duration) time.Duration, slack time.Duration, norm func(string) string) {
	t.Helper()
	type row struct {
		text string
		at   time.Duration
	}
	var wantRows, gotRows []row
	for i, lines := range convert.ShownText(want, "") {
		wantRows = append(wantRows, row{norm(sccText(lines)), clock(want.Cues[i].Start)})
	}
	var last []string
	for _, c := range got.Cues {
		var now []string
		for _, l := range c.Lines {
			now = append(now, norm(sccText([]string{l.Text})))
		}
		// The rows the window held before have scrolled up: the new ones
		// follow the longest end of the last window that starts this one.
		kept := 0
		for k := min(len(last), len(now)); k > 0; k-- {
			if slices.Equal(last[len(last)-k:], now[:k]) {
				kept = k
				break
			}
		}
		for _, text := range now[kept:] {
			gotRows = append(gotRows, row{text, c.Start})
		}
		last = now
	}
	// A row said twice running ("[phone]", "[phone]") reads as one in a
	// window that scrolls: keep one of each on both sides.
	same := func(a, b row) bool { return a.text == b.text }
	wantRows, gotRows = slices.CompactFunc(wantRows, same), slices.CompactFunc(gotRows, same)
	if len(gotRows) != len(wantRows) {
		t.Errorf("%s: %d rows, capconv reads %d", name, len(gotRows), len(wantRows))
	}
	bad := 0
	for i := 0; i < min(len(gotRows), len(wantRows)) && bad < 5; i++ {
		g, w := gotRows[i], wantRows[i]
		if g.text != w.text || (g.at-w.at).Abs() > slack {
			t.Errorf("%s: row %d: tool %s %q, capconv %s %q", name, i+1, g.at, g.text, w.at, w.text)
			bad++
		}
	}
}

// ttconvSCCText undoes ttconv's renderings of a few CEA-608 characters.
func ttconvSCCText(s string) string {
	return strings.NewReplacer("``", `"`, "━", "—", "┃", "¦", "’", "'").Replace(s)
}
