package transcript

import (
	"strings"
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/text"
	"github.com/google/go-cmp/cmp"
)

// turnAt is a segment of the documents below, which say no more than
// start, speaker, line and text.
func turnAt(start time.Duration, speaker string, line int, paras ...string) caption.Segment {
	return seg(start, speaker, line, paras...)
}

// TestReadLayouts reads one sample of every layout the dialects accept,
// detected, with names as people write them.
func TestReadLayouts(t *testing.T) {
	tests := []struct {
		name    string
		dialect string
		in      string
		want    []caption.Segment
	}{
		{"time then name", "time-name", "00:00:05 Jane Smith: Hello.\n00:00:09 Bob: Hi: there.\n", []caption.Segment{
			turnAt(sec(5), "Jane Smith", 1, "Hello."), turnAt(sec(9), "Bob", 2, "Hi: there.")}},
		{"parenthesised time then name", "time-name", "(00:00:05) Jane Smith: Hello.\n(00:00:09) Bob: Hi.\n", []caption.Segment{
			turnAt(sec(5), "Jane Smith", 1, "Hello."), turnAt(sec(9), "Bob", 2, "Hi.")}},
		{"bracketed name, bare time", "bracketed", "[Jane Smith] 00:01 Hello.\n[Bob] 00:04 Hi.\n", []caption.Segment{
			turnAt(sec(1), "Jane Smith", 1, "Hello."), turnAt(sec(4), "Bob", 2, "Hi.")}},
		{"bold name, parenthesised time", "markdown", "**Jane Smith** (00:01): Hello.\n\n**Bob** (00:04): Hi.\n", []caption.Segment{
			turnAt(sec(1), "Jane Smith", 1, "Hello."), turnAt(sec(4), "Bob", 3, "Hi.")}},
		{"name, pipe, time", "speaker-line", "Jane Smith | 00:00:01\nHello.\n\nBob | 00:00:04\nHi.\n", []caption.Segment{
			turnAt(sec(1), "Jane Smith", 1, "Hello."), turnAt(sec(4), "Bob", 4, "Hi.")}},
		{"name, bracketed time with milliseconds", "speaker-line", "Jane Smith [00:01:02.345]\nHello.\n\nBob [00:01:05.000]\nHi.\n", []caption.Segment{
			turnAt(time.Minute+sec(2.345), "Jane Smith", 1, "Hello."), turnAt(time.Minute+sec(5), "Bob", 4, "Hi.")}},
		{"rev ranges", "rev", "Speaker 1 (00:00:01 - 00:00:04):\nHello.\n\nSpeaker 2 (00:00:04 - 00:00:09):\nHi.\n", []caption.Segment{
			{Start: sec(1), End: sec(4), Speaker: "Speaker 1", Paragraphs: []string{"Hello."}, Pos: at(1)},
			{Start: sec(4), End: sec(9), Speaker: "Speaker 2", Paragraphs: []string{"Hi."}, Pos: at(4)}}},
		{"whisperx diarized ranges", "whisper", "[00:00:01.234 --> 00:00:03.456] SPEAKER_00: Hello.\n[00:00:03.456 --> 00:00:05.000] SPEAKER_01: Hi.\n[00:00:05.100 --> 00:00:06.000] SPEAKER_00: Bye.\n", []caption.Segment{
			{Start: sec(1.234), End: sec(3.456), Speaker: "SPEAKER_00", Paragraphs: []string{"Hello."}, Pos: at(1)},
			{Start: sec(3.456), End: sec(5), Speaker: "SPEAKER_01", Paragraphs: []string{"Hi."}, Pos: at(2)},
			{Start: sec(5.1), End: sec(6), Speaker: "SPEAKER_00", Paragraphs: []string{"Bye."}, Pos: at(3)}}},
		{"chinese speech-to-text export", "speaker-line", "说话人1 00:00\n大家好。\n\n说话人2 00:05\n你好。\n\n以上内容由AI生成，仅供参考\n", []caption.Segment{
			turnAt(0, "说话人1", 1, "大家好。"), turnAt(sec(5), "说话人2", 4, "你好。")}},
		{"names in chinese and arabic script", "speaker-line", "李明 0:00:01\n你好。\n\nمحمد علي 0:00:04\nمرحبا.\n", []caption.Segment{
			turnAt(sec(1), "李明", 1, "你好。"), turnAt(sec(4), "محمد علي", 4, "مرحبا.")}},
		{"a title said once", "speaker-line", "Ann Lee 0:00:01\nHello.\n\nDr. Jane Smith 0:00:39\nHi.\n\nAnn Lee 0:00:45\nWelcome.\n", []caption.Segment{
			turnAt(sec(1), "Ann Lee", 1, "Hello."), turnAt(sec(39), "Dr. Jane Smith", 4, "Hi."), turnAt(sec(45), "Ann Lee", 7, "Welcome.")}},
		{"lower-case name that repeats", "speaker-line", "bell hooks 0:00:01\nHello.\n\nAnn 0:00:04\nHi.\n\nbell hooks 0:00:09\nBye.\n", []caption.Segment{
			turnAt(sec(1), "bell hooks", 1, "Hello."), turnAt(sec(4), "Ann", 4, "Hi."), turnAt(sec(9), "bell hooks", 7, "Bye.")}},
		{"lower-case name with initials said once, first", "speaker-line", "e.e. cummings | 02:37:52\nağaç we meet at 10:30.\n\nAnn Lee | 02:38:06\nHi.\n\nBo Li | 02:38:20\nBye.\n", []caption.Segment{
			turnAt(sec(9472), "e.e. cummings", 1, "ağaç we meet at 10:30."), turnAt(sec(9486), "Ann Lee", 4, "Hi."), turnAt(sec(9500), "Bo Li", 7, "Bye.")}},
		{"lower-case name said once inline, past an hour", "speaker-inline", "Ann Lee 02:32:50 fine.\n\nso we meet at 10:30 well then\n\nкатерина лисенко 02:33:06 привет.\nBo Li 02:33:09 ok.\n\nAnn Lee 02:33:20 fine.\n", []caption.Segment{
			turnAt(sec(9170), "Ann Lee", 1, "fine.", "so we meet at 10:30 well then"), turnAt(sec(9186), "катерина лисенко", 5, "привет."), turnAt(sec(9189), "Bo Li", 6, "ok."), turnAt(sec(9200), "Ann Lee", 8, "fine.")}},
		{"a lower-case name restamped with the same second around a line of prose ending in a time", "speaker-line", "Ann Lee 1:22:40\nHello.\n\nBo Li 1:23:05\nYes.\nmurat aydın 1:23:13\nça va.\n\nit was 2:1, so we meet at 10:30\n\nmurat aydın 1:23:13\nthe rest.\n\nAnn Lee 1:23:30\nBye.\n", []caption.Segment{
			turnAt(sec(4960), "Ann Lee", 1, "Hello."), turnAt(sec(4985), "Bo Li", 4, "Yes."), turnAt(sec(4993), "murat aydın", 6, "ça va.", "it was 2:1, so we meet at 10:30"),
			turnAt(sec(4993), "murat aydın", 11, "the rest."), turnAt(sec(5010), "Ann Lee", 14, "Bye.")}},
		{"a lower-case name with dots inside, said once", "rev-inline", "Ann Lee (00:00:10): Hello.\nbo li (00:00:28): Yes.\n\nwill.i.am (00:00:46): so\nAnn Lee (00:00:50): Bye.\n", []caption.Segment{
			turnAt(sec(10), "Ann Lee", 1, "Hello."), turnAt(sec(28), "bo li", 2, "Yes."), turnAt(sec(46), "will.i.am", 4, "so"), turnAt(sec(50), "Ann Lee", 5, "Bye.")}},
		{"a sentence with a dot is no loose name", "speaker-line", "Ann Lee 0:00:01\nHello.\n\nBo Li 0:00:04\nHi.\n\nAnn Lee 0:00:09\nBye.\n\nwell. it is 0:00:12\nok.\n", []caption.Segment{
			turnAt(sec(1), "Ann Lee", 1, "Hello."), turnAt(sec(4), "Bo Li", 4, "Hi."), turnAt(sec(9), "Ann Lee", 7, "Bye.", "well. it is 0:00:12 ok.")}},
		{"roles, handles and pairs in time-name", "time-name", "[00:00:01] Ashlee Kupor (SL): Hi.\n[00:00:03] @handle: Yo.\n[00:00:05] Tom & Jerry: Hey.\n[00:00:07] Participant #3: Hello.\n[00:00:09] Smith, Jane: Bye.\n", []caption.Segment{
			turnAt(sec(1), "Ashlee Kupor (SL)", 1, "Hi."), turnAt(sec(3), "@handle", 2, "Yo."), turnAt(sec(5), "Tom & Jerry", 3, "Hey."),
			turnAt(sec(7), "Participant #3", 4, "Hello."), turnAt(sec(9), "Smith, Jane", 5, "Bye.")}},
		{"one unusual name keeps time-name", "time-name", "[00:00:01] Ann: Hi.\n[00:00:03] Bob: Yo.\n[00:00:05] Sammy Davis, Jr.: Hey.\n[00:00:07] Ann: Hello.\n", []caption.Segment{
			turnAt(sec(1), "Ann", 1, "Hi."), turnAt(sec(3), "Bob", 2, "Yo."), turnAt(sec(5), "Sammy Davis, Jr.", 3, "Hey."), turnAt(sec(7), "Ann", 4, "Hello.")}},
		{"a speakers heading is not a title, and its list is not speech", "speaker-line", "# Episode 12\n\n## Speakers\n\n- Ann Lee (host)\n- Bob\n\n## Transcript\n\nAnn Lee 0:00:01\nHello.\n\nBob 0:00:04\nHi.\n", []caption.Segment{
			turnAt(sec(1), "Ann Lee", 10, "Hello."), turnAt(sec(4), "Bob", 13, "Hi.")}},
		{"labels under times alone, as Google Meet exports", "youtube", "Attendees\nAlice Smith, Bob Jones\n\nTranscript\n\n00:00:00\n\nAlice Smith: Hello, thanks for joining.\nBob Jones: Hi Alice.\nAlice Smith: Let us start.\n\n00:05:00\n\nBob Jones: The budget is fine.\n", []caption.Segment{
			turnAt(0, "Alice Smith", 6, "Hello, thanks for joining."), turnAt(0, "Bob Jones", 9, "Hi Alice."), turnAt(0, "Alice Smith", 10, "Let us start."),
			turnAt(5*time.Minute, "Bob Jones", 12, "The budget is fine.")}},
		{"a line that announces the transcript is not a title", "speaker-line", "Read the full transcript\n\nAnn Lee 0:00:01\nHello.\n", []caption.Segment{
			turnAt(sec(1), "Ann Lee", 3, "Hello.")}},
		{"otter footer with odd spacing", "otter", "Emma  0:00  \nHello.\n\nKelly  0:05  \nHi.\n\n  Transcribed by   https:// otter.ai  \n", []caption.Segment{
			turnAt(0, "Emma", 1, "Hello."), turnAt(sec(5), "Kelly", 4, "Hi.")}},
		{"times in brackets inside the text split the turn", "timestamped", "[00:00:00] This program is brought to you. [00:00:05] My name is Eric, I am the [00:00:07] co host.\n\n[00:00:20] The idea came.\n", []caption.Segment{
			turnAt(0, "", 1, "This program is brought to you."), turnAt(sec(5), "", 1, "My name is Eric, I am the"),
			turnAt(sec(7), "", 1, "co host."), turnAt(sec(20), "", 3, "The idea came.")}},
		{"a label said once in timestamped text stays text", "timestamped", "[00:00:01] Welcome back.\n[00:00:03] Note: this is text.\n[00:00:05] And more.\n", []caption.Segment{
			turnAt(sec(1), "", 1, "Welcome back."), turnAt(sec(3), "", 2, "Note: this is text."), turnAt(sec(5), "", 3, "And more.")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, warnings, err := readTranscriptString(t, tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tt.want, got.Segments); d != "" {
				t.Errorf("segments mismatch (-want +got):\n%s", d)
			}
			if len(warnings) > 0 {
				t.Errorf("unexpected warnings %q", warnings)
			}
			lines := strings.Split(tt.in, "\n")
			d, err := detectDialect(newPage(lines), 0, text.Source{})
			if err != nil || d.name != tt.dialect {
				t.Errorf("detected %v (%v), want %s", d, err, tt.dialect)
			}
		})
	}
}

// TestReadRepairs reads transcripts whose times are slightly wrong: each
// is read, with one warning naming the line.
func TestReadRepairs(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		want     []caption.Segment
		warnLine int
		warn     string
	}{
		{"small step back", "Ann 0:12:14.0\nHi.\n\nBob 0:12:15.9\nYo.\n\nAnn 0:12:15.10\nHey.\n", []caption.Segment{
			turnAt(12*time.Minute+sec(14), "Ann", 1, "Hi."), turnAt(12*time.Minute+sec(15.9), "Bob", 4, "Yo."), turnAt(12*time.Minute+sec(15.9), "Ann", 7, "Hey.")},
			7, "earlier than"},
		{"one turn out of order", "Emma  0:10  \nHello.\n\nKelly  0:12  \nHi.\nEmma  0:05  \nToo early.\n", []caption.Segment{
			turnAt(sec(10), "Emma", 1, "Hello."), turnAt(sec(12), "Kelly", 4, "Hi."), turnAt(sec(12), "Emma", 6, "Too early.")},
			6, "does not fit"},
		{"minutes out of range on a repeated name", "Ann 0:00:05\nHello.\nBob 0:00:07\nYo.\nAnn 0:61:03\nBad minutes.\nBob 0:01:00\nOk.\n", []caption.Segment{
			turnAt(sec(5), "Ann", 1, "Hello."), turnAt(sec(7), "Bob", 3, "Yo."), turnAt(sec(7), "Ann", 5, "Bad minutes."), turnAt(time.Minute, "Bob", 7, "Ok.")},
			5, "is not a time"},
		{"bad seconds in a marked layout", "[Speaker 1] [00:08] Hello.\n[Speaker 2] [00:61] Bad seconds.\n", []caption.Segment{
			turnAt(sec(8), "Speaker 1", 1, "Hello."), turnAt(sec(8), "Speaker 2", 2, "Bad seconds.")},
			2, "is not a time"},
		{"one-digit minutes in a marked layout", "**[00:01] SPEAKER_00:** Hi.\n\n**[1:0:02] SPEAKER_01:** One-digit minutes.\n", []caption.Segment{
			turnAt(sec(1), "SPEAKER_00", 1, "Hi."), turnAt(sec(1), "SPEAKER_01", 3, "One-digit minutes.")},
			3, "is not a time"},
		{"bad chapter time stays text", "Ann 0:00:05\nHi.\n\n0:99 - Chapter\n", []caption.Segment{
			turnAt(sec(5), "Ann", 1, "Hi.", "0:99 - Chapter")},
			4, "looks like a chapter line"},
		{"a name said once out of order stays text", "Ann 0:00:05\nHello.\n\nBob 0:00:07\nHi.\n\nCarl 0:00:01\nToo early.\n\nAnn 0:00:09\nBye.\n\nBob 0:00:12\nOk.\n", []caption.Segment{
			turnAt(sec(5), "Ann", 1, "Hello."), turnAt(sec(7), "Bob", 4, "Hi.", "Carl 0:00:01 Too early."), turnAt(sec(9), "Ann", 10, "Bye."), turnAt(sec(12), "Bob", 13, "Ok.")},
			7, "out of order"},
		{"a time in brackets out of order stays text", "Ann 0:00:05\nHello [0:00:02] there.\n\nBob 0:00:09\nHi.\n", []caption.Segment{
			turnAt(sec(5), "Ann", 1, "Hello [0:00:02] there."), turnAt(sec(9), "Bob", 4, "Hi.")},
			1, "out of order: kept as text"},
		{"every turn at zero", "Ann 0:00\nHello.\n\nBob 0:00\nHi.\n\nAnn 0:00\nBye.\n", []caption.Segment{
			turnAt(0, "Ann", 1, "Hello."), turnAt(0, "Bob", 4, "Hi."), turnAt(0, "Ann", 7, "Bye.")},
			1, "all 3 turns start at"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, warnings, err := readTranscriptString(t, tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tt.want, got.Segments); d != "" {
				t.Errorf("segments mismatch (-want +got):\n%s", d)
			}
			prefix := at(tt.warnLine).String() + ": "
			if len(warnings) != 1 || !strings.HasPrefix(warnings[0], prefix) || !strings.Contains(warnings[0], tt.warn) {
				t.Errorf("got warnings %q, want one at line %d saying %q", warnings, tt.warnLine, tt.warn)
			}
		})
	}
}

func TestLongestOrderedRun(t *testing.T) {
	tests := []struct {
		in   []float64
		want []bool
	}{
		{nil, []bool{}},
		{[]float64{1, 2, 3}, []bool{true, true, true}},
		{[]float64{10, 12, 5}, []bool{true, true, false}},
		{[]float64{5, 3, 6}, []bool{true, false, true}},
		{[]float64{4944, 630, 4944, 4955}, []bool{true, false, true, true}},
		{[]float64{5, 9, 15, 1, 2, 3, 4}, []bool{false, false, false, true, true, true, true}},
		{[]float64{2, 2, 1, 2}, []bool{true, true, false, true}},
	}
	for _, tt := range tests {
		times := make([]time.Duration, len(tt.in))
		for i, s := range tt.in {
			times[i] = sec(s)
		}
		if got := longestOrderedRun(times); !cmp.Equal(got, tt.want) {
			t.Errorf("longestOrderedRun(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
