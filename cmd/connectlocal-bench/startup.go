package main

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"time"
)

// measureStartup starts the real binary on the populated SQLite file, times the path from exec to the first
// answered API request, drives the list and get operations on it, and reads its resident memory.
func measureStartup(c config, out io.Writer, binary, path string, fx *fixture) error {
	t0 := time.Now()
	cmd := exec.Command(binary, "serve", "--addr", "127.0.0.1:0", "--store", "sqlite:"+path)
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		return err
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	sc := bufio.NewScanner(pipe)
	var url string
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "connectlocal listening on "); ok {
			url = rest
			break
		}
	}
	go io.Copy(io.Discard, pipe)
	if url == "" {
		return fmt.Errorf("%s did not start", binary)
	}
	for {
		resp, err := client.Do(request{"GET", "/instance/" + fx.listInst + "/task/template?maxResults=1", nil}.withURL(url))
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Since(t0) > 30*time.Second {
			return fmt.Errorf("no answer within 30s")
		}
	}
	firstAnswer := time.Since(t0)
	gens := fx.generators()
	for _, op := range []string{"ListTaskTemplates", "ListTaskTemplatesLastPage", "GetTaskTemplate"} {
		gen := gens[op]
		drive(c, func(i int64) *http.Request { return gen(i).withURL(url) })
	}
	fmt.Fprintf(out, "\nstartup on the stored data: first answered ListTaskTemplates %s after exec; RSS after the list and get runs %s\n",
		firstAnswer.Round(time.Millisecond), rss(cmd.Process.Pid))
	return nil
}

func rss(pid int) string {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return "unknown"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}
