package timing

import (
	"math"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/capconv/capconv/convert/caption"
)

// model holds the few global parameters of the timing model. The default
// is the model that does best on all the accuracy harness's files
// among those BenchmarkAccuracyCrossValidate chooses from, leave one file
// out (crossval_test.go); docs/timing.md gives its figures, held out and
// not.
type model struct {
	// startLag is how long after its printed start a turn's speech
	// begins: transcript tools truncate times to the second, so speech
	// starts up to a second later (0.4 s measured best over the
	// harness's files: a cue shown early is read, one shown late is
	// missed).
	startLag time.Duration
	// sentencePause and clausePause are the time a sentence end and a
	// clause end (comma, colon, dash) cost, in characters of speech.
	sentencePause, clausePause float64
	// rateQuantile picks the speaker's rate among their turns' rates
	// (weighted by text): windows that hold pauses make a turn look slow,
	// so a quantile above the median measures speech, not silence.
	rateQuantile float64
	// slack is how much longer than its words need at the speaker's rate
	// a turn may stretch before the rest of its window is taken to hold
	// silence, music or untranscribed speech.
	slack float64
	// gapRatio: a window up to gapRatio times what its words need is all
	// speech (a slow turn); a longer one holds silence after the speech,
	// which then takes slack times what it needs.
	gapRatio float64
	// minRate is the slowest a speaker is taken to speak, in units
	// (characters plus pauses) per second: conversation runs at 150 words
	// a minute and more, about 15 characters a second, so a speaker
	// measured slower than that has silence in every window (NOVA's
	// narrators between shots, a drama's speakers between lines), and
	// their windows are judged against what their words need at speaking
	// pace.
	minRate float64
	// silentShare: in a window of a speaker measured slower than
	// m.minRate, the share of the time beyond what the words need at that
	// pace which is silence after the speech (NOVA's narration stops
	// before the next shot's speaker, a median 3.3 s before the next
	// start); the rest slows the speech down. Fast speakers' spare time is
	// mostly slow speech: Lex Fridman loses up to 7 points within ±0.5 s
	// when all of theirs is taken as silence too (a little is: see
	// turnSilence).
	silentShare float64
	// endWeight shares the silence a slow speaker's window holds (see
	// silentShare) among the turn's sentence ends: each sentence end
	// inside the turn takes one part and its last word endWeight parts, so
	// a turn of many short sentences (a film's dialogue, a stretch of lines
	// of several actors) pauses between them, and one of a sentence or two
	// falls silent after them (narration before the next shot). 0 leaves it
	// all after the last word.
	endWeight float64
	// unnamedOnly: endWeight shares the silence among the sentences only
	// of a turn that names no speaker (a film's dialogue, several voices
	// transcribed as one paragraph), or only a diarizer's placeholder for
	// one ("Speaker B": see placeholderSpeaker); a named speaker falls
	// silent after their turn.
	unnamedOnly bool
	// lastToEnd: the last turn's window runs to the end of the media when
	// that is known (--duration), and the window rule applies to it as to
	// any other, instead of the turn running at its speaker's rate.
	lastToEnd bool
	// turnGap is how long before the next turn's speech a turn's speech
	// stops: speakers take turns with a pause between them (on a call,
	// the time to unmute), and the next turn's printed start, truncated,
	// comes before its speech. 0.25 s does best on the harness's files
	// (cross-validation's last line), beside the time startLag already
	// leaves between the printed start and the speech. Where the file's
	// fitted silence is known, the pause is at most turnSilence of it: on
	// Lex Fridman, whose turns hold 0.02 s of silence each, a fixed 0.25 s
	// put the words at the end of its turns 0.34 s early, and 87.2% of
	// them within ±0.5 s against 87.3% now (Zoom, with 1.5 s, keeps its
	// pause).
	turnGap time.Duration
	// fitSilence caps the silence a slow speaker's window holds (see
	// silentShare) at the file's silence per turn: fitted over its turns
	// as window = a·need + b, b is the time a turn's window holds beyond
	// what its words take, whatever their length. A meeting or a live
	// caption's speakers talk until the next turn (b about a second, so
	// slow speakers are slow speech), NOVA's narration stops before the
	// next shot (b of 6 s).
	fitSilence bool
	// paragraphSilence is the silence a turn followed by another of the
	// same speaker ends with, when its window has that much to spare: a
	// transcript starts a new paragraph, with a timestamp of its own, for
	// one speaker only where they fell silent (a silence of more than 8 s
	// in the harness's transcripts, as in the tools'). 0 leaves such a
	// turn to the other rules.
	paragraphSilence time.Duration
	// turnSilence is the share of the file's silence per turn (see
	// fitSilence; the whole of it for a slow speaker) that a window of a
	// speaker at speaking pace holds beyond their words, when it has that
	// much to spare: speakers at pace pause too, between sentences and
	// before the next turn (on a call, to unmute), though most of their
	// spare time is slower speech. 0 leaves their windows all speech.
	turnSilence float64
	// linger is how long past its speech a cue timed from the text alone
	// may stay on screen, into the silence after it: Netflix lets a
	// caption's end run up to 12 frames (0.5 s) past the speech, and
	// where the speech ends is only guessed from the text, so a second
	// keeps the words up while they may still be said, and read. Timed to
	// the audio, a cue lingers at most maxShare.
	linger time.Duration
	// syllableShare is how much of a word's share of its turn's time
	// follows its syllables rather than its letters ("through" is one
	// syllable in seven letters, "idea" three in four): the time a word
	// takes to say tracks its syllables, but they are only guessed from
	// the spelling. Scripts whose characters are syllables already weigh
	// by them.
	syllableShare float64
}

// defaultModel is the model that does best on all the accuracy harness's
// files (BenchmarkAccuracyCrossValidate's last line, over the values its
// grid tries; the parameters it does not vary were tuned on four of the
// files, docs/timing.md).
var defaultModel = model{
	startLag:         400 * time.Millisecond,
	sentencePause:    6,
	clausePause:      2,
	rateQuantile:     0.8,
	slack:            1.15,
	gapRatio:         2,
	minRate:          15,
	silentShare:      0.5,
	endWeight:        1,
	unnamedOnly:      true,
	lastToEnd:        true,
	turnGap:          250 * time.Millisecond,
	fitSilence:       true,
	paragraphSilence: 8 * time.Second,
	turnSilence:      0.25,
	linger:           time.Second,
	syllableShare:    0,
}

// minRateSample is the shortest window a turn's rate is measured on: a
// window of a second or two is mostly truncation error.
const minRateSample = 2 * time.Second

// minRateTime is how much measured speech a speaker needs before their own
// rate is trusted over the file's.
const minRateTime = 10 * time.Second

// MakeCues replaces doc.Cues with cues made from doc.Segments and sets the
// end of the last chapter. Each turn's speech is taken to start 0.4 s
// after its printed (truncated) start and to run at its speaker's rate,
// measured on the file, with pauses at sentence and clause ends, until
// a quarter second before the next turn's speech; a turn whose window is
// much longer than its words need is followed by silence, so its cues
// follow the speech, not the window, and a slow speaker's spare time
// (a little of a speaker's at pace) is silence shared among the turn's
// sentence ends and its end. The last
// turn's window runs to o.MediaDuration (doc.Duration) when that is
// known, else it runs at its speaker's rate. The turn is cut
// into cues (sentences first, then clauses, then words), each timed by
// its share of the speech (its letters and, in part, its syllables),
// then made readable: long enough for the reading speed and minimum
// duration (borrowing from the gap that follows, then from the one
// before), no longer than the maximum, up to a second past its speech
// into the silence after it, gaps of at least o.MinGap and small gaps
// chained. Turns crowded into less than the
// minimum duration (printed in the same second) take time from the
// silence after them: the cues after a crowded one move later. With o.FPS
// set, times are snapped to frames. A zero o.MaxChars or o.MaxCPS takes
// the Netflix limit of doc.Language (see Options.ForLanguage).
//
// A segment that states its end (caption.Segment.End) is timed inside
// its range: its speech starts at Start, the same window rule applies up
// to End instead of the next start, and no cue ends after End, even where
// the range is too short to read its text (Check reports those cues). An
// End past the next later start is clamped to it.
func MakeCues(doc *caption.Document, o Options) {
	makeCues(doc, o, defaultModel)
}

func makeCues(doc *caption.Document, o Options, m model) {
	newTurns(doc, o, m).MakeCues(doc, nil)
}

// Turns are a transcript's segments made ready to be cut into cues: split
// into words, each given its time window from its speaker's measured
// rate. That is most of MakeCues's work and does not depend on how
// speaker labels are drawn, so a caller that writes one transcript in
// several formats prepares the Turns once (NewTurns) and cuts cues for
// each label width from them (Turns.MakeCues): SRT reserves room on the
// line for its text labels, WebVTT and TTML do not.
type Turns struct {
	segs []caption.Segment
	// words holds each segment's words when the text is small enough
	// (see keepWords); otherwise they are split again from each segment
	// when cues are cut, as held for every segment they would take five
	// times the text.
	words   [][]word
	units   []float64 // each segment's units (see units)
	windows []window
	heard   []TurnHearing // what the audio said of each turn, when o.Speech is set
	rules   breakRules    // the line-treatment rules of the text's language (wordRules)
	o       Options
	m       model
}

// NewTurns prepares doc's segments for Turns.MakeCues under o, for
// callers that cut cues from them more than once; MakeCues(doc, o) is
// NewTurns(doc, o).MakeCues(doc, nil). doc must not change until the last
// call of MakeCues.
func NewTurns(doc *caption.Document, o Options) *Turns {
	return newTurns(doc, o, defaultModel)
}

func newTurns(doc *caption.Document, o Options, m model) *Turns {
	o = o.ForLanguage(doc.Language).withDefaults()
	if o.MediaDuration == 0 {
		o.MediaDuration = doc.Duration
	}
	segs := doc.Segments
	if o.Speech != nil {
		if o.MediaDuration == 0 {
			o.MediaDuration = o.Speech.Duration
		}
		if slices.ContainsFunc(segs, func(s caption.Segment) bool { return s.ExactStart }) {
			segs = resync(segs, o.Speech) // a caption file re-timed: its times may have drifted
		}
	}
	rules := wordRules(o.Language, doc.Segments)
	var words [][]word
	var us []float64
	if textSize(doc.Segments) <= keepWords {
		words = segmentWords(doc.Segments)
		for _, ws := range words {
			rules.classify(ws)
		}
		us = segmentUnits(words, m)
	} else {
		us = unitsOfSegments(doc.Segments, m)
	}
	t := &Turns{
		segs:    segs,
		words:   words,
		units:   us,
		windows: timeWindows(segs, us, o, m),
		rules:   rules,
		o:       o,
		m:       m,
	}
	if o.Speech != nil {
		t.heard = hear(t.segs, t.windows, o.Speech, m)
	}
	return t
}

// Hearings returns what the audio said of each turn, in the order of the
// document's segments, or nil when Options.Speech was not set.
func (t *Turns) Hearings() []TurnHearing { return t.heard }

// MakeCues does what the package's MakeCues does to doc, a document that
// holds the segments t was made from. labelWidth, when not nil, gives the
// characters a speaker label takes at the start of the first cue of each
// turn, for a format that carries speakers as text (SRT), so that line
// limits count the label. t is only read: calls may run concurrently,
// each on its own doc.
func (t *Turns) MakeCues(doc *caption.Document, labelWidth func(speaker string) int) {
	o, m := t.o, t.m
	// Room for the cues up front (they are seldom less than 60% full):
	// grown by doubling, a long transcript's would hold up to twice what
	// it needs, and both copies while it grows.
	n := len(t.segs) + textSize(t.segs)/max(o.MaxChars*o.MaxLines*6/10, 1)
	doc.Cues = slices.Grow(doc.Cues[:0], n)
	floors := make([]time.Duration, 0, n)   // each cue's segment start: no cue shows before its words are printed to start
	ceilings := make([]time.Duration, 0, n) // each cue's stated end (noLimit when unknown): no cue shows after it
	movable := make([]bool, 0, n)           // each cue's start is the model's guess, which a crowded cue before it may push later
	crowded := make([]bool, 0, n)           // each cue's turn has less time than o.MinDuration before the next turn
	fixed := make([]bool, 0, n)             // each cue's turn states its range or its exact start
	var timed []bool                        // each cue's turn is timed to the audio (with o.Speech)
	var buf turnBuffers
	var tail paragraphTail // the last cue of the paragraph before, when it breaks off mid-sentence
	var spareWords []word
	prevSpeaker := "\x00"
	var ws []word
	for i, s := range t.segs {
		lim := chunkLimits{maxChars: o.MaxChars, maxLines: o.MaxLines, maxCPS: o.MaxCPS, minDuration: o.MinDuration, minGap: o.MinGap}
		sp := t.windows[i].speech(m)
		lim.maxWidth = max(o.MaxChars, int(o.MaxDuration.Seconds()*t.windows[i].cps))
		if labelWidth != nil && s.Speaker != prevSpeaker {
			lim.reserve = labelWidth(s.Speaker)
		}
		n := len(doc.Cues)
		switch {
		case t.words != nil:
			if len(t.words[i]) > 0 {
				doc.Cues = buf.cutTurnOf(doc.Cues, t.words[i], onlyParagraph(s), s.Speaker, sp, lim, m)
			}
		case long(s):
			doc.Cues = t.cutLongTurn(doc.Cues, &buf, ws, s, t.units[i], sp, lim)
		default:
			if ws = appendSegmentWords(ws[:0], s); len(ws) > 0 {
				t.rules.classify(ws)
				doc.Cues = buf.cutTurnOf(doc.Cues, ws, onlyParagraph(s), s.Speaker, sp, lim, m)
			}
		}
		if len(doc.Cues) == n {
			continue // no words
		}
		prevSpeaker = s.Speaker
		// The paragraph's last chunk is copied before joinParagraphs cuts
		// again: the chunker's buffers and ws are reused. The two word
		// buffers take turns, the tail before in one, this one in the other.
		var last []word
		if t.heard == nil {
			last = append(spareWords[:0], buf.chunks[len(buf.chunks)-1]...)
			spareWords = tail.words
		}
		inTail := 0
		w := t.windows[i]
		if tail.ok && s.Speaker == tail.speaker && !long(s) && w.guessed() {
			one := len(doc.Cues)-n == 1
			// The tail is the last cue before this paragraph's, cues[n-1].
			doc.Cues, inTail = buf.joinParagraphs(doc.Cues, n-1, tail, buf.chunks[0], o, m)
			for range inTail - 1 {
				floors = append(floors, floors[n-1])
				ceilings = append(ceilings, ceilings[n-1])
				movable = append(movable, movable[n-1])
				crowded = append(crowded, crowded[n-1])
				fixed = append(fixed, fixed[n-1])
			}
			if one && inTail > 0 {
				last = nil // the paragraph's one cue is now part of another
			}
		}
		tail = paragraphTail{ok: last != nil && continues(last, w), words: last, lim: lim, speaker: s.Speaker}
		if len(doc.Cues)-n == 1 && inTail == 0 {
			tail.reserve = lim.reserve
		}
		ceiling := noLimit
		if t.windows[i].known {
			ceiling = t.windows[i].end
		}
		for len(floors) < len(doc.Cues) {
			floors = append(floors, t.windows[i].start)
			ceilings = append(ceilings, ceiling)
			// A turn timed to the audio is where its speech is: it neither
			// moves nor makes room.
			heard := t.windows[i].clock != nil
			movable = append(movable, !t.windows[i].known && !t.windows[i].exact && !heard)
			crowded = append(crowded, t.windows[i].end-t.windows[i].start < o.MinDuration && !heard)
			fixed = append(fixed, t.windows[i].known || t.windows[i].exact)
			if t.heard != nil {
				timed = append(timed, heard)
			}
		}
	}
	if t.heard != nil {
		inOrder(doc.Cues)
	}
	makeReadable(doc.Cues, floors, ceilings, timed, m.linger, o)
	makeRoom(doc.Cues, crowded, movable, ceilings, o)
	borrowInTurn(doc.Cues, floors, movable, o)
	if timed != nil {
		shareTime(doc.Cues, timed, o)
	}
	doc.Cues = joinDialogue(doc.Cues, fixed, o, labelWidth)
	if o.FPS > 0 {
		SnapToFrames(doc.Cues, o.FPS)
	}
	if n := len(doc.Chapters); n > 0 && doc.Chapters[n-1].End == 0 {
		end := o.MediaDuration
		if k := len(doc.Cues); k > 0 && doc.Cues[k-1].End > end {
			end = doc.Cues[k-1].End
		}
		if end > doc.Chapters[n-1].Start {
			// A last chapter that starts after the last cue has no end
			// to give: it stays unknown rather than end before it starts.
			doc.Chapters[n-1].End = end
		}
	}
}

// cutLongTurn is cutTurn of a turn longer than pieceBytes, a piece at a
// time (see turnPieces), each piece given its share of the speech window
// w by units (total: the turn's, as unitsOfSegments counts them); the
// label's room is kept in the first piece's first cue.
func (t *Turns) cutLongTurn(cues []caption.Cue, buf *turnBuffers, ws []word, s caption.Segment, total float64, w window, lim chunkLimits) []caption.Cue {
	span := float64(w.end - w.start)
	done := 0.0
	from, clockFrom := w.start, w.clockFrom
	turnPieces(s, func(text string) {
		ws = appendWords(ws[:0], text)
		if len(ws) == 0 {
			return
		}
		t.rules.classify(ws)
		done += units(ws, t.m) + 1 // and the space after it
		piece := w
		piece.start, piece.pause = from, 0 // a piece's pauses slow its speech instead
		if done < total {
			piece.end = w.start + time.Duration(span*done/total)
		}
		if w.clock != nil {
			piece.clockFrom = clockFrom
			if done < total {
				piece.clockTo = w.clockFrom + time.Duration(float64(w.clockTo-w.clockFrom)*done/total)
			}
			clockFrom = piece.clockTo
		}
		cues = buf.cutTurnOf(cues, ws, text, s.Speaker, piece, lim, t.m)
		lim.reserve = 0
		from = piece.end
	})
	return cues
}

// MakeCuesWithin is MakeCues for a format whose screen holds at most
// maxChars characters a line and maxLines lines (0: no limit of its own),
// when that is less than the options allow: SCC's 32 columns, EBU STL's
// 40. The turns' windows and rates stay those measured under t's options.
func (t *Turns) MakeCuesWithin(doc *caption.Document, labelWidth func(speaker string) int, maxChars, maxLines int) {
	within := *t
	if maxChars > 0 {
		within.o.MaxChars = min(within.o.MaxChars, maxChars)
	}
	if maxLines > 0 {
		within.o.MaxLines = min(within.o.MaxLines, maxLines)
	}
	within.MakeCues(doc, labelWidth)
}

// turnBuffers are the scratch space makeCues reuses from one turn to the
// next.
type turnBuffers struct {
	chunker
	heard       heardWords
	lineBreaker lineBreaker
	lines       []caption.Line // the turn's lines, cue after cue
	lineCounts  []int          // how many of them each cue has
	shares      []float64      // each cue's weight in the turn's speech (chunkShares)
	spelled     [][2]int       // each cue's characters and syllables (chunkShares)
	joined      []word         // the words joinParagraphs cuts again
}

// segmentWords splits every segment's text into words, all in one array.
func segmentWords(segs []caption.Segment) [][]word {
	n := 0
	for _, s := range segs {
		for _, p := range s.Paragraphs {
			n += countWords(p)
		}
	}
	all := make([]word, 0, n)
	ends := make([]int, len(segs))
	for i, s := range segs {
		all = appendParagraphs(all, s)
		ends[i] = len(all)
	}
	out := make([][]word, len(segs))
	start := 0
	for i, end := range ends {
		out[i] = all[start:end:end]
		start = end
	}
	return out
}

// appendSegmentWords appends the words of s's text to ws, grown once to
// hold them (doubling would leave a turn of millions of words with
// twice the room it needs).
func appendSegmentWords(ws []word, s caption.Segment) []word {
	n := 0
	for _, p := range s.Paragraphs {
		n += countWords(p)
	}
	return appendParagraphs(slices.Grow(ws, n), s)
}

// appendParagraphs appends the words of s's paragraphs to ws, as s.Text()
// joins them but without a space between paragraphs of a script written
// without spaces (Chinese, Japanese).
func appendParagraphs(ws []word, s caption.Segment) []word {
	start := len(ws)
	for _, p := range s.Paragraphs {
		k := len(ws)
		ws = appendWords(ws, p)
		if k > start && k < len(ws) {
			glueAcross(ws, k)
		}
	}
	return ws
}

// unitsOfSegments is segmentUnits(segmentWords(segs), m), one segment's
// words at a time, and a long one's a piece at a time (see turnPieces).
func unitsOfSegments(segs []caption.Segment, m model) []float64 {
	us := make([]float64, len(segs))
	var ws []word
	for i, s := range segs {
		if !long(s) {
			ws = appendSegmentWords(ws[:0], s)
			us[i] = units(ws, m)
			continue
		}
		pieces := 0
		turnPieces(s, func(text string) {
			ws = appendWords(ws[:0], text)
			if len(ws) > 0 {
				us[i] += units(ws, m)
				pieces++
			}
		})
		us[i] += float64(max(pieces-1, 0)) // the spaces between pieces
	}
	return us
}

// keepWords is the most text whose words Turns keeps for every segment,
// split once for all the formats cut from it: about 40 MB of words, and
// what a transcript of a few hours takes a fraction of.
const keepWords = 8 << 20

// textSize returns the bytes of segs' paragraphs.
func textSize(segs []caption.Segment) int {
	n := 0
	for _, s := range segs {
		for _, p := range s.Paragraphs {
			n += len(p) + 1
		}
	}
	return n
}

// pieceBytes is the most text of a turn cut into cues at once. A turn
// longer than that (a transcript of one paragraph, a whole lecture
// without a speaker change) is cut a piece at a time, each piece its
// share of the turn's time by units: its words held at once would take
// four times its text, and the chunker's tables as much again. A piece
// is still thousands of sentences: the cut at its end is one of them.
const pieceBytes = 256 << 10

// long reports whether s's text is longer than pieceBytes.
func long(s caption.Segment) bool {
	n := 0
	for _, p := range s.Paragraphs {
		if n += len(p) + 1; n > pieceBytes {
			return true
		}
	}
	return false
}

// turnPieces calls yield with s's text in pieces of about pieceBytes:
// each paragraph whole when it is shorter, else cut at the first
// sentence end after pieceBytes (at a space when none comes within
// 64 KiB, mid-word only in text without spaces, after 。！？ where it has
// them). The pieces' words are
// the words of s's text, in order.
func turnPieces(s caption.Segment, yield func(text string)) {
	for _, p := range s.Paragraphs {
		for len(p) > pieceBytes {
			cut := pieceCut(p)
			yield(p[:cut])
			p = p[cut:]
		}
		yield(p)
	}
}

// pieceCut returns where to cut p, longer than pieceBytes: see turnPieces.
func pieceCut(p string) int {
	const reach = 64 << 10
	firstSpace := -1
	for i := pieceBytes; i < min(len(p), pieceBytes+reach); {
		sp, size := spaceAt(p, i)
		if sp {
			if firstSpace < 0 {
				firstSpace = i
			}
			before := p[:i]
			word := before[strings.LastIndexFunc(before, unicode.IsSpace)+1:]
			if sentenceEnd(word, lastRune(word)) {
				return i
			}
		} else if cut := i + size; size > 1 && cut < len(p) && cjkSentenceEnd(p[i:cut]) && startsUnspaced(p[cut:]) {
			return cut // text without spaces: after a sentence end that no closing mark follows
		}
		i += size
	}
	if firstSpace >= 0 {
		return firstSpace
	}
	if i := strings.IndexFunc(p[pieceBytes:], unicode.IsSpace); i >= 0 {
		return pieceBytes + i
	}
	cut := pieceBytes
	for cut < len(p) && !utf8.RuneStart(p[cut]) {
		cut++
	}
	return cut
}

// cjkSentenceEnd reports whether r, one character, ends a sentence in
// a script written without spaces.
func cjkSentenceEnd(r string) bool { return r == "。" || r == "！" || r == "？" }

// startsUnspaced reports whether text starts with a character of a
// script written without spaces (a letter: no closing mark).
func startsUnspaced(text string) bool {
	r, _ := utf8.DecodeRuneInString(text)
	return unspaced(r)
}

// segmentUnits returns the units of each segment's words.
func segmentUnits(words [][]word, m model) []float64 {
	us := make([]float64, len(words))
	for i, ws := range words {
		us[i] = units(ws, m)
	}
	return us
}

// window is the stretch of time a segment may use.
type window struct {
	start, end time.Duration
	cps        float64 // the speaker's measured rate, characters per second
	need       time.Duration
	slow       bool // the speaker was measured slower than m.minRate: their windows hold silence
	// known: the segment states its end, so end is a hard limit and start
	// is where the speech starts, not a truncated time.
	known bool
	// exact: the segment's start is where its speech starts (a caption
	// file's cue), not a truncated time.
	exact bool
	// early: a later turn states its range, and its exact start comes
	// before this turn's speech would end (or start) m.startLag late. The
	// speech starts lag after start instead, and ends by limit.
	early      bool
	lag, limit time.Duration
	// clock, when not nil, is the speech the audio holds for the turn:
	// its cues are timed to the part of it from clockFrom to clockTo (a
	// turn that shares its start with others shares their speech).
	clock              *speechClock
	clockFrom, clockTo time.Duration
	// next: the window ends where the next turn starts; toEnd: where the
	// media ends.
	next, toEnd bool
	// pause is the part of the speech window (see speech) that is silence
	// between the turn's sentences, not speech.
	pause time.Duration
	// silence, when fitted, is the most silence a slow speaker's window
	// holds (see model.fitSilence).
	silence       time.Duration
	silenceFitted bool
	// sameNext: the next turn is the same (named) speaker's.
	sameNext bool
	// unnamed: the turn names no speaker, or only a placeholder for one
	// (placeholderSpeaker).
	unnamed bool
}

// noLimit is the ceiling of a cue whose segment states no end.
const noLimit = time.Duration(math.MaxInt64)

// speech returns the part of w the speech takes: from startLag after the
// printed start, for as long as the words need (with slack), never past
// the window shifted by the same lag (the next turn's speech starts late
// too). A slow speaker's speech leaves m.silentShare of the window's
// spare time silent: with m.endWeight, the returned window still holds it
// (w.pause), for cutTurnOf to share among the turn's sentences and its
// end; without, it follows the speech. In a stated range (w.known) the same rules
// apply from the range's start, without the lag, and never past its end;
// a turn before one (w.early) keeps its speech before the range's.
func (w window) speech(m model) window {
	avail := w.end - w.start
	if m.paragraphSilence > 0 && w.sameNext && avail-w.need > m.paragraphSilence {
		avail -= m.paragraphSilence // the silence that made the next paragraph
	}
	var between time.Duration // silence that falls between the turn's sentences (see cutTurnOf)
	if float64(avail) > float64(w.need)*m.gapRatio {
		avail = min(avail, time.Duration(float64(w.need)*m.slack))
	} else if w.slow && avail > w.need {
		silent := time.Duration(m.silentShare * float64(avail-w.need))
		if m.fitSilence && w.silenceFitted {
			silent = min(silent, w.silence)
		}
		avail -= silent
		if m.sharesSilence(w) {
			between = silent
		}
	} else if m.turnSilence > 0 && w.silenceFitted && avail > w.need {
		silent := min(time.Duration(m.turnSilence*float64(w.silence)), avail-w.need)
		avail -= silent
		if m.sharesSilence(w) {
			between = silent
		}
	}
	lag, limit := m.startLag, noLimit
	switch {
	case w.known:
		lag, limit = 0, w.end
	case w.exact:
		lag = 0
	case w.early:
		lag, limit = w.lag, w.limit
	case w.toEnd:
		// No speech after the media ends, nor a lag that would leave
		// none before it.
		lag, limit = min(lag, (w.end-w.start)/2), w.end
	case w.next:
		// The next turn's speech starts lag after its printed start; the
		// pause before it takes at most half of a short window.
		gap := m.turnGap
		if w.silenceFitted {
			// The pause is part of the silence a speaker at pace leaves
			// per turn: none where the file's turns hold none.
			gap = min(gap, time.Duration(m.turnSilence*float64(w.silence)))
		}
		limit = w.end + lag - min(gap, (w.end-w.start)/2)
	}
	w.start += lag
	w.end = min(w.start+avail+between, limit)
	w.pause = min(between, (w.end-w.start)/2)
	return w
}

// sharesSilence reports whether the silence in w's speech window falls
// between the turn's sentences (see endWeight and unnamedOnly), not after
// its last word.
func (m model) sharesSilence(w window) bool {
	return m.endWeight > 0 && (w.unnamed || !m.unnamedOnly)
}

// units is the time text takes to say, in characters: its characters,
// each weighed by the time it takes to say (spokenWeight), plus the
// pauses its punctuation asks for.
func units(ws []word, m model) float64 {
	u := float64(width(ws))
	for _, w := range ws {
		u += pauseAfter(w, m) + float64(w.heavy)
	}
	return u
}

// chunkShares sets dst to the weight of each chunk of a turn in its
// speech and returns it with their sum: the chunk's units, with its
// words' letters weighed partly by their syllables (m.syllableShare). A
// syllable weighs the turn's characters (and spaces) per syllable, in
// its words without heavy characters (which already weigh as what they
// say), so that the turn's total stays its units. spelled is a buffer,
// reused from turn to turn, for the characters and syllables of each
// chunk's words without heavy characters.
func chunkShares(dst []float64, spelled [][2]int, chunks [][]word, m model) ([]float64, [][2]int, float64) {
	dst, spelled = dst[:0], spelled[:0]
	totalChars, totalSyl := 0, 0
	for _, c := range chunks {
		dst = append(dst, units(c, m))
		if m.syllableShare == 0 {
			continue
		}
		var cs [2]int
		for _, w := range c {
			if w.heavy == 0 {
				cs[0] += int(w.width) + 1
				cs[1] += syllables(w.text)
			}
		}
		spelled = append(spelled, cs)
		totalChars += cs[0]
		totalSyl += cs[1]
	}
	if totalSyl > 0 {
		perSyllable := float64(totalChars) / float64(totalSyl)
		for k, cs := range spelled {
			dst[k] += m.syllableShare * (perSyllable*float64(cs[1]) - float64(cs[0]))
		}
	}
	total := 0.0
	for _, u := range dst {
		total += u
	}
	return dst, spelled, total
}

// pauseAfter is the pause, in characters, a speaker makes after w.
func pauseAfter(w word, m model) float64 {
	switch {
	case w.closesSentence():
		return m.sentencePause
	case w.closesClause():
		return m.clausePause
	}
	return 0
}

// segmentWindows gives each segment the time until the next later start,
// or until its stated end when it states one (clamped to the next later
// start: where ranges overlap, the next start wins). Segments that share a
// start share the time up to the next later start, or to the latest of
// their stated ends when every one of them states one, in proportion to
// their text, so none gets an empty window.
func segmentWindows(segs []caption.Segment, o Options, m model) []window {
	return timeWindows(segs, unitsOfSegments(segs, m), o, m)
}

// timeWindows is segmentWindows given each segment's units.
func timeWindows(segs []caption.Segment, us []float64, o Options, m model) []window {
	rates, slow := speakerRates(segs, us, o, m)
	ends := statedEnds(segs)
	out := make([]window, len(segs))
	for i := 0; i < len(segs); {
		j := sameStart(segs, i)
		var need time.Duration
		total := 0.0
		for k := i; k < j; k++ {
			total += us[k]
			need += seconds(us[k] / rates[segs[k].Speaker])
		}
		known := groupStated(ends, segs, i)
		var end time.Duration
		toEnd := false
		switch {
		case known:
			end = slices.Max(ends[i:j])
			if o.MediaDuration > segs[i].Start && o.MediaDuration < end {
				end = o.MediaDuration
			}
		case j < len(segs):
			end = segs[j].Start
		case m.lastToEnd && o.MediaDuration > segs[i].Start:
			end, toEnd = o.MediaDuration, true
		default:
			end = segs[i].Start + max(need, o.MinDuration)
			if o.MediaDuration > segs[i].Start && o.MediaDuration < end {
				end = o.MediaDuration
			}
		}
		start, done := segs[i].Start, 0.0
		for k := i; k < j; k++ {
			done += us[k]
			e := end
			if total > 0 && k < j-1 {
				e = segs[i].Start + time.Duration(float64(end-segs[i].Start)*done/total)
			}
			r := rates[segs[k].Speaker]
			out[k] = window{start: start, end: e, cps: r, need: seconds(us[k] / r), slow: slow[segs[k].Speaker], known: known, exact: segs[k].ExactStart, next: j < len(segs), toEnd: toEnd}
			out[k].sameNext = k == j-1 && j < len(segs) && segs[k].Speaker != "" && segs[j].Speaker == segs[k].Speaker
			out[k].unnamed = segs[k].Speaker == "" || placeholderSpeaker(segs[k].Speaker)
			start = e
		}
		i = j
	}
	if m.fitSilence {
		if b, ok := fittedSilence(out); ok {
			for k := range out {
				out[k].silence, out[k].silenceFitted = b, true
			}
		}
	}
	if ends != nil {
		startEarly(out, segs, m)
	}
	return out
}

// minSilenceFit is how many turns fittedSilence needs to fit a line.
const minSilenceFit = 10

// fittedSilence fits window = a·need + b over the turns whose window ends
// at the next one's start, by least absolute deviations (iteratively
// reweighted least squares: the median line, which the few windows that
// hold a whole scene of music do not pull), and returns b, at least 0;
// false when fewer than minSilenceFit turns tell, or they fit no line.
func fittedSilence(ws []window) (time.Duration, bool) {
	var xs, ys []float64
	for _, w := range ws {
		if !w.next || w.known || w.end-w.start < minRateSample {
			continue
		}
		xs = append(xs, w.need.Seconds())
		ys = append(ys, (w.end - w.start).Seconds())
	}
	if len(xs) < minSilenceFit {
		return 0, false
	}
	a, b := 1.0, 0.0
	for range 30 {
		var sw, sx, sy, sxx, sxy float64
		for i := range xs {
			// Residuals under 0.1 s weigh as 0.1 s: no division by 0.
			wt := 1 / math.Max(math.Abs(ys[i]-a*xs[i]-b), 0.1)
			sw += wt
			sx += wt * xs[i]
			sy += wt * ys[i]
			sxx += wt * xs[i] * xs[i]
			sxy += wt * xs[i] * ys[i]
		}
		den := sw*sxx - sx*sx
		if den <= 1e-9*sw*sxx {
			return 0, false // the turns' needs are all alike: no line to fit
		}
		a = (sw*sxy - sx*sy) / den
		b = (sy - a*sx) / sw
	}
	if a <= 0 {
		return 0, false // windows that shrink as the words grow say nothing of silence
	}
	return seconds(max(b, 0)), true
}

// startEarly keeps start-only turns' speech before the stated ranges that
// follow them. A stated start is exact, while a printed one is taken to
// run m.startLag early; where that would put a turn's speech past the
// start of the next turn's (a range's start, or a turn already moved
// here), the turn's speech starts earlier, halfway to the next one at the
// latest, and ends by it; turns that share a start move together. Walking
// back from each range, the first turn with room for the whole lag stops
// the change, so transcripts without ranges keep their times.
func startEarly(ws []window, segs []caption.Segment, m model) {
	next := noLimit // where the next group's speech starts
	moved := false  // whether that is before its printed start + m.startLag
	for j := len(segs); j > 0; {
		i := j - 1
		for i > 0 && segs[i-1].Start == segs[i].Start {
			i--
		}
		s := segs[i].Start
		switch {
		case ws[i].known:
			next, moved = s, m.startLag > 0
		case moved:
			lag := min(m.startLag, (next-ws[j-1].start)/2) // the group's last turn starts latest
			for k := i; k < j; k++ {
				ws[k].early, ws[k].lag, ws[k].limit = true, lag, noLimit
			}
			ws[j-1].limit = next
			next, moved = s+lag, lag < m.startLag
		default:
			next = s + m.startLag
		}
		j = i
	}
}

// sameStart returns the end of the run of segments from i that share
// segs[i]'s start.
func sameStart(segs []caption.Segment, i int) int {
	j := i + 1
	for j < len(segs) && segs[j].Start == segs[i].Start {
		j++
	}
	return j
}

// groupStated reports whether the segments from i that share its start all
// state their end.
func groupStated(ends []time.Duration, segs []caption.Segment, i int) bool {
	if ends == nil || i >= len(segs) {
		return false
	}
	return !slices.Contains(ends[i:sameStart(segs, i)], 0)
}

// statedEnds returns each segment's stated end clamped to the next later
// start (where diarizers' ranges overlap, the next turn's start wins), 0
// where a segment states none or a range of no length, and nil when no
// segment states an end.
func statedEnds(segs []caption.Segment) []time.Duration {
	var ends []time.Duration
	later := time.Duration(-1)
	for i := len(segs) - 1; i >= 0; i-- {
		s := segs[i]
		if i+1 < len(segs) && segs[i+1].Start > s.Start {
			later = segs[i+1].Start
		}
		if s.End <= s.Start {
			continue
		}
		if ends == nil {
			ends = make([]time.Duration, len(segs))
		}
		ends[i] = s.End
		if later >= 0 {
			ends[i] = min(s.End, later)
		}
	}
	return ends
}

func seconds(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

// rateSample is one turn's speaking rate and the text it was measured on.
type rateSample struct{ rate, weight float64 }

// speakerRates measures each speaker's rate, in units (characters plus
// pauses, us[i] in segment i) per second, as the m.rateQuantile of their turns' rates
// weighted by text, over the turns whose window is known and long enough
// to measure: up to the next start, or to the turn's stated end. A
// speaker with too little measured time gets the file's rate, and a file
// with too little gets o.FallbackCPS. No measured rate is taken below
// m.minRate: slow marks the speakers measured slower.
func speakerRates(segs []caption.Segment, us []float64, o Options, m model) (rates map[string]float64, slow map[string]bool) {
	samples := map[string][]rateSample{}
	secs := map[string]time.Duration{}
	var all []rateSample
	var allTime time.Duration
	ends := statedEnds(segs)
	for i := range segs {
		var d time.Duration
		switch {
		case ends != nil && ends[i] > 0:
			d = ends[i] - segs[i].Start
		case i+1 < len(segs):
			d = segs[i+1].Start - segs[i].Start
		}
		if d < minRateSample {
			continue
		}
		u := us[i]
		if u == 0 {
			continue
		}
		s := rateSample{rate: u / d.Seconds(), weight: u}
		who := segs[i].Speaker
		samples[who] = append(samples[who], s)
		secs[who] += d
		all = append(all, s)
		allTime += d
	}
	fileRate, fileSlow := o.FallbackCPS, false
	if allTime >= minRateTime {
		fileRate = weightedQuantile(all, m.rateQuantile)
		fileRate, fileSlow = max(fileRate, m.minRate), fileRate < m.minRate
	}
	rates, slow = map[string]float64{}, map[string]bool{}
	for _, s := range segs {
		if _, ok := rates[s.Speaker]; ok {
			continue
		}
		r, sl := fileRate, fileSlow
		if secs[s.Speaker] >= minRateTime {
			r = weightedQuantile(samples[s.Speaker], m.rateQuantile)
			r, sl = max(r, m.minRate), r < m.minRate
		}
		rates[s.Speaker], slow[s.Speaker] = r, sl
	}
	return rates, slow
}

// weightedQuantile returns the rate below which a share q of the weight
// lies.
func weightedQuantile(s []rateSample, q float64) float64 {
	s = append([]rateSample(nil), s...)
	sort.Slice(s, func(i, j int) bool { return s[i].rate < s[j].rate })
	total := 0.0
	for _, x := range s {
		total += x.weight
	}
	acc := 0.0
	for _, x := range s {
		acc += x.weight
		if acc >= q*total {
			return x.rate
		}
	}
	return s[len(s)-1].rate
}

// cutTurn cuts a turn's words into chunks (splitChunks), times them
// inside its speech in proportion to the time their words take to say,
// breaks each into lines, and appends the cues to cues. The lines' texts
// share one string per turn and the cues' lines one array, instead of
// one allocation per line and per cue.
func (b *turnBuffers) cutTurn(cues []caption.Cue, ws []word, speaker string, w window, lim chunkLimits, m model) []caption.Cue {
	return b.cutTurnOf(cues, ws, "", speaker, w, lim, m)
}

// cutTurnOf is cutTurn of the words split from src: when src is already
// its words joined by single spaces (most transcripts' paragraphs), the
// cues' lines share its memory instead of a joined copy.
func (b *turnBuffers) cutTurnOf(cues []caption.Cue, ws []word, src, speaker string, w window, lim chunkLimits, m model) []caption.Cue {
	if w.clock != nil {
		lim.heard = b.hearWords(w, ws, w.wordTimes(ws)) // with the audio: where each word is heard
	} else {
		lim.speaking = w.end - w.start - w.pause
	}
	chunks := b.splitChunks(ws, lim)
	joined := src
	if !singleSpaced(src) || src == "" {
		joined = join(ws)
	}
	text := turnText(joined)
	b.lines, b.lineCounts = b.lines[:0], b.lineCounts[:0]
	for k, c := range chunks {
		reserve := 0
		if k == 0 {
			reserve = lim.reserve
		}
		lines := b.lineBreaker.breakWords(c, lim.maxChars, lim.maxLines, reserve)
		for _, l := range lines {
			b.lines = append(b.lines, caption.Line{Speaker: speaker, Text: text.next(l)})
		}
		b.lineCounts = append(b.lineCounts, len(lines))
	}
	lines := slices.Clone(b.lines)
	if w.clock != nil {
		return b.appendHeard(cues, chunks, lines, lim.heard)
	}
	var total float64
	b.shares, b.spelled, total = chunkShares(b.shares, b.spelled, chunks, m)
	// The silence in w.pause is shared among the sentence ends inside the
	// turn, one part each, and its end, m.endWeight parts: a cue that ends
	// a sentence ends before its share, the next cue starts after it.
	var each time.Duration
	if w.pause > 0 {
		if n := innerSentenceEnds(ws); n > 0 {
			each = time.Duration(float64(w.pause) / (float64(n) + m.endWeight))
			w.end -= w.pause - each*time.Duration(n)
			w.pause = each * time.Duration(n)
		} else {
			w.end -= w.pause
			w.pause = 0
		}
	}
	span := float64(w.end - w.start - w.pause)
	done, paused := 0.0, 0
	start := w.start
	for k, c := range chunks {
		done += b.shares[k]
		last := k == len(chunks)-1
		for i, x := range c {
			if x.closesSentence() && !(last && i == len(c)-1) {
				paused++
			}
		}
		end := w.end
		if !last && total > 0 {
			end = w.start + time.Duration(span*done/total) + time.Duration(paused)*each
		}
		next := end
		if !last && c[len(c)-1].closesSentence() {
			end -= each // the pause after the cue's sentence is a gap
		}
		n := b.lineCounts[k]
		cues = append(cues, caption.Cue{Start: start, End: end, Lines: lines[:n:n]})
		lines = lines[n:]
		start = next
	}
	return cues
}

// hearWords returns where the words ws of a turn timed to w's clock are
// heard (times: see wordTimes), for splitChunks, in b's buffers. A word
// that is not said, punctuation of its own (the ＞ after ＜父さん…), is
// heard where the speech before it ends: the pause comes after it, so
// that it ends its cue instead of starting the next one alone (an opening
// mark, ＜ or "(", stays with the speech after it, as does a word the
// aligner hears in no time at a pause).
func (b *turnBuffers) hearWords(w window, ws []word, times []time.Duration) *heardWords {
	h := &b.heard
	h.starts, h.ends = h.starts[:0], h.ends[:0]
	for _, t := range times {
		h.starts = append(h.starts, w.clock.startAt(t))
		h.ends = append(h.ends, w.clock.endAt(t))
	}
	for k := 1; k+1 < len(h.starts) && k < len(ws); k++ {
		// A word heard in no time at a pause (unsaid, or squeezed out by
		// the aligner) has the pause on both sides: it goes with one.
		said := !unsaid(ws[k])
		if said && h.starts[k] < h.ends[k+1] {
			continue
		}
		a, b := k, k+1 // the pause moves from a to b: after a closing mark
		if said || opens(ws[k]) {
			a, b = k+1, k // before an opening one, or a word
		}
		if h.starts[a] > h.ends[a] {
			h.ends[b] = min(h.ends[b], h.ends[a])
			h.starts[b] = max(h.starts[b], h.starts[a])
			h.ends[a] = h.starts[a]
			if a == k {
				h.starts[a], h.ends[a] = h.ends[b], h.ends[b]
			}
		}
	}
	h.last = w.end
	return h
}

// opens reports whether w ends with an opening bracket or quote.
func opens(w word) bool {
	r, _ := utf8.DecodeLastRuneInString(w.text)
	return w.flags&flagOpensCJK != 0 || strings.ContainsRune("([{“‘", r)
}

// unsaid reports whether w has nothing to say: no letter and no digit.
func unsaid(w word) bool {
	return strings.IndexFunc(w.text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0
}

// appendHeard appends the cues of a turn's chunks, whose lines cutTurnOf
// has made, timed to where h hears their words: a chunk ends where its
// last word's speech does, and the next starts where its first word's
// speech starts, after the pause between them.
func (b *turnBuffers) appendHeard(cues []caption.Cue, chunks [][]word, lines []caption.Line, h *heardWords) []caption.Cue {
	at := 0
	for k, c := range chunks {
		n := b.lineCounts[k]
		start, end := h.starts[at], h.ends[at+len(c)]
		cues = append(cues, caption.Cue{Start: start, End: max(end, start), Lines: lines[:n:n]})
		lines = lines[n:]
		at += len(c)
	}
	return cues
}

// spoken is the time words take to say, in characters, without the
// pauses their punctuation asks for: with the audio, the pauses are
// where the audio has them.
func spoken(ws []word) float64 {
	u := float64(width(ws))
	for _, w := range ws {
		u += float64(w.heavy)
	}
	return u
}

// inOrder makes cues timed to the audio sorted and apart, as cues timed
// without it are by construction: a turn timed without the audio (see
// Hearing) may reach into its neighbour's speech, and a chunk given next
// to no speech has no length. A cue starts no earlier than the one
// before ends, and ends no earlier than it starts.
func inOrder(cues []caption.Cue) {
	for k := range cues {
		if k > 0 && cues[k].Start < cues[k-1].End {
			cues[k].Start = cues[k-1].End
		}
		cues[k].End = max(cues[k].End, cues[k].Start)
	}
}

// innerSentenceEnds counts the sentence ends in ws before its last word.
func innerSentenceEnds(ws []word) int {
	n := 0
	for _, w := range ws[:max(len(ws)-1, 0)] {
		if w.closesSentence() {
			n++
		}
	}
	return n
}

// onlyParagraph returns s's text when it is one paragraph, else "".
func onlyParagraph(s caption.Segment) string {
	if len(s.Paragraphs) == 1 {
		return s.Paragraphs[0]
	}
	return ""
}

// singleSpaced reports whether text is its words joined by single
// spaces, as join would write them: no space at either end, no run of
// spaces, no other space character.
func singleSpaced(text string) bool {
	prevSpace := true // no space at the start
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				if c != ' ' || prevSpace {
					return false
				}
				prevSpace = true
			} else {
				prevSpace = false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			return false
		}
		prevSpace = false
		i += size
	}
	return !prevSpace
}

// turnText is what is left of a turn's words joined by single spaces as
// its lines are handed out, in order.
type turnText string

// next returns the text of l, the turn's next line, and moves past it.
func (t *turnText) next(l []word) string {
	if len(*t) > 0 && (*t)[0] == ' ' {
		*t = (*t)[1:] // the space between this line and the last, unless glued
	}
	n := 0
	for i, w := range l {
		if i > 0 {
			n += w.space()
		}
		n += len(w.text)
	}
	s := string((*t)[:n])
	*t = (*t)[n:]
	return s
}

// makeReadable adjusts cue times, in order, so that each stays on screen
// long enough to be read (o.MinDuration, o.MaxCPS) by borrowing from the
// gap after it, then from the gap before it; stays up to linger longer,
// into the gap after it, unless heard[i]; is no longer than
// o.MaxDuration; never starts before floors[i] nor, when ceilings is not
// nil, ends after ceilings[i], nor, when heard[i] (a cue timed to the
// audio), more than maxShare after its speech (Netflix: an end may run
// 12 frames past the speech); leaves o.MinGap before the next cue; and
// closes gaps of at most o.ChainGap to o.MinGap. Where the neighbours or
// the ceiling leave no room the cue stays short: Check reports it. A cue
// that the minimum gap would leave no time at all touches the next cue
// instead.
func makeReadable(cues []caption.Cue, floors, ceilings []time.Duration, heard []bool, linger time.Duration, o Options) {
	for i := range cues {
		c := &cues[i]
		ceiling := noLimit
		if ceilings != nil {
			ceiling = ceilings[i]
		}
		if heard != nil && heard[i] {
			ceiling = min(ceiling, c.End+maxShare)
		}
		hasNext := i+1 < len(cues)
		var next time.Duration // latest end the next cue allows
		if hasNext {
			next = cues[i+1].Start - o.MinGap
		}
		want := readTime(*c, o)
		if d := c.End - c.Start; d < want {
			end := c.Start + want
			if hasNext && end > next {
				end = max(next, c.End)
			}
			c.End = min(end, max(ceiling, c.End))
		}
		if d := c.End - c.Start; d < want && i > 0 {
			// An end that touches the next cue is cut back to leave the
			// minimum gap below: the start makes room for that end.
			end := c.End
			if hasNext && end > next {
				end = max(next, c.Start)
			}
			earliest := max(cues[i-1].End+o.MinGap, floors[i])
			c.Start = max(min(c.Start, end-want), min(earliest, c.Start))
		}
		if linger > 0 && (heard == nil || !heard[i]) {
			end := c.End + linger
			if hasNext {
				end = min(end, next)
			}
			c.End = max(c.End, min(end, max(ceiling, c.End), c.Start+o.MaxDuration))
		}
		if c.End-c.Start > o.MaxDuration {
			c.End = c.Start + o.MaxDuration
		}
		if hasNext {
			gap := cues[i+1].Start - c.End
			if gap < o.MinGap || (gap <= o.ChainGap && next-c.Start <= o.MaxDuration) {
				c.End = min(max(next, c.Start), max(ceiling, c.End))
				if c.End <= c.Start {
					c.End = min(cues[i+1].Start, max(ceiling, c.Start)) // touching beats vanishing
				}
			}
		}
		if o.MediaDuration > 0 && c.End > o.MediaDuration && c.Start < o.MediaDuration {
			c.End = o.MediaDuration
		}
	}
}

// readTime is how long c must stay on screen to be read under o: its
// characters at o.MaxCPS, at least o.MinDuration, at most o.MaxDuration.
func readTime(c caption.Cue, o Options) time.Duration {
	return min(max(o.MinDuration, seconds(float64(CueChars(c))/o.MaxCPS)), o.MaxDuration)
}

// CueChars counts c's characters with one space between lines, as
// reading speeds count them.
func CueChars(c caption.Cue) int {
	n := 0
	for i, l := range c.Lines {
		if i > 0 {
			n++
		}
		n += utf8.RuneCountInString(l.Text)
	}
	return n
}

// maxCrowd is the most cues after a crowded cue that makeRoom moves later
// to give it time.
const maxCrowd = 4

// makeRoom gives a cue that makeReadable left shorter than o.MinDuration
// because its turn is crowded, given less than that time before the next
// turn starts (turns printed in the same second), time from the silence
// after the crowd: up to maxCrowd start-only cues after it start later,
// whole (each lasting at least the target duration), until a gap takes up
// the push. The target
// is o.MinDuration where that room exists, else half of it, the shortest a
// cue is still read, which the crowd's cues then share; where neither fits (a cue with a fixed start, an
// exact or stated one, is in the way) the cues stay as they are. Cues only
// move later, so none starts before its turn, and a cue under a stated end
// (ceilings) is not lengthened.
func makeRoom(cues []caption.Cue, crowded, movable []bool, ceilings []time.Duration, o Options) {
	var starts []time.Duration
	for i := 0; i+1 < len(cues); i++ {
		c := &cues[i]
		if !crowded[i] || ceilings[i] != noLimit || c.End-c.Start >= o.MinDuration {
			continue
		}
		for _, target := range []time.Duration{o.MinDuration, o.MinDuration / 2} {
			var ok bool
			shrink := target < o.MinDuration // the crowd shares what room there is
			if starts, ok = crowdStarts(cues, crowded, movable, i, target, o.MinGap, shrink, starts[:0]); !ok {
				continue
			}
			if c.End-c.Start < target {
				c.End = c.Start + target
			}
			for j, s := range starts {
				n := &cues[i+1+j]
				n.Start, n.End = s, s+movedLength(*n, target, shrink && crowded[i+1+j])
			}
			break
		}
	}
}

// crowdStarts appends to starts where the cues after cues[i] must start for
// cues[i] and each of them to last target, and reports whether that fits
// (see makeRoom). A cue that moves keeps its length (target at least):
// shortening a long cue instead would crowd its words (the accuracy
// harness measured it). With shrink, crowded cues last target alone.
func crowdStarts(cues []caption.Cue, crowded, movable []bool, i int, target, gap time.Duration, shrink bool, starts []time.Duration) ([]time.Duration, bool) {
	end := max(cues[i].End, cues[i].Start+target)
	for k := i + 1; k < len(cues); k++ {
		n := cues[k]
		if end+gap <= n.Start {
			return starts, true
		}
		if !movable[k] || k > i+maxCrowd {
			return starts, false
		}
		s := end + gap
		starts = append(starts, s)
		end = s + movedLength(n, target, shrink && crowded[k])
	}
	return starts, true // the last cue has the silence after it
}

// borrowInTurn gives a cue that the passes before left shorter than
// o.MinDuration time from a cue of the same turn that it touches, next
// after it or else before it, where that cue keeps o.MinDuration itself:
// a flash ("Oh, interesting." in a crowded turn) cannot be read, while a
// cue made faster can, in part. Only guessed times move (movable), and a
// cue of the same turn shares its floor (its turn's start).
func borrowInTurn(cues []caption.Cue, floors []time.Duration, movable []bool, o Options) {
	touches := func(a, b caption.Cue) bool { return b.Start-a.End <= o.MinGap }
	for i := range cues {
		c := &cues[i]
		short := o.MinDuration - (c.End - c.Start)
		if short <= 0 || !movable[i] {
			continue
		}
		// lends reports whether cues[k], of the same turn, can give short
		// and keep the minimum.
		lends := func(k int) bool {
			return k >= 0 && k < len(cues) && movable[k] && floors[k] == floors[i] && cues[k].End-cues[k].Start-short >= o.MinDuration
		}
		switch {
		case lends(i+1) && touches(*c, cues[i+1]):
			c.End += short
			cues[i+1].Start += short
		case lends(i-1) && touches(cues[i-1], *c):
			c.Start -= short
			cues[i-1].End -= short
		}
	}
}

// movedLength is how long makeRoom leaves a cue it moves: its length,
// target at least, or target alone when shrink.
func movedLength(c caption.Cue, target time.Duration, shrink bool) time.Duration {
	if shrink {
		return target
	}
	return max(c.End-c.Start, target)
}
