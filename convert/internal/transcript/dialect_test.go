package transcript

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/captest"
	"github.com/capconv/capconv/convert/internal/text"
	"github.com/google/go-cmp/cmp"
)

func at(line int) caption.Position { return caption.Position{File: "t.txt", Line: line} }

func seg(start time.Duration, speaker string, line int, paras ...string) caption.Segment {
	return caption.Segment{Start: start, Speaker: speaker, Paragraphs: paras, Pos: at(line)}
}

// TestReadDialects reads a short sample of every dialect, detected.
func TestReadDialects(t *testing.T) {
	tests := []struct {
		dialect string
		in      string
		want    *caption.Document
		reason  string
	}{
		{
			dialect: "speaker-line",
			in:      "Ann Lee 0:00:01\nHello.\n\nBob 0:00:04\nHi.",
			want:    &caption.Document{Segments: []caption.Segment{seg(sec(1), "Ann Lee", 1, "Hello."), seg(sec(4), "Bob", 4, "Hi.")}},
		},
		{
			dialect: "rev",
			in:      "Lenny Rachitsky (00:00:00):\nThe work.\n\nKeith Coleman (00:00:09):\nSomeone on X.\nMore.\n",
			want: &caption.Document{Segments: []caption.Segment{
				seg(0, "Lenny Rachitsky", 1, "The work."),
				seg(sec(9), "Keith Coleman", 4, "Someone on X. More."),
			}},
		},
		{
			dialect: "rev-inline",
			in:      "Ann Lee (00:00:01) Hello there.\nBob (00:00:04): Hi.\n",
			want:    &caption.Document{Segments: []caption.Segment{seg(sec(1), "Ann Lee", 1, "Hello there."), seg(sec(4), "Bob", 2, "Hi.")}},
		},
		{
			dialect: "otter",
			in:      "Emma  0:00  \ncryptography is the method\n\nUnknown Speaker  34:23  \nYeah, okay. Agreed\n\nTranscribed by https://otter.ai\n",
			want: &caption.Document{Segments: []caption.Segment{
				seg(0, "Emma", 1, "cryptography is the method"),
				seg(34*time.Minute+sec(23), "Unknown Speaker", 4, "Yeah, okay. Agreed"),
			}},
			reason: "the Otter signature is not speech",
		},
		{
			dialect: "bracketed",
			in:      "[Speaker 1] [59:58] far as I can tell\n[Speaker 2] [59:58] know, as\n[Speaker 2] [1:00:02] Everyone sounds fine.",
			want: &caption.Document{Segments: []caption.Segment{
				seg(59*time.Minute+sec(58), "Speaker 1", 1, "far as I can tell"),
				seg(59*time.Minute+sec(58), "Speaker 2", 2, "know, as"),
				seg(time.Hour+sec(2), "Speaker 2", 3, "Everyone sounds fine."),
			}},
			reason: "duplicate times are kept, and the width changes after an hour",
		},
		{
			dialect: "markdown",
			in:      "**Emma** [0:00] Today we&#39;re talking &quot;tea&quot;.\n\n**Kelly** [0:18] Welcome [talking about] it.\n",
			want: &caption.Document{Segments: []caption.Segment{
				seg(0, "Emma", 1, `Today we're talking "tea".`),
				seg(sec(18), "Kelly", 3, "Welcome [talking about] it."),
			}},
			reason: "HTML entities are decoded; editorial brackets stay",
		},
		{
			dialect: "markdown-label",
			in:      "**[00:01] SPEAKER_00:** All right.\n\n**[1:11:13] SPEAKER_02:** Thank you.\n",
			want: &caption.Document{Segments: []caption.Segment{
				seg(sec(1), "SPEAKER_00", 1, "All right."),
				seg(time.Hour+11*time.Minute+sec(13), "SPEAKER_02", 3, "Thank you."),
			}},
		},
		{
			dialect: "time-name",
			in:      "[00:00:05] Ann Lee: Hello.\n[00:00:07.5] Bob: Hi: there.\n",
			want: &caption.Document{Segments: []caption.Segment{
				seg(sec(5), "Ann Lee", 1, "Hello."),
				seg(sec(7.5), "Bob", 2, "Hi: there."),
			}},
			reason: "fractional seconds; a colon in the text stays text",
		},
		{
			dialect: "time-markdown",
			in:      "0:00:14.3 **Emma Lee** Hello &amp; welcome.\n\n0:00:20.1 **Kelly** Thanks.\n",
			want: &caption.Document{Segments: []caption.Segment{
				seg(sec(14.3), "Emma Lee", 1, "Hello & welcome."),
				seg(sec(20.1), "Kelly", 3, "Thanks."),
			}},
		},
		{
			dialect: "whisper",
			in:      "[00:00.000 --> 00:04.000]  And so my fellow Americans,\n[00:04.000 --> 00:08.500]  ask not.\n",
			want: &caption.Document{Segments: []caption.Segment{
				{Start: 0, End: sec(4), Paragraphs: []string{"And so my fellow Americans,"}, Pos: at(1)},
				{Start: sec(4), End: sec(8.5), Paragraphs: []string{"ask not."}, Pos: at(2)},
			}},
			reason: "ranges keep their ends",
		},
		{
			dialect: "name-time",
			in:      "Ann Lee: [00:01] Hello.\nBob: [00:04] Hi there: friend.\n",
			want: &caption.Document{Segments: []caption.Segment{
				seg(sec(1), "Ann Lee", 1, "Hello."),
				seg(sec(4), "Bob", 2, "Hi there: friend."),
			}},
		},
		{
			dialect: "speaker-inline",
			in:      "Ann Lee 00:00:01 Hello, we meet at 10:30.\nBob 00:00:04 Hi.\nAnn Lee 00:00:09 Bye.\n",
			want: &caption.Document{Segments: []caption.Segment{
				seg(sec(1), "Ann Lee", 1, "Hello, we meet at 10:30."),
				seg(sec(4), "Bob", 2, "Hi."),
				seg(sec(9), "Ann Lee", 3, "Bye."),
			}},
		},
		{
			dialect: "name-then-time",
			in:      "Ann Lee\n00:00:01\nHello.\n\nBob\n00:00:04\nHi.\n\nAnn Lee\n00:00:09\nBye.\n",
			want: &caption.Document{Segments: []caption.Segment{
				seg(sec(1), "Ann Lee", 2, "Hello."),
				seg(sec(4), "Bob", 6, "Hi."),
				seg(sec(9), "Ann Lee", 10, "Bye."),
			}},
		},
		{
			dialect: "time-then-name",
			in:      "00:00:01\nAnn Lee\nHello.\n\n00:00:04\nBob\nHi.\n\n00:00:09\nAnn Lee\nBye.\n",
			want: &caption.Document{Segments: []caption.Segment{
				seg(sec(1), "Ann Lee", 1, "Hello."),
				seg(sec(4), "Bob", 5, "Hi."),
				seg(sec(9), "Ann Lee", 9, "Bye."),
			}},
		},
		{
			dialect: "teams",
			in:      "0:0:0.0 --> 0:0:5.460\nAnn Lee\nHello.\n\n0:0:5.460 --> 0:0:8.100\nBob\nHi.\n\n0:1:8.100 --> 0:1:12.0\nAnn Lee\nBye.\n",
			want: &caption.Document{Segments: []caption.Segment{
				{Start: 0, End: sec(5.46), Speaker: "Ann Lee", Paragraphs: []string{"Hello."}, Pos: at(1)},
				{Start: sec(5.46), End: sec(8.1), Speaker: "Bob", Paragraphs: []string{"Hi."}, Pos: at(5)},
				{Start: time.Minute + sec(8.1), End: time.Minute + sec(12), Speaker: "Ann Lee", Paragraphs: []string{"Bye."}, Pos: at(9)},
			}},
			reason: "unpadded times, ranges kept",
		},
		{
			dialect: "timestamped",
			in:      "00:00:00 Clean code is one.\n\n00:00:07 But it's important.\n\n01:03:19 Thanks.\n01:03:19 Thanks.\n",
			want: &caption.Document{Segments: []caption.Segment{
				seg(0, "", 1, "Clean code is one."),
				seg(sec(7), "", 3, "But it's important."),
				seg(time.Hour+3*time.Minute+sec(19), "", 5, "Thanks."),
				seg(time.Hour+3*time.Minute+sec(19), "", 6, "Thanks."),
			}},
		},
		{
			dialect: "youtube",
			in:      "0:05\nwelcome back to the channel\n0:09\ntoday we look at\nclocks\n1:00:01\nbye",
			want: &caption.Document{Segments: []caption.Segment{
				seg(sec(5), "", 1, "welcome back to the channel"),
				seg(sec(9), "", 3, "today we look at clocks"),
				seg(time.Hour+sec(1), "", 6, "bye"),
			}},
		},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		seen[tt.dialect] = true
		t.Run(tt.dialect, func(t *testing.T) {
			lines, err := text.Lines([]byte(tt.in), text.Source{})
			if err != nil {
				t.Fatal(err)
			}
			d, err := detectDialect(newPage(lines), 0, text.Source{})
			if err != nil {
				t.Fatal(err)
			}
			if d.name != tt.dialect {
				t.Errorf("detected %q, want %q", d.name, tt.dialect)
			}
			got, warnings, err := readTranscriptString(t, tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("Read() mismatch (-want +got):\n%s", d)
			}
			if len(warnings) > 0 {
				t.Errorf("unexpected warnings %q", warnings)
			}
		})
	}
	for _, name := range Dialects() {
		if !seen[name] {
			t.Errorf("dialect %q has no test", name)
		}
	}
}

// TestReadRealTranscripts detects and reads every sample in
// testdata/transcripts/, checking what its MANIFEST entry states.
func TestReadRealTranscripts(t *testing.T) {
	tests := []struct {
		file     string
		dialect  string
		speakers map[string]int // segments per speaker
		title    string
		duration time.Duration
		first    caption.Segment
		lastAt   time.Duration
	}{
		{
			file:     "lennys-podcast_keith-coleman-jay-baxter.md",
			dialect:  "rev",
			speakers: map[string]int{"Lenny Rachitsky": 106, "Keith Coleman": 81, "Jay Baxter": 54},
			title:    "An inside look at X’s Community Notes | Keith Coleman & Jay Baxter",
			duration: 6478 * time.Second,
			first: caption.Segment{Speaker: "Lenny Rachitsky", Paragraphs: []string{
				"The work that you guys do has had such a tremendous impact on the way the world works. I want to start with just giving people a brief understanding of what is Community Notes."}},
			lastAt: time.Hour + 47*time.Minute + 33*time.Second,
		},
		{
			file:     "oxide-and-friends_time-timezones_transcript.txt",
			dialect:  "bracketed",
			speakers: map[string]int{"Speaker 1": 77, "Speaker 2": 183, "Speaker 3": 17, "Speaker 4": 22, "Speaker 5": 14, "Speaker 6": 10, "Speaker 7": 17},
			first: caption.Segment{Speaker: "Speaker 1", Paragraphs: []string{
				"Yeah. I mean, it's brutal where, like, everyone else on the call just thinks you're crazy because you're talking about people sounding garbled when, you"}},
			lastAt: time.Hour + 5*time.Minute + 44*time.Second,
		},
		{
			file:     "talkpython_404-clean-code.txt",
			dialect:  "timestamped",
			speakers: map[string]int{"": 1410},
			first: caption.Segment{Paragraphs: []string{
				"Clean code is one of those aspects of your programming career that's easy to put on the back burner, sometimes more by management than yourself."}},
			lastAt: time.Hour + 3*time.Minute + 19*time.Second,
		},
		{
			file:     "ladybug_05-how-the-ladybugs-got-their-spots.md",
			dialect:  "markdown",
			speakers: map[string]int{"Emma": 35, "Kelly": 31, "Lindsey": 21, "Ali": 19},
			first:    caption.Segment{Speaker: "Emma"},
			lastAt:   36*time.Minute + 40*time.Second,
		},
		{
			file:     "ladybug_67-cryptography_otter.md",
			dialect:  "otter",
			speakers: map[string]int{"Emma": 50, "Kelly": 35, "Ali": 33, "Unknown Speaker": 4},
			first:    caption.Segment{Speaker: "Emma"},
			lastAt:   34*time.Minute + 25*time.Second,
		},
		{
			file:     "stratomercata_episode002_assemblyai.md",
			dialect:  "markdown-label",
			speakers: map[string]int{"SPEAKER_00": 73, "SPEAKER_01": 76, "SPEAKER_02": 20},
			first:    caption.Segment{Start: sec(1), Speaker: "SPEAKER_00"},
			lastAt:   time.Hour + 11*time.Minute + 13*time.Second,
		},
	}
	files, _ := filepath.Glob(captest.Testdata("transcripts", "*"))
	if len(files) != len(tests) {
		t.Errorf("%d samples in testdata/transcripts, %d tested", len(files), len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := captest.Testdata("transcripts", tt.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			lines, err := text.Lines(data, text.Source{})
			if err != nil {
				t.Fatal(err)
			}
			d, err := detectDialect(newPage(lines), readFrontMatter(lines, text.Source{}).end, text.Source{})
			if err != nil {
				t.Fatal(err)
			}
			if d.name != tt.dialect {
				t.Errorf("detected %q, want %q", d.name, tt.dialect)
			}
			var warnings []string
			doc, err := Read(data, text.Source{File: path, Warn: func(p caption.Position, m string) {
				warnings = append(warnings, p.String()+": "+m)
			}}, "")
			if err != nil {
				t.Fatal(err)
			}
			if len(warnings) > 0 {
				t.Errorf("unexpected warnings: %q", warnings)
			}
			got := map[string]int{}
			for _, s := range doc.Segments {
				got[s.Speaker]++
			}
			if d := cmp.Diff(tt.speakers, got); d != "" {
				t.Errorf("segments per speaker mismatch (-want +got):\n%s", d)
			}
			if doc.Title != tt.title || doc.Duration != tt.duration {
				t.Errorf("title, duration = %q, %v; want %q, %v", doc.Title, doc.Duration, tt.title, tt.duration)
			}
			first := doc.Segments[0]
			first.Pos = caption.Position{}
			if tt.first.Paragraphs == nil {
				first.Paragraphs = nil
			}
			if d := cmp.Diff(tt.first, first); d != "" {
				t.Errorf("first segment mismatch (-want +got):\n%s", d)
			}
			if got := doc.Segments[len(doc.Segments)-1].Start; got != tt.lastAt {
				t.Errorf("last segment at %v, want %v", got, tt.lastAt)
			}
			if !sort.SliceIsSorted(doc.Segments, func(i, j int) bool { return doc.Segments[i].Start < doc.Segments[j].Start }) {
				t.Error("segments out of order")
			}
			for _, s := range doc.Segments {
				if strings.Contains(s.Text(), "&#39;") || strings.Contains(s.Text(), "**") {
					t.Errorf("%s: markup left in text: %q", s.Pos, s.Text())
					break
				}
			}
		})
	}
}

func TestReadTranscriptForcedDialect(t *testing.T) {
	in := "Emma  0:00  \nHi.\n"
	doc, err := Read([]byte(in), text.Source{File: "t.txt"}, "OTTER")
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]caption.Segment{seg(0, "Emma", 1, "Hi.")}, doc.Segments); d != "" {
		t.Errorf("mismatch (-want +got):\n%s", d)
	}
	_, err = Read([]byte(in), text.Source{File: "t.txt"}, "rev")
	var pe *caption.ParseError
	if !errors.As(err, &pe) || !errors.Is(err, caption.ErrNoContent) || !strings.Contains(err.Error(), "(00:00:09):") {
		t.Errorf("forcing the wrong dialect: got %v, want ErrNoContent naming the dialect's example", err)
	}
	if _, err := Read([]byte(in), text.Source{}, "klingon"); err == nil || !strings.Contains(err.Error(), "otter") {
		t.Errorf("unknown dialect name: got %v, want the list of dialects", err)
	}
}

func TestUnknownDialectError(t *testing.T) {
	in := "Hello there.\nWe met at 10:30\nit was fine.\nAnd more.\n"
	_, err := Read([]byte(in), text.Source{File: "t.txt"}, "")
	if !errors.Is(err, caption.ErrUnknownDialect) || !errors.Is(err, caption.ErrNoContent) {
		t.Fatalf("got %v, want ErrUnknownDialect", err)
	}
	msg := err.Error()
	for _, want := range []string{
		"t.txt:4: unknown transcript dialect",
		"t.txt:1: Hello there.", "t.txt:3: it was fine.",
		"speaker-line", "t.txt:2: the text before the time does not read as a speaker name",
		"otter", "t.txt:2: a time, but not laid out like this",
		"--from",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q:\n%s", want, msg)
		}
	}
	if strings.Contains(msg, "And more.") {
		t.Errorf("error shows more than three lines:\n%s", msg)
	}
}

func TestReadTranscriptMetadata(t *testing.T) {
	tests := []transcriptCase{
		{
			name: "front matter, title heading and transcript heading",
			in: "---\ntitle: 'It''s time'\nlanguage: fr\nduration_seconds: 90.5\nduration: '0:01:30'\ntags:\n- a\n---\n\n" +
				"# It's time\n\n## Transcript\n\nAnn (00:00:01):\nBonjour.\n",
			want: &caption.Document{Title: "It's time", Language: "fr", Duration: sec(90.5), Segments: []caption.Segment{seg(sec(1), "Ann", 14, "Bonjour.")}},
		},
		{
			name: "heading gives the title without front matter; a bare Transcript line is dropped",
			in:   "# Episode 4: Clocks\nTranscript\n\n[Speaker 1] [00:01] Hi.\n",
			want: &caption.Document{Title: "Episode 4: Clocks", Segments: []caption.Segment{seg(sec(1), "Speaker 1", 4, "Hi.")}},
		},
		{
			name:     "a duration the last turn passes is dropped with a warning",
			in:       "---\nduration: 0:00:03\n---\nAnn 0:00:05\nHi.\n",
			want:     &caption.Document{Segments: []caption.Segment{seg(sec(5), "Ann", 4, "Hi.")}},
			warnings: 1,
		},
		{
			name:     "an unreadable duration is ignored with a warning, never an error",
			in:       "---\nduration: soon\n---\nAnn 0:00:05\nHi.\n",
			want:     &caption.Document{Segments: []caption.Segment{seg(sec(5), "Ann", 4, "Hi.")}},
			warnings: 1,
		},
		{
			name:     "unclosed front matter is text",
			in:       "---\nAnn 0:00:05\nHi.\n",
			want:     &caption.Document{Segments: []caption.Segment{seg(sec(5), "Ann", 2, "---", "Hi.")}},
			warnings: 1,
		},
	}
	runTranscriptCases(t, tests)
}

func TestReadTranscriptEncodings(t *testing.T) {
	utf16 := func(s string, bigEndian bool) []byte {
		out := []byte{0xFF, 0xFE}
		if bigEndian {
			out = []byte{0xFE, 0xFF}
		}
		for _, r := range s { // the test strings are in the BMP
			if bigEndian {
				out = append(out, byte(r>>8), byte(r))
			} else {
				out = append(out, byte(r), byte(r>>8))
			}
		}
		return out
	}
	want := []caption.Segment{seg(sec(1), "Zoë", 1, "Ça va – “oui”.")}
	tests := []struct {
		name     string
		in       []byte
		warnings int
	}{
		{name: "UTF-8", in: []byte("Zoë 0:01\r\nÇa va – “oui”.\r\n")},
		{name: "UTF-8 with BOM", in: []byte("\uFEFFZoë 0:01\nÇa va – “oui”.")},
		{name: "UTF-16 LE", in: utf16("Zoë 0:01\r\nÇa va – “oui”.\r\n", false)},
		{name: "UTF-16 BE", in: utf16("Zoë 0:01\nÇa va – “oui”.\n", true)},
		{name: "Windows-1252", in: []byte("Zo\xeb 0:01\n\xc7a va \x96 \x93oui\x94.\n"), warnings: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, warnings, err := readTranscriptString(t, string(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(want, got.Segments); d != "" {
				t.Errorf("mismatch (-want +got):\n%s", d)
			}
			if len(warnings) != tt.warnings {
				t.Errorf("got warnings %q, want %d", warnings, tt.warnings)
			}
			if tt.warnings > 0 && !strings.HasPrefix(warnings[0], "t.txt:1: ") {
				t.Errorf("warning %q does not name the first bad line", warnings[0])
			}
		})
	}
}

func TestReadTranscriptNotText(t *testing.T) {
	for name, in := range map[string][]byte{
		"NUL bytes":          []byte("Ann 0:01\nhi\x00\x00\x01"),
		"UTF-16 without BOM": {'A', 0, 'n', 0, 'n', 0},
		"control characters": []byte("\x01\x02\x03\x04\x05\x06\x07\x08 0:01\x0e\x0f"),
	} {
		t.Run(name, func(t *testing.T) {
			_, _, err := readTranscriptString(t, string(in))
			var pe *caption.ParseError
			if !errors.As(err, &pe) || !errors.Is(err, caption.ErrNotText) {
				t.Fatalf("got %v, want ErrNotText", err)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q takes more than one line", err)
			}
		})
	}
}

// FuzzReadTranscript checks that no input panics, and that what reads has
// its segments in start order.
func FuzzReadTranscript(f *testing.F) {
	for _, pattern := range []string{"*.txt", "invalid/transcript-*.txt", "transcripts/*"} {
		files, _ := filepath.Glob(captest.Testdata(pattern))
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data[:min(len(data), 4096)])
		}
	}
	f.Add([]byte("---\ntitle: x\n---\n# T\n**[00:01] A:** hi\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read(data, text.Source{File: "fuzz"}, "")
		if err != nil {
			var pe *caption.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *ParseError", err)
			}
			return
		}
		if len(doc.Segments) == 0 {
			t.Fatal("read succeeded without segments")
		}
		for i := 1; i < len(doc.Segments); i++ {
			if doc.Segments[i].Start < doc.Segments[i-1].Start {
				t.Fatalf("segment %d starts at %v, before %v", i, doc.Segments[i].Start, doc.Segments[i-1].Start)
			}
		}
	})
}

// matcherLines returns every line of the transcripts in testdata and of
// the dialect examples, plus lines near the edges of the prefilters.
func matcherLines(tb testing.TB) []string {
	tb.Helper()
	return append(matcherExamples(), fileLines(tb)...)
}

// matcherExamples returns the lines written for the matchers and each
// dialect's examples.
func matcherExamples() []string {
	lines := []string{
		"", "0:05", "0:05.", "0:05,25", "1:2:3", "1:02:03:04", "1234:00:00", "Ann 1234:00:00", "Ann 0:05:",
		"Ann\t0:05", "Ann \f0:05", "Ann\n0:05", "A\nB 0:05", "Ann  0:05", "Ann (0:05):", "Ann (0:05) :", "Ann (0:05.)",
		"(0:05) hi", "Ann (x) (0:05) hi", "we met at 10:30", "we met at 10:30.", "x.5", ":5", "5:", "Ann :05",
		"[0:05]", "[Ann] [0:05] hi", "**Ann** [0:05] hi", "**[0:05] Ann:** hi", "transcribed by otter.ai",
		"Ann\u00a00:05", "\xff 0:05", "Ann 0:05\xff",
	}
	for _, d := range dialects {
		lines = append(lines, d.examples()...)
	}
	return lines
}

// fileLines returns every line of the transcripts under testdata, trimmed.
func fileLines(tb testing.TB) []string {
	tb.Helper()
	var lines, files []string
	for _, p := range []string{"*.txt", "transcripts/*", "invalid/transcript-*.txt"} {
		m, _ := filepath.Glob(captest.Testdata(p))
		files = append(files, m...)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		for _, l := range strings.Split(string(data), "\n") {
			lines = append(lines, strings.TrimSpace(l))
		}
	}
	return lines
}

// checkMatchers checks that a dialect's byte-level shortcuts agree with
// its turn regexp on line: the prefilter passes whatever the regexp
// matches, and a hand-written matcher finds exactly what it finds.
func checkMatchers(t *testing.T, line string) {
	for _, d := range dialects {
		for k := range d.variants {
			v := &d.variants[k]
			want, matched := v.regexpSpans(line)
			if matched && (v.may == nil || v.may(line)) && !d.may(line) {
				t.Errorf("%s: prefilter refuses %q, which variant %d matches", d.name, line, k)
			}
			if v.find == nil {
				continue
			}
			if got, ok := v.find(line); ok != matched || got != want {
				t.Errorf("%s: find(%q) = %v, %t; the regexp finds %v, %t", d.name, line, got, ok, want, matched)
			}
		}
	}
}

func TestDialectMatchers(t *testing.T) {
	for _, l := range matcherLines(t) {
		checkMatchers(t, l)
	}
}

func FuzzDialectMatchers(f *testing.F) {
	// Every tenth line of the files: TestDialectMatchers checks them all,
	// and gathering the coverage of all 3,000 took 16 s of each fuzz run.
	lines := matcherExamples()
	for i, l := range fileLines(f) {
		if i%10 == 0 {
			lines = append(lines, l)
		}
	}
	for _, l := range lines {
		f.Add(l)
	}
	f.Fuzz(checkMatchers)
}
