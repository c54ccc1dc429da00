package convert_test

import (
	"bytes"
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/convert/caption"
	"github.com/google/go-cmp/cmp"
)

// styledWords are the words of generated styled cues: markup of every
// format among them, which must stay text.
var styledWords = strings.Fields(`the a and of to in we think really going open source, wild! right?
AT&T <b> <i>x</i> {\an8} a<b {braces} 1 < 2 > 0 café naïve 東京 漢字 مرحبا שלום 👋🏽 “quoted” &amp; \N`)

var styledSpeakers = []string{"Ann Lee", "Bob", "Émilie Noël", "王小明"}

// styledLine returns a random line: one to four spans of random styles.
func styledLine(r *rand.Rand, speaker string) caption.Line {
	styles := []caption.Style{
		{}, {}, {Italic: true}, {Bold: true}, {Underline: true}, {Italic: true, Bold: true},
		{Color: "#ffff00"}, {Color: "#00ffff", Italic: true}, {Class: "loud"}, {Ruby: "かんじ"},
	}
	var spans []caption.Span
	for n := 1 + r.Intn(4); n > 0; n-- {
		var ws []string
		for k := 1 + r.Intn(3); k > 0; k-- {
			ws = append(ws, styledWords[r.Intn(len(styledWords))])
		}
		st := styles[r.Intn(len(styles))]
		text := strings.Join(ws, " ")
		if st.Ruby != "" {
			text = "漢字" // a ruby base is one word
		}
		if len(spans) > 0 {
			spans = append(spans, caption.Span{Text: " "})
		}
		spans = append(spans, caption.Span{Text: text, Style: st})
	}
	return caption.StyledLine(speaker, spans)
}

// styledDoc returns a random document of styled, placed cues, some of
// them dialogues with dashes.
func styledDoc(r *rand.Rand) *caption.Document {
	d := &caption.Document{}
	at := 100 * time.Millisecond
	speaker := styledSpeakers[0]
	for n := 1 + r.Intn(8); n > 0; n-- {
		c := caption.Cue{Start: at, End: at + time.Duration(1+r.Intn(30))*100*time.Millisecond}
		c.Placement = caption.Placement{Vertical: caption.Vertical(r.Intn(3)), Horizontal: caption.Horizontal(r.Intn(3))}
		if r.Intn(3) == 0 {
			speaker = styledSpeakers[r.Intn(len(styledSpeakers))]
		}
		if r.Intn(4) == 0 { // a dialogue: two speakers, a dash each
			other := styledSpeakers[(indexOf(styledSpeakers, speaker)+1)%len(styledSpeakers)]
			a, b := styledLine(r, speaker), styledLine(r, other)
			a.Dash, b.Dash = true, true
			c.Lines = []caption.Line{a, b}
			speaker = other
		} else {
			for k := 1 + r.Intn(2); k > 0; k-- {
				c.Lines = append(c.Lines, styledLine(r, speaker))
			}
		}
		d.Cues = append(d.Cues, c)
		at = c.End + time.Duration(r.Intn(5))*100*time.Millisecond
	}
	return d
}

func indexOf(xs []string, x string) int {
	for i, y := range xs {
		if y == x {
			return i
		}
	}
	return -1
}

// withoutLost returns d as format f can carry it: the styling f does not
// write dropped (a ruby's base kept), the placement it cannot carry
// reset, and the dashes a format showing labels writes added.
func withoutLost(d *caption.Document, f convert.Format) []caption.Cue {
	keeps := f.Styles()
	var out []caption.Cue
	for _, c := range d.Cues {
		if !keeps.Has(caption.FeatureVertical) {
			c.Placement.Vertical = caption.Bottom
		}
		if !keeps.Has(caption.FeatureHorizontal) {
			c.Placement.Horizontal = caption.Center
		}
		lines := make([]caption.Line, len(c.Lines))
		for i, l := range c.Lines {
			spans := append([]caption.Span(nil), l.Runs()...)
			for j := range spans {
				s := &spans[j].Style
				s.Italic = s.Italic && keeps.Has(caption.FeatureItalic)
				s.Bold = s.Bold && keeps.Has(caption.FeatureBold)
				s.Underline = s.Underline && keeps.Has(caption.FeatureUnderline)
				if !keeps.Has(caption.FeatureColor) {
					s.Color = ""
				}
				if !keeps.Has(caption.FeatureClass) {
					s.Class = ""
				}
				if !keeps.Has(caption.FeatureRuby) {
					s.Ruby = ""
				}
			}
			nl := caption.StyledLine(l.Speaker, spans)
			nl.Dash = l.Dash
			lines[i] = nl
		}
		c.Lines = lines
		out = append(out, c)
	}
	return out
}

// TestStyledRoundTrip writes generated styled documents in every caption
// format and reads them back: every word, its speaker, its style, each
// cue's placement and each dialogue dash survive, but for what the
// format's Styles say it drops.
func TestStyledRoundTrip(t *testing.T) {
	formats := []convert.Format{convert.SRT, convert.WebVTT, convert.TTML, convert.DFXP, convert.ASS, convert.JSON}
	for seed := int64(0); seed < 200; seed++ {
		r := rand.New(rand.NewSource(seed))
		doc := styledDoc(r)
		for _, f := range formats {
			b, err := convert.Marshal(doc, f, convert.Options{Language: "en"})
			if err != nil {
				t.Fatalf("seed %d: Marshal(%s): %v", seed, f, err)
			}
			back, err := convert.Read(bytes.NewReader(b), f, convert.Options{File: "out" + f.Ext(), Labels: convert.LabelName})
			if err != nil {
				t.Fatalf("seed %d: Read(Marshal(%s)): %v\n%s", seed, f, err, b)
			}
			want := withoutLost(doc, f)
			got := back.Cues
			for i := range got {
				got[i].ID = ""
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Fatalf("seed %d: %s round trip (-want +got):\n%s\n%s", seed, f, d, b)
			}
		}
	}
}
