package gateway_test

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/gateway"
)

// refusal records what a group's Refuse was given and answers with the error's text.
type refusal struct {
	mu   sync.Mutex
	errs []error
}

func (rf *refusal) refuse(w http.ResponseWriter, r *http.Request, err error) {
	rf.mu.Lock()
	rf.errs = append(rf.errs, err)
	rf.mu.Unlock()
	status := 400
	if gateway.Ended(err) {
		status = gateway.ClientClosedRequest
	}
	http.Error(w, err.Error(), status)
}

func (rf *refusal) all() []error {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	return append([]error(nil), rf.errs...)
}

// MaxRequests: with n requests in the handler, another waits, and one whose client gives up while waiting is
// never served (its group refuses it as ended, never as an internal error); once a slot frees, the next
// request runs. The open group answers throughout.
func TestSlots(t *testing.T) {
	const n = 3
	var served atomic.Int32
	entered, release := make(chan struct{}), make(chan struct{})
	rf := &refusal{}
	gw := gateway.New(gateway.Options{MaxRequests: n})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		served.Add(1)
		if r.URL.Path == "/block" {
			entered <- struct{}{}
			<-release
		}
	})
	g := gw.Group(rf.refuse)
	g.Handle("/block", h, nil)
	g.Handle("/next", h, nil)
	gw.Open(rf.refuse).Handle("/health", http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}), nil)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			gw.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/block", nil))
		}()
		<-entered
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // the client has given up: with every slot taken, it must not be served
	rec := httptest.NewRecorder()
	gw.ServeHTTP(rec, httptest.NewRequest("GET", "/next", nil).WithContext(ctx))
	if got := served.Load(); got != n || rec.Code != gateway.ClientClosedRequest {
		t.Fatalf("%d requests served with %d slots; the one that gave up got %d", got, n, rec.Code)
	}
	rec = httptest.NewRecorder()
	gw.ServeHTTP(rec, httptest.NewRequest("GET", "/health", nil))
	if rec.Code != 200 {
		t.Fatalf("open group with every slot taken: %d", rec.Code)
	}
	close(release)
	wg.Wait()
	gw.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/next", nil))
	if got := served.Load(); got != n+1 {
		t.Fatalf("after the slots freed: %d served, want %d", got, n+1)
	}
	if errs := rf.all(); len(errs) != 1 || !errors.Is(errs[0], context.Canceled) {
		t.Fatalf("refusals %v, want the one cancelled request", errs)
	}
}

// A body that stops arriving is cut off at BodyTimeout and refused by the group, with the connection closed;
// it never reaches the handler.
func TestBodyTimeout(t *testing.T) {
	rf := &refusal{}
	var served atomic.Bool
	gw := gateway.New(gateway.Options{BodyTimeout: 50 * time.Millisecond})
	gw.Group(rf.refuse).Handle("POST /x", http.HandlerFunc(func(http.ResponseWriter, *http.Request) { served.Store(true) }), nil)
	srv := httptest.NewServer(gw)
	defer srv.Close()
	conn, err := net.Dial("tcp", strings.TrimPrefix(srv.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{")
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 400 || !resp.Close || served.Load() || !strings.Contains(string(body), "did not arrive in time") {
		t.Fatalf("status %d close %v served %v body %s", resp.StatusCode, resp.Close, served.Load(), body)
	}
	var e *connectlocal.Error
	if errs := rf.all(); len(errs) != 1 || !errors.As(errs[0], &e) || e.Code != connectlocal.InvalidRequest {
		t.Fatalf("refusals %v", errs)
	}
}

// Each group refuses in its own way: a Before hook's error and a panic reach the group's Refuse, and the
// After hooks see every exchange with its request id.
func TestGroupsRefuseTheirOwnWay(t *testing.T) {
	var mu sync.Mutex
	var seen []gateway.Exchange
	gw := gateway.New(gateway.Options{After: []gateway.After{func(x *gateway.Exchange) {
		mu.Lock()
		defer mu.Unlock()
		seen = append(seen, *x)
	}}})
	writer := func(kind string) gateway.Refuse {
		return func(w http.ResponseWriter, r *http.Request, err error) {
			w.Header().Set("X-Amzn-ErrorType", kind)
			w.WriteHeader(418)
		}
	}
	no := func(*http.Request, *gateway.Exchange) error {
		return connectlocal.Errorf(connectlocal.Throttled, "Rate exceeded")
	}
	gw.Group(writer("a"), no).Handle("/a", http.NotFoundHandler(), gateway.Named("OpA"))
	gw.Group(writer("b")).Handle("/b", http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") }), gateway.Named("OpB"))
	for _, path := range []string{"/a", "/b"} {
		rec := httptest.NewRecorder()
		gw.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		if rec.Code != 418 || rec.Header().Get("X-Amzn-ErrorType") != path[1:] || rec.Header().Get("x-amzn-RequestId") == "" {
			t.Fatalf("%s: %d %v", path, rec.Code, rec.Header())
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(seen) != 2 || seen[0].Operation != "OpA" || seen[0].ErrorType != "a" || seen[1].Operation != "OpB" || seen[1].ErrorType != "b" {
		t.Fatalf("exchanges %+v", seen)
	}
}
