package sqlite_test

import (
	"context"
	"fmt"
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
	if err := s.Update(ctx, connectlocal.UpdateKey{}, func(tx connectlocal.Tx) error {
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

// The read cache never serves what a later commit changed: read, write, read again for every cached kind.
func TestCacheFollowsWrites(t *testing.T) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "store.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	scope := connectlocal.Scope{Account: "123456789012", Region: "us-east-1"}
	tmpl := connectlocal.TaskTemplate{InstanceID: "i", ID: "t", Name: "v1", Version: 1, Status: connectlocal.StatusActive}
	write := func(fn func(tx connectlocal.Tx) error) {
		t.Helper()
		if err := s.Update(ctx, connectlocal.UpdateKey{}, fn); err != nil {
			t.Fatal(err)
		}
	}
	read := func() (string, map[string]string, error) {
		var name string
		var tags map[string]string
		err := s.View(ctx, func(tx connectlocal.Tx) error {
			if _, err := tx.GetInstance(scope, "i"); err != nil {
				return err
			}
			got, err := tx.GetTaskTemplate(scope, "i", "t", 0)
			if err != nil {
				return err
			}
			name = got.Name
			tags, err = tx.Tags(scope, "arn:t")
			return err
		})
		return name, tags, err
	}
	write(func(tx connectlocal.Tx) error {
		if err := tx.CreateInstance(scope, connectlocal.Instance{ID: "i"}); err != nil {
			return err
		}
		return tx.PutTaskTemplate(scope, tmpl)
	})
	for round := 2; round < 5; round++ {
		read() // fills the cache
		tmpl.Name, tmpl.Version = fmt.Sprint("v", round), int64(round)
		write(func(tx connectlocal.Tx) error {
			if err := tx.PutTaskTemplate(scope, tmpl); err != nil {
				return err
			}
			return tx.PutTags(scope, "arn:t", map[string]string{"round": fmt.Sprint(round)})
		})
		name, tags, err := read()
		if err != nil || name != tmpl.Name || tags["round"] != fmt.Sprint(round) {
			t.Fatalf("round %d: read %q %v %v", round, name, tags, err)
		}
	}
	write(func(tx connectlocal.Tx) error { return tx.DeleteInstance(scope, "i") })
	if _, _, err := read(); connectlocal.CodeOf(err) != connectlocal.NotFound {
		t.Fatalf("after the instance was deleted: %v", err)
	}
}
