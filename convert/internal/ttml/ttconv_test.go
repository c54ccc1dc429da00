package ttml

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/capconv/capconv/convert/caption"
	"github.com/google/go-cmp/cmp"
)

// ttconvScript reads a TTML file with ttconv's IMSC reader and prints,
// for each time given, the text runs ttconv shows in each region with
// the style it computes for them, and every warning it logged.
const ttconvScript = `
import json, logging, sys
import xml.etree.ElementTree as et
from ttconv.imsc import reader
from ttconv.isd import ISD
from ttconv import model
from ttconv.style_properties import StyleProperties as SP, FontStyleType, FontWeightType, TextDecorationType
msgs = []
class H(logging.Handler):
    def emit(self, rec):
        if rec.levelno >= logging.WARNING:
            msgs.append(rec.getMessage())
logging.getLogger().addHandler(H())
doc = reader.to_model(et.parse(sys.argv[1]))
shown = []
for t in sys.argv[2:]:
    isd = ISD.from_model(doc, float(t))
    for r in isd.iter_regions():
        runs = []
        def walk(e):
            if isinstance(e, model.Text):
                p = e.parent()
                c = p.get_style(SP.Color).components
                d = p.get_style(SP.TextDecoration)
                runs.append({"text": e.get_text(), "italic": p.get_style(SP.FontStyle) == FontStyleType.italic,
                    "bold": p.get_style(SP.FontWeight) == FontWeightType.bold,
                    "underline": d is not None and d.underline is True,
                    "color": "#%02x%02x%02x%02x" % tuple(c)})
            for ch in e:
                walk(ch)
        walk(r)
        if runs:
            shown.append({"region": r.get_id(), "runs": runs})
print(json.dumps({"warnings": msgs, "shown": shown}))
`

// ttconvRun is one run of text as ttconv shows it.
type ttconvRun struct {
	Text      string `json:"text"`
	Italic    bool   `json:"italic"`
	Bold      bool   `json:"bold"`
	Underline bool   `json:"underline"`
	Color     string `json:"color"`
}

// ttconvShown is the text ttconv shows in a region.
type ttconvShown struct {
	Region string      `json:"region"`
	Runs   []ttconvRun `json:"runs"`
}

// TestTTConvStyled checks that ttconv, the IMSC reference implementation,
// reads styled output without a warning and shows each cue in the region
// and style written. It skips where Debian's python3-ttconv is missing.
func TestTTConvStyled(t *testing.T) {
	const python = "/usr/bin/python3"
	if err := exec.Command(python, "-c", "import ttconv.imsc.reader").Run(); err != nil {
		t.Skipf("ttconv is not installed for %s: %v", python, err)
	}
	white, yellow := "#ffffffff", "#ffff00ff"
	tests := []struct {
		name  string
		write func([]byte, *caption.Document, WriteOptions) ([]byte, error)
		want  []ttconvShown
	}{
		{
			name:  "TTML",
			write: Append,
			want: []ttconvShown{
				{Region: "top", Runs: []ttconvRun{{Text: "Hello ", Color: white}, {Text: "there", Italic: true, Color: yellow},
					{Text: "under", Underline: true, Color: "#00ff0080"}, {Text: " & bold", Bold: true, Color: white}}},
				{Region: "middle", Runs: []ttconvRun{{Text: "漢", Bold: true, Color: white}, {Text: "かん", Bold: true, Color: white},
					{Text: "字 ", Color: white}, {Text: "東", Color: white}, {Text: "とう", Color: white}}},
				{Region: "bottom", Runs: []ttconvRun{{Text: "plain", Color: white}}},
			},
		},
		{
			name:  "DFXP",
			write: AppendDFXP,
			want: []ttconvShown{
				{Region: "top", Runs: []ttconvRun{{Text: "Hello ", Color: white}, {Text: "there", Italic: true, Color: yellow},
					{Text: "under", Underline: true, Color: "#00ff0080"}, {Text: " & bold", Bold: true, Color: white}}},
				{Region: "middle", Runs: []ttconvRun{{Text: "漢", Bold: true, Color: white}, {Text: "字 東", Color: white}}},
				{Region: "bottom", Runs: []ttconvRun{{Text: "plain", Color: white}}},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cues := styledCues()
			b, err := tc.write(nil, &caption.Document{Language: "ja", Cues: cues}, WriteOptions{})
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "styled.ttml")
			if err := os.WriteFile(path, b, 0o644); err != nil {
				t.Fatal(err)
			}
			args := []string{"-c", ttconvScript, path}
			for _, c := range cues {
				args = append(args, strconv.FormatFloat((c.Start+(c.End-c.Start)/2).Seconds(), 'f', 3, 64))
			}
			out, err := exec.Command(python, args...).Output()
			if err != nil {
				t.Fatalf("ttconv: %v\n%s", err, out)
			}
			var got struct {
				Warnings []string      `json:"warnings"`
				Shown    []ttconvShown `json:"shown"`
			}
			if err := json.Unmarshal(out, &got); err != nil {
				t.Fatalf("ttconv output %q: %v", out, err)
			}
			if len(got.Warnings) > 0 {
				t.Errorf("ttconv warned: %q\n%s", got.Warnings, b)
			}
			if d := cmp.Diff(tc.want, got.Shown); d != "" {
				t.Errorf("ttconv shows (-want +got):\n%s\n%s", d, b)
			}
		})
	}
}
