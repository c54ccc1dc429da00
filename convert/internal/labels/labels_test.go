package labels

import (
	"testing"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/captest"
	"github.com/google/go-cmp/cmp"
)

// Short names for the builders of test documents.
var (
	ms  = captest.Ms
	say = captest.Say
	cat = captest.Cat
	dsh = captest.Dashed
)

// TestLabelsFalsePositives lists ordinary text that auto must never read
// as speakers, and small files that do use a convention.
func TestLabelsFalsePositives(t *testing.T) {
	cues := func(texts ...string) *caption.Document {
		d := &caption.Document{}
		for i, t := range texts {
			d.Cues = append(d.Cues, caption.Cue{Start: ms(int64(i) * 1000), End: ms(int64(i)*1000 + 900), Lines: []caption.Line{{Text: t}}})
		}
		return d
	}
	tests := []struct {
		name   string
		doc    *caption.Document
		want   Style
		reason string
	}{
		{name: "a note", doc: cues("Note: this is important.", "We start now.", "Then we go."), want: None},
		{name: "notes everywhere", doc: cues("Note: one.", "Note: two.", "Note: three.", "Warning: four."), want: None,
			reason: "Note and Warning are never speakers"},
		{name: "times and URLs", doc: cues("We met at 10:30 today.", "See https://example.com", "At 12:45 again", "Ratio 3:2"), want: None},
		{name: "one-off prose colons", doc: cues("The answer is simple: no.", "My reason: it works.", "Here is why: money.", "One more thing: yes."), want: None,
			reason: "lower-case words before the colon are not names"},
		{name: "each name once, every cue labelled", doc: cues("Ann: hi.", "Bob: yo.", "Carla: hey.", "Dan: hello."), want: Name,
			reason: "every cue opens with a name: four speakers, as capconv writes them back"},
		{name: "two cues, two names", doc: cues("Ann: hi.", "Bob: yo."), want: Name,
			reason: "capconv's own SRT of two speakers reads back"},
		{name: "names as people write them", doc: cues("Ashlee Kupor (SL): hi.", "Dr. Jane Smith: yo.", "Ashlee Kupor (SL): so?"), want: Name},
		{name: "one name once among prose", doc: cues("Ann: hi.", "We start now.", "Then we go.", "And more."), want: None,
			reason: "one label in four cues is no convention"},
		{name: "sound tags", doc: cues("[music]", "[laughs] Okay.", "[applause]", "[music]"), want: None,
			reason: "lower-case brackets are sounds"},
		{name: "a list with dashes once", doc: cues("- one item", "Another line", "Plain text"), want: None},
		{name: "negative numbers", doc: cues("-5 degrees", "-10 degrees", "-20 degrees"), want: None},
		{name: "repeated names", doc: cues("Ann: hi.", "Bob: yo.", "Ann: so?", "Bob: well."), want: Name},
		{name: "broadcast capitals with >>", doc: cues(">> ANN: hi.", ">> BOB: yo.", ">> ANN: so?"), want: Upper},
		{name: "brackets", doc: cues("[Ann] hi.", "[Bob] yo.", "[Ann] so?"), want: Bracket},
		{name: "dashes", doc: cues("- Hi.", "- Yo.", "Still me.", "- So?"), want: Dash},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Detect(tc.doc); got != tc.want {
				t.Errorf("Detect() = %q, want %q (%s)", got, tc.want, tc.reason)
			}
			before := cmp.Diff(nil, nil)
			if tc.want == None {
				want := append([]caption.Cue(nil), tc.doc.Cues...)
				Apply(tc.doc, Auto)
				if d := cmp.Diff(want, tc.doc.Cues); d != before {
					t.Errorf("Apply(auto) changed the text (-want +got):\n%s", d)
				}
			}
		})
	}
}

// TestApplyLabels checks each style on small inputs.
func TestApplyLabels(t *testing.T) {
	tests := []struct {
		name   string
		style  Style
		in     []caption.Line
		want   []caption.Line
		reason string
	}{
		{name: "name", style: Name, in: say("", "Ann: hi", "still Ann", "Bob: yo"),
			want: cat(say("Ann", "hi", "still Ann"), say("Bob", "yo"))},
		{name: "name ignores Note", style: Name, in: say("", "Note: hi"), want: say("", "Note: hi")},
		{name: "upper on its own line", style: Upper, in: say("", "before", "ANN:", "after"),
			want: cat(say("", "before"), say("ANN", "after"))},
		{name: "upper with chevrons", style: Upper, in: say("", ">> ANN: hi"), want: say("ANN", "hi")},
		{name: "bracket", style: Bracket, in: say("", "[Ann] hi", "[laughs] no"), want: cat(say("Ann", "hi"), say("Ann", "[laughs] no"))},
		{name: "Netflix dialogue", style: Name, in: say("", "-Ann: hi", "-Bob: yo"), want: cat(dsh(say("Ann", "hi")), dsh(say("Bob", "yo")))},
		{name: "dialogue without labels is unknown", style: Name, in: say("", "-hi", "-yo"),
			reason: "the dashes stay: they show that two people speak",
			want:   cat(dsh(say("", "hi")), dsh(say("", "yo")))},
		{name: "dash alternates", style: Dash, in: say("", "- hi", "- yo", "more"),
			want: cat(dsh(say("Speaker 1", "hi")), dsh(say("Speaker 2", "yo", "more")))},
		{name: "number after a dash is no dialogue", style: Dash, in: say("", "-800 workers", "- 5 came"),
			want: cat(say("", "-800 workers"), dsh(say("Speaker 1", "5 came")))},
		{name: "styles survive a cut label", style: Name,
			in:   []caption.Line{caption.StyledLine("", []caption.Span{{Text: "Ann: "}, {Text: "hi", Style: caption.Style{Italic: true}}})},
			want: []caption.Line{{Speaker: "Ann", Text: "hi", Spans: []caption.Span{{Text: "hi", Style: caption.Style{Italic: true}}}}}},
		{name: "speakers kept", style: Name, in: cat(say("Zed", "Ann: hi"), say("", "Bob: yo")),
			want: cat(say("Zed", "Ann: hi"), say("Bob", "yo"))},
		{name: "full-width colon read back", style: Name, in: say("", Name.Label("王小明")+"你好。"), want: say("王小明", "你好。"),
			reason: "a name in Chinese script is labelled with a full-width colon, as Chinese captions write it"},
		{name: "full-width colon", style: Name, in: say("", "王小明：大家好。", "李华：谢谢。"), want: cat(say("王小明", "大家好。"), say("李华", "谢谢。"))},
		{name: "none", style: None, in: say("", "Ann: hi"), want: say("", "Ann: hi")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := &caption.Document{Cues: []caption.Cue{{Lines: append([]caption.Line(nil), tc.in...)}}}
			Apply(d, tc.style)
			if diff := cmp.Diff(tc.want, d.Cues[0].Lines); diff != "" {
				t.Errorf("Apply(%s) (-want +got):\n%s%s", tc.style, diff, tc.reason)
			}
		})
	}
}

// TestApplyDialogue pins how dialogue cues are read across cues: a dash
// before a labelled answer is the other person's question, and with more
// than two people a dash without a label keeps its dash and no name.
func TestApplyDialogue(t *testing.T) {
	tests := []struct {
		name string
		in   [][]caption.Line
		want [][]caption.Line
	}{
		{
			name: "question before a labelled answer",
			in:   [][]caption.Line{say("", "TOM: Ready?"), say("", "SARAH: Go."), say("", "TOM: Yes."), say("", "- Are you ready?", "- SARAH: Always.")},
			want: [][]caption.Line{say("TOM", "Ready?"), say("SARAH", "Go."), say("TOM", "Yes."), cat(dsh(say("TOM", "Are you ready?")), dsh(say("SARAH", "Always.")))},
		},
		{
			name: "names said once in brackets, and dashes",
			in: [][]caption.Line{say("", "[Alba] En 1928,"), say("", "- Déjala.", "- No te metas."), say("", "[Sara] Por favor..."),
				say("", "- [Marga] Madre mía.", "- 800 trabajadores...")},
			want: [][]caption.Line{say("Alba", "En 1928,"), cat(dsh(say("", "Déjala.")), dsh(say("", "No te metas."))), say("Sara", "Por favor..."),
				cat(dsh(say("Marga", "Madre mía.")), dsh(say("", "800 trabajadores...")))},
		},
		{
			name: "three people",
			in: [][]caption.Line{say("", "[Alba] Hola."), say("", "[Sara] Hola."), say("", "[Carlos] Hola."),
				say("", "[Alba] Ya."), say("", "- Déjala.", "- Tú no te metas.")},
			want: [][]caption.Line{say("Alba", "Hola."), say("Sara", "Hola."), say("Carlos", "Hola."),
				say("Alba", "Ya."), cat(dsh(say("", "Déjala.")), dsh(say("", "Tú no te metas.")))},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := &caption.Document{}
			for _, l := range tc.in {
				d.Cues = append(d.Cues, caption.Cue{Lines: l})
			}
			Apply(d, Auto)
			var got [][]caption.Line
			for _, c := range d.Cues {
				got = append(got, c.Lines)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Apply (-want +got):\n%s", diff)
			}
		})
	}
}

// TestShower pins how writers show speakers in each style.
func TestShower(t *testing.T) {
	cues := [][]caption.Line{
		say("Ann", "Hi.", "Still Ann."),
		say("Ann", "More."),
		cat(say("Bob", "Yo."), say("Ann", "Hey.")),
		cat(dsh(say("", "Who?")), dsh(say("", "Me."))),
		say("", "-800 workers came."),
		dsh(say("Bob", "800 left.")),
	}
	tests := []struct {
		style Style
		want  [][]string
	}{
		{Name, [][]string{{"Ann: ", ""}, {""}, {"- Bob: ", "- Ann: "}, {"- ", "- "}, {""}, {"- Bob: "}}},
		{Upper, [][]string{{"ANN: ", ""}, {""}, {"- BOB: ", "- ANN: "}, {"- ", "- "}, {""}, {"- BOB: "}}},
		{Bracket, [][]string{{"[Ann] ", ""}, {""}, {"- [Bob] ", "- [Ann] "}, {"- ", "- "}, {""}, {"- [Bob] "}}},
		{Dash, [][]string{{"- ", ""}, {""}, {"- ", "- "}, {"- ", "- "}, {""}, {"- "}}},
		{None, [][]string{{"", ""}, {""}, {"", ""}, {"- ", "- "}, {""}, {"- "}}},
	}
	for _, tc := range tests {
		t.Run(string(tc.style), func(t *testing.T) {
			s := NewShower(tc.style)
			var got [][]string
			for _, c := range cues {
				got = append(got, s.Prefixes(nil, c))
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Prefixes (-want +got):\n%s", diff)
			}
		})
	}
}

// TestLabelLen checks LabelLen against Label for every style and script.
func TestLabelLen(t *testing.T) {
	for _, speaker := range []string{"Ann Lee", "émilie", "王小明", "أحمد", "straße", "DJ"} {
		for _, s := range []Style{Name, Upper, Bracket} {
			label := s.Label(speaker)
			if n := s.LabelLen(label+"Hi.", speaker); n != len(label) {
				t.Errorf("%s.LabelLen(%q) = %d, want %d", s, label+"Hi.", n, len(label))
			}
			if n := s.LabelLen(label[:len(label)-1], speaker); n != 0 && s != Bracket {
				t.Errorf("%s.LabelLen(%q) = %d, want 0", s, label[:len(label)-1], n)
			}
			if n := s.LabelLen("Hi. "+label, speaker); n != 0 {
				t.Errorf("%s.LabelLen(%q) = %d, want 0", s, "Hi. "+label, n)
			}
		}
	}
}

// TestChevron writes broadcast's ">> NAME: " at each change of speaker,
// ">> " for someone unnamed, and reads it back: the speakers, the style
// shown, and a bare ">>" as a dialogue dash.
func TestChevron(t *testing.T) {
	if got := Chevron.Label("Ann Lee"); got != ">> ANN LEE: " {
		t.Errorf("Label = %q", got)
	}
	if n := Chevron.LabelLen(">> ANN LEE: hi", "Ann Lee"); n != len(">> ANN LEE: ") {
		t.Errorf("LabelLen = %d", n)
	}
	show := NewShower(Chevron)
	got := show.Prefixes(nil, []caption.Line{{Speaker: "Ann", Text: "Hi."}, {Speaker: "", Text: "Who?"}})
	if d := cmp.Diff([]string{">> ANN: ", ">> "}, got); d != "" {
		t.Errorf("Prefixes (-want +got):\n%s", d)
	}
	d := &caption.Document{Cues: []caption.Cue{
		{Lines: []caption.Line{{Text: ">> ANN: Hello."}}},
		{Lines: []caption.Line{{Text: ">> BOB: Hi, Ann."}}},
		{Lines: []caption.Line{{Text: "And you?"}}},
		{Lines: []caption.Line{{Text: ">> ANN: Fine."}, {Text: ">> Who's there?"}}},
	}}
	Apply(d, Auto)
	if d.SpeakersShown != string(Chevron) {
		t.Errorf("SpeakersShown = %q, want chevron", d.SpeakersShown)
	}
	want := [][2]string{{"ANN", "Hello."}, {"BOB", "Hi, Ann."}, {"BOB", "And you?"}, {"ANN", "Fine."}}
	for i, w := range want {
		if l := d.Cues[i].Lines[0]; l.Speaker != w[0] || l.Text != w[1] {
			t.Errorf("cue %d: %q %q, want %q %q", i+1, l.Speaker, l.Text, w[0], w[1])
		}
	}
	if l := d.Cues[3].Lines[1]; !l.Dash || l.Text != "Who's there?" {
		t.Errorf("bare >>: %+v, want a dialogue dash", l)
	}
}
