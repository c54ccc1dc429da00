package interop

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/capconv/capconv/convert"
	"github.com/capconv/capconv/timing"
)

// TestTTConvITT converts iTT that capconv wrote back to TTML with ttconv
// (told its input is TTML: it knows no .itt): the same cues, times within
// a millisecond and text. At 25 fps the SMPTE labels of iTT and the media
// times ttconv reads them as agree; at the NTSC rates ttconv, whose IMSC
// reader knows no SMPTE time base, reads the labels as clock time, 0.1%
// off the frames they count (3.6 s an hour), so those are checked for
// being read at all.
func TestTTConvITT(t *testing.T) {
	_, err := exec.LookPath("ttconv")
	need(t, err == nil, "ttconv (python3-ttconv)")
	dir := t.TempDir()
	for _, name := range []string{"film-fr-anchorman.srt", "podcast-virtual-coffee-s1e4.srt", "netflix-chicas-del-cable.vtt"} {
		for _, rate := range []string{"25", "23.976"} {
			t.Run(name+"@"+rate, func(t *testing.T) {
				in := filepath.Join("../../testdata/captions", name)
				data, err := os.ReadFile(in)
				if err != nil {
					t.Fatal(err)
				}
				doc, err := convert.ReadBytes(data, "", convert.Options{File: in})
				if err != nil {
					t.Fatal(err)
				}
				fps, _ := timing.ParseFPS(rate)
				o := convert.Options{Timing: timing.Options{FPS: fps}}
				outs, err := convert.Convert(doc, []convert.Format{convert.ITT}, o)
				if err != nil {
					t.Fatal(err)
				}
				b, err := convert.Marshal(outs[0].Doc, convert.ITT, o)
				if err != nil {
					t.Fatal(err)
				}
				p := filepath.Join(dir, strings.TrimSuffix(name, filepath.Ext(name))+"-"+rate+".itt")
				if err := os.WriteFile(p, b, 0o644); err != nil {
					t.Fatal(err)
				}
				want, err := convert.Read(bytes.NewReader(b), convert.ITT, convert.Options{File: p, Labels: convert.LabelNone})
				if err != nil {
					t.Fatalf("capconv cannot read its own %s: %v", p, err)
				}
				out := strings.TrimSuffix(p, ".itt") + ".ttml"
				cmd := exec.Command("ttconv", "convert", "-i", p, "--itype", "TTML", "-o", out)
				if msg, err := cmd.CombinedOutput(); err != nil {
					t.Fatalf("ttconv: %v\n%s", err, msg)
				}
				data, err = os.ReadFile(out)
				if err != nil {
					t.Fatal(err)
				}
				back, err := convert.Read(bytes.NewReader(data), convert.TTML, convert.Options{File: out, Labels: convert.LabelNone})
				if err != nil {
					t.Fatalf("reading ttconv's TTML: %v", err)
				}
				slack := time.Millisecond
				if rate != "25" {
					// The last cue's time, 0.1% off, bounds them all.
					slack = want.Cues[len(want.Cues)-1].End/1000 + 2*time.Millisecond
				}
				compareShown(t, filepath.Base(p), want, back, slack, func(s string) string { return s })
			})
		}
	}
}

// TestTTConvSTL converts EBU STL that capconv wrote to TTML with ttconv:
// the same subtitles, times within a millisecond (both on 25 fps frames)
// and text.
func TestTTConvSTL(t *testing.T) {
	_, err := exec.LookPath("ttconv")
	need(t, err == nil, "ttconv (python3-ttconv)")
	dir := t.TempDir()
	for _, name := range []string{"film-fr-anchorman.srt", "podcast-virtual-coffee-s1e4.srt", "netflix-chicas-del-cable.vtt"} {
		t.Run(name, func(t *testing.T) {
			in := filepath.Join("../../testdata/captions", name)
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := convert.ReadBytes(data, "", convert.Options{File: in})
			if err != nil {
				t.Fatal(err)
			}
			o := convert.Options{Timing: timing.Options{FPS: 25}}
			outs, err := convert.Convert(doc, []convert.Format{convert.STL}, o)
			if err != nil {
				t.Fatal(err)
			}
			b, err := convert.Marshal(outs[0].Doc, convert.STL, o)
			if err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(dir, strings.TrimSuffix(name, filepath.Ext(name))+".stl")
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
			want, err := convert.Read(bytes.NewReader(b), convert.STL, convert.Options{File: p, Labels: convert.LabelNone})
			if err != nil {
				t.Fatalf("capconv cannot read its own %s: %v", p, err)
			}
			out := strings.TrimSuffix(p, ".stl") + ".ttml"
			if msg, err := exec.Command("ttconv", "convert", "-i", p, "-o", out).CombinedOutput(); err != nil {
				t.Fatalf("ttconv: %v\n%s", err, msg)
			}
			data, err = os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			back, err := convert.Read(bytes.NewReader(data), convert.TTML, convert.Options{File: out, Labels: convert.LabelNone})
			if err != nil {
				t.Fatalf("reading ttconv's TTML: %v", err)
			}
			compareShown(t, filepath.Base(p), want, back, time.Millisecond, func(s string) string { return s })
		})
	}
}
