package main

import (
	"bytes"
	"errors"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/connectlocal/connectlocal"
)

func TestVersionOf(t *testing.T) {
	cases := map[string]struct {
		bi   debug.BuildInfo
		want string
	}{
		"nothing":    {debug.BuildInfo{}, "(devel)"},
		"go build":   {debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "(devel)"},
		"go install": {debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}}, "v1.2.3"},
		"clone": {debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261130022819-19ad396286cc"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "19ad396286cc41c337336daedab59da61c324e77"}, {Key: "vcs.time", Value: "2026-11-30T02:28:19Z"},
			{Key: "vcs.modified", Value: "true"}}},
			"v0.0.0-20261130022819-19ad396286cc (revision 19ad396286cc41c337336daedab59da61c324e77, 2026-11-30T02:28:19Z, modified)"},
	}
	for name, tc := range cases {
		if got := versionOf(&tc.bi); got != tc.want {
			t.Errorf("%s: %q, want %q", name, got, tc.want)
		}
	}
}

// exitOf runs the binary and returns its exit code, stdout and stderr.
func exitOf(t *testing.T, dir string, env []string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode(), stdout.String(), stderr.String()
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0, stdout.String(), stderr.String()
}

func TestFirstRun_helpListsFlagsVariablesAndQuotas(t *testing.T) {
	code, out, _ := exitOf(t, t.TempDir(), nil, "serve", "--help")
	if code != 0 {
		t.Fatalf("serve --help exited %d", code)
	}
	for _, want := range []string{"--addr", "CONNECTLOCAL_ADDR", "--store", "CONNECTLOCAL_STORE", "--seed", "CONNECTLOCAL_SEED",
		"--account-id", "CONNECTLOCAL_ACCOUNT_ID", "--log-format", "CONNECTLOCAL_LOG_FORMAT", "--log-level", "CONNECTLOCAL_LOG_LEVEL",
		"--quota", "CONNECTLOCAL_QUOTA"} {
		if !strings.Contains(out, want) {
			t.Errorf("serve --help lacks %s", want)
		}
	}
	q := connectlocal.DefaultQuotas()
	for name := range q.QuotaNames() {
		if !strings.Contains(out, name) {
			t.Errorf("serve --help lacks the quota %s", name)
		}
	}
}

func TestFirstRun_errorsAreClearAndPrintedOnce(t *testing.T) {
	typo := filepath.Join(t.TempDir(), "typo.yaml")
	os.WriteFile(typo, []byte("Instances:\n  - InstanceAlias: a\n    IdentityManagementType: CONNECT_MANAGED\n    InboundCalls: true\n"), 0o600)
	cases := []struct {
		name string
		env  []string
		args []string
		want string
	}{
		{"unknown flag", nil, []string{"serve", "--bogus"}, "flag provided but not defined: -bogus"},
		{"stray argument", nil, []string{"serve", "--store", "memory", "extra"}, `unexpected argument "extra"`},
		{"version argument", nil, []string{"version", "extra"}, `version takes no arguments`},
		{"env log format", []string{"CONNECTLOCAL_LOG_FORMAT=xml"}, []string{"serve", "--store", "memory"}, `CONNECTLOCAL_LOG_FORMAT must be text or json`},
		{"env quota", []string{"CONNECTLOCAL_QUOTA=nope=1"}, []string{"serve", "--store", "memory"}, `CONNECTLOCAL_QUOTA: want NAME=N`},
		{"env store", []string{"CONNECTLOCAL_STORE=mysql://x"}, []string{"serve"}, `CONNECTLOCAL_STORE: unknown store`},
		{"seed typo", nil, []string{"serve", "--seed", typo}, `seed: Instances[0]: unknown key "InboundCalls"`},
		{"seed missing", nil, []string{"serve", "--seed", filepath.Join(t.TempDir(), "none.yaml")}, `none.yaml: no such file`},
		{"flag beats env in the message", []string{"CONNECTLOCAL_LOG_LEVEL=info"}, []string{"serve", "--log-level", "loud"}, `--log-level must be`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			code, _, stderr := exitOf(t, dir, tc.env, tc.args...)
			if code != 2 || !strings.Contains(stderr, tc.want) {
				t.Fatalf("exit %d, stderr %q, want %q", code, stderr, tc.want)
			}
			if n := strings.Count(stderr, "connectlocal:"); n != 1 || strings.Count(stderr, "\n") != 1 {
				t.Fatalf("the error is not printed exactly once, on one line:\n%s", stderr)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 0 {
				t.Fatalf("a failed start left %v", entries)
			}
		})
	}
}

func TestFirstRun_busyPortLeavesNoStoreFileAndHints(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	dir := t.TempDir()
	code, _, stderr := exitOf(t, dir, nil, "serve", "--addr", ln.Addr().String())
	if code != 2 || !strings.Contains(stderr, "address already in use") || !strings.Contains(stderr, "--addr") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("a start on a busy port left %v", entries)
	}
}

func TestFirstRun_sqliteErrorsInWords(t *testing.T) {
	dir := t.TempDir()
	notDB := filepath.Join(dir, "notes.txt")
	os.WriteFile(notDB, []byte("these are my notes, not a database"), 0o644)
	cases := map[string]struct{ path, want string }{
		"missing directory": {filepath.Join(dir, "nope", "x.db"), "the directory " + filepath.Join(dir, "nope") + " does not exist"},
		"directory":         {dir, "is a directory, not a SQLite file"},
		"not a database":    {notDB, "the file is not a SQLite database"},
	}
	if os.Geteuid() != 0 { // root writes read-only files, so the case cannot happen as root
		ro := filepath.Join(dir, "ro.db")
		os.WriteFile(ro, nil, 0o444)
		cases["read-only"] = struct{ path, want string }{ro, "the file is read-only"}
	} else {
		t.Log("running as root: the read-only file case is not checked (root may write it)")
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			code, _, stderr := exitOf(t, dir, nil, "serve", "--addr", "127.0.0.1:0", "--store", "sqlite:"+tc.path)
			if code != 2 || !strings.Contains(stderr, tc.want) {
				t.Fatalf("exit %d: %s", code, stderr)
			}
		})
	}
}

func TestFirstRun_secondServeOnOneSQLiteFileIsRefused(t *testing.T) {
	db := filepath.Join(t.TempDir(), "held.db")
	first := startServe(t, nil, "--store", "sqlite:"+db)
	code, _, stderr := exitOf(t, t.TempDir(), nil, "serve", "--addr", "127.0.0.1:0", "--store", "sqlite:"+db)
	if code != 2 || !strings.Contains(stderr, "another connectlocal process is using this file") {
		t.Fatalf("second serve: exit %d: %s", code, stderr)
	}
	first.stop(t)
	again := startServe(t, nil, "--store", "sqlite:"+db) // free again once the first has stopped
	again.stop(t)
}

func TestFirstRun_unspecifiedAddressPrintsLoopbackURL(t *testing.T) {
	for _, addr := range []string{":0", "0.0.0.0:0"} {
		cmdArgs := []string{"--store", "memory", "--addr", addr} // startServe's --addr comes first; this one wins
		p := startServe(t, nil, cmdArgs...)
		if !strings.HasPrefix(p.URL, "http://127.0.0.1:") {
			t.Errorf("--addr %s printed %s", addr, p.URL)
		}
		if _, out := getJSON(t, p.URL+"/_connectlocal/health"); out["status"] != "ok" {
			t.Errorf("--addr %s: the printed URL does not answer: %v", addr, out)
		}
	}
}

func TestFirstRun_seedEffectReportedAtStart(t *testing.T) {
	db := "sqlite:" + filepath.Join(t.TempDir(), "seeded.db")
	p := startServe(t, nil, "--store", db, "--seed", "../../seed/testdata/good.yaml")
	if !strings.Contains(p.startup, "created 1 instance, 1 contact flow, 1 task template; found already there nothing") {
		t.Errorf("first start: %s", p.startup)
	}
	p.stop(t)
	p = startServe(t, nil, "--store", db, "--seed", "../../seed/testdata/good.yaml")
	if !strings.Contains(p.startup, "created nothing; found already there 1 instance, 1 contact flow, 1 task template") {
		t.Errorf("second start: %s", p.startup)
	}
}
