package convert

import (
	"flag"
	"fmt"
)

var fmtSscanf = fmt.Sscanf

// update rewrites golden files (never inputs): go test ./... -update.
var update = flag.Bool("update", false, "rewrite golden files")
