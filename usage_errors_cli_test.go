package main

import (
	"os"
	"strings"
	"testing"
)

// TestMoreUsageErrors: flags that contradict themselves or name nothing
// valid are usage errors (exit 2), in one line naming the flag.
func TestMoreUsageErrors(t *testing.T) {
	const transcript = "Ann 0:00:01\n\nHello.\n"
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"a format twice", []string{"--to", "srt,vtt,srt"}, "--to: srt is named twice"},
		{"a language that is no tag", []string{"--lang", "x y"}, `--lang: "x y" is no BCP 47 language tag`},
		{"a language tag too long to be one", []string{"--lang", "english-please"}, "--lang:"},
		{"report and output both on standard output", []string{"--report-json", "-"}, "--report-json - and -o - would both write to standard output"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"convert", "-", "-o", "-"}, tc.args...)
			code, _, stderr := runCLI(t, transcript, args...)
			if code != exitUsage || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and one line holding %q", code, stderr, exitUsage, tc.want)
			}
		})
	}
	// A valid tag is written in its canonical form.
	code, out, stderr := runCLI(t, transcript, "convert", "-", "-o", "-", "--to", "ttml", "--lang", "FR-ca")
	if code != exitOK || !strings.Contains(out, `xml:lang="fr-CA"`) {
		t.Errorf("--lang FR-ca: exit %d, %s; want xml:lang=\"fr-CA\"", code, stderr)
	}
}

// TestKeptOutputsNamed: when an input's outputs are written but for some
// that exist, each kept one is named, so that a stale file beside fresh
// ones does not pass unseen.
func TestKeptOutputsNamed(t *testing.T) {
	dir := t.TempDir()
	in := dir + "/a.txt"
	if err := os.WriteFile(in, []byte("Ann 0:00:01\n\nHello.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLI(t, "", "convert", in, "--to", "srt"); code != exitOK {
		t.Fatalf("first run: exit %d: %s", code, stderr)
	}
	code, _, stderr := runCLI(t, "", "convert", in, "--to", "srt,vtt")
	if code != exitOK || !strings.Contains(stderr, "kept existing "+dir+"/a.srt (--force replaces it)\n") || !strings.Contains(stderr, "wrote "+dir+"/a.vtt") {
		t.Errorf("exit %d, stderr:\n%s\nwant the kept a.srt and the written a.vtt named", code, stderr)
	}
	// Many inputs list no outputs: the summary must still tell.
	if !strings.Contains(stderr, "1 converted, 0 skipped, 0 failed, 1 written only in part in ") || !strings.Contains(stderr, "(their outputs exist: --force replaces them)") {
		t.Errorf("stderr:\n%s\nwant the summary to count the input written only in part", stderr)
	}
	report := dir + "/report.json"
	runCLI(t, "", "convert", in, "--to", "srt,vtt,ttml", "--report-json", report)
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"partial": 1,`) || !strings.Contains(string(data), `"partial": true,`) {
		t.Errorf("report:\n%s\nwant the input counted and marked as partial", data)
	}
}
