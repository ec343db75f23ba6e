package seed_test

import (
	"context"
	"errors"
	"fmt"
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
