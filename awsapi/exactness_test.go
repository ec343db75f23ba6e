package awsapi_test

import (
	"encoding/json"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal/internal/connecttest"
)

// A template's EXPIRY_DURATION default shows in DescribeContact exactly as when the caller sends
// connect:ContactExpiry itself.
func TestExpiryDefaultShowsAsSegmentAttribute(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		flow := mustFlow(t, c, inst, "expiring")
		tmpl := mustTemplate(t, c, &connect.CreateTaskTemplateInput{InstanceId: &inst, Name: aws.String("Expiring"), ContactFlowId: flow.ContactFlowId,
			Fields: []types.TaskTemplateField{field("Title", types.TaskTemplateFieldTypeName), field("Expiry", types.TaskTemplateFieldTypeExpiryDuration)},
			Defaults: &types.TaskTemplateDefaults{DefaultFieldValues: []types.TaskTemplateDefaultFieldValue{
				{Id: &types.TaskTemplateFieldIdentifier{Name: aws.String("Expiry")}, DefaultValue: aws.String("90")}}}})
		fromDefault := mustTask(t, c, &connect.StartTaskContactInput{InstanceId: &inst, TaskTemplateId: tmpl.Id, Name: aws.String("a")})
		sent := mustTask(t, c, &connect.StartTaskContactInput{InstanceId: &inst, ContactFlowId: flow.ContactFlowId, Name: aws.String("b"),
			SegmentAttributes: map[string]types.SegmentAttributeValue{"connect:ContactExpiry": {ValueMap: map[string]types.SegmentAttributeValue{
				"ExpiryDuration": {ValueInteger: aws.Int32(90)}}}}})
		a, b := describeTask(t, c, inst, fromDefault), describeTask(t, c, inst, sent)
		ja, _ := json.Marshal(a.SegmentAttributes)
		jb, _ := json.Marshal(b.SegmentAttributes)
		if string(ja) != string(jb) || a.SegmentAttributes["connect:ContactExpiry"].ValueMap["ExpiryDuration"].ValueInteger == nil {
			t.Errorf("SegmentAttributes from the default %s, as sent %s", ja, jb)
		}
	})
}

// connect:ContactExpiry without ValueMap.ExpiryDuration.ValueInteger is refused, not ignored.
func TestContactExpiryNeedsItsInteger(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		flow := mustFlow(t, c, inst, "f")
		for name, v := range map[string]types.SegmentAttributeValue{
			"string":          {ValueString: aws.String("60")},
			"empty map":       {ValueMap: map[string]types.SegmentAttributeValue{}},
			"string duration": {ValueMap: map[string]types.SegmentAttributeValue{"ExpiryDuration": {ValueString: aws.String("60")}}},
		} {
			_, err := c.StartTaskContact(ctx, &connect.StartTaskContactInput{InstanceId: &inst, ContactFlowId: flow.ContactFlowId, Name: aws.String(name),
				SegmentAttributes: map[string]types.SegmentAttributeValue{"connect:ContactExpiry": v}})
			if err == nil {
				t.Errorf("%s: accepted", name)
				continue
			}
			wantAPIError(t, err, "InvalidParameterException")
		}
	})
}

// A ContactFlowId or SelfAssignFlowId given as the flow's ARN is kept and shown as its id.
func TestTemplateFlowARNsBecomeIDs(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		flow := mustFlow(t, c, inst, "by arn")
		assign := mustFlow(t, c, inst, "self assign")
		in := quickTemplate(inst, "arns")
		in.ContactFlowId, in.SelfAssignFlowId = flow.ContactFlowArn, assign.ContactFlowArn
		out := mustTemplate(t, c, in)
		g, err := c.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: &inst, TaskTemplateId: out.Id})
		if err != nil {
			t.Fatal(err)
		}
		if *g.ContactFlowId != *flow.ContactFlowId || *g.SelfAssignFlowId != *assign.ContactFlowId {
			t.Errorf("GetTaskTemplate: ContactFlowId %s SelfAssignFlowId %s, want ids %s %s", *g.ContactFlowId, *g.SelfAssignFlowId, *flow.ContactFlowId, *assign.ContactFlowId)
		}
		other := mustFlow(t, c, inst, "other")
		if _, err := c.UpdateTaskTemplate(ctx, &connect.UpdateTaskTemplateInput{InstanceId: &inst, TaskTemplateId: out.Id, ContactFlowId: other.ContactFlowArn}); err != nil {
			t.Fatal(err)
		}
		g, err = c.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: &inst, TaskTemplateId: out.Id})
		if err != nil || *g.ContactFlowId != *other.ContactFlowId {
			t.Errorf("after UpdateTaskTemplate with an ARN: %v %v", g.ContactFlowId, err)
		}
	})
}

// A constraint or default without Id.Name is REQUIRED_PROPERTY_MISSING, as a field without one is; and
// SingleSelectOptions outside the CloudFormation pattern are refused (rules.go, RuleOptionFormat).
func TestTemplateRules_issue12(t *testing.T) {
	noName := &types.TaskTemplateFieldIdentifier{}
	cases := []struct {
		name   string
		mutate func(*connect.CreateTaskTemplateInput)
		want   []string
	}{
		{"required field without a name", func(in *connect.CreateTaskTemplateInput) {
			in.Constraints = &types.TaskTemplateConstraints{RequiredFields: []types.RequiredFieldInfo{{Id: noName}}}
		}, []string{"Constraints.RequiredFields[0].Id.Name REQUIRED_PROPERTY_MISSING"}},
		{"invisible field without an Id", func(in *connect.CreateTaskTemplateInput) {
			in.Constraints = &types.TaskTemplateConstraints{InvisibleFields: []types.InvisibleFieldInfo{{}}}
		}, []string{"Constraints.InvisibleFields[0].Id.Name REQUIRED_PROPERTY_MISSING"}},
		{"default without a name", func(in *connect.CreateTaskTemplateInput) {
			in.Defaults = &types.TaskTemplateDefaults{DefaultFieldValues: []types.TaskTemplateDefaultFieldValue{{Id: noName, DefaultValue: aws.String("x")}}}
		}, []string{"Defaults.DefaultFieldValues[0].Id.Name REQUIRED_PROPERTY_MISSING"}},
		{"options with an accent, a slash, CJK", func(in *connect.CreateTaskTemplateInput) {
			in.Fields = append(in.Fields, field("Pick", types.TaskTemplateFieldTypeSingleSelect, "Café", "Yes/No", "日本", "Plain option_1.0"))
		}, []string{"Fields[2].SingleSelectOptions[0] INVALID_FORMAT", "Fields[2].SingleSelectOptions[1] INVALID_FORMAT", "Fields[2].SingleSelectOptions[2] INVALID_FORMAT"}},
	}
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		inst := mustInstance(t, srv.Client)
		for _, tc := range cases {
			in := quickTemplate(inst, "rule "+tc.name)
			tc.mutate(in)
			_, err := srv.Client.CreateTaskTemplate(ctx, in)
			wantViolations(t, err, tc.want...)
		}
	})
}
