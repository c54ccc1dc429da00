package timing

import (
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
	"github.com/google/go-cmp/cmp"
)

// TestDerive checks how the harness reads speakers and turns out of real
// caption conventions.
func TestDerive(t *testing.T) {
	ms := func(n int) time.Duration { return time.Duration(n) * time.Millisecond }
	c := func(start, end int, lines ...string) caption.Cue {
		cue := caption.Cue{Start: ms(start), End: ms(end)}
		for _, l := range lines {
			cue.Lines = append(cue.Lines, caption.Line{Text: l})
		}
		return cue
	}
	seg := func(start int, speaker, text string) caption.Segment {
		return caption.Segment{Start: ms(start), Speaker: speaker, Paragraphs: []string{text}}
	}
	tests := []struct {
		name string
		cues []caption.Cue
		want []caption.Segment
	}{
		{
			name: "NOVA: capitals labels, sound tags dropped, a label inside a cue",
			cues: []caption.Cue{
				c(9209, 12312, "( clock ticking )"),
				c(14848, 17350, "MAN:", "When we think"),
				c(17350, 18752, "of Einstein."),
				c(20887, 26760, "Funding is provided", "NARRATOR:", "A hundred years ago,"),
			},
			want: []caption.Segment{
				seg(14000, "MAN", "When we think of Einstein. Funding is provided"),
				seg(23000, "NARRATOR", "A hundred years ago,"),
			},
		},
		{
			name: "Netflix: bracket labels, lower-case brackets are sounds, dialogue dashes",
			cues: []caption.Cue{
				c(7960, 9480, "[Alba] En 1928,"),
				c(9640, 13080, "[ríe] las mujeres"),
				c(59000, 61000, "- Déjala.", "- Tú no te metas."),
			},
			want: []caption.Segment{
				seg(7000, "Alba", "En 1928, las mujeres"),
				seg(59000, "Speaker B", "Déjala."),
				seg(59000, "Alba", "Tú no te metas."), // 59.67 s, inside the cue, truncated
			},
		},
		{
			name: "YouTube: a dash with a label names the speaker, and the anonymous name the dashes gave them",
			cues: []caption.Cue{
				c(0, 2000, "- I think it's possible"),
				c(2000, 4000, "- The following is a conversation"),
				c(4000, 5000, "- What is a neural network?"),
				c(5000, 6000, "- [Lex] Yes."),
				c(6000, 7000, "- So you're giving me a prompt"),
			},
			want: []caption.Segment{
				seg(0, "Speaker B", "I think it's possible"),
				seg(2000, "Lex", "The following is a conversation"),
				seg(4000, "Speaker B", "What is a neural network?"),
				seg(5000, "Lex", "Yes."),
				seg(6000, "Speaker B", "So you're giving me a prompt"),
			},
		},
		{
			name: "Netflix: a name in brackets in a cue without speech is a sound",
			cues: []caption.Cue{
				c(0, 2000, "[Alba] Hola."),
				c(2000, 3000, "[Ángeles ríe]", "[lapicero cae]"),
				c(3000, 4000, "Gracias."),
			},
			want: []caption.Segment{
				seg(0, "Alba", "Hola. Gracias."),
			},
		},
		{
			name: "no speakers: a paragraph every 20 s at a sentence end",
			cues: []caption.Cue{
				c(0, 10500, "One sentence."),
				c(10500, 21000, "Another one,"),
				c(21000, 23000, "still going."),
				c(23000, 25000, "New paragraph."),
			},
			want: []caption.Segment{
				seg(0, "", "One sentence. Another one, still going."),
				seg(23000, "", "New paragraph."),
			},
		},
		{
			name: "meetings: Name labels given more than once, a line ending in a colon is speech",
			cues: []caption.Cue{
				c(1000, 3000, "Ann Lee: Hello, everyone."),
				c(3000, 5000, "Bo Chen: Hi Ann."),
				c(5000, 7000, "Aber verzeihen Sie mir einen Fehler:"),
				c(7000, 9000, "Ann Lee: Let's start."),
				c(9000, 11000, "Bo Chen: Sure. Note: once only."),
			},
			want: []caption.Segment{
				seg(1000, "Ann Lee", "Hello, everyone."),
				seg(3000, "Bo Chen", "Hi Ann. Aber verzeihen Sie mir einen Fehler:"),
				seg(7000, "Ann Lee", "Let's start."),
				seg(9000, "Bo Chen", "Sure. Note: once only."),
			},
		},
		{
			name: "a silence of more than 8 s starts a paragraph of the same speaker",
			cues: []caption.Cue{
				c(0, 2000, "[Alba] Hola."),
				c(2000, 4000, "¿Qué tal?"),
				c(12500, 14000, "Adiós."),
				c(14000, 15000, "Hasta luego."),
			},
			want: []caption.Segment{
				seg(0, "Alba", "Hola. ¿Qué tal?"),
				seg(12000, "Alba", "Adiós. Hasta luego."),
			},
		},
		{
			name: "Chinese: cues joined without spaces, paragraphs at 。 after 20 s",
			cues: []caption.Cue{
				c(0, 12000, "我们今天讨论机器人。"),
				c(12000, 22000, "这是第二句话，"),
				c(22000, 24000, "还在说。"),
				c(24000, 26000, "新的段落。"),
			},
			want: []caption.Segment{
				seg(0, "", "我们今天讨论机器人。这是第二句话，还在说。"),
				seg(24000, "", "新的段落。"),
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := derive(tt.cues).segments
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("derive() segments (-want +got):\n%s", d)
			}
		})
	}
}

func TestAlign(t *testing.T) {
	words := func(s ...string) []timedWord {
		var out []timedWord
		for _, w := range s {
			out = append(out, timedWord{key: w})
		}
		return out
	}
	got := align(words("a", "b", "c", "d", "e"), words("a", "x", "c", "d", "e", "f"))
	want := [][2]int{{0, 0}, {2, 2}, {3, 3}, {4, 4}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("align() (-want +got):\n%s", d)
	}
}

// TestScoredUnits checks what the harness scores as words: whitespace
// words, and each character of a script without spaces; punctuation of
// its own ("。" after a Latin word, "→") is not a word.
func TestScoredUnits(t *testing.T) {
	got := placeWords("Hello 世界GPU。 ok", 0, 10*time.Second, 0)
	var texts []string
	for _, w := range got {
		texts = append(texts, w.text)
	}
	want := []string{"Hello", "世", "界", "GPU", "ok"}
	if d := cmp.Diff(want, texts); d != "" {
		t.Errorf("placeWords units (-want +got):\n%s", d)
	}
	// "Hello 世界GPU。 ok" is 15 characters over 10 s: 世 is the 7th,
	// its midpoint at 6.5 characters.
	span, mid := float64(10*time.Second), 6.5
	if at, want := got[1].at, time.Duration(span*mid/15); at != want {
		t.Errorf("世 at %v, want %v", at, want)
	}
}
