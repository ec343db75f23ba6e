package main

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/connectlocal/connectlocal/internal/connecttest"
)

// Issue 19, item 1: clients that send their headers and then trickle the body must not freeze the server.
// As many such clients as --max-requests has slots (64 by default) are each mid-body — the server has asked
// for their bodies (100 Continue), so their requests are in its hands — and health, metrics and an API call
// (with a body of its own) still answer. Before the fix each trickler held a slot while its body arrived, and
// all three waited for one to free (up to the 60 s ReadTimeout).
func TestServe_slowBodiesDoNotTakeTheSlots(t *testing.T) {
	p := startServe(t, nil, "--store", "memory", "--console=false")
	u, _ := url.Parse(p.URL)
	const tricklers = 64 // --max-requests' default
	ready := make(chan error, tricklers)
	for i := 0; i < tricklers; i++ {
		conn, err := net.Dial("tcp", u.Host)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { conn.Close() })
		go func() {
			_, err := io.WriteString(conn, "PUT /instance HTTP/1.1\r\nHost: "+u.Host+"\r\nContent-Type: application/json\r\n"+
				"Content-Length: 1000\r\nExpect: 100-continue\r\n\r\n")
			if err != nil {
				ready <- err
				return
			}
			// The server asks for the body once something reads it: the request has reached the handler.
			line, err := bufio.NewReader(conn).ReadString('\n')
			if err == nil && !strings.Contains(line, "100 Continue") {
				err = &unexpected{line}
			}
			if err == nil {
				_, err = io.WriteString(conn, "{") // one byte of the thousand, and then nothing
			}
			ready <- err
		}()
	}
	for i := 0; i < tricklers; i++ {
		if err := <-ready; err != nil {
			t.Fatalf("trickler: %v", err)
		}
	}

	// A deadline only so that a frozen server fails the test instead of hanging it; nothing asserts on time.
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for _, path := range []string{"/_connectlocal/health", "/_connectlocal/metrics"} {
		req, _ := http.NewRequestWithContext(ctx, "GET", p.URL+path, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("%s with every slot's worth of slow clients: %v", path, err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d", path, resp.StatusCode)
		}
	}
	c := connecttest.NewClient(p.URL, connecttest.Account, connecttest.Region)
	if _, err := c.CreateInstance(ctx, &connect.CreateInstanceInput{IdentityManagementType: "CONNECT_MANAGED",
		InstanceAlias: aws.String("beside-slow-clients"), InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(true)}); err != nil {
		t.Fatalf("CreateInstance with every slot's worth of slow clients: %v", err)
	}
}

type unexpected struct{ line string }

func (e *unexpected) Error() string { return "unexpected answer " + strings.TrimSpace(e.line) }
