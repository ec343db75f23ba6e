package main

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// serve mounts the console at /console/ and says where; --console=false (or CONNECTLOCAL_CONSOLE=false)
// leaves it out.
func TestServe_console(t *testing.T) {
	get := func(t *testing.T, url string) (int, string) {
		t.Helper()
		resp, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	t.Run("on by default", func(t *testing.T) {
		p := startServe(t, nil, "--store", "memory")
		if !strings.Contains(p.startup, "console: "+p.URL+"/console/") {
			t.Fatalf("start-up lines do not name the console:\n%s", p.startup)
		}
		get(t, p.URL+"/instance") // an SDK-less request the console must list
		code, body := get(t, p.URL+"/console/")
		if code != http.StatusOK || !strings.Contains(body, "<h1>Requests</h1>") || !strings.Contains(body, "ListInstances") {
			t.Fatalf("/console/: %d\n%s", code, body)
		}
	})
	for name, c := range map[string]struct{ env, args []string }{
		"off by flag":     {nil, []string{"--console=false"}},
		"off by variable": {[]string{"CONNECTLOCAL_CONSOLE=false"}, nil},
	} {
		t.Run(name, func(t *testing.T) {
			p := startServe(t, c.env, append([]string{"--store", "memory"}, c.args...)...)
			if strings.Contains(p.startup, "console:") {
				t.Fatalf("start-up lines name a console that is off:\n%s", p.startup)
			}
			if code, body := get(t, p.URL+"/console/"); code != http.StatusNotFound || strings.Contains(body, "<html") {
				t.Fatalf("/console/ with the console off: %d %s", code, body)
			}
		})
	}
}
