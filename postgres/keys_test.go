package postgres_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/postgres"
	"github.com/connectlocal/connectlocal/postgres/postgrestest"
)

// A slow write in instance A holds no write in instance B, on the same node or another: Updates serialize on
// their key only (issue 10). A's Update stays open, holding its lock, until B's has committed on both nodes.
func TestUpdate_slowWriteInOneInstanceHoldsNoOther(t *testing.T) {
	dsn := postgrestest.DSN(t)
	// A guard against a hang if B did wait, not a timing assertion: B is expected to finish while A waits.
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var nodes [2]*postgres.Store
	for i := range nodes {
		s, err := postgres.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		nodes[i] = s
	}
	scope := connectlocal.Scope{Account: "123456789012", Region: "us-east-1"}
	tmpl := func(inst string) connectlocal.TaskTemplate {
		return connectlocal.TaskTemplate{InstanceID: inst, ID: "t", Name: "T", Status: connectlocal.StatusActive, Version: 1}
	}
	inA, release := make(chan struct{}), make(chan struct{})
	var once sync.Once
	doneA := make(chan error, 1)
	go func() {
		doneA <- nodes[0].Update(ctx, connectlocal.InstanceKey(scope, "a"), func(tx connectlocal.Tx) error {
			if err := tx.PutTaskTemplate(scope, tmpl("a")); err != nil {
				return err
			}
			once.Do(func() { close(inA) })
			select {
			case <-release:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	<-inA
	for i, node := range nodes {
		inst := []string{"b", "c"}[i]
		err := node.Update(ctx, connectlocal.InstanceKey(scope, inst), func(tx connectlocal.Tx) error {
			return tx.PutTaskTemplate(scope, tmpl(inst))
		})
		if err != nil {
			t.Fatalf("node %d: write in instance %s while A's is open: %v", i+1, inst, err)
		}
	}
	close(release)
	if err := <-doneA; err != nil {
		t.Fatalf("A: %v", err)
	}
	err := nodes[1].View(ctx, func(tx connectlocal.Tx) error {
		for _, inst := range []string{"a", "b", "c"} {
			if _, err := tx.GetTaskTemplate(scope, inst, "t", 0); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
