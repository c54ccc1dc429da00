package timing

import (
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
	"github.com/google/go-cmp/cmp"
)

func TestLint(t *testing.T) {
	s := time.Second
	dash := func(c caption.Cue) caption.Cue {
		for i := range c.Lines {
			c.Lines[i].Dash = true
		}
		return c
	}
	two := func(a, b string) caption.Cue {
		return caption.Cue{Start: 0, End: 3 * s, Lines: []caption.Line{{Speaker: "Ann", Text: a}, {Speaker: "Bob", Text: b}}}
	}
	tests := []struct {
		name   string
		cues   []caption.Cue
		o      LintOptions
		want   []Rule
		reason string
	}{
		{name: "good break", cues: []caption.Cue{cue(0, 3*s, "A", "I went to the shop,", "and then I came home.")}},
		{name: "after an article", cues: []caption.Cue{cue(0, 3*s, "A", "We looked at the", "house on the corner.")}, want: []Rule{RuleLineBreak}},
		{name: "after an auxiliary", cues: []caption.Cue{cue(0, 3*s, "A", "I think we should", "go home right now.")}, want: []Rule{RuleLineBreak}},
		{name: "after a preposition", cues: []caption.Cue{cue(0, 3*s, "A", "She put the keys in", "her bag and left.")}, want: []Rule{RuleLineBreak}},
		{name: "between names", cues: []caption.Cue{cue(0, 3*s, "A", "Yesterday I met Albert", "Einstein at the station.")}, want: []Rule{RuleLineBreak}},
		{name: "adjective and noun", cues: []caption.Cue{cue(0, 3*s, "A", "They bought a big red", "house last summer.")}, want: []Rule{RuleLineBreak}},
		{name: "top heavy", cues: []caption.Cue{cue(0, 3*s, "A", "This line is much longer than the other,", "is it not?")}, want: []Rule{RuleUnbalanced}},
		{name: "one-word sentence on top", cues: []caption.Cue{cue(0, 3*s, "A", "Really?", "I had no idea at all.")}},
		{name: "sound on its own line", cues: []caption.Cue{cue(0, 3*s, "A", "[laughs]", "I had no idea at all.")}},
		{name: "capitals are no names", cues: []caption.Cue{cue(0, 3*s, "A", "THE EVENTS", "THAT SHAPED US")}},
		{name: "not English", cues: []caption.Cue{cue(0, 3*s, "A", "Nous sommes allés à la", "maison de Pierre hier.")}, reason: "the word classes are English"},
		{name: "Chinese has no spaces", cues: []caption.Cue{cue(0, 3*s, "A", "现实世界中的机器人学习问题中", "使用模拟和域适应。")}},
		{name: "orphan", cues: []caption.Cue{cue(0, 3*s, "A", "We all went out together,", "finally.")}, want: []Rule{RuleUnbalanced, RuleOrphan}},
		{
			name: "change of speaker unseen", cues: []caption.Cue{cue(0, 2*s, "Ann", "Hello."), cue(3*s, 5*s, "Bob", "Hi.")},
			want: []Rule{RuleSpeakerID},
		},
		{
			name: "change of speaker labelled", cues: []caption.Cue{cue(0, 2*s, "Ann", "Hello."), cue(3*s, 5*s, "Bob", "Hi.")},
			o: LintOptions{LabelsShown: true}, reason: "the labels say who speaks",
		},
		{name: "two speakers without dashes", cues: []caption.Cue{two("Coming?", "Yes.")}, want: []Rule{RuleDialogueDash}},
		{name: "two speakers with dashes", cues: []caption.Cue{dash(two("Coming?", "Yes."))}},
		{
			name: "off the frame grid", cues: []caption.Cue{cue(0, 1010*time.Millisecond, "A", "Hello.")}, o: LintOptions{FPS: 25},
			want: []Rule{RuleFrames}, reason: "1.010 s is a quarter frame past frame 25",
		},
		{name: "on the frame grid", cues: []caption.Cue{cue(40*time.Millisecond, 1040*time.Millisecond, "A", "Hello.")}, o: LintOptions{FPS: 25}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []Rule
			for _, v := range Lint(tt.cues, tt.o) {
				got = append(got, v.Rule)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("Lint() rules (-want +got):\n%s%s", d, tt.reason)
			}
		})
	}
}

func TestCheckGapsUnderPresets(t *testing.T) {
	s := time.Second
	touching := []caption.Cue{cue(0, 2*s, "A", "One."), cue(2*s, 4*s, "A", "Two.")}
	youtube, _ := Preset("youtube")
	tests := []struct {
		name string
		o    Options
		want []Rule
	}{
		{"netflix wants 2 frames", Options{}, []Rule{RuleGap}},
		{"youtube lets cues touch", youtube, nil},
		{"a negative gap lets cues touch", Options{MinGap: -1}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []Rule
			for _, v := range Check(touching, tt.o) {
				got = append(got, v.Rule)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("Check() rules (-want +got):\n%s", d)
			}
			var inReport []Rule
			for _, v := range BuildReport("", &caption.Document{Cues: touching}, tt.o).Violations {
				inReport = append(inReport, v.Rule)
			}
			if d := cmp.Diff(tt.want, inReport); d != "" {
				t.Errorf("BuildReport() rules (-want +got):\n%s", d)
			}
		})
	}
}

func TestCheckChains(t *testing.T) {
	s := time.Second
	bbc, _ := Preset("bbc")
	tests := []struct {
		name string
		gap  time.Duration
		o    Options
		want []Rule
	}{
		{"a quarter second", s / 4, Options{}, []Rule{RuleChain}},
		{"the minimum", DefaultMinGap, Options{}, nil},
		{"past chaining", s, Options{}, nil},
		{"bbc does not chain", s / 4, bbc, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []Rule
			for _, v := range CheckChains([]caption.Cue{cue(0, 2*s, "A", "One."), cue(2*s+tt.gap, 4*s, "A", "Two.")}, tt.o) {
				got = append(got, v.Rule)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("CheckChains() rules (-want +got):\n%s", d)
			}
		})
	}
}

// TestNoRoomOnlyForTime: a cue boxed in by its neighbours is marked NoRoom
// for the rules more time would fix, never for a line too long.
func TestNoRoomOnlyForTime(t *testing.T) {
	s := time.Second
	long := "This line is far longer than any style guide lets a line be, and fast"
	cues := []caption.Cue{cue(0, s, "A", "One."), cue(s+DefaultMinGap, 2*s, "A", long), cue(2*s+DefaultMinGap, 3*s, "A", "Two.")}
	for _, v := range Check(cues, Options{}) {
		if v.Cue != 1 {
			continue
		}
		if want := v.Rule == RuleCPS; v.NoRoom != want {
			t.Errorf("%s: NoRoom %v, want %v", v, v.NoRoom, want)
		}
	}
}
