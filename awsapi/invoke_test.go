package awsapi_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/aws/smithy-go"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/awsapi"
	"github.com/connectlocal/connectlocal/internal/connecttest"
)

// TestInvoke: the in-process door takes the wire's checks, in the wire's words, and writes what the wire
// then reads; Go values stand for their JSON; text that is not UTF-8 is refused, not stored as U+FFFD.
func TestInvoke(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		ctx := context.Background()
		var h any = awsapi.NewHandler(srv.Service, awsapi.Options{}) // any: NewHandler's result type is changing to *API
		api := h.(*awsapi.API)
		scope := connectlocal.Scope{Account: connecttest.Account, Region: connecttest.Region}

		out, err := api.Invoke(ctx, scope, "CreateInstance", map[string]any{"IdentityManagementType": "CONNECT_MANAGED",
			"InstanceAlias": "invoked", "InboundCallsEnabled": true, "OutboundCallsEnabled": true})
		if err != nil {
			t.Fatal(err)
		}
		created, ok := out.(*awsapi.CreateInstanceResponse)
		if !ok || created.Id == "" {
			t.Fatalf("CreateInstance answered %#v", out)
		}
		if _, err := srv.Client.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: aws.String(created.Id)}); err != nil {
			t.Fatalf("the wire does not see the instance: %v", err)
		}

		// The same refusal through both doors, in the same words.
		long := strings.Repeat("n", 101)
		_, ierr := api.Invoke(ctx, scope, "CreateTaskTemplate", map[string]any{"InstanceId": created.Id, "Name": long, "ContactFlowId": "f",
			"Fields": []map[string]any{{"Id": map[string]any{"Name": "Title"}, "Type": "NAME"}}})
		_, werr := srv.Client.CreateTaskTemplate(ctx, &connect.CreateTaskTemplateInput{InstanceId: aws.String(created.Id), Name: aws.String(long),
			ContactFlowId: aws.String("f"), Fields: []types.TaskTemplateField{{Id: &types.TaskTemplateFieldIdentifier{Name: aws.String("Title")}, Type: types.TaskTemplateFieldTypeName}}})
		var ae smithy.APIError
		if !errors.As(werr, &ae) || connectlocal.CodeOf(ierr) != connectlocal.InvalidArgument || connectlocal.AsError(ierr).Message != ae.ErrorMessage() ||
			!strings.Contains(ae.ErrorMessage(), "Member must have length less than or equal to 100") {
			t.Fatalf("Invoke: %v\nwire: %v", ierr, werr)
		}

		// Go ints and string slices are the JSON they stand for.
		out, err = api.Invoke(ctx, scope, "ListInstances", map[string]any{"MaxResults": 1})
		if list, ok := out.(*awsapi.ListInstancesResponse); err != nil || !ok || len(list.InstanceSummaryList) != 1 {
			t.Fatalf("ListInstances: %v %#v", err, out)
		}
		_, err = api.Invoke(ctx, scope, "ListInstances", map[string]any{"MaxResults": 1000})
		if connectlocal.CodeOf(err) != connectlocal.InvalidArgument {
			t.Fatalf("MaxResults 1000: %v", err)
		}

		_, err = api.Invoke(ctx, scope, "CreateTaskTemplate", map[string]any{"InstanceId": created.Id, "Name": "bad \xff", "ContactFlowId": "f",
			"Fields": []any{map[string]any{"Id": map[string]any{"Name": "Title"}, "Type": "NAME"}}})
		if connectlocal.CodeOf(err) != connectlocal.InvalidArgument || !strings.Contains(err.Error(), "UTF-8") {
			t.Fatalf("invalid UTF-8: %v", err)
		}
		list, err := srv.Client.ListTaskTemplates(ctx, &connect.ListTaskTemplatesInput{InstanceId: aws.String(created.Id)})
		if err != nil || len(list.TaskTemplates) != 0 {
			t.Fatalf("templates after refusals: %v %+v", err, list)
		}

		if _, err := api.Invoke(ctx, scope, "Frobnicate", nil); connectlocal.CodeOf(err) != connectlocal.UnknownOperation {
			t.Fatalf("unknown operation: %v", err)
		}
	})
}
