package labels

import "testing"

func TestIsNameLike(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Mark Zuckerberg", true},
		{"Dwarkesh Patel", true},
		{"Speaker 1", true},
		{"SPEAKER_00", true},
		{"Ludwig van Beethoven", true},
		{"Mark J. Smith", true},
		{"Émilie Noël", true},
		{"we met at", false},
		{"The meeting is at", false},
		{"Yes.", false},
		{"Okay, so", false},
		{"One Two Three Four Five Six Seven", false},
	}
	for _, tt := range tests {
		if got := IsNameLike(tt.in); got != tt.want {
			t.Errorf("IsNameLike(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
