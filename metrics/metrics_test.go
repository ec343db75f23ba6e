package metrics_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/connectlocal/connectlocal/gateway"
	"github.com/connectlocal/connectlocal/internal/connecttest"
	"github.com/connectlocal/connectlocal/memory"
	"github.com/connectlocal/connectlocal/metrics"
)

// Unknown paths share one label, so a client probing random paths cannot grow the registry.
func TestUnknownPathsShareOneLabel(t *testing.T) {
	m := metrics.New()
	srv := connecttest.StartWith(t, m.Store(memory.New()), connecttest.Options{After: []gateway.After{m.After}})
	for _, p := range []string{"/a", "/b/c", "/d?e=f"} {
		resp, err := http.Get(srv.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	resp, err := http.Get(srv.URL + "/_connectlocal/health")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	out := rec.Body.String()
	for _, want := range []string{`connectlocal_requests_total{operation="unknown",status="404"} 3`,
		`connectlocal_requests_total{operation="GET /_connectlocal/health",status="200"} 1`,
		`connectlocal_store_duration_seconds_count{method="Ping"} 1`} {
		if !strings.Contains(out, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
	if strings.Contains(out, `operation="/a"`) || strings.Contains(out, "/b/c") {
		t.Errorf("an unknown path became a label:\n%s", out)
	}
}
