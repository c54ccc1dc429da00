package timing

import (
	"strings"
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
)

// TestJoinParagraphs: a paragraph that breaks off mid-sentence, where the
// break leaves a flash or breaks a line-treatment rule, runs on into the
// same speaker's next paragraph; a paragraph break anywhere else stays a
// cue break.
func TestJoinParagraphs(t *testing.T) {
	seg := func(at float64, who string, text string) caption.Segment {
		return caption.Segment{Start: seconds(at), Speaker: who, Paragraphs: []string{text}}
	}
	ranged := func(s caption.Segment, end float64) caption.Segment {
		s.End = seconds(end)
		return s
	}
	tests := []struct {
		name string
		segs []caption.Segment
		want []string // each cue's lines, joined by " / "
	}{
		{
			name: "a flash left over",
			segs: []caption.Segment{
				seg(0, "Ann", "So when your functions grow too long, it can"),
				seg(3, "Ann", "definitely happen that you have very large units."),
				seg(7, "Bob", "Right."),
			},
			want: []string{"So when your functions grow too long,", "it can definitely happen / that you have very large units.", "Right."},
		},
		{
			name: "a cue that ends on its article",
			segs: []caption.Segment{
				seg(0, "Ann", "Think about another thing you have in your"),
				seg(2, "Ann", "code that is doing far too many things."),
			},
			want: []string{"Think about another thing / you have in your code", "that is doing far too many things."},
		},
		{
			name: "text without punctuation: the paragraph break is the pause",
			segs: []caption.Segment{
				seg(0, "", "hey everyone welcome back to the channel"),
				seg(3, "", "today we're building a sourdough starter"),
			},
			want: []string{"hey everyone welcome back to the channel", "today we're building a sourdough starter"},
		},
		{
			name: "a sentence that ends at the break",
			segs: []caption.Segment{
				seg(0, "Ann", "We shipped it on a Friday."),
				seg(2, "Ann", "Oops."),
			},
			want: []string{"We shipped it on a Friday.", "Oops."},
		},
		{
			name: "another speaker",
			segs: []caption.Segment{
				seg(0, "Ann", "So the thing I wanted to ask is whether the"),
				seg(3, "Bob", "data is there? Yes it is."),
			},
			want: []string{"Ann: So the thing / I wanted to ask is whether the", "Bob: data is there? Yes it is."},
		},
		{
			name: "stated times are kept",
			segs: []caption.Segment{
				ranged(seg(0, "Ann", "It is the"), 1),
				ranged(seg(1, "Ann", "best thing we have."), 3),
			},
			want: []string{"It is the", "best thing we have."},
		},
		{
			name: "a long silence between",
			segs: []caption.Segment{
				seg(0, "Ann", "Hello, it is the"),
				seg(30, "Ann", "best thing we have."),
			},
			want: []string{"Hello, it is the", "best thing we have."},
		},
		{
			name: "Chinese runs on without a space",
			segs: []caption.Segment{
				seg(0, "", "我们今天"),
				seg(1, "", "要讨论的是机器学习的未来。"),
			},
			want: []string{"我们今天要讨论的 / 是机器学习的未来。"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &caption.Document{Segments: tt.segs}
			if strings.ContainsRune(tt.segs[0].Text(), '我') {
				doc.Language = "zh"
			}
			labels := func(s string) int {
				if s == "" {
					return 0
				}
				return len(s) + 2
			}
			NewTurns(doc, Options{}).MakeCues(doc, labels)
			var got []string
			for _, c := range doc.Cues {
				var ls []string
				for k, l := range c.Lines {
					text := l.Text
					if k == 0 && l.Speaker != "" && tt.name == "another speaker" {
						text = l.Speaker + ": " + text
					}
					ls = append(ls, text)
				}
				got = append(got, strings.Join(ls, " / "))
			}
			if strings.Join(got, " | ") != strings.Join(tt.want, " | ") {
				t.Errorf("cues:\n got %q\nwant %q", got, tt.want)
			}
			for k, c := range doc.Cues {
				if k > 0 && c.Start < doc.Cues[k-1].End {
					t.Errorf("cue %d starts at %v, before cue %d ends at %v", k, c.Start, k-1, doc.Cues[k-1].End)
				}
			}
		})
	}
}

// TestJoinParagraphsTimes: a cue that runs from one paragraph into the
// next starts where its first words are said in the first and ends where
// its last are said in the second.
func TestJoinParagraphsTimes(t *testing.T) {
	doc := &caption.Document{Segments: []caption.Segment{
		{Start: 0, Speaker: "Ann", Paragraphs: []string{"So when your functions grow too long, it can"}},
		{Start: 3 * time.Second, Speaker: "Ann", Paragraphs: []string{"definitely happen that you have very large units."}},
		{Start: 6 * time.Second, Speaker: "Bob", Paragraphs: []string{"Right."}},
	}}
	MakeCues(doc, Options{})
	if len(doc.Cues) < 2 {
		t.Fatalf("%d cues, want the joined one second", len(doc.Cues))
	}
	joined := doc.Cues[1]
	if joined.Start >= 3*time.Second || joined.End <= 3*time.Second {
		t.Errorf("joined cue [%v, %v] does not span the paragraph break at 3s", joined.Start, joined.End)
	}
	if first := doc.Cues[0]; first.End > joined.Start {
		t.Errorf("first cue ends at %v, after the joined one starts at %v", first.End, joined.Start)
	}
}
