//go:build unix

package main

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
)

// checkNotLocked fails when another process holds the index in dir (bolt
// would otherwise wait for it forever).
func checkNotLocked(dir string) error {
	f, err := os.Open(filepath.Join(dir, "store", "root.bolt"))
	if err != nil {
		return nil // a new index, or not ours to judge: Open will tell
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH|syscall.LOCK_NB); err != nil {
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return errIndexInUse
		}
		return nil
	}
	return syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
}
