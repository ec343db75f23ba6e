package cloudcontrol_test

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol"
	cctypes "github.com/aws/aws-sdk-go-v2/service/cloudcontrol/types"
	"github.com/aws/aws-sdk-go-v2/service/connect"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/internal/connecttest"
	"github.com/connectlocal/connectlocal/memory"
)

// TestUpdateResource_refusals (issue 19, item 8): a patch the template cannot take is refused, either before a
// request starts (ValidationException, NotUpdatableException) or as a FAILED request, and changes nothing;
// none answers SUCCESS for what it did not do.
func TestUpdateResource_refusals(t *testing.T) {
	srv := connecttest.Start(t, memory.New())
	cc := srv.CloudControl()
	ctx := context.Background()
	instance, flow := stack(t, cc)
	other := create(t, cc, "AWS::Connect::Instance", map[string]any{"IdentityManagementType": "CONNECT_MANAGED",
		"InstanceAlias": "cc-other", "Attributes": map[string]any{"InboundCalls": true, "OutboundCalls": false}})
	ev := create(t, cc, "AWS::Connect::TaskTemplate", map[string]any{"InstanceArn": instance, "Name": "Patched", "ContactFlowArn": flow,
		"Description": "d", "Fields": []any{map[string]any{"Id": map[string]any{"Name": "Title"}, "Type": "NAME"},
			map[string]any{"Id": map[string]any{"Name": "Note"}, "Type": "TEXT"}}})
	arn := *ev.Identifier
	rn, _ := connectlocal.ParseARN(arn)
	before := props(t, cc, "AWS::Connect::TaskTemplate", arn)

	send := func(patch string) (*cloudcontrol.UpdateResourceOutput, error) {
		return cc.UpdateResource(ctx, &cloudcontrol.UpdateResourceInput{TypeName: aws.String("AWS::Connect::TaskTemplate"),
			Identifier: aws.String(arn), PatchDocument: aws.String(patch)})
	}
	refused := []struct{ name, patch, code, message string }{
		{"null patch", `null`, "ValidationException", "JSON array"},
		{"null value", `[{"op":"replace","path":"/Description","value":null}]`, "ValidationException", "#/Description: expected type: String, found: Null"},
		{"object patch", `{"op":"replace","path":"/Name","value":"x"}`, "ValidationException", "JSON array"},
		{"replace the root", `[{"op":"replace","path":"/","value":{"Name":"x"}}]`, "ValidationException", "whole resource model"},
		{"replace the document", `[{"op":"replace","path":"","value":{"Name":"x"}}]`, "ValidationException", "whole resource model"},
		{"unknown path", `[{"op":"add","path":"/Bogus","value":1}]`, "ValidationException", "#: extraneous key [Bogus] is not permitted"},
		{"unknown nested path", `[{"op":"add","path":"/Fields/0/Colour","value":"red"}]`, "ValidationException", "#/Fields/0: extraneous key [Colour] is not permitted"},
		{"remove the required InstanceArn", `[{"op":"remove","path":"/InstanceArn"}]`, "ValidationException", "#: required key [InstanceArn] not found"},
		{"remove what is not there", `[{"op":"remove","path":"/SelfAssignContactFlowArn"}]`, "ValidationException", ""},
		{"replace the read-only Arn", `[{"op":"replace","path":"/Arn","value":"` + arn + `x"}]`, "ValidationException", "readOnlyProperties [/properties/Arn]"},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			_, err := send(tc.patch)
			if apiCode(err) != tc.code || !strings.Contains(err.Error(), tc.message) {
				t.Fatalf("got %v, want %s with %q", err, tc.code, tc.message)
			}
		})
	}
	failed := []struct{ name, patch, message string }{
		{"move to another instance", `[{"op":"replace","path":"/InstanceArn","value":"` + *other.Identifier + `"}]`, "InstanceArn cannot be updated."},
		{"remove the name with another change", `[{"op":"replace","path":"/Description","value":"new"},{"op":"remove","path":"/Name"}]`, "Name cannot be removed"},
		{"remove Status", `[{"op":"remove","path":"/Status"}]`, "Status cannot be removed"},
		{"remove the fields with another change", `[{"op":"replace","path":"/Description","value":"new"},{"op":"remove","path":"/Fields"}]`, "field of type NAME"},
	}
	for _, tc := range failed {
		t.Run(tc.name, func(t *testing.T) {
			out, err := send(tc.patch)
			if err != nil {
				t.Fatal(err)
			}
			ev := status(t, cc, out.ProgressEvent.RequestToken)
			if ev.OperationStatus != cctypes.OperationStatusFailed || ev.ErrorCode != cctypes.HandlerErrorCodeInvalidRequest ||
				!strings.Contains(aws.ToString(ev.StatusMessage), tc.message) {
				t.Fatalf("recorded %s %s %q, want FAILED InvalidRequest with %q", ev.OperationStatus, ev.ErrorCode, aws.ToString(ev.StatusMessage), tc.message)
			}
		})
	}
	after := props(t, cc, "AWS::Connect::TaskTemplate", arn)
	if js(t, after) == nil || *js(t, after) != *js(t, before) {
		t.Fatalf("the template changed:\nbefore %v\nafter  %v", before, after)
	}
	tt, err := srv.Client.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: aws.String(rn.InstanceID), TaskTemplateId: aws.String(rn.ID)})
	if err != nil || aws.ToString(tt.Description) != "d" || len(tt.Fields) != 2 {
		t.Fatalf("Connect sees %v %+v", err, tt)
	}
}
