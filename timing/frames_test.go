package timing

import (
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
	"github.com/google/go-cmp/cmp"
)

func TestParseTimecode(t *testing.T) {
	ntsc30, _ := ParseFPS("29.97")
	ntsc60, _ := ParseFPS("59.94")
	tests := []struct {
		name    string
		tc      string
		fps     float64
		want    time.Duration
		wantErr bool
		reason  string
	}{
		{name: "one hour at 25", tc: "01:00:00:00", fps: 25, want: time.Hour},
		{name: "frames at 24", tc: "00:00:01:12", fps: 24, want: 1500 * time.Millisecond},
		{name: "non-drop at 29.97 runs slow", tc: "01:00:00:00", fps: ntsc30, want: FrameTime(108000, ntsc30),
			reason: "108000 frames of 1001/30000 s: 3603.6 s"},
		{name: "drop-frame at 29.97 keeps up with the clock", tc: "01:00:00;00", fps: ntsc30, want: FrameTime(107892, ntsc30),
			reason: "18 frame numbers dropped in each of 54 minutes: 3599.996 s"},
		{name: "drop-frame at 59.94", tc: "00:10:00;00", fps: ntsc60, want: FrameTime(35964, ntsc60)},
		{name: "dropped frame number", tc: "00:01:00;01", fps: ntsc30, wantErr: true},
		{name: "drop-frame at 25", tc: "01:00:00;00", fps: 25, wantErr: true},
		{name: "frames out of range", tc: "00:00:00:25", fps: 25, wantErr: true},
		{name: "three fields", tc: "01:00:00", fps: 25, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseTimecode(tt.tc, tt.fps)
			if (err != nil) != tt.wantErr {
				t.Fatalf("ParseTimecode(%q) error = %v, want error %v", tt.tc, err, tt.wantErr)
			}
			if got != tt.want {
				t.Errorf("ParseTimecode(%q) = %v, want %v (%s)", tt.tc, got, tt.want, tt.reason)
			}
		})
	}
}

func TestSnapAndShift(t *testing.T) {
	doc := &caption.Document{
		Cues:     []caption.Cue{{Start: 1010 * time.Millisecond, End: 1030 * time.Millisecond}, {Start: 2 * time.Second, End: 3 * time.Second}},
		Chapters: []caption.Chapter{{Start: 0, End: 3 * time.Second}},
	}
	SnapToFrames(doc.Cues, 25)
	want := []caption.Cue{{Start: 1000 * time.Millisecond, End: 1040 * time.Millisecond}, {Start: 2 * time.Second, End: 3 * time.Second}}
	if d := cmp.Diff(want, doc.Cues); d != "" {
		t.Errorf("SnapToFrames (-want +got):\n%s", d)
	}
	Shift(doc, -1500*time.Millisecond)
	want = []caption.Cue{{Start: 500 * time.Millisecond, End: 1500 * time.Millisecond}}
	if d := cmp.Diff(want, doc.Cues); d != "" {
		t.Errorf("Shift drops cues ending before 0 (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]caption.Chapter{{Start: 0, End: 1500 * time.Millisecond}}, doc.Chapters); d != "" {
		t.Errorf("Shift chapters (-want +got):\n%s", d)
	}
}

func TestPresets(t *testing.T) {
	for _, name := range PresetNames() {
		o, err := Preset(name)
		if err != nil {
			t.Fatal(err)
		}
		o = o.withDefaults()
		if o.MaxChars < 32 || o.MaxLines != 2 || o.MaxCPS < 14 || o.MinDuration > o.MaxDuration {
			t.Errorf("preset %s: implausible limits %+v", name, o)
		}
	}
	if _, err := Preset("hbo"); err == nil {
		t.Error("Preset(hbo) succeeded")
	}
	netflix, _ := Preset("Netflix")
	if d := cmp.Diff(Options{}.withDefaults(), netflix.withDefaults()); d != "" {
		t.Errorf("the zero Options is not the netflix preset (-zero +netflix):\n%s", d)
	}
	netflix.MaxChars = 10
	if again, _ := Preset("netflix"); again.MaxChars != DefaultMaxChars {
		t.Errorf("changing what Preset returned changed the preset: MaxChars %d", again.MaxChars)
	}
	o := Options{FPS: 25}.withDefaults()
	if o.MinGap != 80*time.Millisecond {
		t.Errorf("2 frames at 24 fps rounded up to whole frames at 25 fps = %v, want 80ms", o.MinGap)
	}
}

func TestMakeCuesOnFrames(t *testing.T) {
	doc := &caption.Document{Segments: []caption.Segment{
		{Start: 0, Speaker: "A", Paragraphs: []string{"Hello there. How are you doing today?"}},
		{Start: 3 * time.Second, Speaker: "B", Paragraphs: []string{"Fine, thanks."}},
	}}
	MakeCues(doc, Options{FPS: 25})
	for _, c := range doc.Cues {
		for _, at := range []time.Duration{c.Start, c.End} {
			if at%(40*time.Millisecond) != 0 {
				t.Errorf("time %v is not on a 25 fps frame", at)
			}
		}
	}
	if v := Check(doc.Cues, Options{FPS: 25}); len(v) > 0 {
		t.Errorf("violations: %v", v)
	}
}

// TestRescale checks that a change of frame rate keeps every frame: a
// time on frame n at the old rate lands on frame n at the new one, and
// every kind of time moves.
func TestRescale(t *testing.T) {
	pal, film := 25.0, 24000.0/1001
	doc := &caption.Document{
		Duration: time.Hour,
		Segments: []caption.Segment{{Start: 10 * time.Second, End: 12 * time.Second}},
		Cues:     []caption.Cue{{Start: 10 * time.Second, End: 12 * time.Second}, {Start: time.Hour, End: time.Hour + 2*time.Second}},
		Chapters: []caption.Chapter{{Start: 0, End: time.Hour}},
	}
	got := Rescale(doc, pal, film)
	for _, tc := range []struct {
		name string
		old  time.Duration
		new  time.Duration
	}{
		{"duration", doc.Duration, got.Duration},
		{"segment start", doc.Segments[0].Start, got.Segments[0].Start},
		{"segment end", doc.Segments[0].End, got.Segments[0].End},
		{"cue start", doc.Cues[1].Start, got.Cues[1].Start},
		{"cue end", doc.Cues[1].End, got.Cues[1].End},
		{"chapter end", doc.Chapters[0].End, got.Chapters[0].End},
	} {
		if n, m := Frame(tc.old, pal), Frame(tc.new, film); n != m || FrameTime(m, film) != tc.new {
			t.Errorf("%s: %v (frame %d at 25) became %v (frame %d at 23.976, want %d on the frame)", tc.name, tc.old, n, tc.new, m, n)
		}
	}
	if got.Cues[1].Start != 3753750*time.Millisecond {
		t.Errorf("1 h at 25 fps became %v at 23.976, want 1:02:33.750", got.Cues[1].Start)
	}
	if doc.Cues[1].Start != time.Hour || doc.Segments[0].Start != 10*time.Second {
		t.Error("Rescale modified its input")
	}
	if back := Rescale(got, film, pal); back.Cues[1].Start != time.Hour {
		t.Errorf("there and back: %v, want 1h", back.Cues[1].Start)
	}
}
