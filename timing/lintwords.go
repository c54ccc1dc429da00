package timing

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/internal/lexicon"
)

// breakClass is what the line treatment rules know of a word of a
// language other than English: the closed classes a line must not end
// on, since the word after them belongs with them.
type breakClass uint8

const (
	breakFree        breakClass = iota
	breakArticle                // an article or determiner, before its noun
	breakPossessive             // a possessive determiner, before what it owns
	breakPreposition            // a preposition, before its object
	breakAuxiliary              // an auxiliary or modal, before its verb
	breakNegation               // a negation, before its verb
)

// breakRules are the line treatment rules of one language.
type breakRules struct {
	// english: the English word classes of the line breaker, its
	// adjectives and the possessive 's.
	english bool
	// classOf classifies a word in lower case; nil for a language whose
	// closed classes are not known: only the rules of names and numbers,
	// which need no words, apply.
	classOf func(w string) breakClass
	// verbLast: the verb an auxiliary governs comes at the end of its
	// clause (German, Dutch: "Ich habe das Buch gelesen"), so a break
	// after the auxiliary parts them only when the next word ends the
	// clause.
	verbLast bool
	// nounsCapitalised: every noun takes a capital (German), so two
	// capitalised words are no sign of a first and a last name.
	nounsCapitalised bool
	// verbForm, when set, reports whether a word in lower case looks
	// like a past participle, a gerund or an infinitive (Romance
	// languages): an auxiliary or a form of to be is one only before
	// such a word ("est | parti", "puedes | tomar"); before anything else
	// it is the verb itself ("era | algo", "habrá | más"), which a line
	// may end on.
	verbForm func(w string) bool
}

// breakRulesFor returns the rules of the language tag names; an empty
// tag means English when the text of cues reads as English.
func breakRulesFor(tag string, cues []caption.Cue) breakRules {
	switch t := primaryTag(tag); t {
	case "":
		return guessBreakRules(cues)
	case "en":
		return breakRules{english: true}
	default:
		for _, l := range closedClasses {
			if l.tag == t {
				return l.rules
			}
		}
	}
	return breakRules{}
}

// closedClasses are the languages other than English whose closed
// classes the rules know.
var closedClasses = []struct {
	tag   string
	rules breakRules
}{
	{"fr", breakRules{classOf: frenchClass, verbForm: endsIn("é", "ée", "és", "ées", "i", "ie", "is", "u", "ue", "us", "it", "ert", "ort", "er", "ir", "re", "oir", "ant")}},
	{"es", breakRules{classOf: spanishClass, verbForm: endsIn("ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas", "ído", "ída", "ando", "iendo", "yendo", "cho", "to", "ar", "er", "ir")}},
	{"pt", breakRules{classOf: portugueseClass, verbForm: endsIn("ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas", "ído", "ída", "ando", "endo", "indo", "to", "ar", "er", "ir", "or")}},
	{"it", breakRules{classOf: italianClass, verbForm: endsIn("ato", "ata", "ati", "ate", "ito", "ita", "iti", "ite", "uto", "uta", "uti", "ute", "ando", "endo", "so", "to", "are", "ere", "ire")}},
	{"de", breakRules{classOf: germanClass, verbLast: true, nounsCapitalised: true}},
	{"nl", breakRules{classOf: dutchClass, verbLast: true}},
}

// guessBreakRules returns the rules of the language the text of cues is
// in, told by its closed-class words, for a file that does not say and
// whose limits did not need the language guessed (a preset gave them):
// the trigram detector costs a millisecond a file, this a few
// microseconds. English is told as before; else, in at least 40 words,
// the language of which the most of the first 120 words are
// closed-class words wins, when they are at least 15% of the words and
// half as many again as the next language's.
func guessBreakRules(cues []caption.Cue) breakRules {
	if looksEnglish(cues) {
		return breakRules{english: true}
	}
	// 120 words tell them apart (the French film: 32 French words, 10
	// Spanish; the Spanish series: 23 Spanish, 13 Portuguese), at six
	// lookups a word.
	const enough = 120
	n := 0
	var hits [6]int
	var buf [24]byte
	for _, c := range cues {
		for _, l := range c.Lines {
			for w := range strings.FieldsSeq(l.Text) {
				n++
				w = strings.TrimFunc(w, notWord)
				if len(w) > len("habíamos") {
					continue // longer than any closed-class word
				}
				lw := string(lower(buf[:0], w))
				for k, x := range closedClasses {
					if x.rules.classOf(lw) != breakFree {
						hits[k]++
					}
				}
			}
		}
		if n >= enough {
			break
		}
	}
	best, next := 0, -1
	for k := 1; k < len(hits); k++ {
		switch {
		case hits[k] > hits[best]:
			best, next = k, best
		case next < 0 || hits[k] > hits[next]:
			next = k
		}
	}
	if n < 40 || hits[best]*100 < 15*n || 2*hits[best] < 3*hits[next] {
		return breakRules{}
	}
	return closedClasses[best].rules
}

// wordRules returns the line-treatment rules the line breaker keeps in
// segs's text: those of the language tag names, or else of the language
// segs's closed-class words show (guessBreakRules, on their first
// words).
func wordRules(tag string, segs []caption.Segment) breakRules {
	if tag != "" {
		return breakRulesFor(tag, nil)
	}
	// The first thousand bytes of each paragraph, until 120 words:
	// enough for guessBreakRules, however long a paragraph runs.
	var sample []caption.Cue
	words := 0
	for _, s := range segs {
		for _, p := range s.Paragraphs {
			if len(p) > 1000 {
				p = p[:strings.LastIndexByte(p[:1000], ' ')+1]
			}
			sample = append(sample, caption.Cue{Lines: []caption.Line{{Text: p}}})
			words += countWords(p)
		}
		if words >= 120 {
			break
		}
	}
	return guessBreakRules(sample)
}

// classify gives the words of ws, a turn's, the classes of r's closed
// classes when r is a language other than English, so that the line
// breaker and the cue splitter keep its rules as they keep English's:
// an article, a possessive or a preposition a line must not end on, an
// auxiliary where the next word is the verb it governs (governs), a
// negation; and, where every noun takes a
// capital, no capital marks a name. Words written without spaces keep
// their classes.
func (r breakRules) classify(ws []word) {
	if r.english {
		markModifiers(ws)
		return
	}
	if r.classOf == nil {
		return
	}
	for k := range ws {
		w := &ws[k]
		if w.glued() || w.heavy != 0 {
			continue
		}
		switch r.class(w.text) {
		case breakArticle, breakPossessive:
			w.class = classDeterminer
		case breakPreposition:
			w.class = classPreposition
		case breakNegation:
			w.class = classAuxiliary
		case breakAuxiliary:
			w.class = classOther
			// The line breaker's line below goes on after the verb.
			if k+1 < len(ws) && r.governs(ws[k+1], true) {
				w.class = classAuxiliary
			}
		default:
			w.class = classOther
		}
	}
	if r.nounsCapitalised {
		// Every noun takes a capital: two capitalised words are no sign
		// of a name, and the line breaker may part them.
		for k := range ws {
			ws[k].flags &^= flagCapital
		}
	}
}

// markModifiers flags each English word of ws that the next one belongs
// to: an adjective or a noun before a noun, inside a noun phrase ("legal
// assistance", "city council") that a break would part (flagModifier).
// The words are content words in lower case, of letters only; the
// lexicon says which are nouns and adjectives. After an article or a
// possessive, a word that may be a verb is not one: "the search / box".
// Each word is looked up once, as the head of the pair before it and
// then as the modifier of the next.
func markModifiers(ws []word) {
	next := lexicon.Other
	for k := len(ws) - 1; k >= 0; k-- {
		a := &ws[k]
		head := next
		next = lexicon.Other
		if a.class != classOther || a.flags&flagCapital != 0 {
			continue
		}
		next = englishClass(a.text)
		if head == lexicon.Noun && a.flags&(flagSentence|flagClause) == 0 &&
			(next != lexicon.Other || k > 0 && ws[k-1].class == classDeterminer) {
			a.flags |= flagModifier
		}
	}
}

// englishClass is the lexicon's class of w, a word in lower case and of
// letters and inner hyphens only, less the punctuation after it; any
// other word is lexicon.Other.
func englishClass(w string) lexicon.Class {
	w = strings.TrimRightFunc(w, isClosingPunct)
	if w == "" || len(w) > 32 {
		return lexicon.Other
	}
	for i, r := range w {
		if !unicode.IsLower(r) && (r != '-' || i == 0 || i == len(w)-1) {
			return lexicon.Other
		}
	}
	return lexicon.Of(w)
}

// isClosingPunct reports whether r is punctuation that may close a word,
// in any of the languages the rules know.
func isClosingPunct(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?', '…', '"', '\'', '”', '’', '»', ')':
		return true
	}
	return false
}

// governs reports whether an auxiliary of r's language governs y, the
// word after it, so that a break between them breaks a rule; more says
// that other words follow y on its line. In Romance languages y is a
// participle, gerund or infinitive ("est | parti", not "era | algo").
// Where the verb ends the clause, the auxiliary meets it only when y is
// that verb: in lower case, and ending the clause or its line ("Ich habe
// | gesehen.", not "Ich habe | das Buch gelesen.").
func (r breakRules) governs(y word, more bool) bool {
	if r.verbForm != nil {
		var buf [24]byte
		if !r.verbForm(string(lower(buf[:0], strings.TrimRightFunc(y.text, isClosingPunct)))) {
			return false
		}
	}
	return !r.verbLast || !y.capitalised() && (y.closesSentence() || y.closesClause() || !more)
}

// class returns w's class, ignoring case, quotes and brackets.
func (r breakRules) class(w string) breakClass {
	if r.classOf == nil {
		return breakFree
	}
	w = strings.Trim(w, "\"'“”‘’«»„()[]¿¡")
	var buf [24]byte
	return r.classOf(string(lower(buf[:0], w)))
}

// endsIn returns a participle test: a word of more than three letters
// with one of the endings.
func endsIn(endings ...string) func(string) bool {
	return func(w string) bool {
		if utf8.RuneCountInString(w) <= 3 {
			return false
		}
		for _, e := range endings {
			if strings.HasSuffix(w, e) {
				return true
			}
		}
		return false
	}
}

// notWord reports whether r is none of a word's letters: punctuation
// and quotes around it.
func notWord(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }

// The closed classes of each language, from its grammar: articles (and
// their contractions with a preposition: du, al, della, do, zum),
// demonstratives, possessive determiners, prepositions, the auxiliaries
// and modals of the commonest tenses, and negations before a verb. Words
// of two classes go where a break after them is surely wrong (French "le"
// is an article or a pronoun before its verb); words that as often end a
// phrase are left out (German "sein", to be; Dutch "haar", her).

func frenchClass(w string) breakClass {
	switch w {
	case "le", "la", "les", "un", "une", "des", "du", "au", "aux", "ce", "cet", "cette", "ces",
		"chaque", "plusieurs", "quelques", "aucun", "aucune":
		return breakArticle
	case "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre", "nos", "votre",
		"vos", "leur", "leurs":
		return breakPossessive
	case "à", "de", "en", "dans", "sur", "sous", "avec", "sans", "pour", "par", "chez", "vers",
		"entre", "contre", "depuis", "pendant", "selon", "malgré", "parmi", "envers", "jusqu'à":
		return breakPreposition
	case "ai", "as", "a", "avons", "avez", "ont", "avais", "avait", "avions", "aviez", "avaient",
		"aurai", "auras", "aura", "aurons", "aurez", "auront", "aurais", "aurait", "vais", "vas", "va", "allons", "allez",
		"vont", "peux", "peut", "pouvons", "pouvez", "peuvent", "dois", "doit", "devons", "devez",
		"doivent", "veux", "veut", "voulons", "voulez", "veulent":
		return breakAuxiliary
	case "suis", "es", "est", "sommes", "êtes", "sont", "étais", "était", "étions", "étiez",
		"étaient", "serai", "sera", "serons", "seront", "serais", "serait":
		return breakAuxiliary // forms of to be
	case "ne":
		return breakNegation
	}
	return breakFree
}

func spanishClass(w string) breakClass {
	switch w {
	case "el", "la", "los", "las", "un", "una", "unos", "unas", "lo", "al", "del", "este", "esta",
		"estos", "estas", "ese", "esa", "esos", "esas", "aquel", "aquella", "aquellos", "aquellas",
		"cada":
		return breakArticle
	case "mi", "mis", "tu", "tus", "su", "sus", "nuestro", "nuestra", "nuestros", "nuestras",
		"vuestro", "vuestra", "vuestros", "vuestras":
		return breakPossessive
	case "a", "ante", "bajo", "con", "contra", "de", "desde", "durante", "en", "entre", "hacia",
		"hasta", "mediante", "para", "por", "según", "sin", "sobre", "tras":
		return breakPreposition
	case "he", "has", "ha", "hemos", "habéis", "han", "había", "habías", "habíamos", "habían",
		"habrá", "habría", "puedo", "puedes", "puede", "podemos", "pueden", "debo", "debes", "debe",
		"debemos", "deben":
		return breakAuxiliary
	case "estoy", "estás", "está", "estamos", "estáis", "están", "estaba", "estaban", "soy",
		"eres", "es", "somos", "sois", "son", "era", "eran", "fue", "fueron", "será", "sería":
		return breakAuxiliary // forms of to be
	case "no":
		return breakNegation
	}
	return breakFree
}

func italianClass(w string) breakClass {
	switch w {
	case "il", "lo", "la", "i", "gli", "le", "un", "uno", "una", "del", "dello", "della", "dei",
		"degli", "delle", "al", "allo", "alla", "ai", "agli", "alle", "dal", "dallo", "dalla",
		"dai", "dagli", "dalle", "nel", "nello", "nella", "nei", "negli", "nelle", "sul", "sullo",
		"sulla", "sui", "sugli", "sulle", "questo", "questa", "questi", "queste", "quel", "quello",
		"quella", "quei", "quegli", "quelle", "ogni":
		return breakArticle
	case "mio", "mia", "miei", "mie", "tuo", "tua", "tuoi", "tue", "suo", "sua", "suoi", "sue",
		"nostro", "nostra", "nostri", "nostre", "vostro", "vostra", "vostri", "vostre":
		return breakPossessive
	case "di", "a", "da", "in", "con", "su", "per", "tra", "fra", "verso", "senza", "contro",
		"durante":
		return breakPreposition
	case "ho", "hai", "ha", "abbiamo", "avete", "hanno", "avevo", "avevi", "aveva", "avevamo",
		"avevano", "avrò", "avrà", "avrei", "avrebbe", "posso", "puoi",
		"può", "possiamo", "potete", "possono", "devo", "devi", "deve", "dobbiamo", "dovete",
		"devono", "voglio", "vuoi", "vuole", "vogliamo":
		return breakAuxiliary
	case "sono", "sei", "è", "siamo", "siete", "ero", "eri", "era", "eravamo", "erano", "sarò",
		"sarà", "sarei", "sarebbe", "sto", "stai", "sta", "stiamo", "stanno":
		return breakAuxiliary // forms of to be
	case "non":
		return breakNegation
	}
	return breakFree
}

func portugueseClass(w string) breakClass {
	switch w {
	case "o", "a", "os", "as", "um", "uma", "uns", "umas", "do", "da", "dos", "das", "no", "na",
		"nos", "nas", "ao", "aos", "à", "às", "pelo", "pela", "pelos", "pelas", "num", "numa",
		"este", "esta", "estes", "estas", "esse", "essa", "esses", "essas", "aquele", "aquela",
		"aqueles", "aquelas", "cada":
		return breakArticle
	case "meu", "minha", "meus", "minhas", "teu", "tua", "teus", "tuas", "seu", "sua", "seus",
		"suas", "nosso", "nossa", "nossos", "nossas", "vosso", "vossa":
		return breakPossessive
	case "de", "em", "por", "para", "com", "sem", "sobre", "entre", "até", "desde", "contra",
		"após", "perante", "sob":
		return breakPreposition
	case "tenho", "tens", "tem", "temos", "têm", "tinha", "tinham", "terei", "terá", "teria",
		"hei", "havia", "haviam", "posso", "pode", "podemos", "podem", "devo", "deve", "devemos", "devem", "vou",
		"vai", "vamos", "vão":
		return breakAuxiliary
	case "sou", "és", "é", "somos", "são", "era", "eram", "foi", "foram", "será", "seria", "estou",
		"estás", "está", "estamos", "estão", "estava", "estavam":
		return breakAuxiliary // forms of to be
	case "não":
		return breakNegation
	}
	return breakFree
}

func germanClass(w string) breakClass {
	switch w {
	case "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer",
		"eines", "kein", "keine", "keinen", "keinem", "keiner", "keines", "dieser", "diese",
		"dieses", "diesen", "diesem", "jeder", "jede", "jedes", "jeden", "jedem":
		return breakArticle
	case "mein", "meine", "meinen", "meinem", "meiner", "meines", "dein", "deine", "deinen",
		"deinem", "deiner", "deines", "seine", "seinen", "seinem", "seiner", "seines", "ihre",
		"ihren", "ihrem", "ihrer", "ihres", "unser", "unsere", "unseren", "unserem", "unserer",
		"euer", "eure", "euren", "eurem", "eurer":
		return breakPossessive
	case "an", "auf", "aus", "bei", "bis", "durch", "für", "gegen", "hinter", "in", "mit", "nach",
		"neben", "ohne", "seit", "über", "um", "unter", "von", "vor", "während", "wegen", "zu",
		"zwischen", "am", "im", "zum", "zur", "vom", "beim", "ins", "ans", "aufs":
		return breakPreposition
	case "bin", "bist", "ist", "sind", "seid", "war", "warst", "waren", "habe", "hast", "hat",
		"haben", "habt", "hatte", "hattest", "hatten", "werde", "wirst", "wird", "werden",
		"werdet", "wurde", "wurden", "würde", "würdest", "würden", "kann", "kannst", "können",
		"könnt", "konnte", "konnten", "könnte", "könnten", "muss", "musst", "müssen", "müsst",
		"musste", "mussten", "soll", "sollst", "sollen", "sollte", "sollten", "will", "willst",
		"wollen", "wollte", "wollten", "darf", "darfst", "dürfen", "durfte", "möchte", "möchten":
		return breakAuxiliary
	}
	return breakFree
}

func dutchClass(w string) breakClass {
	switch w {
	case "de", "het", "een", "'t", "deze", "dit", "elke", "ieder", "iedere", "geen":
		return breakArticle
	case "mijn", "jouw", "onze", "ons", "uw":
		return breakPossessive
	case "aan", "achter", "bij", "binnen", "boven", "door", "in", "langs", "met", "na", "naar",
		"naast", "om", "onder", "op", "over", "per", "sinds", "te", "tegen", "tot", "tussen",
		"uit", "van", "voor", "zonder":
		return breakPreposition
	case "ben", "bent", "is", "zijn", "was", "waren", "heb", "hebt", "heeft", "hebben", "had",
		"hadden", "word", "wordt", "worden", "werd", "werden", "zal", "zult", "zullen", "zou",
		"zouden", "kan", "kunt", "kunnen", "kon", "konden", "moet", "moeten", "moest", "wil",
		"wilt", "willen", "mag", "mogen":
		return breakAuxiliary
	}
	return breakFree
}

// isUnit reports whether w is an English unit or magnitude a number goes
// with ("8 billion"). The line breaker's measures of its own breaks count
// by this list: it stays as they were measured.
func isUnit(w string) bool {
	switch strings.ToLower(strings.Trim(w, ".,;:!?")) {
	case "billion", "million", "thousand", "hundred", "trillion", "percent", "%", "dollars", "euros",
		"years", "months", "weeks", "days", "hours", "minutes", "seconds", "km", "kg", "miles", "meters",
		"gb", "mb", "tb":
		return true
	}
	return false
}

// isAnyUnit reports whether w is a unit symbol, or a unit or magnitude
// in any of the languages the rules know other than English, which a
// number goes with: whatever the language, "20 | euros" parts them.
func isAnyUnit(w string) bool {
	var buf [24]byte
	switch string(lower(buf[:0], strings.Trim(w, ".,;:!?"))) {
	case "%", "€", "$", "£", "km", "kg", "cm", "mm", "m", "g", "mg", "ml", "l", "km/h", "mph",
		"gb", "mb", "tb", "kb", "ghz", "mhz", "kw", "kwh", "°c", "°f",
		"euros",
		// French
		"millions", "milliards", "mille", "ans", "mois", "semaines", "jours", "heures",
		"secondes", "kilomètres", "mètres",
		// Spanish and Portuguese
		"mil", "millones", "milhões", "bilhões", "años", "anos", "meses", "semanas", "días", "dias",
		"horas", "minutos", "segundos", "kilómetros", "quilômetros", "quilómetros", "metros",
		// Italian
		"milioni", "miliardi", "mila", "anni", "mesi", "settimane", "giorni", "ore", "minuti",
		"secondi", "chilometri", "metri",
		// German and Dutch
		"millionen", "milliarden", "prozent", "euro", "jahre", "jahren", "monate", "wochen",
		"tage", "tagen", "stunden", "minuten", "sekunden", "kilometer", "meter", "miljoen",
		"miljard", "procent", "jaar", "maanden", "weken", "dagen", "uur", "seconden":
		return true
	}
	return false
}
