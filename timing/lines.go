package timing

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// BreakLines breaks text into at most maxLines lines of at most maxChars
// characters, choosing the break that reads best: after punctuation,
// before a conjunction or preposition, never between an article and its
// noun or a first and last name, with balanced lines (the bottom one
// longer when they differ). Text that fits on one line stays on one line.
// When the text cannot fit, it returns as many lines as needed; a line is
// only longer than maxChars when one word alone is.
func BreakLines(text string, maxChars, maxLines int) []string {
	return BreakLinesIn(text, "", maxChars, maxLines)
}

// BreakLinesIn is BreakLines by the line-treatment rules of the language
// tagged lang: no line ends on a French, Spanish, Portuguese, Italian,
// German or Dutch article, preposition or auxiliary either where another
// break fits (the rules capconv check applies). An empty lang, or one
// capconv has no word lists for, breaks by English's.
func BreakLinesIn(text, lang string, maxChars, maxLines int) []string {
	ws := splitWords(text)
	r := breakRules{english: true}
	if lang != "" {
		r = breakRulesFor(lang, nil)
	}
	r.classify(ws)
	lines := breakWords(ws, maxChars, maxLines, 0)
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = join(l)
	}
	return out
}

// JoinLines joins the texts of a cue's lines into the one text they
// read as, for BreakLines: with a space between two lines, but for two
// characters of a script written without spaces (Chinese, Japanese) on
// either side of the break, which it joins without one, as the checker
// reads such a break.
func JoinLines(lines []string) string {
	var b strings.Builder
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if b.Len() > 0 {
			last, _ := utf8.DecodeLastRuneInString(b.String())
			first, _ := utf8.DecodeRuneInString(l)
			if !unspaced(last) || !unspaced(first) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

// breakWords is BreakLines over words; reserve is the width taken at the
// start of the first line (a speaker label).
func breakWords(ws []word, maxChars, maxLines, reserve int) [][]word {
	var b lineBreaker
	return b.breakWords(ws, maxChars, maxLines, reserve)
}

// lineBreaker breaks text into lines, reusing its buffers from one call
// to the next: what it returns is valid until its next call.
type lineBreaker struct {
	lines      [][]word
	widthUntil []int     // widthUntil[j]: characters of ws[:j] as join joins them
	breakAfter []float64 // breakAfter[j]: weighted cost of a line break before ws[j]
	cost       []float64 // bestBreak's table, k lines by j words, row after row
	from       []int
}

// breakWords is the package's breakWords over b's buffers.
func (b *lineBreaker) breakWords(ws []word, maxChars, maxLines, reserve int) [][]word {
	if len(ws) == 0 {
		return nil
	}
	n := minLines(ws, maxChars, reserve)
	if n <= 1 {
		b.lines = append(b.lines[:0], ws)
		return b.lines
	}
	if n < maxLines {
		n = max(n, 2)
	}
	return b.bestBreak(ws, n, maxChars, reserve)
}

// minLines returns how many lines greedy filling needs, without building
// them.
func minLines(ws []word, maxChars, reserve int) int {
	fill := lineFill{maxChars: maxChars, width: reserve}
	for _, w := range ws {
		fill.add(w)
	}
	return max(fill.lines, 1)
}

// lineFill counts the lines greedyLines makes as words are added one by
// one, so that a chunk's line count grows with it.
type lineFill struct {
	maxChars int
	lines    int // lines begun
	width    int // characters on the last line, the reserve before the first word
}

// add puts w on the last line, or on a new one when it does not fit.
func (f *lineFill) add(w word) {
	switch {
	case f.lines == 0:
		f.lines, f.width = 1, f.width+int(w.width)
	case f.width+w.space()+int(w.width) > f.maxChars:
		f.lines, f.width = f.lines+1, int(w.width)
	default:
		f.width += w.space() + int(w.width)
	}
}

// bestBreak splits ws into exactly n lines, minimising linguistic break
// costs plus imbalance, by dynamic programming over break positions.
func (b *lineBreaker) bestBreak(ws []word, n, maxChars, reserve int) [][]word {
	b.widthUntil = append(b.widthUntil[:0], 0)
	b.breakAfter = append(b.breakAfter[:0], 0)
	for j, w := range ws {
		sp := 0
		if j > 0 {
			sp = w.space()
			c := breakCost(ws[j-1], w) * lineBreakWeight
			if breaksRule(ws[j-1], w) {
				c += ruleBreakCost
			}
			b.breakAfter = append(b.breakAfter, c)
		}
		b.widthUntil = append(b.widthUntil, b.widthUntil[j]+sp+int(w.width))
	}
	// A line that starts at ws[i] leaves out the space before it.
	width := func(i, j int) int {
		w := b.widthUntil[j] - b.widthUntil[i]
		if i > 0 {
			w -= ws[i].space()
		}
		return w
	}
	total := width(0, len(ws)) + reserve
	ideal := float64(total) / float64(n)
	inf := math.Inf(1)
	// cost[at(k, j)]: best cost of putting ws[:j] on k lines.
	row := len(ws) + 1
	at := func(k, j int) int { return k*row + j }
	b.cost = slices.Grow(b.cost[:0], (n+1)*row)[:(n+1)*row]
	b.from = slices.Grow(b.from[:0], (n+1)*row)[:(n+1)*row]
	for x := range b.cost {
		b.cost[x], b.from[x] = inf, 0
	}
	cost, from := b.cost, b.from
	cost[at(0, 0)] = 0
	// A line ws[i:j] as line k costs its imbalance against the ideal
	// width, squared, plus the cost of the break after it; lines wider
	// than maxChars (unless one word alone is) are impossible. The loops
	// spell the cost out rather than call a closure per (k, i, j), and
	// keep each cell's best in locals: they are the line breaker's work.
	for k := 1; k <= n; k++ {
		prev := cost[at(k-1, 0):at(k, 0)]
		cur, curFrom := cost[at(k, 0):at(k+1, 0)], from[at(k, 0):at(k+1, 0)]
		for j := k; j <= len(ws); j++ {
			bestJ, fromJ := cur[j], curFrom[j]
			for i := k - 1; i < j; i++ {
				p := prev[i]
				if p == inf {
					continue
				}
				w := width(i, j)
				if k == 1 {
					w += reserve
				}
				if w > maxChars && j-i > 1 {
					continue // too wide: an infinite cost
				}
				d := (float64(w) - ideal) / float64(maxChars) * 10
				c := d * d
				if k < n && float64(w) > ideal {
					c += 1 + d // bottom-heavy: an upper line longer than the rest costs more
				}
				if j < len(ws) {
					c += b.breakAfter[j]
				}
				if c := p + c; c < bestJ {
					bestJ, fromJ = c, i
				}
			}
			cur[j], curFrom[j] = bestJ, fromJ
		}
	}
	if cost[at(n, len(ws))] == inf {
		return greedyLines(ws, maxChars, reserve)
	}
	b.lines = slices.Grow(b.lines[:0], n)[:n]
	j := len(ws)
	for k := n; k >= 1; k-- {
		i := from[at(k, j)]
		b.lines[k-1] = ws[i:j]
		j = i
	}
	return b.lines
}

// greedyLines fills lines word by word; it is the fallback when no
// balanced split exists. reserve is the width of a label that precedes
// the first word, its trailing space included.
func greedyLines(ws []word, maxChars, reserve int) [][]word {
	var out [][]word
	start, w := 0, reserve
	for i, x := range ws {
		switch {
		case i == start:
			w += int(x.width)
		case w+x.space()+int(x.width) > maxChars:
			out = append(out, ws[start:i])
			start, w = i, int(x.width)
		default:
			w += x.space() + int(x.width)
		}
	}
	return append(out, ws[start:])
}

// lineBreakWeight weighs where a line breaks against how balanced the
// lines are. 6, 8 and 12 were measured against NOVA's professional
// breaks (TestBreakLinesAgainstProfessionals): 68% of breaks the same
// instead of 67%, but fewer on Lex Fridman and no fewer rule breaks.
const lineBreakWeight = 4.0

// ruleBreakCost is added to a line break that breaks a line-treatment rule
// (breaksRule): more than the imbalance of moving the break half a line
// (about 25 characters of 42), so such a break is taken only where the
// lines leave no other.
const ruleBreakCost = 60.0
