package check

import (
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"mime"
	"path/filepath"
	"strings"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/timing"
)

// Media is the audio or video a review page plays its captions over.
type Media struct {
	// Name is the media file's name, which tells its type by its
	// extension.
	Name string
	// Data is the file's content; nil for a page without media.
	Data []byte
}

//go:embed review.html
var reviewPage string

var reviewTemplate = template.Must(template.New("review").Funcs(template.FuncMap{
	"lane": func(i int) string { return f2(float64(i)*laneHeight + 14) },
}).Parse(reviewPage))

// chart's size, in the SVG's units.
const (
	chartWidth  = 1000.0
	laneHeight  = 24.0
	chartHeight = 160.0
)

type reviewCue struct {
	N                int
	Start, End       string
	StartSec         string
	Speaker          string
	Lines            []string
	CPS              string
	Over             bool
	X, W, Y          string // the cue's box on the timeline
	BarX, BarW, BarY string // its bar on the reading-speed chart
	BarH             string
	Rules            []string
}

type reviewFinding struct {
	Finding
	Text     string
	StartSec string
}

type reviewData struct {
	File       string
	Limit      string
	LimitY     string
	Cues       []reviewCue
	Speakers   []string
	Findings   []reviewFinding
	Height     string
	ChartH     string
	MediaURL   template.URL
	TrackURL   template.URL
	Transcript bool
}

// WriteHTML writes a self-contained review page of r: a timeline of the
// cues per speaker, each cue's reading speed against the limit, and the
// violations, each linked to its cue. With media, a video element plays
// the captions over it, and a click on a violation seeks to its cue.
func WriteHTML(w io.Writer, r *Result, media Media) error {
	d := reviewData{File: r.File, Limit: num(r.Limits.MaxCPS), Transcript: r.Transcript}
	var end float64
	for _, c := range r.Cues {
		end = max(end, c.End.Seconds())
	}
	if end <= 0 {
		end = 1
	}
	lane := map[string]int{}
	for _, c := range r.Cues {
		s := speakerOf(c)
		if _, ok := lane[s]; !ok {
			lane[s] = len(d.Speakers)
			d.Speakers = append(d.Speakers, s)
		}
	}
	top := r.Limits.MaxCPS * 1.5
	for _, c := range r.Cues {
		top = max(top, min(cpsOf(c), r.Limits.MaxCPS*3))
	}
	scaleY := func(cps float64) float64 { return chartHeight - min(cps, top)/top*chartHeight }
	rules := map[int][]string{}
	for _, f := range r.Findings {
		if f.Cue > 0 {
			rules[f.Cue] = append(rules[f.Cue], string(f.Rule))
		}
	}
	barW := chartWidth / float64(max(len(r.Cues), 1))
	for i, c := range r.Cues {
		cps := cpsOf(c)
		x := c.Start.Seconds() / end * chartWidth
		rc := reviewCue{
			N: i + 1, Start: Clock(c.Start), End: Clock(c.End), StartSec: secs(c.Start.Seconds()),
			Speaker: label(speakerOf(c)), CPS: num(cps), Over: cps > r.Limits.MaxCPS*(1+1e-3),
			X: f2(x), W: f2(max((c.End-c.Start).Seconds()/end*chartWidth, 0.5)),
			Y:    f2(float64(lane[speakerOf(c)]) * laneHeight),
			BarX: f2(float64(i) * barW), BarW: f2(max(barW*0.8, 0.2)),
			BarY: f2(scaleY(cps)), BarH: f2(chartHeight - scaleY(cps)),
			Rules: rules[i+1],
		}
		for _, l := range c.Lines {
			rc.Lines = append(rc.Lines, l.Text)
		}
		d.Cues = append(d.Cues, rc)
	}
	for i := range d.Speakers {
		d.Speakers[i] = label(d.Speakers[i])
	}
	d.Height = f2(float64(max(len(d.Speakers), 1)) * laneHeight)
	d.ChartH = f2(chartHeight)
	d.LimitY = f2(scaleY(r.Limits.MaxCPS))
	for _, f := range r.Findings {
		t := f.String()
		if f.NoRoom {
			t += r.noRoom()
		}
		d.Findings = append(d.Findings, reviewFinding{Finding: f, Text: strings.TrimSpace(t), StartSec: secs(f.Start.Seconds())})
	}
	if media.Data != nil {
		vtt, err := track(r.Cues)
		if err != nil {
			return err
		}
		typ := mime.TypeByExtension(strings.ToLower(filepath.Ext(media.Name)))
		if typ == "" {
			typ = "application/octet-stream"
		}
		d.MediaURL = template.URL("data:" + typ + ";base64," + base64.StdEncoding.EncodeToString(media.Data))
		d.TrackURL = template.URL("data:text/vtt;base64," + base64.StdEncoding.EncodeToString(vtt))
	}
	return reviewTemplate.Execute(w, d)
}

// track renders cues, their lines as shown, as WebVTT.
func track(cues []caption.Cue) ([]byte, error) {
	doc := &caption.Document{Cues: make([]caption.Cue, len(cues))}
	for i, c := range cues {
		c.Lines = append([]caption.Line(nil), c.Lines...)
		for j := range c.Lines {
			c.Lines[j].Speaker, c.Lines[j].Dash = "", false // the text shows them already
		}
		c.ID = fmt.Sprint(i + 1)
		doc.Cues[i] = c
	}
	return convert.Marshal(doc, convert.WebVTT, convert.Options{ShowSpeakers: convert.LabelNone})
}

// speakerOf returns the speaker of c's first line.
func speakerOf(c caption.Cue) string {
	if len(c.Lines) == 0 {
		return ""
	}
	return c.Lines[0].Speaker
}

func label(speaker string) string {
	if speaker == "" {
		return "(no speaker)"
	}
	return speaker
}

// cpsOf is c's reading speed, 0 for a cue with no time on screen.
func cpsOf(c caption.Cue) float64 {
	if c.End <= c.Start {
		return 0
	}
	return timing.CPS(c)
}

func f2(x float64) string   { return fmt.Sprintf("%.2f", x) }
func secs(x float64) string { return fmt.Sprintf("%.3f", x) }
func num(x float64) string  { return strings.TrimSuffix(fmt.Sprintf("%.1f", x), ".0") }
