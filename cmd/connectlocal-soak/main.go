// Command connectlocal-soak is a bounded soak test: it serves connectlocal on a loopback port in this process,
// drives it with N connections of real aws-sdk-go-v2 clients sending only valid requests of every operation
// (two passes of each in order, then a random mix for the given duration), stops by itself, and reports 5xx answers, refused valid requests and RSS over time.
// It exits 1 when any request got a 5xx or a valid request was refused.
//
//	go run ./cmd/connectlocal-soak                       # 60 s, 32 connections, SQLite in a temporary file
//	go run ./cmd/connectlocal-soak -duration 5s -conns 8 -store memory
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/smithy-go"
	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/awsapi"
	"github.com/connectlocal/connectlocal/memory"
	"github.com/connectlocal/connectlocal/postgres"
	"github.com/connectlocal/connectlocal/sqlite"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "connectlocal-soak:", err)
		os.Exit(1)
	}
}

// report is what a soak found.
type report struct {
	mu       sync.Mutex
	calls    map[string]*atomic.Int64
	failures map[string]int // "Operation: status ErrorCode" → count
	status5x atomic.Int64
	refused  atomic.Int64
	samples  []string
}

func (r *report) count(op string) {
	r.mu.Lock()
	c := r.calls[op]
	if c == nil {
		c = new(atomic.Int64)
		r.calls[op] = c
	}
	r.mu.Unlock()
	c.Add(1)
}

// fail records an answer that a valid request must never get.
func (r *report) fail(op string, err error) {
	status, code := 0, "transport"
	var re interface{ HTTPStatusCode() int }
	if errors.As(err, &re) {
		status = re.HTTPStatusCode()
	}
	var api smithy.APIError
	if errors.As(err, &api) {
		code = api.ErrorCode()
	}
	if status >= 500 || status == 0 {
		r.status5x.Add(1)
	} else {
		r.refused.Add(1)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	key := fmt.Sprintf("%s: %d %s", op, status, code)
	if r.failures[key] == 0 && len(r.samples) < 10 {
		r.samples = append(r.samples, key+": "+err.Error())
	}
	r.failures[key]++
}

func run(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("connectlocal-soak", flag.ContinueOnError)
	duration := fs.Duration("duration", 60*time.Second, "how long to drive the server")
	conns := fs.Int("conns", 32, "concurrent connections (one worker each)")
	storeURL := fs.String("store", "sqlite", "store: memory, sqlite (a temporary file) or a postgres:// DSN")
	samples := fs.Int("rss-samples", 6, "RSS readings over the run")
	if err := fs.Parse(args); err != nil {
		return err
	}
	store, cleanup, err := openStore(ctx, *storeURL)
	if err != nil {
		return err
	}
	defer cleanup()
	svc := connectlocal.NewService(store)
	// The soak creates and deletes freely; the quotas are not what it tests.
	svc.Quotas.InstancesPerRegion = 1 << 20
	svc.Quotas.ActiveTasks = 1 << 30
	ln, err := net.Listen("tcp", "127.0.0.1:0") // loopback only
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: awsapi.NewHandler(svc, awsapi.Options{}), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	defer srv.Close()
	url := "http://" + ln.Addr().String()
	fmt.Fprintf(out, "soak: %s, %d connections, %s, store %s\n", url, *conns, *duration, *storeURL)

	r := &report{calls: map[string]*atomic.Int64{}, failures: map[string]int{}}
	runCtx, cancel := context.WithTimeout(ctx, *duration)
	defer cancel()
	httpClient := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: *conns, MaxConnsPerHost: *conns}}
	var wg sync.WaitGroup
	for i := 0; i < *conns; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := connect.New(connect.Options{BaseEndpoint: aws.String(url), Region: "us-east-1", Retryer: aws.NopRetryer{},
				HTTPClient:  httpClient,
				Credentials: credentials.NewStaticCredentialsProvider("123456789012", "soak", "")})
			(&worker{id: i, c: c, r: r}).run(runCtx)
		}()
	}
	start := time.Now()
	tick := time.NewTicker(*duration / time.Duration(max(*samples, 1)))
	defer tick.Stop()
	fmt.Fprintf(out, "rss %6.1fs %s\n", 0.0, rss())
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
loop:
	for {
		select {
		case <-tick.C:
			fmt.Fprintf(out, "rss %6.1fs %s\n", time.Since(start).Seconds(), rss())
		case <-done:
			break loop
		}
	}
	fmt.Fprintf(out, "rss %6.1fs %s (end)\n", time.Since(start).Seconds(), rss())

	var ops []string
	var total int64
	for op, c := range r.calls {
		ops = append(ops, fmt.Sprintf("%s=%d", op, c.Load()))
		total += c.Load()
	}
	sort.Strings(ops)
	fmt.Fprintf(out, "requests: %d (%.0f/s) over %d operations: %s\n", total, float64(total)/time.Since(start).Seconds(), len(ops), strings.Join(ops, " "))
	fmt.Fprintf(out, "5xx or transport errors: %d\nrefused valid requests: %d\n", r.status5x.Load(), r.refused.Load())
	for _, s := range r.samples {
		fmt.Fprintln(out, "  e.g.", s)
	}
	if r.status5x.Load() > 0 || r.refused.Load() > 0 {
		return fmt.Errorf("%d 5xx and %d refused valid requests", r.status5x.Load(), r.refused.Load())
	}
	return nil
}

// rss reads this process's resident set (server and load generator together) from /proc.
func rss() string {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return "RSS unknown (no /proc)"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			return "RSS " + strings.TrimSpace(v)
		}
	}
	return "RSS unknown"
}

func openStore(ctx context.Context, url string) (connectlocal.Store, func(), error) {
	switch {
	case url == "memory":
		return memory.New(), func() {}, nil
	case url == "sqlite":
		dir, err := os.MkdirTemp("", "connectlocal-soak")
		if err != nil {
			return nil, nil, err
		}
		s, err := sqlite.Open(ctx, filepath.Join(dir, "soak.db"))
		if err != nil {
			os.RemoveAll(dir)
			return nil, nil, err
		}
		return s, func() { s.Close(); os.RemoveAll(dir) }, nil
	case strings.HasPrefix(url, "postgres://"), strings.HasPrefix(url, "postgresql://"):
		s, err := postgres.Open(ctx, url)
		if err != nil {
			return nil, nil, err
		}
		return s, func() { s.Close() }, nil
	}
	return nil, nil, fmt.Errorf("unknown store %q: use memory, sqlite or postgres://...", url)
}
