package timing

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/convert/media"
	"github.com/capconv/capconv/internal/speechtrack"
)

const mediaFiguresPath = "../testdata/accuracy/media-figures.json"

// mediaExcerpt is how much of each ground-truth file the media harness
// speaks: the first turns up to 20 minutes, so that every file's track is
// built in under a minute on a clean machine (the whole of Lex Fridman's
// three and a half hours takes six).
const mediaExcerpt = 20 * time.Minute

// excerpt returns the part of ref up to the first turn that starts at or
// after limit: its turns, and the cues that start before that turn.
func excerpt(ref reference, limit time.Duration) reference {
	k := sort.Search(len(ref.segments), func(k int) bool { return ref.segments[k].Start >= limit })
	if k == len(ref.segments) {
		return ref
	}
	cut := ref.segments[k].Start
	out := reference{segments: ref.segments[:k:k], lang: ref.lang}
	for _, c := range ref.cues {
		if c.Start < cut {
			out.cues = append(out.cues, c)
		}
	}
	if n := len(out.cues); n > 0 {
		out.duration = (out.cues[n-1].End + time.Second - 1).Truncate(time.Second)
	}
	return out
}

// trackSpec says how a speech track sounds and is stored.
type trackSpec struct {
	ext   string
	lang  string // the synthesizer's language, and the aligner's
	snr   float64
	music bool
	synth string // speechtrack.Options.Synthesizer
	// written has Japanese said as written (speechtrack.Options.AsWritten).
	written bool
}

// options are the speechtrack options of a track of name.
func (tr trackSpec) options(name string) speechtrack.Options {
	return speechtrack.Options{Language: tr.lang, SNR: tr.snr, Music: tr.music, Seed: uint64(len(name)), Synthesizer: tr.synth, AsWritten: tr.written}
}

// mediaTracks says how each ground-truth file's speech track sounds and
// is stored: containers, noise levels and a music bed vary, as real media
// does.
var mediaTracks = map[string]trackSpec{
	"talkpython": {".mp3", "en", 25, false, "", false},
	"lexfridman": {".m4a", "en", 30, false, "", false},
	"netflix":    {".mp4", "es", 20, true, "", false},
	"nova":       {".m4a", "en-gb", 15, true, "", false},
	"teams":      {".m4a", "en", 20, false, "", false},
	"zoom":       {".mp3", "en-us", 15, false, "", false},
	"podcast":    {".m4a", "en", 25, true, "", false},
	"film-fr":    {".mp4", "fr", 15, false, "", false},
	"talk-zh":    {".m4a", "cmn", 20, false, "", false},
	"anime-ja":   {".mp4", "ja", 20, false, "", false},
	"film-de":    {".mp3", "de", 15, false, "", false},
	"council":    {".m4a", "en-us", 20, false, "", false},
	"zoom-call":  {".mp3", "en", 25, false, "", false},
}

// otherVoiceTracks are the English files' tracks said by another
// synthesizer than the aligner's (flite), under other noise, in a shorter
// excerpt (flite is three times slower): the aligner must not depend on
// its own synthesizer's voice.
var otherVoiceTracks = map[string]trackSpec{
	"talkpython": {".m4a", "en", 12, false, "flite", false},
	"lexfridman": {".mp3", "en", 20, true, "flite", false},
	"nova":       {".mp3", "en-gb", 25, false, "flite", false},
	"teams":      {".mp3", "en", 10, false, "flite", false},
	"zoom":       {".m4a", "en-us", 20, true, "flite", false},
	"podcast":    {".mp4", "en", 15, false, "flite", false},
	"council":    {".mp3", "en", 15, true, "flite", false},
	"zoom-call":  {".m4a", "en", 20, false, "flite", false},
}

// writtenTracks are the Japanese file's track with its text said as
// written, as speech synthesized from it by espeak-ng is: each kanji named
// "Chinese letter". The aligner, which says kanji by their readings as
// speakers do, must still find its words (see media.Synthesizer).
var writtenTracks = map[string]trackSpec{
	"anime-ja": {".mkv", "ja", 15, false, "", true},
}

// asWritten prefixes the names of the figures of writtenTracks.
const asWritten = "as written: "

// otherVoiceExcerpt is how much of each file the other voice says.
const otherVoiceExcerpt = 6 * time.Minute

// mediaSlack is how much a media figure may move before it counts as
// worse: tracks are the same to the byte on one set of tools, but
// another release of espeak-ng, sox or ffmpeg makes others (two builds
// with sox's random dither moved a median by 0.04 s).
var mediaSlack = slack{time: 0.05, p90: 0.15, share: 0.01}

// trackRecipe changes when the way tracks are built does, so that cached
// tracks are rebuilt.
const trackRecipe = "speechtrack/2"

// speechTrack returns the path of the speech track of the reference
// called name, built on first use into the user's cache (building every
// file's track takes minutes; an unchanged one is reused).
func speechTrack(t testing.TB, name string, ref reference, tr trackSpec) string {
	t.Helper()
	h := sha256.New()
	fmt.Fprintln(h, trackRecipe, tr.lang, tr.snr, tr.music)
	if tr.synth != "" {
		fmt.Fprintln(h, tr.synth)
	}
	o := tr.options(name)
	for _, c := range ref.cues {
		fmt.Fprintln(h, c.Start, c.End, speechtrack.Speaker(c), speechtrack.Said(c, o))
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	dir = filepath.Join(dir, "capconv", "tracks")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name+"-"+hex.EncodeToString(h.Sum(nil))[:16]+tr.ext)
	if _, err := os.Stat(path); err == nil {
		return path
	}
	start := time.Now()
	err = speechtrack.Build(context.Background(), ref.cues, path, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: built %s in %v", name, filepath.Base(path), time.Since(start).Round(time.Millisecond))
	return path
}

// speechOf converts what package media found to the timing model's
// Speech, as convert.DetectSpeech does (timing's tests cannot import
// convert): with words aligned by espeak-ng's voice for lang, the
// segments' turns said ahead as it says them.
func speechOf(t testing.TB, sp media.Speech, lang string, segs []caption.Segment) *Speech {
	out := &Speech{Duration: sp.Duration, Spans: make([]SpeechSpan, len(sp.Spans)), Nuclei: sp.Nuclei}
	for i, s := range sp.Spans {
		out.Spans[i] = SpeechSpan{Start: s.Start, End: s.End}
	}
	sy, err := media.NewSynthesizer(lang)
	if err != nil {
		t.Fatal(err)
	}
	var turns [][]string
	for _, s := range segs {
		turns = append(turns, AlignPieces(strings.Fields(s.Text()))...)
	}
	t.Cleanup(sy.Prefetch(context.Background(), turns))
	out.Words = func(turns [][]string, spans []SpeechSpan) []time.Duration {
		ms := make([]media.Span, len(spans))
		for i, s := range spans {
			ms[i] = media.Span{Start: s.Start, End: s.End}
		}
		at, err := sp.Sounds.Align(context.Background(), sy, turns, ms)
		if err != nil {
			t.Logf("turn not aligned: %v", err)
			return nil
		}
		return at
	}
	return out
}

// TestMediaAccuracy times every ground-truth file's derived transcript to
// a speech track built from the file's own cues (package speechtrack:
// espeak-ng, one voice per speaker, stretched to each cue's true span,
// under noise) and scores the cues as TestAccuracy does, beside text-only
// timing and the uniform baseline; then the English files' tracks said
// by flite, another synthesizer than the aligner's. It fails when a committed figure gets
// worse (-update rewrites them), and logs each file where media timing
// is still worse than text-only timing.
func TestMediaAccuracy(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and decodes hours of speech")
	}
	for _, synth := range []string{"", "flite"} {
		if err := speechtrack.ToolsFor(synth); err != nil {
			if os.Getenv("CAPCONV_REQUIRE_INTEROP") != "" {
				t.Fatal(err)
			}
			t.Skip(err)
		}
	}
	refs := loadReferences(t)
	fig := figures{}
	complete := scoreTracks(t, refs, mediaTracks, mediaExcerpt, "", fig)
	complete = scoreTracks(t, refs, otherVoiceTracks, otherVoiceExcerpt, otherVoice, fig) && complete
	complete = scoreTracks(t, refs, writtenTracks, mediaExcerpt, asWritten, fig) && complete
	if !complete {
		return // a file was left out (-run) or failed: no pooled figures
	}
	t.Logf("timing accuracy with media (Netflix preset):\n%s", fig.mediaTable())
	if *update {
		data, err := json.MarshalIndent(fig, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(mediaFiguresPath, append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	data, err := os.ReadFile(mediaFiguresPath)
	if err != nil {
		t.Fatalf("%v (run go test ./timing -run MediaAccuracy -update to create it)", err)
	}
	var want figures
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	// A track built on another machine is not the same to the sample
	// (the encoders'), which moves the figures by a few hundredths: a
	// regression is more than that.
	for _, w := range worseBy(want, fig, mediaSlack) {
		t.Error(w)
	}
}

// otherVoice prefixes the names of the figures of otherVoiceTracks.
const otherVoice = "flite: "

// scoreTracks scores the files of tracks, each's first length, into fig
// under prefix and the file's name, and pools them under prefix and
// "pooled"; false when a file was left out or failed.
func scoreTracks(t *testing.T, refs map[string]reference, tracks map[string]trackSpec, length time.Duration, prefix string, fig figures) bool {
	pooled := map[string]*score{}
	for _, f := range accuracyFiles {
		tr, ok := tracks[f.name]
		if !ok {
			continue
		}
		ref := excerpt(refs[f.name], length)
		name := prefix + f.name
		if !t.Run(name, func(t *testing.T) {
			path := speechTrack(t, f.name, ref, tr)
			sp, err := media.Detect(context.Background(), path)
			if err != nil {
				t.Fatal(err)
			}
			fig[name] = map[string]score{}
			o := Options{}
			for _, m := range []struct {
				name string
				make func() []caption.Cue
			}{
				{"capconv --media", func() []caption.Cue {
					doc := &caption.Document{Segments: append([]caption.Segment(nil), ref.segments...), Language: ref.lang}
					mo := o
					mo.Speech = speechOf(t, sp, tr.lang, ref.segments)
					MakeCues(doc, mo)
					return doc.Cues
				}},
				{"capconv", func() []caption.Cue {
					doc := &caption.Document{Segments: append([]caption.Segment(nil), ref.segments...), Duration: ref.duration, Language: ref.lang}
					MakeCues(doc, o)
					return doc.Cues
				}},
				{"uniform", func() []caption.Cue {
					return uniformCues(append([]caption.Segment(nil), ref.segments...), ref.duration, ref.options(o))
				}},
				// The captions the track was built from: timed to the
				// speech by definition, and as readable as its speed lets
				// cues timed to it be.
				{"reference", func() []caption.Cue { return ref.cues }},
			} {
				s := measure(ref, m.make(), o)
				fig[name][m.name] = s
				if pooled[m.name] == nil {
					pooled[m.name] = &score{}
				}
				pooled[m.name].pool(s)
			}
			withMedia, text := fig[name]["capconv --media"], fig[name]["capconv"]
			t.Logf("median %.2f s, within ±0.5 s %.1f%% (text only %.2f s, %.1f%%)", withMedia.Median, 100*withMedia.Within, text.Median, 100*text.Within)
			if withMedia.Median > text.Median || withMedia.Within < text.Within {
				// A target not met yet (docs/media.md), not a regression:
				// the committed figures below catch those.
				t.Logf("MISS: worse with media than without: median %.2f s against %.2f s, within ±0.5 s %.1f%% against %.1f%%",
					withMedia.Median, text.Median, 100*withMedia.Within, 100*text.Within)
			}
		}) {
			continue
		}
	}
	for _, f := range accuracyFiles {
		if _, ok := tracks[f.name]; ok && fig[prefix+f.name] == nil {
			return false
		}
	}
	fig[prefix+"pooled"] = map[string]score{}
	for name, s := range pooled {
		s.finish()
		fig[prefix+"pooled"][name] = *s
	}
	return true
}

// mediaTable formats the media figures as a Markdown table.
func (fig figures) mediaTable() string {
	var b strings.Builder
	b.WriteString("| file | method | words | median s | p90 s | on screen | ±0.5 s | cues | readable | bad breaks |\n")
	b.WriteString("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	names := []string{}
	for _, f := range accuracyFiles {
		names = append(names, f.name)
	}
	names = append(names, "pooled")
	for _, n := range names {
		if _, ok := otherVoiceTracks[n]; ok || n == "pooled" {
			names = append(names, otherVoice+n)
		}
	}
	for _, f := range accuracyFiles {
		if _, ok := writtenTracks[f.name]; ok {
			names = append(names, asWritten+f.name)
		}
	}
	for _, n := range names {
		for _, m := range []string{"capconv --media", "capconv", "uniform", "reference"} {
			s, ok := fig[n][m]
			if !ok {
				continue
			}
			fmt.Fprintf(&b, "| %s | %s | %d | %.2f | %.2f | %.1f%% | %.1f%% | %d | %.1f%% | %.1f%% |\n",
				n, m, s.Words, s.Median, s.P90, 100*s.OnScreen, 100*s.Within, s.Cues, 100*s.Readable, 100*s.BadBreaks)
		}
	}
	return b.String()
}

// TestMediaResync re-times caption files whose times drifted, as a file
// timed to another cut or frame rate does, with --retime and the media:
// each file's reference cues, every start moved along a line (an offset,
// and a PAL speed change), become segments with exact starts; timed with
// the speech track, they must come back to the speech.
func TestMediaResync(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and decodes speech tracks")
	}
	if err := speechtrack.Tools(); err != nil {
		if os.Getenv("CAPCONV_REQUIRE_INTEROP") != "" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	refs := loadReferences(t)
	for _, name := range []string{"zoom", "film-fr", "netflix"} {
		ref := excerpt(refs[name], mediaExcerpt)
		path := speechTrack(t, name, ref, mediaTracks[name])
		sp, err := media.Detect(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		for _, drift := range []struct {
			name          string
			offset, scale float64
		}{
			{"late by 2.7 s", 2.7, 1},
			{"late by 41 s (timed to a cut with a longer intro)", 41, 1},
			{"timed at 25 fps, played at 24, 3.2 s early", -3.2, 24.0 / 25},
		} {
			t.Run(name+"/"+drift.name, func(t *testing.T) {
				var segs []caption.Segment
				for _, c := range ref.cues {
					at := time.Duration((drift.offset + drift.scale*c.Start.Seconds()) * float64(time.Second))
					if at < 0 {
						continue
					}
					segs = append(segs, caption.Segment{Start: at, ExactStart: true, Speaker: speechtrack.Speaker(c), Paragraphs: []string{speechtrack.Text(c)}})
				}
				doc := &caption.Document{Segments: segs, Language: ref.lang}
				MakeCues(doc, Options{Speech: speechOf(t, sp, mediaTracks[name].lang, segs)})
				got := measure(ref, doc.Cues, Options{})
				plain := &caption.Document{Segments: segs, Language: ref.lang}
				MakeCues(plain, Options{})
				without := measure(ref, plain.Cues, Options{})
				t.Logf("median %.2f s, within ±0.5 s %.1f%% (without the media %.2f s, %.1f%%)", got.Median, 100*got.Within, without.Median, 100*without.Within)
				if got.Median > 0.25 || got.Within < 0.9 {
					t.Errorf("re-synced: median %.2f s, within ±0.5 s %.1f%%; want at most 0.25 s and at least 90%%", got.Median, 100*got.Within)
				}
			})
		}
	}
}
