package timing

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestBreakLines(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		want   []string
		reason string
	}{
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
			want:   []string{"I think just getting this in the hands", "of people is the goal"},
			reason: "break before 'of'; a balanced break after 'the' would separate article and noun",
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
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("BreakLines() mismatch (-want +got):\n%s\nwhy: %s", d, tt.reason)
			}
		})
	}
}
