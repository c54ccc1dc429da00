package timing

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/capconv/capconv/internal/japanese"
	"github.com/google/go-cmp/cmp"
)

// TestJapaneseWordAcross checks which line breaks of Japanese text the
// checker finds inside a word, by the dictionary's morphemes.
func TestJapaneseWordAcross(t *testing.T) {
	for _, tt := range []struct {
		above, below, want string
	}{
		{"おろ？何だ桐山でっかい握り", "飯だなぁ。", "握り飯"},
		{"ありがとうござ", "いました", "ござい"},
		{"まぁ… ホントの息", "子だったら…", "息子"},
		{"お母", "さん", "お母さん"},
		{"チビまでちょこまかついて来て", "うるさくってかなわねーや。", ""}, // between phrases
		{"区立", "図書館について", ""},                   // between the words of a compound
		{"あ はい。", "助かるわ。", ""},                  // after a sentence
		{"我们今天", "讨论", ""},                      // Chinese: no dictionary
		{"in training,", "it is", ""},
	} {
		if got := japaneseWordAcross(tt.above, tt.below); got != tt.want {
			t.Errorf("%s / %s: inside %q, want %q", tt.above, tt.below, got, tt.want)
		}
		if flagged := badBreak(tt.above, tt.below) != ""; flagged != (tt.want != "") {
			t.Errorf("%s / %s: badBreak flags it %v, want %v", tt.above, tt.below, flagged, tt.want != "")
		}
	}
}

// TestBreakLinesJapaneseWords checks that Japanese written without spaces
// breaks between phrases, as the dictionary finds them, where the line
// width allows: not inside a word (握り / 飯, 勝ち進ん / でる).
func TestBreakLinesJapaneseWords(t *testing.T) {
	for _, tt := range []struct {
		text  string
		width int
		want  []string
	}{
		{"おろ？何だ桐山でっかい握り飯だなぁ。サッカーボール？", 19, []string{"おろ？何だ桐山でっかい握り飯だなぁ。", "サッカーボール？"}},
		{"チビまでちょこまかついて来てうるさくってかなわねーや。", 19, []string{"チビまでちょこまかついて来て", "うるさくってかなわねーや。"}},
		{"ほらアナタの居場所なんてこの世の何処にも無いじゃない？", 19, []string{"ほらアナタの居場所なんて", "この世の何処にも無いじゃない？"}},
	} {
		if d := cmp.Diff(tt.want, BreakLines(tt.text, tt.width, 2)); d != "" {
			t.Errorf("%s (-want +got):\n%s", tt.text, d)
		}
	}
}

// TestJapaneseBreaksAgainstProfessionals breaks the two-line cues of a
// Japanese anime's broadcast captions, with and without the spaces they
// put between phrases, at the width of their longest line, and counts how
// often the break falls where the captioners put it, and how often inside
// a word. Both are held to the figures measured when the rules were last
// changed.
func TestJapaneseBreaksAgainstProfessionals(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the anime's captions")
	}
	cues := loadReferences(t)["anime-ja"].cues
	for _, tt := range []struct {
		name      string
		unspace   bool
		minAgree  float64
		maxInside int
	}{
		// Before the dictionary (rules of the scripts on either side of a
		// break): 86.4% and 64.4%.
		{"with spaces", false, 0.90, 0},
		{"spaces taken out", true, 0.69, 0},
	} {
		text := func(s string) string {
			if tt.unspace {
				return strings.ReplaceAll(s, " ", "")
			}
			return strings.Join(strings.Fields(s), " ")
		}
		width := 0
		for _, c := range cues {
			for _, l := range c.Lines {
				width = max(width, utf8.RuneCountInString(text(l.Text)))
			}
		}
		n, agree, inside := 0, 0, 0
		for _, c := range cues {
			if len(c.Lines) != 2 || c.Lines[0].Speaker != c.Lines[1].Speaker {
				continue
			}
			in := text(c.Lines[0].Text) + " " + text(c.Lines[1].Text)
			if tt.unspace {
				in = text(c.Lines[0].Text) + text(c.Lines[1].Text)
			}
			got := BreakLines(in, width, 2)
			if len(got) != 2 {
				continue
			}
			n++
			if got[0] == text(c.Lines[0].Text) {
				agree++
			}
			// A break at a space is between phrases, whatever the
			// checker, who does not see the space, reads across it.
			if w := japaneseWordAcross(got[0], got[1]); w != "" && got[0]+" "+got[1] != in {
				inside++
				t.Logf("%s: %s / %s breaks inside %q", tt.name, got[0], got[1], w)
			}
		}
		t.Logf("%s: %d two-line cues at %d characters: same break %.1f%%, %d inside a word", tt.name, n, width, 100*float64(agree)/float64(n), inside)
		if a := float64(agree) / float64(n); a < tt.minAgree {
			t.Errorf("%s: same break as the captioners in %.1f%% of cues, want at least %.0f%%", tt.name, 100*a, 100*tt.minAgree)
		}
		if inside > tt.maxInside {
			t.Errorf("%s: %d breaks inside a word, want at most %d", tt.name, inside, tt.maxInside)
		}
	}
}

// TestJapaneseJointsOddText checks japaneseJoints on text it must analyse
// in pieces (no sentence end in thousands of characters) and on bytes
// that are not UTF-8: its joints stay inside the text, in order, and
// every piece of the text is analysed.
func TestJapaneseJointsOddText(t *testing.T) {
	long := strings.Repeat("ちょこまかついて来てうるさくってかなわねーや", 300)
	for _, text := range []string{
		long,
		long + "。" + long,
		"あ\xff\xfeい" + strings.Repeat("\x80", 3*japanese.PieceLength) + "ござい",
		"",
	} {
		js := japaneseJoints(nil, text)
		last := 0
		for _, j := range js {
			if j.at <= last || j.at >= len(text) {
				t.Fatalf("joint at %d after %d, in a text of %d bytes", j.at, last, len(text))
			}
			last = j.at
		}
		if text == long && len(js) < utf8.RuneCountInString(text)/4 {
			t.Errorf("%d joints in %d characters: pieces left unanalysed", len(js), utf8.RuneCountInString(text))
		}
	}
}
