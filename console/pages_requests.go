package console

import (
	"net/http"
	"slices"
)

type requestList struct {
	Entries    []Entry
	Operations []string // every operation in the ring, for the filter
	Operation  string
	ErrorsOnly bool
	Total      int
}

// requestList shows the ring newest first, filtered by operation and by "errors only" (status >= 400).
func (c *console) requestList(w http.ResponseWriter, r *http.Request) {
	all := c.visible(r, c.opts.Requests.Entries())
	d := requestList{Operation: r.URL.Query().Get("operation"), ErrorsOnly: r.URL.Query().Get("errors") == "on", Total: len(all)}
	for _, e := range all {
		if e.Operation != "" && !slices.Contains(d.Operations, e.Operation) {
			d.Operations = append(d.Operations, e.Operation)
		}
		if d.Operation != "" && e.Operation != d.Operation || d.ErrorsOnly && e.Status < 400 {
			continue
		}
		d.Entries = append(d.Entries, e)
	}
	slices.Sort(d.Operations)
	c.render(w, r, http.StatusOK, "requests", page{Title: "Requests", Nav: "requests", Data: d})
}

func (c *console) requestDetail(w http.ResponseWriter, r *http.Request) {
	e, ok := c.opts.Requests.Entry(r.PathValue("id"))
	if a := signedIn(r.Context()); a != "" && e.Scope.Account != a {
		ok = false
	}
	if !ok {
		c.render(w, r, http.StatusNotFound, "error", page{Title: "Not found", Nav: "requests",
			Data: "No request " + r.PathValue("id") + " is kept; the list holds the most recent ones only."})
		return
	}
	c.render(w, r, http.StatusOK, "request", page{Title: "Request " + e.Operation, Nav: "requests", Data: e})
}

// visible keeps the requests of the signed-in account (all of them without sign-in).
func (c *console) visible(r *http.Request, es []Entry) []Entry {
	a := signedIn(r.Context())
	if a == "" {
		return es
	}
	return slices.DeleteFunc(es, func(e Entry) bool { return e.Scope.Account != a })
}
