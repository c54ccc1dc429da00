package transcript

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/text"
	"github.com/google/go-cmp/cmp"
)

// falseFriendCase is a transcript whose lines look like something they
// are not, and exactly what reading it must give.
type falseFriendCase struct {
	name    string
	dialect string // also read forced to this dialect, when set
	in      string
	want    *caption.Document
	warns   []wantWarning
	reason  string
}

// wantWarning is a warning expected on line, its message containing text.
type wantWarning struct {
	line int
	text string
}

// proseEndingInTime are ordinary lines that end like "Name time".
var proseEndingInTime = []string{"John 3:16", "Meet Me At 10:30", "Arsenal 2:1", "we met at 10:30"}

// falseFriendTemplates hold a turn continued by the line {F}: in each
// dialect, a line that ends in a time is text there.
var falseFriendTemplates = []struct {
	dialect string
	in      string
	want    func(f string) []caption.Segment
}{
	{
		dialect: "speaker-line",
		in:      "Ann Lee 0:00:01\nHello there.\n{F}\nBob Stone 0:00:09\nYes.\n",
		want: func(f string) []caption.Segment {
			return []caption.Segment{seg(sec(1), "Ann Lee", 1, "Hello there. "+f), seg(sec(9), "Bob Stone", 4, "Yes.")}
		},
	},
	{
		dialect: "speaker-line",
		in:      "Ann Lee 0:00:01\nHello there.\n\n{F}\n\nBob Stone 0:00:09\nYes.\n\n{F}\n",
		want: func(f string) []caption.Segment {
			return []caption.Segment{seg(sec(1), "Ann Lee", 1, "Hello there.", f), seg(sec(9), "Bob Stone", 6, "Yes.", f)}
		},
	},
	{
		dialect: "otter",
		in:      "Ann Lee  0:01  \nHello there.\n{F}\n\nBob Stone  0:09  \n{F}\n\nTranscribed by https://otter.ai\n",
		want: func(f string) []caption.Segment {
			return []caption.Segment{seg(sec(1), "Ann Lee", 1, "Hello there. "+f), seg(sec(9), "Bob Stone", 5, f)}
		},
	},
	{
		dialect: "time-name",
		in:      "[00:00:01] Ann Lee: Hello there.\n{F}\n[00:00:09] Bob Stone: {F}\n",
		want: func(f string) []caption.Segment {
			return []caption.Segment{seg(sec(1), "Ann Lee", 1, "Hello there.", f), seg(sec(9), "Bob Stone", 3, f)}
		},
	},
}

func TestFalseFriends(t *testing.T) {
	var tests []falseFriendCase
	for i, tmpl := range falseFriendTemplates {
		for _, f := range proseEndingInTime {
			tests = append(tests, falseFriendCase{
				name:    fmt.Sprintf("%s %d %s", tmpl.dialect, i, f),
				dialect: tmpl.dialect,
				in:      strings.ReplaceAll(tmpl.in, "{F}", f),
				want:    &caption.Document{Segments: tmpl.want(f)},
				reason:  "prose that ends in a time is text, not a turn of a new speaker, nor a bad time",
			})
		}
	}
	tests = append(tests, otterFooterCases()...)
	tests = append(tests,
		falseFriendCase{
			name: "a Speakers heading is not a title",
			in:   "## Speakers\n\nAnn Lee 0:00:01\nHi.\n",
			want: &caption.Document{Segments: []caption.Segment{seg(sec(1), "Ann Lee", 3, "Hi.")}},
		},
		falseFriendCase{
			name: "a Speakers heading after the title is dropped",
			in:   "# Episode 4\n\n## Speakers\n\nAnn Lee 0:00:01\nHi.\n",
			want: &caption.Document{Title: "Episode 4", Segments: []caption.Segment{seg(sec(1), "Ann Lee", 5, "Hi.")}},
		},
		falseFriendCase{
			name:    "a small step back in time is repaired",
			dialect: "speaker-line",
			in:      "Ann Lee 0:12:15.9\nHi.\nBob Stone 0:12:15.10\nHello.\nAnn Lee 0:12:17\nBye.\n",
			want: &caption.Document{Segments: []caption.Segment{
				seg(12*time.Minute+sec(15.9), "Ann Lee", 1, "Hi."),
				seg(12*time.Minute+sec(15.9), "Bob Stone", 3, "Hello."),
				seg(12*time.Minute+sec(17), "Ann Lee", 5, "Bye."),
			}},
			warns:  []wantWarning{{3, "earlier"}},
			reason: "a start a second or less before the one above is a slip in the fraction: it moves up to the start above, keeping segments in order",
		},
		falseFriendCase{
			name:    "every turn at 0:00 is announced",
			dialect: "speaker-line",
			in:      "Ann Lee 0:00\nHi.\nBob Stone 0:00\nHello.\nAnn Lee 0:00\nBye.\n",
			want: &caption.Document{Segments: []caption.Segment{
				seg(0, "Ann Lee", 1, "Hi."), seg(0, "Bob Stone", 3, "Hello."), seg(0, "Ann Lee", 5, "Bye."),
			}},
			warns:  []wantWarning{{1, "0:00"}},
			reason: "the times carry no information: the exporting tool likely lost them",
		},
	)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkFalseFriend(t, tt, "")
			if tt.dialect != "" {
				checkFalseFriend(t, tt, tt.dialect)
			}
		})
	}
}

// otterFooterCases end an Otter export with its footer spaced oddly.
func otterFooterCases() []falseFriendCase {
	var out []falseFriendCase
	for _, footer := range []string{
		"Transcribed by https://otter.ai",
		"  Transcribed by https://otter.ai  ",
		"Transcribed  by  https://otter.ai",
		"Transcribed by\thttps://otter.ai",
		"Transcribed by\u00a0https://otter.ai",
		"transcribed by otter.ai",
	} {
		out = append(out, falseFriendCase{
			name:    fmt.Sprintf("Otter footer %q", footer),
			dialect: "otter",
			in:      "Emma  0:00  \nHello.\n\nKelly  0:05  \nHi.\n\n" + footer + "\n",
			want:    &caption.Document{Segments: []caption.Segment{seg(0, "Emma", 1, "Hello."), seg(sec(5), "Kelly", 4, "Hi.")}},
			reason:  "the footer is the tool's signature, not speech",
		})
	}
	return out
}

// checkFalseFriend reads tt.in as dialect ("" to detect) and compares.
func checkFalseFriend(t *testing.T, tt falseFriendCase, dialect string) {
	t.Helper()
	how := "detected"
	if dialect != "" {
		how = "forced to " + dialect
	}
	var warnings []string
	var lines []int
	doc, err := Read([]byte(tt.in), text.Source{File: "t.txt", Warn: func(p caption.Position, m string) {
		warnings = append(warnings, p.String()+": "+m)
		lines = append(lines, p.Line)
	}}, dialect)
	if tt.reason != "" {
		how += " (" + tt.reason + ")"
	}
	if err != nil {
		t.Errorf("read %s: %v\n%s", how, err, tt.in)
		return
	}
	if d := cmp.Diff(tt.want, doc); d != "" {
		t.Errorf("read %s: mismatch (-want +got):\n%s", how, d)
	}
	ok := len(warnings) == len(tt.warns)
	for i := 0; ok && i < len(warnings); i++ {
		ok = lines[i] == tt.warns[i].line && strings.Contains(warnings[i], tt.warns[i].text)
	}
	if !ok {
		t.Errorf("read %s: warnings %q, want %v", how, warnings, tt.warns)
	}
}
