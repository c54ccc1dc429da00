package suggest

import "testing"

func TestClosest(t *testing.T) {
	names := []string{"convert", "formats", "windows-1251", "shift_jis"}
	tests := []struct {
		in   string
		want int
	}{
		{"convert", 0},
		{"conver", 0},
		{"fromats", 1},
		{"windws-1251", 2},
		{"shiftjis", 3},
		{"x", -1},
		{"totally-different", -1},
	}
	for _, tt := range tests {
		if got := Closest(tt.in, names); got != tt.want {
			t.Errorf("Closest(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
	if d := Distance("kitten", "sitting"); d != 3 {
		t.Errorf("Distance(kitten, sitting) = %d, want 3", d)
	}
}
