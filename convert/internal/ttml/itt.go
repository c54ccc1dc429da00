package ttml

import (
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/internal/labels"
	"github.com/capconv/capconv/timing"
)

// iTT is Apple's iTunes Timed Text, the TTML profile Final Cut Pro and
// the iTunes Store take: SMPTE time base, every time a timecode of the
// declared frame rate, one div, a fixed head with the "normal" style and
// the "top" and "bottom" regions, sans-serif text. Speakers go in the
// text, as labels: Final Cut Pro shows no agents.

// ittDefaultRate is the frame rate an iTT file declares when none is
// given.
const ittDefaultRate = 30.0

// ittHead opens an iTT document up to its frame rate attributes.
const ittHead = `<?xml version="1.0" encoding="UTF-8"?>
<tt xmlns="http://www.w3.org/ns/ttml" xmlns:tts="http://www.w3.org/ns/ttml#styling" xmlns:ttm="http://www.w3.org/ns/ttml#metadata" xmlns:ttp="http://www.w3.org/ns/ttml#parameter" ttp:timeBase="smpte"`

// ittLayout is the fixed head of every iTT document after its metadata.
const ittLayout = `    <styling>
      <style xml:id="normal" tts:fontFamily="sansSerif" tts:fontWeight="normal" tts:fontStyle="normal" tts:color="white" tts:fontSize="100%"/>
    </styling>
    <layout>
      <region xml:id="top" tts:origin="0% 0%" tts:extent="100% 15%" tts:textAlign="center" tts:displayAlign="before"/>
      <region xml:id="bottom" tts:origin="0% 85%" tts:extent="100% 15%" tts:textAlign="center" tts:displayAlign="after"/>
    </layout>
  </head>
  <body region="bottom" style="normal">
    <div>
`

// AppendITT appends d rendered as an iTT document to b, its times as
// timecode at o.FrameRate (30 when 0), the frames counted at the whole
// rate (24, 30, 60) and played at the declared one, as SMPTE timecode
// counts them: non-drop (23.976 plays 01:00:00:00 at 3603.6 s), or at
// 29.97 and 59.94 drop-frame unless o.NonDrop (ttp:dropMode="dropNTSC",
// which skips labels to keep to the clock). A cue placed at the top goes
// in the top region, any other in the bottom one.
func AppendITT(b []byte, d *caption.Document, o WriteOptions) ([]byte, error) {
	fps := o.FrameRate
	if fps <= 0 {
		fps = ittDefaultRate
	}
	for i, c := range d.Cues {
		if c.Start < 0 || c.End < 0 {
			return b, fmt.Errorf("cue %d: negative time %s --> %s: timecodes start at 0", i+1, c.Start, c.End)
		}
	}
	lang := d.Language
	if lang == "" {
		lang = "en"
	}
	b = slices.Grow(b, o.Sink.Size(ittSize(d)))
	b = append(b, ittHead...)
	nominal := int64(math.Round(fps))
	multiplier := "1 1"
	if math.Abs(fps-float64(nominal)) > 1e-6 {
		nominal = int64(math.Round(fps * 1001 / 1000))
		multiplier = "1000 1001"
	}
	b = append(b, ` ttp:frameRate="`...)
	b = strconv.AppendInt(b, nominal, 10)
	// Drop-frame counting exists for the NTSC rates of 30 and 60.
	drop := !o.NonDrop && multiplier != "1 1" && nominal%30 == 0
	mode := "nonDrop"
	if drop {
		mode = "dropNTSC"
	}
	b = append(b, `" ttp:frameRateMultiplier="`+multiplier+`" ttp:dropMode="`+mode+`" xml:lang="`...)
	b = appendXMLEscaped(b, lang, true)
	b = append(b, "\">\n  <head>\n"...)
	if d.Title != "" {
		b = append(b, "    <metadata>\n      <ttm:title>"...)
		b = appendXMLEscaped(b, d.Title, false)
		b = append(b, "</ttm:title>\n    </metadata>\n"...)
	}
	b = append(b, ittLayout...)
	show := labels.NewShower(o.Speakers)
	if o.Speakers == "" {
		show = labels.NewShower(labels.None)
	}
	var prefixes []string
	var last int64 = -1
	for _, c := range d.Cues {
		start, end := timing.Frame(c.Start, fps), timing.Frame(c.End, fps)
		// Every cue keeps a frame, and none goes back before the last.
		start = max(start, last)
		end = max(end, start+1)
		last = start
		b = append(b, `      <p begin="`...)
		b = appendTimecode(b, start, nominal, drop)
		b = append(b, `" end="`...)
		b = appendTimecode(b, end, nominal, drop)
		b = append(b, '"')
		if c.Placement.Vertical == caption.Top {
			b = append(b, ` region="top"`...)
		}
		switch c.Placement.Horizontal {
		case caption.Left:
			b = append(b, ` tts:textAlign="left"`...)
		case caption.Right:
			b = append(b, ` tts:textAlign="right"`...)
		}
		prefixes = show.Prefixes(prefixes, c.Lines)
		for j, l := range c.Lines {
			if ttmlNeedsPreserve(prefixes[j] + l.Text) {
				b = append(b, ` xml:space="preserve"`...)
				break
			}
		}
		b = append(b, '>')
		first := true
		for j, l := range c.Lines {
			if l.Text == "" && l.Spans == nil {
				continue
			}
			if !first {
				b = append(b, "<br/>"...)
			}
			first = false
			b = appendXMLEscaped(b, prefixes[j], false)
			for _, s := range l.Runs() {
				s.Style.Ruby = "" // iTT's ruby is an extension of Apple's: the base stays
				b = appendTTMLSpan(b, s)
			}
		}
		b = append(b, "</p>\n"...)
		b = o.Sink.Spill(b)
	}
	return append(b, "    </div>\n  </body>\n</tt>\n"...), nil
}

// ittSize is about what AppendITT writes for d.
func ittSize(d *caption.Document) int {
	n := len(ittHead) + len(ittLayout) + 256 + 2*len(d.Title)
	for _, c := range d.Cues {
		n += 80
		for _, l := range c.Lines {
			n += len(l.Text) + 16 + 48*len(l.Spans)
		}
	}
	return n + n/32
}

// appendTimecode appends frame n as timecode HH:MM:SS:FF, counting
// nominal frames to a second; drop-frame skips the first nominal/15
// labels of each minute (2 at 30, 4 at 60) but every tenth.
func appendTimecode(b []byte, n, nominal int64, drop bool) []byte {
	if drop {
		skip := nominal / 15
		perMin := nominal*60 - skip
		per10 := 10*perMin + skip
		tens, rest := n/per10, n%per10
		n += 9 * skip * tens
		if rest >= skip {
			n += skip * ((rest - skip) / perMin)
		}
	}
	f, s := n%nominal, n/nominal
	h := s / 3600
	if h < 10 {
		b = append(b, '0')
	}
	b = strconv.AppendInt(b, h, 10)
	m, sec := s/60%60, s%60
	b = append(b, ':', byte('0'+m/10), byte('0'+m%10), ':', byte('0'+sec/10), byte('0'+sec%10), ':')
	if f < 10 {
		b = append(b, '0')
	}
	return strconv.AppendInt(b, f, 10)
}
