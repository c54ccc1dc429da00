package main

import (
	"testing"

	"github.com/capconv/capconv/convert"
)

func TestParseFrom(t *testing.T) {
	tests := []struct {
		in      string
		format  convert.Format
		dialect string
		wantErr bool
	}{
		{in: "srt", format: convert.SRT},
		{in: "txt", format: convert.Transcript},
		{in: "otter", format: convert.Transcript, dialect: "otter"},
		{in: "Markdown-Label", format: convert.Transcript, dialect: "markdown-label"},
		{in: "klingon", wantErr: true},
	}
	for _, tt := range tests {
		f, d, err := parseFrom(tt.in)
		if (err != nil) != tt.wantErr || f != tt.format || d != tt.dialect {
			t.Errorf("parseFrom(%q) = %q, %q, %v; want %q, %q, error %v", tt.in, f, d, err, tt.format, tt.dialect, tt.wantErr)
		}
	}
}
