package convert

import "fmt"

var fmtSscanf = fmt.Sscanf
