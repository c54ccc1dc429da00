package transcript

import (
	"strconv"
	"strings"
	"time"

	"github.com/capconv/capconv/convert/internal/text"
)

// Transcripts published on web sites often open with metadata: YAML front
// matter (Jekyll, Hugo, Obsidian), a Markdown title heading, a "Transcript"
// heading or line. It describes the document, so it becomes Document
// metadata and never caption text, and it never fails a read: a value
// capconv cannot use is announced through ReadOptions.Warn and ignored.

// frontMatter is what a transcript's front matter says.
type frontMatter struct {
	title    string
	language string
	duration time.Duration
	end      int // index of the first line after the front matter
}

// frontMatterKey matches a top-level "key: value" line; indented lines
// belong to a nested value capconv does not use.
var frontMatterKey = lazyRegexp(`^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$`)

// readFrontMatter reads YAML front matter: a first line "---", then
// "key: value" lines, then "---" or "...". Without the closing line there
// is no front matter, and the lines are read as transcript.
func readFrontMatter(lines []string, o text.Source) frontMatter {
	var fm frontMatter
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "---" {
		return fm
	}
	closing := -1
	for i := 1; i < len(lines); i++ {
		if l := strings.TrimRight(lines[i], " \t"); l == "---" || l == "..." {
			closing = i
			break
		}
	}
	if closing < 0 {
		return fm
	}
	fm.end = closing + 1
	var seconds, clock time.Duration
	secondsLine, clockLine := 0, 0
	for i := 1; i < closing; i++ {
		m := frontMatterKey().FindStringSubmatch(lines[i])
		if m == nil {
			continue
		}
		key, value := strings.ToLower(m[1]), yamlScalar(m[2])
		switch key {
		case "title":
			fm.title = value
		case "language", "lang":
			fm.language = value
		case "duration_seconds", "duration":
			d, ok := parseDurationValue(value)
			if !ok {
				o.Warnf(i+1, "front matter %s %q is not a duration such as 1:02:03 or 3723.5: ignored", m[1], value)
				continue
			}
			if key == "duration_seconds" {
				seconds, secondsLine = d, i+1
			} else {
				clock, clockLine = d, i+1
			}
		}
	}
	// duration_seconds is the more precise of the two when both are given.
	fm.duration = seconds
	if secondsLine == 0 {
		fm.duration = clock
	}
	if secondsLine > 0 && clockLine > 0 && (seconds-clock).Abs() >= time.Second {
		o.Warnf(clockLine, "front matter duration %s disagrees with duration_seconds %s: using duration_seconds", text.FormatClock(clock), text.FormatClock(seconds))
	}
	return fm
}

// yamlScalar returns a plain, single-quoted or double-quoted YAML scalar's
// value; capconv needs no more of YAML than that.
func yamlScalar(v string) string {
	if len(v) >= 2 {
		switch {
		case v[0] == '\'' && v[len(v)-1] == '\'':
			return strings.ReplaceAll(v[1:len(v)-1], "''", "'")
		case v[0] == '"' && v[len(v)-1] == '"':
			if s, err := strconv.Unquote(v); err == nil {
				return s
			}
			return v[1 : len(v)-1]
		}
	}
	if i := strings.Index(v, " #"); i >= 0 {
		v = strings.TrimSpace(v[:i])
	}
	return v
}

// parseDurationValue reads a duration as seconds ("6478.0"), a clock
// ("1:47:58") or a Go duration ("1h47m58s").
func parseDurationValue(v string) (time.Duration, bool) {
	if f, err := strconv.ParseFloat(v, 64); err == nil && f > 0 && f < 1e7 {
		return time.Duration(f * float64(time.Second)), true
	}
	if d, err := text.ParseClock(v); err == nil && d > 0 {
		return d, true
	}
	if d, err := time.ParseDuration(v); err == nil && d > 0 {
		return d, true
	}
	return 0, false
}

// heading matches a Markdown ATX heading.
var heading = lazyRegexp(`^(#{1,6})\s+(.*?)\s*#*\s*$`)

// addMetadata takes a line before the first turn that is metadata rather
// than speech: the first Markdown heading names the document unless the
// front matter did or it names a section ("## Speakers", "## Transcript");
// later headings and a bare "Transcript" line are structure and are
// dropped, and so is the list under a "Speakers" heading, which names
// the people who speak below. It reports whether line was metadata.
func (b *transcriptBuilder) addMetadata(line string) bool {
	if m := heading().FindStringSubmatch(line); m != nil {
		b.endParagraph()
		b.inSpeakerList = isSpeakersLabel(m[2])
		if b.doc.Title == "" && m[2] != "" && !isTranscriptLabel(m[2]) && !b.inSpeakerList {
			b.doc.Title = m[2]
		}
		return true
	}
	if isTranscriptLabel(line) {
		b.endParagraph()
		b.inSpeakerList = false
		return true
	}
	if isSpeakersLabel(line) {
		b.endParagraph()
		b.inSpeakerList = true
		return true
	}
	return b.inSpeakerList
}

// isTranscriptLabel reports whether s only says that a transcript
// follows: "Transcript", "Full transcript", "Read the full transcript".
func isTranscriptLabel(s string) bool {
	words := strings.Fields(strings.ToLower(strings.Trim(s, " :*_")))
	return len(words) > 0 && len(words) <= 4 && words[len(words)-1] == "transcript"
}

// isSpeakersLabel reports whether s heads the list of who speaks.
func isSpeakersLabel(s string) bool {
	switch strings.ToLower(strings.Trim(s, " :*_")) {
	case "speakers", "participants", "attendees", "cast", "guests", "hosts", "people", "panelists", "in this episode":
		return true
	}
	return false
}
