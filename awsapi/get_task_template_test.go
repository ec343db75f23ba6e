package awsapi_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal/internal/connecttest"
)

func TestGetTaskTemplate_snapshotVersions(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		out := mustTemplate(t, c, quickTemplate(inst, "v1 name"))
		if _, err := c.UpdateTaskTemplate(ctx, &connect.UpdateTaskTemplateInput{InstanceId: &inst, TaskTemplateId: out.Id, Name: aws.String("v2 name")}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.UpdateTaskTemplate(ctx, &connect.UpdateTaskTemplateInput{InstanceId: &inst, TaskTemplateId: out.Id, Name: aws.String("v3 name")}); err != nil {
			t.Fatal(err)
		}
		for v, want := range map[string]string{"": "v3 name", "1": "v1 name", "2": "v2 name", "3": "v3 name"} {
			in := &connect.GetTaskTemplateInput{InstanceId: &inst, TaskTemplateId: out.Id}
			if v != "" {
				in.SnapshotVersion = aws.String(v)
			}
			got, err := c.GetTaskTemplate(ctx, in)
			if err != nil {
				t.Fatalf("version %q: %v", v, err)
			}
			if *got.Name != want {
				t.Errorf("version %q: Name %q, want %q", v, *got.Name, want)
			}
		}
		_, err := c.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: &inst, TaskTemplateId: out.Id, SnapshotVersion: aws.String("4")})
		var nf *types.ResourceNotFoundException
		if !errAs(err, &nf) {
			t.Errorf("unknown version: want ResourceNotFoundException, got %v", err)
		}
		for _, bad := range []string{"x", "0", "-1", "1.5"} {
			_, err = c.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: &inst, TaskTemplateId: out.Id, SnapshotVersion: aws.String(bad)})
			var ip *types.InvalidParameterException
			if !errAs(err, &ip) {
				t.Errorf("snapshotVersion %q: want InvalidParameterException, got %v", bad, err)
			}
		}
	})
}

func TestGetTaskTemplate_byARNAndNotFound(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		other := mustInstance(t, c)
		out := mustTemplate(t, c, quickTemplate(inst, "by arn"))
		instARN := "arn:aws:connect:us-east-1:123456789012:instance/" + inst
		got, err := c.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: &instARN, TaskTemplateId: out.Arn})
		if err != nil {
			t.Fatalf("get by ARNs: %v", err)
		}
		if *got.Id != *out.Id {
			t.Fatalf("got %s, want %s", *got.Id, *out.Id)
		}
		var nf *types.ResourceNotFoundException
		for name, in := range map[string]*connect.GetTaskTemplateInput{
			"unknown id":           {InstanceId: &inst, TaskTemplateId: aws.String("5b3c0a9e-0d6b-4a55-9a57-0e1d7b0c9a11")},
			"other instance":       {InstanceId: &other, TaskTemplateId: out.Id},
			"ARN of another scope": {InstanceId: aws.String("arn:aws:connect:eu-west-1:123456789012:instance/" + inst), TaskTemplateId: out.Id},
			"template ARN of another instance": {InstanceId: &other,
				TaskTemplateId: aws.String("arn:aws:connect:us-east-1:123456789012:instance/" + inst + "/task-template/" + *out.Id)},
		} {
			if _, err := c.GetTaskTemplate(ctx, in); !errAs(err, &nf) {
				t.Errorf("%s: want ResourceNotFoundException, got %v", name, err)
			}
		}
	})
}
