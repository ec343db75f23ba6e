// Command connectlocal-bench measures connectlocal against a baseline in one run: a bare net/http server that
// answers a fixed JSON body the size of a GetTaskTemplate response, and optionally moto_server. Both are
// driven with the same loopback load (N connections, fixed duration, pre-built requests), and each
// operation's req/s is reported as a ratio to the baseline's.
//
//	go run ./cmd/connectlocal-bench -store sqlite -duration 5s -conns 16
//	go build -o /tmp/connectlocal ./cmd/connectlocal && go run ./cmd/connectlocal-bench -goals /tmp/connectlocal -duration 5s
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/awsapi"
	"github.com/connectlocal/connectlocal/memory"
	"github.com/connectlocal/connectlocal/postgres"
	"github.com/connectlocal/connectlocal/sqlite"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "connectlocal-bench:", err)
		os.Exit(1)
	}
}

type config struct {
	store     string
	duration  time.Duration
	conns     int
	ops       string
	templates int
	moto      bool
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("connectlocal-bench", flag.ContinueOnError)
	var c config
	fs.StringVar(&c.store, "store", "sqlite", "store under test: memory, sqlite (a temporary file) or a postgres:// DSN")
	fs.DurationVar(&c.duration, "duration", 5*time.Second, "how long each operation is driven")
	fs.IntVar(&c.conns, "conns", 16, "concurrent connections")
	fs.StringVar(&c.ops, "ops", "GetTaskTemplate,ListTaskTemplates,CreateTaskTemplate,UpdateTaskTemplate,StartTaskContact,DescribeInstance", "operations to drive")
	fs.IntVar(&c.templates, "templates", 1000, "templates stored in the listed instance before ListTaskTemplates is driven")
	fs.BoolVar(&c.moto, "moto", false, "also drive moto_server on CreateInstance, DescribeInstance and ListInstances")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the connectlocal runs to this file")
	startup := fs.String("startup", "", "path of a connectlocal binary: after the runs, start it on the same SQLite file and report "+
		"the time to its first answered request and its RSS after serving the list and get runs (needs -store sqlite:PATH)")
	scaleOut := fs.String("scaleout", "", "a postgres:// DSN: instead of the other runs, drive UpdateTaskTemplate over 8 instances "+
		"against one SQLite node and two nodes on this database, in the same run")
	fs.IntVar(&scaleInstances, "scale-instances", scaleInstances, "with -scaleout: instances the templates are spread over")
	fs.IntVar(&scaleTemplatesPerInst, "scale-templates", scaleTemplatesPerInst, "with -scaleout: templates per instance")
	useWrk := fs.Bool("wrk", false, "drive GetTaskTemplate with wrk instead of the other runs: the baseline, connectlocal in this "+
		"process and, with -startup BIN (and -store sqlite:PATH), the real binary with serve's default flags")
	goals := fs.String("goals", "", "path of a connectlocal binary: instead of the other runs, measure issue 19's three speed goals "+
		"side by side against it, started with serve's defaults (GetTaskTemplate under wrk against the baseline, DescribeInstance "+
		"under wrk against moto_server, two PostgreSQL nodes against one SQLite node; see goals.go)")
	goalsDSN := fs.String("postgres", "postgres://postgres@127.0.0.1:5432/test?sslmode=disable&pool_max_conns=16", "with -goals: the PostgreSQL database")
	if err := fs.Parse(args); err != nil {
		return err
	}
	ctx := context.Background()
	if *goals != "" {
		return runGoals(c, out, *goals, *goalsDSN)
	}
	if *scaleOut != "" {
		return runScaleOut(ctx, c, out, *scaleOut, *cpuProfile)
	}
	store, cleanup, err := openStore(ctx, c.store)
	if err != nil {
		return err
	}
	defer cleanup()
	svc := connectlocal.NewService(store)
	svc.Quotas.TemplatesPerInstance = c.templates + 1_000_000
	svc.Quotas.ActiveTasks = 1 << 30
	svc.Quotas.InstancesPerRegion = 1 << 20
	cl, stopCL, err := serve(awsapi.NewHandler(svc, awsapi.Options{}))
	if err != nil {
		return err
	}
	defer stopCL()

	fx, err := setup(ctx, cl, svc, store, c.templates)
	if err != nil {
		return err
	}
	getBody, err := fetch(cl, fx.get())
	if err != nil {
		return err
	}
	baseURL, stopBase, err := serve(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("x-amzn-RequestId", "00000000-0000-0000-0000-000000000000")
		w.Write(getBody)
	}))
	if err != nil {
		return err
	}
	defer stopBase()

	fmt.Fprintf(out, "connectlocal-bench: store %s, %d connections, %s per operation, GOMAXPROCS %d, %d CPUs (%s)\n",
		redact(c.store), c.conns, c.duration, runtime.GOMAXPROCS(0), runtime.NumCPU(), cpuModel())
	fmt.Fprintf(out, "baseline: net/http answering a fixed %d-byte body (the GetTaskTemplate response)\n\n", len(getBody))
	fmt.Fprintf(out, "%-26s %10s %9s %9s %9s %9s %8s\n", "operation", "req/s", "p50", "p99", "p99.9", "errors", "ratio")

	if *useWrk {
		return runWrk(c, out, baseURL, cl, fx, *startup, cleanup, stopCL)
	}
	base := drive(c, func(int64) *http.Request { return fx.get().withURL(baseURL) })
	report(out, "baseline", base, base)
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	ours := map[string]result{}
	for _, op := range strings.Split(c.ops, ",") {
		gen, ok := fx.generators()[op]
		if !ok {
			return fmt.Errorf("unknown operation %q", op)
		}
		ours[op] = drive(c, func(i int64) *http.Request { return gen(i).withURL(cl) })
		report(out, op, ours[op], base)
	}
	if c.moto {
		if err := driveMoto(c, out, base, ours); err != nil {
			return err
		}
	}
	if *startup != "" {
		path, ok := strings.CutPrefix(c.store, "sqlite:")
		if !ok {
			return fmt.Errorf("-startup needs -store sqlite:PATH")
		}
		cleanup()
		stopCL()
		return measureStartup(c, out, *startup, path, fx)
	}
	return nil
}

func openStore(ctx context.Context, url string) (connectlocal.Store, func(), error) {
	switch {
	case url == "memory":
		s := memory.New()
		return s, func() { s.Close() }, nil
	case strings.HasPrefix(url, "sqlite:"):
		s, err := sqlite.Open(ctx, strings.TrimPrefix(url, "sqlite:"))
		if err != nil {
			return nil, nil, err
		}
		var once sync.Once
		return s, func() { once.Do(func() { s.Close() }) }, nil
	case url == "sqlite":
		dir, err := os.MkdirTemp("", "connectlocal-bench")
		if err != nil {
			return nil, nil, err
		}
		s, err := sqlite.Open(ctx, filepath.Join(dir, "bench.db"))
		if err != nil {
			return nil, nil, err
		}
		return s, func() { s.Close(); os.RemoveAll(dir) }, nil
	case strings.HasPrefix(url, "postgres"):
		s, err := postgres.Open(ctx, url)
		if err != nil {
			return nil, nil, err
		}
		return s, func() { s.Close() }, nil
	}
	return nil, nil, fmt.Errorf("unknown store %q: memory, sqlite or postgres://", url)
}

func redact(u string) string {
	if i := strings.Index(u, "@"); i > 0 && strings.HasPrefix(u, "postgres") {
		return "postgres://…" + u[i:]
	}
	return u
}

func cpuModel() string {
	b, _ := os.ReadFile("/proc/cpuinfo")
	for _, line := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown CPU"
}

// serve listens on a loopback port.
func serve(h http.Handler) (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: h}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String(), func() { srv.Close() }, nil
}

// request is a pre-built request: only its URL's host changes between targets.
type request struct {
	method, path string
	body         []byte
}

// authorization is a fixed SigV4-shaped header: connectlocal reads the account and region from it.
const authorization = "AWS4-HMAC-SHA256 Credential=123456789012/20261125/us-east-1/connect/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000000000000000000000000000000000000000000000000000000000000000"

func (r request) withURL(base string) *http.Request {
	req, _ := http.NewRequest(r.method, base+r.path, bytes.NewReader(r.body))
	req.Header.Set("Authorization", authorization)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Amz-Date", "20261125T000000Z")
	return req
}

var client = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1024, MaxConnsPerHost: 1024, DisableCompression: true}}

func fetch(base string, r request) ([]byte, error) {
	resp, err := client.Do(r.withURL(base))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		return nil, fmt.Errorf("%s %s: %d %s", r.method, r.path, resp.StatusCode, body)
	}
	return body, err
}

type result struct {
	n, errs   int64
	elapsed   time.Duration
	latencies []time.Duration
}

// drive sends requests from c.conns goroutines for c.duration and records each latency.
func drive(c config, next func(i int64) *http.Request) result {
	var seq, errs atomic.Int64
	var mu sync.Mutex
	var all []time.Duration
	deadline := time.Now().Add(c.duration)
	start := time.Now()
	var wg sync.WaitGroup
	for g := 0; g < c.conns; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lat := make([]time.Duration, 0, 1<<14)
			for time.Now().Before(deadline) {
				req := next(seq.Add(1))
				t0 := time.Now()
				resp, err := client.Do(req)
				if err == nil {
					if resp.StatusCode != 200 {
						if errs.Add(1) == 1 && os.Getenv("BENCH_SHOW_ERRORS") != "" {
							b, _ := io.ReadAll(resp.Body)
							fmt.Fprintf(os.Stderr, "first error: %d %s %s\n", resp.StatusCode, resp.Header.Get("X-Amzn-ErrorType"), b)
						}
					}
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				} else {
					errs.Add(1)
				}
				lat = append(lat, time.Since(t0))
			}
			mu.Lock()
			all = append(all, lat...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	return result{n: int64(len(all)), errs: errs.Load(), elapsed: time.Since(start), latencies: all}
}

func (r result) rate() float64 { return float64(r.n) / r.elapsed.Seconds() }

func (r result) pct(p float64) time.Duration {
	if len(r.latencies) == 0 {
		return 0
	}
	i := int(float64(len(r.latencies)-1) * p)
	return r.latencies[i]
}

func report(out io.Writer, name string, r, base result) {
	fmt.Fprintf(out, "%-26s %10.0f %9s %9s %9s %9d %7.1f%%\n", name, r.rate(), round(r.pct(0.5)), round(r.pct(0.99)),
		round(r.pct(0.999)), r.errs, 100*r.rate()/base.rate())
}

func round(d time.Duration) string {
	switch {
	case d < time.Millisecond:
		return d.Round(time.Microsecond).String()
	default:
		return d.Round(10 * time.Microsecond).String()
	}
}

// driveMoto starts moto_server on a free port and drives the operations both implement.
func driveMoto(c config, out io.Writer, base result, ours map[string]result) error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	cmd := exec.Command("moto_server", "-H", "127.0.0.1", "-p", fmt.Sprint(port))
	cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("moto_server: %v", err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	url := fmt.Sprintf("http://127.0.0.1:%d", port)
	create := request{"PUT", "/instance", []byte(`{"IdentityManagementType":"CONNECT_MANAGED","InstanceAlias":"motobench","InboundCallsEnabled":true,"OutboundCallsEnabled":true}`)}
	var body []byte
	for i := 0; i < 100; i++ {
		if body, err = fetch(url, create); err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		return fmt.Errorf("moto_server never answered CreateInstance: %v", err)
	}
	id := jsonField(body, "Id")
	fmt.Fprintf(out, "\nmoto_server (same load; ratio to connectlocal below):\n")
	for _, op := range []struct {
		name string
		req  request
	}{
		{"DescribeInstance", request{"GET", "/instance/" + id, nil}},
		{"ListInstances", request{"GET", "/instance", nil}},
		{"CreateInstance", create},
	} {
		r := drive(c, func(int64) *http.Request { return op.req.withURL(url) })
		report(out, "moto "+op.name, r, base)
		if mine, ok := ours[op.name]; ok {
			fmt.Fprintf(out, "%-26s %9.0f×\n", "  connectlocal/moto", mine.rate()/r.rate())
		}
	}
	return nil
}
