package cloudcontrol_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol"
	cctypes "github.com/aws/aws-sdk-go-v2/service/cloudcontrol/types"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/google/go-cmp/cmp"

	"github.com/connectlocal/connectlocal/cfn"
	"github.com/connectlocal/connectlocal/internal/connecttest"
	"github.com/connectlocal/connectlocal/memory"
)

// connectAttributes reads every attribute through the Connect client's DescribeInstanceAttribute, keyed by
// the Cloud Control property name.
func connectAttributes(t *testing.T, c *connect.Client, instance string) map[string]any {
	t.Helper()
	out := map[string]any{}
	for _, a := range cfn.InstanceAttributes {
		d, err := c.DescribeInstanceAttribute(context.Background(), &connect.DescribeInstanceAttributeInput{
			InstanceId: aws.String(instance), AttributeType: types.InstanceAttributeType(a.Type)})
		if err != nil {
			t.Fatalf("DescribeInstanceAttribute %s: %v", a.Type, err)
		}
		if d.Attribute.AttributeType != types.InstanceAttributeType(a.Type) {
			t.Fatalf("DescribeInstanceAttribute %s answered %s", a.Type, d.Attribute.AttributeType)
		}
		out[a.Property] = aws.ToString(d.Attribute.Value) == "true"
	}
	return out
}

// TestInstance_attributes: an instance's Attributes are the instance's attributes, both ways — set on create
// and by a patch, read by GetResource and ListResources, the same as the Connect API's.
func TestInstance_attributes(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		ctx := context.Background()
		cc := srv.CloudControl()
		const typeName = "AWS::Connect::Instance"
		ev := create(t, cc, typeName, map[string]any{"IdentityManagementType": "CONNECT_MANAGED", "InstanceAlias": "cc-attributes",
			"Attributes": map[string]any{"InboundCalls": true, "OutboundCalls": false, "ContactflowLogs": true,
				"ContactLens": false, "UseCustomTTSVoices": true, "HighVolumeOutBound": true}})
		arn := *ev.Identifier

		// Properties given are set; the others keep a new instance's values (service_attributes.go).
		want := map[string]any{"InboundCalls": true, "OutboundCalls": false, "ContactflowLogs": true, "ContactLens": false,
			"AutoResolveBestVoices": true, "UseCustomTTSVoices": true, "EarlyMedia": true, "MultiPartyConference": false,
			"HighVolumeOutBound": true, "EnhancedContactMonitoring": false, "EnhancedChatMonitoring": false,
			"MultiPartyChatConference": false, "MessageStreaming": false}
		var model map[string]any
		if err := json.Unmarshal([]byte(aws.ToString(ev.ResourceModel)), &model); err != nil {
			t.Fatalf("ResourceModel %q: %v", aws.ToString(ev.ResourceModel), err)
		}
		if diff := cmp.Diff(want, model["Attributes"]); diff != "" {
			t.Fatalf("create's ResourceModel Attributes (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(want, props(t, cc, typeName, arn)["Attributes"]); diff != "" {
			t.Fatalf("GetResource Attributes (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(want, connectAttributes(t, srv.Client, arn)); diff != "" {
			t.Fatalf("Connect DescribeInstanceAttribute (-want +got):\n%s", diff)
		}

		// Cloud Control → Connect: a patch of one attribute, and of a call flag DescribeInstance shows.
		update(t, cc, typeName, arn, []any{
			map[string]any{"op": "replace", "path": "/Attributes/ContactLens", "value": true},
			map[string]any{"op": "replace", "path": "/Attributes/InboundCalls", "value": false},
			map[string]any{"op": "add", "path": "/Attributes/MultiPartyChatConference", "value": true},
		})
		want["ContactLens"], want["InboundCalls"], want["MultiPartyChatConference"] = true, false, true
		d, err := srv.Client.DescribeInstanceAttribute(ctx, &connect.DescribeInstanceAttributeInput{InstanceId: aws.String(arn),
			AttributeType: types.InstanceAttributeTypeContactLens})
		if err != nil || aws.ToString(d.Attribute.Value) != "true" {
			t.Fatalf("DescribeInstanceAttribute CONTACT_LENS after the patch: %v %+v", err, d)
		}
		di, err := srv.Client.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: aws.String(arn)})
		if err != nil || aws.ToBool(di.Instance.InboundCallsEnabled) || aws.ToBool(di.Instance.OutboundCallsEnabled) {
			t.Fatalf("DescribeInstance after the patch: %v %+v", err, di)
		}
		if diff := cmp.Diff(want, connectAttributes(t, srv.Client, arn)); diff != "" {
			t.Fatalf("Connect after the patch (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(want, props(t, cc, typeName, arn)["Attributes"]); diff != "" {
			t.Fatalf("GetResource after the patch (-want +got):\n%s", diff)
		}

		// Connect → Cloud Control: UpdateInstanceAttribute shows in GetResource and ListResources.
		if _, err := srv.Client.UpdateInstanceAttribute(ctx, &connect.UpdateInstanceAttributeInput{InstanceId: aws.String(arn),
			AttributeType: types.InstanceAttributeTypeEarlyMedia, Value: aws.String("false")}); err != nil {
			t.Fatal(err)
		}
		want["EarlyMedia"] = false
		if diff := cmp.Diff(want, props(t, cc, typeName, arn)["Attributes"]); diff != "" {
			t.Fatalf("GetResource after UpdateInstanceAttribute (-want +got):\n%s", diff)
		}
		list, err := cc.ListResources(ctx, &cloudcontrol.ListResourcesInput{TypeName: aws.String(typeName)})
		if err != nil || len(list.ResourceDescriptions) != 1 {
			t.Fatalf("ListResources: %v %+v", err, list)
		}
		var listed map[string]any
		if err := json.Unmarshal([]byte(aws.ToString(list.ResourceDescriptions[0].Properties)), &listed); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, listed["Attributes"]); diff != "" {
			t.Fatalf("ListResources Attributes (-want +got):\n%s", diff)
		}

		// A patch that removes an attribute changes nothing: there is no value to unset it to.
		update(t, cc, typeName, arn, []any{map[string]any{"op": "remove", "path": "/Attributes/ContactflowLogs"}})
		if diff := cmp.Diff(want, connectAttributes(t, srv.Client, arn)); diff != "" {
			t.Fatalf("Connect after removing ContactflowLogs (-want +got):\n%s", diff)
		}
	})
}

// TestInstance_badAttributes: Attributes the schema refuses fail the request in CloudFormation's
// schema-validation words and change nothing — no instance on create, no attribute on update.
func TestInstance_badAttributes(t *testing.T) {
	srv := connecttest.Start(t, memory.New())
	cc := srv.CloudControl()
	ctx := context.Background()
	const typeName = "AWS::Connect::Instance"
	failed := func(t *testing.T, token *string, wantMsg string) {
		t.Helper()
		st, err := cc.GetResourceRequestStatus(ctx, &cloudcontrol.GetResourceRequestStatusInput{RequestToken: token})
		if err != nil {
			t.Fatal(err)
		}
		ev := st.ProgressEvent
		if ev.OperationStatus != cctypes.OperationStatusFailed || ev.ErrorCode != cctypes.HandlerErrorCodeInvalidRequest ||
			aws.ToString(ev.StatusMessage) != wantMsg {
			t.Fatalf("got %s %s %q, want FAILED InvalidRequest %q", ev.OperationStatus, ev.ErrorCode, aws.ToString(ev.StatusMessage), wantMsg)
		}
	}

	out, err := cc.CreateResource(ctx, &cloudcontrol.CreateResourceInput{TypeName: aws.String(typeName), DesiredState: js(t, map[string]any{
		"IdentityManagementType": "CONNECT_MANAGED", "InstanceAlias": "cc-bad",
		"Attributes": map[string]any{"InboundCalls": true, "OutboundCalls": true, "ContactLens": "yes", "Voicemail": true}})})
	if err != nil {
		t.Fatal(err)
	}
	failed(t, out.ProgressEvent.RequestToken, "Model validation failed (#/Attributes/ContactLens: expected type: Boolean, found: String "+
		"#/Attributes: extraneous key [Voicemail] is not permitted)")
	if l, err := srv.Client.ListInstances(ctx, &connect.ListInstancesInput{}); err != nil || len(l.InstanceSummaryList) != 0 {
		t.Fatalf("ListInstances after a refused create: %v %+v", err, l)
	}

	arn := *create(t, cc, typeName, map[string]any{"IdentityManagementType": "CONNECT_MANAGED", "InstanceAlias": "cc-good",
		"Attributes": map[string]any{"InboundCalls": true, "OutboundCalls": true}}).Identifier
	before := connectAttributes(t, srv.Client, arn)
	for name, c := range map[string]struct {
		patch []any
		msg   string
	}{
		"a value of the wrong type": {[]any{map[string]any{"op": "replace", "path": "/Attributes/EarlyMedia", "value": "false"},
			map[string]any{"op": "replace", "path": "/Attributes/ContactLens", "value": false}},
			"Model validation failed (#/Attributes/EarlyMedia: expected type: Boolean, found: String)"},
		"a required attribute removed": {[]any{map[string]any{"op": "remove", "path": "/Attributes/OutboundCalls"}},
			"Model validation failed (#/Attributes: required key [OutboundCalls] not found)"},
	} {
		t.Run(name, func(t *testing.T) {
			u, err := cc.UpdateResource(ctx, &cloudcontrol.UpdateResourceInput{TypeName: aws.String(typeName), Identifier: aws.String(arn),
				PatchDocument: js(t, c.patch)})
			if err != nil {
				t.Fatal(err)
			}
			failed(t, u.ProgressEvent.RequestToken, c.msg)
			if diff := cmp.Diff(before, connectAttributes(t, srv.Client, arn)); diff != "" {
				t.Fatalf("attributes changed by a refused patch (-before +after):\n%s", diff)
			}
		})
	}
}
