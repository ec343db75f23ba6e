//go:build unix

package main

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// lockSQLite takes an exclusive lock on PATH.lock for as long as this process uses the SQLite file: its cache
// and group commit assume one process per file, so a second serve on the same file is refused at start. The
// kernel drops the lock when the process dies, so a lock file left by kill -9 blocks nothing.
func lockSQLite(path string) (func(), error) {
	name := path + ".lock"
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		if errors.Is(err, os.ErrPermission) || errors.Is(err, syscall.EROFS) {
			return nil, fmt.Errorf("sqlite:%s: cannot create %s: the directory is read-only", path, name)
		}
		return nil, fmt.Errorf("sqlite:%s: %v", path, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("sqlite:%s: another connectlocal process is using this file; stop it, or give this one another file (--store sqlite:OTHER.db) or --store memory (export and import reach a running server with --endpoint URL)", path)
		}
		return nil, fmt.Errorf("sqlite:%s: locking %s: %v", path, name, err)
	}
	return func() {
		os.Remove(name) // before unlocking, so a waiting process never locks a file about to vanish
		f.Close()
	}, nil
}
