package postgres_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/postgres"
	"github.com/connectlocal/connectlocal/postgres/postgrestest"
	"github.com/connectlocal/connectlocal/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) connectlocal.Store { return postgrestest.Open(t) })
}

// Two nodes starting at once on a fresh schema both come up: migrations take turns under the advisory lock.
func TestOpen_concurrentMigrations(t *testing.T) {
	dsn := postgrestest.DSN(t)
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := postgres.Open(context.Background(), dsn)
			if err == nil {
				s.Close()
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
}

func TestOpen_errorsNameHostNotPassword(t *testing.T) {
	postgrestest.DSN(t) // skip with the others when no database is configured
	ctx := context.Background()
	_, err := postgres.Open(ctx, "postgres://bob:hunter2@127.0.0.1:1/db?sslmode=disable&connect_timeout=2")
	if err == nil || !strings.Contains(err.Error(), "127.0.0.1:1") || strings.Contains(err.Error(), "hunter2") {
		t.Fatalf("closed port: %v", err)
	}
	_, err = postgres.Open(ctx, "postgres://bob:hunter2@127.0.0.1:5432/db?sslmode=bogus")
	if err == nil || strings.Contains(err.Error(), "hunter2") {
		t.Fatalf("bad DSN: %v", err)
	}
}
