// Package suggest finds the name a user most likely meant, for "did you
// mean" hints in usage errors.
package suggest

// Closest returns the index of the candidate nearest to name by edit
// distance, or -1 when none is near enough to be what the user meant (a
// third of the name's letters, at least one).
func Closest(name string, candidates []string) int {
	best, bestDist := -1, max(1, len(name)/3)+1
	for i, c := range candidates {
		if d := Distance(name, c); d < bestDist {
			best, bestDist = i, d
		}
	}
	return best
}

// Distance is the Levenshtein distance between a and b, in bytes.
func Distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
