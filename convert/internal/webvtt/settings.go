package webvtt

import (
	"strconv"
	"strings"

	"github.com/capconv/capconv/convert/caption"
)

// parsePlacement returns where the cue settings s (what follows the end
// time) place a cue, in the model's terms: a third of the picture each
// for top, middle and bottom, and for left, centre and right.
//
//   - line:N% (with or without ",start|center|end") is the top from 0 to
//     33%, the middle to 66%, else the bottom.
//   - line:N counts lines of text, from the top when N >= 0 and from the
//     bottom when N < 0. At the default font (5% of the picture's height,
//     so about six lines to a third) 0 to 5 are the top, 6 to 11 the
//     middle, further down the bottom; -1 to -6 are the bottom, -7 to -12
//     the middle, further up the top.
//   - align:start or left is left, end or right is right, center (and
//     "middle", from earlier drafts, as Netflix writes it) is centred.
//   - Without a left or right alignment, position:N% below 33% is left
//     and above 66% right.
//
// Bad or unknown settings are ignored, as browsers ignore them.
func parsePlacement(s string) caption.Placement {
	var p caption.Placement
	aligned := false
	for _, f := range strings.Fields(s) {
		name, value, ok := strings.Cut(f, ":")
		if !ok || value == "" {
			continue
		}
		switch name {
		case "line":
			if v, ok := lineSetting(value); ok {
				p.Vertical = v
			}
		case "align":
			switch value {
			case "start", "left":
				p.Horizontal, aligned = caption.Left, true
			case "end", "right":
				p.Horizontal, aligned = caption.Right, true
			case "center", "middle":
				p.Horizontal, aligned = caption.Center, false
			}
		}
	}
	if aligned {
		return p
	}
	for _, f := range strings.Fields(s) {
		value, ok := strings.CutPrefix(f, "position:")
		if !ok {
			continue
		}
		value, _, _ = strings.Cut(value, ",")
		if pc, ok := percent(value); ok {
			switch {
			case pc < 33:
				p.Horizontal = caption.Left
			case pc > 66:
				p.Horizontal = caption.Right
			default:
				p.Horizontal = caption.Center
			}
		}
	}
	return p
}

// lineSetting reads the value of a line setting (see parsePlacement).
func lineSetting(value string) (caption.Vertical, bool) {
	value, _, _ = strings.Cut(value, ",")
	if pc, ok := percent(value); ok {
		switch {
		case pc <= 33:
			return caption.Top, true
		case pc <= 66:
			return caption.Middle, true
		}
		return caption.Bottom, true
	}
	n, err := strconv.Atoi(value)
	if err != nil || strings.HasPrefix(value, "+") {
		return caption.Bottom, false
	}
	if n < 0 {
		n = -n - 1 // -1 is the bottom line
		switch {
		case n < 6:
			return caption.Bottom, true
		case n < 12:
			return caption.Middle, true
		}
		return caption.Top, true
	}
	switch {
	case n < 6:
		return caption.Top, true
	case n < 12:
		return caption.Middle, true
	}
	return caption.Bottom, true
}

// percent parses "N%" or "N.N%" with N from 0 to 100, as the
// specification writes percentages.
func percent(s string) (float64, bool) {
	num, ok := strings.CutSuffix(s, "%")
	if !ok || num == "" || num[0] < '0' || num[0] > '9' || num[len(num)-1] == '.' {
		return 0, false
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || v < 0 || v > 100 || strings.ContainsAny(num, "eE+-_xXpP") {
		return 0, false
	}
	return v, true
}

// appendSettings appends the cue settings that place a cue at p, with a
// leading space; bottom centre, the default, needs none. The settings are
// those Chromium, Firefox and Safari render where the model means:
//
//   - top is line:0, the first line from the top, snapped to lines so
//     that a cue of several lines grows downwards and stays inside the
//     picture;
//   - middle is line:50%, the top of the cue's box at the middle. The
//     specification would centre the box with line:50%,center, but
//     Chromium implements no line alignment and ignores a line setting
//     that has one, which would put the cue back at the bottom;
//   - left and right are align:left and align:right rather than start
//     and end, which follow the direction of the text and would swap
//     sides in Arabic or Hebrew; with the default position the box is
//     the full width and its lines are aligned to that side.
func appendSettings(b []byte, p caption.Placement) []byte {
	switch p.Vertical {
	case caption.Top:
		b = append(b, " line:0"...)
	case caption.Middle:
		b = append(b, " line:50%"...)
	}
	switch p.Horizontal {
	case caption.Left:
		b = append(b, " align:left"...)
	case caption.Right:
		b = append(b, " align:right"...)
	}
	return b
}
