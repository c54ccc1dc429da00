package stl

import "github.com/capconv/capconv/convert/caption"

// A subtitle whose text does not fit in one TTI block's 112 bytes goes on
// in extension blocks: the same subtitle number, extension block numbers
// 0, 1, … and 0xFF on the last. astisub reads each block as a subtitle of
// its own; joinExtensions puts them back together.

// ttiHeader is what joinExtensions needs of a TTI block.
type ttiHeader struct {
	sn        uint16
	ebn       byte
	rowsWhole bool // the text ends at a row's end (0x8A) or is padded after it
}

// ttiHeaders reads the header of every TTI block of data that astisub
// makes an item of (it skips user data, extension block number 0xFE).
func ttiHeaders(data []byte) []ttiHeader {
	var out []ttiHeader
	for off := gsiSize; off+ttiSize <= len(data); off += ttiSize {
		b := data[off : off+ttiSize]
		if b[3] == 0xFE {
			continue
		}
		tf := b[16:]
		end := len(tf)
		for end > 0 && tf[end-1] == codeUnused {
			end--
		}
		out = append(out, ttiHeader{sn: uint16(b[1]) | uint16(b[2])<<8, ebn: b[3], rowsWhole: end < len(tf) || end > 0 && tf[end-1] == codeNewline})
	}
	return out
}

// joinExtensions returns cues with each subtitle's extension blocks,
// read by astisub as cues of their own, joined to it: their rows follow
// its rows, and a row cut at the end of a full block goes on in the next
// one. cues and the blocks of data must be in the same order, one cue
// per block, as astisub reads them; when they are not, cues is returned
// as it is.
func joinExtensions(cues []caption.Cue, data []byte) []caption.Cue {
	hs := ttiHeaders(data)
	if len(hs) != len(cues) {
		return cues
	}
	out := cues[:0:0]
	for i := 0; i < len(cues); i++ {
		c := cues[i]
		c.Lines = append([]caption.Line(nil), c.Lines...)
		for i+1 < len(cues) && hs[i].ebn != 0xFF && hs[i+1].sn == hs[i].sn {
			next := cues[i+1].Lines
			if !hs[i].rowsWhole && len(c.Lines) > 0 && len(next) > 0 {
				last := &c.Lines[len(c.Lines)-1]
				*last = caption.StyledLine(last.Speaker, append(last.Runs(), next[0].Runs()...))
				next = next[1:]
			}
			c.Lines = append(c.Lines, next...)
			i++
		}
		out = append(out, c)
	}
	return out
}
