package interop

import (
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
	for _, name := range latinCaptions {
		for _, rate := range []string{"25", "23.976"} {
			t.Run(name+"@"+rate, func(t *testing.T) {
				fps, _ := timing.ParseFPS(rate)
				p := filepath.Join(dir, strings.TrimSuffix(name, filepath.Ext(name))+"-"+rate+".itt")
				want := writeOwn(t, name, convert.ITT, convert.Options{Timing: timing.Options{FPS: fps}}, p)
				back := ttconvToTTML(t, p, "--itype", "TTML") // ttconv knows no .itt
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
	for _, name := range latinCaptions {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(dir, strings.TrimSuffix(name, filepath.Ext(name))+".stl")
			want := writeOwn(t, name, convert.STL, convert.Options{Timing: timing.Options{FPS: 25}}, p)
			back := ttconvToTTML(t, p)
			compareShown(t, filepath.Base(p), want, back, time.Millisecond, func(s string) string { return s })
		})
	}
}
