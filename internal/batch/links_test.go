package batch

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/capconv/capconv/convert"
)

// goodSRT is an SRT input that capconv writes back otherwise (its
// spaces go), so that a replaced input would show.
const goodSRT = "1\n00:00:01,000 --> 00:00:02,000\n  Hello   there  \n"

// TestInputsNeverReplacedThroughLinks: an output that is an input reached
// through a symbolic link to its directory, to itself, or through another
// hard link, is refused when the plan is made, with --force too; an
// input is compared by identity, not by path.
func TestInputsNeverReplacedThroughLinks(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T) // in the test's directory, which holds real/a.srt
		args  []string
		out   string // -o directory
		file  string // -o file
	}{
		{name: "output directory is a link to the input's", setup: symlink("real", "link"), args: []string{"real/a.srt"}, out: "link"},
		{name: "input named through a link, output its directory", setup: symlink("real", "link"), args: []string{"link/a.srt"}, out: "real"},
		{name: "folder input through a link", setup: symlink("real", "link"), args: []string{"link"}, out: "real"},
		{name: "output file through a link", setup: symlink("real", "link"), args: []string{"real/a.srt"}, file: "link/a.srt"},
		{name: "output is a link to the input", setup: symlink("../real/a.srt", "out/a.srt"), args: []string{"real/a.srt"}, out: "out"},
		{name: "output is a hard link to the input", setup: hardlink("real/a.srt", "out/a.srt"), args: []string{"real/a.srt"}, out: "out"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeTree(t, dir, map[string]string{"real/a.srt": goodSRT})
			if err := os.MkdirAll(filepath.Join(dir, "out"), 0o755); err != nil {
				t.Fatal(err)
			}
			chdir(t, dir)
			tc.setup(t)
			o := Options{To: []convert.Format{convert.SRT}, OutDir: tc.out, OutFile: tc.file}
			o.Convert.Force = true
			p, err := NewPlan(tc.args, o)
			if !errors.Is(err, convert.ErrWouldOverwriteInput) {
				if err == nil {
					Run(context.Background(), p, o)
				}
				t.Errorf("NewPlan() error = %v, want ErrWouldOverwriteInput", err)
			}
			if b, _ := os.ReadFile("real/a.srt"); string(b) != goodSRT {
				t.Errorf("the input was replaced: %q", b)
			}
		})
	}
}

// TestLinkMadeAfterThePlan: a link made between the plan and the rename
// (another process, or a careless user) is caught just before it.
func TestLinkMadeAfterThePlan(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"real/a.srt": goodSRT})
	chdir(t, dir)
	o := Options{To: []convert.Format{convert.SRT}, OutDir: "out"}
	o.Convert.Force = true
	p, err := NewPlan([]string{"real/a.srt"}, o)
	if err != nil {
		t.Fatal(err)
	}
	symlink("real", "out")(t)
	rep := Run(context.Background(), p, o)
	if len(rep.Files) != 1 || rep.Files[0].Status != Failed || !errors.Is(rep.Files[0].Err, convert.ErrWouldOverwriteInput) {
		t.Errorf("Run() = %+v, want the input failed with ErrWouldOverwriteInput", rep.Files)
	}
	if b, _ := os.ReadFile("real/a.srt"); string(b) != goodSRT {
		t.Errorf("the input was replaced: %q", b)
	}
}

func symlink(target, name string) func(t *testing.T) {
	return func(t *testing.T) {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		os.RemoveAll(name)
		if err := os.Symlink(target, name); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
}

func hardlink(target, name string) func(t *testing.T) {
	return func(t *testing.T) {
		if err := os.Link(target, name); err != nil {
			t.Skip("no hard links here:", err)
		}
	}
}
