package text

import (
	"fmt"
	"strconv"
	"time"

	"github.com/capconv/capconv/convert/caption"
)

// ParseClock parses a transcript time: M:SS, MM:SS, H:MM:SS or HH:MM:SS
// (hours of any width), with optional fractional seconds after "." or ",".
func ParseClock(s string) (time.Duration, error) {
	var fields [3]int
	n, i := 0, 0
	for {
		start := i
		v := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' && i-start < 9 {
			v = v*10 + int(s[i]-'0')
			i++
		}
		if i == start {
			return 0, fmt.Errorf("%q: expected a time such as 0:01:02 or 01:02", s)
		}
		if n == 3 {
			return 0, fmt.Errorf("%q: too many fields: expected at most H:MM:SS", s)
		}
		if n > 0 && i-start != 2 {
			return 0, fmt.Errorf("%q: minutes and seconds need two digits", s)
		}
		fields[n] = v
		n++
		if i < len(s) && s[i] == ':' {
			i++
			continue
		}
		break
	}
	if n < 2 {
		return 0, fmt.Errorf("%q: expected a time such as 0:01:02 or 01:02", s)
	}
	var frac time.Duration
	if i < len(s) && (s[i] == '.' || s[i] == ',') {
		i++
		start := i
		scale := time.Second
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			if i-start < 9 {
				scale /= 10
				frac += time.Duration(s[i]-'0') * scale
			}
			i++
		}
		if i == start {
			return 0, fmt.Errorf("%q: expected digits after the decimal separator", s)
		}
	}
	if i != len(s) {
		return 0, fmt.Errorf("%q: unexpected %q after the time", s, s[i:])
	}
	h, m, sec := 0, fields[0], fields[1]
	if n == 3 {
		h, m, sec = fields[0], fields[1], fields[2]
		if m > 59 {
			return 0, fmt.Errorf("%q: minutes must be below 60", s)
		}
	}
	if sec > 59 {
		return 0, fmt.Errorf("%q: seconds must be below 60", s)
	}
	if h >= caption.MaxHours {
		return 0, fmt.Errorf("%q: out of range: expected fewer than %d hours", s, caption.MaxHours)
	}
	return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(sec)*time.Second + frac, nil
}

// FormatClock renders d as H:MM:SS(.mmm), the way messages quote a time.
func FormatClock(d time.Duration) string {
	ms := d.Milliseconds()
	s := fmt.Sprintf("%d:%02d:%02d", ms/3600000, ms/60000%60, ms/1000%60)
	if ms%1000 != 0 {
		s += fmt.Sprintf(".%03d", ms%1000)
	}
	return s
}

// AppendClock appends d as HH:MM:SS<sep>mmm, rounded to the millisecond;
// hours take more digits when needed and negative times are written as 0.
func AppendClock(b []byte, d time.Duration, sep byte) []byte {
	ms := max(d, 0).Round(time.Millisecond).Milliseconds()
	h := ms / 3600000
	if h < 10 {
		b = append(b, '0')
	}
	b = strconv.AppendInt(b, h, 10)
	m, s, f := ms/60000%60, ms/1000%60, ms%1000
	return append(b, ':', byte('0'+m/10), byte('0'+m%10), ':', byte('0'+s/10), byte('0'+s%10), sep,
		byte('0'+f/100), byte('0'+f/10%10), byte('0'+f%10))
}
