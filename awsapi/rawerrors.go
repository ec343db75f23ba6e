package awsapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strconv"

	"github.com/google/uuid"
)

// RawErrorsListener wraps ln so that the few answers net/http's server writes by itself, before any handler
// runs, are AWS-shaped too: a request line it cannot parse (a bad percent escape such as
// /instance/X/task/template/%zz, which url.ParseRequestURI refuses), a malformed header, headers too large.
// net/http writes those as one plain-text "HTTP/1.1 400 Bad Request" with no request id and closes the
// connection (server.go, badRequestError); this rewrites that single write into the JSON error every other
// answer has, with an x-amzn-RequestId, and logs it like a request (issue 19 #13). logger may be nil.
func RawErrorsListener(ln net.Listener, logger *slog.Logger) net.Listener {
	return rawErrorsListener{ln, logger}
}

type rawErrorsListener struct {
	net.Listener
	logger *slog.Logger
}

func (l rawErrorsListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return c, err
	}
	return &rawErrorsConn{Conn: c, logger: l.logger}, nil
}

type rawErrorsConn struct {
	net.Conn
	logger *slog.Logger
}

// rawErrorHeaders is net/http's errorHeaders: what only its own answers carry (a handler's answer always has
// a Date header, and this has none).
const rawErrorHeaders = "\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n"

func (c *rawErrorsConn) Write(p []byte) (int, error) {
	status, ok := rawError(p)
	if !ok {
		return c.Conn.Write(p)
	}
	id := uuid.NewString()
	// Decided: AWS documents no answer to an unreadable request line; the URI's labels are the operation's
	// members, so a bad escape in one is InvalidParameterException, as an invalid member value is.
	typ := "InvalidParameterException"
	msg := "The request could not be read: its request line or headers are malformed (for example a bad percent escape in the URI)"
	if status == http.StatusRequestHeaderFieldsTooLarge {
		typ, msg = "InvalidRequestException", "The request headers are too large"
	}
	body, _ := json.Marshal(errorBody{Message: msg})
	var out bytes.Buffer
	fmt.Fprintf(&out, "HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nX-Amzn-ErrorType: %s\r\nx-amzn-RequestId: %s\r\n"+
		"Content-Length: %d\r\nConnection: close\r\n\r\n", status, http.StatusText(status), typ, id, len(body))
	out.Write(body)
	if c.logger != nil {
		c.logger.Info("request", "request_id", id, "operation", "(unreadable request)", "status", status, "error_type", typ,
			"remote", c.RemoteAddr().String())
	}
	if _, err := c.Conn.Write(out.Bytes()); err != nil {
		return 0, err
	}
	return len(p), nil
}

// rawError reports whether p is one of net/http's own plain-text error answers, and its status.
func rawError(p []byte) (int, bool) {
	rest, ok := bytes.CutPrefix(p, []byte("HTTP/1.1 "))
	if !ok || len(rest) < 3 || !bytes.Contains(p, []byte(rawErrorHeaders)) {
		return 0, false
	}
	head, _, _ := bytes.Cut(p, []byte("\r\n\r\n"))
	if bytes.Contains(head, []byte("\r\nDate: ")) {
		return 0, false
	}
	status, err := strconv.Atoi(string(rest[:3]))
	if err != nil || status < 400 || status > 599 {
		return 0, false
	}
	return status, true
}
