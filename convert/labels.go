package convert

import (
	"fmt"
	"strings"
)

// LabelStyle is how a format without a speaker field (SRT) shows who
// speaks: a label in the text at each change of speaker.
type LabelStyle string

// The label styles.
const (
	// LabelName writes "Mark Zuckerberg: " (the default).
	LabelName LabelStyle = "name"
	// LabelUpper writes "MARK ZUCKERBERG: " (broadcast style).
	LabelUpper LabelStyle = "upper"
	// LabelBracket writes "[Mark Zuckerberg] ".
	LabelBracket LabelStyle = "bracket"
	// LabelNone writes no label.
	LabelNone LabelStyle = "none"
)

// ParseLabelStyle returns the label style called name.
func ParseLabelStyle(name string) (LabelStyle, error) {
	switch s := LabelStyle(strings.ToLower(name)); s {
	case LabelName, LabelUpper, LabelBracket, LabelNone:
		return s, nil
	case "":
		return LabelName, nil
	}
	return "", fmt.Errorf("unknown label style %q (known: name, upper, bracket, none)", name)
}

// Label returns the text put before the first line spoken by speaker, with
// its trailing space, or "" when s is LabelNone or speaker is "".
func (s LabelStyle) Label(speaker string) string {
	if speaker == "" {
		return ""
	}
	switch s {
	case LabelUpper:
		return strings.ToUpper(speaker) + ": "
	case LabelBracket:
		return "[" + speaker + "] "
	case LabelNone:
		return ""
	}
	return speaker + ": "
}
