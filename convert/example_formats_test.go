package convert_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/capconv/capconv/convert"
)

// Read turns broadcast labels back into speakers, and Write carries them
// into WebVTT voices.
func ExampleRead_labels() {
	srt := `1
00:00:01,000 --> 00:00:02,000
ANN: Hello.

2
00:00:02,000 --> 00:00:03,000
BOB: Hi.

3
00:00:03,000 --> 00:00:04,000
Still me.
ANN:
How are you?
`
	doc, err := convert.Read(strings.NewReader(srt), convert.SRT, convert.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := convert.Write(os.Stdout, doc, convert.WebVTT, convert.Options{}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// WEBVTT
	//
	// 00:00:01.000 --> 00:00:02.000
	// <v ANN>ANN: Hello.</v>
	//
	// 00:00:02.000 --> 00:00:03.000
	// <v BOB>BOB: Hi.</v>
	//
	// 00:00:03.000 --> 00:00:04.000
	// <v BOB>- BOB: Still me.</v>
	// <v ANN>- ANN: How are you?</v>
}

// Detect tells a format from content, whatever the file is called.
func ExampleDetect() {
	fmt.Println(convert.Detect([]byte("WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n"), convert.SRT))
	fmt.Println(convert.Detect([]byte("1\n00:00:01,000 --> 00:00:02,000\nHi\n"), convert.Transcript))
	fmt.Println(convert.Detect([]byte("Ann Lee 0:00:01\n\nHi\n"), convert.Transcript))
	// Output:
	// vtt
	// srt
	// txt
}
