package language

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/captest"
)

func doc(text string) *caption.Document {
	return &caption.Document{Segments: []caption.Segment{{Paragraphs: []string{text}}}}
}

func TestGuess(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"French", strings.Repeat("Bonjour à tous, merci d'être venus ce soir. Nous allons parler du cinéma et de la ville. ", 4), "fr"},
		{"Spanish", strings.Repeat("Hola a todos, gracias por venir esta noche. Hoy hablamos de la ciudad y de su historia. ", 4), "es"},
		{"German", strings.Repeat("Guten Abend, meine Damen und Herren. Heute sprechen wir über die Stadt und ihre Geschichte. ", 4), "de"},
		{"Japanese", strings.Repeat("こんにちは、今日は皆さんと一緒に映画について話します。とても楽しみです。", 8), "ja"},
		{"Arabic", strings.Repeat("مرحبا بكم في نشرة الأخبار. الطقس اليوم مشمس في القاهرة ودرجة الحرارة ثلاثون. ", 4), "ar"},
		{"too short to tell", "Thanks for having me. Big fan of your podcast.", ""},
		{"a line of Chinese", "我们今天讨论一下机器人抓取的问题。", "zh"},
		{"a line of traditional Chinese", "謝謝大家，今天我們討論這個問題。", "zh"},
		{"a line of Japanese", "今日はいい天気ですね。", "ja"},
		{"Japanese in katakana", "コーヒーをください", "ja"},
		{"a line of Korean", "안녕하세요, 반갑습니다.", "ko"},
		{"a Chinese name in English", "张伟 said: thanks for having me, it is a pleasure to be here.", ""},
		{"no letters", strings.Repeat("42 ", 200), ""},
	}
	many := &caption.Document{}
	for range 500 {
		many.Cues = append(many.Cues, caption.Cue{Lines: []caption.Line{{Text: "¿Dónde está mi hermano? No lo sé, pero llegará pronto."}, {Text: "Tenemos que hablar con él mañana."}}})
	}
	if got := Guess(many); got != "es" {
		t.Errorf("many cues: Guess() = %q, want es", got)
	}
	for _, tt := range tests {
		if got := Guess(doc(tt.text)); got != tt.want {
			t.Errorf("%s: Guess() = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestGuessCorpus guesses the language of every caption file copied from
// the corpus; their languages are known from their sources.
func TestGuessCorpus(t *testing.T) {
	want := map[string]string{
		"film-fr-anchorman.srt":            "fr",
		"netflix-chicas-del-cable.vtt":     "es",
		"talk-zh-sim-to-real-grasping.srt": "zh",
		"lexfridman-333-karpathy.srt":      "en",
		"teams-starmine-call.vtt":          "en",
	}
	for file, lang := range want {
		data, err := os.ReadFile(captest.Testdata("captions", file))
		if err != nil {
			t.Fatal(err)
		}
		// The cue text is enough: lines that are not timing lines or numbers.
		var lines []string
		for _, l := range strings.Split(string(data), "\n") {
			l = strings.TrimSpace(l)
			if l != "" && !strings.Contains(l, "-->") && strings.Trim(l, "0123456789") != "" && l != "WEBVTT" {
				lines = append(lines, l)
			}
		}
		if got := Guess(doc(strings.Join(lines, " "))); got != lang {
			t.Errorf("%s: Guess() = %q, want %q", filepath.Base(file), got, lang)
		}
	}
}

// TestPlainlyEnglish checks the shortcut taken before the trigram
// detector: English prose is told, other languages in Latin script are
// not taken for it.
func TestPlainlyEnglish(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{strings.Repeat("So I think the main thing that most people are going to see is the new version of it. ", 4), true},
		{strings.Repeat("Bonjour à tous, merci d'être venus ce soir. Nous allons parler du cinéma et de la ville. ", 4), false},
		{strings.Repeat("Hola a todos, gracias por venir esta noche. Hoy hablamos de la ciudad y de su historia. ", 4), false},
		{strings.Repeat("Guten Abend, meine Damen und Herren. Heute sprechen wir über die Stadt und ihre Geschichte. ", 4), false},
		{strings.Repeat("Dit is een test van de taal en het werkt goed voor ons allemaal vandaag. ", 4), false},
		{"the and to of", false}, // too few words to tell
	}
	for _, tc := range tests {
		if got := plainlyEnglish([]byte(tc.text)); got != tc.want {
			t.Errorf("plainlyEnglish(%.40q…) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
