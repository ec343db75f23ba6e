package gateway

import (
	"path"
	"strings"
)

// isClean reports whether ServeMux would route p as it is (its cleanPath(p) == p). ServeMux answers a path
// with a `.` or `..` segment or an empty one (`//`) with a 307 redirect and an HTML body; AWS's front end
// redirects nothing, so the gateway sends such a path to the fallback (Connect's UnknownOperationException).
// (ServeMux's other redirect, from /x to /x/, needs a pattern ending in a slash or a {name...} wildcard; no
// operation's URI has one, and a single wildcard never matches an empty segment.) The check reads the escaped
// path, as ServeMux does, so an SDK-encoded ARN with %2F in a label is routed as before.
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
