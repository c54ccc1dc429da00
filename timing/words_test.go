package timing

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestAppendWordsLikeFields checks that the hand-written splitter cuts
// text where strings.Fields does, Unicode spaces and invalid UTF-8
// included, and counts widths in runes.
func TestAppendWordsLikeFields(t *testing.T) {
	for _, text := range []string{
		"", "   ", "one", " two  words ", "tab\tand\nnew\r\nline\v\f",
		"no\u00a0break\u2003em\u3000ideographic\u0085next", "café “quoted” naïve",
		"bad\xffbyte \xe2\x80 cut", "Mr. Smith, i.e. the (Doctor).",
	} {
		ws := splitWords(text)
		want := strings.Fields(text)
		if len(ws) != len(want) || countWords(text) != len(want) {
			t.Errorf("splitWords(%q): %d words, countWords %d, want %d", text, len(ws), countWords(text), len(want))
			continue
		}
		for i, w := range ws {
			if w.text != want[i] || w.width != utf8.RuneCountInString(want[i]) {
				t.Errorf("splitWords(%q)[%d] = %q (width %d), want %q", text, i, w.text, w.width, want[i])
			}
		}
	}
}
