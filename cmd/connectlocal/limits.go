package main

import (
	"net/http"
)

// limitRequests lets at most n requests run at once; the others wait for a slot (or for their client to
// give up), so memory stays bounded however many connections a client opens (issue 10). Waiting instead
// of refusing keeps SDK clients, which retry throttling only a few times, from failing under a burst.
func limitRequests(h http.Handler, n int) http.Handler {
	if n <= 0 {
		return h
	}
	slots := make(chan struct{}, n)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case slots <- struct{}{}:
		case <-r.Context().Done():
			return
		}
		defer func() { <-slots }()
		h.ServeHTTP(w, r)
	})
}
