package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Issue 19 #15: validate --help answers like every other --help: on stdout, status 0.
func TestValidate_helpOnStdoutExitsZero(t *testing.T) {
	for _, flag := range []string{"--help", "-h"} {
		code, stdout, stderr := exitOf(t, t.TempDir(), nil, "validate", flag)
		if code != 0 || !strings.Contains(stdout, "usage: connectlocal validate") || !strings.Contains(stdout, "-format") || stderr != "" {
			t.Fatalf("validate %s: exit %d, stdout %q, stderr %q", flag, code, stdout, stderr)
		}
	}
	if code, _, stderr := exitOf(t, t.TempDir(), nil, "validate", "--bogus"); code != 2 || !strings.Contains(stderr, "usage: connectlocal validate") {
		t.Fatalf("a bad flag: exit %d, stderr %q", code, stderr)
	}
}

// Issue 19 #4 and #5: a negative bound, a seed region that is no AWS region and a seed id the API would never
// give are refused at start with one clear line, before a store file is made.
func TestFirstRun_refusesNegativeBoundsAndBadSeeds(t *testing.T) {
	seedDir := t.TempDir()
	seedFile := func(name, body string) string {
		p := filepath.Join(seedDir, name)
		os.WriteFile(p, []byte(body), 0o600)
		return p
	}
	inst := "IdentityManagementType: CONNECT_MANAGED\n    InboundCallsEnabled: true\n    OutboundCallsEnabled: true\n"
	mars := seedFile("mars.yaml", "Region: mars-1\nInstances:\n  - InstanceAlias: a\n    "+inst)
	dots := seedFile("dots.yaml", "Instances:\n  - InstanceAlias: a\n    Id: ..\n    "+inst)
	slash := seedFile("slash.yaml", "Instances:\n  - InstanceAlias: a\n    "+inst+"    TaskTemplates:\n      - Id: abc/task-template/def\n        Name: t\n        Fields: [{Id: {Name: T}, Type: NAME}]\n")
	cases := []struct {
		name, want string
		args       []string
	}{
		{"cache-mb", "--cache-mb must be 0 or more, not -1", []string{"--cache-mb", "-1"}},
		{"template-versions", "--template-versions must be 0 or more, not -5", []string{"--template-versions=-5"}},
		{"ended-tasks", "--ended-tasks must be 0 or more", []string{"--ended-tasks=-1"}},
		{"task-record-age", "--task-record-age must be 0 or more, not -1h0m0s", []string{"--task-record-age=-1h"}},
		{"seed region", "Region 'mars-1' is not an AWS region name", []string{"--seed", mars}},
		{"seed id ..", "Id '..' is not valid", []string{"--seed", dots}},
		{"seed template id", "TaskTemplates[0].Id 'abc/task-template/def' is not valid", []string{"--seed", slash}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			code, _, stderr := exitOf(t, dir, nil, append([]string{"serve", "--addr", "127.0.0.1:0"}, tc.args...)...)
			if code != 2 || !strings.Contains(stderr, tc.want) || strings.Count(stderr, "connectlocal:") != 1 {
				t.Fatalf("exit %d, stderr %q, want %q", code, stderr, tc.want)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 0 {
				t.Fatalf("a refused start left %v", entries)
			}
		})
	}
}

// Issue 19 #15: a browser pointed at the server is sent to the console; #13: a request line net/http cannot
// parse gets the JSON error shape with a request id from serve too.
func TestServe_rootRedirectsToConsole(t *testing.T) {
	p := startServe(t, nil, "--store", "memory")
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := noFollow.Get(p.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != "/console/" {
		t.Fatalf("GET /: %d, Location %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	c, err := net.Dial("tcp", strings.TrimPrefix(p.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprint(c, "GET /instance/x/task/template/%zz HTTP/1.1\r\nHost: x\r\n\r\n")
	bad, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(bad.Body)
	if bad.StatusCode != 400 || bad.Header.Get("x-amzn-RequestId") == "" || bad.Header.Get("X-Amzn-ErrorType") != "InvalidParameterException" ||
		!strings.HasPrefix(string(body), `{"Message":`) {
		t.Fatalf("bad escape: %d %v %s", bad.StatusCode, bad.Header, body)
	}
}
