package main

import (
	"context"
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol"
	cctypes "github.com/aws/aws-sdk-go-v2/service/cloudcontrol/types"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal/internal/connecttest"
)

// Issue 19, item 3: serve's --throttle and --faults reach Cloud Control, which refuses in its own words, so a
// throttled client cannot escape its limit through Cloud Control. The rate is so low that no refill can come
// between the two calls, however slow the machine.
func TestServe_throttleAndFaultsReachCloudControl(t *testing.T) {
	p := startServe(t, nil, "--store", "memory", "--console=false",
		"--throttle", "ListResources=0.001/1,CreateInstance=0.001/1",
		"--faults", "GetResource=HandlerInternalFailureException")
	cc := cloudcontrol.New(cloudcontrol.Options{BaseEndpoint: aws.String(p.URL), Region: "us-east-1", Retryer: aws.NopRetryer{},
		Credentials: credentials.NewStaticCredentialsProvider(connecttest.Account, "secret", "")})
	ctx := context.Background()
	list := &cloudcontrol.ListResourcesInput{TypeName: aws.String("AWS::Connect::Instance")}
	if _, err := cc.ListResources(ctx, list); err != nil {
		t.Fatal(err)
	}
	var te *cctypes.ThrottlingException
	if _, err := cc.ListResources(ctx, list); !errors.As(err, &te) {
		t.Fatalf("second ListResources: %v, want Cloud Control's ThrottlingException", err)
	}
	var hf *cctypes.HandlerInternalFailureException
	if _, err := cc.GetResource(ctx, &cloudcontrol.GetResourceInput{TypeName: aws.String("AWS::Connect::Instance"),
		Identifier: aws.String("x")}); !errors.As(err, &hf) {
		t.Fatalf("GetResource: %v, want the injected HandlerInternalFailureException", err)
	}
	// Connect's own bucket for CreateInstance is separate; its second call is throttled in restJson1.
	c := connecttest.NewClient(p.URL, connecttest.Account, connecttest.Region)
	create := func(alias string) error {
		_, err := c.CreateInstance(ctx, &connect.CreateInstanceInput{IdentityManagementType: types.DirectoryTypeConnectManaged,
			InstanceAlias: aws.String(alias), InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(true)})
		return err
	}
	if err := create("gw-one"); err != nil {
		t.Fatal(err)
	}
	var cte *types.ThrottlingException
	if err := create("gw-two"); !errors.As(err, &cte) {
		t.Fatalf("second CreateInstance: %v, want Connect's ThrottlingException", err)
	}
}
