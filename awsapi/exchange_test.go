package awsapi_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/aws/smithy-go"
	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/awsapi"
	"github.com/connectlocal/connectlocal/gateway"
	"github.com/connectlocal/connectlocal/internal/connecttest"
	"github.com/connectlocal/connectlocal/memory"
)

func TestHooks_seeEveryExchange(t *testing.T) {
	var mu sync.Mutex
	var seen []gateway.Exchange
	opts := connecttest.Options{CaptureBodies: true,
		Before: []gateway.Before{func(r *http.Request, x *gateway.Exchange) error {
			if x.Operation == "ListInstances" && r.URL.Query().Get("maxResults") == "7" {
				return connectlocal.Errorf(connectlocal.Throttled, "Rate exceeded")
			}
			return nil
		}},
		After: []gateway.After{func(x *gateway.Exchange) {
			mu.Lock()
			defer mu.Unlock()
			seen = append(seen, *x)
		}},
	}
	srv := connecttest.StartWith(t, memory.New(), opts)
	c := srv.Client
	alias := "hooks-" + randomSuffix()
	out, err := c.CreateInstance(ctx, &connect.CreateInstanceInput{IdentityManagementType: types.DirectoryTypeConnectManaged,
		InstanceAlias: &alias, InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(true)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: aws.String("nope")}); err == nil {
		t.Fatal("DescribeInstance of a missing instance answered")
	}
	_, err = c.ListInstances(ctx, &connect.ListInstancesInput{MaxResults: aws.Int32(7)})
	var api smithy.APIError
	if !errors.As(err, &api) || api.ErrorCode() != "ThrottlingException" {
		t.Fatalf("Before hook's error: %v", err)
	}
	resp, err := http.Get(srv.URL + "/no/such/route")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()

	mu.Lock()
	defer mu.Unlock()
	if len(seen) != 4 {
		t.Fatalf("%d exchanges, want 4", len(seen))
	}
	want := []struct{ op, errType string }{
		{"CreateInstance", ""}, {"DescribeInstance", "ResourceNotFoundException"},
		{"ListInstances", "ThrottlingException"}, {"", "UnknownOperationException"},
	}
	for i, w := range want {
		x := seen[i]
		if x.Operation != w.op || x.ErrorType != w.errType || x.ID == "" || (i < 3 && x.Scope.Account != connecttest.Account) {
			t.Errorf("exchange %d: op %q type %q id %q scope %v, want %q %q", i, x.Operation, x.ErrorType, x.ID, x.Scope, w.op, w.errType)
		}
		if (w.errType == "") != (x.Err == nil) {
			t.Errorf("exchange %d: Err %v", i, x.Err)
		}
	}
	if !strings.Contains(string(seen[0].RequestBody), alias) || !strings.Contains(string(seen[0].ResponseBody), *out.Id) {
		t.Errorf("bodies not captured: %s / %s", seen[0].RequestBody, seen[0].ResponseBody)
	}
	if seen[0].Status != 200 || seen[1].Status != 404 || seen[2].Status != 429 || seen[3].Path != "/no/such/route" {
		t.Errorf("statuses %d %d %d path %s", seen[0].Status, seen[1].Status, seen[2].Status, seen[3].Path)
	}
}

// A request that ended before its answer (context.Canceled or DeadlineExceeded, from a hook or from the store)
// is classified before anything else: answered ClientDisconnected (499), logged at info, never an internal
// error (issue 18).
func TestEndedRequestIsNoInternalError(t *testing.T) {
	for _, cause := range []error{context.Canceled, context.DeadlineExceeded} {
		t.Run(cause.Error(), func(t *testing.T) {
			var log safeBuffer
			logger := slog.New(slog.NewTextHandler(&log, &slog.HandlerOptions{Level: slog.LevelInfo}))
			srv := connecttest.StartWith(t, memory.New(), connecttest.Options{
				Before: []gateway.Before{func(*http.Request, *gateway.Exchange) error { return fmt.Errorf("store: %w", cause) }},
				After:  []gateway.After{gateway.LogHook(logger)},
				API:    awsapi.Options{Logger: logger},
			})
			_, err := srv.Client.ListInstances(ctx, &connect.ListInstancesInput{})
			var re *awshttp.ResponseError
			var api smithy.APIError
			if !errors.As(err, &re) || re.HTTPStatusCode() != 499 || !errors.As(err, &api) || api.ErrorCode() != "ClientDisconnected" {
				t.Fatalf("answer %v, want 499 ClientDisconnected", err)
			}
			out := log.String()
			if strings.Contains(out, "level=ERROR") || !strings.Contains(out, "level=INFO") || !strings.Contains(out, "status=499") {
				t.Fatalf("log:\n%s", out)
			}
		})
	}
}

type safeBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *safeBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *safeBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
