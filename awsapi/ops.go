package awsapi

import (
	"context"
	"io"
	"net/http"
	"slices"
	"time"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/gateway"
)

// The operations endpoints live under /_connectlocal/, a prefix no AWS path uses (PRODUCT.md), and go through
// the same pipeline as the Connect operations, so they are logged, counted and (later) authenticated alike.
func (a *API) mountOps(g, open *gateway.Group) {
	started := time.Now()
	open.Handle("GET /_connectlocal/health", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body := map[string]any{"version": a.opts.Version, "store": a.opts.StoreKind,
			"uptimeSeconds": int64(time.Since(started).Seconds())}
		ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
		defer cancel()
		if err := a.svc.Ping(ctx); err != nil {
			body["status"], body["reason"] = "unavailable", "the store does not answer: "+err.Error()
			writeJSON(w, http.StatusServiceUnavailable, body)
			return
		}
		body["status"] = "ok"
		writeJSON(w, http.StatusOK, body)
	}), nil)
	g.Handle("POST /_connectlocal/reset", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		m := connectlocal.ScopeMatch{Account: q.Get("account"), Region: q.Get("region")}
		if own, ok := a.ownAccount(r); ok {
			if m.Account != "" && m.Account != own {
				a.writeError(w, r, nil, connectlocal.Errorf(connectlocal.InvalidRequest,
					"A signed reset acts only in the signer's account %s, not in %s", own, m.Account))
				return
			}
			m.Account = own
		}
		removed, err := a.svc.Reset(r.Context(), m)
		if err != nil {
			a.writeError(w, r, nil, err)
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"removed": removed})
	}), nil)
	// moto's server mode posts here before every test (moto/core/models.py, ServerModeMockAWS.reset) and
	// moto answers 200 {"status": "ok"} (moto/moto_api/_internal/responses.py); the counts are ours.
	g.Handle("POST /moto-api/reset", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var m connectlocal.ScopeMatch
		m.Account, _ = a.ownAccount(r)
		removed, err := a.svc.Reset(r.Context(), m)
		if err != nil {
			a.writeError(w, r, nil, err)
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "removed": removed})
	}), nil)
	g.Handle("GET /_connectlocal/export", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		snap, err := a.svc.Export(r.Context())
		if own, ok := a.ownAccount(r); ok {
			snap.Scopes = slices.DeleteFunc(snap.Scopes, func(ss connectlocal.ScopeSnapshot) bool { return ss.Scope.Account != own })
		}
		if err == nil {
			var body []byte
			if body, err = EncodeDocument(snap); err == nil {
				w.Header().Set("Content-Type", "application/json")
				w.Write(body)
				return
			}
		}
		a.writeError(w, r, nil, err)
	}), nil)
	g.Handle("POST /_connectlocal/import", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, 256<<20))
		if err != nil {
			a.writeError(w, r, nil, connectlocal.Errorf(connectlocal.InvalidArgument, "The document could not be read: %v", err))
			return
		}
		account := a.opts.DefaultAccount
		if q := r.URL.Query().Get("account"); q != "" {
			account = q // checked with the document's own accounts
		}
		own, scoped := a.ownAccount(r)
		if scoped {
			account = own
		}
		snap, err := DecodeDocument(raw, account)
		if err != nil {
			a.writeError(w, r, nil, err)
			return
		}
		for _, ss := range snap.Scopes {
			if scoped && ss.Scope.Account != own {
				a.writeError(w, r, nil, connectlocal.Errorf(connectlocal.InvalidRequest,
					"A signed import writes only into the signer's account %s; the document names %s", own, ss.Scope.Account))
				return
			}
		}
		res, err := a.svc.Import(r.Context(), snap)
		if err != nil {
			a.writeError(w, r, nil, describeForImport(err))
			return
		}
		writeJSON(w, http.StatusOK, res)
	}), nil)
}

// ownAccount is the account reset, export and import are confined to: the signer's, when requests are
// authenticated (issue 11: under --auth sigv4 a reset resets only the signer's account).
func (a *API) ownAccount(r *http.Request) (string, bool) {
	if !a.opts.AuthScoped {
		return "", false
	}
	return gateway.ExchangeFrom(r.Context()).Scope.Account, true
}

// describeForImport puts an import error's template violations into its message, since the endpoint answers
// outside any Connect operation and a client reads only Message.
func describeForImport(err error) error {
	e, ok := err.(*connectlocal.Error)
	if !ok || len(e.Violations) == 0 {
		return err
	}
	out := *e
	out.Code = connectlocal.InvalidArgument
	out.Violations = nil
	return &out
}
