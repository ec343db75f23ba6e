package awsapi_test

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/awsapi"
	"github.com/connectlocal/connectlocal/memory"
)

// Capturing bodies for the debug log keeps at most MaxBodyBytes, and the handler still reads the whole body
// (import reads documents far larger than an operation's request).
func TestCaptureKeepsTheWholeBodyForTheHandler(t *testing.T) {
	var captured []byte
	api := awsapi.New(connectlocal.NewService(memory.New()), awsapi.Options{CaptureBodies: true, MaxBodyBytes: 10,
		Hooks: awsapi.Hooks{After: []func(*awsapi.Exchange){func(x *awsapi.Exchange) { captured = x.RequestBody }}}})
	api.Mount("POST /echo-length", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		w.Write([]byte(strconv.Itoa(len(b))))
	}), nil)
	rec := httptest.NewRecorder()
	api.ServeHTTP(rec, httptest.NewRequest("POST", "/echo-length", bytes.NewReader(bytes.Repeat([]byte("x"), 1000))))
	if rec.Body.String() != "1000" || len(captured) != 10 {
		t.Fatalf("handler read %s bytes, the hook kept %d", rec.Body.String(), len(captured))
	}
}
