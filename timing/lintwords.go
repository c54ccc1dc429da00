package timing

import (
	"strings"

	"github.com/capconv/capconv/convert/caption"
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
}

// breakRulesFor returns the rules of the language tag names; an empty
// tag means English when the text of cues reads as English.
func breakRulesFor(tag string, cues []caption.Cue) breakRules {
	switch primaryTag(tag) {
	case "":
		return breakRules{english: looksEnglish(cues)}
	case "en":
		return breakRules{english: true}
	case "fr":
		return breakRules{classOf: frenchClass}
	case "es":
		return breakRules{classOf: spanishClass}
	case "it":
		return breakRules{classOf: italianClass}
	case "pt":
		return breakRules{classOf: portugueseClass}
	case "de":
		return breakRules{classOf: germanClass, verbLast: true, nounsCapitalised: true}
	case "nl":
		return breakRules{classOf: dutchClass, verbLast: true}
	}
	return breakRules{}
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
		"aurai", "auras", "aura", "aurons", "aurez", "auront", "aurais", "aurait", "suis", "es",
		"est", "sommes", "êtes", "sont", "étais", "était", "étions", "étiez", "étaient", "serai",
		"sera", "serons", "seront", "serais", "serait", "vais", "vas", "va", "allons", "allez",
		"vont", "peux", "peut", "pouvons", "pouvez", "peuvent", "dois", "doit", "devons", "devez",
		"doivent", "veux", "veut", "voulons", "voulez", "veulent":
		return breakAuxiliary
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
		"habrá", "habría", "estoy", "estás", "está", "estamos", "estáis", "están", "estaba",
		"estaban", "soy", "eres", "es", "somos", "sois", "son", "era", "eran", "fue", "fueron",
		"será", "sería", "puedo", "puedes", "puede", "podemos", "pueden", "debo", "debes", "debe",
		"debemos", "deben":
		return breakAuxiliary
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
		"avevano", "avrò", "avrà", "avrei", "avrebbe", "sono", "sei", "è", "siamo", "siete", "ero",
		"eri", "era", "eravamo", "erano", "sarò", "sarà", "sarei", "sarebbe", "posso", "puoi",
		"può", "possiamo", "potete", "possono", "devo", "devi", "deve", "dobbiamo", "dovete",
		"devono", "voglio", "vuoi", "vuole", "vogliamo":
		return breakAuxiliary
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
		"hei", "há", "havia", "haviam", "sou", "és", "é", "somos", "são", "era", "eram", "foi",
		"foram", "será", "seria", "estou", "estás", "está", "estamos", "estão", "estava",
		"estavam", "posso", "pode", "podemos", "podem", "devo", "deve", "devemos", "devem", "vou",
		"vai", "vamos", "vão":
		return breakAuxiliary
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
