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
	// routes are the operations' URIs, split on '/', for a path with an empty segment: ServeMux's single
	// wildcard never matches an empty label, so /instance/X/attribute/ would otherwise read as no operation.
	routes []route
}

// route is one operation's method and URI segments, and the handler that refuses its empty label.
type route struct {
	method string
	segs   []string
	empty  func(label string) http.Handler
}

func (rt router) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := r.URL.EscapedPath()
	if strings.Contains(p, "//") || (len(p) > 1 && strings.HasSuffix(p, "/")) {
		// An empty URI label is the operation's member left empty, answered as the model's length check
		// would (InvalidParameterException naming it), not as an unknown operation (issue 19 #13).
		segs := strings.Split(p, "/")
		for _, rte := range rt.routes {
			if label, ok := emptyLabel(rte, r.Method, segs); ok {
				rte.empty(label).ServeHTTP(w, r)
				return
			}
		}
	}
	if r.Method != http.MethodConnect && !isClean(p) {
		rt.unknown.ServeHTTP(w, r)
		return
	}
	rt.ServeMux.ServeHTTP(w, r)
}

// emptyLabel reports whether segs is rte's URI with every literal segment in place and at least one label
// empty, and names the first such label.
func emptyLabel(rte route, method string, segs []string) (string, bool) {
	if rte.method != method || len(rte.segs) != len(segs) {
		return "", false
	}
	empty := ""
	for i, want := range rte.segs {
		if label, ok := strings.CutPrefix(want, "{"); ok {
			if segs[i] == "" && empty == "" {
				empty = strings.TrimSuffix(label, "}")
			}
		} else if segs[i] != want {
			return "", false
		}
	}
	return empty, empty != ""
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

// emptyLabelError refuses op's request whose URI label is empty, in the model check's words.
func (a *API) emptyLabelError(label string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		op := a.model.Operations[ExchangeFrom(r.Context()).Operation]
		a.writeError(w, r, op, connectlocal.Errorf(connectlocal.InvalidArgument,
			"Value '' at '%s' failed to satisfy constraint: Member must have length greater than or equal to 1", label))
	})
}

// unknownOperation answers a request no operation matches.
func (a *API) unknownOperation(w http.ResponseWriter, r *http.Request) {
	a.writeError(w, r, nil, connectlocal.Errorf(connectlocal.UnknownOperation,
		"No operation matches %s %s", r.Method, r.URL.EscapedPath()))
}
