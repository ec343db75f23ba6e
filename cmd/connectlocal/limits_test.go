package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
)

// --max-requests: with n requests in the handler, another waits, and one whose client gives up while waiting
// is never served; once a slot frees, the next request runs.
func TestLimitRequests(t *testing.T) {
	const n = 3
	var served atomic.Int32
	entered, release := make(chan struct{}), make(chan struct{})
	h := limitRequests(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		served.Add(1)
		if r.URL.Path == "/block" {
			entered <- struct{}{}
			<-release
		}
	}), n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/block", nil))
		}()
		<-entered
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // the client has given up: with every slot taken, it must not be served
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/gave-up", nil).WithContext(ctx))
	if got := served.Load(); got != n {
		t.Fatalf("%d requests served with %d slots", got, n)
	}
	close(release)
	wg.Wait()
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/next", nil))
	if got := served.Load(); got != n+1 {
		t.Fatalf("after the slots freed: %d served, want %d", got, n+1)
	}
}
