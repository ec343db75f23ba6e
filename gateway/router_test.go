package gateway

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// isClean agrees with ServeMux: for every path built from awkward segments, a bare ServeMux redirects exactly
// the paths isClean rejects, so the router's check can neither miss a redirect nor refuse a routable path.
func TestIsCleanMatchesServeMux(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(http.ResponseWriter, *http.Request) {})
	segs := []string{"a", ".", "..", "", "%2F", "%2e", "...", ".a"}
	var paths []string
	var build func(prefix string, depth int)
	build = func(prefix string, depth int) {
		paths = append(paths, prefix, prefix+"/")
		if depth == 3 {
			return
		}
		for _, s := range segs {
			build(prefix+"/"+s, depth+1)
		}
	}
	build("", 0)
	redirected := 0
	for _, p := range paths {
		if p == "" {
			continue // no request line carries an empty path
		}
		r := httptest.NewRequest("GET", "http://x"+p, nil)
		w := httptest.NewRecorder()
		mux.ServeHTTP(w, r)
		redirect := w.Code == http.StatusTemporaryRedirect || w.Code == http.StatusMovedPermanently
		if redirect {
			redirected++
		}
		if redirect == isClean(r.URL.EscapedPath()) {
			t.Errorf("%q: ServeMux redirects: %v, isClean: %v", p, redirect, isClean(r.URL.EscapedPath()))
		}
	}
	if redirected == 0 || redirected == len(paths)-1 {
		t.Fatalf("%d of %d paths redirected: the paths do not tell clean from unclean", redirected, len(paths)-1)
	}
}
