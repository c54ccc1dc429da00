package convert

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/capconv/capconv/convert/caption"
	"github.com/capconv/capconv/internal/fileio"
)

// ErrExists reports an output file that exists while Options.Force is off.
var ErrExists = errors.New("output exists (use --force to replace it)")

// ErrWouldOverwriteInput reports an output that is the input file.
var ErrWouldOverwriteInput = errors.New("output would overwrite the input")

// ReadFile reads the document at path (see Read), named path in errors.
// Its format is o.From, else what the content shows, else what the
// extension says.
func ReadFile(path string, o Options) (*caption.Document, error) {
	max := o.MaxInput
	if max <= 0 {
		max = DefaultMaxInput
	}
	data, err := fileio.ReadFile(path, max)
	if errors.Is(err, ErrTooLarge) {
		err = fmt.Errorf("%s: %w", caption.QuotePath(path), tooLarge(max))
	}
	if err != nil {
		return nil, err
	}
	o.File = path
	return readBytes(data, o.From, o, true)
}

// WriteFile writes d in format f to path, atomically: a reader of path
// sees no file, the old one or the whole new one, never a part. An
// existing file is replaced only with o.Force (ErrExists otherwise).
func WriteFile(path string, d *caption.Document, f Format, o Options) error {
	if _, err := os.Lstat(path); err == nil && !o.Force {
		return fmt.Errorf("%s: %w", caption.QuotePath(path), ErrExists)
	}
	tmp, err := renderTemp(path, d, f, o)
	if err != nil {
		if !errors.As(err, new(*fs.PathError)) {
			err = fmt.Errorf("%s: %w", caption.QuotePath(path), err) // the renderer's
		}
		return err
	}
	return placeFile(tmp, path, o.Force)
}

// renderTemp renders d in format f into a temporary file beside path, as
// it goes (see MarshalTo), and returns its name; on failure nothing is
// left behind. A file's error is an fs.PathError naming path; the
// renderer's comes as it is.
func renderTemp(path string, d *caption.Document, f Format, o Options) (string, error) {
	return fileio.WriteTempFunc(path, func(w io.Writer) error {
		return MarshalTo(w, d, f, o)
	})
}

// placeFile moves the temporary file tmp to path atomically, refusing to
// replace a file unless force; on failure tmp is removed.
func placeFile(tmp, path string, force bool) error {
	err := fileio.Place(tmp, path, force)
	if err != nil {
		fileio.Discard(tmp)
	}
	if errors.Is(err, fileio.ErrExists) {
		return fmt.Errorf("%s: %w", caption.QuotePath(path), ErrExists)
	}
	return err
}

// OutputPath returns where the output in format f of input goes: in dir,
// or beside input when dir is "", named after input (talk.txt →
// talk.vtt, and talk.chapters.vtt for its chapters).
func OutputPath(input string, f Format, dir string) string {
	if dir == "" {
		dir = filepath.Dir(input)
	}
	base := strings.TrimSuffix(filepath.Base(input), filepath.Ext(input))
	return filepath.Join(dir, base+f.Ext())
}

// Target is one planned output file.
type Target struct {
	Path   string
	Format Format
	// Side marks a side output (see Format.SideOutputs): written only when
	// the document has what it carries.
	Side bool
}

// Targets plans the outputs of input, read as format from, in each format
// of to (see OutputPath), each followed by its side outputs when from can
// carry what they need: a transcript's WebVTT output plans its chapters
// track, which two inputs may then be refused for claiming, as any other
// output.
func Targets(input string, from Format, to []Format, dir string) []Target {
	asked := map[Format]bool{}
	for _, f := range to {
		asked[f] = true
	}
	var ts []Target
	for _, f := range to {
		ts = append(ts, Target{Path: OutputPath(input, f, dir), Format: f})
		for _, s := range f.SideOutputs() {
			if !asked[s] && from.Keeps().Chapters && s.Keeps().Chapters {
				ts = append(ts, Target{Path: OutputPath(input, s, dir), Format: s, Side: true})
			}
		}
	}
	return ts
}

// ConvertFile converts the file at path into every format of to, writing
// each into dir (beside path when dir is ""), and returns the paths
// written. Every output is rendered, into a temporary file, before any is
// put in place, so a bad input leaves nothing behind; an output that is
// the input is refused, and one that exists is refused without o.Force.
func ConvertFile(path, dir string, to []Format, o Options) ([]string, error) {
	doc, err := ReadFile(path, o)
	if err != nil {
		return nil, err
	}
	var paths, tmps []string
	defer func() {
		for _, t := range tmps {
			if t != "" {
				fileio.Discard(t) // not put in place
			}
		}
	}()
	err = ConvertEach(doc, to, o, func(out Output) error {
		p := OutputPath(path, out.Format, dir)
		if err := checkTarget(p, path, o.Force); err != nil {
			return err
		}
		tmp, err := renderTemp(p, out.Doc, out.Format, o)
		if err != nil {
			return err
		}
		paths, tmps = append(paths, p), append(tmps, tmp)
		return nil
	})
	if err != nil {
		if !errors.As(err, new(*fs.PathError)) && !errors.Is(err, ErrExists) && !errors.Is(err, ErrWouldOverwriteInput) {
			err = fmt.Errorf("%s: %w", caption.QuotePath(path), err)
		}
		return nil, err
	}
	var written []string
	for i, p := range paths {
		if sameFile(p, path) { // again: a link made since the check
			return written, fmt.Errorf("%s: %w", caption.QuotePath(p), ErrWouldOverwriteInput)
		}
		err := placeFile(tmps[i], p, o.Force)
		tmps[i] = ""
		if err != nil {
			return written, err
		}
		written = append(written, p)
	}
	return written, nil
}

// checkTarget refuses an output path that is the input, or that exists
// while force is off.
func checkTarget(out, input string, force bool) error {
	if sameFile(out, input) {
		return fmt.Errorf("%s: %w", caption.QuotePath(out), ErrWouldOverwriteInput)
	}
	if _, err := os.Lstat(out); err == nil && !force {
		return fmt.Errorf("%s: %w", caption.QuotePath(out), ErrExists)
	}
	return nil
}

// sameFile reports whether a and b name the same file: the same path, or,
// when both exist, the same file through links.
func sameFile(a, b string) bool {
	if fileio.SameFile(a, b) {
		return true
	}
	aa, err1 := filepath.Abs(a)
	ab, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && aa == ab
}
