package awsapi

import (
	"net/http"
	"strings"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/gateway"
)

// unknownOperation answers a request no operation matches (the gateway also sends it the paths ServeMux would
// redirect). A path that is an operation's URI with an empty label is that operation's member left empty, so
// it is answered as the model's length check would (InvalidParameterException naming it), not as an unknown
// operation (issue 19 #13): ServeMux's single wildcard never matches an empty label.
func (a *API) unknownOperation(w http.ResponseWriter, r *http.Request) {
	if p := r.URL.EscapedPath(); strings.Contains(p, "//") || (len(p) > 1 && strings.HasSuffix(p, "/")) {
		segs := strings.Split(p, "/")
		for _, name := range a.model.OperationNames() {
			op := a.model.Operations[name]
			uri, _, _ := strings.Cut(op.RequestURI, "?")
			if label, ok := emptyLabel(strings.Split(uri, "/"), op.Method, r.Method, segs); ok {
				if x := gateway.ExchangeFrom(r.Context()); x != nil {
					x.Operation = name
				}
				a.writeError(w, r, op, connectlocal.Errorf(connectlocal.InvalidArgument,
					"Value '' at '%s' failed to satisfy constraint: Member must have length greater than or equal to 1", label))
				return
			}
		}
	}
	a.writeError(w, r, nil, connectlocal.Errorf(connectlocal.UnknownOperation,
		"No operation matches %s %s", r.Method, r.URL.EscapedPath()))
}

// emptyLabel reports whether segs is the URI want (split on '/') of an operation with the given method, with
// every literal segment in place and at least one label empty, and names the first such label.
func emptyLabel(want []string, opMethod, method string, segs []string) (string, bool) {
	if opMethod != method || len(want) != len(segs) {
		return "", false
	}
	empty := ""
	for i, w := range want {
		if label, ok := strings.CutPrefix(w, "{"); ok {
			if segs[i] == "" && empty == "" {
				empty = strings.TrimSuffix(label, "}")
			}
		} else if segs[i] != w {
			return "", false
		}
	}
	return empty, empty != ""
}
