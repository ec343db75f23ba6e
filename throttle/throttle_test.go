package throttle_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"
	cloudcontrolsdk "github.com/aws/aws-sdk-go-v2/service/cloudcontrol"
	cctypes "github.com/aws/aws-sdk-go-v2/service/cloudcontrol/types"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/aws/smithy-go"
	"github.com/connectlocal/connectlocal/awsapi"
	"github.com/connectlocal/connectlocal/cloudcontrol"
	"github.com/connectlocal/connectlocal/gateway"
	"github.com/connectlocal/connectlocal/internal/connecttest"
	"github.com/connectlocal/connectlocal/memory"
	"github.com/connectlocal/connectlocal/throttle"
)

// catalogs are what serve parses --throttle against: Connect's and Cloud Control's.
var catalogs = []gateway.Catalog{awsapi.Catalog(), cloudcontrol.Catalog()}

// steppingClock moves on by step at every reading, so a bucket refills by a known amount between requests
// without the test reading or waiting on the wall clock.
type steppingClock struct {
	mu   sync.Mutex
	t    time.Time
	step time.Duration
}

func (c *steppingClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(c.step)
	return c.t
}

func start(t *testing.T, spec string, step time.Duration) *connecttest.Server {
	t.Helper()
	s, err := throttle.Parse(spec, catalogs...)
	if err != nil {
		t.Fatal(err)
	}
	l := throttle.New(s)
	l.Now = (&steppingClock{t: time.Unix(0, 0), step: step}).Now
	return connecttest.StartWith(t, memory.New(), connecttest.Options{Before: []gateway.Before{l.Before}})
}

// 1 request a second, burst 1, the clock moving 0.6 s a request: the second call finds 0.2 tokens (throttled),
// its retry 0.8... the third reading 1.2 s after the first: one token again.
func TestThrottle_visibleWithoutRetries(t *testing.T) {
	srv := start(t, "ListInstances=1/1", 600*time.Millisecond)
	ctx := context.Background()
	if _, err := srv.Client.ListInstances(ctx, &connect.ListInstancesInput{}); err != nil {
		t.Fatal(err)
	}
	_, err := srv.Client.ListInstances(ctx, &connect.ListInstancesInput{})
	// ListInstances' model lacks ThrottlingException, so the SDK gives a generic API error with the code
	// (spec-facts §2); operations that list it give *types.ThrottlingException (TestThrottle_typed).
	var api smithy.APIError
	var re interface{ HTTPStatusCode() int }
	if !errors.As(err, &api) || api.ErrorCode() != "ThrottlingException" || !errors.As(err, &re) || re.HTTPStatusCode() != 429 {
		t.Fatalf("second call: %v, want ThrottlingException 429", err)
	}
	// Other operations, accounts and regions have buckets of their own.
	if _, err := srv.For("999999999999", "us-east-1").ListInstances(ctx, &connect.ListInstancesInput{}); err != nil {
		t.Fatalf("another account: %v", err)
	}
	if _, err := srv.For(connecttest.Account, "eu-west-2").ListInstances(ctx, &connect.ListInstancesInput{}); err != nil {
		t.Fatalf("another region: %v", err)
	}
}

func TestThrottle_typed(t *testing.T) {
	srv := start(t, "GetTaskTemplate=1/1", 600*time.Millisecond)
	ctx := context.Background()
	in := &connect.GetTaskTemplateInput{InstanceId: aws.String("00000000-0000-0000-0000-000000000000"), TaskTemplateId: aws.String("x")}
	var nf *types.ResourceNotFoundException
	if _, err := srv.Client.GetTaskTemplate(ctx, in); !errors.As(err, &nf) {
		t.Fatalf("first call: %v", err)
	}
	var te *types.ThrottlingException
	if _, err := srv.Client.GetTaskTemplate(ctx, in); !errors.As(err, &te) {
		t.Fatalf("second call: %v, want *types.ThrottlingException", err)
	}
}

func TestThrottle_absorbedByTheSDKRetryer(t *testing.T) {
	srv := start(t, "*=1/1", 600*time.Millisecond)
	// The SDK's default (standard) retryer, with its backoff set to zero so the test does not wait.
	var attempts int
	var mu sync.Mutex
	c := connect.New(connect.Options{BaseEndpoint: aws.String(srv.URL), Region: "us-east-1",
		Credentials: credentials.NewStaticCredentialsProvider(connecttest.Account, "secret", ""),
		Retryer: retry.NewStandard(func(o *retry.StandardOptions) {
			o.Backoff = retry.BackoffDelayerFunc(func(attempt int, err error) (time.Duration, error) {
				mu.Lock()
				attempts++
				mu.Unlock()
				return 0, nil
			})
		})})
	ctx := context.Background()
	alias := "absorbed"
	for i := 0; i < 4; i++ {
		if _, err := c.ListInstances(ctx, &connect.ListInstancesInput{}); err != nil {
			t.Fatalf("call %d: %v", i, err)
		}
	}
	if _, err := c.CreateInstance(ctx, &connect.CreateInstanceInput{IdentityManagementType: types.DirectoryTypeConnectManaged,
		InstanceAlias: &alias, InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(true)}); err != nil {
		t.Fatal(err)
	}
	if attempts == 0 {
		t.Fatal("no call was throttled, so nothing was absorbed")
	}
}

func TestThrottle_parse(t *testing.T) {
	s, err := throttle.Parse("CreateTaskTemplate=2/5, *=50/100", catalogs...)
	if err != nil || s.String() != "*=50/100,CreateTaskTemplate=2/5" {
		t.Fatalf("%v %v", s, err)
	}
	for _, bad := range []string{"CreateTaskTemplate=2", "Nope=1/1", "*=0/1", "*=1/0", "*=x/1", "*=1/1,*=2/2", "=1/1"} {
		if _, err := throttle.Parse(bad, catalogs...); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// --throttle reaches Cloud Control (issue 19, item 3): a request over its bucket is refused in awsJson1_0 with
// the Cloud Control model's ThrottlingException, and the operation never runs.
func TestThrottle_cloudControl(t *testing.T) {
	srv := start(t, "ListResources=1/1", time.Nanosecond)
	cc := srv.CloudControl()
	ctx := context.Background()
	in := &cloudcontrolsdk.ListResourcesInput{TypeName: aws.String("AWS::Connect::Instance")}
	if _, err := cc.ListResources(ctx, in); err != nil {
		t.Fatal(err)
	}
	_, err := cc.ListResources(ctx, in)
	var te *cctypes.ThrottlingException
	if !errors.As(err, &te) || te.ErrorMessage() != "Rate exceeded" {
		t.Fatalf("second ListResources: %v, want Cloud Control's ThrottlingException", err)
	}
	// Connect's operations keep their own buckets.
	if _, err := srv.Client.ListInstances(ctx, &connect.ListInstancesInput{}); err != nil {
		t.Fatal(err)
	}
}
