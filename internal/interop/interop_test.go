package interop

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/convert/caption"
)

// What each tool checks, and what it cannot:
//
//   - ffmpeg (5.1) reads SRT, WebVTT and ASS and re-writes them as WebVTT,
//     which capconv's reader compares with its own reading: cue count,
//     times within 1 ms, text. It cannot see speakers (it drops <v> and
//     the ASS Name field), cue identifiers or the title, and it does not
//     read TTML at all; it drops an SRT or WebVTT cue without text.
//   - srt (python3-srt 3.5) parses SRT strictly (index, timing, content):
//     count, times and text including the speaker labels. It knows no
//     label convention, so it cannot tell a label from text.
//   - webvtt-py (python3-webvtt 0.4.6) parses WebVTT: count, times, text
//     with tags stripped. Version 0.4 has no voice API and does not decode
//     character references, so check.py decodes them and reads the voices
//     out of the raw text with a regular expression; it does not check
//     cue settings or that voice spans are well nested.
//   - ttconv (python3-ttconv 1.0.5) reads TTML/DFXP with its IMSC reader:
//     no warning, the same number of <p>, every time among its
//     significant times (within 1 ms), and each cue's text in the
//     document ttconv renders at the cue's begin time. It does not check
//     ttm:agent (IMSC ignores it) nor the DFXP profile designator. To keep
//     the test fast, the rendering runs on chunks of 50 cues written by
//     the same writer (ttconv's rendering is quadratic in the document's
//     length), and a DFXP sample is rendered only through its TTML twin,
//     the same document under another header.

// requireTools reports whether a missing tool fails the test.
var requireTools = os.Getenv("CAPCONV_REQUIRE_INTEROP") == "1"

// python is Debian's interpreter, where the packages are; the python3 on
// PATH may be another one without them.
const python = "/usr/bin/python3"

func need(t *testing.T, ok bool, what string) {
	t.Helper()
	if ok {
		return
	}
	if requireTools {
		t.Fatalf("%s is not installed and CAPCONV_REQUIRE_INTEROP=1", what)
	}
	t.Skipf("%s is not installed", what)
}

func hasPythonModule(m string) bool {
	return exec.Command(python, "-c", "import "+m).Run() == nil
}

// sample is one file fed to the tools and capconv's own reading of it.
type sample struct {
	name   string
	path   string
	format convert.Format
	doc    *caption.Document // read with LabelNone: the text as written
}

var (
	samplesOnce sync.Once
	samplesList []sample
	samplesErr  error
	samplesDir  string
)

// samples returns every golden output (testdata/*.golden.*) and the
// conversion of every file of testdata/captions to each caption format.
func samples(t *testing.T) []sample {
	t.Helper()
	samplesOnce.Do(func() {
		dir, err := os.MkdirTemp("", "capconv-interop")
		if err != nil {
			samplesErr = err
			return
		}
		samplesDir = dir
		samplesList, samplesErr = makeSamples(dir)
	})
	if samplesErr != nil {
		t.Fatal(samplesErr)
	}
	return samplesList
}

func TestMain(m *testing.M) {
	code := m.Run()
	if samplesDir != "" {
		os.RemoveAll(samplesDir)
	}
	os.Exit(code)
}

var outFormats = []convert.Format{convert.SRT, convert.WebVTT, convert.TTML, convert.DFXP, convert.ASS}

func makeSamples(dir string) ([]sample, error) {
	var out []sample
	goldens, _ := filepath.Glob("../../testdata/*.golden.*")
	// The format matrix: styled, placed and dialogue cues in every format.
	matrix, _ := filepath.Glob("../../testdata/matrix/*/out.*")
	goldens = append(goldens, matrix...)
	for _, g := range goldens {
		f, ok := convert.FormatFromPath(g)
		if !ok || !slicesContains(outFormats, f) {
			continue
		}
		name := filepath.Base(g)
		if strings.Contains(g, "/matrix/") {
			name = "matrix/" + filepath.Base(filepath.Dir(g)) + "/" + name
		}
		s, err := readSample(name, g, f)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	inputs, _ := filepath.Glob("../../testdata/captions/*")
	for _, in := range inputs {
		data, err := os.ReadFile(in)
		if err != nil {
			return nil, err
		}
		doc, err := convert.ReadBytes(data, "", convert.Options{File: in})
		if err != nil {
			return nil, err
		}
		for _, f := range outFormats {
			out1, err := render(doc, f)
			if err != nil {
				return nil, err
			}
			name := strings.TrimSuffix(filepath.Base(in), filepath.Ext(in)) + "-" + strings.TrimPrefix(filepath.Ext(in), ".") + f.Ext()
			p := filepath.Join(dir, name)
			if err := os.WriteFile(p, out1, 0o644); err != nil {
				return nil, err
			}
			s, err := readSample("captions/"+name, p, f)
			if err != nil {
				return nil, err
			}
			out = append(out, s)
		}
	}
	return out, nil
}

func slicesContains(fs []convert.Format, f convert.Format) bool {
	for _, g := range fs {
		if g == f {
			return true
		}
	}
	return false
}

func readSample(name, path string, f convert.Format) (sample, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return sample{}, err
	}
	doc, err := convert.Read(bytes.NewReader(data), f, convert.Options{File: path})
	if err != nil {
		return sample{}, fmt.Errorf("capconv cannot read its own %s: %w", name, err)
	}
	return sample{name: name, path: path, format: f, doc: doc}, nil
}

// toolCue is a cue as a tool read it.
type toolCue struct {
	Start  float64  `json:"start"`
	End    float64  `json:"end"`
	Text   string   `json:"text"`
	Voices []string `json:"voices"`
}

// cueText joins a cue's lines as the tools do.
func cueText(c caption.Cue) string {
	var lines []string
	for _, l := range c.Lines {
		lines = append(lines, l.Text)
	}
	return strings.Join(lines, "\n")
}

// within1ms reports whether a time in seconds is d within a millisecond.
func within1ms(sec float64, d time.Duration) bool {
	diff := time.Duration(math.Round(sec*float64(time.Second))) - d
	return diff.Abs() <= time.Millisecond
}

// compareCues checks count, times and text of a tool's cues against ours.
func compareCues(t *testing.T, s sample, got []toolCue) {
	t.Helper()
	want, texts, withRuby := s.doc.Cues, shownTexts(s.doc, false), shownTexts(s.doc, true)
	if s.format == convert.ASS {
		_, withRuby = assEvents(want, withRuby)
		want, texts = assEvents(want, texts)
	}
	if len(got) != len(want) {
		t.Errorf("%s: %d cues, capconv reads %d", s.name, len(got), len(want))
	}
	bad := 0
	for i := 0; i < min(len(got), len(want)) && bad < 5; i++ {
		g, w := got[i], want[i]
		// Tools without ruby show its annotation after its base.
		text := strings.TrimSpace(g.Text)
		if !within1ms(g.Start, w.Start) || !within1ms(g.End, w.End) || text != texts[i] && text != withRuby[i] {
			t.Errorf("%s: cue %d: tool %.3f --> %.3f %q, capconv %s --> %s %q", s.name, i+1, g.Start, g.End, g.Text, w.Start, w.End, texts[i])
			bad++
		}
	}
}

// assEvents splits cues as the ASS writer does, into one event per run of
// lines of one speaker, with the text each shows: what a tool other than
// capconv reads.
func assEvents(cues []caption.Cue, texts []string) ([]caption.Cue, []string) {
	var out []caption.Cue
	var outTexts []string
	for k, c := range cues {
		lines := strings.Split(texts[k], "\n")
		start := 0
		for i := 1; i <= len(c.Lines); i++ {
			if i == len(c.Lines) || c.Lines[i].Speaker != c.Lines[start].Speaker {
				e := c
				e.Lines = c.Lines[start:i]
				out = append(out, e)
				outTexts = append(outTexts, strings.Join(lines[start:i], "\n"))
				start = i
			}
		}
		if len(c.Lines) == 0 {
			out = append(out, c)
			outTexts = append(outTexts, "")
		}
	}
	return out, outTexts
}

// shownTexts returns the text each of d's cues shows, lines joined by
// newlines, speaker labels and dialogue dashes as capconv writes them;
// withRuby puts each ruby annotation after its base, as a tool that knows
// no ruby shows it.
func shownTexts(d *caption.Document, withRuby bool) []string {
	var out []string
	for i, lines := range convert.ShownText(d, "") {
		if withRuby {
			for j, l := range d.Cues[i].Lines {
				var b strings.Builder
				for _, r := range l.Runs() {
					b.WriteString(r.Text + r.Style.Ruby)
				}
				lines[j] = strings.TrimSuffix(lines[j], l.Text) + b.String()
			}
		}
		out = append(out, strings.Join(lines, "\n"))
	}
	return out
}

// srtMarkup is the markup python3-srt leaves in a cue's text, which
// players honour: tags, {\anN} and the word joiner capconv writes after
// a "<" or "{" of text.
var srtMarkup = regexp.MustCompile(`</?(?i:i|b|u|font)(?:[ \t][^>]*)?>|\{\\an?[0-9]+\}`)

// withoutSRTMarkup returns text as a player shows it.
func withoutSRTMarkup(text string) string {
	text = srtMarkup.ReplaceAllString(text, "")
	return strings.NewReplacer("<\u2060", "<", "{\u2060", "{").Replace(text)
}

// TestFFmpeg converts every SRT, WebVTT and ASS sample to WebVTT with
// ffmpeg and compares what it wrote with capconv's reading.
func TestFFmpeg(t *testing.T) {
	_, err := exec.LookPath("ffmpeg")
	need(t, err == nil, "ffmpeg")
	for _, s := range samples(t) {
		if s.format == convert.TTML || s.format == convert.DFXP {
			continue // ffmpeg has no TTML demuxer
		}
		t.Run(s.name, func(t *testing.T) {
			if data, _ := os.ReadFile(s.path); s.format == convert.WebVTT && bytes.Contains(data, []byte("\nSTYLE\n")) {
				// ffmpeg 5.1's demuxer reads no cue of a file with a STYLE
				// or REGION block, valid as they are (docs/formats.md).
				t.Skip("ffmpeg 5.1 reads no cue of a WebVTT file with a STYLE block")
			}
			var stdout, stderr bytes.Buffer
			// SRT out: ffmpeg escapes nothing it writes in WebVTT, so
			// "<inaudible>" would come back as a tag.
			cmd := exec.Command("ffmpeg", "-nostdin", "-v", "warning", "-i", s.path, "-f", "srt", "-")
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("ffmpeg: %v\n%s", err, stderr.String())
			}
			if stderr.Len() > 0 {
				t.Errorf("ffmpeg warned:\n%s", stderr.String())
			}
			back, err := convert.Read(&stdout, convert.SRT, convert.Options{File: "ffmpeg output", Labels: convert.LabelNone})
			if err != nil {
				t.Fatalf("reading ffmpeg's SRT: %v", err)
			}
			var got []toolCue
			for _, c := range back.Cues {
				text := cueText(c)
				// ffmpeg keeps the backslash of ASS's escaped braces, and
				// escapes WebVTT's braces the same way.
				text = strings.NewReplacer(`\{`, "{", `\}`, "}").Replace(text)
				got = append(got, toolCue{Start: c.Start.Seconds(), End: c.End.Seconds(), Text: text})
			}
			if s.format != convert.ASS {
				s = withText(s)
			}
			compareCues(t, s, got)
		})
	}
}

// withText returns s with only the cues that show some text: ffmpeg's SRT
// and WebVTT demuxers drop a cue with none, such as the empty placeholder
// a live-caption file starts with (its ASS demuxer keeps the event).
func withText(s sample) sample {
	doc := *s.doc
	doc.Cues = nil
	for _, c := range s.doc.Cues {
		if strings.TrimSpace(cueText(c)) != "" {
			doc.Cues = append(doc.Cues, c)
		}
	}
	s.doc = &doc
	return s
}

// pythonJob is one request to check.py.
type pythonJob struct {
	Kind   string `json:"kind"`
	Path   string `json:"path"`
	Render bool   `json:"render,omitempty"`
}

// shownAt is what ttconv shows at a time: [seconds, [texts]].
type shownAt struct {
	At    float64
	Texts []string
}

// UnmarshalJSON reads the pair.
func (s *shownAt) UnmarshalJSON(b []byte) error {
	var pair [2]json.RawMessage
	if err := json.Unmarshal(b, &pair); err != nil {
		return err
	}
	if err := json.Unmarshal(pair[0], &s.At); err != nil {
		return err
	}
	return json.Unmarshal(pair[1], &s.Texts)
}

// pythonResult is check.py's answer to a job.
type pythonResult struct {
	Cues       []toolCue `json:"cues"`
	Paragraphs int       `json:"paragraphs"`
	Times      []float64 `json:"times"`
	Shown      []shownAt `json:"shown"`
	Warnings   []string  `json:"warnings"`
	Error      string    `json:"error"`
}

// runPython runs check.py on jobs in two processes, one per core, and
// returns the results in the order of jobs.
func runPython(t *testing.T, jobs []pythonJob) []pythonResult {
	t.Helper()
	if len(jobs) < 2 {
		return runPython1(t, jobs)
	}
	var even, odd []pythonJob
	for i, j := range jobs {
		if i%2 == 0 {
			even = append(even, j)
		} else {
			odd = append(odd, j)
		}
	}
	var wg sync.WaitGroup
	var oddOut []pythonResult
	var oddErr string
	wg.Add(1)
	go func() {
		defer wg.Done()
		oddOut, oddErr = runPythonProcess(odd)
	}()
	evenOut, evenErr := runPythonProcess(even)
	wg.Wait()
	if evenErr != "" || oddErr != "" {
		t.Fatal(evenErr + oddErr)
	}
	out := make([]pythonResult, len(jobs))
	for i := range out {
		if i%2 == 0 {
			out[i] = evenOut[i/2]
		} else {
			out[i] = oddOut[i/2]
		}
	}
	return out
}

// runPython1 runs check.py on jobs in one process.
func runPython1(t *testing.T, jobs []pythonJob) []pythonResult {
	t.Helper()
	out, err := runPythonProcess(jobs)
	if err != "" {
		t.Fatal(err)
	}
	return out
}

// runPythonProcess runs one check.py process, returning its results or
// what went wrong.
func runPythonProcess(jobs []pythonJob) ([]pythonResult, string) {
	var in bytes.Buffer
	enc := json.NewEncoder(&in)
	for _, j := range jobs {
		if err := enc.Encode(j); err != nil {
			return nil, err.Error()
		}
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(python, "check.py")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = &in, &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Sprintf("check.py: %v\n%s", err, stderr.String())
	}
	var out []pythonResult
	sc := bufio.NewScanner(&stdout)
	sc.Buffer(nil, 1<<28)
	for sc.Scan() {
		var r pythonResult
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, err.Error()
		}
		out = append(out, r)
	}
	if len(out) != len(jobs) {
		return nil, fmt.Sprintf("check.py answered %d of %d jobs\n%s", len(out), len(jobs), stderr.String())
	}
	return out, ""
}

// testPythonParser feeds every sample of format f to check.py's kind.
func testPythonParser(t *testing.T, kind, module string, f convert.Format, voices bool) {
	need(t, hasPythonModule(module), "python3-"+module+" (for "+python+")")
	var ss []sample
	var jobs []pythonJob
	for _, s := range samples(t) {
		if s.format == f {
			ss = append(ss, s)
			jobs = append(jobs, pythonJob{Kind: kind, Path: s.path})
		}
	}
	for i, r := range runPython(t, jobs) {
		s := ss[i]
		t.Run(s.name, func(t *testing.T) {
			if r.Error != "" {
				t.Fatalf("%s refused the file: %s", module, r.Error)
			}
			if len(r.Warnings) > 0 {
				t.Errorf("%s warned: %q", module, r.Warnings)
			}
			if f == convert.SRT {
				for i := range r.Cues {
					r.Cues[i].Text = withoutSRTMarkup(r.Cues[i].Text)
				}
			}
			compareCues(t, s, r.Cues)
			if !voices {
				return
			}
			for i := 0; i < min(len(r.Cues), len(s.doc.Cues)); i++ {
				var want []string
				for j, l := range s.doc.Cues[i].Lines {
					if l.Speaker != "" && (j == 0 || s.doc.Cues[i].Lines[j-1].Speaker != l.Speaker) {
						want = append(want, l.Speaker)
					}
				}
				if strings.Join(want, "|") != strings.Join(r.Cues[i].Voices, "|") {
					t.Errorf("cue %d: voices %q, capconv %q", i+1, r.Cues[i].Voices, want)
					break
				}
			}
		})
	}
}

func TestPythonSRT(t *testing.T) { testPythonParser(t, "srt", "srt", convert.SRT, false) }

func TestPythonWebVTT(t *testing.T) { testPythonParser(t, "webvtt", "webvtt", convert.WebVTT, true) }

// ttconvChunk is the most cues rendered per TTML file: each rendering by
// ttconv walks the whole document, so rendering a long file at every cue
// is quadratic, and chunks keep it linear.
const ttconvChunk = 50

// TestTTConv reads every TTML and DFXP sample with ttconv, and renders
// each document, in chunks, at every significant time.
func TestTTConv(t *testing.T) {
	need(t, hasPythonModule("ttconv"), "python3-ttconv (for "+python+")")
	type check struct {
		s    sample
		cues []caption.Cue // the cues of a rendered chunk; nil for a whole file
	}
	var checks []check
	var jobs []pythonJob
	dir := t.TempDir()
	rendered := map[string]bool{}
	for _, s := range samples(t) {
		if s.format != convert.TTML && s.format != convert.DFXP {
			continue
		}
		checks = append(checks, check{s: s})
		jobs = append(jobs, pythonJob{Kind: "ttconv", Path: s.path})
		// Render each document once: DFXP output is the TTML one under
		// another header, and the NOVA SRT and DFXP give the same TTML.
		key := fmt.Sprint(s.doc.Cues)
		if rendered[key] {
			continue
		}
		rendered[key] = true
		full, err := convert.Read(mustOpen(t, s.path), s.format, convert.Options{Labels: convert.LabelNone})
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < len(full.Cues); i += ttconvChunk {
			part := *full
			part.Cues = full.Cues[i:min(i+ttconvChunk, len(full.Cues))]
			p := filepath.Join(dir, fmt.Sprintf("%s-%d%s", strings.ReplaceAll(s.name, "/", "_"), i, s.format.Ext()))
			var b bytes.Buffer
			if err := convert.Write(&b, &part, s.format, convert.Options{}); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			checks = append(checks, check{s: sample{name: fmt.Sprintf("%s cues %d+", s.name, i+1), path: p}, cues: part.Cues})
			jobs = append(jobs, pythonJob{Kind: "ttconv", Path: p, Render: true})
		}
	}
	for i, r := range runPython(t, jobs) {
		c := checks[i]
		t.Run(c.s.name, func(t *testing.T) {
			if r.Error != "" {
				t.Fatalf("ttconv refused the file: %s", r.Error)
			}
			if len(r.Warnings) > 0 {
				t.Errorf("ttconv warned: %q", r.Warnings)
			}
			if c.cues != nil {
				checkRendered(t, c.cues, r.Shown)
				return
			}
			if r.Paragraphs != len(c.s.doc.Cues) {
				t.Errorf("ttconv read %d <p>, capconv %d cues", r.Paragraphs, len(c.s.doc.Cues))
			}
			checkTimes(t, c.s.doc.Cues, r.Times)
		})
	}
}

func mustOpen(t *testing.T, path string) *os.File {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// checkTimes checks that every begin and end of cues is one of ttconv's
// significant times, within a millisecond, and that ttconv has no other.
func checkTimes(t *testing.T, cues []caption.Cue, times []float64) {
	t.Helper()
	sort.Float64s(times)
	has := func(d time.Duration) bool {
		for i := sort.SearchFloat64s(times, d.Seconds()-0.002); i < len(times) && times[i] <= d.Seconds()+0.002; i++ {
			if within1ms(times[i], d) {
				return true
			}
		}
		return false
	}
	ours := map[int64]bool{0: true} // ttconv counts the document's start
	for i, c := range cues {
		for _, d := range []time.Duration{c.Start, c.End} {
			ours[d.Round(time.Millisecond).Milliseconds()] = true
			if !has(d) {
				t.Errorf("cue %d: time %s is not among ttconv's significant times", i+1, d)
				return
			}
		}
	}
	if len(times) != len(ours) {
		t.Errorf("ttconv has %d significant times, capconv's cues %d", len(times), len(ours))
	}
}

// checkRendered checks that each cue's text is shown at its begin time.
func checkRendered(t *testing.T, cues []caption.Cue, shown []shownAt) {
	t.Helper()
	for i, c := range cues {
		k := sort.Search(len(shown), func(k int) bool { return shown[k].At >= c.Start.Seconds()-0.001 })
		var texts []string
		for ; k < len(shown) && within1ms(shown[k].At, c.Start); k++ {
			texts = append(texts, shown[k].Texts...)
		}
		want := cueText(c)
		if strings.TrimSpace(want) == "" || c.End == c.Start {
			continue // nothing to show
		}
		// check.py joins every text of the ISD, a ruby's annotation after
		// its base.
		withRuby := shownTexts(&caption.Document{Cues: []caption.Cue{c}}, true)[0]
		found := false
		for _, s := range texts {
			found = found || s == want || s == withRuby
		}
		if !found {
			t.Errorf("cue %d at %s: %q not shown by ttconv; it shows %q", i+1, c.Start, want, texts)
			return
		}
	}
}

// render returns doc converted to and written in format f, as the
// command does.
func render(doc *caption.Document, f convert.Format) ([]byte, error) {
	outs, err := convert.Convert(doc, []convert.Format{f}, convert.Options{})
	if err != nil {
		return nil, err
	}
	return convert.Marshal(outs[0].Doc, f, convert.Options{})
}

// noInterop names the formats capconv writes that no third-party parser
// here reads, and why; every other written format must be in outFormats.
var noInterop = map[convert.Format]string{
	convert.JSON:       "capconv's own schema: no other program reads it",
	convert.Transcript: "a start-only transcript: no caption parser reads it",
	convert.Chapters:   "a WebVTT file of chapter titles, written by the WebVTT cue writer that TestPythonWebVTT and TestFFmpeg check",
}

// checkedApart names the formats whose interop tests are their own, and
// which they are.
var checkedApart = map[convert.Format]string{
	convert.SCC: "TestFFmpegSCC and TestTTConvSCC (scc_test.go)",
	convert.ITT: "TestTTConvITT (itt_test.go)",
	convert.STL: "TestTTConvSTL (itt_test.go)",
}

// TestEveryFormatHasInterop fails when a format capconv writes has no
// third-party parser checking it and no reason why.
func TestEveryFormatHasInterop(t *testing.T) {
	for _, f := range convert.WritableFormats() {
		_, own := checkedApart[f]
		if _, ok := noInterop[f]; !ok && !own && !slicesContains(outFormats, f) {
			t.Errorf("%s: capconv writes it, but no interop test reads it (add it to outFormats or to noInterop with a reason)", f)
		}
	}
}
