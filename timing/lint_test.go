package timing

import (
	"strings"
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
		{
			name: "French, untagged, short", cues: []caption.Cue{cue(0, 3*s, "A", "Nous sommes allés à la", "maison de Pierre hier.")},
			reason: "9 words are too few to tell French by",
		},
		{
			name: "French, untagged", cues: []caption.Cue{
				cue(0, 3*s, "A", "Nous sommes allés à la", "maison de Pierre hier."),
				cue(4*s, 7*s, "A", "Il nous a montré le jardin,", "les fleurs et les arbres du verger."),
				cue(8*s, 11*s, "A", "Puis nous avons mangé dans la cuisine", "avec sa femme et ses enfants."),
				cue(12*s, 15*s, "A", "Le soir, nous sommes rentrés", "en voiture par la route de la côte."),
			},
			want: []Rule{RuleLineBreak}, reason: "told French by its closed-class words",
		},
		{
			name: "Polish, untagged", cues: []caption.Cue{cue(0, 3*s, "A", "Wczoraj poszliśmy do", "domu mojej babci na obiad.")},
			reason: "no closed classes known: only names and numbers",
		},
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

// TestLintLanguages checks the line break rules in the languages whose
// closed classes they know, on real sentences: breaks the style guides
// forbid, and good breaks of the same sentences.
func TestLintLanguages(t *testing.T) {
	tests := []struct {
		lang, above, below string
		want               string // what the finding says, "" for none
	}{
		{"fr", "Nous sommes allés à la", "maison de Pierre hier.", `article or determiner "la"`},
		{"fr", "Nous sommes allés", "à la maison de Pierre hier.", ""},
		{"fr", "Il a laissé les clés dans", "la voiture ce matin.", `preposition "dans"`},
		{"fr", "Il a laissé les clés", "dans la voiture ce matin.", ""},
		{"fr", "Je crois qu'elle a", "oublié son rendez-vous.", `auxiliary "a"`},
		{"fr", "Je ne", "sais pas ce qu'il veut.", `negation "ne"`},
		{"fr", "J'ai appelé ma", "sœur pour lui dire.", `possessive "ma"`},
		{"fr", "Hier soir, j'ai vu Marie", "Dupont au cinéma.", `names "Marie" and "Dupont"`},
		{"fr", "Il a payé 20", "euros pour ce livre.", `number "20"`},
		{"fr", "Il a payé 20 euros", "pour ce livre.", ""},
		{"de", "Wir haben gestern den", "neuen Film gesehen.", `article or determiner "den"`},
		{"de", "Wir haben gestern", "den neuen Film gesehen.", ""},
		{"de", "Er wohnt seit drei Jahren in", "einer kleinen Stadt.", `preposition "in"`},
		{"de", "Ich habe", "das Buch schon gelesen.", ""},
		{"de", "Das hätte ich nie gedacht, ich habe", "gewonnen!", `auxiliary "habe"`},
		{"de", "Ich habe meiner Mutter", "Blumen gekauft.", ""},
		{"de", "Sie hat mit ihrem", "Bruder gesprochen.", `possessive "ihrem"`},
		{"es", "Mañana vamos a comprar una", "casa en el campo.", `article or determiner "una"`},
		{"es", "Mañana vamos a comprar", "una casa en el campo.", ""},
		{"es", "Ella no ha", "terminado el trabajo todavía.", `auxiliary "ha"`},
		{"es", "Yo no", "sé qué decirte.", `negation "no"`},
		{"es", "Dejé las llaves sobre", "la mesa de la cocina.", `preposition "sobre"`},
		{"es", "Mi hermano vive con su", "novia en Madrid.", `possessive "su"`},
		{"es", "Ayer hablé con Gabriel", "García en la plaza.", `names "Gabriel" and "García"`},
		{"it", "Domani andiamo al mare con", "i nostri amici.", `preposition "con"`},
		{"it", "Domani andiamo al mare", "con i nostri amici.", ""},
		{"it", "Non ho mai visto il", "film di cui parli.", `article or determiner "il"`},
		{"it", "Credo che lei sia partita, ma non", "ne sono sicuro.", `negation "non"`},
		{"it", "Abbiamo", "mangiato troppo ieri sera.", `auxiliary "Abbiamo"`},
		{"it", "Ho chiamato mio", "padre stamattina.", `possessive "mio"`},
		{"pt", "Ontem fomos ao cinema com", "os nossos amigos.", `preposition "com"`},
		{"pt", "Ontem fomos ao cinema", "com os nossos amigos.", ""},
		{"pt", "Eu já tinha", "saído quando ele chegou.", `auxiliary "tinha"`},
		{"pt", "Ela deixou o livro na", "mesa da sala.", `article or determiner "na"`},
		{"pt", "Eu não", "sei o que fazer.", `negation "não"`},
		{"pt", "O meu", "irmão mora em Lisboa.", `possessive "meu"`},
		{"nl", "We hebben gisteren een", "nieuwe auto gekocht.", `article or determiner "een"`},
		{"nl", "We hebben gisteren", "een nieuwe auto gekocht.", ""},
		{"nl", "Ze woont al jaren in", "een klein dorp.", `preposition "in"`},
		{"nl", "Ik heb", "het boek al gelezen.", ""},
		{"nl", "Ik denk dat we het zullen", "winnen.", `auxiliary "zullen"`},
		{"nl", "Hij belde gisteren Jan", "Peeters op.", `names "Jan" and "Peeters"`},
		{"fr", "Le train est", "parti sans nous.", `auxiliary "est"`},
		{"fr", "Et Burgundy était", "la pièce maîtresse, le pilier.", ""}, // the copula
		{"es", "Ser libre era", "algo que parecía inalcanzable.", ""},
		{"es", "Quiere que le diga que es", "el mejor trabajo del mundo.", ""},
		{"es", "Ella está", "comiendo con su madre.", `auxiliary "está"`},
		{"it", "La casa è", "grande e luminosa.", ""},
		{"it", "Siamo", "arrivati troppo tardi.", `auxiliary "Siamo"`},
		{"pt", "Ela está", "falando com o irmão.", `auxiliary "está"`},
		{"pt", "A casa é", "grande e bonita.", ""},
		{"es", "Si falla cualquier cosa, habrá", "más telefonistas para cubrirla.", ""}, // there will be
		{"es", "que no sé cómo te puedes", "tomar las cosas así de bien.", `auxiliary "puedes"`},
		{"fr", "Je veux", "du pain et du fromage.", ""}, // a modal as a verb of its own
		{"en", "We looked at the", "house on the corner.", `article or determiner "the"`},
		{"ru", "Вчера я видел Анну", "Каренину в театре.", `names "Анну" and "Каренину"`},
		{"ru", "Мы пошли в", "магазин за хлебом.", ""}, // no word lists for Russian
	}
	for _, tt := range tests {
		t.Run(tt.lang+" "+tt.above+" | "+tt.below, func(t *testing.T) {
			cues := []caption.Cue{cue(0, 3*time.Second, "A", tt.above, tt.below)}
			var got []string
			for _, v := range Lint(cues, LintOptions{Language: tt.lang}) {
				if v.Rule == RuleLineBreak {
					got = append(got, v.Detail)
				}
			}
			switch {
			case tt.want == "" && len(got) > 0:
				t.Errorf("Lint() = %q, want no line break finding", got)
			case tt.want != "" && (len(got) != 1 || !strings.Contains(got[0], tt.want)):
				t.Errorf("Lint() = %q, want one saying %s", got, tt.want)
			}
		})
	}
}
