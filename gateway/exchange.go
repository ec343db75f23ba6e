package gateway

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

	refuse Refuse // the group's, for a panic or a refusal once the route is known
}

// Before is a hook a group runs in order once the route, operation and scope are known and the body has been
// read, before the handler. A non-nil error answers the request with it, written by the group's Refuse (as
// the operation's model error), and nothing else runs.
type Before func(r *http.Request, x *Exchange) error

// After is a hook the gateway runs in order once any request's answer is written.
type After func(x *Exchange)

type exchangeKey struct{}

// ExchangeFrom returns the request's Exchange, or nil outside the gateway.
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
		// Header.Get("X-Amzn-ErrorType") without canonicalizing the key on every request.
		if v := w.Header()["X-Amzn-Errortype"]; len(v) > 0 {
			w.x.ErrorType = v[0]
		}
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

// readBody reads the request body up to limit bytes (within timeout, when the ResponseWriter can set a read
// deadline) and hands the handler a reader of what was read followed by the rest, so a handler with a larger
// limit of its own (import) still receives the whole body. It returns at most limit bytes, for capture.
func readBody(w http.ResponseWriter, r *http.Request, limit int64, timeout time.Duration) ([]byte, error) {
	if r.Body == nil || r.Body == http.NoBody {
		return nil, nil
	}
	rc := http.NewResponseController(w)
	if timeout > 0 {
		rc.SetReadDeadline(time.Now().Add(timeout)) // not every ResponseWriter can; then the server's ReadTimeout holds
	}
	var buf bytes.Buffer
	if n := r.ContentLength; n > 0 && n <= limit {
		buf.Grow(int(n))
	}
	if _, err := buf.ReadFrom(io.LimitReader(r.Body, limit+1)); err != nil {
		// What arrived, then the error: a handler that reads on (the open group's) sees the failure.
		r.Body = struct {
			io.Reader
			io.Closer
		}{io.MultiReader(bytes.NewReader(buf.Bytes()), errReader{err}), r.Body}
		return nil, err
	}
	body := buf.Bytes()
	var rest io.Reader = r.Body
	if timeout > 0 {
		// Once the whole body is in, the deadline is lifted, or the server's background read of the idle
		// connection would hit it and cancel the request's context while the handler still runs. A body past
		// the bound (import) is read on by the handler under the same deadline.
		if int64(len(body)) <= limit {
			rc.SetReadDeadline(time.Time{})
		} else {
			rest = &liftAtEOF{r: r.Body, rc: rc}
		}
	}
	r.Body = struct {
		io.Reader
		io.Closer
	}{io.MultiReader(bytes.NewReader(body), rest), r.Body}
	return body[:min(int64(len(body)), limit)], nil
}

// liftAtEOF lifts the read deadline once the body it reads has ended.
type liftAtEOF struct {
	r  io.Reader
	rc *http.ResponseController
}

func (l *liftAtEOF) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	if err == io.EOF {
		l.rc.SetReadDeadline(time.Time{})
	}
	return n, err
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }
