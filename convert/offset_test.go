package convert

import (
	"errors"
	"testing"
	"time"

	"github.com/capconv/capconv/convert/caption"
)

func TestOffsetBeforeZero(t *testing.T) {
	sec := func(n int) time.Duration { return time.Duration(n) * time.Second }
	doc := func() *caption.Document {
		return &caption.Document{Cues: []caption.Cue{
			{Start: sec(1), End: sec(2), Lines: []caption.Line{{Text: "One."}}},
			{Start: sec(3), End: sec(4), Lines: []caption.Line{{Text: "Two."}}},
		}}
	}
	tests := []struct {
		name      string
		o         Options
		wantErr   error // from Convert, else from Marshal
		wantCues  int
		wantWarns []string
	}{
		{name: "cuts nothing", o: Options{Offset: -time.Second}, wantCues: 2},
		{name: "would cut", o: Options{Offset: -sec(3)}, wantErr: ErrCutBeforeZero},
		{name: "cuts when asked", o: Options{Offset: -sec(3), CutBeforeZero: true}, wantCues: 1,
			wantWarns: []string{"in.srt: offset -3s cut 1 cue ending at or before 0"}},
		{name: "cuts everything", o: Options{Offset: -sec(5), CutBeforeZero: true}, wantErr: ErrNoCues,
			wantWarns: []string{"in.srt: offset -5s cut 2 cues ending at or before 0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var warns []string
			o := tt.o
			o.File = "in.srt"
			o.Warn = func(pos caption.Position, msg string) { warns = append(warns, pos.String()+": "+msg) }
			outs, err := Convert(doc(), []Format{SRT}, o)
			if err == nil {
				_, err = Marshal(outs[0].Doc, SRT, o)
			}
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("error %v, want %v", err, tt.wantErr)
			}
			if err == nil && len(outs[0].Doc.Cues) != tt.wantCues {
				t.Errorf("%d cues, want %d", len(outs[0].Doc.Cues), tt.wantCues)
			}
			if len(warns) != len(tt.wantWarns) || len(warns) > 0 && warns[0] != tt.wantWarns[0] {
				t.Errorf("warnings %q, want %q", warns, tt.wantWarns)
			}
		})
	}
}

// TestMarshalEmpty: a timed format is never written with no cue.
func TestMarshalEmpty(t *testing.T) {
	for _, f := range []Format{SRT, WebVTT, TTML, DFXP, ASS, JSON, Transcript, Chapters} {
		if _, err := Marshal(&caption.Document{}, f, Options{}); !errors.Is(err, ErrNoCues) {
			t.Errorf("Marshal(empty, %s): %v, want ErrNoCues", f, err)
		}
	}
	withChapters := &caption.Document{Chapters: []caption.Chapter{{Title: "Intro", End: time.Second}}}
	if _, err := Marshal(withChapters, Chapters, Options{}); err != nil {
		t.Errorf("Marshal(chapters only, Chapters): %v", err)
	}
}
