package transcript

import (
	"bufio"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/capconv/capconv/convert/internal/captest"
)

// The speaker names of the generated-transcript tests: the language lists
// of testdata/names combined (see testdata/names/README.md), then styled.

// personName is one speaker name of the test list.
type personName struct {
	full          string // as a transcript writes it
	given, family string // the parts combined, "" for a name written as is
	script        string // ISO 15924 code in lower case, from the file name
	lang          string
	styled        bool // a title, tag, pair, handle … rather than a plain name
}

// nameFile is one testdata/names/<script>-<lang>.txt.
type nameFile struct {
	script, lang string
	familyFirst  bool
	join         string
	surnames     int
	given        map[string][]string // by gender: "", "f" or "m"
	family       map[string][]string
}

// readNameFile parses a name list (format in testdata/names/README.md).
func readNameFile(path string) (*nameFile, error) {
	script, lang, ok := strings.Cut(strings.TrimSuffix(filepath.Base(path), ".txt"), "-")
	if !ok {
		return nil, fmt.Errorf("%s: name is not <script>-<lang>.txt", path)
	}
	nf := &nameFile{script: script, lang: lang, join: " ", surnames: 1,
		given: map[string][]string{}, family: map[string][]string{}}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var section map[string][]string
	var gender string
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		key, value, _ := strings.Cut(line, " ")
		switch {
		case line == "" || line[0] == '#':
		case line[0] == '[':
			kind, g, _ := strings.Cut(strings.Trim(line, "[]"), " ")
			switch kind {
			case "given":
				section = nf.given
			case "family":
				section = nf.family
			default:
				return nil, fmt.Errorf("%s:%d: unknown section %q", path, n, line)
			}
			gender = g
		case section != nil:
			section[gender] = append(section[gender], line)
		case key == "order":
			nf.familyFirst = value == "family given"
		case key == "join" && value == "none":
			nf.join = ""
		case key == "join":
			nf.join = value
		case key == "surnames" && value == "2":
			nf.surnames = 2
		default:
			return nil, fmt.Errorf("%s:%d: unknown directive %q", path, n, line)
		}
	}
	return nf, sc.Err()
}

// names combines every given name with every family name of its gender,
// and with those of no gender.
func (nf *nameFile) names() []personName {
	var out []personName
	for _, g := range slices.Sorted(maps.Keys(nf.given)) {
		families := nf.family[""]
		if g != "" {
			families = append(slices.Clip(nf.family[g]), families...)
		}
		for gi, given := range nf.given[g] {
			for fi, family := range families {
				if nf.surnames == 2 {
					second := families[(fi+1+gi)%len(families)]
					if second == family {
						continue
					}
					family += " " + second
				}
				full := given + nf.join + family
				if nf.familyFirst {
					full = family + nf.join + given
				}
				out = append(out, personName{full: full, given: given, family: family, script: nf.script, lang: nf.lang})
			}
		}
	}
	return out
}

// testNames is the whole list: the combined names of every language, then
// the styled ones.
type testNames struct {
	plain  []personName
	styled []personName
	// The same names regrouped, for the generator's profiles.
	latin, nonLatin, all []personName
}

var loadNames = sync.OnceValues(func() (*testNames, error) {
	files, err := filepath.Glob(captest.Testdata("names", "*-*.txt"))
	if err != nil {
		return nil, err
	}
	var tn testNames
	seen := map[string]bool{}
	for _, file := range files {
		nf, err := readNameFile(file)
		if err != nil {
			return nil, err
		}
		for _, n := range nf.names() {
			// The same name may be common in two languages.
			if !seen[n.full] {
				seen[n.full] = true
				tn.plain = append(tn.plain, n)
			}
		}
	}
	literal, err := readLiteralNames(captest.Testdata("names", "styles.txt"))
	if err != nil {
		return nil, err
	}
	tn.styled = append(styleNames(tn.plain), literal...)
	for _, n := range tn.plain {
		if n.script == "latn" {
			tn.latin = append(tn.latin, n)
		} else {
			tn.nonLatin = append(tn.nonLatin, n)
		}
	}
	tn.all = slices.Concat(tn.plain, tn.styled)
	return &tn, nil
})

// names returns the test list, failing tb when it cannot be read.
func names(tb testing.TB) *testNames {
	tb.Helper()
	tn, err := loadNames()
	if err != nil {
		tb.Fatal(err)
	}
	return tn
}

// readLiteralNames reads styles.txt: one name a line.
func readLiteralNames(path string) ([]personName, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []personName
	for _, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line != "" && line[0] != '#' {
			out = append(out, personName{full: line, script: scriptOf(line), styled: true})
		}
	}
	return out, nil
}

// scriptOf names the script of the first letter of s that has one, for
// the counts TestNameList logs.
func scriptOf(s string) string {
	for _, r := range s {
		for _, sc := range []struct {
			code  string
			table *unicode.RangeTable
		}{
			{"latn", unicode.Latin}, {"cyrl", unicode.Cyrillic}, {"hani", unicode.Han},
			{"hang", unicode.Hangul}, {"kana", unicode.Katakana}, {"kana", unicode.Hiragana},
		} {
			if unicode.Is(sc.table, r) {
				return sc.code
			}
		}
	}
	return "zyyy"
}

// A nameStyle writes base (and sometimes partner, another name of the
// same language) the way some transcripts do, or reports that the style
// does not suit the name.
type nameStyle func(base, partner personName) (string, bool)

// nameStyles are the ways styleNames rewrites plain names.
var nameStyles = []nameStyle{
	func(b, _ personName) (string, bool) { return pickTitle(b) + " " + b.full, true },
	func(b, _ personName) (string, bool) { return pickTitle(b) + " " + b.family, true },
	func(b, _ personName) (string, bool) {
		suffixes := []string{", Jr.", " Jr.", " Sr.", " III", ", PhD", ", M.D."}
		return b.full + suffixes[len(b.full)%len(suffixes)], true
	},
	func(b, _ personName) (string, bool) { // court transcripts
		if !isCased(b.family) {
			return "", false
		}
		return strings.ToUpper(pickTitle(b) + " " + b.family), true
	},
	func(b, _ personName) (string, bool) {
		if !isCased(b.given) {
			return "", false
		}
		return initials(b.given, ".") + " " + b.family, true
	},
	func(b, _ personName) (string, bool) { // "Ashlee Kupor (SL)"
		if !isCased(b.full) {
			return "", false
		}
		return b.full + " (" + strings.ToUpper(initials(b.given+" "+b.family, "")) + ")", true
	},
	func(b, _ personName) (string, bool) {
		roles := []string{"host", "guest", "interpreter", "off-mic", "via phone", "co-host"}
		if b.script == "hans" || b.script == "hant" || b.script == "jpan" {
			return b.full + []string{"（主持人）", "（嘉宾）", "（翻訳）"}[len(b.full)%3], true
		}
		return b.given + " (" + roles[len(b.full)%len(roles)] + ")", true
	},
	func(b, _ personName) (string, bool) {
		roles := []string{"Moderator", "Interviewer", "Host", "Judge", "Chair"}
		return roles[len(b.full)%len(roles)] + " (" + b.full + ")", true
	},
	func(b, p personName) (string, bool) { return b.given + " & " + p.given, b.given != p.given },
	func(b, p personName) (string, bool) { return b.given + " and " + p.given, b.given != p.given },
	func(b, _ personName) (string, bool) { return b.family + ", " + b.given, b.full == b.given+" "+b.family },
	func(b, _ personName) (string, bool) { // Jane "JJ" Smith
		if !isCased(b.given) {
			return "", false
		}
		nick := initials(b.given+" "+b.family, "")
		return b.given + ` "` + strings.ToUpper(nick) + `" ` + b.family, true
	},
	func(b, _ personName) (string, bool) {
		return "@" + strings.ToLower(strings.Join(strings.Fields(b.given), "")+"_"+strings.Join(strings.Fields(b.family), "")), true
	},
	func(b, _ personName) (string, bool) { return strings.ToLower(b.full), isCased(b.full) }, // bell hooks
	func(b, p personName) (string, bool) { // five to eight words
		if b.full != b.given+" "+b.family || b.given == p.given {
			return "", false
		}
		words := strings.Fields(b.given + " " + p.given + " " + b.family + " " + p.family)
		for i := 0; len(words) < 5; i++ {
			words = append(words, strings.Fields(b.family)...)
		}
		return strings.Join(words[:min(len(words), 8)], " "), true
	},
	func(b, _ personName) (string, bool) {
		emoji := []string{" 🎙️", " 🇫🇷", " 👩‍💻", " ✨"}
		return b.full + emoji[len(b.full)%len(emoji)], true
	},
	func(b, _ personName) (string, bool) { return "🎧 " + b.given, true },
}

// styleNames derives styled names from every third plain name, cycling
// through nameStyles.
func styleNames(plain []personName) []personName {
	var out []personName
	for i := 0; i < len(plain); i += 3 {
		b := plain[i]
		p := plain[(i+len(plain)/7)%len(plain)]
		if i+1 < len(plain) && plain[i+1].lang == b.lang {
			p = plain[i+1]
		}
		if p.lang != b.lang {
			continue
		}
		if s, ok := nameStyles[(i/3)%len(nameStyles)](b, p); ok {
			out = append(out, personName{full: s, given: b.given, family: b.family, script: b.script, lang: b.lang, styled: true})
		}
	}
	return out
}

func pickTitle(b personName) string {
	titles := []string{"Dr.", "Prof.", "Mr.", "Mrs.", "Ms.", "Sen.", "Rep.", "Rev.", "Capt.", "Gen."}
	return titles[len(b.given)%len(titles)]
}

// isCased reports whether s has letters with upper and lower case.
func isCased(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) || unicode.IsLower(r) && unicode.ToUpper(r) != r {
			return true
		}
	}
	return false
}

// initials returns the first letter of each word of s, each followed by sep.
func initials(s, sep string) string {
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(w)
		b.WriteRune(r)
		b.WriteString(sep)
	}
	return b.String()
}

// TestNameList checks the name list the generator draws on: large, in
// many scripts, each name clean text.
func TestNameList(t *testing.T) {
	tn := names(t)
	all := tn.all
	perScript := map[string]int{}
	seen := map[string]bool{}
	for _, n := range all {
		perScript[n.script]++
		seen[n.full] = true
		if !utf8.ValidString(n.full) || n.full != strings.TrimSpace(n.full) ||
			strings.IndexFunc(n.full, unicode.IsControl) >= 0 || strings.ContainsAny(n.full, "\n\t") {
			t.Errorf("%q is not a clean one-line name", n.full)
		}
	}
	if len(all) < 2000 {
		t.Errorf("%d names, want at least 2000", len(all))
	}
	if len(perScript) < 15 {
		t.Errorf("names in %d scripts, want at least 15", len(perScript))
	}
	for _, want := range []string{"Dr. Jane Smith", "Mr. T", "Sammy Davis, Jr.", "bell hooks", "SPEAKER_00", "说话人1"} {
		if !seen[want] {
			t.Errorf("the list lacks %q", want)
		}
	}
	var counts []string
	for _, s := range slices.Sorted(maps.Keys(perScript)) {
		counts = append(counts, fmt.Sprintf("%s %d", s, perScript[s]))
	}
	t.Logf("%d names (%d plain, %d styled): %s", len(all), len(tn.plain), len(tn.styled), strings.Join(counts, ", "))
}
