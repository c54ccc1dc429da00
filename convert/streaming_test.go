package convert_test

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/convert/caption"
	"github.com/google/go-cmp/cmp"
)

// bigDocument returns a document of n cues of two speakers, some styled,
// some placed, whose outputs run to several megabytes.
func bigDocument(n int) *caption.Document {
	d := &caption.Document{Title: "Big", Language: "en"}
	d.Chapters = []caption.Chapter{{Start: 0, End: time.Hour, Title: "One"}}
	for i := range n {
		start := time.Duration(i) * 1500 * time.Millisecond
		c := caption.Cue{Start: start, End: start + 1200*time.Millisecond}
		sp := []string{"Ann Lee", "Bo Chen"}[i/3%2]
		c.Lines = []caption.Line{{Speaker: sp, Text: fmt.Sprintf("Line %d says <this> & that é", i)}}
		if i%5 == 0 {
			c.Lines = append(c.Lines, caption.Line{Speaker: sp, Text: "in italics", Spans: []caption.Span{{Text: "in ", Style: caption.Style{}}, {Text: "italics", Style: caption.Style{Italic: true}}}})
		}
		if i%7 == 0 {
			c.Placement.Vertical = caption.Top
		}
		d.Cues = append(d.Cues, c)
	}
	return d
}

// TestMarshalToStreams checks that every writer hands its output on in
// chunks as it renders it, and that what it writes is what Marshal
// returns whole.
func TestMarshalToStreams(t *testing.T) {
	doc := bigDocument(60000)
	for _, f := range convert.WritableFormats() {
		t.Run(string(f), func(t *testing.T) {
			o := convert.Options{}
			outs, err := convert.Convert(doc, []convert.Format{f}, o)
			if err != nil {
				t.Fatal(err)
			}
			want, err := convert.Marshal(outs[0].Doc, f, o)
			if err != nil {
				t.Fatal(err)
			}
			var w countingWriter
			if err := convert.MarshalTo(&w, outs[0].Doc, f, o); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(w.buf.Bytes(), want) {
				t.Fatalf("MarshalTo wrote %d bytes that differ from Marshal's %d (first difference at %d)", w.buf.Len(), len(want), firstDiff(w.buf.Bytes(), want))
			}
			if f == convert.STL {
				// Its header counts the blocks that follow, and it holds
				// at most 99,999 of 128 bytes: written whole.
				return
			}
			// Outputs past a few chunks come in several writes, none
			// much larger than a chunk.
			if len(want) > 3<<20 && w.writes < 2 {
				t.Errorf("%d bytes in %d write: not streamed", len(want), w.writes)
			}
			if w.largest > 2<<20 {
				t.Errorf("largest write %d bytes: the output was held whole", w.largest)
			}
		})
	}
}

type countingWriter struct {
	buf             bytes.Buffer
	writes, largest int
}

func (w *countingWriter) Write(p []byte) (int, error) {
	w.writes++
	w.largest = max(w.largest, len(p))
	return w.buf.Write(p)
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// TestMarshalToError checks that a failing writer's error comes back.
func TestMarshalToError(t *testing.T) {
	doc := bigDocument(60000)
	err := convert.MarshalTo(failingWriter{}, doc, convert.SRT, convert.Options{})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("MarshalTo to a failing writer: %v, want its error", err)
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, fmt.Errorf("disk full") }

// TestConvertEach checks that ConvertEach hands on what Convert returns,
// those timed alike together, each timed copy made once.
func TestConvertEach(t *testing.T) {
	// Speakers in segments, not shown in the text: SRT and iTT show them
	// as labels, WebVTT and TTML carry them as voices.
	doc := &caption.Document{
		Chapters: []caption.Chapter{{Start: 0, Title: "One"}},
		Segments: []caption.Segment{
			{Start: time.Second, Speaker: "Ann Lee", Paragraphs: []string{"Welcome to the show, everyone. It is good to be here today with all of you."}},
			{Start: 9 * time.Second, Speaker: "Bo Chen", Paragraphs: []string{"Thank you. I have waited a long time for this moment, and here it is."}},
		},
	}
	to := []convert.Format{convert.SRT, convert.WebVTT, convert.ITT, convert.TTML, convert.Transcript}
	outs, err := convert.Convert(doc, to, convert.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var order []convert.Format
	var copies []*caption.Document
	docs := map[convert.Format]*caption.Document{}
	err = convert.ConvertEach(doc, to, convert.Options{}, func(out convert.Output) error {
		order = append(order, out.Format)
		copies = append(copies, out.Doc)
		docs[out.Format] = out.Doc
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(order) != len(outs) {
		t.Fatalf("ConvertEach gave %v, Convert %d outputs", order, len(outs))
	}
	// Each timed copy's outputs come together, the copies in the order
	// Convert's outputs first use them.
	var runs []*caption.Document
	for i, d := range copies {
		if i == 0 || d != copies[i-1] {
			if slices.Contains(runs, d) {
				t.Errorf("%v: the outputs of one timed copy are apart", order)
			}
			runs = append(runs, d)
		}
	}
	var firstUse []*caption.Document
	for _, out := range outs {
		if !slices.Contains(firstUse, out.Doc) {
			firstUse = append(firstUse, out.Doc)
		}
	}
	if len(firstUse) != len(runs) || len(runs) < 3 {
		t.Errorf("%d timed copies in ConvertEach, %d in Convert; want the same, at least 3 (labels, voices, the transcript's own)", len(runs), len(firstUse))
	}
	if docs[convert.WebVTT] != docs[convert.Chapters] {
		t.Error("the chapters track was timed apart from its WebVTT")
	}
	for _, out := range outs {
		if diff := cmp.Diff(out.Doc, docs[out.Format]); diff != "" {
			t.Errorf("%s: ConvertEach's differs from Convert's (-Convert +ConvertEach):\n%s", out.Format, diff)
		}
	}
	stop := fmt.Errorf("enough")
	n := 0
	err = convert.ConvertEach(doc, to, convert.Options{}, func(convert.Output) error { n++; return stop })
	if err != stop || n != 1 {
		t.Errorf("yield's error: ConvertEach returned %v after %d outputs, want it after 1", err, n)
	}
}
