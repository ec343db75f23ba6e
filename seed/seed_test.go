package seed_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/internal/connecttest"
	"github.com/connectlocal/connectlocal/memory"
	"github.com/connectlocal/connectlocal/seed"
)

func apply(svc *connectlocal.Service, account string, doc []byte) (connectlocal.ImportResult, error) {
	snap, err := seed.Decode(doc, account)
	if err != nil {
		return connectlocal.ImportResult{}, err
	}
	return seed.Apply(context.Background(), svc, snap)
}

func TestApply_goodFileTwice(t *testing.T) {
	ctx := context.Background()
	srv := connecttest.Start(t, memory.New())
	doc, err := seed.Read("testdata/good.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := []connectlocal.ImportResult{
		{Created: connectlocal.Counts{Instances: 1, ContactFlows: 1, TaskTemplates: 1}},
		{Found: connectlocal.Counts{Instances: 1, ContactFlows: 1, TaskTemplates: 1}},
	}
	for i := range 2 { // the second run finds everything and creates nothing
		res, err := apply(srv.Service, "000000000000", doc)
		if err != nil {
			t.Fatalf("apply %d: %v", i, err)
		}
		if res != want[i] {
			t.Errorf("apply %d: %+v, want %+v", i, res, want[i])
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
}

func TestApply_brokenFileNamesTheEntryAndWritesNothing(t *testing.T) {
	srv := connecttest.Start(t, memory.New())
	doc, err := seed.Read("testdata/broken.json")
	if err != nil {
		t.Fatal(err)
	}
	_, err = apply(srv.Service, "123456789012", doc)
	if err == nil {
		t.Fatal("broken seed applied")
	}
	for _, want := range []string{`Instances[0] "broken-seed"`, `TaskTemplates[0] "No name field"`, "NAME"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
	// The instance before the broken template is not kept either: the file is refused whole.
	list, err := srv.For("123456789012", "us-east-1").ListInstances(context.Background(), &connect.ListInstancesInput{})
	if err != nil || len(list.InstanceSummaryList) != 0 {
		t.Fatalf("instances after a refused seed: %+v %v", list, err)
	}
}

func TestApply_unknownKeyNamesKeyAndEntry(t *testing.T) {
	srv := connecttest.Start(t, memory.New())
	cases := map[string]struct{ doc, want string }{
		"top":      {`{"Instancez": []}`, `document: unknown key "Instancez"`},
		"instance": {`{"Instances": [{"InstanceAlias": "a", "IdentityManagementType": "CONNECT_MANAGED", "InboundCallsEnabled": true, "OutboundCallsEnabled": true, "InboundCalls": true}]}`, `Instances[0]: unknown key "InboundCalls"`},
		"flow": {`{"Instances": [{"InstanceAlias": "a", "IdentityManagementType": "CONNECT_MANAGED", "InboundCallsEnabled": true, "OutboundCallsEnabled": true, "ContactFlows": [{"Name": "f", "Typ": "CONTACT_FLOW"}]}]}`,
			`ContactFlows[0]: unknown key "Typ"`},
		"template": {`{"Instances": [{"InstanceAlias": "a", "IdentityManagementType": "CONNECT_MANAGED", "InboundCallsEnabled": true, "OutboundCallsEnabled": true, "TaskTemplates": [{"Name": "t", "Feilds": []}]}]}`,
			`TaskTemplates[0]: unknown key "Feilds"`},
		"model": {`{"Instances": [{"InstanceAlias": "a", "IdentityManagementType": "NOPE", "InboundCallsEnabled": true, "OutboundCallsEnabled": true}]}`, `Instances[0] "a": 1 validation error detected: Value 'NOPE' at 'IdentityManagementType'`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := apply(srv.Service, "123456789012", []byte(tc.doc))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestRead_errors(t *testing.T) {
	if _, err := seed.Read("testdata/missing.json"); err == nil {
		t.Error("missing file read")
	}
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte("a: [unclosed"), 0o600)
	if _, err := seed.Read(bad); err == nil || !strings.Contains(err.Error(), bad) {
		t.Errorf("bad YAML: %v", err)
	}
}
