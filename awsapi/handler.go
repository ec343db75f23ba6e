package awsapi

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/internal/model"
	"github.com/google/uuid"
)

// Options configure NewHandler.
type Options struct {
	// DefaultAccount is the account of a request whose access key id is not exactly 12 digits.
	DefaultAccount string
	// MaxBodyBytes caps a request body; larger bodies are refused. 0 means 1 MiB.
	MaxBodyBytes int64
	Logger       *slog.Logger
	// Hooks run around every request (see Exchange).
	Hooks Hooks
	// CaptureBodies keeps each request's and response's body in its Exchange, for hooks that show them.
	CaptureBodies bool
	// Version and StoreKind are what /_connectlocal/health reports (the store's kind, never its URL).
	Version, StoreKind string
	// AuthScoped says a Before hook authenticates every request's Scope (--auth sigv4): reset, export and
	// import then act only in the signer's account.
	AuthScoped bool
}

// API serves the Connect operations.
type API struct {
	svc   *connectlocal.Service
	opts  Options
	model *model.Model
	mux   router
}

// operation is one model operation's handler: it gets the request merged and checked against the model, as
// decoded by encoding/json with UseNumber.
type operation func(ctx context.Context, a *API, scope connectlocal.Scope, in map[string]any) (any, error)

// handle adapts a typed handler to an operation: the merged input is filled into its wire struct first.
func handle[In, Out any](fn func(ctx context.Context, a *API, scope connectlocal.Scope, in *In) (Out, error)) operation {
	return func(ctx context.Context, a *API, scope connectlocal.Scope, merged map[string]any) (any, error) {
		in := new(In)
		if err := fill(merged, in); err != nil {
			return nil, connectlocal.Errorf(connectlocal.InvalidArgument, "Could not read the request: %s", jsonProblem(err))
		}
		return fn(ctx, a, scope, in)
	}
}

// NewHandler returns the http.Handler for every Connect operation plus the /_connectlocal/ endpoints.
func NewHandler(svc *connectlocal.Service, opts Options) http.Handler {
	if opts.DefaultAccount == "" {
		opts.DefaultAccount = "000000000000"
	}
	if opts.MaxBodyBytes == 0 {
		opts.MaxBodyBytes = 1 << 20
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	a := &API{svc: svc, opts: opts, model: model.Load(), mux: router{ServeMux: http.NewServeMux()}}
	for _, name := range a.model.OperationNames() {
		op := a.model.Operations[name]
		a.mux.Handle(op.Method+" "+op.RequestURI, a.pipeline(named(name), a.serveOperation(op, operations[name])))
	}
	a.mountOps() // ops.go: health, reset, export, import
	a.mux.unknown = a.pipeline(nil, http.HandlerFunc(a.unknownOperation))
	a.mux.Handle("/", a.mux.unknown)
	return a
}

// Mount serves h at a ServeMux pattern through the same pipeline as the Connect operations: request id,
// recover, scope and hooks. operation names the request for the hooks (nil: it has no operation name).
func (a *API) Mount(pattern string, h http.Handler, operation func(*http.Request) string) {
	a.mux.Handle(pattern, a.pipeline(operation, h))
}

func named(name string) func(*http.Request) string { return func(*http.Request) string { return name } }

// pipeline runs once the route is known: it names the operation and runs the Before hooks, whose error
// answers the request instead of h.
func (a *API) pipeline(operation func(*http.Request) string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		x := ExchangeFrom(r.Context())
		if operation != nil {
			x.Operation = operation(r)
		}
		for _, before := range a.opts.Hooks.Before {
			if err := before(r, x); err != nil {
				a.writeError(w, r, a.model.Operations[x.Operation], err)
				return
			}
		}
		h.ServeHTTP(w, r)
	})
}

type ctxKey int

const requestIDKey ctxKey = 0

// ServeHTTP adds the request id and the Exchange, turns a panic into InternalServiceException, routes, and
// runs the After hooks once the answer is written.
func (a *API) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	id := uuid.NewString()
	w.Header().Set("x-amzn-RequestId", id)
	x := &Exchange{ID: id, Start: time.Now(), Method: r.Method, Path: r.URL.EscapedPath(), Header: r.Header}
	ctx := context.WithValue(r.Context(), requestIDKey, id)
	r = r.WithContext(context.WithValue(ctx, exchangeKey{}, x))
	x.Scope = a.scopeOf(r)
	if a.opts.CaptureBodies {
		x.RequestBody = captureBody(r, a.opts.MaxBodyBytes)
	}
	rec := &recorder{ResponseWriter: w, x: x, capture: a.opts.CaptureBodies, limit: a.opts.MaxBodyBytes}
	defer func() {
		if p := recover(); p != nil {
			if p == http.ErrAbortHandler {
				panic(p)
			}
			a.opts.Logger.Error("panic", "request_id", id, "panic", p)
			a.writeError(rec, r, a.model.Operations[x.Operation], connectlocal.Errorf(connectlocal.Internal, "panic: %v", p))
		}
		x.Duration = time.Since(x.Start)
		if a.opts.CaptureBodies {
			x.ResponseBody = rec.body.Bytes()
		}
		for _, after := range a.opts.Hooks.After {
			after(x)
		}
	}()
	a.mux.ServeHTTP(rec, r)
}

func (a *API) serveOperation(op *model.Operation, fn operation) http.Handler {
	input := a.model.Shapes[op.Input]
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		merged, err := a.readInput(r, input)
		if err != nil {
			a.writeError(w, r, op, err)
			return
		}
		out, err := a.call(r.Context(), ExchangeFrom(r.Context()).Scope, op, fn, merged)
		if err != nil {
			a.writeError(w, r, op, err)
			return
		}
		status := op.ResponseCode
		if status == 0 {
			status = http.StatusOK
		}
		writeJSON(w, status, out)
	})
}

// lenientMembers are members whose model constraints the real service is seen not to enforce.
var lenientMembers = map[string][]string{
	// spec-facts §5, obs. [S10]: a status filter outside ACTIVE/INACTIVE lists nothing; it is no error.
	"ListTaskTemplates": {"Status"},
}

// memberProblems checks the merged input against the model, as every request is.
func memberProblems(m *model.Model, op *model.Operation, merged map[string]any) []model.Problem {
	return slices.DeleteFunc(m.Validate(op.Input, merged), func(p model.Problem) bool {
		return slices.Contains(lenientMembers[op.Name], p.Path)
	})
}

// call checks the merged input against the model and runs the operation.
func (a *API) call(ctx context.Context, scope connectlocal.Scope, op *model.Operation, fn operation, merged map[string]any) (any, error) {
	if problems := memberProblems(a.model, op, merged); len(problems) > 0 {
		return nil, connectlocal.Errorf(connectlocal.InvalidArgument, "%s", model.FormatProblems(problems))
	}
	return fn(ctx, a, scope, merged)
}

// New returns the API without its HTTP routes, for in-process calls.
func New(svc *connectlocal.Service, opts Options) *API {
	return NewHandler(svc, opts).(*API)
}

// readInput merges the body, URI labels and query string into one map keyed by the model's member names.
func (a *API) readInput(r *http.Request, input *model.Shape) (map[string]any, error) {
	merged := map[string]any{}
	body, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, a.opts.MaxBodyBytes))
	if err != nil {
		return nil, connectlocal.Errorf(connectlocal.InvalidArgument, "The request body is larger than %d bytes", a.opts.MaxBodyBytes)
	}
	if input == nil {
		return merged, nil
	}
	if err := checkUTF8(body); err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(body)) > 0 {
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err != nil {
			return nil, connectlocal.Errorf(connectlocal.InvalidArgument, "The request body is not valid JSON: %s", jsonProblem(err))
		}
		if dec.More() {
			return nil, connectlocal.Errorf(connectlocal.InvalidArgument, "The request body is not valid JSON: data after the top-level value")
		}
		obj, ok := v.(map[string]any)
		if !ok && v != nil {
			return nil, connectlocal.Errorf(connectlocal.InvalidArgument, "The request body must be a JSON object")
		}
		for _, name := range input.MemberNames {
			if m := input.Members[name]; m.Location == "" {
				if val, ok := obj[name]; ok {
					merged[name] = val
				}
			}
		}
	}
	if !utf8.ValidString(r.URL.Path) {
		return nil, connectlocal.Errorf(connectlocal.InvalidArgument, "The request URI is not valid UTF-8")
	}
	query := r.URL.Query()
	for _, name := range input.MemberNames {
		m := input.Members[name]
		switch m.Location {
		case "uri":
			merged[name] = r.PathValue(m.LocationName)
		case "querystring":
			vals, ok := query[m.LocationName]
			if !ok {
				continue
			}
			if slices.ContainsFunc(vals, func(v string) bool { return !utf8.ValidString(v) }) {
				return nil, connectlocal.Errorf(connectlocal.InvalidArgument, "The query parameter %s is not valid UTF-8", m.LocationName)
			}
			switch a.model.Shapes[m.Shape].Type {
			case "list":
				items := make([]any, len(vals))
				for i, v := range vals {
					items[i] = v
				}
				merged[name] = items
			case "integer", "long":
				if _, err := strconv.ParseInt(vals[0], 10, 64); err == nil {
					merged[name] = json.Number(vals[0])
				} else {
					merged[name] = vals[0]
				}
			default:
				merged[name] = vals[0]
			}
		}
	}
	return merged, nil
}

// credentialRe picks the access key and region out of a SigV4 Authorization header.
var credentialRe = regexp.MustCompile(`Credential=([^/,\s]+)/[^/]*/([^/]+)/`)

// scopeOf derives account and region from the request's credentials (PRODUCT.md, "The wire").
func (a *API) scopeOf(r *http.Request) connectlocal.Scope {
	s := connectlocal.Scope{Account: a.opts.DefaultAccount, Region: "us-east-1"}
	m := credentialRe.FindStringSubmatch(r.Header.Get("Authorization"))
	if m == nil {
		return s
	}
	if connectlocal.IsAccountID(m[1]) {
		s.Account = m[1]
	}
	s.Region = m[2]
	return s
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		body = []byte(`{}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	w.Write(body)
}

// jsonProblem describes a JSON error without Go type names.
func jsonProblem(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	var fe *typeError
	switch {
	case asErr(err, &fe):
		return fe.Error()
	case asErr(err, &se):
		return "syntax error at byte " + strconv.FormatInt(se.Offset, 10)
	case asErr(err, &te):
		return "wrong type for member '" + te.Field + "'"
	case strings.Contains(err.Error(), "unexpected EOF"):
		return "unexpected end of input"
	}
	return "malformed input"
}
