package seed_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/aws/smithy-go"
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
	if err != nil || len(flows.ContactFlowSummaryList) != 1+len(connectlocal.DefaultFlows) { // the seeded flow and the defaults
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

// A seed file creates through the create path the API uses (createInstance, createTemplate): a taken alias
// and a reached quota answer with the API's code and message, the seed adding only which entry it was.
func TestApply_refusesAsTheAPIDoes(t *testing.T) {
	ctx := context.Background()
	srv := connecttest.Start(t, memory.New(), func(s *connectlocal.Service) {
		s.Quotas.InstancesPerRegion, s.Quotas.TemplatesPerInstance = 1, 1
	})
	c := srv.Client
	newInstance := func(c *connect.Client, alias string) (string, error) {
		out, err := c.CreateInstance(ctx, &connect.CreateInstanceInput{IdentityManagementType: types.DirectoryTypeConnectManaged,
			InstanceAlias: aws.String(alias), InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(true)})
		if err != nil {
			return "", err
		}
		return *out.Id, nil
	}
	newTemplate := func(inst, name string) error {
		_, err := c.CreateTaskTemplate(ctx, &connect.CreateTaskTemplateInput{InstanceId: aws.String(inst), Name: aws.String(name),
			Fields: []types.TaskTemplateField{{Id: &types.TaskTemplateFieldIdentifier{Name: aws.String("Title")}, Type: types.TaskTemplateFieldTypeName},
				{Id: &types.TaskTemplateFieldIdentifier{Name: aws.String("Q")}, Type: types.TaskTemplateFieldTypeQuickConnect}}})
		return err
	}
	seedDoc := func(alias, template string) []byte { // JSON, as seed.Read hands it over
		templates := ""
		if template != "" {
			templates = fmt.Sprintf(`,"TaskTemplates":[{"Name":%q,"Fields":[{"Id":{"Name":"Title"},"Type":"NAME"},{"Id":{"Name":"Q"},"Type":"QUICK_CONNECT"}]}]`, template)
		}
		return fmt.Appendf(nil, `{"Account":%q,"Region":%q,"Instances":[{"InstanceAlias":%q,"IdentityManagementType":"CONNECT_MANAGED",`+
			`"InboundCallsEnabled":true,"OutboundCallsEnabled":true%s}]}`, connecttest.Account, connecttest.Region, alias, templates)
	}
	// same checks that the API's error and the seed's have one message, and that Import (under seed) answers
	// the code that the API wrote as wireType.
	same := func(t *testing.T, apiErr error, doc []byte, code connectlocal.Code, wireType string) {
		t.Helper()
		var ae smithy.APIError
		if !errors.As(apiErr, &ae) {
			t.Fatalf("API: %v", apiErr)
		}
		_, seedErr := apply(srv.Service, connecttest.Account, doc)
		if seedErr == nil || !strings.HasSuffix(seedErr.Error(), ": "+ae.ErrorMessage()) {
			t.Fatalf("seed: %v\nAPI: %s: %s", seedErr, ae.ErrorCode(), ae.ErrorMessage())
		}
		snap, err := seed.Decode(doc, connecttest.Account)
		if err != nil {
			t.Fatal(err)
		}
		_, importErr := srv.Service.Import(ctx, snap)
		if got := connectlocal.CodeOf(importErr); got != code || ae.ErrorCode() != wireType {
			t.Fatalf("import answers %s, want %s; the API %s, want %s", got, code, ae.ErrorCode(), wireType)
		}
	}

	t.Run("alias taken in another account", func(t *testing.T) {
		if _, err := newInstance(srv.For("111111111111", connecttest.Region), "taken"); err != nil {
			t.Fatal(err)
		}
		_, err := newInstance(c, "taken")
		same(t, err, seedDoc("taken", ""), connectlocal.InvalidRequest, "InvalidRequestException")
	})
	t.Run("template quota", func(t *testing.T) {
		inst, err := newInstance(c, "quota")
		if err != nil {
			t.Fatal(err)
		}
		if err := newTemplate(inst, "first"); err != nil {
			t.Fatal(err)
		}
		same(t, newTemplate(inst, "second"), seedDoc("quota", "second"), connectlocal.QuotaExceeded, "ServiceQuotaExceededException")
	})
	t.Run("instance quota", func(t *testing.T) {
		_, err := newInstance(c, "second") // "quota" is the account's one instance
		if err == nil {
			t.Fatal("a third instance was created")
		}
		same(t, err, seedDoc("fourth", ""), connectlocal.QuotaExceeded, "ServiceQuotaExceededException")
	})

	t.Run("a seeded instance holds what a created one does", func(t *testing.T) {
		res, err := apply(srv.Service, "222222222222", []byte(`{"Region":"us-east-1","Instances":[{"InstanceAlias":"seeded",`+
			`"IdentityManagementType":"CONNECT_MANAGED","InboundCallsEnabled":true,"OutboundCallsEnabled":true}]}`))
		if err != nil || res.Created.Instances != 1 {
			t.Fatalf("%+v %v", res, err)
		}
		other := srv.For("222222222222", connecttest.Region)
		insts, err := other.ListInstances(ctx, &connect.ListInstancesInput{})
		if err != nil || len(insts.InstanceSummaryList) != 1 {
			t.Fatalf("%+v %v", insts, err)
		}
		hours, err := other.ListHoursOfOperations(ctx, &connect.ListHoursOfOperationsInput{InstanceId: insts.InstanceSummaryList[0].Id})
		if err != nil || len(hours.HoursOfOperationSummaryList) != 1 || *hours.HoursOfOperationSummaryList[0].Name != connectlocal.DefaultHoursName {
			t.Fatalf("hours of the seeded instance: %+v %v", hours, err)
		}
	})
}
