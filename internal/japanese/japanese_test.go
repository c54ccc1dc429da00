package japanese

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSpoken(t *testing.T) {
	for _, tt := range []struct {
		words, want []string
	}{
		// A morpheme is said by the piece it starts in.
		{[]string{"握", "り", "飯", "だ", "なぁ", "。"}, []string{"ニギリメシ", "", "", "ダ", "ナー", "。"}},
		// The particle は is said wa.
		{[]string{"今日は", "いい", "天気"}, []string{"キョーワ", "イイ", "テンキ"}},
		// Latin letters and digits the dictionary lacks are said as written.
		{[]string{"OK", "です"}, []string{"OK", "デス"}},
		{nil, []string{}},
	} {
		if diff := cmp.Diff(tt.want, Spoken(tt.words)); diff != "" {
			t.Errorf("Spoken(%q) (-want +got):\n%s", tt.words, diff)
		}
	}
}

// TestSpokenEveryPiece cuts generated Japanese text into pieces anywhere
// and checks that each piece says something or is covered by the one
// before it, and that nothing is said twice: the kana said are those of
// the text said whole.
func TestSpokenEveryPiece(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	phrases := []string{"お前", "今", "ひょっとして", "オレより", "月給", "高くね？", "握り飯", "だなぁ。", "桐山", "学校", "行ってみるかな…", "ABC", "１７歳", "～っっ!!"}
	for range 200 {
		var text strings.Builder
		for range 1 + r.IntN(12) {
			text.WriteString(phrases[r.IntN(len(phrases))])
		}
		runes := []rune(text.String())
		var words []string
		for a := 0; a < len(runes); {
			b := min(len(runes), a+1+r.IntN(3))
			words = append(words, string(runes[a:b]))
			a = b
		}
		got := Spoken(words)
		if len(got) != len(words) {
			t.Fatalf("Spoken(%q) has %d pieces, want %d", words, len(got), len(words))
		}
		if len(got) > 0 && got[0] == "" {
			t.Errorf("Spoken(%q): the first piece says nothing", words)
		}
		if whole := Spoken([]string{text.String()}); strings.Join(got, "") != whole[0] {
			t.Errorf("Spoken(%q) says %q, the text whole %q", words, strings.Join(got, ""), whole[0])
		}
	}
}
