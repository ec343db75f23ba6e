package awsapi_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/internal/connecttest"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// fullTemplate uses every member of CreateTaskTemplate and all 14 field types.
func fullTemplate(instance string) *connect.CreateTaskTemplateInput {
	f := func(name string, typ types.TaskTemplateFieldType, desc string, opts ...string) types.TaskTemplateField {
		tf := field(name, typ, opts...)
		tf.Description = aws.String(desc)
		return tf
	}
	ref := func(name string) *types.TaskTemplateFieldIdentifier {
		return &types.TaskTemplateFieldIdentifier{Name: aws.String(name)}
	}
	return &connect.CreateTaskTemplateInput{
		InstanceId:  aws.String(instance),
		Name:        aws.String("Refund request"),
		Description: aws.String("A customer asks for money back"),
		Status:      types.TaskTemplateStatusInactive,
		Fields: []types.TaskTemplateField{
			f("Title", types.TaskTemplateFieldTypeName, "task name"),
			f("Details", types.TaskTemplateFieldTypeDescription, "what happened"),
			f("When", types.TaskTemplateFieldTypeScheduledTime, "schedule"),
			f("Assign to", types.TaskTemplateFieldTypeQuickConnect, "queue"),
			f("Order page", types.TaskTemplateFieldTypeUrl, "link"),
			f("Amount", types.TaskTemplateFieldTypeNumber, "money"),
			f("Reason", types.TaskTemplateFieldTypeText, "short"),
			f("Notes", types.TaskTemplateFieldTypeTextArea, "long"),
			f("Bought", types.TaskTemplateFieldTypeDateTime, "purchase time"),
			f("Urgent", types.TaskTemplateFieldTypeBoolean, "flag"),
			f("Channel", types.TaskTemplateFieldTypeSingleSelect, "where", "Web", "Phone", "Store"),
			f("Contact", types.TaskTemplateFieldTypeEmail, "customer email"),
			f("Self", types.TaskTemplateFieldTypeSelfAssign, "take it"),
			f("Expiry", types.TaskTemplateFieldTypeExpiryDuration, "minutes"),
		},
		Constraints: &types.TaskTemplateConstraints{
			RequiredFields:  []types.RequiredFieldInfo{{Id: ref("Title")}, {Id: ref("Amount")}},
			ReadOnlyFields:  []types.ReadOnlyFieldInfo{{Id: ref("Bought")}},
			InvisibleFields: []types.InvisibleFieldInfo{{Id: ref("Notes")}},
		},
		Defaults: &types.TaskTemplateDefaults{DefaultFieldValues: []types.TaskTemplateDefaultFieldValue{
			{Id: ref("Amount"), DefaultValue: aws.String("12.50")},
			{Id: ref("Channel"), DefaultValue: aws.String("Web")},
			{Id: ref("Urgent"), DefaultValue: aws.String("false")},
			{Id: ref("Order page"), DefaultValue: aws.String("https://shop.example.com/orders")},
			{Id: ref("Contact"), DefaultValue: aws.String("someone@example.com")},
			{Id: ref("Bought"), DefaultValue: aws.String("1764000000")},
			{Id: ref("Expiry"), DefaultValue: aws.String("1440")},
		}},
	}
}

func TestCreateTaskTemplate_everyMemberRoundTrips(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		in := fullTemplate(inst)
		out := mustTemplate(t, c, in)
		if want := "arn:aws:connect:us-east-1:123456789012:instance/" + inst + "/task-template/" + *out.Id; *out.Arn != want {
			t.Errorf("Arn = %s, want %s", *out.Arn, want)
		}
		got, err := c.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: &inst, TaskTemplateId: out.Id})
		if err != nil {
			t.Fatal(err)
		}
		if *got.Id != *out.Id || *got.Arn != *out.Arn || *got.InstanceId != inst || *got.Name != *in.Name ||
			*got.Description != *in.Description || got.Status != types.TaskTemplateStatusInactive {
			t.Errorf("scalars differ: %+v", got)
		}
		opts := cmpopts.IgnoreUnexported(types.TaskTemplateField{}, types.TaskTemplateFieldIdentifier{},
			types.TaskTemplateConstraints{}, types.RequiredFieldInfo{}, types.ReadOnlyFieldInfo{},
			types.InvisibleFieldInfo{}, types.TaskTemplateDefaults{}, types.TaskTemplateDefaultFieldValue{})
		if d := cmp.Diff(in.Fields, got.Fields, opts); d != "" {
			t.Errorf("Fields (-sent +got):\n%s", d)
		}
		if d := cmp.Diff(in.Constraints, got.Constraints, opts); d != "" {
			t.Errorf("Constraints (-sent +got):\n%s", d)
		}
		if d := cmp.Diff(in.Defaults, got.Defaults, opts); d != "" {
			t.Errorf("Defaults (-sent +got):\n%s", d)
		}
		if got.CreatedTime == nil || got.LastModifiedTime == nil || !got.CreatedTime.Equal(*got.LastModifiedTime) {
			t.Errorf("timestamps: created %v modified %v", got.CreatedTime, got.LastModifiedTime)
		}
	})
}

func TestCreateTaskTemplate_statusDefaultsToActive(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		inst := mustInstance(t, srv.Client)
		out := mustTemplate(t, srv.Client, quickTemplate(inst, "plain"))
		got, err := srv.Client.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: &inst, TaskTemplateId: out.Id})
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != types.TaskTemplateStatusActive {
			t.Errorf("Status = %s, want ACTIVE", got.Status)
		}
	})
}

func TestCreateTaskTemplate_clientTokenIsIdempotent(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		in := quickTemplate(inst, "once")
		in.ClientToken = aws.String("3f1c2a9e-0d6b-4a55-9a57-0e1d7b0c9a11")
		first := mustTemplate(t, c, in)
		in.Name = aws.String("different name, same token")
		again := mustTemplate(t, c, in)
		if *again.Id != *first.Id || *again.Arn != *first.Arn {
			t.Fatalf("repeat token gave %s, first gave %s", *again.Id, *first.Id)
		}
		// A race of one token: every request gets the same id, one template exists.
		race := quickTemplate(inst, "raced")
		race.ClientToken = aws.String("race-token")
		var wg sync.WaitGroup
		ids := make([]string, 8)
		errs := make([]error, 8)
		for i := range ids {
			wg.Add(1)
			go func() {
				defer wg.Done()
				out, err := c.CreateTaskTemplate(ctx, race)
				errs[i] = err
				if err == nil {
					ids[i] = *out.Id
				}
			}()
		}
		wg.Wait()
		for i := range ids {
			if errs[i] != nil || ids[i] != ids[0] {
				t.Fatalf("racing creates: ids %v errs %v", ids, errs)
			}
		}
		list, err := c.ListTaskTemplates(ctx, &connect.ListTaskTemplatesInput{InstanceId: &inst})
		if err != nil {
			t.Fatal(err)
		}
		if len(list.TaskTemplates) != 2 {
			t.Fatalf("want 2 templates, got %d", len(list.TaskTemplates))
		}
	})
}

func TestCreateTaskTemplate_rules(t *testing.T) {
	ref := func(name string) *types.TaskTemplateFieldIdentifier {
		return &types.TaskTemplateFieldIdentifier{Name: aws.String(name)}
	}
	cases := []struct {
		name   string
		mutate func(in *connect.CreateTaskTemplateInput)
		want   []string
	}{
		{"no NAME field", func(in *connect.CreateTaskTemplateInput) {
			in.Fields = []types.TaskTemplateField{field("Assign", types.TaskTemplateFieldTypeQuickConnect)}
		}, []string{"Fields REQUIRED_PROPERTY_MISSING"}},
		{"no flow and no QUICK_CONNECT", func(in *connect.CreateTaskTemplateInput) {
			in.Fields = in.Fields[:1]
		}, []string{"ContactFlowId REQUIRED_PROPERTY_MISSING"}},
		{"unknown flow", func(in *connect.CreateTaskTemplateInput) {
			in.ContactFlowId = aws.String("6f4b9d0c-1f5e-4a55-9a57-0e1d7b0c9a11")
			in.SelfAssignFlowId = aws.String("nope")
		}, []string{"ContactFlowId REFERENCED_RESOURCE_NOT_FOUND", "SelfAssignFlowId REFERENCED_RESOURCE_NOT_FOUND"}},
		{"duplicate field name", func(in *connect.CreateTaskTemplateInput) {
			in.Fields = append(in.Fields, field("Name", types.TaskTemplateFieldTypeText))
		}, []string{"Fields[2].Id.Name UNIQUE_CONSTRAINT_VIOLATED"}},
		{"two NAME fields", func(in *connect.CreateTaskTemplateInput) {
			in.Fields = append(in.Fields, field("Other", types.TaskTemplateFieldTypeName))
		}, []string{"Fields[2].Type UNIQUE_CONSTRAINT_VIOLATED"}},
		{"field without type", func(in *connect.CreateTaskTemplateInput) {
			in.Fields = append(in.Fields, types.TaskTemplateField{Id: ref("Untyped")})
		}, []string{"Fields[2].Type REQUIRED_PROPERTY_MISSING"}},
		{"SINGLE_SELECT without options", func(in *connect.CreateTaskTemplateInput) {
			in.Fields = append(in.Fields, field("Pick", types.TaskTemplateFieldTypeSingleSelect))
		}, []string{"Fields[2].SingleSelectOptions REQUIRED_PROPERTY_MISSING"}},
		{"options on a TEXT field", func(in *connect.CreateTaskTemplateInput) {
			in.Fields = append(in.Fields, field("Txt", types.TaskTemplateFieldTypeText, "a"))
		}, []string{"Fields[2].SingleSelectOptions NOT_SUPPORTED"}},
		{"option twice and a bad option", func(in *connect.CreateTaskTemplateInput) {
			in.Fields = append(in.Fields, field("Pick", types.TaskTemplateFieldTypeSingleSelect, "a", "a", "-x"))
		}, []string{"Fields[2].SingleSelectOptions[1] UNIQUE_CONSTRAINT_VIOLATED", "Fields[2].SingleSelectOptions[2] INVALID_FORMAT"}},
		{"constraint names a missing field", func(in *connect.CreateTaskTemplateInput) {
			in.Constraints = &types.TaskTemplateConstraints{
				RequiredFields: []types.RequiredFieldInfo{{Id: ref("Name")}, {Id: ref("Name")}},
				ReadOnlyFields: []types.ReadOnlyFieldInfo{{Id: ref("Ghost")}},
			}
		}, []string{"Constraints.RequiredFields[1].Id.Name UNIQUE_CONSTRAINT_VIOLATED", "Constraints.ReadOnlyFields[0].Id.Name REFERENCED_RESOURCE_NOT_FOUND"}},
		{"default for a missing field and a bad default", func(in *connect.CreateTaskTemplateInput) {
			in.Fields = append(in.Fields, field("Amount", types.TaskTemplateFieldTypeNumber))
			in.Defaults = &types.TaskTemplateDefaults{DefaultFieldValues: []types.TaskTemplateDefaultFieldValue{
				{Id: ref("Ghost"), DefaultValue: aws.String("x")},
				{Id: ref("Amount"), DefaultValue: aws.String("twelve")},
			}}
		}, []string{"Defaults.DefaultFieldValues[0].Id.Name REFERENCED_RESOURCE_NOT_FOUND", "Defaults.DefaultFieldValues[1].DefaultValue INVALID_FORMAT"}},
	}
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		inst := mustInstance(t, srv.Client)
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				in := quickTemplate(inst, "rule "+tc.name)
				tc.mutate(in)
				_, err := srv.Client.CreateTaskTemplate(ctx, in)
				wantViolations(t, err, tc.want...)
			})
		}
		list, err := srv.Client.ListTaskTemplates(ctx, &connect.ListTaskTemplatesInput{InstanceId: &inst})
		if err != nil || len(list.TaskTemplates) != 0 {
			t.Fatalf("refused creates stored something: %v %v", list, err)
		}
	})
}

func TestCreateTaskTemplate_nameUniqueInInstance(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		other := mustInstance(t, c)
		first := mustTemplate(t, c, quickTemplate(inst, "Same"))
		_, err := c.CreateTaskTemplate(ctx, quickTemplate(inst, "Same"))
		wantViolations(t, err, "Name RESOURCE_NAME_ALREADY_EXISTS")
		mustTemplate(t, c, quickTemplate(other, "Same")) // another instance is fine
		mustTemplate(t, c, quickTemplate(inst, "same"))  // names are case-sensitive (spec-facts §15.9)
		if _, err := c.DeleteTaskTemplate(ctx, &connect.DeleteTaskTemplateInput{InstanceId: &inst, TaskTemplateId: first.Id}); err != nil {
			t.Fatal(err)
		}
		mustTemplate(t, c, quickTemplate(inst, "Same")) // a deleted template frees its name

		// Concurrent creates of one name: exactly one wins.
		var wg sync.WaitGroup
		errs := make([]error, 6)
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[i] = c.CreateTaskTemplate(ctx, quickTemplate(inst, "contended"))
			}()
		}
		wg.Wait()
		wins := 0
		for _, err := range errs {
			if err == nil {
				wins++
			} else {
				wantViolations(t, err, "Name RESOURCE_NAME_ALREADY_EXISTS")
			}
		}
		if wins != 1 {
			t.Fatalf("%d concurrent creates of one name succeeded, want 1", wins)
		}
	})
}

func TestCreateTaskTemplate_modelConstraints(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(in *connect.CreateTaskTemplateInput)
		member string
	}{
		{"name too long", func(in *connect.CreateTaskTemplateInput) { in.Name = aws.String(strings.Repeat("n", 101)) }, "Name"},
		{"description too long", func(in *connect.CreateTaskTemplateInput) { in.Description = aws.String(strings.Repeat("d", 256)) }, "Description"},
		{"status not in enum", func(in *connect.CreateTaskTemplateInput) { in.Status = "PAUSED" }, "Status"},
		{"field type not in enum", func(in *connect.CreateTaskTemplateInput) { in.Fields[1].Type = "COLOUR" }, "Fields[1].Type"},
		{"field name too long", func(in *connect.CreateTaskTemplateInput) { in.Fields[1].Id.Name = aws.String(strings.Repeat("f", 101)) }, "Fields[1].Id.Name"},
		{"field description too long", func(in *connect.CreateTaskTemplateInput) {
			in.Fields[1].Description = aws.String(strings.Repeat("f", 256))
		}, "Fields[1].Description"},
		{"flow id too long", func(in *connect.CreateTaskTemplateInput) { in.ContactFlowId = aws.String(strings.Repeat("f", 501)) }, "ContactFlowId"},
	}
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		inst := mustInstance(t, srv.Client)
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				in := quickTemplate(inst, "model")
				tc.mutate(in)
				_, err := srv.Client.CreateTaskTemplate(ctx, in)
				ae := wantAPIError(t, err, "InvalidParameterException")
				if !strings.Contains(ae.ErrorMessage(), "'"+tc.member+"'") {
					t.Errorf("message %q does not name %s", ae.ErrorMessage(), tc.member)
				}
			})
		}
	})
}

func TestCreateTaskTemplate_quotas(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		for i := 0; i < 3; i++ {
			mustTemplate(t, c, quickTemplate(inst, "t"+strings.Repeat("x", i)))
		}
		_, err := c.CreateTaskTemplate(ctx, quickTemplate(inst, "fourth"))
		var q *types.ServiceQuotaExceededException
		if !errAs(err, &q) {
			t.Fatalf("4th template: want ServiceQuotaExceededException, got %v", err)
		}
		other := mustInstance(t, c)
		in := quickTemplate(other, "wide")
		for i := 0; i < 3; i++ {
			in.Fields = append(in.Fields, field("f"+strings.Repeat("x", i), types.TaskTemplateFieldTypeText))
		}
		_, err = c.CreateTaskTemplate(ctx, in)
		if !errAs(err, &q) {
			t.Fatalf("5 fields: want ServiceQuotaExceededException, got %v", err)
		}
	}, func(s *connectlocal.Service) {
		s.Quotas.TemplatesPerInstance = 3
		s.Quotas.FieldsPerTemplate = 4
	})
}

func TestCreateTaskTemplate_unknownInstance(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		for _, id := range []string{"0d5a4a2e-8c1f-4c55-9a57-0e1d7b0c9a11", "not-a-uuid",
			"arn:aws:connect:us-east-1:123456789012:instance/0d5a4a2e-8c1f-4c55-9a57-0e1d7b0c9a11"} {
			_, err := srv.Client.CreateTaskTemplate(ctx, quickTemplate(id, "x"))
			var nf *types.ResourceNotFoundException
			if !errAs(err, &nf) {
				t.Fatalf("%s: want ResourceNotFoundException, got %v", id, err)
			}
		}
	})
}
