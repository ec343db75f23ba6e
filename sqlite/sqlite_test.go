package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/sqlite"
	"github.com/connectlocal/connectlocal/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) connectlocal.Store {
		s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "store.db"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

// Reopening a file keeps its data and its secret, and runs no migration twice.
func TestReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "store.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	scope := connectlocal.Scope{Account: "123456789012", Region: "us-east-1"}
	if err := s.Update(ctx, func(tx connectlocal.Tx) error {
		return tx.CreateInstance(scope, connectlocal.Instance{ID: "i", Alias: "a"})
	}); err != nil {
		t.Fatal(err)
	}
	secret, _ := s.Secret(ctx)
	s.Close()
	s, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	again, _ := s.Secret(ctx)
	if string(again) != string(secret) {
		t.Fatal("secret changed on reopen")
	}
	if err := s.View(ctx, func(tx connectlocal.Tx) error { _, err := tx.GetInstance(scope, "i"); return err }); err != nil {
		t.Fatal(err)
	}
}

func BenchmarkStore(b *testing.B) {
	storetest.Bench(b, func(b *testing.B) connectlocal.Store {
		s, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		return s
	})
}
