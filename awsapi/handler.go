package awsapi

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/gateway"
	"github.com/connectlocal/connectlocal/internal/model"
)

// Options configure NewHandler.
type Options struct {
	// DefaultAccount is the account of a request whose access key id is not exactly 12 digits (when the API
	// serves itself), and the account an import names by default.
	DefaultAccount string
	// MaxBodyBytes caps a request body; larger bodies are refused. 0 means 1 MiB.
	MaxBodyBytes int64
	Logger       *slog.Logger
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
	self  func() http.Handler // a gateway with the API alone, for ServeHTTP
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

// NewHandler returns the API for every Connect operation plus the /_connectlocal/ endpoints. Mount it on a
// gateway's groups; served directly (ServeHTTP), it runs on a gateway of its own with no hooks.
func NewHandler(svc *connectlocal.Service, opts Options) *API {
	if opts.DefaultAccount == "" {
		opts.DefaultAccount = "000000000000"
	}
	if opts.MaxBodyBytes == 0 {
		opts.MaxBodyBytes = 1 << 20
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	a := &API{svc: svc, opts: opts, model: model.Load()}
	a.self = sync.OnceValue(func() http.Handler {
		gw := gateway.New(gateway.Options{DefaultAccount: opts.DefaultAccount, MaxBodyBytes: opts.MaxBodyBytes, Logger: opts.Logger})
		g := gw.Group(a.Refuse)
		a.Mount(g, g)
		return gw
	})
	return a
}

// Mount adds the Connect operations, the unknown-operation answer and the operations endpoints to g, and the
// health endpoint to open (which may be g).
func (a *API) Mount(g, open *gateway.Group) {
	for _, name := range a.model.OperationNames() {
		op := a.model.Operations[name]
		g.Handle(op.Method+" "+op.RequestURI, a.serveOperation(op, operations[name]), gateway.Named(name))
	}
	a.mountOps(g, open) // ops.go: health, reset, export, import
	g.Fallback(http.HandlerFunc(a.unknownOperation))
}

// ServeHTTP serves the API alone, on a gateway without hooks (benchmarks, the soak, tests of the wire).
func (a *API) ServeHTTP(w http.ResponseWriter, r *http.Request) { a.self().ServeHTTP(w, r) }

// Refuse is the Connect group's gateway.Refuse: err as the model error of the request's operation.
func (a *API) Refuse(w http.ResponseWriter, r *http.Request, err error) {
	var op *model.Operation
	if x := gateway.ExchangeFrom(r.Context()); x != nil {
		op = a.model.Operations[x.Operation]
	}
	a.writeError(w, r, op, err)
}

func (a *API) serveOperation(op *model.Operation, fn operation) http.Handler {
	input := a.model.Shapes[op.Input]
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		merged, err := a.readInput(r, input)
		if err != nil {
			a.writeError(w, r, op, err)
			return
		}
		out, err := a.call(r.Context(), gateway.ExchangeFrom(r.Context()).Scope, op, fn, merged)
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
	// issue 20: Terraform's aws_connect_queue sends Description "" with every rename when none is set
	// (terraform-provider-aws internal/service/connect/queue.go); the handler still checks the maximum.
	"UpdateQueueName": {"Description"},
	// The model's PhoneNumber pattern is escaped twice (`\\+[1-9]\\d{1,14}$`: backslashes, not a "+"), so
	// no real number matches it; the Service checks E.164 instead (connectlocal.checkE164).
	"CreateQuickConnect":       {"QuickConnectConfig.PhoneConfig.PhoneNumber"},
	"UpdateQuickConnectConfig": {"QuickConnectConfig.PhoneConfig.PhoneNumber"},
	// research-routing §2: Terraform sends Description "" for an unset description, and AWS takes it despite the
	// model's `.*\S.*` pattern; the length limit is checked in the domain (MaxFlowModuleDescription).
	"CreateContactFlowModule":         {"Description"},
	"UpdateContactFlowModuleMetadata": {"Description"},
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

// readInput merges the body, URI labels and query string into one map keyed by the model's member names.
func (a *API) readInput(r *http.Request, input *model.Shape) (map[string]any, error) {
	merged := map[string]any{}
	var body []byte
	// A request without a body (every GET) reads nothing: io.ReadAll would still allocate its first 512 bytes.
	if r.Body != nil && r.Body != http.NoBody {
		var err error
		body, err = io.ReadAll(http.MaxBytesReader(nil, r.Body, a.opts.MaxBodyBytes))
		if err != nil {
			return nil, connectlocal.Errorf(connectlocal.InvalidArgument, "The request body is larger than %d bytes", a.opts.MaxBodyBytes)
		}
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

// answerBuffers are the buffers hand-written answers (encode.go) are appended to.
var answerBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 2048); return &b }}

func writeJSON(w http.ResponseWriter, status int, v any) {
	var body []byte
	if a, ok := v.(jsonAppender); ok {
		// The buffer goes back to the pool once written: the server's writer, and a recorder capturing the
		// body, copy what they keep.
		buf := answerBuffers.Get().(*[]byte)
		body = a.appendJSON((*buf)[:0])
		defer func() {
			if cap(body) <= 64<<10 {
				*buf = body
				answerBuffers.Put(buf)
			}
		}()
	} else {
		var err error
		if body, err = json.Marshal(v); err != nil {
			body = []byte(`{}`)
		}
	}
	// Canonical keys assigned directly: Header.Set canonicalizes on every call.
	h := w.Header()
	h["Content-Type"] = []string{"application/json"}
	h["Content-Length"] = []string{strconv.Itoa(len(body))}
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
