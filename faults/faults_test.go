package faults_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	cloudcontrolsdk "github.com/aws/aws-sdk-go-v2/service/cloudcontrol"
	cctypes "github.com/aws/aws-sdk-go-v2/service/cloudcontrol/types"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/connectlocal/connectlocal/awsapi"
	"github.com/connectlocal/connectlocal/cloudcontrol"
	"github.com/connectlocal/connectlocal/faults"
	"github.com/connectlocal/connectlocal/gateway"
	"github.com/connectlocal/connectlocal/internal/connecttest"
	"github.com/connectlocal/connectlocal/memory"
)

type rig struct {
	srv *connecttest.Server
	inj *faults.Injector

	mu       sync.Mutex
	slept    []time.Duration
	injected []string // Exchange.Injected of each answered request, "" when genuine
}

func start(t *testing.T, spec string, seed uint64, header bool) *rig {
	t.Helper()
	s, err := faults.Parse(spec, catalogs...)
	if err != nil {
		t.Fatal(err)
	}
	g := &rig{inj: faults.New(s, seed, catalogs...)}
	g.inj.Header = header
	g.inj.Sleep = func(ctx context.Context, d time.Duration) error {
		g.mu.Lock()
		defer g.mu.Unlock()
		g.slept = append(g.slept, d)
		return nil
	}
	g.srv = connecttest.StartWith(t, memory.New(), connecttest.Options{
		Before: []gateway.Before{g.inj.Before},
		After: []gateway.After{func(x *gateway.Exchange) {
			g.mu.Lock()
			defer g.mu.Unlock()
			g.injected = append(g.injected, x.Injected)
		}}})
	return g
}

var ctx = context.Background()

// catalogs are what serve parses --faults against: Connect's and Cloud Control's.
var catalogs = []gateway.Catalog{awsapi.Catalog(), cloudcontrol.Catalog()}

func instance(t *testing.T, c *connect.Client) *string {
	t.Helper()
	out, err := c.CreateInstance(ctx, &connect.CreateInstanceInput{IdentityManagementType: types.DirectoryTypeConnectManaged,
		InstanceAlias: aws.String("faults"), InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(true)})
	if err != nil {
		t.Fatal(err)
	}
	return out.Id
}

func template(inst *string) *connect.CreateTaskTemplateInput {
	return &connect.CreateTaskTemplateInput{InstanceId: inst, Name: aws.String("t"), Fields: []types.TaskTemplateField{
		{Id: &types.TaskTemplateFieldIdentifier{Name: aws.String("Title")}, Type: types.TaskTemplateFieldTypeName},
		{Id: &types.TaskTemplateFieldIdentifier{Name: aws.String("Assign")}, Type: types.TaskTemplateFieldTypeQuickConnect}}}
}

func TestFaults_injectedErrorStoresNothing(t *testing.T) {
	g := start(t, "CreateTaskTemplate=InternalServiceException", 1, false)
	c := g.srv.Client
	inst := instance(t, c)
	_, err := c.CreateTaskTemplate(ctx, template(inst))
	var ise *types.InternalServiceException
	var re interface{ HTTPStatusCode() int }
	if !errors.As(err, &ise) || !errors.As(err, &re) || re.HTTPStatusCode() != 500 {
		t.Fatalf("CreateTaskTemplate: %v, want InternalServiceException 500", err)
	}
	list, err := c.ListTaskTemplates(ctx, &connect.ListTaskTemplatesInput{InstanceId: inst})
	if err != nil || len(list.TaskTemplates) != 0 {
		t.Fatalf("after an injected error: %v %v", list, err)
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if !slices.Equal(g.injected, []string{"", "InternalServiceException", ""}) {
		t.Fatalf("marks %q", g.injected)
	}
}

// outcomes makes n GetTaskTemplate calls and returns which failed with ThrottlingException.
func outcomes(t *testing.T, g *rig, n int) []bool {
	t.Helper()
	c := g.srv.Client
	inst := instance(t, c)
	tmpl, err := c.CreateTaskTemplate(ctx, template(inst))
	if err != nil {
		t.Fatal(err)
	}
	var out []bool
	for i := 0; i < n; i++ {
		_, err := c.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: inst, TaskTemplateId: tmpl.Id})
		var te *types.ThrottlingException
		if err != nil && !errors.As(err, &te) {
			t.Fatal(err)
		}
		out = append(out, err != nil)
	}
	return out
}

func TestFaults_rateIsSeededAndRepeatable(t *testing.T) {
	a := outcomes(t, start(t, "GetTaskTemplate=ThrottlingException@0.5", 42, false), 60)
	b := outcomes(t, start(t, "GetTaskTemplate=ThrottlingException@0.5", 42, false), 60)
	if !slices.Equal(a, b) {
		t.Fatal("the same seed gave different faults")
	}
	n := 0
	for _, failed := range a {
		if failed {
			n++
		}
	}
	if n == 0 || n == len(a) {
		t.Fatalf("%d of %d failed at rate 0.5", n, len(a))
	}
	if c := outcomes(t, start(t, "GetTaskTemplate=ThrottlingException@0.5", 7, false), 60); slices.Equal(a, c) {
		t.Fatal("another seed gave the very same faults")
	}
	for _, f := range outcomes(t, start(t, "GetTaskTemplate=ThrottlingException@0", 1, false), 20) {
		if f {
			t.Fatal("rate 0 injected")
		}
	}
}

func TestFaults_delayAndLatency(t *testing.T) {
	g := start(t, "DescribeInstance=delay:300ms,ListInstances=latency:p50=20ms/p99=400ms", 3, false)
	c := g.srv.Client
	inst := instance(t, c)
	if _, err := c.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: inst}); err != nil {
		t.Fatal(err)
	}
	g.mu.Lock()
	if !slices.Equal(g.slept, []time.Duration{300 * time.Millisecond}) {
		t.Fatalf("slept %v", g.slept)
	}
	g.slept = nil
	g.mu.Unlock()
	const n = 1000
	for i := 0; i < n; i++ {
		if _, err := c.ListInstances(ctx, &connect.ListInstancesInput{}); err != nil {
			t.Fatal(err)
		}
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	d := slices.Clone(g.slept)
	slices.Sort(d)
	p50, p99 := d[n/2], d[n*99/100]
	if p50 < 16*time.Millisecond || p50 > 24*time.Millisecond || p99 < 250*time.Millisecond || p99 > 600*time.Millisecond {
		t.Fatalf("drawn p50 %v p99 %v, want about 20ms and 400ms", p50, p99)
	}
	if g.injected[len(g.injected)-1] == "" {
		t.Fatal("a delayed answer is not marked")
	}
}

func withHeader(v string) func(*connect.Options) {
	return connect.WithAPIOptions(smithyhttp.AddHeaderValue(faults.Header, v))
}

func TestFaults_header(t *testing.T) {
	for _, on := range []bool{false, true} {
		g := start(t, "", 1, on)
		c := g.srv.Client
		_, err := c.ListInstances(ctx, &connect.ListInstancesInput{}, withHeader("InternalServiceException"))
		var ise *types.InternalServiceException
		if on != errors.As(err, &ise) {
			t.Fatalf("--faults-header %v: %v", on, err)
		}
		_, err = c.ListInstances(ctx, &connect.ListInstancesInput{}, withHeader("DuplicateResourceException"))
		var ire *types.InvalidRequestException
		if on != errors.As(err, &ire) {
			t.Fatalf("--faults-header %v, an error the model lacks: %v", on, err)
		}
		if _, err := c.ListInstances(ctx, &connect.ListInstancesInput{}, withHeader("delay:2s")); err != nil {
			t.Fatal(err)
		}
		g.mu.Lock()
		if got := len(g.slept); (got == 1) != on {
			t.Fatalf("--faults-header %v: slept %v", on, g.slept)
		}
		g.mu.Unlock()
	}
}

func TestFaults_star(t *testing.T) {
	g := start(t, "*=ThrottlingException", 1, false)
	var te *types.ThrottlingException
	if _, err := g.srv.Client.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: aws.String("x"), TaskTemplateId: aws.String("y")}); !errors.As(err, &te) {
		t.Fatalf("GetTaskTemplate: %v", err)
	}
	// ListInstances' model lacks ThrottlingException, so "*" leaves it alone.
	if _, err := g.srv.Client.ListInstances(ctx, &connect.ListInstancesInput{}); err != nil {
		t.Fatalf("ListInstances: %v", err)
	}
}

func TestFaults_parse(t *testing.T) {
	good := "GetTaskTemplate=InternalServiceException@0.2,CreateTaskTemplate=ThrottlingException@0.5,*=delay:300ms@0.1,ListInstances=latency:p50=20ms/p99=400ms@1"
	s, err := faults.Parse(good, catalogs...)
	if err != nil || s.String() != good {
		t.Fatalf("%v %v", s, err)
	}
	for _, bad := range []string{
		"GetTaskTemplate=DuplicateResourceException", // not in its model
		"StopContact=ThrottlingException",            // not in its model
		"DeleteContactFlow=AccessDeniedException",    // in its model, but no code reaches it
		"*=ContactNotFoundException",
		"Nope=InternalServiceException", "GetTaskTemplate=InternalServiceException@1.5", "GetTaskTemplate",
		"GetTaskTemplate=delay:x", "GetTaskTemplate=latency:p50=400ms/p99=20ms", "GetTaskTemplate=delay:2h",
	} {
		if _, err := faults.Parse(bad, catalogs...); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	path := filepath.Join(t.TempDir(), "faults.yaml")
	yaml := "rules:\n  - {operation: GetTaskTemplate, fault: InternalServiceException, rate: 0.2}\n  - operation: \"*\"\n    fault: latency:p50=20ms/p99=400ms\n"
	if err := os.WriteFile(path, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err = faults.Parse("@"+path, catalogs...)
	if err != nil || s.String() != "GetTaskTemplate=InternalServiceException@0.2,*=latency:p50=20ms/p99=400ms@1" {
		t.Fatalf("from file: %v %v", s, err)
	}
	os.WriteFile(path, []byte("rules:\n  - {operation: GetTaskTemplate, fault: InternalServiceException, rat: 0.2}\n"), 0o600)
	if _, err := faults.Parse("@"+path, catalogs...); err == nil {
		t.Fatal("a misspelt key was accepted")
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"GetTaskTemplate=InternalServiceException@0.2", "*=delay:300ms@0.1",
		"ListInstances=latency:p50=20ms/p99=400ms", "a=b@c,d", "=@", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 0 && s[0] == '@' {
			return // names a file
		}
		spec, err := faults.Parse(s, catalogs...)
		if err != nil {
			return
		}
		again, err := faults.Parse(spec.String(), catalogs...)
		if err != nil || again.String() != spec.String() {
			t.Fatalf("%q → %q → %q, %v", s, spec.String(), again.String(), err)
		}
	})
}

// --faults reaches Cloud Control (issue 19, item 3) with the Cloud Control model's errors, written in
// awsJson1_0; a Connect error name is refused for a Cloud Control operation, and the other way round.
func TestFaults_cloudControl(t *testing.T) {
	g := start(t, "ListResources=ThrottlingException,GetResource=HandlerInternalFailureException", 1, false)
	cc := g.srv.CloudControl()
	_, err := cc.ListResources(ctx, &cloudcontrolsdk.ListResourcesInput{TypeName: aws.String("AWS::Connect::Instance")})
	var te *cctypes.ThrottlingException
	if !errors.As(err, &te) {
		t.Fatalf("ListResources: %v, want Cloud Control's ThrottlingException", err)
	}
	_, err = cc.GetResource(ctx, &cloudcontrolsdk.GetResourceInput{TypeName: aws.String("AWS::Connect::Instance"), Identifier: aws.String("x")})
	var hf *cctypes.HandlerInternalFailureException
	var re *awshttp.ResponseError
	if !errors.As(err, &hf) || !errors.As(err, &re) || re.HTTPStatusCode() != 500 {
		t.Fatalf("GetResource: %v, want HandlerInternalFailureException (500, a fault in the model)", err)
	}
	for _, bad := range []string{"CreateResource=InternalServiceException", "CreateInstance=HandlerFailureException"} {
		if _, err := faults.Parse(bad, catalogs...); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
