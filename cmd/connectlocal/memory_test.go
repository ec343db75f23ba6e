package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal/internal/connecttest"
	"github.com/connectlocal/connectlocal/internal/e2e"
)

// With the default bounds, the real process stays under 150 MB resident however large what it serves
// (issue 10: 400 reads of 249 KiB flows once took it from 27 to 226 MiB). 400 flows of 249 KiB (100 MB, more
// than the read cache holds) are written, then each is read twice by 96 concurrent clients (more than
// --max-requests lets in at once); the process's peak resident size (VmHWM) must stay under 150 MB.
func TestServe_memoryStaysBoundedWithDefaults(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector multiplies memory: RSS is checked without -race")
	}
	e2e.Require(t, "the RSS bound writes and reads 100 MB of flows")
	const flows, readers, limitMB = 400, 96, 150
	p := startServe(t, nil, "--store", "sqlite:"+filepath.Join(t.TempDir(), "big.db"), "--quota", "flows-per-instance=1000")
	c := connecttest.NewClient(p.URL, "123456789012", "us-east-1")
	ctx := context.Background()
	inst, err := c.CreateInstance(ctx, &connect.CreateInstanceInput{IdentityManagementType: types.DirectoryTypeConnectManaged,
		InstanceAlias: aws.String("big"), InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(true)})
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat("x", 249<<10)
	ids := make([]string, flows)
	each(t, flows, 8, func(i int) error {
		content := fmt.Sprintf(`{"Version":"2019-10-30","StartAction":"a","Actions":[{"Identifier":"a","Type":"MessageParticipant",`+
			`"Parameters":{"Text":"%d %s"},"Transitions":{}}]}`, i, text)
		out, err := c.CreateContactFlow(ctx, &connect.CreateContactFlowInput{InstanceId: inst.Id, Name: aws.String(fmt.Sprint("big ", i)),
			Type: types.ContactFlowTypeContactFlow, Content: &content})
		if err == nil {
			ids[i] = *out.ContactFlowId
		}
		return err
	})
	each(t, 2*flows, readers, func(i int) error {
		out, err := c.DescribeContactFlow(ctx, &connect.DescribeContactFlowInput{InstanceId: inst.Id, ContactFlowId: &ids[i%flows]})
		if err == nil && len(*out.ContactFlow.Content) < len(text) {
			err = fmt.Errorf("flow %d: %d bytes of content", i%flows, len(*out.ContactFlow.Content))
		}
		return err
	})
	peak := statusKB(t, p.cmd.Process.Pid, "VmHWM")
	t.Logf("peak RSS %d MB after writing %d flows of 249 KiB and reading each twice", peak>>10, flows)
	if peak > limitMB<<10 {
		t.Fatalf("peak RSS %d MB, want under %d MB", peak>>10, limitMB)
	}
}

// each runs fn(0..n-1) on workers goroutines and fails the test on the first error.
func each(t *testing.T, n, workers int, fn func(i int) error) {
	t.Helper()
	var wg sync.WaitGroup
	var mu sync.Mutex
	var first error
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if err := fn(i); err != nil {
					mu.Lock()
					first = cmpErr(first, err)
					mu.Unlock()
				}
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	if first != nil {
		t.Fatal(first)
	}
}

func cmpErr(first, err error) error {
	if first != nil {
		return first
	}
	return err
}

// statusKB reads a kB value of /proc/PID/status.
func statusKB(t *testing.T, pid int, key string) int {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Skipf("no /proc to read the process's memory from: %v", err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, key+":"); ok {
			n, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
	}
	t.Fatalf("no %s in /proc/%d/status", key, pid)
	return 0
}
