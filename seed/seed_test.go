package seed_test

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/connectlocal/connectlocal/awsapi"
	"github.com/connectlocal/connectlocal/internal/connecttest"
	"github.com/connectlocal/connectlocal/memory"
	"github.com/connectlocal/connectlocal/seed"
)

func TestApply_goodFileTwice(t *testing.T) {
	ctx := context.Background()
	srv := connecttest.Start(t, memory.New())
	api := awsapi.New(srv.Service, awsapi.Options{})
	for i := 0; i < 2; i++ { // the second run finds everything and creates nothing
		f, err := seed.Read("testdata/good.yaml")
		if err != nil {
			t.Fatal(err)
		}
		if err := seed.Apply(ctx, api, srv.Service, "000000000000", f); err != nil {
			t.Fatalf("apply %d: %v", i, err)
		}
	}
	const inst, flow, tmpl = "7d0f5c1a-3f4e-4b8a-9c57-0e1d7b0c9a01", "7d0f5c1a-3f4e-4b8a-9c57-0e1d7b0c9a02", "7d0f5c1a-3f4e-4b8a-9c57-0e1d7b0c9a03"
	c := srv.Client
	list, err := c.ListInstances(ctx, &connect.ListInstancesInput{})
	if err != nil || len(list.InstanceSummaryList) != 1 || *list.InstanceSummaryList[0].Id != inst {
		t.Fatalf("instances: %+v %v", list, err)
	}
	got, err := c.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: aws.String(inst), TaskTemplateId: aws.String(tmpl)})
	if err != nil || *got.ContactFlowId != flow || len(got.Fields) != 2 {
		t.Fatalf("template: %+v %v", got, err)
	}
	flows, err := c.ListContactFlows(ctx, &connect.ListContactFlowsInput{InstanceId: aws.String(inst)})
	if err != nil || len(flows.ContactFlowSummaryList) != 1 {
		t.Fatalf("flows: %+v %v", flows, err)
	}
	templates, err := c.ListTaskTemplates(ctx, &connect.ListTaskTemplatesInput{InstanceId: aws.String(inst)})
	if err != nil || len(templates.TaskTemplates) != 1 {
		t.Fatalf("templates: %+v %v", templates, err)
	}
}

func TestApply_brokenFileNamesTheEntry(t *testing.T) {
	srv := connecttest.Start(t, memory.New())
	f, err := seed.Read("testdata/broken.json")
	if err != nil {
		t.Fatal(err)
	}
	err = seed.Apply(context.Background(), awsapi.New(srv.Service, awsapi.Options{}), srv.Service, "123456789012", f)
	if err == nil {
		t.Fatal("broken seed applied")
	}
	for _, want := range []string{`instance "broken-seed"`, `TaskTemplates[0] "No name field"`, "NAME"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
}

func TestRead_errors(t *testing.T) {
	if _, err := seed.Read("testdata/missing.json"); err == nil {
		t.Error("missing file read")
	}
}
