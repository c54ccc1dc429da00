package timing

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestBreakLines(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		maxChars int // 0: 42
		want     []string
		reason   string
	}{
		// Real sentences from the NOVA and Lex Fridman captions
		// (testdata/captions), at NOVA's 32 characters.
		{
			name:     "NOVA: first and last name stay together",
			in:       "Young Michael Faraday hated his job.",
			maxChars: 32,
			want:     []string{"Young Michael Faraday", "hated his job."},
			reason:   "the captioner's break too",
		},
		{
			name:     "NOVA: a full name is not split",
			in:       "Its author was a youthful Albert Einstein.",
			maxChars: 32,
			want:     []string{"Its author was a youthful", "Albert Einstein."},
		},
		{
			name:     "Lex Fridman: negation stays with its verb",
			in:       "but I don't understand exactly that part of it",
			maxChars: 32,
			want:     []string{"but I don't understand", "exactly that part of it"},
			reason:   "never 'I don't / understand'",
		},
		{
			name: "fits on one line",
			in:   "Thanks for having me.",
			want: []string{"Thanks for having me."},
		},
		{
			name:   "after punctuation",
			in:     "At the top of Facebook and Messenger, you'll be able to just use it.",
			want:   []string{"At the top of Facebook and Messenger,", "you'll be able to just use it."},
			reason: "a comma is the natural break even though the lines are uneven",
		},
		{
			name:   "before a conjunction",
			in:     "We're also integrating Google and Bing for real-time knowledge.",
			want:   []string{"We're also integrating Google", "and Bing for real-time knowledge."},
			reason: "break before 'and'; bottom line longer",
		},
		{
			name:   "never after an article",
			in:     "I think just getting this in the hands of people is the goal",
			want:   []string{"I think just getting", "this in the hands of people is the goal"},
			reason: "a balanced break after 'the' would separate article and noun, one before 'of' the noun and what it belongs to",
		},
		{
			name:   "keeps first and last name together",
			in:     "Yesterday I had a long conversation with Mark Zuckerberg about it",
			want:   []string{"Yesterday I had a long conversation", "with Mark Zuckerberg about it"},
			reason: "break before the preposition, not between the names",
		},
		{
			name:   "keeps a phrasal verb together",
			in:     "Let's start by talking about the releases that will go out",
			want:   []string{"Let's start by talking", "about the releases that will go out"},
			reason: "'go out' stays on one line",
		},
		{
			name:   "the seed: a compound stays whole before a preposition",
			in:     "We're doing it both as open source for the dev community",
			want:   []string{"We're doing it both as open source", "for the dev community"},
			reason: "a captioner read 'open / source' in the seed's output; two words of no class cost more than a break before 'for'",
		},
		{
			name:   "the seed: a noun and its modifier before a preposition",
			in:     "that it's going to have leading benchmarks on a bunch of the benchmarks.",
			want:   []string{"that it's going to have leading benchmarks", "on a bunch of the benchmarks."},
			reason: "not 'leading / benchmarks'",
		},
		{
			name:   "the seed: a compound after an article stays whole",
			in:     "you'll be able to just use the search box right there to ask any question.",
			want:   []string{"you'll be able to just use the search box", "right there to ask any question."},
			reason: "a captioner read 'the search / box'; after 'the', 'search' is a noun, and the lexicon knows 'box' as one",
		},
		{
			name:   "an adjective stays with its noun",
			in:     "and it's a fairly simple mathematical expression in the end",
			want:   []string{"and it's a fairly simple", "mathematical expression in the end"},
			reason: "not 'mathematical / expression': the lexicon knows the adjective and the noun",
		},
		{
			name: "a word longer than the line stands alone",
			in:   "see https://example.com/a/very/long/path/that/does/not/fit/anywhere/at/all ok",
			want: []string{"see", "https://example.com/a/very/long/path/that/does/not/fit/anywhere/at/all", "ok"},
		},
		{
			name: "non-ASCII counts characters, not bytes",
			in:   "Ça règne à l’école: élèves et professeurs.",
			want: []string{"Ça règne à l’école: élèves et professeurs."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := BreakLines(tt.in, 42, 2)
			if tt.maxChars > 0 {
				got = BreakLines(tt.in, tt.maxChars, 2)
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("BreakLines() mismatch (-want +got):\n%s\nwhy: %s", d, tt.reason)
			}
		})
	}
}

// endsOnFunctionWord reports whether a line other than the last ends on a
// word the style guides say must stay with what follows it.
func endsOnFunctionWord(lines [][]word) bool {
	for _, l := range lines[:len(lines)-1] {
		switch classOf(l[len(l)-1].text) {
		case classDeterminer, classAuxiliary, classPreposition, classConjunction, classInfinitive:
			return true
		}
	}
	return false
}

// cleanSplitExists reports whether ws can be split into at most maxLines
// lines of at most maxChars without ending a line on a function word.
func cleanSplitExists(ws []word, maxChars, maxLines int) bool {
	if width(ws) <= maxChars {
		return true
	}
	if maxLines == 1 {
		return false
	}
	for i := 1; i < len(ws); i++ {
		if width(ws[:i]) > maxChars {
			break
		}
		if !endsOnFunctionWord([][]word{ws[:i], nil}) && cleanSplitExists(ws[i:], maxChars, maxLines-1) {
			return true
		}
	}
	return false
}

func TestBreakLinesNeverEndsOnAFunctionWord(t *testing.T) {
	// Real sentences from the seed transcript and the Talk Python corpus.
	sentences := []string{
		"Let's start by talking about the releases that will go out when this interview goes out.",
		"I think the main thing that most people in the world are going to see is the new version of Meta AI.",
		"We're rolling that out, not everywhere, but we're starting in a handful of countries.",
		"So the smallest Llama-3 is basically as powerful as the biggest Llama-2.",
		"And I think that's one of the things that people really appreciate about the book.",
		"You know, I'm not sure that the function should be that small, but it's a good start.",
		"It's like show me a picture of a cow in a field with mountains in the background.",
	}
	checked := 0
	for _, s := range sentences {
		for _, maxChars := range []int{32, 37, 42} {
			ws := splitWords(s)
			if !cleanSplitExists(ws, maxChars, minLines(ws, maxChars, 0)) {
				continue
			}
			checked++
			if lines := breakWords(ws, maxChars, 3, 0); endsOnFunctionWord(lines) {
				t.Errorf("BreakLines(%q, %d) ends a line on a function word although a clean split exists: %q", s, maxChars, BreakLines(s, maxChars, 3))
			}
		}
	}
	if checked < 10 {
		t.Errorf("only %d cases had a clean split: the test checks too little", checked)
	}
}

// TestJoinLines checks that lines join with a space but between two
// characters of a script written without spaces.
func TestJoinLines(t *testing.T) {
	for _, tt := range []struct {
		lines []string
		want  string
	}{
		{[]string{"in the", "box"}, "in the box"},
		{[]string{"握り", "飯だなぁ。"}, "握り飯だなぁ。"},
		{[]string{"我们今天", "讨论"}, "我们今天讨论"},
		{[]string{"Hello", "世界"}, "Hello 世界"},
		{[]string{"世界。", "Next"}, "世界。 Next"},
		{[]string{" one ", "", "two"}, "one two"},
		{nil, ""},
	} {
		if got := JoinLines(tt.lines); got != tt.want {
			t.Errorf("JoinLines(%q) = %q, want %q", tt.lines, got, tt.want)
		}
	}
}

// TestBreakLinesInLanguage: BreakLinesIn keeps the line-treatment rules of
// the language it is given, which English's word lists do not know
// (lines from the French film of the accuracy harness).
func TestBreakLinesInLanguage(t *testing.T) {
	for _, tt := range []struct {
		text, lang string
		want       []string
	}{
		{"Et Burgundy était la pièce maîtresse, le pilier.", "fr", []string{"Et Burgundy était", "la pièce maîtresse, le pilier."}},
		{"Mais chacun apportait sa propre pierre à l'édifice.", "fr", []string{"Mais chacun apportait", "sa propre pierre à l'édifice."}},
		{"Où on croyait tout ce qui se disait à la télé.", "fr", []string{"Où on croyait tout", "ce qui se disait à la télé."}},
		// By English's lists, "la" and "sa" are words of no class.
		{"Et Burgundy était la pièce maîtresse, le pilier.", "", []string{"Et Burgundy était la", "pièce maîtresse, le pilier."}},
	} {
		got := BreakLinesIn(tt.text, tt.lang, 42, 2)
		if d := cmp.Diff(tt.want, got); d != "" {
			t.Errorf("BreakLinesIn(%q, %q) mismatch (-want +got):\n%s", tt.text, tt.lang, d)
		}
		if tt.lang != "" {
			if why := breakRulesFor(tt.lang, nil).badBreak(got[0], got[1]); why != "" {
				t.Errorf("BreakLinesIn(%q, %q) breaks %s", tt.text, tt.lang, why)
			}
		}
	}
}
