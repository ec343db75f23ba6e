package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	cases := []struct {
		name    string
		args    []string
		wantErr string
		wantOut string
	}{
		{"version", []string{"version"}, "", "connectlocal "},
		{"no command", nil, "no command given", ""},
		{"unknown command", []string{"frobnicate"}, `unknown command "frobnicate"`, ""},
		{"bad store", []string{"serve", "--store", "mysql://x", "--addr", "127.0.0.1:0"}, "use sqlite:PATH, memory or postgres://", ""},
		{"bad quota", []string{"serve", "--quota", "templates=5"}, "want NAME=N with NAME one of", ""},
		{"bad log format", []string{"serve", "--log-format", "xml"}, "--log-format must be text or json", ""},
		{"database unreachable", []string{"serve", "--addr", "127.0.0.1:0", "--store", "postgres://bob:hunter2@127.0.0.1:1/db?sslmode=disable"}, "postgres 127.0.0.1:1/db: cannot connect", ""},
		{"bad account", []string{"serve", "--account-id", "12", "--addr", "127.0.0.1:0"}, "--account-id must be 12 digits", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), tc.args, strings.NewReader(""), &stdout, &stderr)
			if tc.wantErr == "" && err != nil {
				t.Fatalf("err %v", err)
			}
			if tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
				t.Fatalf("err %v, want %q", err, tc.wantErr)
			}
			if err != nil && strings.Contains(err.Error(), "hunter2") {
				t.Fatalf("error shows the password: %v", err)
			}
			if !strings.Contains(stdout.String(), tc.wantOut) {
				t.Fatalf("stdout %q, want %q", stdout.String(), tc.wantOut)
			}
		})
	}
}

func TestRedact(t *testing.T) {
	if got := redact("postgres://bob:hunter2@db:5432/x"); strings.Contains(got, "hunter2") {
		t.Fatalf("redact kept the password: %s", got)
	}
}
