package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestReadmeLibraryProgram builds the README's library program as a module
// of its own, outside this one, and runs it on the shipped transcript: the
// example a newcomer copies must compile and do what it says.
func TestReadmeLibraryProgram(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command here")
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```go\n(.*?)```").FindAllSubmatch(readme, -1)
	if len(blocks) != 1 || !strings.HasPrefix(string(blocks[0][1]), "package main") {
		t.Fatalf("README has %d ```go blocks, want one complete package main program", len(blocks))
	}
	root, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	gomod := "module example.com/captions\n\ngo 1.26\n\nrequire github.com/capconv/capconv v0.0.0\n\nreplace github.com/capconv/capconv => " + root + "\n"
	sum, err := os.ReadFile("go.sum")
	if err != nil {
		t.Fatal(err)
	}
	seed, err := os.ReadFile("testdata/000_2e7f89a82c8d846d.txt")
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"go.mod": []byte(gomod), "go.sum": sum, "main.go": blocks[0][1], "talk.txt": seed} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(goCmd, "run", ".")
	cmd.Dir = dir
	// The module's requirements are this module's, already downloaded.
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go run of the README program: %v\n%s", err, out)
	}
	for _, name := range []string{"talk.vtt", "talk.ttml"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatalf("the README program wrote no %s: %v", name, err)
		}
		if !strings.Contains(string(data), "Mark Zuckerberg") {
			t.Errorf("%s does not carry the speakers:\n%.300s", name, data)
		}
	}
}

// TestReadmeCommands: the README's first lines are the two commands a
// fresh machine runs.
func TestReadmeCommands(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(readme), "\n")
	want := []string{"# capconv", "", "    go run . convert testdata/000_2e7f89a82c8d846d.txt -o out/", "    go test ./..."}
	if len(lines) < len(want) || strings.Join(lines[:len(want)], "\n") != strings.Join(want, "\n") {
		t.Errorf("README starts:\n%s\nwant:\n%s", strings.Join(lines[:min(len(lines), 4)], "\n"), strings.Join(want, "\n"))
	}
}
