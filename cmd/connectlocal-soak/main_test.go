package main

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/connectlocal/connectlocal/awsapi"
	"github.com/connectlocal/connectlocal/internal/e2e"
	"github.com/connectlocal/connectlocal/postgres/postgrestest"
)

// The short soak: the warm-up passes and a second of every operation on each store, with no 5xx and no refused valid request.
// The long one is `go run ./cmd/connectlocal-soak` (60 s, 32 connections).
func TestSoak_short(t *testing.T) {
	e2e.Require(t, "a second of every operation on each store")
	stores := [][]string{{"-store", "memory"}, {"-store", "sqlite"}}
	if dsn := os.Getenv(postgrestest.EnvVar); dsn != "" {
		stores = append(stores, []string{"-store", postgrestest.DSN(t)})
	}
	for _, args := range stores {
		store := args[1]
		var out bytes.Buffer
		if err := run(context.Background(), append([]string{"-duration", "1s", "-conns", "8"}, args...), &out); err != nil {
			t.Fatalf("%s: %v\n%s", strings.SplitN(store, "@", 2)[0], err, out.String())
		}
		wants := []string{"5xx or transport errors: 0", "refused valid requests: 0", "(end)"}
		for _, op := range awsapi.Catalog().Operations() {
			wants = append(wants, " "+op+"=") // every model operation was sent
		}
		for _, want := range wants {
			if !strings.Contains(out.String(), want) {
				t.Fatalf("report lacks %q:\n%s", want, out.String())
			}
		}
	}
}
