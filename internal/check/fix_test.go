package check

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/timing"
	"github.com/google/go-cmp/cmp"
)

// spoken lists every word of cues in order with its speaker: what Fix
// must keep. Formatting tags are no words.
func spoken(cues []caption.Cue) []string {
	var out []string
	for _, c := range cues {
		for _, l := range c.Lines {
			for _, w := range strings.Fields(tag.ReplaceAllString(l.Text, "")) {
				out = append(out, fmt.Sprintf("%s %s", l.Speaker, w))
			}
		}
	}
	return out
}

var vocabulary = strings.Fields("the a of and to in is it that we I you was for on are with as his they at be this from have or by one had not but what all were when can said there use an each which she do how their if will up other about out many then them these so some her would make like him into time has look two more write go see number no way could people my than first water been call who oil its now find long down day did get come made may part Ann: Bob, yes. no! well... Albert Einstein")

// randomCues makes n cues of random words, speakers, line breaks and
// times, overlapping, touching and far apart, among them cues with no
// text, orphans (a word or two going on with the cue before, or leading
// into the one after) and cues too fast to read next to a slow cue of the
// same speaker, and cues on screen too long.
func randomCues(r *rand.Rand, n int) []caption.Cue {
	var cues []caption.Cue
	at := time.Duration(0)
	words := func(n int) string {
		var ws []string
		for range n {
			ws = append(ws, vocabulary[r.IntN(len(vocabulary))])
		}
		return strings.Join(ws, " ")
	}
	for range n {
		at += time.Duration(r.IntN(3000)-500) * time.Millisecond
		at = max(at, 0)
		c := caption.Cue{Start: at, End: at + time.Duration(r.IntN(4000)+1)*time.Millisecond}
		speaker := []string{"", "Ann", "Bob"}[r.IntN(3)]
		switch k := r.IntN(10); {
		case k == 0: // no text
			c.Lines = []caption.Line{{Speaker: speaker, Text: []string{"", "  ", "<i></i>", "{\\an8}"}[r.IntN(4)]}}
		case k == 1 && len(cues) > 0: // an orphan, close after the cue before
			p := cues[len(cues)-1]
			c.Start = p.End + time.Duration(r.IntN(400))*time.Millisecond
			c.End = c.Start + time.Duration(r.IntN(1500)+300)*time.Millisecond
			at = c.Start
			c.Lines = []caption.Line{{Speaker: p.Lines[0].Speaker, Text: words(r.IntN(2)+1) + []string{"", ".", ","}[r.IntN(3)]}}
		case k == 3 && r.IntN(3) == 0: // on screen too long
			c.End = c.Start + time.Duration(r.IntN(6000)+7500)*time.Millisecond
			c.Lines = []caption.Line{{Speaker: speaker, Text: words(5) + "."}}
		case k == 2: // too fast, then slow, of one speaker
			c.End = c.Start + time.Duration(r.IntN(800)+400)*time.Millisecond
			c.Lines = []caption.Line{{Speaker: speaker, Text: words(7)}, {Speaker: speaker, Text: words(6) + "."}}
			cues = append(cues, c)
			slow := caption.Cue{Start: c.End + time.Duration(r.IntN(300))*time.Millisecond, Lines: []caption.Line{{Speaker: speaker, Text: words(3) + "."}}}
			slow.End = slow.Start + time.Duration(r.IntN(4000)+1500)*time.Millisecond
			c, at = slow, slow.Start
		default:
			for l := range r.IntN(3) + 1 {
				line := caption.Line{Speaker: speaker, Text: words(r.IntN(9) + 1)}
				if l > 0 && r.IntN(5) == 0 {
					line.Speaker, line.Dash = "Bob", true
				}
				c.Lines = append(c.Lines, line)
			}
		}
		cues = append(cues, c)
	}
	caption.SortCues(cues)
	return cues
}

// TestFixKeepsWords: whatever Fix does, every word, its speaker and its
// order stay as they were; the fixed cues pass Document's check of every
// rule Fix repairs except where Fix reports it could not fix them, and
// those are exactly the violations that check finds; and each of those
// is one whose times leave no room (or a dialogue cue Fix does not split).
func TestFixKeepsWords(t *testing.T) {
	presets := []string{"netflix", "bbc", "dcmp", "youtube"}
	stats := map[string]int{}
	for seed := range uint64(300) {
		r := rand.New(rand.NewPCG(seed, 15))
		o, _ := timing.Preset(presets[seed%4])
		if seed%3 == 0 {
			o.FPS = 25
		}
		doc := &caption.Document{Cues: randomCues(r, r.IntN(30)+1)}
		orig := slices.Clone(spoken(doc.Cues))
		fixed, changes := Fix(doc, o)
		if d := cmp.Diff(orig, spoken(fixed.Cues)); d != "" {
			t.Fatalf("seed %d: words changed (-want +got):\n%s", seed, d)
		}
		if d := cmp.Diff(orig, spoken(doc.Cues)); d != "" {
			t.Fatalf("seed %d: Fix changed its input (-want +got):\n%s", seed, d)
		}
		for _, ch := range changes {
			switch {
			case ch.Failed:
				stats["not fixed"]++
			case strings.Contains(ch.What, "deleted"):
				stats["deleted"]++
			case strings.Contains(ch.What, "merged"):
				stats["merged"]++
			case strings.Contains(ch.What, "shares its time"):
				stats["shared"]++
			case strings.Contains(ch.What, "no longer on screen than"):
				stats["shortened"]++
			}
		}
		r2, err := Document("fixed", fixed, Options{Convert: convert.Options{Timing: o}})
		if err != nil {
			t.Fatal(err)
		}
		type left struct {
			cue  int
			rule timing.Rule
		}
		var found, reported []left
		for _, f := range r2.Findings {
			if slices.Contains(repaired, f.Rule) {
				found = append(found, left{f.Cue, f.Rule})
				if why := roomLeft(fixed.Cues, f, r2.Limits); why != "" {
					t.Errorf("seed %d: after Fix, cue %d: %s: %s, yet %s", seed, f.Cue, f.Rule, f.Message, why)
				}
			}
		}
		for _, ch := range changes {
			if ch.Failed {
				rule, _, _ := strings.Cut(ch.What, ":")
				reported = append(reported, left{ch.Cue, timing.Rule(rule)})
			}
		}
		if d := cmp.Diff(found, reported, cmp.AllowUnexported(left{})); d != "" {
			t.Errorf("seed %d: what check finds (-) and what Fix says it could not fix (+) differ:\n%s", seed, d)
		}
		for i, c := range fixed.Cues {
			if c.End <= c.Start {
				t.Errorf("seed %d: cue %d ends at %v, not after its start %v", seed, i+1, c.End, c.Start)
			}
			if blank(c) {
				t.Errorf("seed %d: cue %d has no text", seed, i+1)
			}
		}
	}
	for _, k := range []string{"deleted", "merged", "shared", "shortened", "not fixed"} {
		if stats[k] == 0 {
			t.Errorf("no change in 300 cue sets was %s: the generator does not reach it", k)
		}
	}
	t.Logf("changes over 300 cue sets: %v", stats)
}

// roomLeft returns "" when the finding f, left after Fix, is one Fix
// could not repair: its times leave no room (or a dialogue or styled cue
// keeps its lines), else what room there was.
func roomLeft(cues []caption.Cue, f Finding, lim timing.Options) string {
	i := f.Cue - 1
	c := cues[i]
	gap := max(lim.MinGap, 0)
	const ms = time.Millisecond
	switch f.Rule {
	case timing.RuleLines, timing.RuleChars:
		if !oneSpeaker(c) {
			return ""
		}
		return "it is one speaker's, and could be split or re-broken"
	case timing.RuleOverlap, timing.RuleGap:
		if p := cues[i-1]; c.Start-gap > p.Start {
			return fmt.Sprintf("cue %d could end earlier", i)
		}
		return ""
	case timing.RuleChain:
		if p := cues[i-1]; c.Start-gap-p.Start <= lim.MaxDuration+ms {
			return fmt.Sprintf("cue %d could end later", i)
		}
		return ""
	case timing.RuleCPS, timing.RuleMinDuration:
		need := needs(&caption.Document{Cues: cues}, lim)
		if c.End-c.Start < lim.MaxDuration-ms && (i+1 == len(cues) || cues[i+1].Start-gap-c.End > ms) {
			return "there is free time after it"
		}
		for _, j := range []int{i - 1, i + 1} {
			if j < 0 || j >= len(cues) {
				continue
			}
			a, b := min(i, j), max(i, j)
			x, y := cues[a], cues[b]
			if !oneSpeaker(x) || !oneSpeaker(y) || x.Lines[0].Speaker != y.Lines[0].Speaker ||
				y.Start-x.End > max(lim.ChainGap, gap)+ms {
				continue
			}
			lo := max(x.Start+need[a], y.End-gap-lim.MaxDuration)
			hi := min(y.End-gap-need[b], x.Start+lim.MaxDuration)
			if lo <= hi {
				return fmt.Sprintf("cue %d, of the same speaker, has time to spare", j+1)
			}
		}
		return ""
	}
	return "Fix should have repaired it"
}

func TestFix(t *testing.T) {
	s := time.Second
	cue := func(start, end time.Duration, lines ...string) caption.Cue {
		c := caption.Cue{Start: start, End: end}
		for _, l := range lines {
			c.Lines = append(c.Lines, caption.Line{Text: l})
		}
		return c
	}
	tests := []struct {
		name string
		o    timing.Options
		in   []caption.Cue
		want []caption.Cue
	}{
		{
			name: "overlap", in: []caption.Cue{cue(0, 3*s, "One."), cue(2*s, 4*s, "Two.")},
			want: []caption.Cue{cue(0, 2*s-timing.DefaultMinGap, "One."), cue(2*s, 4*s, "Two.")},
		},
		{
			name: "short cue into a free gap", in: []caption.Cue{cue(0, s/2, "Hi."), cue(5*s, 7*s, "Two.")},
			want: []caption.Cue{cue(0, timing.DefaultMinDuration, "Hi."), cue(5*s, 7*s, "Two.")},
		},
		{
			name: "chained", in: []caption.Cue{cue(0, 2*s, "One."), cue(2*s+s/4, 4*s, "Two.")},
			want: []caption.Cue{cue(0, 2*s+s/4-timing.DefaultMinGap, "One."), cue(2*s+s/4, 4*s, "Two.")},
		},
		{
			name: "bad break", in: []caption.Cue{cue(0, 3*s, "We looked at the", "house on the corner.")},
			want: []caption.Cue{cue(0, 3*s, "We looked at the house on the corner.")},
		},
		{
			name: "cues may touch", o: timing.Options{MinGap: -1}, in: []caption.Cue{cue(0, 2*s, "One."), cue(2*s, 4*s, "Two.")},
			want: []caption.Cue{cue(0, 2*s, "One."), cue(2*s, 4*s, "Two.")},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := Fix(&caption.Document{Cues: tt.in}, tt.o)
			if d := cmp.Diff(tt.want, got.Cues); d != "" {
				t.Errorf("Fix() mismatch (-want +got):\n%s", d)
			}
		})
	}
}

// TestFixSplits checks that a cue too long for its lines is split into
// cues that fit, its time shared by characters, and that the diff shows
// the one cue against the ones it became.
func TestFixSplits(t *testing.T) {
	long := "This cue says far more than two lines of a caption can hold, so that a viewer " +
		"would have to read four lines at once, which no style guide allows on the screen."
	doc := &caption.Document{Cues: []caption.Cue{
		{Start: 0, End: 8 * time.Second, Lines: []caption.Line{{Text: long}}},
		{Start: 10 * time.Second, End: 12 * time.Second, Lines: []caption.Line{{Text: "Short."}}},
	}}
	o, _ := timing.Preset("netflix")
	fixed, changes := Fix(doc, o)
	if len(fixed.Cues) != 3 {
		t.Fatalf("%d cues after Fix, want the long one split in two: %v", len(fixed.Cues), fixed.Cues)
	}
	a, b := fixed.Cues[0], fixed.Cues[1]
	if len(a.Lines) > 2 || len(b.Lines) > 2 || a.Start != 0 || b.End != 8*time.Second || b.Start < a.End {
		t.Errorf("split into %v and %v", a, b)
	}
	if mid := a.End; mid < 3*time.Second || mid > 5*time.Second {
		t.Errorf("the first part ends at %v: the time is not shared by characters", mid)
	}
	if d := cmp.Diff(spoken(doc.Cues), spoken(fixed.Cues)); d != "" {
		t.Errorf("words changed (-want +got):\n%s", d)
	}
	found := false
	for _, c := range changes {
		found = found || strings.Contains(c.What, "split into 2 cues")
	}
	if !found {
		t.Errorf("no change says the cue was split: %v", changes)
	}
	var diff strings.Builder
	if err := WriteDiff(&diff, "a.srt", doc.Cues, fixed.Cues); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(diff.String(), "@@ cues 1–2 @@") || strings.Contains(diff.String(), "Short.") {
		t.Errorf("diff:\n%s", diff.String())
	}
}

// TestFixRepairs pins each repair added for the cues' text and speed:
// empty cues deleted, orphans merged, time borrowed from a slower cue of
// the same speaker, and what cannot be fixed reported.
func TestFixRepairs(t *testing.T) {
	s, ms := time.Second, time.Millisecond
	cue := func(start, end time.Duration, speaker string, lines ...string) caption.Cue {
		c := caption.Cue{Start: start, End: end}
		for _, l := range lines {
			c.Lines = append(c.Lines, caption.Line{Speaker: speaker, Text: l})
		}
		return c
	}
	tests := []struct {
		name    string
		in      []caption.Cue
		want    []caption.Cue
		changes []string // what the changes say, in order
		reason  string
	}{
		{
			name: "empty cues deleted",
			in:   []caption.Cue{cue(0, 2*s, "", "One."), cue(3*s, 4*s, "", " "), cue(5*s, 6*s, "", "<i></i>"), cue(7*s, 9*s, "", "Two.")},
			want: []caption.Cue{cue(0, 2*s, "", "One."), cue(7*s, 9*s, "", "Two.")},
			changes: []string{
				"cue 2 (00:00:03.000): 00:00:03.000 --> 00:00:04.000: deleted: a cue with no text",
				"cue 2 (00:00:05.000): 00:00:05.000 --> 00:00:06.000: deleted: a cue with no text",
			},
			reason: "a deleted cue is numbered by the cue that takes its place",
		},
		{
			name: "orphan goes on with the cue before",
			in:   []caption.Cue{cue(0, 2*s, "Ann", "We all went out together"), cue(2*s+100*ms, 3*s, "Ann", "last night."), cue(5*s, 7*s, "Ann", "Then we slept.")},
			want: []caption.Cue{cue(0, 3*s, "Ann", "We all went out together last night."), cue(5*s, 7*s, "Ann", "Then we slept.")},
			changes: []string{
				`cue 1 (00:00:00.000): 00:00:00.000 --> 00:00:03.000: merged with the orphan "last night." after it, which went on with its sentence`,
			},
		},
		{
			name: "orphan leads into the cue after",
			in:   []caption.Cue{cue(0, 2*s, "", "That was all."), cue(3*s, 3*s+500*ms, "", "And then"), cue(3*s+600*ms, 6*s, "", "we went home.")},
			want: []caption.Cue{cue(0, 2*s, "", "That was all."), cue(3*s, 6*s, "", "And then we went home.")},
			changes: []string{
				`cue 2 (00:00:03.000): 00:00:03.000 --> 00:00:06.000: the orphan "And then" merged with the cue after it, which it leads into`,
			},
		},
		{
			name:    "a sentence of its own stays",
			in:      []caption.Cue{cue(0, 2*s, "", "Are you coming?"), cue(2*s+100*ms, 3*s, "", "Yes.")},
			want:    []caption.Cue{cue(0, 2*s+100*ms-timing.DefaultMinGap, "", "Are you coming?"), cue(2*s+100*ms, 3*s, "", "Yes.")},
			changes: []string{"cue 1 (00:00:00.000): end 00:00:02.000 → 00:00:02.017: chained to cue 2"},
			reason:  "an answer is no orphan",
		},
		{
			name:    "another speaker's orphan stays",
			in:      []caption.Cue{cue(0, 2*s, "Ann", "We all went out together"), cue(2*s+100*ms, 3*s, "Bob", "last night.")},
			want:    []caption.Cue{cue(0, 2*s+100*ms-timing.DefaultMinGap, "Ann", "We all went out together"), cue(2*s+100*ms, 3*s, "Bob", "last night.")},
			changes: []string{"cue 1 (00:00:00.000): end 00:00:02.000 → 00:00:02.017: chained to cue 2"},
			reason:  "the words belong to someone else",
		},
		{
			name:   "an orphan far from its sentence stays",
			in:     []caption.Cue{cue(0, 2*s, "", "We all went out together"), cue(4*s, 5*s, "", "last night.")},
			want:   []caption.Cue{cue(0, 2*s, "", "We all went out together"), cue(4*s, 5*s, "", "last night.")},
			reason: "two seconds apart, they were said apart",
		},
		{
			name: "too fast, time borrowed from a slow cue of the same speaker",
			in: []caption.Cue{
				cue(0, 1*s, "", "This is far too much text to read", "in the one second it is given."),
				cue(1*s+83*ms, 6*s, "", "Short."),
			},
			want: []caption.Cue{
				cue(0, 6*s-timing.DefaultMinGap-timing.DefaultMinDuration, "", "This is far too much text to read", "in the one second it is given."),
				cue(6*s-timing.DefaultMinDuration, 6*s, "", "Short."),
			},
			changes: []string{
				"cue 1 (00:00:00.000): end 00:00:01.000 → 00:00:05.083: shares its time with cue 2 by characters",
				"cue 2 (00:00:01.083): start 00:00:01.083 → 00:00:05.167: shares its time with cue 1 by characters",
			},
			reason: "64 characters and 6 share 5.917 s: the first would get 64/70 of it, but the second keeps the 5/6 s a cue needs",
		},
		{
			name: "too fast, time shared by characters",
			in: []caption.Cue{
				cue(0, 1*s, "", "The same words in both cues, said twice."),
				cue(1*s+83*ms, 6*s, "", "The same words in both cues, said twice."),
			},
			want: []caption.Cue{
				cue(0, (6*s-timing.DefaultMinGap)/2, "", "The same words in both cues, said twice."),
				cue((6*s-timing.DefaultMinGap)/2+timing.DefaultMinGap, 6*s, "", "The same words in both cues, said twice."),
			},
			changes: []string{
				"cue 1 (00:00:00.000): end 00:00:01.000 → 00:00:02.958: shares its time with cue 2 by characters",
				"cue 2 (00:00:01.083): start 00:00:01.083 → 00:00:03.042: shares its time with cue 1 by characters",
			},
			reason: "as many characters, as much time",
		},
		{
			name: "Japanese re-broken between words, without a space",
			in:   []caption.Cue{cue(0, 5*s, "", "おろ？何だ桐山でっかい握り", "飯だなぁ。")},
			want: []caption.Cue{cue(0, 5*s, "", "おろ？何だ桐山", "でっかい握り飯だなぁ。")},
			changes: []string{
				`cue 1 (00:00:00.000): lines "おろ？何だ桐山でっかい握り / 飯だなぁ。" → "おろ？何だ桐山 / でっかい握り飯だなぁ。": re-broken`,
			},
			reason: "a line break inside 握り飯 is no space: the text is joined without one and broken between words, at Japanese's 13 characters a line (the script tells the language)",
		},
		{
			name: "too fast, and no room",
			in: []caption.Cue{
				cue(0, 1*s, "", "This is far too much text to read", "in the one second it is given."),
				cue(1*s+83*ms, 3*s, "", "And this cue has no time to spare."),
			},
			want: []caption.Cue{
				cue(0, 1*s, "", "This is far too much text to read", "in the one second it is given."),
				cue(1*s+83*ms, 3*s, "", "And this cue has no time to spare."),
			},
			changes: []string{
				"cue 1 (00:00:00.000): not fixed: cps: 64 characters a second, above 20: its times leave no room: no free time after it, and no cue of the same speaker next to it with time to spare",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, changes := Fix(&caption.Document{Cues: tt.in}, timing.Options{})
			if d := cmp.Diff(tt.want, got.Cues); d != "" {
				t.Errorf("Fix() mismatch (-want +got):\n%s%s", d, tt.reason)
			}
			var says []string
			for _, c := range changes {
				says = append(says, c.String())
			}
			if d := cmp.Diff(tt.changes, says); d != "" {
				t.Errorf("Fix() changes (-want +got):\n%s%s", d, tt.reason)
			}
		})
	}
}

// TestWriteDiffDeleted: a cue deleted shows in the diff with the cue
// after it, and one deleted at the end on its own.
func TestWriteDiffDeleted(t *testing.T) {
	s := time.Second
	one := caption.Cue{Start: 0, End: s, Lines: []caption.Line{{Text: "One."}}}
	two := caption.Cue{Start: 2 * s, End: 3 * s, Lines: []caption.Line{{Text: "Two."}}}
	empty := caption.Cue{Start: 4 * s, End: 5 * s, Lines: []caption.Line{{Text: "<i></i>"}}}
	var b strings.Builder
	if err := WriteDiff(&b, "a.srt", []caption.Cue{one, empty, two, empty}, []caption.Cue{one, two}); err != nil {
		t.Fatal(err)
	}
	want := "--- a.srt\n+++ a.srt (fixed)\n@@ cue 2 @@\n" +
		"-00:00:04.000 --> 00:00:05.000\n-<i></i>\n-00:00:02.000 --> 00:00:03.000\n-Two.\n+00:00:02.000 --> 00:00:03.000\n+Two.\n" +
		"@@ after cue 2 @@\n-00:00:04.000 --> 00:00:05.000\n-<i></i>\n"
	if d := cmp.Diff(want, b.String()); d != "" {
		t.Errorf("WriteDiff() mismatch (-want +got):\n%s", d)
	}
}
