package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// The three speed goals of issue 19, measured side by side in one run against the real binary started with
// serve's defaults (request log on, metrics on, the console and its request ring on; the log goes to
// /dev/null, so it is formatted and written as usual but not kept):
//
//   - GetTaskTemplate under wrk as a share of a bare net/http server answering the same body (goal ≥ 60%);
//   - DescribeInstance under the same wrk load against moto_server's (goal ≥ 100×);
//   - UpdateTaskTemplate from this harness's client: two binaries on one PostgreSQL database against one
//     binary on SQLite (goal ≥ 40%), spread over scaleInstances × scaleTemplatesPerInst templates.
//
// The only flags beside --addr and --store: a quota high enough for the instances runs leave in the
// PostgreSQL database (the SQLite file is fresh); the pool size is the DSN's (pool_max_conns, 16 here as in
// the earlier scale-out runs).

// binaryNode is a connectlocal serve process.
type binaryNode struct {
	url  string
	pid  int
	stop func()
}

// startServe starts binary serve on store with the default flags plus extra, its log to /dev/null.
func startServe(binary, store string, extra ...string) (binaryNode, error) {
	args := append([]string{"serve", "--addr", "127.0.0.1:0", "--store", store}, extra...)
	cmd := exec.Command(binary, args...)
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		return binaryNode{}, err
	}
	cmd.Stderr = nil // /dev/null: the server writes every line, nothing here reads them
	if err := cmd.Start(); err != nil {
		return binaryNode{}, err
	}
	stop := func() { cmd.Process.Signal(os.Interrupt); cmd.Wait() }
	sc := bufio.NewScanner(pipe)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "connectlocal listening on "); ok {
			go io.Copy(io.Discard, pipe)
			return binaryNode{url: rest, pid: cmd.Process.Pid, stop: stop}, nil
		}
	}
	stop()
	return binaryNode{}, fmt.Errorf("%s serve --store %s did not start", binary, redact(store))
}

// pidCPU is the CPU time process pid has used (Linux /proc; 0 elsewhere).
func pidCPU(pid int) time.Duration {
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	f := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+1:]))
	if len(f) < 13 {
		return 0
	}
	u, _ := strconv.ParseInt(f[11], 10, 64)
	s, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(u+s) * (time.Second / 100)
}

func loadAvg() string {
	b, _ := os.ReadFile("/proc/loadavg")
	return strings.Join(strings.Fields(string(b))[:min(3, len(strings.Fields(string(b))))], " ")
}

// startMoto starts moto_server on a free port and waits until it answers.
func startMoto() (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	cmd := exec.Command("moto_server", "-H", "127.0.0.1", "-p", fmt.Sprint(port))
	if err := cmd.Start(); err != nil {
		return "", nil, fmt.Errorf("moto_server: %v", err)
	}
	return fmt.Sprintf("http://127.0.0.1:%d", port), func() { cmd.Process.Kill(); cmd.Wait() }, nil
}

// retryCreateInstance creates an instance, retrying while the server comes up.
func retryCreateInstance(url, alias string) (string, error) {
	var err error
	for i := 0; i < 100; i++ {
		var id string
		if id, err = createInstance(url, alias); err == nil && id != "" {
			return id, nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return "", fmt.Errorf("no instance created at %s: %v", url, err)
}

func runGoals(c config, out io.Writer, binary, dsn string) error {
	dir, err := os.MkdirTemp("", "connectlocal-bench-goals")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	quota := []string{"--quota", "instances-per-region=1000000"}
	lite, err := startServe(binary, "sqlite:"+filepath.Join(dir, "goals.db"), quota...)
	if err != nil {
		return err
	}
	defer lite.stop()
	fmt.Fprintf(out, "connectlocal-bench -goals: %s serve with its defaults, %d connections, %s per run, GOMAXPROCS %d, %d CPUs (%s)\n",
		binary, c.conns, c.duration, runtime.GOMAXPROCS(0), runtime.NumCPU(), cpuModel())
	fmt.Fprintf(out, "load average before: %s\n\n", loadAvg())

	// The fixture: an instance with a flow and a 10-field template.
	inst, err := retryCreateInstance(lite.url, "goals")
	if err != nil {
		return err
	}
	body, err := fetch(lite.url, request{"PUT", "/contact-flows/" + inst, fmt.Appendf(nil,
		`{"Name":"Task routing","Type":"CONTACT_FLOW","Content":%q}`, flowContent)})
	if err != nil {
		return err
	}
	body, err = fetch(lite.url, request{"PUT", "/instance/" + inst + "/task/template", tenFields("Refund", jsonField(body, "ContactFlowId"))})
	if err != nil {
		return err
	}
	get := request{"GET", "/instance/" + inst + "/task/template/" + jsonField(body, "Id"), nil}
	getBody, err := fetch(lite.url, get)
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

	// 1. GetTaskTemplate against the baseline, under wrk; each target warmed first for a second.
	warm := c
	warm.duration = time.Second
	for _, u := range []string{baseURL + get.path, lite.url + get.path, lite.url + "/instance/" + inst} {
		if _, _, err := wrkRate(warm, u); err != nil {
			return err
		}
	}
	base, baseP99, err := wrkRate(c, baseURL+get.path)
	if err != nil {
		return err
	}
	cpu0 := pidCPU(lite.pid)
	t0 := time.Now()
	rate, p99, err := wrkRate(c, lite.url+get.path)
	if err != nil {
		return err
	}
	cpuPer := time.Duration(float64(pidCPU(lite.pid)-cpu0) / (rate * time.Since(t0).Seconds()))
	fmt.Fprintf(out, "1. GetTaskTemplate, wrk -c%d (baseline: net/http answering the same %d bytes)\n", c.conns, len(getBody))
	fmt.Fprintf(out, "   %-40s %9.0f req/s  p99 %-8s\n", "baseline", base, baseP99)
	fmt.Fprintf(out, "   %-40s %9.0f req/s  p99 %-8s %.1f%% of baseline (goal ≥ 60%%); server CPU %s/req\n",
		"connectlocal serve (defaults)", rate, p99, 100*rate/base, cpuPer.Round(time.Microsecond))

	// 2. DescribeInstance against moto_server's, under the same wrk load; ours first, before moto_server
	// starts, so its start-up takes no CPU from ours.
	ours, oursP99, err := wrkRate(c, lite.url+"/instance/"+inst)
	if err != nil {
		return err
	}
	motoURL, stopMoto, err := startMoto()
	if err != nil {
		return err
	}
	defer stopMoto()
	motoInst, err := retryCreateInstance(motoURL, "goalsmoto")
	if err != nil {
		return err
	}
	moto, motoP99, err := wrkRate(c, motoURL+"/instance/"+motoInst)
	if err != nil {
		return err
	}
	stopMoto()
	fmt.Fprintf(out, "2. DescribeInstance, wrk -c%d\n", c.conns)
	fmt.Fprintf(out, "   %-40s %9.0f req/s  p99 %-8s\n", "connectlocal serve (defaults)", ours, oursP99)
	fmt.Fprintf(out, "   %-40s %9.0f req/s  p99 %-8s connectlocal is %.0f× (goal ≥ 100×)\n", "moto_server", moto, motoP99, ours/moto)

	// 3. Scale-out: two binaries on PostgreSQL against the SQLite one.
	pg := withAppName(dsn, "connectlocal-bench-goals")
	var pgNodes []binaryNode
	for i := 0; i < 2; i++ {
		n, err := startServe(binary, pg, quota...)
		if err != nil {
			return err
		}
		defer n.stop()
		pgNodes = append(pgNodes, n)
	}
	liteTargets, err := scaleTargets(lite.url)
	if err != nil {
		return err
	}
	pgTargets, err := scaleTargets(pgNodes[0].url)
	if err != nil {
		return err
	}
	updates := func(nodes []binaryNode, targets []request) (result, time.Duration) {
		var ns []node
		cpu := time.Duration(0)
		for _, n := range nodes {
			ns = append(ns, node{url: n.url})
			cpu -= pidCPU(n.pid)
		}
		r := driveUpdates(c, ns, targets)
		for _, n := range nodes {
			cpu += pidCPU(n.pid)
		}
		if r.n == 0 {
			return r, 0
		}
		return r, cpu / time.Duration(r.n)
	}
	liteRes, liteCPU := updates([]binaryNode{lite}, liteTargets)
	plain := withoutPoolParams(dsn) // a single connection refuses the pool's parameters
	b0, okB := backendCPU(context.Background(), plain, "connectlocal-bench-goals")
	pgRes, pgCPU := updates(pgNodes, pgTargets)
	b1, ok := backendCPU(context.Background(), plain, "connectlocal-bench-goals")
	backends := ""
	if okB && ok && pgRes.n > 0 {
		backends = fmt.Sprintf(", PostgreSQL backends %s/write", ((b1 - b0) / time.Duration(pgRes.n)).Round(time.Microsecond))
	}
	fmt.Fprintf(out, "3. UpdateTaskTemplate, %d connections of this harness, %d instances × %d templates\n", c.conns, scaleInstances, scaleTemplatesPerInst)
	fmt.Fprintf(out, "   %-40s %9.0f writes/s  p99 %-8s server CPU %s/write; %d errors\n", "SQLite, one node", liteRes.rate(),
		round(liteRes.pct(0.99)), liteCPU.Round(time.Microsecond), liteRes.errs)
	fmt.Fprintf(out, "   %-40s %9.0f writes/s  p99 %-8s %.1f%% of SQLite (goal ≥ 40%%); servers' CPU %s/write%s; %d errors\n",
		"PostgreSQL, two nodes", pgRes.rate(), round(pgRes.pct(0.99)), 100*pgRes.rate()/liteRes.rate(),
		pgCPU.Round(time.Microsecond), backends, pgRes.errs)
	fmt.Fprintf(out, "\nload average after: %s\n", loadAvg())
	return nil
}

// withoutPoolParams drops pgxpool's pool_* parameters from a DSN.
func withoutPoolParams(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return dsn
	}
	q := u.Query()
	for k := range q {
		if strings.HasPrefix(k, "pool_") {
			q.Del(k)
		}
	}
	u.RawQuery = q.Encode()
	return u.String()
}
