package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestConvertCaptionFormats converts a labelled SRT file to every new
// output format, reading its labels by default and not with --labels none.
func TestConvertCaptionFormats(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "talk.srt")
	srt := "1\n00:00:01,000 --> 00:00:02,000\nANN: Hello.\n\n2\n00:00:02,000 --> 00:00:03,000\nBOB: Hi.\n\n3\n00:00:03,000 --> 00:00:04,000\nANN: Bye.\n"
	if err := os.WriteFile(in, []byte(srt), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, "", "convert", in, "--to", "ass,json,txt,dfxp", "-o", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for ext, want := range map[string]string{
		".ass":  "Dialogue: 0,0:00:01.00,0:00:02.00,Default,ANN,0,0,0,,ANN: Hello.", // the labels the source showed
		".json": `"speaker": "BOB"`,
		".txt":  "ANN 0:00:03\n\nBye.",
		".dfxp": `<ttm:name type="full">ANN</ttm:name>`,
	} {
		got, err := os.ReadFile(filepath.Join(dir, "talk"+ext))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(got), want) {
			t.Errorf("talk%s lacks %q:\n%s", ext, want, got)
		}
	}
	code, out, stderr := runCLI(t, "", "convert", in, "--labels", "none", "--to", "vtt", "-o", "-")
	if code != exitOK || !strings.Contains(out, "\nANN: Hello.\n") {
		t.Errorf("--labels none: exit %d, %s\n%s", code, stderr, out)
	}
	code, _, stderr = runCLI(t, "", "convert", in, "--labels", "colour", "-o", "-", "--to", "vtt")
	if code != exitUsage || !strings.Contains(stderr, "--labels") {
		t.Errorf("--labels colour: exit %d, %s", code, stderr)
	}
	_, kept, _ := runCLI(t, "", "convert", in, "--to", "json", "-o", "-")
	code, out, _ = runCLI(t, "", "convert", in, "--retime", "--to", "json", "-o", "-")
	// Kept, the times are the file's; re-timed, they are the model's.
	if !strings.Contains(kept, `"end": 4`) || code != exitOK || out == kept || !strings.Contains(out, `"speaker": "BOB"`) {
		t.Errorf("--retime: exit %d\nkept:\n%s\nretimed:\n%s", code, kept, out)
	}
}

// TestXMLOutputName checks that -o name.xml is an output file for TTML
// and DFXP, as Premiere Pro asks for W3C TTML, not a directory.
func TestXMLOutputName(t *testing.T) {
	for _, f := range []string{"ttml", "dfxp"} {
		dir := t.TempDir()
		out, in := filepath.Join(dir, "captions.xml"), filepath.Join(dir, "talk.txt")
		if err := os.WriteFile(in, []byte(goodTranscript), 0o644); err != nil {
			t.Fatal(err)
		}
		code, _, stderr := runCLI(t, "", "convert", in, "--to", f, "-o", out)
		if code != exitOK {
			t.Fatalf("--to %s -o captions.xml: exit %d: %s", f, code, stderr)
		}
		data, err := os.ReadFile(out)
		if err != nil || !strings.Contains(string(data), "<tt ") {
			t.Errorf("--to %s: captions.xml is not the TTML file: %v", f, err)
		}
	}
}
