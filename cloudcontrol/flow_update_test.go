package cloudcontrol_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol"
	cctypes "github.com/aws/aws-sdk-go-v2/service/cloudcontrol/types"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	conntypes "github.com/aws/aws-sdk-go-v2/service/connect/types"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/internal/connecttest"
	"github.com/connectlocal/connectlocal/memory"
)

// TestContactFlow_metadata: a patch of a flow's Name, Description or State goes through
// UpdateContactFlowMetadata (with the content first, when the same patch changes it); a removed Description is
// cleared. A new InstanceArn ends FAILED in the provider's words, and a content the service refuses fails the
// request before the metadata changes, so nothing changes.
func TestContactFlow_metadata(t *testing.T) {
	srv := connecttest.Start(t, memory.New())
	cc := srv.CloudControl()
	ctx := context.Background()
	other, _ := stack(t, cc)
	flow := *create(t, cc, "AWS::Connect::ContactFlow", map[string]any{"InstanceArn": other, "Name": "Second",
		"Type": "CONTACT_FLOW", "Content": flowContent}).Identifier
	rn, _ := connectlocal.ParseARN(flow)
	describe := func() *conntypes.ContactFlow {
		t.Helper()
		d, err := srv.Client.DescribeContactFlow(ctx, &connect.DescribeContactFlowInput{InstanceId: aws.String(rn.InstanceID), ContactFlowId: aws.String(rn.ID)})
		if err != nil {
			t.Fatal(err)
		}
		return d.ContactFlow
	}
	newContent := `{"Version":"2019-10-30","StartAction":"x","Actions":[{"Identifier":"x","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}]}`
	update(t, cc, "AWS::Connect::ContactFlow", flow, []any{
		map[string]any{"op": "replace", "path": "/Name", "value": "Renamed"},
		map[string]any{"op": "replace", "path": "/Content", "value": newContent},
		map[string]any{"op": "add", "path": "/Description", "value": "d"},
		map[string]any{"op": "replace", "path": "/State", "value": "ARCHIVED"},
	})
	if f := describe(); aws.ToString(f.Name) != "Renamed" || aws.ToString(f.Content) != newContent ||
		aws.ToString(f.Description) != "d" || f.State != conntypes.ContactFlowStateArchived {
		t.Fatalf("after the patch Connect sees %+v", f)
	}
	if got := props(t, cc, "AWS::Connect::ContactFlow", flow); got["State"] != "ARCHIVED" || got["Name"] != "Renamed" || got["Description"] != "d" {
		t.Fatalf("GetResource %v", got)
	}
	update(t, cc, "AWS::Connect::ContactFlow", flow, []any{
		map[string]any{"op": "remove", "path": "/Description"},
		map[string]any{"op": "replace", "path": "/State", "value": "ACTIVE"},
	})
	if f := describe(); f.Description != nil && *f.Description != "" || f.State != conntypes.ContactFlowStateActive {
		t.Fatalf("after removing the description Connect sees %+v", f)
	}

	cases := map[string]struct {
		patch []any
		code  cctypes.HandlerErrorCode
		msg   string
	}{
		"instance": {[]any{map[string]any{"op": "replace", "path": "/InstanceArn", "value": other + "x"}},
			cctypes.HandlerErrorCodeInvalidRequest, "InstanceArn cannot be updated."},
		"bad content with a new name": {[]any{map[string]any{"op": "replace", "path": "/Name", "value": "Never"},
			map[string]any{"op": "replace", "path": "/Content", "value": `{"Version":"2019-10-30","StartAction":"x","Actions":[]}`}},
			cctypes.HandlerErrorCodeInvalidRequest, ""},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			u, err := cc.UpdateResource(ctx, &cloudcontrol.UpdateResourceInput{TypeName: aws.String("AWS::Connect::ContactFlow"),
				Identifier: aws.String(flow), PatchDocument: js(t, c.patch)})
			if err != nil {
				t.Fatal(err)
			}
			st, err := cc.GetResourceRequestStatus(ctx, &cloudcontrol.GetResourceRequestStatusInput{RequestToken: u.ProgressEvent.RequestToken})
			if err != nil {
				t.Fatal(err)
			}
			if ev := st.ProgressEvent; ev.OperationStatus != cctypes.OperationStatusFailed || ev.ErrorCode != c.code ||
				c.msg != "" && aws.ToString(ev.StatusMessage) != c.msg {
				t.Fatalf("got %s %s %q, want FAILED %s %q", ev.OperationStatus, ev.ErrorCode, aws.ToString(ev.StatusMessage), c.code, c.msg)
			}
			if f := describe(); aws.ToString(f.Name) != "Renamed" || aws.ToString(f.Content) != newContent {
				t.Fatalf("DescribeContactFlow after a refused patch: %+v", f)
			}
		})
	}
}
