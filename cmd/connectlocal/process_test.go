package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal/internal/connecttest"
)

var binary string

// TestMain builds the real binary once: process claims (kill -9, signals, start-up) need a real process.
func TestMain(m *testing.M) {
	// A serve that a test starts without --addr must not take 4599, where the developer's own server may
	// listen: the variable reaches run() here and every child process (they inherit os.Environ()).
	os.Setenv("CONNECTLOCAL_ADDR", "127.0.0.1:0")
	dir, err := os.MkdirTemp("", "connectlocal-bin")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "connectlocal")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type process struct {
	cmd     *exec.Cmd
	URL     string
	startup string        // the lines serve printed on start
	stderr  *bytes.Buffer // read it only once the process has exited
}

// startServe starts `connectlocal serve` on a free port and waits, under a deadline, for the line that says
// where it listens.
func startServe(t *testing.T, env []string, args ...string) *process {
	t.Helper()
	cmd := exec.Command(binary, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)...)
	cmd.Env = append(os.Environ(), env...)
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &process{cmd: cmd, stderr: &stderr}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	// The example line comes last of the start-up lines, so once it is read all of them are.
	type startup struct{ url, lines string }
	found := make(chan startup, 1)
	go func() {
		sc := bufio.NewScanner(pipe)
		var st startup
		done := false
		for sc.Scan() {
			line := sc.Text()
			if done {
				continue
			}
			st.lines += line + "\n"
			if rest, ok := strings.CutPrefix(line, "connectlocal listening on "); ok {
				st.url = rest
			}
			if strings.HasPrefix(line, "try: ") && st.url != "" {
				found <- st
				done = true
			}
		}
		close(found)
	}()
	select {
	case st, ok := <-found:
		if !ok {
			cmd.Wait()
			t.Fatalf("serve exited before listening: %s", stderr.String())
		}
		p.URL, p.startup = st.url, st.lines
	case <-time.After(30 * time.Second):
		t.Fatalf("serve did not report its address")
	}
	return p
}

func TestServe_acknowledgedWritesSurviveKill9(t *testing.T) {
	db := filepath.Join(t.TempDir(), "state.db")
	p := startServe(t, nil, "--store", "sqlite:"+db)
	c := connecttest.NewClient(p.URL, "123456789012", "us-east-1")
	ctx := context.Background()
	inst, err := c.CreateInstance(ctx, &connect.CreateInstanceInput{IdentityManagementType: types.DirectoryTypeConnectManaged,
		InstanceAlias: aws.String("durable"), InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(true)})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for i := 0; i < 20; i++ {
		out, err := c.CreateTaskTemplate(ctx, &connect.CreateTaskTemplateInput{InstanceId: inst.Id, Name: aws.String(fmt.Sprint("t", i)),
			Fields: []types.TaskTemplateField{
				{Id: &types.TaskTemplateFieldIdentifier{Name: aws.String("Name")}, Type: types.TaskTemplateFieldTypeName},
				{Id: &types.TaskTemplateFieldIdentifier{Name: aws.String("Assign")}, Type: types.TaskTemplateFieldTypeQuickConnect}}})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, *out.Id)
	}
	if _, err := c.UpdateTaskTemplate(ctx, &connect.UpdateTaskTemplateInput{InstanceId: inst.Id, TaskTemplateId: &ids[0], Status: types.TaskTemplateStatusInactive}); err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	p.cmd.Wait()

	p2 := startServe(t, nil, "--store", "sqlite:"+db)
	c2 := connecttest.NewClient(p2.URL, "123456789012", "us-east-1")
	list, err := c2.ListTaskTemplates(ctx, &connect.ListTaskTemplatesInput{InstanceId: inst.Id})
	if err != nil {
		t.Fatal(err)
	}
	if len(list.TaskTemplates) != len(ids) {
		t.Fatalf("after kill -9: %d templates, want %d", len(list.TaskTemplates), len(ids))
	}
	got, err := c2.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: inst.Id, TaskTemplateId: &ids[0]})
	if err != nil || got.Status != types.TaskTemplateStatusInactive {
		t.Fatalf("update lost after kill -9: %v %v", got, err)
	}
}

func TestServe_gracefulShutdownExitsZero(t *testing.T) {
	p := startServe(t, nil, "--store", "memory")
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Wait(); err != nil {
		t.Fatalf("serve after SIGTERM: %v", err)
	}
}

func TestServe_envVariablesAndStartLines(t *testing.T) {
	p := startServe(t, []string{"CONNECTLOCAL_STORE=memory"})
	out := p.startup
	for _, want := range []string{"store: memory", "try: aws connect list-instances --endpoint-url " + p.URL} {
		if !strings.Contains(out, want) {
			t.Errorf("start-up output lacks %q:\n%s", want, out)
		}
	}
}
