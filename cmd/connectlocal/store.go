package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/memory"
	"github.com/connectlocal/connectlocal/postgres"
	"github.com/connectlocal/connectlocal/sqlite"
)

// storeKind names the kind of store a --store URL gives (what health reports: never the URL, which may hold
// a password).
func storeKind(url string) (string, error) {
	switch {
	case url == "memory":
		return "memory", nil
	case strings.HasPrefix(url, "sqlite:"):
		return "sqlite", nil
	case strings.HasPrefix(url, "postgres://"), strings.HasPrefix(url, "postgresql://"):
		return "postgres", nil
	}
	return "", fmt.Errorf("unknown store %q: use sqlite:PATH, memory or postgres://USER@HOST:PORT/DB", url)
}

// openStore opens the store a --store URL names; cacheBytes is the SQLite read cache (sqlite.Options).
func openStore(ctx context.Context, url string, cacheBytes int64) (connectlocal.Store, error) {
	kind, err := storeKind(url)
	if err != nil {
		return nil, err
	}
	switch kind {
	case "memory":
		return memory.New(), nil
	case "postgres":
		return postgres.Open(ctx, url)
	}
	path := strings.TrimPrefix(url, "sqlite:")
	if err := checkSQLitePath(path); err != nil {
		return nil, err
	}
	unlock, err := lockSQLite(path)
	if err != nil {
		return nil, err
	}
	s, err := sqlite.Open(ctx, path, sqlite.Options{CacheBytes: cacheBytes})
	if err != nil {
		unlock()
		return nil, err
	}
	return &lockedStore{Store: s, unlock: unlock}, nil
}

// lockedStore releases the SQLite file's lock once the store is closed.
type lockedStore struct {
	connectlocal.Store
	unlock func()
}

func (s *lockedStore) Close() error {
	err := s.Store.Close()
	s.unlock()
	return err
}

// checkSQLitePath says in words what SQLite would report as a numeric code (issue 11).
func checkSQLitePath(path string) error {
	if path == "" {
		return errors.New("sqlite: empty path: use sqlite:PATH")
	}
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err != nil {
		return fmt.Errorf("sqlite:%s: the directory %s does not exist; create it first", path, dir)
	} else if !st.IsDir() {
		return fmt.Errorf("sqlite:%s: %s is not a directory", path, dir)
	}
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("sqlite:%s: %v", path, err)
	}
	if st.IsDir() {
		return fmt.Errorf("sqlite:%s: %s is a directory, not a SQLite file", path, path)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
			return fmt.Errorf("sqlite:%s: the file is read-only; connectlocal needs to write it", path)
		}
		return fmt.Errorf("sqlite:%s: %v", path, err)
	}
	defer f.Close()
	head := make([]byte, 16)
	n, _ := io.ReadFull(f, head)
	if n > 0 && !bytes.Equal(head[:n], []byte("SQLite format 3\x00")[:n]) || (n > 0 && n < 16) {
		return fmt.Errorf("sqlite:%s: the file is not a SQLite database", path)
	}
	return nil
}
