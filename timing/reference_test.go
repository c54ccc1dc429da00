package timing

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/capconv/capconv/convert/caption"
)

// This file turns real caption files into the two sides of the accuracy
// harness: the words with their true times (the reference), and the
// start-only transcript a transcript tool would print for the same speech.

// timedWord is one word of a cue, placed at its character midpoint.
type timedWord struct {
	text string        // as written
	key  string        // lower case without punctuation, for alignment
	at   time.Duration // character midpoint inside its cue
	cue  int           // index of the cue that shows it
}

// wordsOf places each word of cues at its character midpoint inside its
// cue: the cue's time shared among its characters, lines joined by one
// space. Both sides of the harness are measured this way.
func wordsOf(cues []caption.Cue) []timedWord {
	var out []timedWord
	for k, c := range cues {
		var texts []string
		for _, l := range c.Lines {
			texts = append(texts, l.Text)
		}
		out = append(out, placeWords(strings.Join(texts, " "), c.Start, c.End, k)...)
	}
	return out
}

// placeWords places the words of text, shown from start to end. In
// scripts written without spaces (Chinese, Japanese) every character is a
// word: a whitespace word there is a whole clause.
func placeWords(text string, start, end time.Duration, cue int) []timedWord {
	fields := strings.Fields(text)
	total := utf8.RuneCountInString(strings.Join(fields, " "))
	if total == 0 {
		return nil
	}
	span := float64(end - start)
	var out []timedWord
	pos := 0
	for _, f := range fields {
		for _, w := range scoredUnits(f) {
			key := wordKey(w.text)
			if key == "" {
				continue // punctuation of its own ("→", "--") is not a word
			}
			n := utf8.RuneCountInString(w.text)
			mid := float64(pos+w.at) + float64(n)/2
			out = append(out, timedWord{text: w.text, key: key, at: start + time.Duration(span*mid/float64(total)), cue: cue})
		}
		pos += utf8.RuneCountInString(f) + 1
	}
	return out
}

// unit is a scored piece of a whitespace word and its offset in runes.
type unit struct {
	text string
	at   int
}

// scoredUnits cuts word into what the harness scores: each character of
// a script without spaces apart, the runs of other characters whole.
func scoredUnits(word string) []unit {
	var out []unit
	run, runAt, at := "", 0, 0
	for _, r := range word {
		if spaceless(r) {
			if run != "" {
				out = append(out, unit{run, runAt})
				run = ""
			}
			out = append(out, unit{string(r), at})
		} else {
			if run == "" {
				runAt = at
			}
			run += string(r)
		}
		at++
	}
	if run != "" {
		out = append(out, unit{run, runAt})
	}
	return out
}

// spaceless reports whether r belongs to a script written without spaces
// between words, or is its punctuation.
func spaceless(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}

// joinSpoken joins the pieces of a turn's text as a transcript prints
// them: with a space, but none between two pieces in a script written
// without spaces.
func joinSpoken(pieces []string) string {
	var b strings.Builder
	for i, p := range pieces {
		if i > 0 {
			last, _ := utf8.DecodeLastRuneInString(pieces[i-1])
			first, _ := utf8.DecodeRuneInString(p)
			if !spaceless(last) || !spaceless(first) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(p)
	}
	return b.String()
}

// wordKey is w in lower case with everything but letters and digits removed.
func wordKey(w string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, w)
}

// Speaker marks in caption text, as broadcast, Netflix and YouTube captions
// write them.
var (
	// upperLabel is a broadcast label in capitals: "MAN 2:", "ACTOR AS EINSTEIN:".
	upperLabel = regexp.MustCompile(`^([\p{Lu}][\p{Lu}\p{N} .'’-]*[\p{Lu}\p{N}]):(\s+|$)`)
	// bracketLabel is a Netflix label: "[Alba] text". A bracket that starts
	// in lower case ("[ríe]") is a sound, not a name.
	bracketLabel = regexp.MustCompile(`^\[(\p{Lu}[^\]]*)\]\s*`)
	// soundTag is a description of a sound: "( clock ticking )", "[ríe]",
	// "（風の音）", "* Klopfen *" (German subtitles). They are not speech,
	// so the harness drops them from both sides.
	soundTag = regexp.MustCompile(`\([^)]*\)|\[[^\]]*\]|（[^）]*）|\*[^*]*\*`)
	// wideLabel is a Japanese caption's label, "（幸田）元気だったか？", on a
	// line of its own or before the text.
	wideLabel = regexp.MustCompile(`^（([^）]+)）\s*`)
	// dialogueDash starts a line said by another speaker: "- text",
	// "-text", and the broadcast chevron ">> text" (CART captions).
	dialogueDash = regexp.MustCompile(`^(?:[-‐–]|>>)\s*`)
	// music marks a sung line, "♪♪「…」": lyrics, which transcripts of the
	// speech leave out, so the harness does too.
	music = regexp.MustCompile(`[♪♫]`)
	// nameLabel is a meeting or podcast label, "Ann Lee: text": one to
	// four capitalised words and text after it on the same line (a line
	// ending in ":" is a sentence, not a speaker). readSpeech takes it for
	// a speaker only when the file gives the same label more than once.
	nameLabel = regexp.MustCompile(`^(\p{Lu}[\p{L}\p{M}.'’-]*(?: [\p{L}][\p{L}\p{M}.'’-]*){0,3}):\s+\S`)
)

// nameLabels returns the name labels that start a line of cues more than
// once.
func nameLabels(cues []caption.Cue) map[string]bool {
	n := map[string]int{}
	for _, c := range cues {
		for _, l := range c.Lines {
			t := dialogueDash.ReplaceAllString(strings.TrimSpace(l.Text), "")
			if m := nameLabel.FindStringSubmatch(t); m != nil {
				n[m[1]]++
			}
		}
	}
	out := map[string]bool{}
	for name, k := range n {
		if k > 1 {
			out[name] = true
		}
	}
	return out
}

// spokenLine is one caption line after its speaker marks were read.
type spokenLine struct {
	text    string
	speaker string
	newTurn bool // a speaker mark starts the line
}

// readSpeech splits each cue line into its speaker and its spoken text:
// the voice span, a capitals label, a bracket label, or a dialogue dash
// (another speaker: of a two-person exchange, the one who spoke before).
// A dash followed by a label is said by the labelled speaker, and an
// anonymous name the dash would have guessed becomes that speaker's name
// everywhere. A bracket in a cue that says nothing ("[Beltrán cuelga]")
// describes a sound, not a speaker. Sound tags are removed.
func readSpeech(cues []caption.Cue) (spoken [][]spokenLine, marked bool) {
	cur, prev := "", ""
	alias := map[string]string{} // anonymous name → the label that named it
	canon := func(s string) string {
		for alias[s] != "" {
			s = alias[s]
		}
		return s
	}
	change := func(to string) {
		to = canon(to)
		if to != canon(cur) {
			prev, cur = canon(cur), to
		}
	}
	anon := 0
	named := nameLabels(cues)
	for _, c := range cues {
		// A ♪ marks its line as sung, and the lines after it in the cue
		// until a dash or a label: "♪♪「魔法の言葉\n虹の…」".
		sung := make([]bool, len(c.Lines))
		speech := false
		for i, l := range c.Lines {
			raw := strings.TrimSpace(l.Text)
			t := dialogueDash.ReplaceAllString(raw, "")
			t = upperLabel.ReplaceAllString(t, "")
			sung[i] = music.MatchString(t) || i > 0 && sung[i-1] && t == raw && !wideLabel.MatchString(t)
			if !sung[i] && strings.IndexFunc(soundTag.ReplaceAllString(t, ""), unicode.IsLetter) >= 0 {
				speech = true
			}
		}
		var lines []spokenLine
		for i, l := range c.Lines {
			t := strings.TrimSpace(l.Text)
			newTurn := false
			if l.Speaker != "" && l.Speaker != cur {
				change(l.Speaker)
				newTurn = true
			}
			if m := dialogueDash.FindString(t); m != "" && !strings.HasPrefix(t, "--") {
				t = t[len(m):]
				who := prev
				if who == "" || who == cur {
					anon++
					who = "Speaker " + string(rune('A'+anon%26))
				}
				label := ""
				if m := bracketLabel.FindStringSubmatch(t); m != nil && speech {
					label = m[1]
				} else if m := upperLabel.FindStringSubmatch(t); m != nil && utf8.RuneCountInString(m[1]) > 1 {
					label = m[1]
				}
				switch {
				case label == "":
					change(who)
				case strings.HasPrefix(who, "Speaker ") && canon(who) == who && canon(label) != canon(cur):
					alias[who] = label
				}
				newTurn = true
			}
			if m := bracketLabel.FindStringSubmatch(t); m != nil && speech {
				change(m[1])
				t, newTurn = t[len(m[0]):], true
			}
			if m := wideLabel.FindStringSubmatch(t); m != nil && speech {
				change(m[1])
				t, newTurn = t[len(m[0]):], true
			}
			if sung[i] {
				t = ""
			}
			if m := upperLabel.FindStringSubmatch(t); m != nil && utf8.RuneCountInString(m[1]) > 1 {
				change(m[1])
				t, newTurn = t[len(m[0]):], true
			} else if m := nameLabel.FindStringSubmatch(t); m != nil && named[m[1]] {
				change(m[1])
				t, newTurn = strings.TrimSpace(t[len(m[1])+1:]), true
			}
			if newTurn {
				marked = true
			}
			t = strings.Join(strings.Fields(soundTag.ReplaceAllString(t, " ")), " ")
			lines = append(lines, spokenLine{text: t, speaker: cur, newTurn: newTurn})
		}
		spoken = append(spoken, lines)
	}
	for _, lines := range spoken {
		for i := range lines {
			lines[i].speaker = canon(lines[i].speaker)
		}
	}
	return spoken, marked
}

// paragraphSpan is how long a speakerless transcript's paragraph runs
// before the next sentence end starts a new one: transcript tools without
// diarization print a timestamp about every 20 s.
const paragraphSpan = 20 * time.Second

// paragraphSilence is the silence after which a transcript tool starts a
// new paragraph, with a timestamp of its own, even for the same speaker.
const paragraphSilence = 8 * time.Second

// reference is one caption file prepared for the harness.
type reference struct {
	cues     []caption.Cue // the spoken text of each cue, speakers set
	segments []caption.Segment
	duration time.Duration // the last cue's end, rounded up to a second
	lang     string        // the language of its text, as capconv detects it
}

// options returns o with the limits of ref's language (Options.ForLanguage).
func (ref reference) options(o Options) Options { return o.ForLanguage(ref.lang) }

// derive builds the reference cues (spoken text only) and the start-only
// transcript a transcript tool would print for them: consecutive cues of
// one speaker form a turn, which starts at its first word's cue start
// (interpolated when a label starts it inside a cue) truncated to the
// second, as transcript tools print it.
func derive(cues []caption.Cue) reference {
	spoken, marked := readSpeech(cues)
	var ref reference
	var seg *caption.Segment
	var words []string
	flush := func() {
		if seg != nil && len(words) > 0 {
			seg.Paragraphs = []string{joinSpoken(words)}
			ref.segments = append(ref.segments, *seg)
		}
		seg, words = nil, nil
	}
	var lastEnd time.Duration // the end of the last cue with speech
	for k, c := range cues {
		if seg != nil && c.Start-lastEnd > paragraphSilence {
			flush()
		}
		rc := caption.Cue{Start: c.Start, End: c.End}
		var all []string
		for _, l := range spoken[k] {
			if l.text != "" {
				all = append(all, l.text)
			}
		}
		total := utf8.RuneCountInString(strings.Join(all, " "))
		pos := 0
		for _, l := range spoken[k] {
			if l.text == "" {
				if l.newTurn {
					flush()
				}
				continue
			}
			at := c.Start + time.Duration(float64(c.End-c.Start)*float64(pos)/float64(max(total, 1)))
			pos += utf8.RuneCountInString(l.text) + 1
			rc.Lines = append(rc.Lines, caption.Line{Speaker: l.speaker, Text: l.text})
			startsParagraph := !marked && seg != nil && at-seg.Start >= paragraphSpan &&
				len(words) > 0 && endsSentence(lastUnit(words[len(words)-1]))
			if l.newTurn || seg == nil || l.speaker != seg.Speaker || startsParagraph {
				flush()
				seg = &caption.Segment{Start: at.Truncate(time.Second), Speaker: l.speaker}
			}
			words = append(words, strings.Fields(l.text)...)
		}
		if len(rc.Lines) > 0 {
			ref.cues = append(ref.cues, rc)
			lastEnd = max(lastEnd, c.End)
		}
	}
	flush()
	if n := len(ref.cues); n > 0 {
		end := ref.cues[n-1].End
		ref.duration = (end + time.Second - 1).Truncate(time.Second)
	}
	return ref
}

// lastUnit is the last character of w when it ends in a script written
// without spaces (whose sentence ends, 。？！, close no whitespace word),
// else w.
func lastUnit(w string) string {
	if r, size := utf8.DecodeLastRuneInString(w); spaceless(r) {
		return w[len(w)-size:]
	}
	return w
}

// loadReference reads a caption file and derives its reference; when
// transcript is not "", the segments are read from that real transcript
// instead of derived.
func loadReference(t testing.TB, captions, transcript string) reference {
	t.Helper()
	doc := readFile(t, captions)
	ref := derive(doc.Cues)
	if transcript != "" {
		ref.segments = readFile(t, transcript).Segments
	}
	// As the CLI does for a transcript that does not say its language.
	ref.lang = DocumentLanguage(&caption.Document{Segments: ref.segments})
	return ref
}

// ReadDocument reads the caption or transcript data of the file called
// name, in the format name's extension says (a transcript when it says
// none), with speaker labels left in the text, as readSpeech needs them.
//
// The tests read files with package convert, which imports timing, so an
// internal test cannot import it: that is an import cycle. ReadDocument is
// declared here, in a file of package timing built only for tests, and set
// by the init of convert_test.go, an external test (package timing_test)
// that may import convert. It is exported only so that the external test
// can reach it; it is no part of the package's API.
var ReadDocument func(name string, data []byte) (*caption.Document, error)

// DocumentLanguage is convert.Language, set the same way: the language
// capconv takes a document's text to be in when it does not say, whose
// preset limits apply.
var DocumentLanguage func(*caption.Document) string

// readFile reads the file at path with ReadDocument.
func readFile(t testing.TB, path string) *caption.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ReadDocument(path, data)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}
