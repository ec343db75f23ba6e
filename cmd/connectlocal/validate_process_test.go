package main

import (
	"context"
	"errors"
	"os/exec"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol"
)

// TestValidate_exitStatus: the real process exits 0 clean, 1 on problems, 2 on an unreadable file.
func TestValidate_exitStatus(t *testing.T) {
	for file, want := range map[string]int{"good-cli.json": 0, "stack.yaml": 1, "unreadable.yaml": 2} {
		cmd := exec.Command(binary, "validate", vdir+file)
		out, err := cmd.CombinedOutput()
		status := 0
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			status = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if status != want {
			t.Errorf("validate %s: exit %d, want %d\n%s", file, status, want, out)
		}
	}
}

// TestServe_cloudControl: serve answers Cloud Control on its one address.
func TestServe_cloudControl(t *testing.T) {
	p := startServe(t, nil, "--store", "memory")
	cc := cloudcontrol.New(cloudcontrol.Options{BaseEndpoint: aws.String(p.URL), Region: "us-east-1", Retryer: aws.NopRetryer{},
		Credentials: credentials.NewStaticCredentialsProvider("123456789012", "x", "")})
	out, err := cc.CreateResource(context.Background(), &cloudcontrol.CreateResourceInput{TypeName: aws.String("AWS::Connect::Instance"),
		DesiredState: aws.String(`{"IdentityManagementType":"CONNECT_MANAGED","InstanceAlias":"proc","Attributes":{"InboundCalls":true,"OutboundCalls":true}}`)})
	if err != nil || !strings.HasPrefix(aws.ToString(out.ProgressEvent.Identifier), "arn:aws:connect:us-east-1:123456789012:instance/") {
		t.Fatalf("CreateResource on serve: %v %+v", err, out)
	}
}
