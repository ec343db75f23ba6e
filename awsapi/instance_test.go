package awsapi_test

import (
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/internal/connecttest"
)

func TestInstanceLifecycle(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		alias := "lifecycle-" + randomSuffix()
		out, err := c.CreateInstance(ctx, &connect.CreateInstanceInput{
			IdentityManagementType: types.DirectoryTypeConnectManaged, InstanceAlias: &alias,
			InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(false),
			Tags: map[string]string{"team": "support"}, ClientToken: aws.String("inst-token"),
		})
		if err != nil {
			t.Fatal(err)
		}
		if *out.Arn != "arn:aws:connect:us-east-1:123456789012:instance/"+*out.Id {
			t.Errorf("Arn %s", *out.Arn)
		}
		again, err := c.CreateInstance(ctx, &connect.CreateInstanceInput{
			IdentityManagementType: types.DirectoryTypeConnectManaged, InstanceAlias: aws.String("other-" + randomSuffix()),
			InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(false), ClientToken: aws.String("inst-token"),
		})
		if err != nil || *again.Id != *out.Id {
			t.Fatalf("repeated token: %v %v", again, err)
		}
		d, err := c.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: out.Id})
		if err != nil {
			t.Fatal(err)
		}
		i := d.Instance
		if *i.Id != *out.Id || *i.InstanceAlias != alias || i.InstanceStatus != types.InstanceStatusActive ||
			i.IdentityManagementType != types.DirectoryTypeConnectManaged || !*i.InboundCallsEnabled || *i.OutboundCallsEnabled ||
			i.CreatedTime == nil || *i.InstanceAccessUrl != "https://"+alias+".my.connect.aws/" || i.Tags["team"] != "support" ||
			i.ServiceRole == nil {
			t.Fatalf("DescribeInstance: %+v", i)
		}
		// The instance ARN works as InstanceId too.
		if _, err := c.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: out.Arn}); err != nil {
			t.Fatalf("describe by ARN: %v", err)
		}
		// Deleting the instance deletes what it holds.
		tmpl := mustTemplate(t, c, quickTemplate(*out.Id, "inside"))
		if _, err := c.DeleteInstance(ctx, &connect.DeleteInstanceInput{InstanceId: out.Id, ClientToken: aws.String("del")}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.DeleteInstance(ctx, &connect.DeleteInstanceInput{InstanceId: out.Id, ClientToken: aws.String("del")}); err != nil {
			t.Fatalf("repeated delete with the same token: %v", err)
		}
		var nf *types.ResourceNotFoundException
		if _, err := c.DeleteInstance(ctx, &connect.DeleteInstanceInput{InstanceId: out.Id}); !errAs(err, &nf) {
			t.Fatalf("delete again: want ResourceNotFoundException, got %v", err)
		}
		if _, err := c.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: out.Id}); !errAs(err, &nf) {
			t.Fatalf("describe deleted: want ResourceNotFoundException, got %v", err)
		}
		if _, err := c.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: out.Id, TaskTemplateId: tmpl.Id}); !errAs(err, &nf) {
			t.Fatalf("template of deleted instance: want ResourceNotFoundException, got %v", err)
		}
	})
}

func TestCreateInstance_errors(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		in := func(alias *string) *connect.CreateInstanceInput {
			return &connect.CreateInstanceInput{IdentityManagementType: types.DirectoryTypeConnectManaged, InstanceAlias: alias,
				InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(true)}
		}
		_, err := c.CreateInstance(ctx, in(nil))
		wantAPIError(t, err, "InvalidRequestException")
		_, err = c.CreateInstance(ctx, in(aws.String("d-starts-like-a-directory")))
		wantAPIError(t, err, "InvalidRequestException") // model pattern; the op lists no InvalidParameterException
		dir := &connect.CreateInstanceInput{IdentityManagementType: types.DirectoryTypeExistingDirectory,
			InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(true)}
		_, err = c.CreateInstance(ctx, dir)
		wantAPIError(t, err, "InvalidRequestException")
		alias := "taken-" + randomSuffix()
		if _, err := c.CreateInstance(ctx, in(&alias)); err != nil {
			t.Fatal(err)
		}
		// The alias is a host name: taken case-insensitively, by any account.
		_, err = srv.For("210987654321", "us-east-1").CreateInstance(ctx, in(aws.String("TAKEN-"+alias[6:])))
		if ae := wantAPIError(t, err, "InvalidRequestException"); ae.ErrorMessage() != "Invalid Input. Instance alias is already used." {
			t.Errorf("duplicate alias message: %q, want Connect's own", ae.ErrorMessage())
		}
		if _, err := c.CreateInstance(ctx, in(aws.String("second-"+randomSuffix()))); err != nil {
			t.Fatal(err)
		}
		_, err = c.CreateInstance(ctx, in(aws.String("third-"+randomSuffix())))
		var q *types.ServiceQuotaExceededException
		if !errAs(err, &q) {
			t.Fatalf("3rd instance: want ServiceQuotaExceededException, got %v", err)
		}
	})
}

func TestListInstances_pages(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		var ids []string
		for i := 0; i < 12; i++ {
			ids = append(ids, mustInstance(t, c))
		}
		var seen []string
		p := connect.NewListInstancesPaginator(c, &connect.ListInstancesInput{MaxResults: aws.Int32(5)})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range page.InstanceSummaryList {
				seen = append(seen, *s.Id)
			}
		}
		// Every instance exactly once (order within a millisecond is by id, so compare as sets).
		slices.Sort(ids)
		slices.Sort(seen)
		if !slices.Equal(seen, ids) {
			t.Fatalf("listed %v, want %v", seen, ids)
		}
		first, err := c.ListInstances(ctx, &connect.ListInstancesInput{})
		if err != nil || len(first.InstanceSummaryList) != 10 || first.NextToken == nil {
			t.Fatalf("default page: %d, %v, %v", len(first.InstanceSummaryList), first.NextToken, err)
		}
		_, err = c.ListInstances(ctx, &connect.ListInstancesInput{NextToken: aws.String("forged")})
		wantAPIError(t, err, "InvalidRequestException")
		_, err = c.ListInstances(ctx, &connect.ListInstancesInput{MaxResults: aws.Int32(11)})
		wantAPIError(t, err, "InvalidRequestException")
	}, func(s *connectlocal.Service) { s.Quotas.InstancesPerRegion = 100 })
}

func TestScopeIsolation(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		tmpl := mustTemplate(t, c, quickTemplate(inst, "mine"))
		for _, other := range []struct{ account, region string }{{"210987654321", "us-east-1"}, {"123456789012", "eu-west-2"}} {
			oc := srv.For(other.account, other.region)
			var nf *types.ResourceNotFoundException
			if _, err := oc.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: &inst}); !errAs(err, &nf) {
				t.Errorf("%v sees the instance: %v", other, err)
			}
			if _, err := oc.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: &inst, TaskTemplateId: tmpl.Id}); !errAs(err, &nf) {
				t.Errorf("%v sees the template: %v", other, err)
			}
			list, err := oc.ListInstances(ctx, &connect.ListInstancesInput{})
			if err != nil || len(list.InstanceSummaryList) != 0 {
				t.Errorf("%v lists %d instances (%v)", other, len(list.InstanceSummaryList), err)
			}
			if _, err := oc.DeleteInstance(ctx, &connect.DeleteInstanceInput{InstanceId: &inst}); !errAs(err, &nf) {
				t.Errorf("%v deletes the instance: %v", other, err)
			}
		}
		if _, err := c.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: &inst}); err != nil {
			t.Fatal(err)
		}
	})
}
