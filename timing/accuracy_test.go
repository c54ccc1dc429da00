package timing

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/capconv/capconv/convert/caption"
)

// accuracyFiles are the harness's ground truth: real captions with their
// true cue times. tune marks the files the model's global parameters were
// tuned on; the others are the hold-out that checks them.
var accuracyFiles = []struct {
	name       string
	caption    string
	transcript string // a real start-only transcript of the same speech, or ""
	tune       bool
}{
	{"talkpython", "talkpython-404-clean-code.vtt", "../testdata/transcripts/talkpython_404-clean-code.txt", true},
	{"lexfridman", "lexfridman-333-karpathy.srt", "", false},
	{"netflix", "netflix-chicas-del-cable.vtt", "", false},
	{"nova", "nova-einstein.srt", "", true},
	// Five more real files, none tuned on: see testdata/captions and the
	// corpus manifest for their sources.
	{"teams", "teams-starmine-call.vtt", "", false},
	{"zoom", "zoom-class-preasync.vtt", "", false},
	{"podcast", "podcast-virtual-coffee-s1e4.srt", "", false},
	{"film-fr", "film-fr-anchorman.srt", "", false},
	{"talk-zh", "talk-zh-sim-to-real-grasping.srt", "", false},
	// Four more, none tuned on: a Japanese anime's broadcast captions, a
	// German film's subtitles, a city council's live captions and a Zoom
	// call's own transcript (testdata/SOURCES.md).
	{"anime-ja", "anime-ja-3gatsu-no-lion-01.srt", "", false},
	{"film-de", "film-de-good-bye-lenin.srt", "", false},
	{"council", "council-oakland-2022-08-09.vtt", "", false},
	{"zoom-call", "zoom-ethereum-acd-testing-068.vtt", "", false},
}

const (
	captionsDir   = "../testdata/captions/" // the ground truth, shared with the format tests
	figuresPath   = "../testdata/accuracy/figures.json"
	syncTolerance = 500 * time.Millisecond // Netflix: an end may run 12 frames (0.5 s) past speech
)

// score is how well one method's cues match a reference.
type score struct {
	Words    int     `json:"words"`     // reference words matched in the output
	Median   float64 `json:"median_s"`  // median absolute word-time error, seconds
	P90      float64 `json:"p90_s"`     // 90th percentile of the same
	OnScreen float64 `json:"on_screen"` // share of words on screen when spoken
	Within   float64 `json:"within_05"` // the same, within ±0.5 s
	Lost     int     `json:"lost"`      // reference words missing from the output
	Invented int     `json:"invented"`  // output words not in the reference
	Cues     int     `json:"cues"`
	Readable float64 `json:"readable"` // share of cues breaking no rule of the preset
	// BadBreaks is the share of line and cue breaks inside turns that
	// break a line-treatment rule (see breakRule).
	BadBreaks float64 `json:"bad_breaks"`
	// TaggedBreaks is the share of the same breaks that only the tagger
	// counts: inside an English compound, or between an adjective and its
	// noun (taggedBreak).
	TaggedBreaks float64 `json:"tagged_breaks"`

	errs             []float64
	onScreen, within int
	readable         int
	bad, breaks      int
	tagged           int
}

// method makes cues from a derived transcript.
type method struct {
	name string
	make func(segs []caption.Segment, duration time.Duration, o Options) []caption.Cue
}

var methods = []method{
	{"capconv", func(segs []caption.Segment, d time.Duration, o Options) []caption.Cue {
		doc := &caption.Document{Segments: segs, Duration: d}
		MakeCues(doc, o)
		return doc.Cues
	}},
	{"uniform", uniformCues},
	{"next-start", nextStartCues},
}

// measure scores cues against the reference words.
func measure(ref reference, cues []caption.Cue, o Options) score {
	o = ref.options(o)
	want, got := wordsOf(ref.cues), wordsOf(cues)
	pairs := align(want, got)
	s := score{Cues: len(cues), Words: len(pairs), Lost: len(want) - len(pairs), Invented: len(got) - len(pairs)}
	for _, p := range pairs {
		w, g := want[p[0]], got[p[1]]
		s.errs = append(s.errs, math.Abs((g.at - w.at).Seconds()))
		c := cues[g.cue]
		if w.at >= c.Start && w.at <= c.End {
			s.onScreen++
		}
		if w.at >= c.Start-syncTolerance && w.at <= c.End+syncTolerance {
			s.within++
		}
	}
	bad := map[int]bool{}
	for _, v := range Check(cues, o) {
		bad[v.Cue] = true
	}
	s.readable = len(cues) - len(bad)
	s.bad, s.tagged, s.breaks = breaks(cues, ref.lang)
	s.finish()
	return s
}

// finish computes the figures from the counts.
func (s *score) finish() {
	sort.Float64s(s.errs)
	s.Median, s.P90 = round(quantile(s.errs, 0.5)), round(quantile(s.errs, 0.9))
	s.Words = len(s.errs)
	if s.Words > 0 {
		s.OnScreen = round(float64(s.onScreen) / float64(s.Words))
		s.Within = round(float64(s.within) / float64(s.Words))
	}
	if s.Cues > 0 {
		s.Readable = round(float64(s.readable) / float64(s.Cues))
	}
	if s.breaks > 0 {
		s.BadBreaks = round(float64(s.bad) / float64(s.breaks))
		s.TaggedBreaks = round(float64(s.tagged) / float64(s.breaks))
	}
}

// pool adds t's words and cues to s.
func (s *score) pool(t score) {
	s.errs = append(s.errs, t.errs...)
	s.onScreen += t.onScreen
	s.within += t.within
	s.readable += t.readable
	s.bad += t.bad
	s.tagged += t.tagged
	s.breaks += t.breaks
	s.Lost += t.Lost
	s.Invented += t.Invented
	s.Cues += t.Cues
}

func round(x float64) float64 { return math.Round(x*1e4) / 1e4 }

func quantile(sorted []float64, q float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[int(q*float64(len(sorted)-1)+0.5)]
}

// alignLookahead bounds how far align searches for the next common pair of
// words after a mismatch: a real transcript and its captions differ in a
// few words at a time.
const alignLookahead = 40

// align pairs the words of a and b that say the same thing, in order: it
// walks both and, at a mismatch, skips the fewest words on either side
// that lead to two words in agreement.
func align(a, b []timedWord) [][2]int {
	var out [][2]int
	i, j := 0, 0
	agree := func(i, j int) bool {
		if i >= len(a) || j >= len(b) || a[i].key != b[j].key {
			return false
		}
		return i+1 == len(a) || j+1 == len(b) || a[i+1].key == b[j+1].key
	}
	for i < len(a) && j < len(b) {
		if a[i].key == b[j].key {
			out = append(out, [2]int{i, j})
			i, j = i+1, j+1
			continue
		}
		found := false
		for skip := 1; skip <= 2*alignLookahead && !found; skip++ {
			for di := 0; di <= skip; di++ {
				if di > alignLookahead || skip-di > alignLookahead {
					continue
				}
				if agree(i+di, j+skip-di) {
					i, j, found = i+di, j+skip-di, true
					break
				}
			}
		}
		if !found {
			i, j = i+1, j+1
		}
	}
	return out
}

// baselineCPS is the speaking rate the baselines assume for the last turn,
// which has no next start: pysubs2's and Subtitle Edit's 15 cps.
const baselineCPS = 15

// baselineWindows gives each segment the time until the next later start
// (segments sharing a start share it by characters); the last runs at
// baselineCPS, bounded by the media duration.
func baselineWindows(segs []caption.Segment, duration time.Duration) [][2]time.Duration {
	out := make([][2]time.Duration, len(segs))
	for i := 0; i < len(segs); {
		j := i + 1
		for j < len(segs) && segs[j].Start == segs[i].Start {
			j++
		}
		total := 0
		for k := i; k < j; k++ {
			total += utf8.RuneCountInString(segs[k].Text())
		}
		end := duration
		if j < len(segs) {
			end = segs[j].Start
		} else if e := segs[i].Start + time.Duration(float64(total)/baselineCPS*float64(time.Second)); e < end || duration == 0 {
			end = e
		}
		start, done := segs[i].Start, 0
		for k := i; k < j; k++ {
			done += utf8.RuneCountInString(segs[k].Text())
			e := segs[i].Start + time.Duration(float64(end-segs[i].Start)*float64(done)/float64(max(total, 1)))
			out[k] = [2]time.Duration{start, e}
			start = e
		}
		i = j
	}
	return out
}

// uniformCues is baseline (a): each turn cut into two-line chunks, filled
// word by word, spread evenly (by characters) over its whole window.
func uniformCues(segs []caption.Segment, duration time.Duration, o Options) []caption.Cue {
	o = o.withDefaults()
	var cues []caption.Cue
	for i, w := range baselineWindows(segs, duration) {
		lines := greedyLines(splitWords(segs[i].Text()), o.MaxChars, 0)
		var chunks [][][]word
		for k := 0; k < len(lines); k += o.MaxLines {
			chunks = append(chunks, lines[k:min(k+o.MaxLines, len(lines))])
		}
		total := 0
		for _, c := range chunks {
			for _, l := range c {
				total += width(l) + 1
			}
		}
		done, start := 0, w[0]
		for _, c := range chunks {
			cue := caption.Cue{Start: start}
			for _, l := range c {
				done += width(l) + 1
				cue.Lines = append(cue.Lines, caption.Line{Speaker: segs[i].Speaker, Text: join(l)})
			}
			cue.End = w[0] + time.Duration(float64(w[1]-w[0])*float64(done)/float64(total))
			cues = append(cues, cue)
			start = cue.End
		}
	}
	return cues
}

// nextStartCues is baseline (b), what ffmpeg does: one cue per turn, lines
// filled word by word, ending at the next turn's start.
func nextStartCues(segs []caption.Segment, duration time.Duration, o Options) []caption.Cue {
	o = o.withDefaults()
	var cues []caption.Cue
	for i, w := range baselineWindows(segs, duration) {
		cue := caption.Cue{Start: w[0], End: w[1]}
		for _, l := range greedyLines(splitWords(segs[i].Text()), o.MaxChars, 0) {
			cue.Lines = append(cue.Lines, caption.Line{Speaker: segs[i].Speaker, Text: join(l)})
		}
		if len(cue.Lines) > 0 {
			cues = append(cues, cue)
		}
	}
	return cues
}

// figures maps file (and "pooled") to method to score.
type figures map[string]map[string]score

// measureAll runs every method on every file with the options o, using
// loaded references.
func measureAll(refs map[string]reference, o Options, only func(name string) bool) figures {
	fig := figures{}
	pooled := map[string]*score{}
	for _, f := range accuracyFiles {
		if only != nil && !only(f.name) {
			continue
		}
		ref := refs[f.name]
		fig[f.name] = map[string]score{}
		for _, m := range methods {
			segs := append([]caption.Segment(nil), ref.segments...)
			s := measure(ref, m.make(segs, ref.duration, ref.options(o)), o)
			fig[f.name][m.name] = s
			if pooled[m.name] == nil {
				pooled[m.name] = &score{}
			}
			pooled[m.name].pool(s)
		}
	}
	fig["pooled"] = map[string]score{}
	for name, s := range pooled {
		s.finish()
		fig["pooled"][name] = *s
	}
	return fig
}

// references caches the parsed ground truth: several tests read it.
var references map[string]reference

func loadReferences(t testing.TB) map[string]reference {
	if references != nil {
		return references
	}
	refs := map[string]reference{}
	for _, f := range accuracyFiles {
		refs[f.name] = loadReference(t, captionsDir+f.caption, f.transcript)
	}
	references = refs
	return refs
}

// table formats fig as a Markdown table, files in harness order.
func (fig figures) table() string {
	var b strings.Builder
	b.WriteString("| file | method | words | median s | p90 s | on screen | ±0.5 s | lost | invented | cues | readable | bad breaks | of which compound or adjective |\n")
	b.WriteString("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	var names []string
	for _, f := range accuracyFiles {
		names = append(names, f.name)
	}
	for _, n := range append(names, "pooled") {
		for _, m := range methods {
			s, ok := fig[n][m.name]
			if !ok {
				continue
			}
			fmt.Fprintf(&b, "| %s | %s | %d | %.2f | %.2f | %.1f%% | %.1f%% | %d | %d | %d | %.1f%% | %.1f%% | %.1f%% |\n",
				n, m.name, s.Words, s.Median, s.P90, 100*s.OnScreen, 100*s.Within, s.Lost, s.Invented, s.Cues, 100*s.Readable, 100*s.BadBreaks, 100*s.TaggedBreaks)
		}
	}
	return b.String()
}

// worse lists the figures of got that are worse than want's.
func worse(want, got figures) []string {
	const eps = 1e-4 // figures are stored rounded to 4 decimals
	return worseBy(want, got, slack{time: eps, p90: eps, share: eps})
}

// slack is how much a figure may get worse before worseBy reports it:
// seconds for the median and the 90th percentile, a fraction for the
// shares (counts of words must not change at all).
type slack struct{ time, p90, share float64 }

// worseBy is worse, allowing each figure its slack.
func worseBy(want, got figures, sl slack) []string {
	var out []string
	for file, ms := range want {
		for m, w := range ms {
			g, ok := got[file][m]
			if !ok {
				out = append(out, fmt.Sprintf("%s/%s: missing", file, m))
				continue
			}
			check := func(name string, wv, gv, eps float64, higherIsBetter bool) {
				if (higherIsBetter && gv < wv-eps) || (!higherIsBetter && gv > wv+eps) {
					out = append(out, fmt.Sprintf("%s/%s: %s went from %v to %v", file, m, name, wv, gv))
				}
			}
			check("median", w.Median, g.Median, sl.time, false)
			check("p90", w.P90, g.P90, sl.p90, false)
			check("on screen", w.OnScreen, g.OnScreen, sl.share, true)
			check("within 0.5 s", w.Within, g.Within, sl.share, true)
			check("lost", float64(w.Lost), float64(g.Lost), 0, false)
			check("invented", float64(w.Invented), float64(g.Invented), 0, false)
			check("readable", w.Readable, g.Readable, sl.share, true)
			check("bad breaks", w.BadBreaks, g.BadBreaks, sl.share, false)
		}
	}
	sort.Strings(out)
	return out
}

// TestAccuracy measures capconv's timing and both baselines against real
// captions, prints the table (go test ./timing -run Accuracy -v) and fails
// when a committed figure got worse. -update rewrites the figures.
func TestAccuracy(t *testing.T) {
	if testing.Short() {
		t.Skip("measures hours of captions")
	}
	fig := measureAll(loadReferences(t), Options{}, nil)
	t.Logf("timing accuracy (Netflix preset):\n%s", fig.table())
	if *update {
		data, err := json.MarshalIndent(fig, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(figuresPath, append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	data, err := os.ReadFile(figuresPath)
	if err != nil {
		t.Fatalf("%v (run go test ./timing -run Accuracy -update to create it)", err)
	}
	var want figures
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	for _, w := range worse(want, fig) {
		t.Error(w)
	}
}
