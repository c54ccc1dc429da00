package timing

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/capconv/capconv/convert/caption"
)

// Report summarises a timed document: its cues, its speakers and their
// speaking rates, how fast its cues are to read, and every rule a cue
// breaks.
type Report struct {
	// Name names the document (a file name), "" when unnamed.
	Name     string
	Cues     int
	Speakers []SpeakerRate
	// Reading is how many cues fall in each reading-speed band.
	Reading []SpeedBand
	// MedianCPS and MaxCPS are the cues' median and fastest reading speed.
	MedianCPS, MaxCPS float64
	// Limits are the options checked against (defaults filled in).
	Limits     Options
	Violations []Violation
}

// SpeakerRate is one speaker's cue count and speaking rate.
type SpeakerRate struct {
	Name string
	Cues int
	// CPS is the speaking rate in characters per second: as MakeCues
	// measures it on the transcript's turns when the document has
	// segments, on the cues' screen time otherwise.
	CPS float64
}

// SpeedBand counts the cues whose reading speed is at least From and
// below To characters per second (To 0: no upper bound).
type SpeedBand struct {
	From, To float64
	Cues     int
}

// speedBands are the reading-speed bands reported: 15 cps is the speed
// peers assume for speech, 17 and 20 the Netflix children's and adult
// limits.
var speedBands = []float64{0, 10, 15, 17, 20, 25}

// BuildReport summarises doc's cues under the limits of o. doc.Segments,
// when present, give the speakers' measured rates.
func BuildReport(name string, doc *caption.Document, o Options) Report {
	// Check fills in the defaults itself: given o with them filled in, it
	// would read the 0 that stands for "cues may touch" as the default gap.
	r := Report{Name: name, Cues: len(doc.Cues), Violations: Check(doc.Cues, o)}
	o = o.withDefaults()
	r.Limits = o
	for i, from := range speedBands {
		b := SpeedBand{From: from}
		if i+1 < len(speedBands) {
			b.To = speedBands[i+1]
		}
		r.Reading = append(r.Reading, b)
	}
	speeds := make([]float64, 0, len(doc.Cues))
	counts := map[string]int{}
	chars := map[string]int{}
	screen := map[string]time.Duration{}
	for _, c := range doc.Cues {
		cps := CPS(c)
		speeds = append(speeds, cps)
		for i := len(r.Reading) - 1; i >= 0; i-- {
			if cps >= r.Reading[i].From {
				r.Reading[i].Cues++
				break
			}
		}
		who := c.Speaker()
		counts[who]++
		chars[who] += CueChars(c)
		screen[who] += c.End - c.Start
	}
	sort.Float64s(speeds)
	if n := len(speeds); n > 0 {
		r.MedianCPS, r.MaxCPS = speeds[n/2], speeds[n-1]
	}
	var rates map[string]float64
	if len(doc.Segments) > 0 {
		words := segmentWords(doc.Segments)
		us := segmentUnits(words, defaultModel)
		rates, _ = speakerRates(doc.Segments, us, o, defaultModel)
		// The model's rates count pauses as characters; report characters.
		segChars, segUnits := map[string]float64{}, map[string]float64{}
		for i, s := range doc.Segments {
			segChars[s.Speaker] += float64(width(words[i]))
			segUnits[s.Speaker] += us[i]
		}
		for who, r := range rates {
			if segUnits[who] > 0 {
				rates[who] = r * segChars[who] / segUnits[who]
			}
		}
	}
	names := doc.Speakers()
	if counts[""] > 0 {
		names = append(names, "")
	}
	for _, n := range names {
		sr := SpeakerRate{Name: n, Cues: counts[n]}
		if rate, ok := rates[n]; ok {
			sr.CPS = rate
		} else if screen[n] > 0 {
			sr.CPS = float64(chars[n]) / screen[n].Seconds()
		}
		r.Speakers = append(r.Speakers, sr)
	}
	return r
}

// String formats the report as WriteTo writes it.
func (r Report) String() string {
	var b strings.Builder
	r.WriteTo(&b)
	return b.String()
}

// WriteTo writes the report as indented text, one fact per line.
func (r Report) WriteTo(w io.Writer) (int64, error) {
	var b strings.Builder
	name := r.Name
	if name == "" {
		name = "<document>"
	}
	fmt.Fprintf(&b, "%s: %s, %s\n", name, plural(r.Cues, "cue"), plural(len(r.Speakers), "speaker"))
	for _, s := range r.Speakers {
		n := s.Name
		if n == "" {
			n = "(no speaker)"
		}
		fmt.Fprintf(&b, "  speaker %s: %s, speaks %.1f cps\n", n, plural(s.Cues, "cue"), s.CPS)
	}
	fmt.Fprintf(&b, "  reading speed: median %.1f cps, fastest %.1f cps (limit %.1f)\n", r.MedianCPS, r.MaxCPS, r.Limits.MaxCPS)
	for _, band := range r.Reading {
		to := fmt.Sprintf("%g", band.To)
		if band.To == 0 {
			to = "…"
		}
		fmt.Fprintf(&b, "    %g–%s cps: %s\n", band.From, to, plural(band.Cues, "cue"))
	}
	noRoom := 0
	for _, v := range r.Violations {
		if v.NoRoom {
			noRoom++
		}
	}
	fmt.Fprintf(&b, "  %s (%d where the cues around leave no room)\n", plural(len(r.Violations), "rule violation"), noRoom)
	for _, v := range r.Violations {
		fmt.Fprintf(&b, "    %s\n", v)
	}
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// plural formats "1 cue", "2 cues".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
