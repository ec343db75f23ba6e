package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
)

// wrkRate drives GET url with wrk (a load generator users know, and cheaper per request than this
// harness's own client) with the harness's fixed headers, and returns wrk's Requests/sec.
func wrkRate(c config, url string) (float64, string, error) {
	threads := 2
	if c.conns < threads {
		threads = c.conns
	}
	args := []string{"-t", strconv.Itoa(threads), "-c", strconv.Itoa(c.conns), "-d", c.duration.String(), "--latency",
		"-H", "Authorization: " + authorization, "-H", "X-Amz-Date: 20261125T000000Z", url}
	out, err := exec.Command("wrk", args...).CombinedOutput()
	if err != nil {
		return 0, "", fmt.Errorf("wrk: %v: %s", err, out)
	}
	m := regexp.MustCompile(`Requests/sec:\s+([0-9.]+)`).FindSubmatch(out)
	if m == nil {
		return 0, "", fmt.Errorf("wrk printed no Requests/sec: %s", out)
	}
	if regexp.MustCompile(`Non-2xx or 3xx responses`).Match(out) {
		return 0, "", fmt.Errorf("wrk saw error answers from %s: %s", url, out)
	}
	p99 := ""
	if m := regexp.MustCompile(`\s99%\s+(\S+)`).FindSubmatch(out); m != nil {
		p99 = string(m[1])
	}
	rate, err := strconv.ParseFloat(string(m[1]), 64)
	return rate, p99, err
}

// startBinary starts a connectlocal binary with serve's defaults on path plus extra flags, and returns its URL.
func startBinary(binary, path string, extra ...string) (string, func(), error) {
	args := append([]string{"serve", "--addr", "127.0.0.1:0", "--store", "sqlite:" + path}, extra...)
	cmd := exec.Command(binary, args...)
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		return "", nil, err
	}
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		return "", nil, err
	}
	stop := func() { cmd.Process.Signal(os.Interrupt); cmd.Wait() }
	sc := bufio.NewScanner(pipe)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "connectlocal listening on "); ok {
			go io.Copy(io.Discard, pipe)
			return rest, stop, nil
		}
	}
	stop()
	return "", nil, fmt.Errorf("%s did not start", binary)
}

// runWrk reports GetTaskTemplate under wrk as a ratio to the baseline in the same run.
func runWrk(c config, out io.Writer, baseURL, cl string, fx *fixture, binary string, closeStore, stopCL func()) error {
	get := fx.get()
	base, baseP99, err := wrkRate(c, baseURL+get.path)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "wrk, GetTaskTemplate, %d connections, %s:\n", c.conns, c.duration)
	fmt.Fprintf(out, "%-44s %10.0f req/s  p99 %-8s 100%%\n", "baseline (net/http, fixed body)", base, baseP99)
	rate, p99, err := wrkRate(c, cl+get.path)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "%-44s %10.0f req/s  p99 %-8s %.1f%%\n", "connectlocal handler in this process", rate, p99, 100*rate/base)
	if binary == "" {
		return nil
	}
	path, ok := strings.CutPrefix(c.store, "sqlite:")
	if !ok {
		return fmt.Errorf("-wrk with -startup needs -store sqlite:PATH")
	}
	stopCL()
	closeStore()
	for _, flags := range [][]string{nil, {"--console=false"}} {
		url, stop, err := startBinary(binary, path, flags...)
		if err != nil {
			return err
		}
		rate, p99, err := wrkRate(c, url+get.path)
		stop()
		if err != nil {
			return err
		}
		name := "connectlocal serve (defaults, logs discarded)"
		if flags != nil {
			name = "connectlocal serve " + strings.Join(flags, " ")
		}
		fmt.Fprintf(out, "%-44s %10.0f req/s  p99 %-8s %.1f%%\n", name, rate, p99, 100*rate/base)
	}
	return nil
}
