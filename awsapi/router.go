package awsapi

import (
	"net/http"
	"path"
	"strings"

	"github.com/connectlocal/connectlocal"
)

// router is the ServeMux without its path canonicalisation. ServeMux answers a path with a `.` or `..`
// segment or an empty one (`//`) with a 307 redirect and an HTML body; AWS's front end redirects nothing, so
// such a path names no operation and gets the JSON UnknownOperationException. (ServeMux's other redirect, from
// /x to /x/, needs a pattern ending in a slash or a {name...} wildcard; no operation's URI has one, and a
// single wildcard never matches an empty segment.) The check reads the escaped path, as ServeMux does, so an
// SDK-encoded ARN with %2F in a label is routed as before.
type router struct {
	*http.ServeMux
	unknown http.Handler
}

func (rt router) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if p := r.URL.EscapedPath(); r.Method != http.MethodConnect && !isClean(p) {
		rt.unknown.ServeHTTP(w, r)
		return
	}
	rt.ServeMux.ServeHTTP(w, r)
}

// isClean reports whether ServeMux would route p as it is (its cleanPath(p) == p).
func isClean(p string) bool {
	if p == "" || p[0] != '/' {
		return false
	}
	if !strings.Contains(p, "//") && !strings.Contains(p, "/.") {
		return true // no empty, . or .. segment: nothing for Clean to change
	}
	c := path.Clean(p)
	if p[len(p)-1] == '/' && c != "/" {
		c += "/"
	}
	return c == p
}

// unknownOperation answers a request no operation matches.
func (a *API) unknownOperation(w http.ResponseWriter, r *http.Request) {
	a.writeError(w, r, nil, connectlocal.Errorf(connectlocal.UnknownOperation,
		"No operation matches %s %s", r.Method, r.URL.EscapedPath()))
}
