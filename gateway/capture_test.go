package gateway_test

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/connectlocal/connectlocal/gateway"
)

// Capturing bodies for the debug log keeps at most MaxBodyBytes, and the handler still reads the whole body
// (import reads documents far larger than an operation's request), in a limited group and an open one.
func TestCaptureKeepsTheWholeBodyForTheHandler(t *testing.T) {
	var captured []byte
	gw := gateway.New(gateway.Options{CaptureBodies: true, MaxBodyBytes: 10, MaxRequests: 1,
		After: []gateway.After{func(x *gateway.Exchange) { captured = x.RequestBody }}})
	echo := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		w.Write([]byte(strconv.Itoa(len(b))))
	})
	refuse := func(w http.ResponseWriter, r *http.Request, err error) { http.Error(w, err.Error(), 400) }
	gw.Group(refuse).Handle("POST /echo-length", echo, nil)
	gw.Open(refuse).Handle("POST /open/echo-length", echo, nil)
	for _, path := range []string{"/echo-length", "/open/echo-length"} {
		rec := httptest.NewRecorder()
		gw.ServeHTTP(rec, httptest.NewRequest("POST", path, bytes.NewReader(bytes.Repeat([]byte("x"), 1000))))
		if rec.Body.String() != "1000" || len(captured) != 10 {
			t.Fatalf("%s: handler read %s bytes, the hook kept %d", path, rec.Body.String(), len(captured))
		}
	}
}
