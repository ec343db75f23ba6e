package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

func TestRun_trustFlagsRefused(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--auth", "ldap"}, "--auth must be off or sigv4"},
		{[]string{"--auth", "sigv4"}, "--auth sigv4 needs --credentials FILE"},
		{[]string{"--credentials", "x"}, "--credentials needs --auth sigv4"},
		{[]string{"--auth", "sigv4", "--credentials", "/nonexistent"}, "no such file"},
		{[]string{"--throttle", "CreateTaskTemplate=2"}, "--throttle"},
		{[]string{"--faults", "StopContact=ThrottlingException"}, "StopContact's model does not list ThrottlingException"},
		{[]string{"--faults", "@/nonexistent.yaml"}, "no such file"},
	} {
		var stdout, stderr bytes.Buffer
		args := append([]string{"serve", "--store", "memory", "--addr", "127.0.0.1:0"}, tc.args...)
		err := run(context.Background(), args, strings.NewReader(""), &stdout, &stderr)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: err %v, want %q", tc.args, err, tc.want)
		}
	}
}

// The real binary with --auth sigv4 from the environment, faults, the fault header and pprof.
func TestServe_trustFlags(t *testing.T) {
	creds := filepath.Join(t.TempDir(), "credentials")
	os.WriteFile(creds, []byte("[ci]\naws_access_key_id = AKIACI000000000001\naws_secret_access_key = s3cret\naws_account_id = 333333333333\n"), 0o600)
	p := startServe(t, []string{"CONNECTLOCAL_AUTH=sigv4", "CONNECTLOCAL_CREDENTIALS=" + creds},
		"--store", "memory", "--faults", "DescribeInstance=ResourceNotFoundException@1", "--faults-header", "--pprof",
		"--throttle", "*=1000/1000")
	for _, want := range []string{"auth: sigv4, 1 key from", "!!! FAULTS ON: answers are injected on purpose: DescribeInstance=ResourceNotFoundException@1",
		"X-Connectlocal-Fault request header is honoured", "throttle: *=1000/1000"} {
		if !strings.Contains(p.startup, want) {
			t.Errorf("start-up lines lack %q:\n%s", want, p.startup)
		}
	}
	// A browser's unsigned GET / is sent to the console's sign-in, not refused as an unsigned API call.
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	if resp, err := noFollow.Get(p.URL + "/"); err != nil || resp.StatusCode != http.StatusFound {
		t.Errorf("GET / under --auth sigv4: %v %v", resp, err)
	} else {
		resp.Body.Close()
	}
	get := func(path string, sign bool) int {
		req, _ := http.NewRequest("GET", p.URL+path, nil)
		if sign {
			sum := sha256.Sum256(nil)
			v4.NewSigner().SignHTTP(context.Background(), aws.Credentials{AccessKeyID: "AKIACI000000000001", SecretAccessKey: "s3cret"},
				req, hex.EncodeToString(sum[:]), "connect", "us-east-1", time.Now())
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if s := get("/_connectlocal/health", false); s != 200 {
		t.Errorf("health unsigned: %d", s)
	}
	if s := get("/instance", false); s != 403 {
		t.Errorf("unsigned: %d", s)
	}
	if s := get("/_connectlocal/debug/pprof/cmdline", false); s != 403 {
		t.Errorf("pprof unsigned: %d", s)
	}
	if s := get("/_connectlocal/debug/pprof/cmdline", true); s != 200 {
		t.Errorf("pprof signed: %d", s)
	}
	c := connect.New(connect.Options{BaseEndpoint: aws.String(p.URL), Region: "us-east-1", Retryer: aws.NopRetryer{},
		Credentials: credentials.NewStaticCredentialsProvider("AKIACI000000000001", "s3cret", "")})
	ctx := context.Background()
	out, err := c.CreateInstance(ctx, &connect.CreateInstanceInput{IdentityManagementType: types.DirectoryTypeConnectManaged,
		InstanceAlias: aws.String("ci"), InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(true)})
	if err != nil || !strings.Contains(*out.Arn, ":333333333333:") {
		t.Fatalf("CreateInstance: %v %v", out, err)
	}
	var nf *types.ResourceNotFoundException
	if _, err := c.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: out.Id}); !errors.As(err, &nf) {
		t.Fatalf("DescribeInstance under a fault at rate 1: %v", err)
	}
	// Cloud Control's client signs for cloudcontrolapi: accepted, in the key's account; a wrong secret is not.
	cc := func(secret string) *cloudcontrol.Client {
		return cloudcontrol.New(cloudcontrol.Options{BaseEndpoint: aws.String(p.URL), Region: "us-east-1", Retryer: aws.NopRetryer{},
			Credentials: credentials.NewStaticCredentialsProvider("AKIACI000000000001", secret, "")})
	}
	list, err := cc("s3cret").ListResources(ctx, &cloudcontrol.ListResourcesInput{TypeName: aws.String("AWS::Connect::Instance")})
	if err != nil || len(list.ResourceDescriptions) != 1 || !strings.Contains(aws.ToString(list.ResourceDescriptions[0].Identifier), ":333333333333:") {
		t.Fatalf("Cloud Control ListResources: %v %+v", err, list)
	}
	_, err = cc("wrong").ListResources(ctx, &cloudcontrol.ListResourcesInput{TypeName: aws.String("AWS::Connect::Instance")})
	var api smithy.APIError
	if !errors.As(err, &api) || api.ErrorCode() != "InvalidSignatureException" {
		t.Fatalf("Cloud Control with a wrong secret: %v", err)
	}
	var ise *types.InternalServiceException
	_, err = c.ListInstances(ctx, &connect.ListInstancesInput{}, connect.WithAPIOptions(smithyhttp.AddHeaderValue("X-Connectlocal-Fault", "InternalServiceException")))
	if !errors.As(err, &ise) {
		t.Fatalf("ListInstances with the fault header: %v", err)
	}
}
