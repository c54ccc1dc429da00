package timing

import (
	"math/rand"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/capconv/capconv/convert/caption"
)

// kinsokuStart and kinsokuEnd are the marks no line may start or end
// with in Chinese and Japanese.
const (
	kinsokuStart = "、。，．！？：；」』）】〉》ー"
	kinsokuEnd   = "「『（【〈《"
)

func TestBreakLinesUnspaced(t *testing.T) {
	for _, tc := range []struct {
		name     string
		text     string
		maxChars int
		want     []string
	}{
		{"fits on one line", "大家好。", 16, []string{"大家好。"}},
		{"a sentence over two lines", "机器人学习的目标是使用机器学习来学习在一般环境中能运作的技能。", 16,
			[]string{"机器人学习的目标是使用机器学习", "来学习在一般环境中能运作的技能。"}},
		{"balanced", "在本演示中，我将谈论我们如何在一些问题中使用模拟。", 16,
			[]string{"在本演示中，我将谈论我们", "如何在一些问题中使用模拟。"}},
		{"Latin words keep their spaces", "我是来自 Brain Robotics 团队的 Alex。", 16,
			[]string{"我是来自", "Brain Robotics", "团队的 Alex。"}}, // a name stays on one line
		{"Japanese breaks after a closing quote", "「今日はいい天気ですね」と彼女は言いました。", 13,
			[]string{"「今日はいい天気ですね」", "と彼女は言いました。"}},
		{"no line starts with a closing mark after a space", "我们今天来谈谈机器人学习 。以及如何在现实世界中使用模拟 」", 16,
			[]string{"我们今天来谈谈机器人学习 。", "以及如何在现实世界中使用模拟 」"}},
		{"Japanese keeps kanji compounds whole where it can", "今日は東京にできた新しい区立図書館について設計を担当した方にお話を伺います。", 13,
			[]string{"今日は東京にできた新しい", "区立図書館について設計を担", "当した方にお話を伺います。"}},
		{"Japanese keeps a kana run whole after its particle", "でもすみませんどれがいいのかわからなくて…", 13,
			[]string{"でもすみませんどれが", "いいのかわからなくて…"}}, // not どれがい / いのか
		{"Japanese keeps an honorific prefix and a suffix with their word", "え？ダメ？だってお母さんもおばあちゃんも", 13,
			[]string{"え？ダメ？だって", "お母さんもおばあちゃんも"}}, // not お / 母さん, お母 / さん
		{"Japanese breaks at the spaces between phrases", "ほら アナタの居場所なんて この世の何処にも無いじゃない？", 20,
			[]string{"ほら アナタの居場所なんて", "この世の何処にも無いじゃない？"}}, // as the broadcast's captioner did
		{"Korean breaks at spaces", "안녕하세요 저는 오늘 로봇 학습에 대해 이야기합니다.", 16,
			[]string{"안녕하세요 저는 오늘 로봇", "학습에 대해 이야기합니다."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := BreakLines(tc.text, tc.maxChars, 2)
			checkUnspacedLines(t, got, tc.maxChars)
			if nonSpace(strings.Join(got, "")) != nonSpace(tc.text) {
				t.Errorf("BreakLines(%q) = %q: text changed", tc.text, got)
			}
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("BreakLines(%q) mismatch (-want +got):\n%s", tc.text, d)
			}
		})
	}
}

// checkUnspacedLines checks the kinsoku rules and the line length (a
// full-width character counting one) of lines.
func checkUnspacedLines(t *testing.T, lines []string, maxChars int) {
	t.Helper()
	for i, l := range lines {
		if n := utf8.RuneCountInString(l); n > maxChars && len(splitWords(l)) > 1 {
			t.Errorf("line %d %q: %d characters > %d", i, l, n, maxChars)
		}
		if r, _ := utf8.DecodeRuneInString(l); i > 0 && strings.ContainsRune(kinsokuStart, r) {
			t.Errorf("line %d %q starts with %q", i, l, r)
		}
		if r, _ := utf8.DecodeLastRuneInString(l); i < len(lines)-1 && strings.ContainsRune(kinsokuEnd, r) {
			t.Errorf("line %d %q ends with %q", i, l, r)
		}
	}
}

// unspacedPools are the pieces the generated texts are drawn from.
var unspacedPools = map[string][]string{
	"chinese":  strings.Fields("我 们 机 器 人 学 习 的 目 标 是 使 用 模 拟 和 域 适 应 。 ， 、 「 」 （ ） ！ ？ … 现 实 世 界 中"),
	"japanese": strings.Fields("今 日 は い い 天 気 で す ね 。 、 「 」 ロ ボ ッ ト ー ゃ ょ 学 習 を し ま し た ！ （ ） ・"),
	"korean":   strings.Fields("안녕하세요 저는 오늘 여러분께 로봇 학습에 대해 이야기하겠습니다. 그리고, 시뮬레이션을 사용합니다!"),
	"mixed":    strings.Fields("我 是 来 自 团 队 的 。 ， Brain Robotics Alex GPT-4 2024 年 的 AI 模 型 「 」 supercalifragilistic"),
}

// randomUnspaced returns a text of n pieces of pool, glued together or,
// for Korean, around Latin words and now and then between two letters
// (as Chinese subtitles put a space for a comma), separated by spaces.
// (A space before a closing mark is kept off a line's start too, at a
// cost, but a random run of such marks can leave no other break.)
func randomUnspaced(r *rand.Rand, name string, n int) string {
	pool := unspacedPools[name]
	var b strings.Builder
	prev := ""
	for i := range n {
		p := pool[r.Intn(len(pool))]
		for (i == 0 || i == n-1) && !isLetters(p) {
			p = pool[r.Intn(len(pool))] // a turn starts and ends with a letter: the next turn's line may start with no closing mark
		}
		letters := isLetters(p) && isLetters(prev)
		if i > 0 && (name == "korean" || letters && (p[0] < utf8.RuneSelf || prev[0] < utf8.RuneSelf || r.Intn(20) == 0)) {
			b.WriteByte(' ')
		}
		b.WriteString(p)
		prev = p
	}
	return b.String()
}

// isLetters reports whether p starts and ends with a letter or digit: no
// space next to it falls next to punctuation.
func isLetters(p string) bool {
	first, _ := utf8.DecodeRuneInString(p)
	last, _ := utf8.DecodeLastRuneInString(p)
	ok := func(r rune) bool {
		return (unicode.IsLetter(r) || unicode.IsDigit(r)) && !strings.ContainsRune(kinsokuStart+kinsokuEnd, r)
	}
	return p != "" && ok(first) && ok(last)
}

// nonSpace returns text's characters without its spaces.
func nonSpace(text string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, text)
}

// TestUnspacedProperties: on generated Chinese, Japanese, Korean and
// mixed text, cues and lines keep every character but spaces once and in
// order, and no line is longer than the limit unless it is one unit no
// line break may cut.
func TestUnspacedProperties(t *testing.T) {
	r := rand.New(rand.NewSource(13))
	for _, name := range []string{"chinese", "japanese", "korean", "mixed"} {
		t.Run(name, func(t *testing.T) {
			for iter := range 200 {
				doc := &caption.Document{}
				var want strings.Builder
				at := time.Duration(0)
				for range 1 + r.Intn(8) {
					text := randomUnspaced(r, name, r.Intn(200))
					if n, ws := countWords(text), splitWords(text); n != len(ws) {
						t.Fatalf("countWords(%q) = %d, splitWords finds %d", text, n, len(ws))
					} else if singleSpaced(text) && join(ws) != text {
						t.Fatalf("join(splitWords(%q)) = %q", text, join(ws)) // the lines' text is sliced from the source
					}
					want.WriteString(nonSpace(text))
					doc.Segments = append(doc.Segments, caption.Segment{Start: at, Speaker: "A", Paragraphs: []string{text}})
					at += time.Duration(1+r.Intn(30)) * time.Second
				}
				o := Options{MaxChars: 10 + r.Intn(33), MaxLines: 1 + r.Intn(3)}
				MakeCues(doc, o)
				var got strings.Builder
				var all []string // every line, cue after cue: no cue starts with 。 either
				for k, c := range doc.Cues {
					var lines []string
					for _, l := range c.Lines {
						lines = append(lines, l.Text)
						got.WriteString(nonSpace(l.Text))
					}
					if len(lines) > o.MaxLines && !anyUnbreakable(lines, o.MaxChars) {
						t.Errorf("iteration %d cue %d: %d lines > %d: %q", iter, k, len(lines), o.MaxLines, lines)
					}
					all = append(all, lines...)
				}
				checkUnspacedLines(t, all, o.MaxChars)
				if d := cmp.Diff(want.String(), got.String()); d != "" {
					t.Fatalf("iteration %d: characters changed (-want +got):\n%s", iter, d)
				}
			}
		})
	}
}

// anyUnbreakable reports whether a line of lines is longer than maxChars
// because it is one word.
func anyUnbreakable(lines []string, maxChars int) bool {
	for _, l := range lines {
		if utf8.RuneCountInString(l) > maxChars && len(splitWords(l)) == 1 {
			return true
		}
	}
	return false
}

// TestLongUnspacedTurn: a turn of 1.3 million Chinese characters without
// a space becomes lines of at most 16 characters, every one kept.
func TestLongUnspacedTurn(t *testing.T) {
	if testing.Short() {
		t.Skip("a long turn")
	}
	sentence := "机器人学习的目标是使用机器学习来学习在一般环境中能运作的机器人技能。"
	text := strings.Repeat(sentence, 1_300_000/utf8.RuneCountInString(sentence))
	doc := &caption.Document{Language: "zh", Segments: []caption.Segment{{Paragraphs: []string{text}}}}
	MakeCues(doc, Options{})
	var got strings.Builder
	for _, c := range doc.Cues {
		for _, l := range c.Lines {
			if n := utf8.RuneCountInString(l.Text); n > 16 {
				t.Fatalf("line of %d characters: %q", n, l.Text)
			}
			got.WriteString(l.Text)
		}
	}
	if got.String() != text {
		t.Errorf("the text changed: %d bytes out, %d in", got.Len(), len(text))
	}
}

func TestLanguagePreset(t *testing.T) {
	for _, tc := range []struct {
		tag      string
		maxChars int
		maxCPS   float64
	}{
		{"", 42, 20},
		{"en", 42, 20},
		{"en-GB", 42, 20},
		{"ja", 13, 4},
		{"zh-Hant", 16, 9},
		{"ZH_cn", 16, 9},
		{"ko", 16, 12},
		{"fr-CA", 42, 17},
		{"de", 42, 17},
	} {
		t.Run(tc.tag, func(t *testing.T) {
			o := LanguagePreset(tc.tag)
			if o.MaxChars != tc.maxChars || o.MaxCPS != tc.maxCPS {
				t.Errorf("LanguagePreset(%q) = %d characters, %v cps; want %d, %v", tc.tag, o.MaxChars, o.MaxCPS, tc.maxChars, tc.maxCPS)
			}
		})
	}
}

func TestForLanguageKeepsSetValues(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   Options
		tag  string
		want Options
	}{
		{"zero takes the language's", Options{}, "ja", Options{MaxChars: 13, MaxCPS: 4, Language: "ja"}},
		{"a set line length wins", Options{MaxChars: 20}, "ja", Options{MaxChars: 20, MaxCPS: 4, Language: "ja"}},
		{"a set speed wins", Options{MaxCPS: 12}, "zh", Options{MaxChars: 16, MaxCPS: 12, Language: "zh"}},
		{"a preset wins", presets["bbc"], "zh", func() Options { o := presets["bbc"]; o.Language = "zh"; return o }()},
		{"a set language wins", Options{Language: "fr"}, "es", Options{MaxChars: 42, MaxCPS: 17, Language: "fr"}},
		{"no language changes nothing", Options{}, "", Options{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if d := cmp.Diff(tc.want, tc.in.ForLanguage(tc.tag)); d != "" {
				t.Errorf("ForLanguage(%q) mismatch (-want +got):\n%s", tc.tag, d)
			}
		})
	}
}

// TestChineseRatesLikeEnglish: a Chinese transcript spoken at ordinary
// pace (five characters a second, with a pause between turns) is timed
// over its windows as the same transcript in English (fifteen), not
// taken for slow speech followed by silence.
func TestChineseRatesLikeEnglish(t *testing.T) {
	const (
		zh = "我们今天来谈谈机器人学习，以及如何在现实世界中使用模拟。"
		en = "Today we talk about robot learning, and how to use simulation in the real world."
	)
	cover := func(lang, sentence string, cps float64) []float64 {
		speech := time.Duration(float64(utf8.RuneCountInString(sentence)) / cps * float64(time.Second))
		doc := &caption.Document{Language: lang}
		for i := range 12 {
			// Turns as transcript tools print them: the start truncated
			// to the second, half a second of silence after the speech.
			start := time.Duration(i) * (speech + 500*time.Millisecond)
			doc.Segments = append(doc.Segments, caption.Segment{Start: start.Truncate(time.Second), Speaker: "A", Paragraphs: []string{sentence}})
		}
		MakeCues(doc, Options{})
		return segmentSpans(t, doc)
	}
	zhCover, enCover := cover("zh", zh, 5), cover("en", en, 15)
	for i := range zhCover[:len(zhCover)-1] {
		if zhCover[i] < enCover[i]-0.15 || zhCover[i] < 0.75 {
			t.Errorf("turn %d: Chinese cues cover %.0f%% of the window, English %.0f%%", i, 100*zhCover[i], 100*enCover[i])
		}
	}
}

// segmentSpans returns, for each segment of doc, the share of its window
// (to the next segment's start) its cues' speech spans, first start to
// last end.
func segmentSpans(t *testing.T, doc *caption.Document) []float64 {
	t.Helper()
	segs := doc.Segments
	var out []float64
	for i, k := range cueSegments(t, doc) {
		if k >= len(segs)-1 {
			continue
		}
		for len(out) <= k {
			out = append(out, 0)
		}
		window := segs[k+1].Start - segs[k].Start
		end := min(doc.Cues[i].End, segs[k+1].Start)
		out[k] = max(out[k], float64(end-segs[k].Start)/float64(window))
	}
	return out
}
