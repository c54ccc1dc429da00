package timing

// The accuracy benchmarks below measure the timing model against the
// harness's real captions (accuracy_test.go) and show their tables; they
// are how the model is studied and tuned, not regression checks
// (TestAccuracy is the one). Run them once each, as
//
//	go test ./timing -run '^$' -bench Accuracy -benchtime 1x
//
// or one at a time (-bench AccuracyDiagnose, AccuracyOracle,
// AccuracyTune; -bench AccuracyTune/grid for the grid alone). Their
// figures are metrics, so benchstat compares two runs: %within is the
// share of words on screen within ±0.5 s of being spoken, median-s the
// median word-time error in seconds. The oracle's table is in its log;
// the others are too long for it (the testing package cuts a benchmark's
// log after ten lines) and go to standard output, which go test -bench
// shows.

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
)

// printTable shows a table too long for b's log on standard output.
func printTable(b *testing.B, title, table string) {
	fmt.Printf("%s: %s\n%s", b.Name(), title, table)
}

// reportScore reports s's key figures as b's metrics, each unit ending in
// suffix.
func reportScore(b *testing.B, s score, suffix string) {
	b.ReportMetric(100*s.Within, "%within"+suffix)
	b.ReportMetric(s.Median, "median-s"+suffix)
	b.ReportMetric(100*s.OnScreen, "%on-screen"+suffix)
	b.ReportMetric(100*s.Readable, "%readable"+suffix)
}

// BenchmarkAccuracyDiagnose breaks the harness's misses (words not on
// screen within ±0.5 s of being spoken) down by file, by how long a
// turn's window is against what its words need, by the cue's place in its
// turn, by direction (cue too early or too late) and by speaker, and
// shows where the speech of long windows really sits.
func BenchmarkAccuracyDiagnose(b *testing.B) {
	refs := loadReferences(b)
	var report strings.Builder
	var pooled score
	for b.Loop() {
		report.Reset()
		pooled = score{}
		for _, f := range accuracyFiles {
			ref := refs[f.name]
			segs := append([]caption.Segment(nil), ref.segments...)
			doc := &caption.Document{Segments: segs, Duration: ref.duration, Language: ref.lang}
			MakeCues(doc, Options{})
			pooled.pool(measure(ref, doc.Cues, Options{}))
			fmt.Fprintf(&report, "%s:\n%s%s", f.name, diagnose(ref, doc.Cues, defaultModel), cueShapes(doc.Cues))
		}
		pooled.finish()
	}
	reportScore(b, pooled, "")
	printTable(b, "misses of the Netflix preset, file by file", report.String())
}

// tally counts words and misses under one label.
type tally struct{ words, early, late int }

func (t tally) String() string {
	miss := t.early + t.late
	return fmt.Sprintf("%6d words %5.1f%% missed (early %5d, late %5d)", t.words, 100*float64(miss)/float64(max(t.words, 1)), t.early, t.late)
}

// diagnose returns a breakdown of cues' misses against ref.
func diagnose(ref reference, cues []caption.Cue, m model) string {
	o := ref.options(Options{}).withDefaults()
	segs := ref.segments
	rates, _ := speakerRates(segs, segmentUnits(segmentWords(segs), m), o, m)
	// segment of each output word, in order: capconv keeps every word.
	var segOf []int
	for i, s := range segs {
		for _, f := range strings.Fields(s.Text()) {
			for _, u := range scoredUnits(f) {
				if wordKey(u.text) != "" {
					segOf = append(segOf, i)
				}
			}
		}
	}
	// cue index range of each segment
	want, got := wordsOf(ref.cues), wordsOf(cues)
	firstCue, lastCue := map[int]int{}, map[int]int{}
	for j, g := range got {
		s := segOf[j]
		if _, ok := firstCue[s]; !ok {
			firstCue[s] = g.cue
		}
		lastCue[s] = g.cue
	}
	groups := map[string]map[string]*tally{}
	add := func(group, key string, early, late bool) {
		if groups[group] == nil {
			groups[group] = map[string]*tally{}
		}
		tl := groups[group][key]
		if tl == nil {
			tl = &tally{}
			groups[group][key] = tl
		}
		tl.words++
		if early {
			tl.early++
		}
		if late {
			tl.late++
		}
	}
	// true speech extent of each segment
	type extent struct{ first, last time.Duration }
	ext := map[int]*extent{}
	for _, p := range align(want, got) {
		w, g := want[p[0]], got[p[1]]
		si := segOf[p[1]]
		if e := ext[si]; e == nil {
			ext[si] = &extent{w.at, w.at}
		} else {
			e.last = w.at
		}
		c := cues[g.cue]
		early := w.at > c.End+syncTolerance // the cue left before the word was said
		late := w.at < c.Start-syncTolerance
		s := segs[si]
		need := units(splitWords(s.Text()), m) / rates[s.Speaker]
		win := -1.0
		if si+1 < len(segs) {
			win = (segs[si+1].Start - s.Start).Seconds()
		}
		ratio := "last turn"
		switch r := win / need; {
		case win < 0:
		case r < 0.8:
			ratio = "a <0.8"
		case r < 1.2:
			ratio = "b 0.8-1.2"
		case r < 2:
			ratio = "c 1.2-2"
		case r < 4:
			ratio = "d 2-4"
		default:
			ratio = "e >=4"
		}
		pos := "middle"
		switch {
		case firstCue[si] == lastCue[si]:
			pos = "only"
		case g.cue == firstCue[si]:
			pos = "first"
		case g.cue == lastCue[si]:
			pos = "last"
		}
		add("all", "all", early, late)
		add("window/need", ratio, early, late)
		add("cue in turn", pos, early, late)
		add("window/need × position", ratio+" "+pos, early, late)
		add("speaker", s.Speaker, early, late)
		errb := "0-0.5"
		switch d := (g.at - w.at).Seconds(); {
		case d < -5:
			errb = "a <-5 (too early)"
		case d < -2:
			errb = "b -5..-2"
		case d < -0.5:
			errb = "c -2..-0.5"
		case d > 5:
			errb = "g >5 (too late)"
		case d > 2:
			errb = "f 2..5"
		case d > 0.5:
			errb = "e 0.5..2"
		}
		add("midpoint error", errb, early, late)
	}
	var b strings.Builder
	var gnames []string
	for g := range groups {
		gnames = append(gnames, g)
	}
	sort.Strings(gnames)
	for _, g := range gnames {
		fmt.Fprintf(&b, "  by %s:\n", g)
		var keys []string
		for k := range groups[g] {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(&b, "    %-22s %s\n", k, groups[g][k])
		}
	}
	// where speech sits in windows at least twice what the words need:
	// first and last word's true time, as a share of the window.
	var lead, trail []float64 // seconds from the printed start to the first word, from the last word to the next start
	for si, e := range ext {
		if si+1 < len(segs) && segs[si+1].Start-segs[si].Start >= 10*time.Second {
			lead = append(lead, (e.first - segs[si].Start).Seconds())
			trail = append(trail, (segs[si+1].Start - e.last).Seconds())
		}
	}
	var starts, ends, rateRatio []float64
	for si, e := range ext {
		if si+1 >= len(segs) {
			continue
		}
		s := segs[si]
		win := segs[si+1].Start - s.Start
		need := units(splitWords(s.Text()), m) / rates[s.Speaker]
		if win.Seconds() < 2*need {
			continue
		}
		starts = append(starts, float64(e.first-s.Start)/float64(win))
		ends = append(ends, float64(e.last-s.Start)/float64(win))
		if d := (e.last - e.first).Seconds(); d > 0 {
			rateRatio = append(rateRatio, d/need)
		}
	}
	q := func(x []float64) string {
		sort.Float64s(x)
		return fmt.Sprintf("q10 %.2f q25 %.2f q50 %.2f q75 %.2f q90 %.2f", quantile(x, .1), quantile(x, .25), quantile(x, .5), quantile(x, .75), quantile(x, .9))
	}
	fmt.Fprintf(&b, "  windows ≥ 10 s: %d turns\n    printed start → first word midpoint, s %s\n    last word midpoint → next start, s    %s\n", len(lead), q(lead), q(trail))
	fmt.Fprintf(&b, "  long windows (≥2× need): %d turns\n    first word at window share %s\n    last word at window share  %s\n    true span / need           %s\n", len(starts), q(starts), q(ends), q(rateRatio))
	return b.String()
}

// BenchmarkAccuracyOracle measures what a perfect turn-level model would
// reach: each turn's cues spread over the true time from its first word
// to its last (taken from the reference), then made readable as usual.
// What it misses is drift inside turns, which no turn-level rule fixes.
func BenchmarkAccuracyOracle(b *testing.B) {
	refs := loadReferences(b)
	var report strings.Builder
	var pooled score
	for b.Loop() {
		report.Reset()
		pooled = score{}
		for _, f := range accuracyFiles {
			s := measureOracle(refs[f.name])
			pooled.pool(s)
			fmt.Fprintf(&report, "%-10s median %.2f ±0.5 s %.1f%% readable %.1f%%\n", f.name, s.Median, 100*s.Within, 100*s.Readable)
		}
		pooled.finish()
		fmt.Fprintf(&report, "%-10s median %.2f ±0.5 s %.1f%% readable %.1f%%\n", "pooled", pooled.Median, 100*pooled.Within, 100*pooled.Readable)
	}
	reportScore(b, pooled, "")
	b.Logf("oracle turn extents:\n%s", report.String())
}

// measureOracle scores the oracle's cues for ref.
func measureOracle(ref reference) score {
	o := ref.options(Options{}).withDefaults()
	segs := ref.segments
	want := wordsOf(ref.cues)
	var mine []timedWord
	var segOf []int
	for i, s := range segs {
		for _, w := range strings.Fields(s.Text()) {
			mine = append(mine, timedWord{key: wordKey(w)})
			segOf = append(segOf, i)
		}
	}
	first := map[int]time.Duration{}
	last := map[int]time.Duration{}
	for _, p := range align(want, mine) {
		si := segOf[p[1]]
		if _, ok := first[si]; !ok {
			first[si] = want[p[0]].at
		}
		last[si] = want[p[0]].at
	}
	rates, _ := speakerRates(segs, segmentUnits(segmentWords(segs), defaultModel), o, defaultModel)
	windows := segmentWindows(segs, o, defaultModel)
	var cues []caption.Cue
	var buf turnBuffers
	var floors []time.Duration
	for i, s := range segs {
		ws := splitWords(s.Text())
		lim := chunkLimits{maxChars: o.MaxChars, maxLines: o.MaxLines}
		lim.maxWidth = max(o.MaxChars, int(o.MaxDuration.Seconds()*rates[s.Speaker]))
		w := windows[i].speech(defaultModel)
		if a, ok := first[i]; ok {
			// word midpoints: widen by half a word's time each side
			half := seconds(3 / rates[s.Speaker])
			w.start, w.end = a-half, last[i]+half
		}
		cues = buf.cutTurn(cues, ws, s.Speaker, w, lim, defaultModel)
		for len(floors) < len(cues) {
			floors = append(floors, windows[i].start)
		}
	}
	makeReadable(cues, floors, nil, nil, defaultModel.linger, o)
	return measure(ref, cues, o)
}

// cueShapes says how full the cues are and how often they follow
// sentences: fuller cues stay up longer, sentence-first cues read better.
func cueShapes(cues []caption.Cue) string {
	sent, straddle, chars := 0, 0, 0
	for _, c := range cues {
		chars += CueChars(c)
		var texts []string
		for _, l := range c.Lines {
			texts = append(texts, l.Text)
		}
		ws := strings.Fields(strings.Join(texts, " "))
		if len(ws) == 0 {
			continue
		}
		last := endsSentence(ws[len(ws)-1])
		if last {
			sent++
		}
		for _, w := range ws[:len(ws)-1] {
			if endsSentence(w) && !last {
				straddle++
				break
			}
		}
	}
	n := float64(max(len(cues), 1))
	return fmt.Sprintf("  cues: %d, %.1f characters each, %.1f%% end a sentence, %.1f%% carry a sentence end into a cue that ends mid-sentence\n",
		len(cues), float64(chars)/n, 100*float64(sent)/n, 100*float64(straddle)/n)
}
