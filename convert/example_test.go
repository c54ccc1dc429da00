package convert_test

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/capconv/capconv/convert"
)

// A transcript knows when each turn starts; Convert times its segments
// into cues, and Write renders them.
func Example_transcriptToWebVTT() {
	transcript := `Ann Lee 0:00:01
Welcome back to the show. Today we talk about captions.

Bob Stone 0:00:06
Thanks for having me.
`
	opts := convert.Options{}
	doc, err := convert.Read(strings.NewReader(transcript), convert.Transcript, opts)
	if err != nil {
		fmt.Println(err)
		return
	}
	outs, err := convert.Convert(doc, []convert.Format{convert.WebVTT}, opts)
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := convert.Write(os.Stdout, outs[0].Doc, outs[0].Format, opts); err != nil {
		fmt.Println(err)
	}
	// Output:
	// WEBVTT
	//
	// 00:00:01.400 --> 00:00:06.317
	// <v Ann Lee>Ann Lee: Welcome back to the show.
	// Today we talk about captions.</v>
	//
	// 00:00:06.400 --> 00:00:09.200
	// <v Bob Stone>Bob Stone: Thanks for having me.</v>
}

// A client's SRT with broadcast labels becomes TTML with one agent per
// speaker, renamed on the way.
func Example_srtToTTMLWithRenamedSpeakers() {
	srt := `1
00:00:01,000 --> 00:00:02,500
SPEAKER_00: Hello.

2
00:00:02,500 --> 00:00:04,000
SPEAKER_01: Hi there.

3
00:00:04,000 --> 00:00:05,000
SPEAKER_00: Shall we start?
`
	names, err := convert.ReadSpeakerMap(strings.NewReader("from,to\nSPEAKER_00,Ann Lee\nSPEAKER_01,Bob Stone\n"), "names.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	opts := convert.Options{Speakers: names}
	doc, err := convert.Read(strings.NewReader(srt), convert.SRT, opts)
	if err != nil {
		fmt.Println(err)
		return
	}
	outs, err := convert.Convert(doc, []convert.Format{convert.TTML}, opts)
	if err != nil {
		fmt.Println(err)
		return
	}
	out, err := convert.Marshal(outs[0].Doc, convert.TTML, opts)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, line := range strings.Split(string(out), "\n") {
		if strings.Contains(line, "ttm:name") || strings.Contains(line, "<p ") {
			fmt.Println(strings.TrimSpace(line))
		}
	}
	// Output:
	// <ttm:name type="full">Ann Lee</ttm:name>
	// <ttm:name type="full">Bob Stone</ttm:name>
	// <p xml:id="c1" begin="00:00:01.000" end="00:00:02.500" ttm:agent="speaker1"><span style="line">ANN LEE: Hello.</span></p>
	// <p xml:id="c2" begin="00:00:02.500" end="00:00:04.000" ttm:agent="speaker2"><span style="line">BOB STONE: Hi there.</span></p>
	// <p xml:id="c3" begin="00:00:04.000" end="00:00:05.000" ttm:agent="speaker1"><span style="line">ANN LEE: Shall we start?</span></p>
}

// A file of unknown format: Read with no format detects it from the
// content, and Convert prepares it for every format capconv writes.
func Example_unknownFormatToEveryFormat() {
	data := "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Ann>Hello, who is there?</v>\n"
	opts := convert.Options{File: "mystery.dat"}
	doc, err := convert.Read(strings.NewReader(data), "", opts)
	if err != nil {
		fmt.Println(err)
		return
	}
	var to []convert.Format
	for _, f := range convert.WritableFormats() {
		if f != convert.Chapters { // the document has no chapters
			to = append(to, f)
		}
	}
	outs, err := convert.Convert(doc, to, opts)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, out := range outs {
		b, err := convert.Marshal(out.Doc, out.Format, opts)
		if err != nil {
			fmt.Println(err)
			return
		}
		first, _, _ := strings.Cut(string(b), "\n")
		if out.Format == convert.STL {
			first = first[:11] // a binary header: its code page and format
		}
		back, err := convert.Read(bytes.NewReader(b), out.Format, opts)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("mystery%-6s speaker kept: %-5v first line: %s\n", out.Format.Ext(), slices.Contains(back.Speakers(), "Ann"), first)
	}
	// Output:
	// mystery.ass   speaker kept: true  first line: [Script Info]
	// mystery.dfxp  speaker kept: true  first line: <?xml version="1.0" encoding="UTF-8"?>
	// mystery.itt   speaker kept: true  first line: <?xml version="1.0" encoding="UTF-8"?>
	// mystery.json  speaker kept: true  first line: {
	// mystery.scc   speaker kept: true  first line: Scenarist_SCC V1.0
	// mystery.srt   speaker kept: true  first line: 1
	// mystery.stl   speaker kept: true  first line: 850STL25.01
	// mystery.ttml  speaker kept: true  first line: <?xml version="1.0" encoding="UTF-8"?>
	// mystery.txt   speaker kept: true  first line: Ann 0:00:01
	// mystery.vtt   speaker kept: true  first line: WEBVTT
}
