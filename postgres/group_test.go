package postgres_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/postgres"
	"github.com/connectlocal/connectlocal/postgres/postgrestest"
)

// Updates of one key queued behind a running one share the next transaction, each in a savepoint: each
// answers exactly as it would alone — a write that fails only when the next Update's statement carries it,
// an fn that fails after writing, one that writes without reading, one that panics — and only the
// successful ones are kept.
func TestUpdate_groupCommitKeepsEachUpdateAtomic(t *testing.T) {
	s := postgrestest.Open(t)
	// A guard against a hang, not a timing assertion.
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	scope := connectlocal.Scope{Account: "123456789012", Region: "us-east-1"}
	key := connectlocal.InstanceKey(scope, "i")
	tmpl := connectlocal.TaskTemplate{InstanceID: "i", ID: "t", Name: "T", Status: connectlocal.StatusActive, Version: 1}
	if err := s.Update(ctx, key, func(tx connectlocal.Tx) error { return tx.PutTaskTemplate(scope, tmpl) }); err != nil {
		t.Fatal(err)
	}
	tag := func(tx connectlocal.Tx, name string) error {
		return tx.PutTags(scope, "arn:test:"+name, map[string]string{"k": name})
	}
	// next writes the version after the latest.
	next := func(tx connectlocal.Tx) error {
		cur, err := tx.GetTaskTemplate(scope, "i", "t", 0)
		if err != nil {
			return err
		}
		cur.Version++
		return tx.PutTaskTemplate(scope, cur)
	}
	errDomain := connectlocal.Errorf(connectlocal.InvalidRequest, "refused")

	// A holds the key's runner until released; the others queue behind it in this order.
	inA, release := make(chan struct{}), make(chan struct{})
	queued := []struct {
		name string
		fn   func(tx connectlocal.Tx) error
		ok   bool // kept
	}{
		{"a", func(tx connectlocal.Tx) error {
			if err := next(tx); err != nil {
				return err
			}
			close(inA)
			select {
			case <-release:
			case <-ctx.Done():
			}
			return tag(tx, "a")
		}, true},
		{"b-bad-version", func(tx connectlocal.Tx) error { // fails only when C's first read carries it
			if _, err := tx.GetTaskTemplate(scope, "i", "t", 0); err != nil {
				return err
			}
			if err := tag(tx, "b-bad-version"); err != nil {
				return err
			}
			bad := tmpl
			bad.Version = 9
			return tx.PutTaskTemplate(scope, bad)
		}, false},
		{"c", func(tx connectlocal.Tx) error {
			if err := next(tx); err != nil {
				return err
			}
			return tag(tx, "c")
		}, true},
		{"d-refused", func(tx connectlocal.Tx) error {
			if err := tag(tx, "d-refused"); err != nil {
				return err
			}
			if err := next(tx); err != nil {
				return err
			}
			return errDomain
		}, false},
		{"e-write-only", func(tx connectlocal.Tx) error { return tag(tx, "e-write-only") }, true},
		{"f-panics", func(tx connectlocal.Tx) error {
			if err := next(tx); err != nil {
				return err
			}
			panic("f")
		}, false},
		{"h-statement-fails", func(tx connectlocal.Tx) error { // leaves the transaction aborted
			inst := connectlocal.Instance{ID: "h-statement-fails", CreatedTime: time.Unix(1, 0)}
			if err := tx.CreateInstance(scope, inst); err != nil {
				return err
			}
			return tx.CreateInstance(scope, inst)
		}, false},
		{"i-new-statement", func(tx connectlocal.Tx) error { // a statement this connection has not prepared yet
			if _, err := tx.GetContactFlow(scope, "i", "none"); connectlocal.CodeOf(err) != connectlocal.NotFound {
				return fmt.Errorf("GetContactFlow: %v", err)
			}
			return tag(tx, "i-new-statement")
		}, true},
		{"g", func(tx connectlocal.Tx) error {
			if err := next(tx); err != nil {
				return err
			}
			return tag(tx, "g")
		}, true},
	}
	errs := make([]chan error, len(queued))
	for i, q := range queued {
		errs[i] = make(chan error, 1)
		go func() {
			defer func() {
				if p := recover(); p != nil {
					errs[i] <- fmt.Errorf("panic: %v", p)
				}
			}()
			errs[i] <- s.Update(ctx, key, q.fn)
		}()
		if i == 0 {
			<-inA
			continue
		}
		for s.QueuedForTest(key) < i { // enqueue in order: each Update is queued before the next starts
			if ctx.Err() != nil {
				t.Fatal("Update never queued")
			}
			runtime.Gosched()
		}
	}
	before, reran := s.GroupedForTest(), s.ReranAloneForTest()
	close(release)
	for i, q := range queued {
		err := <-errs[i]
		switch {
		case q.ok && err != nil:
			t.Errorf("%s: %v", q.name, err)
		case !q.ok && err == nil:
			t.Errorf("%s: succeeded", q.name)
		case q.name == "d-refused" && !errors.Is(err, errDomain) && connectlocal.CodeOf(err) != connectlocal.InvalidRequest:
			t.Errorf("%s: %v, want its own error", q.name, err)
		case q.name == "f-panics" && err.Error() != "panic: f":
			t.Errorf("%s: %v, want the panic", q.name, err)
		}
	}
	if got := s.GroupedForTest() - before; got < int64(len(queued)-1) {
		t.Errorf("%d Updates ran in a shared transaction, want the %d queued", got, len(queued)-1)
	}
	if got := s.ReranAloneForTest() - reran; got != 0 { // none had a conflict: each is answered by the group
		t.Errorf("%d Updates re-ran alone", got)
	}
	err := s.View(ctx, func(tx connectlocal.Tx) error {
		cur, err := tx.GetTaskTemplate(scope, "i", "t", 0)
		if err != nil {
			return err
		}
		if _, err := tx.GetInstance(scope, "h-statement-fails"); connectlocal.CodeOf(err) != connectlocal.NotFound {
			t.Errorf("h-statement-fails: its first write kept: %v", err)
		}
		if cur.Version != 4 { // 1, then A, C and G
			t.Errorf("latest version %d, want 4", cur.Version)
		}
		for _, q := range queued {
			tags, err := tx.Tags(scope, "arn:test:"+q.name)
			if err != nil {
				return err
			}
			if kept := tags != nil; kept != q.ok {
				t.Errorf("%s: its write kept = %v, want %v", q.name, kept, q.ok)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// Concurrent Updates of one template from two nodes, grouped on each node, still serialize on the key
// across nodes: every one reads the version the previous one wrote, so none is lost.
func TestUpdate_groupedUpdatesStaySerializedAcrossNodes(t *testing.T) {
	dsn := postgrestest.DSN(t)
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	var nodes [2]*postgres.Store
	for i := range nodes {
		s, err := postgres.Open(ctx, dsn, postgres.Options{MaxConns: 8})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		nodes[i] = s
	}
	scope := connectlocal.Scope{Account: "123456789012", Region: "us-east-1"}
	key := connectlocal.InstanceKey(scope, "i")
	tmpl := connectlocal.TaskTemplate{InstanceID: "i", ID: "t", Name: "T", Status: connectlocal.StatusActive, Version: 1}
	if err := nodes[0].Update(ctx, key, func(tx connectlocal.Tx) error { return tx.PutTaskTemplate(scope, tmpl) }); err != nil {
		t.Fatal(err)
	}
	const writers, each = 12, 15
	versions := make(chan int64, writers*each)
	errs := make(chan error, writers)
	for w := range writers {
		go func() {
			node := nodes[w%2]
			for range each {
				var v int64
				err := node.Update(ctx, key, func(tx connectlocal.Tx) error {
					cur, err := tx.GetTaskTemplate(scope, "i", "t", 0)
					if err != nil {
						return err
					}
					cur.Version++
					v = cur.Version
					return tx.PutTaskTemplate(scope, cur)
				})
				if err != nil {
					errs <- err
					return
				}
				versions <- v
			}
			errs <- nil
		}()
	}
	for range writers {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	close(versions)
	seen := map[int64]bool{}
	for v := range versions {
		if seen[v] {
			t.Fatalf("version %d written twice", v)
		}
		seen[v] = true
	}
	err := nodes[1].View(ctx, func(tx connectlocal.Tx) error {
		cur, err := tx.GetTaskTemplate(scope, "i", "t", 0)
		if err == nil && cur.Version != 1+writers*each {
			t.Errorf("latest version %d, want %d", cur.Version, 1+writers*each)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if nodes[0].GroupedForTest()+nodes[1].GroupedForTest() == 0 {
		t.Log("no Update was grouped in this run") // the outcome is checked either way
	}
}
