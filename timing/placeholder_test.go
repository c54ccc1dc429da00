package timing

import "testing"

func TestPlaceholderSpeaker(t *testing.T) {
	for _, tt := range []struct {
		name string
		want bool
	}{
		{"Speaker 1", true},
		{"Speaker B", true},
		{"SPEAKER_00", true},
		{"speaker-2", true},
		{"Spk 3", true},
		{"Unknown Speaker", true},
		{"Unknown", true},
		{"Speaker", true},
		{"Sprecher 2", true},
		{"Locuteur 1", true},
		{"Hablante 3", true},
		{"话者1", true},
		{"发言人 2", true},
		{"화자 1", true},
		{"Speaker ٣", true},
		{"", false},
		{"Mark Zuckerberg", false},
		{"Speaker Pelosi", false},
		{"Speaker of the House", false},
		{"Speakerman", false},
		{"Voice of God", false},
		{"Unknowns", false},
		{"Dr. Speaker", false},
		{"幸田", false},
		{"Speaker É", false},
	} {
		if got := placeholderSpeaker(tt.name); got != tt.want {
			t.Errorf("placeholderSpeaker(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}
