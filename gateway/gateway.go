package gateway

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/connectlocal/connectlocal"
	"github.com/google/uuid"
)

// Options configure New.
type Options struct {
	// DefaultAccount is the account of a request whose access key id is not exactly 12 digits.
	DefaultAccount string
	// MaxBodyBytes is how much of a body is read before a request takes a slot, and the most of one captured.
	// 0 means 1 MiB, Connect's own cap.
	MaxBodyBytes int64
	// MaxRequests is how many requests of the limited groups run at once; more wait for a slot (or for their
	// client to give up), so memory stays bounded however many connections a client opens (issue 10). Waiting
	// instead of refusing keeps SDK clients, which retry throttling only a few times, from failing under a
	// burst. 0: no limit.
	MaxRequests int
	// BodyTimeout bounds the time a limited group's body may take to arrive (0: only the server's own
	// timeouts), so a client trickling its body holds its own connection and nothing more (issue 19).
	BodyTimeout time.Duration
	// CaptureBodies keeps each request's and response's body in its Exchange, for hooks that show them.
	CaptureBodies bool
	// After hooks run on every request, in every group.
	After  []After
	Logger *slog.Logger
}

// Refuse answers err in a group's protocol: a Before hook's refusal, a body that could not be read, a panic.
// err may be a *connectlocal.Error, a *WireError naming the answer's type, or a foreign error (an internal
// error, or a cancelled request: see Ended).
type Refuse func(w http.ResponseWriter, r *http.Request, err error)

// WireError is an answer named in the protocol's own words, as fault injection names it: the group's Refuse
// answers with Type and the status its model gives Type.
type WireError struct {
	Type    string
	Message string
}

func (e *WireError) Error() string { return e.Type + ": " + e.Message }

// Catalog is what a protocol serves: its operations and, for each, the error types a refusal may name
// (throttle and faults check their rules against it).
type Catalog interface {
	Operations() []string
	Errors(operation string) []string
}

// Ended reports whether err says the request ended before its answer: its client went away or a deadline
// passed. Protocols classify it before anything else: it is logged at info and is never an internal error
// (minio's toAPIErrorCode does the same with ClientDisconnected).
func Ended(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// ClientClosedRequest is the status of an answer to a request that ended first (nginx's 499, minio's
// ClientDisconnected); the client is usually no longer there to read it.
const ClientClosedRequest = 499

// Gateway routes every request to its group's handler through the one pipeline.
type Gateway struct {
	opts     Options
	mux      *http.ServeMux
	fallback http.Handler
	slots    chan struct{}
}

// New returns a Gateway with no routes; add groups and their routes before serving.
func New(opts Options) *Gateway {
	if opts.DefaultAccount == "" {
		opts.DefaultAccount = "000000000000"
	}
	if opts.MaxBodyBytes == 0 {
		opts.MaxBodyBytes = 1 << 20
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	g := &Gateway{opts: opts, mux: http.NewServeMux()}
	if opts.MaxRequests > 0 {
		g.slots = make(chan struct{}, opts.MaxRequests)
	}
	g.fallback = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, fmt.Sprintf("No route matches %s %s", r.Method, r.URL.EscapedPath()), http.StatusNotFound)
	})
	return g
}

// Group is a set of routes sharing Before hooks, a way of writing a refusal and a place under the request
// limit.
type Group struct {
	g      *Gateway
	refuse Refuse
	before []Before
	open   bool
}

// Group returns a group whose requests read their body first, then wait for a slot, then meet before in
// order; refuse writes what the group's protocol answers when something refuses a request.
func (g *Gateway) Group(refuse Refuse, before ...Before) *Group {
	return &Group{g: g, refuse: refuse, before: before}
}

// Open returns a group outside the request limit and without Before hooks, for the endpoints machines poll
// (health, metrics), which must answer however busy the server is.
func (g *Gateway) Open(refuse Refuse) *Group {
	return &Group{g: g, refuse: refuse, open: true}
}

// Handle serves h at a ServeMux pattern in the group. operation names the request for the hooks (nil: it has
// no operation name).
func (gr *Group) Handle(pattern string, h http.Handler, operation func(*http.Request) string) {
	gr.g.mux.Handle(pattern, gr.pipeline(operation, h))
}

// Fallback makes h, in the group, answer what no route matches (and the paths ServeMux would redirect).
func (gr *Group) Fallback(h http.Handler) {
	gr.g.fallback = gr.pipeline(nil, h)
	gr.g.mux.Handle("/", gr.g.fallback)
}

// Named returns an operation namer that always gives name.
func Named(name string) func(*http.Request) string { return func(*http.Request) string { return name } }

// pipeline runs once the route is known: it names the operation, reads the body and takes a slot (limited
// groups), and runs the Before hooks, whose error answers the request instead of h.
func (gr *Group) pipeline(operation func(*http.Request) string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		x := ExchangeFrom(r.Context())
		x.refuse = gr.refuse
		if operation != nil {
			x.Operation = operation(r)
		}
		opts := &gr.g.opts
		if gr.open {
			if opts.CaptureBodies {
				x.RequestBody, _ = readBody(w, r, opts.MaxBodyBytes, 0)
			}
		} else {
			// The body is read before the slot is taken, so a client trickling it holds its connection only.
			body, err := readBody(w, r, opts.MaxBodyBytes, opts.BodyTimeout)
			if err != nil {
				w.Header().Set("Connection", "close")
				gr.refuse(w, r, connectlocal.Errorf(connectlocal.InvalidRequest,
					"The request body could not be read: %s", bodyProblem(err)))
				return
			}
			if opts.CaptureBodies {
				x.RequestBody = body
			}
			if gr.g.slots != nil {
				select {
				case gr.g.slots <- struct{}{}:
					defer func() { <-gr.g.slots }()
				case <-r.Context().Done():
					gr.refuse(w, r, r.Context().Err())
					return
				}
			}
		}
		for _, before := range gr.before {
			if err := before(r, x); err != nil {
				gr.refuse(w, r, err)
				return
			}
		}
		h.ServeHTTP(w, r)
	})
}

// bodyProblem words a body read error without Go's internals.
func bodyProblem(err error) string {
	var ne interface{ Timeout() bool }
	switch {
	case errors.As(err, &ne) && ne.Timeout():
		return "it did not arrive in time"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "it ended before its Content-Length"
	}
	return "the connection failed"
}

// ServeHTTP gives the request its id and Exchange, turns a panic into the group's internal error, routes, and
// runs the After hooks once the answer is written.
func (g *Gateway) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	id := newRequestID()
	// The canonical form of x-amzn-RequestId, assigned directly: Header.Set would canonicalize it on every
	// request (~1.5% of a cached GetTaskTemplate's CPU with the other Set and Get calls, pprof).
	w.Header()["X-Amzn-Requestid"] = []string{id}
	escaped := r.URL.EscapedPath()
	x := &Exchange{ID: id, Start: time.Now(), Method: r.Method, Path: escaped, Header: r.Header}
	r = r.WithContext(context.WithValue(r.Context(), exchangeKey{}, x))
	x.Scope = g.scopeOf(r)
	rec := &recorder{ResponseWriter: w, x: x, capture: g.opts.CaptureBodies, limit: g.opts.MaxBodyBytes}
	defer func() {
		if p := recover(); p != nil {
			if p == http.ErrAbortHandler {
				panic(p)
			}
			g.opts.Logger.Error("panic", "request_id", id, "panic", p)
			if x.refuse != nil && !rec.wrote {
				x.refuse(rec, r, fmt.Errorf("panic: %v", p))
			} else if !rec.wrote {
				http.Error(rec, "An internal error occurred. Request id "+id+".", http.StatusInternalServerError)
			}
		}
		x.Duration = time.Since(x.Start)
		if g.opts.CaptureBodies {
			x.ResponseBody = rec.body.Bytes()
		}
		for _, after := range g.opts.After {
			after(x)
		}
	}()
	if r.Method != http.MethodConnect && !isClean(escaped) {
		g.fallback.ServeHTTP(rec, r)
		return
	}
	g.mux.ServeHTTP(rec, r)
}

// credentialRe picks the access key and region out of a SigV4 Authorization header. credential reads the
// usual header without it; the expression stays the definition, and answers the headers credential cannot.
var credentialRe = regexp.MustCompile(`Credential=([^/,\s]+)/[^/]*/([^/]+)/`)

// credential returns credentialRe's two submatches of h. Running the expression on every request was 2.7% of a
// cached GetTaskTemplate's CPU (pprof of the binary under wrk); a match that starts at the first
// "Credential=" is found here by hand and is the expression's (the leftmost match, and every part of it is a
// run of characters up to the first that may not be in it); anything else is left to the expression.
func credential(h string) (key, region string, ok bool) {
	i := strings.Index(h, "Credential=")
	if i < 0 {
		return "", "", false
	}
	rest := h[i+len("Credential="):]
	k := strings.IndexAny(rest, "/,\t\n\f\r ")
	if k > 0 && rest[k] == '/' {
		afterKey := rest[k+1:]
		if d := strings.IndexByte(afterKey, '/'); d >= 0 {
			afterDate := afterKey[d+1:]
			if g := strings.IndexByte(afterDate, '/'); g > 0 {
				return rest[:k], afterDate[:g], true
			}
		}
	}
	m := credentialRe.FindStringSubmatch(h)
	if m == nil {
		return "", "", false
	}
	return m[1], m[2], true
}

// scopeOf derives account and region from the request's credentials (PRODUCT.md, "The wire"): the rule
// before any authentication, which a Before hook (sigv4auth) may replace.
func (g *Gateway) scopeOf(r *http.Request) connectlocal.Scope {
	s := connectlocal.Scope{Account: g.opts.DefaultAccount, Region: "us-east-1"}
	var auth string
	if v := r.Header["Authorization"]; len(v) > 0 { // Header.Get's answer, without canonicalizing the key
		auth = v[0]
	}
	key, region, ok := credential(auth)
	if !ok {
		return s
	}
	if connectlocal.IsAccountID(key) {
		s.Account = key
	}
	s.Region = region
	return s
}

// ids hands out random (version 4) request ids from a buffer filled from crypto/rand 128 ids at a time:
// uuid.NewString reads crypto/rand for each one (1.7% of a cached GetTaskTemplate's CPU, pprof).
var ids struct {
	mu  sync.Mutex
	buf [16 * 128]byte
	n   int // unused bytes at the start of buf
}

func newRequestID() string {
	var u uuid.UUID
	ids.mu.Lock()
	if ids.n == 0 {
		rand.Read(ids.buf[:]) // never fails (crypto/rand, Go 1.24)
		ids.n = len(ids.buf)
	}
	ids.n -= len(u)
	copy(u[:], ids.buf[ids.n:])
	ids.mu.Unlock()
	u[6] = (u[6] & 0x0f) | 0x40 // version 4
	u[8] = (u[8] & 0x3f) | 0x80 // RFC 4122 variant
	return u.String()
}
