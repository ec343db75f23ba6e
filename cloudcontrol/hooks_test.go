package cloudcontrol_test

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol"
	cctypes "github.com/aws/aws-sdk-go-v2/service/cloudcontrol/types"
	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/gateway"
	"github.com/connectlocal/connectlocal/internal/connecttest"
	"github.com/connectlocal/connectlocal/memory"
)

// TestSharesThePipeline: Cloud Control requests get the Connect API's request id, scope and hooks, so logs,
// metrics and authentication see them as they see Connect's.
func TestSharesThePipeline(t *testing.T) {
	var mu sync.Mutex
	var seen []gateway.Exchange
	var refuse atomic.Bool
	hooks := connecttest.Options{
		Before: []gateway.Before{func(r *http.Request, x *gateway.Exchange) error {
			if refuse.Load() {
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
	srv := connecttest.StartWith(t, memory.New(), hooks)
	cc := srv.CloudControl()
	ctx := context.Background()

	out, err := cc.ListResources(ctx, &cloudcontrol.ListResourcesInput{TypeName: aws.String("AWS::Connect::Instance")})
	if err != nil {
		t.Fatal(err)
	}
	id, _ := awsmiddleware.GetRequestIDMetadata(out.ResultMetadata)
	_, err = cc.GetResource(ctx, &cloudcontrol.GetResourceInput{TypeName: aws.String("AWS::Connect::Instance"),
		Identifier: aws.String("arn:aws:connect:us-east-1:123456789012:instance/00000000-0000-0000-0000-000000000000")})
	var nf *cctypes.ResourceNotFoundException
	if !errors.As(err, &nf) {
		t.Fatalf("GetResource: %v", err)
	}
	refuse.Store(true)
	_, err = cc.ListResources(ctx, &cloudcontrol.ListResourcesInput{TypeName: aws.String("AWS::Connect::Instance")})
	var th *cctypes.ThrottlingException
	if !errors.As(err, &th) {
		t.Fatalf("a Before hook's refusal: %v, want ThrottlingException", err)
	}

	mu.Lock()
	defer mu.Unlock()
	if len(seen) != 3 {
		t.Fatalf("hooks saw %d requests, want 3", len(seen))
	}
	want := []struct{ op, errType string }{{"ListResources", ""}, {"GetResource", "ResourceNotFoundException"}, {"ListResources", "ThrottlingException"}}
	for i, w := range want {
		x := seen[i]
		if x.Operation != w.op || x.ErrorType != w.errType || x.Scope.Account != connecttest.Account {
			t.Errorf("request %d: hooks saw operation %q error %q scope %v, want %q %q", i, x.Operation, x.ErrorType, x.Scope, w.op, w.errType)
		}
	}
	if seen[0].ID == "" || seen[0].ID != id {
		t.Errorf("request id %q in the hooks, %q at the client", seen[0].ID, id)
	}
}
