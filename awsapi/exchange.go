package awsapi

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"time"

	"github.com/connectlocal/connectlocal"
)

// Exchange is one request and its answer as the hooks see it: logging, metrics, the console's request list,
// authentication, throttling and fault injection all read (and the Before hooks may adjust) the same record.
type Exchange struct {
	ID        string
	Start     time.Time
	Duration  time.Duration // set before the After hooks run
	Method    string
	Path      string // the escaped path as received
	Header    http.Header
	Operation string // the model's operation name; "" for an unknown route or an extra endpoint without one
	// Scope is where the request acts. It starts as PRODUCT.md's unauthenticated rule (access key id / region of
	// the SigV4 scope); a Before hook (authentication) may replace it.
	Scope connectlocal.Scope
	// Status and ErrorType are the answer's HTTP status and X-Amzn-ErrorType ("" on success).
	Status    int
	ErrorType string
	// Err is the error the answer was written from (a *connectlocal.Error or a foreign error), nil on success.
	Err error
	// Injected names the fault a Before hook injected, "" when the answer is genuine.
	Injected string
	// RequestBody and ResponseBody are kept only when Options.CaptureBodies is set (up to MaxBodyBytes).
	RequestBody  []byte
	ResponseBody []byte
}

// Hooks run around every request the API serves, mounted endpoints included.
type Hooks struct {
	// Before runs in order once the route and scope are known and before the operation runs. A non-nil error
	// answers the request with it (through the error table, as the operation's model error) and nothing runs.
	Before []func(r *http.Request, x *Exchange) error
	// After runs in order once the answer is written.
	After []func(x *Exchange)
}

type exchangeKey struct{}

// ExchangeFrom returns the request's Exchange, or nil outside the API's pipeline.
func ExchangeFrom(ctx context.Context) *Exchange {
	x, _ := ctx.Value(exchangeKey{}).(*Exchange)
	return x
}

// recorder notes the status (and, when asked, the body) a handler writes.
type recorder struct {
	http.ResponseWriter
	x       *Exchange
	capture bool
	limit   int64 // the most body bytes kept (Exchange: "up to MaxBodyBytes")
	wrote   bool
	body    bytes.Buffer
}

func (w *recorder) WriteHeader(status int) {
	if !w.wrote {
		w.wrote = true
		w.x.Status = status
		w.x.ErrorType = w.Header().Get("X-Amzn-ErrorType")
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *recorder) Write(p []byte) (int, error) {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
	if room := w.limit - int64(w.body.Len()); w.capture && room > 0 {
		w.body.Write(p[:min(int64(len(p)), room)])
	}
	return w.ResponseWriter.Write(p)
}

// Flush lets streaming extra endpoints (pprof, metrics) flush through the recorder.
func (w *recorder) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (w *recorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// captureBody reads the request body once (bounded) so hooks can see it, and hands the handler a fresh reader.
func captureBody(r *http.Request, limit int64) []byte {
	if r.Body == nil || r.Body == http.NoBody {
		return nil
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, limit))
	// The handler reads what was captured and then the rest of the body, so capturing (at debug level) never
	// changes what a handler with a larger limit of its own (import) receives.
	var rest io.Reader = r.Body
	if err != nil {
		rest = errReader{err}
	}
	r.Body = struct {
		io.Reader
		io.Closer
	}{io.MultiReader(bytes.NewReader(body), rest), r.Body}
	return body
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	return 0, io.EOF
}
