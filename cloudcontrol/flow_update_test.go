package cloudcontrol_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol"
	cctypes "github.com/aws/aws-sdk-go-v2/service/cloudcontrol/types"
	"github.com/aws/aws-sdk-go-v2/service/connect"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/internal/connecttest"
	"github.com/connectlocal/connectlocal/memory"
)

// TestContactFlow_metadataNotServed: a patch of a flow's Name, Description or State, or of its InstanceArn,
// ends FAILED with a message that says why and what can change, and changes nothing — not even the Content
// the same patch changes.
func TestContactFlow_metadataNotServed(t *testing.T) {
	srv := connecttest.Start(t, memory.New())
	cc := srv.CloudControl()
	ctx := context.Background()
	other, _ := stack(t, cc)
	flow := *create(t, cc, "AWS::Connect::ContactFlow", map[string]any{"InstanceArn": other, "Name": "Second",
		"Type": "CONTACT_FLOW", "Content": flowContent}).Identifier
	rn, _ := connectlocal.ParseARN(flow)
	cases := map[string]struct {
		patch []any
		msg   string
	}{
		"name and content": {[]any{map[string]any{"op": "replace", "path": "/Name", "value": "Renamed"},
			map[string]any{"op": "replace", "path": "/Content", "value": `{"Version":"2019-10-30","StartAction":"x","Actions":[]}`}},
			"connectlocal does not serve UpdateContactFlowMetadata, so a flow's Name, Description and State cannot change " +
				"through Cloud Control (this patch changes Name); Content and Tags can. Nothing was changed."},
		"description and state": {[]any{map[string]any{"op": "add", "path": "/Description", "value": "d"},
			map[string]any{"op": "replace", "path": "/State", "value": "ARCHIVED"}},
			"connectlocal does not serve UpdateContactFlowMetadata, so a flow's Name, Description and State cannot change " +
				"through Cloud Control (this patch changes Description, State); Content and Tags can. Nothing was changed."},
		"instance": {[]any{map[string]any{"op": "replace", "path": "/InstanceArn", "value": other + "x"}},
			"InstanceArn cannot be updated."},
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
			if ev := st.ProgressEvent; ev.OperationStatus != cctypes.OperationStatusFailed || ev.ErrorCode != cctypes.HandlerErrorCodeInvalidRequest ||
				aws.ToString(ev.StatusMessage) != c.msg {
				t.Fatalf("got %s %s %q, want FAILED InvalidRequest %q", ev.OperationStatus, ev.ErrorCode, aws.ToString(ev.StatusMessage), c.msg)
			}
			d, err := srv.Client.DescribeContactFlow(ctx, &connect.DescribeContactFlowInput{InstanceId: aws.String(rn.InstanceID), ContactFlowId: aws.String(rn.ID)})
			if err != nil || aws.ToString(d.ContactFlow.Name) != "Second" || aws.ToString(d.ContactFlow.Content) != flowContent ||
				d.ContactFlow.Description != nil {
				t.Fatalf("DescribeContactFlow after a refused patch: %v %+v", err, d)
			}
		})
	}
}
