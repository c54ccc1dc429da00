package ttml

import (
	"fmt"
	"math"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/captest"
	"github.com/capconv/capconv/convert/internal/labels"
	"github.com/capconv/capconv/convert/internal/text"
	"github.com/google/go-cmp/cmp"
)

// TestITT writes iTT at the frame rates editors use and reads it back:
// the same text, styling and top placement, every time on the frame
// nearest to it, the timecodes counted as SMPTE counts them.
func TestITT(t *testing.T) {
	italic := caption.StyledLine("Ann", []caption.Span{{Text: "Oui", Style: caption.Style{Italic: true}}, {Text: ", & <bien>."}})
	doc := &caption.Document{Title: "Épisode 1", Language: "fr", Cues: []caption.Cue{
		{Start: captest.Ms(1000), End: captest.Ms(3500), Lines: captest.Say("Ann", "Bonjour.")},
		{Start: captest.Ms(3600), End: captest.Ms(6000), Lines: []caption.Line{italic, {Speaker: "Bob", Text: "Non."}}},
		{Start: time.Hour, End: time.Hour + 2*time.Second, Placement: caption.Placement{Vertical: caption.Top, Horizontal: caption.Left}, Lines: captest.Say("", "♪")},
	}}
	for _, tc := range []struct {
		fps        float64
		rate, mult string
		hour       string // the label of 1 h
		mode       string
	}{
		{24000.0 / 1001, "24", "1000 1001", "00:59:56:10", "nonDrop"},
		{25, "25", "1 1", "01:00:00:00", "nonDrop"},
		{30000.0 / 1001, "30", "1000 1001", "01:00:00:00", "dropNTSC"}, // drop-frame keeps to the clock
		{0, "30", "1 1", "01:00:00:00", "nonDrop"},
	} {
		b, err := AppendITT(nil, doc, WriteOptions{FrameRate: tc.fps, Speakers: labels.Name})
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		for _, want := range []string{
			`ttp:timeBase="smpte" ttp:frameRate="` + tc.rate + `" ttp:frameRateMultiplier="` + tc.mult + `" ttp:dropMode="` + tc.mode + `" xml:lang="fr"`,
			`<ttm:title>Épisode 1</ttm:title>`,
			`<region xml:id="top"`, `<body region="bottom" style="normal">`,
			`begin="` + tc.hour + `"`, `region="top" tts:textAlign="left">♪</p>`,
			`- Ann: <span tts:fontStyle="italic">Oui</span>, &amp; &lt;bien&gt;.<br/>- Bob: Non.</p>`,
		} {
			if !strings.Contains(s, want) {
				t.Errorf("fps %v: output lacks %s:\n%s", tc.fps, want, s)
			}
		}
		back, err := Read(b, text.Source{Warn: func(p caption.Position, m string) { t.Errorf("fps %v: warning %s", tc.fps, m) }})
		if err != nil {
			t.Fatalf("fps %v: %v\n%s", tc.fps, err, s)
		}
		fps := tc.fps
		if fps == 0 {
			fps = 30
		}
		frame := time.Duration(float64(time.Second) / fps)
		if len(back.Cues) != len(doc.Cues) {
			t.Fatalf("fps %v: %d cues back, want %d", tc.fps, len(back.Cues), len(doc.Cues))
		}
		for i, c := range doc.Cues {
			g := back.Cues[i]
			for _, pair := range [][2]time.Duration{{g.Start, c.Start}, {g.End, c.End}} {
				if (pair[0] - pair[1]).Abs() > frame/2+time.Millisecond {
					t.Errorf("fps %v cue %d: %v read back, want %v to the nearest frame", tc.fps, i+1, pair[0], pair[1])
				}
				if n := pair[0].Seconds() * fps; math.Abs(n-math.Round(n)) > 1e-3 {
					t.Errorf("fps %v cue %d: %v is not on a frame", tc.fps, i+1, pair[0])
				}
			}
			if g.Placement != c.Placement {
				t.Errorf("fps %v cue %d: placement %v, want %v", tc.fps, i+1, g.Placement, c.Placement)
			}
		}
		if d := cmp.Diff("- Ann: Oui, & <bien>.", back.Cues[1].Lines[0].Text); d != "" {
			t.Errorf("fps %v: line (-want +got):\n%s", tc.fps, d)
		}
	}
}

// TestReadSMPTETimeBase reads timecode under ttp:timeBase="smpte": labels
// count nominal frames, dropNTSC skips two a minute but every tenth.
func TestReadSMPTETimeBase(t *testing.T) {
	doc := func(attrs, begin string) string {
		return `<tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttp="http://www.w3.org/ns/ttml#parameter" ttp:timeBase="smpte" ` + attrs +
			`><body><div><p begin="` + begin + `" end="10:00:00:00">x</p></div></body></tt>`
	}
	tests := []struct {
		attrs, begin string
		frame        int64 // the frame it names, at the effective rate
		fps          float64
	}{
		{`ttp:frameRate="30" ttp:frameRateMultiplier="1000 1001" ttp:dropMode="nonDrop"`, "01:00:00:00", 108000, 30000.0 / 1001},
		{`ttp:frameRate="30" ttp:frameRateMultiplier="1000 1001" ttp:dropMode="dropNTSC"`, "01:00:00:00", 107892, 30000.0 / 1001},
		{`ttp:frameRate="30" ttp:frameRateMultiplier="1000 1001" ttp:dropMode="dropNTSC"`, "00:01:00:02", 1800, 30000.0 / 1001},
		{`ttp:frameRate="25"`, "00:00:10:05", 255, 25},
	}
	for _, tc := range tests {
		d, err := Read([]byte(doc(tc.attrs, tc.begin)), text.Source{})
		if err != nil {
			t.Fatal(err)
		}
		want := time.Duration(math.Round(float64(tc.frame) / tc.fps * float64(time.Second)))
		if got := d.Cues[0].Start; (got - want).Abs() > time.Millisecond {
			t.Errorf("%s under %s: %v, want frame %d at %v", tc.begin, tc.attrs, got, tc.frame, want)
		}
	}
}

// TestDropFrameLabels writes drop-frame labels at 29.97 and 59.94 and
// reads them back through the reader's timecode arithmetic, frame for
// frame over a day.
func TestDropFrameLabels(t *testing.T) {
	for _, nominal := range []int64{30, 60} {
		tm := ttmlTiming{frameRate: big.NewRat(nominal*1000, 1001), nominal: nominal, drop: true, smpte: true, maxFrames: nominal}
		for n := int64(0); n < 24*3600*nominal; n += 991 {
			label := string(appendTimecode(nil, n, nominal, true))
			var h, m, s, f int64
			if _, err := fmt.Sscanf(label, "%d:%d:%d:%d", &h, &m, &s, &f); err != nil {
				t.Fatal(err)
			}
			if m%10 != 0 && s == 0 && f < nominal/15 {
				t.Fatalf("frame %d labelled %s, a label drop-frame skips", n, label)
			}
			at := tm.timecode(big.NewRat(h*3600+m*60+s, 1), new(big.Rat).Quo(big.NewRat(f, 1), tm.frameRate))
			if got := new(big.Rat).Mul(at, tm.frameRate); !got.IsInt() || got.Num().Int64() != n {
				t.Fatalf("%d fps: frame %d → %s → frame %s", nominal, n, label, got.FloatString(3))
			}
		}
	}
}
