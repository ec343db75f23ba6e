package awsapi_test

import (
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/internal/connecttest"
)

func ref(typ types.ReferenceType, v string) types.Reference {
	return types.Reference{Type: typ, Value: aws.String(v)}
}

// taskFixture is an instance with a flow and an ACTIVE template that has required fields and defaults.
type taskFixture struct {
	inst, flow, tmpl string
}

func newTaskFixture(t *testing.T, c *connect.Client) taskFixture {
	t.Helper()
	inst := mustInstance(t, c)
	flow := mustFlow(t, c, inst, "task flow")
	id := func(n string) *types.TaskTemplateFieldIdentifier {
		return &types.TaskTemplateFieldIdentifier{Name: aws.String(n)}
	}
	tmpl := mustTemplate(t, c, &connect.CreateTaskTemplateInput{
		InstanceId: &inst, Name: aws.String("Refund"), ContactFlowId: flow.ContactFlowId,
		Fields: []types.TaskTemplateField{
			field("Title", types.TaskTemplateFieldTypeName), field("Details", types.TaskTemplateFieldTypeDescription),
			field("Amount", types.TaskTemplateFieldTypeNumber), field("Order page", types.TaskTemplateFieldTypeUrl),
			field("Customer", types.TaskTemplateFieldTypeEmail), field("Urgent", types.TaskTemplateFieldTypeBoolean),
			field("Channel", types.TaskTemplateFieldTypeSingleSelect, "Web", "Phone"),
			field("Bought", types.TaskTemplateFieldTypeDateTime), field("Note", types.TaskTemplateFieldTypeText),
		},
		Constraints: &types.TaskTemplateConstraints{RequiredFields: []types.RequiredFieldInfo{{Id: id("Amount")}, {Id: id("Customer")}, {Id: id("Details")}}},
		Defaults: &types.TaskTemplateDefaults{DefaultFieldValues: []types.TaskTemplateDefaultFieldValue{
			{Id: id("Details"), DefaultValue: aws.String("Filled in by the template")},
			{Id: id("Channel"), DefaultValue: aws.String("Web")},
		}},
	})
	return taskFixture{inst: inst, flow: *flow.ContactFlowId, tmpl: *tmpl.Id}
}

func (f taskFixture) task(refs map[string]types.Reference) *connect.StartTaskContactInput {
	return &connect.StartTaskContactInput{InstanceId: &f.inst, TaskTemplateId: &f.tmpl, Name: aws.String("Refund #1"), References: refs}
}

func goodRefs() map[string]types.Reference {
	return map[string]types.Reference{
		"Amount": ref(types.ReferenceTypeNumber, "19.99"), "Customer": ref(types.ReferenceTypeEmail, "kim@example.com"),
	}
}

func TestStartTaskContact_fromTemplate(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		f := newTaskFixture(t, c)
		in := f.task(goodRefs())
		in.Attributes = map[string]string{"orderId": "42"}
		out, err := c.StartTaskContact(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		d, err := c.DescribeContact(ctx, &connect.DescribeContactInput{InstanceId: &f.inst, ContactId: out.ContactId})
		if err != nil {
			t.Fatal(err)
		}
		ct := d.Contact
		if *ct.Id != *out.ContactId || ct.Channel != types.ChannelTask || ct.InitiationMethod != types.ContactInitiationMethodApi ||
			*ct.Name != "Refund #1" || *ct.Description != "Filled in by the template" || ct.InitiationTimestamp == nil ||
			ct.DisconnectTimestamp != nil || ct.Attributes["orderId"] != "42" || *ct.InitialContactId != *out.ContactId ||
			!strings.HasSuffix(*ct.Arn, "/contact/"+*out.ContactId) {
			t.Fatalf("DescribeContact: %+v", ct)
		}
		if ct.TaskTemplateInfo == nil || *ct.TaskTemplateInfo.Name != "Refund" || !strings.HasSuffix(*ct.TaskTemplateInfo.Arn, "/task-template/"+f.tmpl) {
			t.Fatalf("TaskTemplateInfo: %+v", ct.TaskTemplateInfo)
		}
	})
}

func TestStartTaskContact_templateRefusals(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		f := newTaskFixture(t, c)
		with := func(k string, r types.Reference) map[string]types.Reference {
			m := goodRefs()
			m[k] = r
			return m
		}
		cases := []struct {
			name, want, mentions string
			in                   *connect.StartTaskContactInput
		}{
			{"required field missing", "InvalidRequestException", "Customer", f.task(map[string]types.Reference{"Amount": ref(types.ReferenceTypeNumber, "1")})},
			{"NUMBER not a number", "InvalidParameterException", "Amount", f.task(with("Amount", ref(types.ReferenceTypeNumber, "lots")))},
			{"EMAIL not an address", "InvalidParameterException", "Customer", f.task(with("Customer", ref(types.ReferenceTypeEmail, "kim")))},
			{"URL not absolute", "InvalidParameterException", "Order page", f.task(with("Order page", ref(types.ReferenceTypeUrl, "shop/orders")))},
			{"BOOLEAN not true/false", "InvalidParameterException", "Urgent", f.task(with("Urgent", ref(types.ReferenceTypeString, "yes")))},
			{"SINGLE_SELECT not an option", "InvalidParameterException", "Channel", f.task(with("Channel", ref(types.ReferenceTypeString, "Fax")))},
			{"DATE_TIME not epoch", "InvalidParameterException", "Bought", f.task(with("Bought", ref(types.ReferenceTypeDate, "yesterday")))},
			{"ATTACHMENT reference", "InvalidParameterException", "Note", f.task(with("Note", ref(types.ReferenceTypeAttachment, "x")))},
			{"flow given although the template has one", "InvalidRequestException", "flow", func() *connect.StartTaskContactInput {
				in := f.task(goodRefs())
				in.ContactFlowId = &f.flow
				return in
			}()},
			{"QuickConnectId without a QUICK_CONNECT field", "InvalidRequestException", "QUICK_CONNECT", func() *connect.StartTaskContactInput {
				in := f.task(goodRefs())
				in.QuickConnectId = aws.String("qc")
				return in
			}()},
			{"unknown template", "ResourceNotFoundException", "", &connect.StartTaskContactInput{InstanceId: &f.inst, Name: aws.String("x"),
				TaskTemplateId: aws.String("0a1c0a9e-0d6b-4a55-9a57-0e1d7b0c9a11")}},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				_, err := c.StartTaskContact(ctx, tc.in)
				ae := wantAPIError(t, err, tc.want)
				if !strings.Contains(ae.ErrorMessage(), tc.mentions) {
					t.Errorf("message %q does not mention %q", ae.ErrorMessage(), tc.mentions)
				}
			})
		}
		// INACTIVE templates start nothing.
		if _, err := c.UpdateTaskTemplate(ctx, &connect.UpdateTaskTemplateInput{InstanceId: &f.inst, TaskTemplateId: &f.tmpl, Status: types.TaskTemplateStatusInactive}); err != nil {
			t.Fatal(err)
		}
		_, err := c.StartTaskContact(ctx, f.task(goodRefs()))
		ae := wantAPIError(t, err, "InvalidRequestException")
		if !strings.Contains(ae.ErrorMessage(), "INACTIVE") {
			t.Errorf("message %q", ae.ErrorMessage())
		}
	})
}

func TestStartTaskContact_snapshotKeptAfterTemplateUpdate(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		f := newTaskFixture(t, c)
		out, err := c.StartTaskContact(ctx, f.task(goodRefs()))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.UpdateTaskTemplate(ctx, &connect.UpdateTaskTemplateInput{InstanceId: &f.inst, TaskTemplateId: &f.tmpl, Name: aws.String("Refund v2")}); err != nil {
			t.Fatal(err)
		}
		d, err := c.DescribeContact(ctx, &connect.DescribeContactInput{InstanceId: &f.inst, ContactId: out.ContactId})
		if err != nil || *d.Contact.TaskTemplateInfo.Name != "Refund" {
			t.Fatalf("task's template info after update: %+v %v", d.Contact.TaskTemplateInfo, err)
		}
		v1, err := c.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: &f.inst, TaskTemplateId: &f.tmpl, SnapshotVersion: aws.String("1")})
		if err != nil || *v1.Name != "Refund" {
			t.Fatalf("snapshot 1: %v %v", v1, err)
		}
	})
}

func TestStartTaskContact_plainTasksAndLinks(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		f := newTaskFixture(t, c)
		plain := func() *connect.StartTaskContactInput {
			return &connect.StartTaskContactInput{InstanceId: &f.inst, ContactFlowId: &f.flow, Name: aws.String("plain")}
		}
		first, err := c.StartTaskContact(ctx, plain())
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.StartTaskContact(ctx, &connect.StartTaskContactInput{InstanceId: &f.inst, Name: aws.String("nowhere")})
		wantAPIError(t, err, "InvalidRequestException")
		both := plain()
		both.QuickConnectId = aws.String("qc")
		_, err = c.StartTaskContact(ctx, both)
		wantAPIError(t, err, "InvalidRequestException")
		unknownFlow := plain()
		unknownFlow.ContactFlowId = aws.String("0c1c0a9e-0d6b-4a55-9a57-0e1d7b0c9a11")
		_, err = c.StartTaskContact(ctx, unknownFlow)
		wantAPIError(t, err, "ResourceNotFoundException")
		past := plain()
		past.ScheduledTime = aws.Time(time.Now().Add(-time.Hour))
		_, err = c.StartTaskContact(ctx, past)
		wantAPIError(t, err, "InvalidParameterException")
		far := plain()
		far.ScheduledTime = aws.Time(time.Now().AddDate(0, 0, 91))
		_, err = c.StartTaskContact(ctx, far)
		wantAPIError(t, err, "InvalidParameterException")

		// ClientToken: a repeat returns the first contact.
		tok := plain()
		tok.ClientToken = aws.String("task-token")
		a, err := c.StartTaskContact(ctx, tok)
		if err != nil {
			t.Fatal(err)
		}
		b, err := c.StartTaskContact(ctx, tok)
		if err != nil || *b.ContactId != *a.ContactId {
			t.Fatalf("repeat token: %v %v", b, err)
		}

		// Links: PreviousContactId chains, RelatedContactId copies attributes, not both.
		rel := plain()
		rel.Attributes = map[string]string{"from": "first"}
		relOut, err := c.StartTaskContact(ctx, rel)
		if err != nil {
			t.Fatal(err)
		}
		linked := plain()
		linked.RelatedContactId = relOut.ContactId
		linked.Attributes = map[string]string{"own": "yes"}
		lo, err := c.StartTaskContact(ctx, linked)
		if err != nil {
			t.Fatal(err)
		}
		d, err := c.DescribeContact(ctx, &connect.DescribeContactInput{InstanceId: &f.inst, ContactId: lo.ContactId})
		if err != nil || d.Contact.Attributes["from"] != "first" || d.Contact.Attributes["own"] != "yes" || *d.Contact.RelatedContactId != *relOut.ContactId {
			t.Fatalf("related contact: %+v %v", d.Contact, err)
		}
		chained := plain()
		chained.PreviousContactId = first.ContactId
		co, err := c.StartTaskContact(ctx, chained)
		if err != nil {
			t.Fatal(err)
		}
		d, _ = c.DescribeContact(ctx, &connect.DescribeContactInput{InstanceId: &f.inst, ContactId: co.ContactId})
		if *d.Contact.InitialContactId != *first.ContactId || *d.Contact.PreviousContactId != *first.ContactId {
			t.Fatalf("chain: %+v", d.Contact)
		}
		chained.RelatedContactId, chained.ClientToken = relOut.ContactId, nil // the SDK filled the token on the first call
		_, err = c.StartTaskContact(ctx, chained)
		wantAPIError(t, err, "InvalidRequestException")
		missing := plain()
		missing.PreviousContactId = aws.String("0d1c0a9e-0d6b-4a55-9a57-0e1d7b0c9a11")
		_, err = c.StartTaskContact(ctx, missing)
		wantAPIError(t, err, "ResourceNotFoundException")
	})
}

func TestStopContact(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		f := newTaskFixture(t, c)
		out, err := c.StartTaskContact(ctx, f.task(goodRefs()))
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.StopContact(ctx, &connect.StopContactInput{InstanceId: &f.inst, ContactId: out.ContactId,
			DisconnectReason: &types.DisconnectReason{Code: aws.String("X")}})
		wantAPIError(t, err, "InvalidParameterException")
		if _, err := c.StopContact(ctx, &connect.StopContactInput{InstanceId: &f.inst, ContactId: out.ContactId}); err != nil {
			t.Fatal(err)
		}
		d, err := c.DescribeContact(ctx, &connect.DescribeContactInput{InstanceId: &f.inst, ContactId: out.ContactId})
		if err != nil || d.Contact.DisconnectTimestamp == nil {
			t.Fatalf("after stop: %+v %v", d.Contact, err)
		}
		_, err = c.StopContact(ctx, &connect.StopContactInput{InstanceId: &f.inst, ContactId: out.ContactId})
		wantAPIError(t, err, "InvalidRequestException")
		_, err = c.StopContact(ctx, &connect.StopContactInput{InstanceId: &f.inst, ContactId: aws.String("0e1c0a9e-0d6b-4a55-9a57-0e1d7b0c9a11")})
		wantAPIError(t, err, "ResourceNotFoundException")
		_, err = c.DescribeContact(ctx, &connect.DescribeContactInput{InstanceId: &f.inst, ContactId: aws.String("0e1c0a9e-0d6b-4a55-9a57-0e1d7b0c9a11")})
		wantAPIError(t, err, "ResourceNotFoundException")
	})
}

func TestStartTaskContact_activeTaskQuota(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		f := newTaskFixture(t, c)
		a, err := c.StartTaskContact(ctx, f.task(goodRefs()))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.StartTaskContact(ctx, f.task(goodRefs())); err != nil {
			t.Fatal(err)
		}
		_, err = c.StartTaskContact(ctx, f.task(goodRefs()))
		wantAPIError(t, err, "ServiceQuotaExceededException")
		if _, err := c.StopContact(ctx, &connect.StopContactInput{InstanceId: &f.inst, ContactId: a.ContactId}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.StartTaskContact(ctx, f.task(goodRefs())); err != nil {
			t.Fatalf("after a task ended: %v", err)
		}
	}, func(s *connectlocal.Service) { s.Quotas.ActiveTasks = 2 })
}
