package scc

import (
	"fmt"
	"strconv"
	"time"

	"github.com/capconv/capconv/timing"
)

// Scenarist files are timed in frames of NTSC video, 30000/1001 a second,
// labelled as SMPTE timecode: drop-frame (HH:MM:SS;FF), which skips the
// labels 00 and 01 at each minute but every tenth so that the labels keep
// to the clock, or non-drop (HH:MM:SS:FF), which counts 30 to a second
// and runs 3.6 s an hour behind it. One byte pair is sent per frame.

// frameRate is NTSC's, in frames per second.
const frameRate = 30000.0 / 1001

// frameOf returns the frame nearest to t.
func frameOf(t time.Duration) int64 { return timing.Frame(t, frameRate) }

// timeOf returns when frame n starts, to the nanosecond.
func timeOf(n int64) time.Duration { return timing.FrameTime(n, frameRate) }

// Drop-frame counting: 17,982 frames every ten minutes, 1,798 in each
// minute but the first of the ten.
const (
	framesPer10Min = 17982
	framesPerMin   = 1798
)

// appendTimecode appends the timecode label of frame n.
func appendTimecode(b []byte, n int64, dropFrame bool) []byte {
	sep := byte(':')
	if dropFrame {
		sep = ';'
		tens, rest := n/framesPer10Min, n%framesPer10Min
		n += 18 * tens
		if rest >= 2 {
			n += 2 * ((rest - 2) / framesPerMin)
		}
	}
	f, s := n%30, n/30
	b = appendTwo(b, s/3600)
	b = append(b, ':')
	b = appendTwo(b, s/60%60)
	b = append(b, ':')
	b = appendTwo(b, s%60)
	b = append(b, sep)
	return appendTwo(b, f)
}

func appendTwo(b []byte, v int64) []byte {
	if v < 10 {
		b = append(b, '0')
	}
	return strconv.AppendInt(b, v, 10)
}

// parseTimecode returns the frame a timecode label names, and whether it
// is drop-frame (";" or "." before the frames).
func parseTimecode(s string) (frame int64, dropFrame bool, err error) {
	if len(s) != 11 || s[2] != ':' || s[5] != ':' {
		return 0, false, fmt.Errorf("%q is not a timecode HH:MM:SS:FF or HH:MM:SS;FF", s)
	}
	switch s[8] {
	case ':':
	case ';', '.', ',':
		dropFrame = true
	default:
		return 0, false, fmt.Errorf("%q is not a timecode HH:MM:SS:FF or HH:MM:SS;FF", s)
	}
	var v [4]int64
	for i := range v {
		n, err := strconv.ParseUint(s[3*i:3*i+2], 10, 8)
		if err != nil {
			return 0, false, fmt.Errorf("%q is not a timecode HH:MM:SS:FF or HH:MM:SS;FF", s)
		}
		v[i] = int64(n)
	}
	h, m, sec, f := v[0], v[1], v[2], v[3]
	if m > 59 || sec > 59 || f > 29 {
		return 0, false, fmt.Errorf("timecode %q is out of range: minutes and seconds go to 59, frames to 29", s)
	}
	if dropFrame && sec == 0 && f < 2 && m%10 != 0 {
		return 0, false, fmt.Errorf("timecode %q does not exist in drop-frame counting: frames 00 and 01 are skipped at each minute but every tenth", s)
	}
	frame = (h*3600+m*60+sec)*30 + f
	if dropFrame {
		minutes := h*60 + m
		frame -= 2 * (minutes - minutes/10)
	}
	return frame, dropFrame, nil
}
