package convert_test

import (
	"bytes"
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"unicode"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/convert/caption"
)

var propertyWords = append(strings.Fields(`the a and but of to in I you we think that it's really
going model training people Meta AI Llama-3 open source, community. wild! right? so
AT&T <b> 1 < 2 > 0 --> -- café naïve 東京 مرحبا שלום 👋🏽 “quoted” – dash
supercalifragilisticexpialidocious-and-then-some-more-words-without-any-spaces
said: 10:30 “yes.”`), "e\u0301te\u0301", "\u202bRTL\u202c")

// randomSeedDialect writes a transcript in the seed's dialect.
func randomSeedDialect(r *rand.Rand) string {
	speakers := []string{"Ann Lee", "Bob", "Émilie Noël"}
	var b strings.Builder
	at := 0
	for n := 1 + r.Intn(12); n > 0; n-- {
		fmt.Fprintf(&b, "%s %d:%02d:%02d\n\n", speakers[r.Intn(len(speakers))], at/3600, at/60%60, at%60)
		for p := 1 + r.Intn(2); p > 0; p-- {
			k := 1 + r.Intn(60)
			var ws []string
			for ; k > 0; k-- {
				ws = append(ws, propertyWords[r.Intn(len(propertyWords))])
			}
			b.WriteString(strings.Join(ws, " ") + "\n\n")
		}
		at += r.Intn(40)
	}
	return b.String()
}

// fields is strings.Fields, but for words in Han characters, which come
// one character at a time: a line may break between any two of them.
func fields(text string) []string {
	var out []string
	for _, w := range strings.Fields(text) {
		if !strings.ContainsFunc(w, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			out = append(out, w)
			continue
		}
		for _, r := range w {
			out = append(out, string(r))
		}
	}
	return out
}

// spoken is one word of a document and who says it.
type spoken struct{ speaker, word string }

func wordsOfSegments(d *caption.Document) []spoken {
	var out []spoken
	for _, s := range d.Segments {
		for _, w := range fields(s.Text()) {
			out = append(out, spoken{s.Speaker, w})
		}
	}
	return out
}

func wordsOfCues(cues []caption.Cue) []spoken {
	var out []spoken
	for _, c := range cues {
		for _, l := range c.Lines {
			for _, w := range fields(l.Text) {
				out = append(out, spoken{l.Speaker, w})
			}
		}
	}
	return out
}

// TestEveryWordOnceInOrder renders generated transcripts in every format,
// reads each output back, and checks that every word of the input is
// there exactly once, in order, with its speaker: nothing lost, nothing
// invented. SRT carries speakers as labels, read back as such.
func TestEveryWordOnceInOrder(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	for iter := 0; iter < 60; iter++ {
		src := randomSeedDialect(r)
		doc, err := load(strings.NewReader(src), "gen.txt", convert.Transcript, convert.Options{})
		if err != nil {
			t.Fatalf("iteration %d: %v\n%s", iter, err, src)
		}
		for _, f := range goldenFormats {
			want := wordsOfSegments(doc)
			labels := convert.LabelName
			if f == convert.SRT {
				// Read SRT as plain text: a label is then a word of its
				// own, expected at each change of speaker.
				want = withLabels(timedFor(t, doc, f, convert.Options{}).Cues, convert.LabelName)
				labels = convert.LabelNone
				for i := range want {
					if want[i].word == "-->" {
						want[i].word = "->" // written so, not to read as a timing line
					}
				}
			}
			data, err := render(doc, f, convert.Options{})
			if err != nil {
				t.Fatal(err)
			}
			back, err := convert.Read(bytes.NewReader(data), f, convert.Options{File: "gen" + f.Ext(), Labels: labels})
			if err != nil {
				t.Fatalf("iteration %d, %s: %v\n%s", iter, f, err, data)
			}
			got := wordsOfCues(back.Cues)
			if f == convert.Transcript {
				got = wordsOfSegments(back) // a transcript reads back as segments
			}
			if f == convert.SRT {
				for i := range got {
					got[i].speaker = ""
				}
			}
			if len(got) != len(want) {
				t.Fatalf("iteration %d, %s: %d words, want %d\n%s", iter, f, len(got), len(want), data)
			}
			for i := range want {
				if got[i] != want[i] {
					t.Fatalf("iteration %d, %s: word %d is %q, want %q\n%s", iter, f, i, got[i], want[i], data)
				}
			}
		}
	}
}

// withLabels returns the words of cues as SRT shows them, speakerless,
// with the label of style s before the first word of each change of
// speaker.
func withLabels(cues []caption.Cue, s convert.LabelStyle) []spoken {
	var out []spoken
	prev := ""
	for _, c := range cues {
		// A cue of two speakers is a dialogue: each of its lines opens
		// with a dash and names its speaker, as the writers show it.
		dialogue := c.Speaker() == "" && len(c.Lines) > 1
		for k, l := range c.Lines {
			dash := l.Dash || dialogue && (k == 0 || l.Speaker != c.Lines[k-1].Speaker)
			if dash {
				out = append(out, spoken{"", "-"})
			}
			if dash || k == 0 && l.Speaker != prev {
				for _, f := range strings.Fields(s.Label(l.Speaker)) {
					out = append(out, spoken{"", f})
				}
			}
			prev = l.Speaker
			for _, w := range fields(l.Text) {
				out = append(out, spoken{"", w})
			}
		}
	}
	return out
}
