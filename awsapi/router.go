package awsapi

import (
	"net/http"

	"github.com/connectlocal/connectlocal"
)

// unknownOperation answers a request no operation matches (the gateway also sends it the paths ServeMux would
// redirect).
func (a *API) unknownOperation(w http.ResponseWriter, r *http.Request) {
	a.writeError(w, r, nil, connectlocal.Errorf(connectlocal.UnknownOperation,
		"No operation matches %s %s", r.Method, r.URL.EscapedPath()))
}
