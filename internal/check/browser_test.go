package check

import (
	"bytes"
	"context"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// chromium is where Debian's chromium package puts the browser.
const chromium = "/usr/bin/chromium"

// silentWAV returns d of silence as an 8 kHz, 8-bit mono WAV file.
func silentWAV(d time.Duration) []byte {
	n := int(d.Seconds() * 8000)
	var b bytes.Buffer
	le := func(v any) { _ = binary.Write(&b, binary.LittleEndian, v) }
	b.WriteString("RIFF")
	le(uint32(36 + n))
	b.WriteString("WAVEfmt ")
	le(uint32(16))
	le(uint16(1))    // PCM
	le(uint16(1))    // mono
	le(uint32(8000)) // sample rate
	le(uint32(8000)) // bytes a second
	le(uint16(1))    // block align
	le(uint16(8))    // bits per sample
	b.WriteString("data")
	le(uint32(n))
	b.Write(bytes.Repeat([]byte{128}, n))
	return b.Bytes()
}

// runChromium runs headless chromium with args and returns its output.
func runChromium(t *testing.T, args ...string) (stdout, stderr string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	base := []string{"--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
		"--user-data-dir=" + t.TempDir(), "--enable-logging=stderr", "--v=0",
		"--autoplay-policy=no-user-gesture-required", "--virtual-time-budget=3000"}
	cmd := exec.CommandContext(ctx, chromium, append(base, args...)...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %v: %v\n%s", args, err, errOut.String())
	}
	return out.String(), errOut.String()
}

// TestReviewPageInBrowser renders a review page with media in chromium,
// when it is installed: the page must show every cue and violation,
// raise no error in its console, and seek the media to a violation's
// cue when it is clicked. The screenshot's path is in the test log.
func TestReviewPageInBrowser(t *testing.T) {
	if _, err := os.Stat(chromium); err != nil {
		if os.Getenv("CAPCONV_REQUIRE_INTEROP") != "" {
			t.Fatalf("no %s, and CAPCONV_REQUIRE_INTEROP is set: install Debian's chromium", chromium)
		}
		t.Skipf("no %s: the review page is not tried in a browser", chromium)
	}
	r, err := File("testdata/golden/srt-problems/in.srt", Options{})
	if err != nil {
		t.Fatal(err)
	}
	var page bytes.Buffer
	if err := WriteHTML(&page, r, Media{Name: "talk.wav", Data: silentWAV(25 * time.Second)}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(page.String(), "http://") || strings.Contains(page.String(), "https://") {
		t.Error("the page refers to the network")
	}
	path := filepath.Join(t.TempDir(), "review.html")
	if err := os.WriteFile(path, page.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	dom, logs := runChromium(t, "--dump-dom", "file://"+path+"#seek-first")
	attr := func(name string) string {
		m := regexp.MustCompile(`<body[^>]*\s` + name + `="([^"]*)"`).FindStringSubmatch(dom)
		if m == nil {
			return ""
		}
		return m[1]
	}
	if attr("data-ready") != "yes" {
		t.Fatalf("the page's script did not run to its end:\n%.2000s\n%s", dom, logs)
	}
	if got, want := attr("data-rendered-cues"), strconv.Itoa(len(r.Cues)); got != want {
		t.Errorf("%s cues rendered, want %s", got, want)
	}
	if got, want := attr("data-rendered-violations"), strconv.Itoa(len(r.Findings)); got != want {
		t.Errorf("%s violations rendered, want %s", got, want)
	}
	if got, want := attr("data-seeked"), "1.001"; got != want {
		t.Errorf("a click on the first violation seeks the media to %q, want %q (its cue's start)", got, want)
	}
	if m := regexp.MustCompile(`<pre id="errors">([^<]*)</pre>`).FindStringSubmatch(dom); m == nil || m[1] != "" {
		t.Errorf("the page caught errors: %q", m)
	}
	for _, l := range strings.Split(logs, "\n") {
		if strings.Contains(l, "CONSOLE") && (strings.Contains(l, "Uncaught") || strings.Contains(l, "Error")) {
			t.Errorf("console error: %s", l)
		}
	}
	shot := filepath.Join(os.TempDir(), "capconv-review.png")
	runChromium(t, "--screenshot="+shot, "--window-size=1280,1600", "--hide-scrollbars", "file://"+path)
	if fi, err := os.Stat(shot); err != nil || fi.Size() == 0 {
		t.Fatalf("no screenshot at %s: %v", shot, err)
	}
	t.Logf("review page screenshot: %s", shot)
}
