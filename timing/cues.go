package timing

import (
	"time"

	"github.com/capconv/capconv/convert"
)

// MakeCues replaces doc.Cues with cues made from doc.Segments and sets the
// end of the last chapter. Each segment lasts until the next one starts;
// the last lasts as long as its speaker needs to say it, at the rate that
// speaker keeps in the rest of the file (or o.MediaDuration when set).
func MakeCues(doc *convert.Document, o Options) {
	o = o.withDefaults()
	if o.MediaDuration == 0 {
		o.MediaDuration = doc.Duration
	}
	windows := segmentWindows(doc.Segments, o)
	doc.Cues = doc.Cues[:0]
	prevSpeaker := "\x00"
	for i, s := range doc.Segments {
		ws := splitWords(s.Text())
		if len(ws) == 0 {
			continue
		}
		lim := chunkLimits{maxChars: o.MaxChars, maxLines: o.MaxLines}
		lim.maxWidth = max(o.MaxChars, int(o.MaxDuration.Seconds()*windows[i].cps))
		if o.LabelWidth != nil && s.Speaker != prevSpeaker {
			lim.reserve = o.LabelWidth(s.Speaker)
		}
		prevSpeaker = s.Speaker
		chunks := splitChunks(ws, lim)
		doc.Cues = append(doc.Cues, timeChunks(chunks, s.Speaker, windows[i], lim)...)
	}
	if n := len(doc.Chapters); n > 0 && doc.Chapters[n-1].End == 0 {
		end := o.MediaDuration
		if k := len(doc.Cues); k > 0 && doc.Cues[k-1].End > end {
			end = doc.Cues[k-1].End
		}
		doc.Chapters[n-1].End = end
	}
}

// window is the stretch of time a segment may use.
type window struct {
	start, end time.Duration
	cps        float64 // the speaker's measured rate, characters per second
}

// segmentWindows gives each segment the time until the next later start.
// Segments that share a start share the time up to the next later start
// in proportion to their text, so none gets an empty window.
func segmentWindows(segs []convert.Segment, o Options) []window {
	rates := speakerRates(segs, o)
	out := make([]window, len(segs))
	for i := 0; i < len(segs); {
		j := i + 1
		for j < len(segs) && segs[j].Start == segs[i].Start {
			j++
		}
		var end time.Duration
		if j < len(segs) {
			end = segs[j].Start
		} else {
			end = lastEnd(segs[i:j], rates, o)
		}
		total := 0
		for k := i; k < j; k++ {
			total += len([]rune(segs[k].Text()))
		}
		start, done := segs[i].Start, 0
		for k := i; k < j; k++ {
			done += len([]rune(segs[k].Text()))
			e := end
			if total > 0 && k < j-1 {
				e = segs[i].Start + time.Duration(float64(end-segs[i].Start)*float64(done)/float64(total))
			}
			out[k] = window{start: start, end: e, cps: rates[segs[k].Speaker]}
			start = e
		}
		i = j
	}
	return out
}

// lastEnd estimates when the last segments (sharing one start) end.
func lastEnd(last []convert.Segment, rates map[string]float64, o Options) time.Duration {
	start := last[0].Start
	if o.MediaDuration > start {
		return o.MediaDuration
	}
	var need float64
	for _, s := range last {
		need += float64(len([]rune(s.Text()))) / rates[s.Speaker]
	}
	d := time.Duration(need * float64(time.Second))
	return start + max(d, o.MinDuration)
}

// speakerRates measures each speaker's rate in characters per second over
// the segments whose end is known; speakers with too little measured time
// get o.FallbackCPS.
func speakerRates(segs []convert.Segment, o Options) map[string]float64 {
	chars := map[string]float64{}
	secs := map[string]float64{}
	for i := 0; i+1 < len(segs); i++ {
		d := (segs[i+1].Start - segs[i].Start).Seconds()
		if d <= 0 {
			continue
		}
		chars[segs[i].Speaker] += float64(len([]rune(segs[i].Text())))
		secs[segs[i].Speaker] += d
	}
	rates := map[string]float64{}
	for _, s := range segs {
		r := o.FallbackCPS
		if secs[s.Speaker] >= 10 && chars[s.Speaker] > 0 {
			r = chars[s.Speaker] / secs[s.Speaker]
		}
		rates[s.Speaker] = r
	}
	return rates
}

// timeChunks times a segment's chunks inside its window in proportion to
// their characters, and breaks each into lines.
func timeChunks(chunks [][]word, speaker string, w window, lim chunkLimits) []convert.Cue {
	total := 0
	for _, c := range chunks {
		total += width(c)
	}
	span := float64(w.end - w.start)
	cues := make([]convert.Cue, 0, len(chunks))
	done := 0
	start := w.start
	for k, c := range chunks {
		done += width(c)
		end := w.end
		if k < len(chunks)-1 {
			end = w.start + time.Duration(span*float64(done)/float64(total))
		}
		reserve := 0
		if k == 0 {
			reserve = lim.reserve
		}
		lines := breakWords(c, lim.maxChars, lim.maxLines, reserve)
		cue := convert.Cue{Start: start, End: end, Lines: make([]convert.Line, len(lines))}
		for i, l := range lines {
			cue.Lines[i] = convert.Line{Speaker: speaker, Text: join(l)}
		}
		cues = append(cues, cue)
		start = end
	}
	return cues
}
