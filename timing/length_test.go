package timing

import (
	"math/rand"
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
	"github.com/google/go-cmp/cmp"
)

// ms is a time in milliseconds, to keep the tables short.
func ms(n int) time.Duration { return time.Duration(n) * time.Millisecond }

// spans returns the cues' times as [start, end] pairs in milliseconds.
func spans(cues []caption.Cue) [][2]int {
	out := make([][2]int, len(cues))
	for i, c := range cues {
		out[i] = [2]int{int(c.Start / time.Millisecond), int(c.End / time.Millisecond)}
	}
	return out
}

func cuesAt(times ...[2]int) []caption.Cue {
	cues := make([]caption.Cue, len(times))
	for i, t := range times {
		cues[i] = caption.Cue{Start: ms(t[0]), End: ms(t[1])}
	}
	return cues
}

func TestSnapToFramesKeepsAFrame(t *testing.T) {
	tests := []struct {
		name   string
		in     [][2]int
		fps    float64
		want   [][2]int
		reason string
	}{
		{
			name: "talkpython 404's Yeah", fps: 25,
			in:     [][2]int{{24700, 26220}, {26220, 26240}, {26240, 26860}},
			want:   [][2]int{{24720, 26240}, {26240, 26280}, {26280, 26880}},
			reason: "26.220 and 26.240 snap to the same frame: the next cue gives up its first frame",
		},
		{
			name: "gap after", fps: 25,
			in:   [][2]int{{1000, 1010}, {2000, 3000}},
			want: [][2]int{{1000, 1040}, {2000, 3000}},
		},
		{
			name: "gap before", fps: 25,
			in:     [][2]int{{0, 500}, {1000, 1010}, {1010, 1030}},
			want:   [][2]int{{0, 520}, {960, 1000}, {1000, 1040}},
			reason: "the next cue lasts a frame: the first of the two takes a frame of the gap before",
		},
		{
			name: "previous cue's last frame", fps: 25,
			in:     [][2]int{{0, 1000}, {1000, 1010}, {1010, 1030}},
			want:   [][2]int{{0, 960}, {960, 1000}, {1000, 1040}},
			reason: "no gap on either side: the previous cue, which lasts 25 frames, gives its last",
		},
		{
			name: "no room anywhere", fps: 25,
			in:     [][2]int{{1000, 1010}, {1010, 1015}, {1015, 1019}},
			want:   [][2]int{{1000, 1040}, {1040, 1080}, {1080, 1120}},
			reason: "three cues on one frame at the start: each moves a frame after the one before",
		},
		{
			name: "negative cue", fps: 25,
			in:   [][2]int{{2000, 1500}, {3000, 4000}},
			want: [][2]int{{2000, 2040}, {3000, 4000}},
		},
		{
			name: "overlapping cues keep overlapping", fps: 25,
			in:   [][2]int{{0, 2000}, {1000, 1500}, {2000, 3000}},
			want: [][2]int{{0, 2000}, {1000, 1520}, {2000, 3000}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cues := cuesAt(tt.in...)
			SnapToFrames(cues, tt.fps)
			if d := cmp.Diff(tt.want, spans(cues)); d != "" {
				t.Errorf("SnapToFrames(%v) mismatch (-want +got):\n%s\n%s", tt.in, d, tt.reason)
			}
		})
	}
}

func TestKeepLength(t *testing.T) {
	tests := []struct {
		name string
		in   []caption.Cue
		unit time.Duration
		want []caption.Cue
	}{
		{
			name: "valid cues are shared, exact times kept",
			in:   []caption.Cue{{Start: 1234567 * time.Microsecond, End: 2 * time.Second}},
			unit: time.Millisecond,
			want: []caption.Cue{{Start: 1234567 * time.Microsecond, End: 2 * time.Second}},
		},
		{
			name: "zero length takes a millisecond of the gap after",
			in:   cuesAt([2]int{4820, 4820}, [2]int{5000, 6000}),
			unit: time.Millisecond,
			want: cuesAt([2]int{4820, 4821}, [2]int{5000, 6000}),
		},
		{
			name: "zero length takes the next cue's first millisecond",
			in:   cuesAt([2]int{4000, 4820}, [2]int{4820, 4820}, [2]int{4820, 6000}),
			unit: time.Millisecond,
			want: cuesAt([2]int{4000, 4820}, [2]int{4820, 4821}, [2]int{4821, 6000}),
		},
		{
			name: "ASS centiseconds",
			in:   cuesAt([2]int{1000, 1004}, [2]int{1004, 2000}),
			unit: 10 * time.Millisecond,
			want: cuesAt([2]int{1000, 1010}, [2]int{1010, 2000}),
		},
		{
			name: "sub-millisecond cue",
			in:   []caption.Cue{{Start: time.Second, End: time.Second + 300*time.Microsecond}},
			unit: time.Millisecond,
			want: cuesAt([2]int{1000, 1001}),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := append([]caption.Cue(nil), tt.in...)
			got := KeepLength(tt.in, tt.unit)
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("KeepLength mismatch (-want +got):\n%s", d)
			}
			if d := cmp.Diff(in, tt.in); d != "" {
				t.Errorf("KeepLength modified its input (-before +after):\n%s", d)
			}
		})
	}
}

// TestTimesAlwaysValid checks, on random cues (touching, zero-length,
// negative, a few overlapping) and random frame rates, that after
// SnapToFrames and KeepLength every cue lasts at least one frame or unit,
// starts never go back, and no cues overlap that did not before.
func TestTimesAlwaysValid(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	rates := FrameRateNames()
	for iter := range 3000 {
		n := 1 + r.Intn(12)
		in := make([]caption.Cue, n)
		at := time.Duration(r.Intn(3)) * time.Duration(r.Intn(100)) * time.Millisecond
		for i := range in {
			at += time.Duration(r.Intn(4)) * time.Duration(r.Intn(60)) * time.Millisecond // often 0: starts shared
			d := time.Duration(r.Intn(3)) * time.Duration(r.Intn(80)) * time.Millisecond  // often 0
			if r.Intn(10) == 0 {
				d = -d
			}
			if r.Intn(15) == 0 {
				d = time.Duration(r.Intn(400)) * time.Millisecond
				in[i] = caption.Cue{Start: at, End: at + d} // may overlap the next
				continue
			}
			in[i] = caption.Cue{Start: at, End: at + d}
			at = max(at, at+d)
		}
		fps, _ := ParseFPS(rates[r.Intn(len(rates))])
		snapped := append([]caption.Cue(nil), in...)
		SnapToFrames(snapped, fps)
		check(t, iter, "SnapToFrames", in, snapped, func(d time.Duration) int64 { return Frame(d, fps) })
		for _, unit := range []time.Duration{time.Millisecond, 10 * time.Millisecond} {
			kept := KeepLength(in, unit)
			check(t, iter, "KeepLength", in, kept, func(d time.Duration) int64 { return int64(d.Round(unit) / unit) })
		}
		if t.Failed() {
			return
		}
	}
}

func check(t *testing.T, iter int, what string, in, out []caption.Cue, tick func(time.Duration) int64) {
	t.Helper()
	if len(out) != len(in) {
		t.Fatalf("#%d %s: %d cues, want %d", iter, what, len(out), len(in))
	}
	for i, c := range out {
		if tick(c.End) < tick(c.Start)+1 {
			t.Errorf("#%d %s: cue %d %v lasts less than a unit (in %v)", iter, what, i, spans(out[i:i+1]), spans(in))
		}
		if c.Start < 0 {
			t.Errorf("#%d %s: cue %d starts before 0", iter, what, i)
		}
		if i == 0 {
			continue
		}
		if c.Start < out[i-1].Start {
			t.Errorf("#%d %s: cue %d starts before cue %d: %v (in %v)", iter, what, i, i-1, spans(out), spans(in))
		}
		if in[i-1].End <= in[i].Start && tick(out[i-1].End) > tick(c.Start) {
			t.Errorf("#%d %s: cues %d and %d overlap: %v (in %v)", iter, what, i-1, i, spans(out), spans(in))
		}
	}
}
