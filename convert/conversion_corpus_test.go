package convert_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/convert/caption"
	"github.com/google/go-cmp/cmp"
)

// corpusCase is what one caption file of testdata/captions, malformed or
// invalid must do: convert, with so many cues and these speakers, or fail
// at a position with a cause.
type corpusCase struct {
	file     string   // under testdata/
	cues     int      // cues read, when it converts
	speakers []string // the first speakers, in order of appearance
	nSpeaker int      // how many speakers in all
	line     int      // where it fails (0: it converts)
	col      int
	err      error
	strict   bool // read with Options.Strict
	reason   string
}

var corpusCases = []corpusCase{
	{file: "captions/lexfridman-333-karpathy.srt", cues: 5502, nSpeaker: 2, speakers: []string{"Andrej", "Lex"},
		reason: "- dashes at each change, [Lex] and [Andrej] now and then: a dash switches to the other of the two"},
	{file: "captions/netflix-chicas-del-cable.vtt", cues: 865, nSpeaker: 13, speakers: []string{"Alba", "Pedro", "Beltrán"},
		reason: "[Name] labels; lower-case brackets ([ríe]) are sounds"},
	{file: "captions/nova-einstein.dfxp", cues: 1847, nSpeaker: 25, speakers: []string{"MAN", "MAN 2", "ACTOR AS EINSTEIN"}},
	{file: "captions/nova-einstein.srt", cues: 1847, nSpeaker: 25, speakers: []string{"MAN", "MAN 2", "ACTOR AS EINSTEIN"}},
	{file: "captions/talkpython-404-clean-code.vtt", cues: 1411, reason: "no speakers, no labels"},
	{file: "captions/film-fr-anchorman.srt", cues: 120, nSpeaker: 2, speakers: []string{"Speaker 1", "Speaker 2"},
		reason: "film dialogue dashes only: a dash says the speaker changes, not who speaks"},
	{file: "captions/podcast-virtual-coffee-s1e4.srt", cues: 174, nSpeaker: 3, speakers: []string{"Bekah Hawrot Weigel", "Dan Ott", "Vic Vijayakumar"},
		reason: "Name: labels at each change of speaker only"},
	{file: "captions/talk-zh-sim-to-real-grasping.srt", cues: 179, reason: "Chinese, one presenter, no marks"},
	{file: "captions/teams-starmine-call.vtt", cues: 105, nSpeaker: 5,
		speakers: []string{"Rian Campbell", "Daren Smith", "Roshan Goonewardena", "Dorflinger, Julia", "Meixler, Nathaniel"},
		reason:   "Teams <v Name> voices, Last, First names kept as written"},
	{file: "captions/zoom-class-preasync.vtt", cues: 113, nSpeaker: 8, speakers: []string{"Dominik Böhler", "Gaurang Thanekar", "Matilda Simon"},
		reason: "Zoom Name: labels, a few cues without one"},
	{file: "captions/talkpython-youtube-313-pydantic.vtt", cues: 1481, nSpeaker: 2, speakers: []string{"Speaker 1", "Speaker 2"},
		reason: "dashes only: two anonymous speakers"},
	{file: "captions/anime-ja-3gatsu-no-lion-01.srt", cues: 257,
		reason: "Japanese broadcast captions: （幸田） labels and （風の音） sounds stay in the text, as Japanese captions show them"},
	{file: "captions/film-de-good-bye-lenin.srt", cues: 200, nSpeaker: 2, speakers: []string{"Speaker 1", "Speaker 2"},
		reason: "film dialogue dashes only"},
	{file: "captions/council-oakland-2022-08-09.vtt", cues: 424,
		reason: "live captions: >> marks a new speaker inside the text, no names; a zero-length empty first cue"},
	{file: "captions/zoom-ethereum-acd-testing-068.vtt", cues: 225, nSpeaker: 15, speakers: []string{"Barnabas", "Pooja Ranjan", "Justin Traglia"},
		reason: "Zoom Name: labels"},
	{file: "malformed/astisub-example-in-carriage-return.srt", cues: 3},
	{file: "malformed/astisub-example-in-html-entities.srt", cues: 3},
	{file: "malformed/astisub-example-in-non-utf8.srt", cues: 6},
	{file: "malformed/astisub-example-in.srt", cues: 6, reason: "one MAN: label is not a consistent convention"},
	{file: "malformed/astisub-example-in.ttml", cues: 6},
	{file: "malformed/astisub-missing-sequence-in.srt", cues: 6},
	{file: "malformed/ttconv-alignment.srt", cues: 9},
	{file: "malformed/ttconv-extended-tags.srt", cues: 1},
	{file: "malformed/webvtt-py-captions-with-bom.vtt", cues: 4},
	{file: "malformed/webvtt-py-comments.vtt", cues: 3, nSpeaker: 2, speakers: []string{"Speaker 1", "Speaker 2"}},
	{file: "malformed/webvtt-py-cue-tags.vtt", cues: 3},
	{file: "malformed/webvtt-py-invalid-timeframe-in-cue-text.vtt", cues: 4},
	{file: "malformed/webvtt-py-invalid-timeframe.srt", cues: 5},
	{file: "malformed/webvtt-py-youtube-dl.vtt", cues: 4},
	{file: "malformed/wpt-newlines.vtt", cues: 4},
	{file: "malformed/wpt-timings-omitted-hours.vtt", cues: 3},
	{file: "malformed/wpt-two-voices.vtt", cues: 1, nSpeaker: 2, speakers: []string{"foo", "bar"}},
	{file: "invalid/astisub-broken-1-in.vtt", line: 1, col: 1, err: caption.ErrSyntax},
	{file: "invalid/astisub-example-in.vtt", strict: true, line: 29, col: 1, err: caption.ErrBadTimestamp, reason: "00:01:39 has no milliseconds"},
	{file: "invalid/ttconv-bad-signature.vtt", line: 1, col: 1, err: caption.ErrSyntax},
	{file: "invalid/ttconv-lwsp-default.ttml", line: 12, col: 5, err: caption.ErrNoContent, reason: "every p is untimed"},
	{file: "invalid/ttml-bad-begin.ttml", line: 6, col: 7, err: caption.ErrBadTimestamp},
	{file: "invalid/ttml-bad-frames.ttml", line: 7, col: 7, err: caption.ErrBadTimestamp},
	{file: "invalid/ttml-html-entity.ttml", line: 5, col: 66, err: caption.ErrSyntax},
	{file: "invalid/ttml-mismatched-tag.ttml", line: 6, col: 79, err: caption.ErrSyntax},
	{file: "invalid/ttml-no-p.ttml", line: 6, col: 3, err: caption.ErrNoContent},
	{file: "invalid/ttml-not-tt.ttml", line: 3, col: 1, err: caption.ErrSyntax},
	{file: "invalid/ttml-truncated.ttml", line: 6, col: 1, err: caption.ErrSyntax},
	{file: "invalid/webvtt-py-empty.vtt", line: 1, err: caption.ErrNoContent},
	{file: "invalid/webvtt-py-invalid.vtt", line: 1, col: 1, err: caption.ErrSyntax, reason: "named .vtt, no WEBVTT line: not taken for SRT"},
	{file: "invalid/webvtt-py-missing-timeframe.srt", line: 6, col: 1, err: caption.ErrBadTimestamp},
	{file: "invalid/wpt-arrows.vtt", strict: true, line: 3, col: 1, err: caption.ErrBadTimestamp},
	{file: "invalid/wpt-nulls.vtt", strict: true, line: 27, col: 13, err: caption.ErrBadTimestamp},
	{file: "invalid/wpt-signature-bom.vtt", cues: 0, reason: "a header alone is an empty document"},
	{file: "invalid/wpt-timings-60.vtt", strict: true, line: 3, col: 1, err: caption.ErrBadTimestamp},
	{file: "invalid/wpt-timings-eof.vtt", strict: true, line: 3, col: 17, err: caption.ErrBadTimestamp},
	{file: "invalid/wpt-timings-garbage.vtt", strict: true, line: 3, col: 1, err: caption.ErrBadTimestamp},
	{file: "invalid/wpt-timings-negative.vtt", strict: true, line: 6, col: 18, err: caption.ErrBadTimestamp},
	{file: "invalid/wpt-timings-too-short.vtt", strict: true, line: 6, col: 1, err: caption.ErrBadTimestamp},
}

// corpusFiles lists the caption files under testdata/captions, malformed
// and invalid (transcripts have their own tests).
func corpusFiles(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, dir := range []string{"captions", "malformed", "invalid"} {
		files, err := filepath.Glob(filepath.Join("..", "testdata", dir, "*"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if ext := filepath.Ext(f); ext == ".md" || ext == ".txt" {
				continue
			}
			out = append(out, dir+"/"+filepath.Base(f))
		}
	}
	return out
}

// TestCorpus reads every caption file of the test corpus as the CLI does
// (format from the name and the content, labels auto) and checks that it
// either converts to every format capconv writes, or fails with a
// *caption.ParseError at a known position.
func TestCorpus(t *testing.T) {
	listed := map[string]bool{}
	for _, tc := range corpusCases {
		listed[tc.file] = true
	}
	for _, f := range corpusFiles(t) {
		if !listed[f] {
			t.Errorf("testdata/%s has no case in corpusCases", f)
		}
	}
	for _, tc := range corpusCases {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join("..", "testdata", tc.file)
			doc, err := loadPath(path, convert.Options{Strict: tc.strict})
			if tc.err != nil {
				var pe *caption.ParseError
				if !errors.As(err, &pe) || !errors.Is(err, tc.err) {
					t.Fatalf("load() error = %v, want a *ParseError wrapping %v", err, tc.err)
				}
				if pe.Pos.Line != tc.line || pe.Pos.Col != tc.col || pe.Pos.File != path {
					t.Errorf("error at %s, want %s:%d:%d", pe.Pos, path, tc.line, tc.col)
				}
				return
			}
			if err != nil {
				t.Fatalf("load() = %v", err)
			}
			if len(doc.Cues) != tc.cues {
				t.Errorf("%d cues, want %d", len(doc.Cues), tc.cues)
			}
			sp := doc.Speakers()
			if len(sp) != tc.nSpeaker {
				t.Errorf("%d speakers %q, want %d", len(sp), sp, tc.nSpeaker)
			}
			if d := cmp.Diff(tc.speakers, sp[:min(len(sp), len(tc.speakers))]); d != "" {
				t.Errorf("first speakers (-want +got):\n%s", d)
			}
			for _, f := range convert.WritableFormats() {
				if f == convert.Chapters {
					continue // caption files have no chapters to write
				}
				data, err := render(doc, f, convert.Options{})
				if len(doc.Cues) == 0 {
					// Nothing to write is an error, not an empty file that
					// most readers would refuse.
					if !errors.Is(err, convert.ErrNoCues) {
						t.Errorf("render(%s) of an empty document = %v, want ErrNoCues", f, err)
					}
					continue
				}
				if err != nil {
					t.Errorf("render(%s) = %v", f, err)
					continue
				}
				back, err := convert.Read(bytes.NewReader(data), f, convert.Options{File: "out" + f.Ext()})
				if err != nil {
					t.Errorf("reading back the %s output: %v", f, err)
					continue
				}
				// SCC shows 32 columns and two rows at a time: a longer cue
				// becomes several captions in turn (package scc tests that
				// no word is lost).
				want := len(doc.Cues)
				if f == convert.STL {
					// A subtitle without text is no TTI block.
					want = 0
					for _, c := range doc.Cues {
						if slices.ContainsFunc(c.Lines, func(l caption.Line) bool { return strings.TrimSpace(l.Text) != "" }) {
							want++
						}
					}
				}
				if f != convert.Transcript && f != convert.SCC && len(back.Cues) != want {
					t.Errorf("%s output reads back as %d cues, want %d", f, len(back.Cues), want)
				}
			}
		})
	}
}

// loadPath loads a file as ConvertFile does.
func loadPath(path string, o convert.Options) (*caption.Document, error) {
	return convert.ReadFile(path, o)
}

// TestCorpusCopies checks, where the shared corpus is at hand (beside the
// repository, or at $CAPCONV_CORPUS), that each of its caption files has
// a byte-identical copy in testdata/, so that this test suite covers the
// whole corpus.
func TestCorpusCopies(t *testing.T) {
	root := os.Getenv("CAPCONV_CORPUS")
	if root == "" {
		root = "../../shared/corpus"
	}
	if _, err := os.Stat(root); err != nil {
		t.Skip("no shared corpus here")
	}
	have := map[string]bool{}
	for _, f := range corpusFiles(t) {
		data, err := os.ReadFile(filepath.Join("..", "testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		have[string(data)] = true
	}
	for _, dir := range []string{"captions", "malformed"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(p string, e os.DirEntry, err error) error {
			if err != nil || e.IsDir() || strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".txt") {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if !have[string(data)] {
				t.Errorf("%s has no copy under testdata/", p)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
