//go:build unix

package fileio

import (
	"errors"
	"syscall"
)

// processExists reports whether process pid runs (signal 0 checks
// without sending; EPERM means it runs as someone else).
func processExists(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
