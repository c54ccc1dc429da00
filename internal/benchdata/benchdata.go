// Package benchdata builds long inputs for benchmarks out of short real
// ones, so that benchmarks measure real text at the length that matters
// (a three-hour podcast) without storing megabytes in the repository.
//
// It knows the seed transcript dialect only by its times and imports no
// other capconv package, so convert's own tests may use it.
package benchdata

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// SeedTranscript is the seed-dialect transcript the benchmarks repeat,
// relative to the repository root.
const SeedTranscript = "testdata/000_2e7f89a82c8d846d.txt"

// clock matches a time at the end of a speaker line or at the start of a
// chapter line: "Name 0:01:02" or "00:00:00 - Title".
var (
	speakerTime = regexp.MustCompile(`^(.*\S)\s+(\d{1,3}):(\d\d):(\d\d)$`)
	chapterTime = regexp.MustCompile(`^(\d{1,3}):(\d\d):(\d\d)(\s+[-–—]\s+.*)$`)
)

// Repeat returns seed, a transcript in the speaker-line dialect, repeated
// with its times shifted until it lasts at least length. Each copy starts
// a minute after the last time of the one before, so times keep rising.
func Repeat(seed []byte, length time.Duration) []byte {
	lines := bytes.Split(seed, []byte("\n"))
	var last time.Duration
	for _, l := range lines {
		if t, ok := timeOf(l); ok && t > last {
			last = t
		}
	}
	span := last + time.Minute
	var out bytes.Buffer
	for shift := time.Duration(0); shift < length; shift += span {
		for i, l := range lines {
			if i == len(lines)-1 && len(l) == 0 {
				break
			}
			out.Write(shifted(l, shift))
			out.WriteByte('\n')
		}
		out.WriteByte('\n')
	}
	return out.Bytes()
}

func timeOf(l []byte) (time.Duration, bool) {
	if m := speakerTime.FindSubmatch(l); m != nil {
		return hms(m[2], m[3], m[4]), true
	}
	if m := chapterTime.FindSubmatch(l); m != nil {
		return hms(m[1], m[2], m[3]), true
	}
	return 0, false
}

func shifted(l []byte, shift time.Duration) []byte {
	if m := speakerTime.FindSubmatch(l); m != nil {
		return fmt.Appendf(nil, "%s %s", m[1], clock(hms(m[2], m[3], m[4])+shift))
	}
	if m := chapterTime.FindSubmatch(l); m != nil {
		return fmt.Appendf(nil, "%s%s", clock(hms(m[1], m[2], m[3])+shift), m[4])
	}
	return l
}

func hms(h, m, s []byte) time.Duration {
	n := func(b []byte) time.Duration {
		v, _ := strconv.Atoi(string(b)) // the regexps admit digits only
		return time.Duration(v)
	}
	return n(h)*time.Hour + n(m)*time.Minute + n(s)*time.Second
}

func clock(d time.Duration) string {
	s := int(d / time.Second)
	return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
}
