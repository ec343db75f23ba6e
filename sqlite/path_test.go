package sqlite_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/connectlocal/connectlocal/sqlite"
)

// A path holding '#', '?' or '%' opens exactly that file: unescaped, the URI cut it at '#' and every such
// store shared one file (two subtests of one name, whose TempDir holds "#01", saw each other's data).
func TestOpenPathWithURICharacters(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a#b?c%d")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	s, err := sqlite.Open(context.Background(), filepath.Join(dir, "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := os.Stat(filepath.Join(dir, "x.db")); err != nil {
		t.Fatal(err)
	}
}
