package text

import (
	"testing"
	"time"
)

func sec(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

func TestParseClock(t *testing.T) {
	tests := []struct {
		in      string
		want    time.Duration
		wantErr bool
	}{
		{in: "0:00:01", want: sec(1)},
		{in: "00:00:03", want: sec(3)},
		{in: "1:02", want: sec(62)},
		{in: "12:34", want: sec(754)},
		{in: "1:02:03.5", want: sec(3723.5)},
		{in: "01:02:03,250", want: sec(3723.25)},
		{in: "101:00:00", want: 101 * time.Hour},
		{in: "0:60", wantErr: true},
		{in: "0:61:00", wantErr: true},
		{in: "0:0:01", wantErr: true},
		{in: "1", wantErr: true},
		{in: "1:02:03:04", wantErr: true},
		{in: "1:02.", wantErr: true},
		{in: "1:02x", wantErr: true},
		{in: "320254:59:59.999999999", want: 320254*time.Hour + sec(3599.999999999)},
		{in: "320255:00:00", wantErr: true},
		{in: "999999999:00:00", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseClock(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("ParseClock(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			}
			if got != tt.want {
				t.Errorf("ParseClock(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}
