package main

import "flag"

// update is accepted by every package's tests so that
// "go test ./... -update" rewrites all golden files in one run.
var _ = flag.Bool("update", false, "rewrite golden files under testdata/")
