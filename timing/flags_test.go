package timing

import "flag"

// update is accepted by every package's tests so that
// "go test ./... -update" rewrites all golden files in one run; here it
// rewrites testdata/accuracy/figures.json with the figures measured now.
var update = flag.Bool("update", false, "rewrite golden files under testdata/")
