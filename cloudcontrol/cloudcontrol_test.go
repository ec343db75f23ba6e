package cloudcontrol_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol"
	cctypes "github.com/aws/aws-sdk-go-v2/service/cloudcontrol/types"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/aws/smithy-go"
	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/internal/connecttest"
	"github.com/connectlocal/connectlocal/memory"
	"github.com/connectlocal/connectlocal/postgres/postgrestest"
	"github.com/connectlocal/connectlocal/sqlite"
)

// eachStore runs fn on a fresh server on memory and on SQLite, and on PostgreSQL when
// CONNECTLOCAL_TEST_POSTGRES names one.
func eachStore(t *testing.T, fn func(t *testing.T, srv *connecttest.Server)) {
	t.Helper()
	stores := map[string]func(t *testing.T) connectlocal.Store{
		"memory": func(*testing.T) connectlocal.Store { return memory.New() },
		"sqlite": func(t *testing.T) connectlocal.Store {
			s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
			if err != nil {
				t.Fatal(err)
			}
			return s
		},
	}
	if os.Getenv(postgrestest.EnvVar) != "" {
		stores["postgres"] = func(t *testing.T) connectlocal.Store { return postgrestest.Open(t) }
	}
	for name, open := range stores {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			fn(t, connecttest.Start(t, open(t)))
		})
	}
}

const flowContent = `{"Version":"2019-10-30","StartAction":"end","Actions":[{"Identifier":"end","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}]}`

func js(t testing.TB, v any) *string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return aws.String(string(b))
}

// create runs CreateResource, checks the first answer is IN_PROGRESS, waits with the SDK's own waiter and
// returns the finished request's event.
func create(t *testing.T, cc *cloudcontrol.Client, typeName string, desired any) *cctypes.ProgressEvent {
	t.Helper()
	ctx := context.Background()
	out, err := cc.CreateResource(ctx, &cloudcontrol.CreateResourceInput{TypeName: aws.String(typeName), DesiredState: js(t, desired)})
	if err != nil {
		t.Fatalf("CreateResource %s: %v", typeName, err)
	}
	ev := out.ProgressEvent
	if ev.OperationStatus != cctypes.OperationStatusInProgress || ev.Operation != cctypes.OperationCreate ||
		aws.ToString(ev.RequestToken) == "" || aws.ToString(ev.TypeName) != typeName || ev.EventTime == nil {
		t.Fatalf("CreateResource answered %+v", ev)
	}
	return wait(t, cc, ev.RequestToken)
}

func wait(t *testing.T, cc *cloudcontrol.Client, token *string) *cctypes.ProgressEvent {
	t.Helper()
	w := cloudcontrol.NewResourceRequestSuccessWaiter(cc)
	got, err := w.WaitForOutput(context.Background(), &cloudcontrol.GetResourceRequestStatusInput{RequestToken: token}, time.Minute)
	if err != nil {
		st, _ := cc.GetResourceRequestStatus(context.Background(), &cloudcontrol.GetResourceRequestStatusInput{RequestToken: token})
		if st != nil {
			t.Fatalf("waiter: %v; status %s %s: %s", err, st.ProgressEvent.OperationStatus, st.ProgressEvent.ErrorCode, aws.ToString(st.ProgressEvent.StatusMessage))
		}
		t.Fatalf("waiter: %v", err)
	}
	if got.ProgressEvent.OperationStatus != cctypes.OperationStatusSuccess || aws.ToString(got.ProgressEvent.Identifier) == "" {
		t.Fatalf("finished request %+v", got.ProgressEvent)
	}
	return got.ProgressEvent
}

func props(t *testing.T, cc *cloudcontrol.Client, typeName, id string) map[string]any {
	t.Helper()
	out, err := cc.GetResource(context.Background(), &cloudcontrol.GetResourceInput{TypeName: aws.String(typeName), Identifier: aws.String(id)})
	if err != nil {
		t.Fatalf("GetResource %s: %v", id, err)
	}
	if aws.ToString(out.ResourceDescription.Identifier) != id || aws.ToString(out.TypeName) != typeName {
		t.Fatalf("GetResource answered %+v", out.ResourceDescription)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(aws.ToString(out.ResourceDescription.Properties)), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func update(t *testing.T, cc *cloudcontrol.Client, typeName, id string, patch any) *cctypes.ProgressEvent {
	t.Helper()
	out, err := cc.UpdateResource(context.Background(), &cloudcontrol.UpdateResourceInput{TypeName: aws.String(typeName),
		Identifier: aws.String(id), PatchDocument: js(t, patch)})
	if err != nil {
		t.Fatalf("UpdateResource: %v", err)
	}
	if out.ProgressEvent.OperationStatus != cctypes.OperationStatusInProgress || out.ProgressEvent.Operation != cctypes.OperationUpdate {
		t.Fatalf("UpdateResource answered %+v", out.ProgressEvent)
	}
	return wait(t, cc, out.ProgressEvent.RequestToken)
}

func remove(t *testing.T, cc *cloudcontrol.Client, typeName, id string) {
	t.Helper()
	out, err := cc.DeleteResource(context.Background(), &cloudcontrol.DeleteResourceInput{TypeName: aws.String(typeName), Identifier: aws.String(id)})
	if err != nil {
		t.Fatalf("DeleteResource: %v", err)
	}
	if out.ProgressEvent.Operation != cctypes.OperationDelete {
		t.Fatalf("DeleteResource answered %+v", out.ProgressEvent)
	}
	wait(t, cc, out.ProgressEvent.RequestToken)
	_, err = cc.GetResource(context.Background(), &cloudcontrol.GetResourceInput{TypeName: aws.String(typeName), Identifier: aws.String(id)})
	var nf *cctypes.ResourceNotFoundException
	if !errors.As(err, &nf) {
		t.Fatalf("GetResource after delete: %v, want ResourceNotFoundException", err)
	}
}

// stack makes an instance and a flow through Cloud Control and returns their ARNs.
func stack(t *testing.T, cc *cloudcontrol.Client) (instance, flow string) {
	t.Helper()
	inst := create(t, cc, "AWS::Connect::Instance", map[string]any{"IdentityManagementType": "CONNECT_MANAGED",
		"InstanceAlias": "cc-" + strings.ToLower(strings.NewReplacer("/", "-", "_", "-").Replace(t.Name())),
		"Attributes":    map[string]any{"InboundCalls": true, "OutboundCalls": false}})
	fl := create(t, cc, "AWS::Connect::ContactFlow", map[string]any{"InstanceArn": *inst.Identifier, "Name": "Routing",
		"Type": "CONTACT_FLOW", "Content": flowContent})
	return *inst.Identifier, *fl.Identifier
}

func TestTaskTemplate_lifecycle(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		ctx := context.Background()
		cc := srv.CloudControl()
		instance, flow := stack(t, cc)
		ev := create(t, cc, "AWS::Connect::TaskTemplate", map[string]any{
			"InstanceArn": instance, "Name": "Refund", "ContactFlowArn": flow,
			"Fields": []any{
				map[string]any{"Id": map[string]any{"Name": "Title"}, "Type": "NAME"},
				map[string]any{"Id": map[string]any{"Name": "Amount"}, "Type": "NUMBER"},
			},
			"Constraints": map[string]any{"RequiredFields": []any{map[string]any{"Id": map[string]any{"Name": "Amount"}}}},
			"Defaults":    []any{map[string]any{"Id": map[string]any{"Name": "Amount"}, "DefaultValue": "10"}},
			"Tags":        []any{map[string]any{"Key": "team", "Value": "billing"}},
			"Arn":         "arn:aws:connect:us-east-1:123456789012:instance/x/task-template/ignored-read-only",
		})
		arn := *ev.Identifier
		if ev.ResourceModel == nil || !strings.Contains(*ev.ResourceModel, `"Name":"Refund"`) {
			t.Fatalf("finished create carries no resource model: %+v", ev)
		}
		got := props(t, cc, "AWS::Connect::TaskTemplate", arn)
		if got["Arn"] != arn || got["InstanceArn"] != instance || got["Name"] != "Refund" || got["ContactFlowArn"] != flow ||
			got["Status"] != "ACTIVE" || len(got["Fields"].([]any)) != 2 {
			t.Fatalf("GetResource properties %v", got)
		}
		if d := got["Defaults"].([]any); len(d) != 1 || d[0].(map[string]any)["DefaultValue"] != "10" {
			t.Fatalf("Defaults %v", got["Defaults"])
		}
		if tags := got["Tags"].([]any); len(tags) != 1 || tags[0].(map[string]any)["Key"] != "team" {
			t.Fatalf("Tags %v", got["Tags"])
		}

		// The Connect API sees the same template.
		rn, _ := connectlocal.ParseARN(arn)
		tt, err := srv.Client.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: aws.String(rn.InstanceID), TaskTemplateId: aws.String(rn.ID)})
		if err != nil || aws.ToString(tt.Name) != "Refund" || tt.Tags["team"] != "billing" {
			t.Fatalf("Connect GetTaskTemplate: %v %+v", err, tt)
		}

		update(t, cc, "AWS::Connect::TaskTemplate", arn, []any{
			map[string]any{"op": "replace", "path": "/Name", "value": "Refund v2"},
			map[string]any{"op": "add", "path": "/Description", "value": "money back"},
			map[string]any{"op": "remove", "path": "/Defaults"},
			map[string]any{"op": "replace", "path": "/Tags", "value": []any{map[string]any{"Key": "owner", "Value": "kim"}}},
		})
		tt, err = srv.Client.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: aws.String(rn.InstanceID), TaskTemplateId: aws.String(rn.ID)})
		if err != nil || aws.ToString(tt.Name) != "Refund v2" || aws.ToString(tt.Description) != "money back" ||
			len(tt.Defaults.DefaultFieldValues) != 0 || tt.Tags["owner"] != "kim" || tt.Tags["team"] != "" {
			t.Fatalf("after patch, Connect sees %v %+v", err, tt)
		}

		list, err := cc.ListResources(ctx, &cloudcontrol.ListResourcesInput{TypeName: aws.String("AWS::Connect::TaskTemplate"),
			ResourceModel: js(t, map[string]any{"InstanceArn": instance})})
		if err != nil || len(list.ResourceDescriptions) != 1 || aws.ToString(list.ResourceDescriptions[0].Identifier) != arn ||
			!strings.Contains(aws.ToString(list.ResourceDescriptions[0].Properties), `"Name":"Refund v2"`) {
			t.Fatalf("ListResources: %v %+v", err, list)
		}

		remove(t, cc, "AWS::Connect::TaskTemplate", arn)
		_, err = srv.Client.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: aws.String(rn.InstanceID), TaskTemplateId: aws.String(rn.ID)})
		var nf *types.ResourceNotFoundException
		if !errors.As(err, &nf) {
			t.Fatalf("Connect GetTaskTemplate after delete: %v", err)
		}
	})
}

func TestContactFlow_lifecycle(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		ctx := context.Background()
		cc := srv.CloudControl()
		_, flow := stack(t, cc)
		got := props(t, cc, "AWS::Connect::ContactFlow", flow)
		if got["ContactFlowArn"] != flow || got["Name"] != "Routing" || got["Type"] != "CONTACT_FLOW" || got["Content"] != flowContent {
			t.Fatalf("GetResource %v", got)
		}
		newContent := strings.Replace(flowContent, `"end"`, `"stop"`, -1)
		update(t, cc, "AWS::Connect::ContactFlow", flow, []any{
			map[string]any{"op": "replace", "path": "/Content", "value": newContent},
			map[string]any{"op": "add", "path": "/Tags", "value": []any{map[string]any{"Key": "k", "Value": "v"}}},
		})
		rn, _ := connectlocal.ParseARN(flow)
		d, err := srv.Client.DescribeContactFlow(ctx, &connect.DescribeContactFlowInput{InstanceId: aws.String(rn.InstanceID), ContactFlowId: aws.String(rn.ID)})
		if err != nil || aws.ToString(d.ContactFlow.Content) != newContent || d.ContactFlow.Tags["k"] != "v" {
			t.Fatalf("Connect DescribeContactFlow after patch: %v %+v", err, d)
		}

		// Type is create-only (the provider's schema): Cloud Control refuses the patch before any handler runs.
		_, err = cc.UpdateResource(ctx, &cloudcontrol.UpdateResourceInput{TypeName: aws.String("AWS::Connect::ContactFlow"),
			Identifier: aws.String(flow), PatchDocument: js(t, []any{map[string]any{"op": "replace", "path": "/Type", "value": "AGENT_HOLD"}})})
		var nu *cctypes.NotUpdatableException
		if !errors.As(err, &nu) || !strings.Contains(nu.ErrorMessage(), "/properties/Type") {
			t.Fatalf("patching Type: %v, want NotUpdatableException", err)
		}
		// No list handler in the provider's schema.
		_, err = cc.ListResources(ctx, &cloudcontrol.ListResourcesInput{TypeName: aws.String("AWS::Connect::ContactFlow")})
		var ua *cctypes.UnsupportedActionException
		if !errors.As(err, &ua) {
			t.Fatalf("ListResources of flows: %v, want UnsupportedActionException", err)
		}
		remove(t, cc, "AWS::Connect::ContactFlow", flow)
	})
}

func TestInstance_lifecycle(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		ctx := context.Background()
		cc := srv.CloudControl()
		ev := create(t, cc, "AWS::Connect::Instance", map[string]any{"IdentityManagementType": "CONNECT_MANAGED",
			"InstanceAlias": "cc-instance", "Attributes": map[string]any{"InboundCalls": true, "OutboundCalls": true},
			"Tags": []any{map[string]any{"Key": "env", "Value": "dev"}}})
		arn := *ev.Identifier
		got := props(t, cc, "AWS::Connect::Instance", arn)
		attrs := got["Attributes"].(map[string]any)
		if got["Arn"] != arn || got["InstanceAlias"] != "cc-instance" || got["InstanceStatus"] != "ACTIVE" ||
			attrs["InboundCalls"] != true || got["CreatedTime"] == nil {
			t.Fatalf("GetResource %v", got)
		}
		d, err := srv.Client.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: aws.String(arn)})
		if err != nil || aws.ToString(d.Instance.InstanceAlias) != "cc-instance" || d.Instance.Tags["env"] != "dev" {
			t.Fatalf("Connect DescribeInstance: %v %+v", err, d)
		}
		list, err := cc.ListResources(ctx, &cloudcontrol.ListResourcesInput{TypeName: aws.String("AWS::Connect::Instance")})
		if err != nil || len(list.ResourceDescriptions) != 1 || aws.ToString(list.ResourceDescriptions[0].Identifier) != arn {
			t.Fatalf("ListResources: %v %+v", err, list)
		}
		_, err = cc.UpdateResource(ctx, &cloudcontrol.UpdateResourceInput{TypeName: aws.String("AWS::Connect::Instance"),
			Identifier: aws.String(arn), PatchDocument: js(t, []any{map[string]any{"op": "replace", "path": "/InstanceAlias", "value": "other"}})})
		var nu *cctypes.NotUpdatableException
		if !errors.As(err, &nu) {
			t.Fatalf("patching InstanceAlias: %v, want NotUpdatableException", err)
		}
		update(t, cc, "AWS::Connect::Instance", arn, []any{map[string]any{"op": "remove", "path": "/Tags"}})
		if got := props(t, cc, "AWS::Connect::Instance", arn); got["Tags"] != nil {
			t.Fatalf("tags after remove: %v", got["Tags"])
		}
		remove(t, cc, "AWS::Connect::Instance", arn)
	})
}

// TestConnectResourceSeenThroughCloudControl: a template made with the Connect API is a Cloud Control resource.
func TestConnectResourceSeenThroughCloudControl(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		ctx := context.Background()
		inst, err := srv.Client.CreateInstance(ctx, &connect.CreateInstanceInput{IdentityManagementType: types.DirectoryTypeConnectManaged,
			InstanceAlias: aws.String("via-connect"), InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(true)})
		if err != nil {
			t.Fatal(err)
		}
		tt, err := srv.Client.CreateTaskTemplate(ctx, &connect.CreateTaskTemplateInput{InstanceId: inst.Id, Name: aws.String("Made by Connect"),
			Fields: []types.TaskTemplateField{
				{Id: &types.TaskTemplateFieldIdentifier{Name: aws.String("Title")}, Type: types.TaskTemplateFieldTypeName},
				{Id: &types.TaskTemplateFieldIdentifier{Name: aws.String("To")}, Type: types.TaskTemplateFieldTypeQuickConnect},
			}})
		if err != nil {
			t.Fatal(err)
		}
		cc := srv.CloudControl()
		got := props(t, cc, "AWS::Connect::TaskTemplate", *tt.Arn)
		if got["Name"] != "Made by Connect" || got["InstanceArn"] != *inst.Arn {
			t.Fatalf("GetResource %v", got)
		}
		if got := props(t, cc, "AWS::Connect::Instance", *inst.Arn); got["InstanceAlias"] != "via-connect" {
			t.Fatalf("instance %v", got)
		}
		remove(t, cc, "AWS::Connect::TaskTemplate", *tt.Arn)
	})
}

func apiCode(err error) string {
	var ae smithy.APIError
	if errors.As(err, &ae) {
		return ae.ErrorCode()
	}
	return ""
}

func TestErrors(t *testing.T) {
	srv := connecttest.Start(t, memory.New())
	cc := srv.CloudControl()
	ctx := context.Background()
	instance, flow := stack(t, cc)

	cases := []struct {
		name string
		call func() error
		want string
	}{
		{"type not served", func() error {
			_, err := cc.CreateResource(ctx, &cloudcontrol.CreateResourceInput{TypeName: aws.String("AWS::S3::Bucket"), DesiredState: aws.String("{}")})
			return err
		}, "TypeNotFoundException"},
		{"get of an unknown type", func() error {
			_, err := cc.GetResource(ctx, &cloudcontrol.GetResourceInput{TypeName: aws.String("AWS::Connect::Prompt"), Identifier: aws.String("x")})
			return err
		}, "TypeNotFoundException"},
		{"desired state not JSON", func() error {
			_, err := cc.CreateResource(ctx, &cloudcontrol.CreateResourceInput{TypeName: aws.String("AWS::Connect::TaskTemplate"), DesiredState: aws.String("{nope")})
			return err
		}, "ValidationException"},
		{"type name pattern", func() error {
			_, err := cc.GetResource(ctx, &cloudcontrol.GetResourceInput{TypeName: aws.String("not a type name"), Identifier: aws.String("x")})
			return err
		}, "ValidationException"},
		{"get missing", func() error {
			_, err := cc.GetResource(ctx, &cloudcontrol.GetResourceInput{TypeName: aws.String("AWS::Connect::TaskTemplate"),
				Identifier: aws.String(instance + "/task-template/00000000-0000-0000-0000-000000000000")})
			return err
		}, "ResourceNotFoundException"},
		{"get with an identifier that is no ARN", func() error {
			_, err := cc.GetResource(ctx, &cloudcontrol.GetResourceInput{TypeName: aws.String("AWS::Connect::ContactFlow"), Identifier: aws.String("Routing")})
			return err
		}, "ResourceNotFoundException"},
		{"get in another account", func() error {
			other := cloudcontrol.New(cloudcontrol.Options{BaseEndpoint: aws.String(srv.URL), Region: "us-east-1", Retryer: aws.NopRetryer{},
				Credentials: aws.NewCredentialsCache(staticCreds("210987654321"))})
			_, err := other.GetResource(ctx, &cloudcontrol.GetResourceInput{TypeName: aws.String("AWS::Connect::ContactFlow"), Identifier: aws.String(flow)})
			return err
		}, "ResourceNotFoundException"},
		{"list templates without the instance", func() error {
			_, err := cc.ListResources(ctx, &cloudcontrol.ListResourcesInput{TypeName: aws.String("AWS::Connect::TaskTemplate")})
			return err
		}, "InvalidRequestException"},
		{"patch not RFC 6902", func() error {
			_, err := cc.UpdateResource(ctx, &cloudcontrol.UpdateResourceInput{TypeName: aws.String("AWS::Connect::ContactFlow"),
				Identifier: aws.String(flow), PatchDocument: aws.String(`{"op":"replace"}`)})
			return err
		}, "ValidationException"},
		{"patch on a path that is not there", func() error {
			_, err := cc.UpdateResource(ctx, &cloudcontrol.UpdateResourceInput{TypeName: aws.String("AWS::Connect::ContactFlow"),
				Identifier: aws.String(flow), PatchDocument: aws.String(`[{"op":"remove","path":"/Nope"}]`)})
			return err
		}, "ValidationException"},
		{"patch of a read-only property", func() error {
			_, err := cc.UpdateResource(ctx, &cloudcontrol.UpdateResourceInput{TypeName: aws.String("AWS::Connect::ContactFlow"),
				Identifier: aws.String(flow), PatchDocument: aws.String(`[{"op":"replace","path":"/ContactFlowArn","value":"x"}]`)})
			return err
		}, "ValidationException"},
		{"update of a missing resource", func() error {
			_, err := cc.UpdateResource(ctx, &cloudcontrol.UpdateResourceInput{TypeName: aws.String("AWS::Connect::ContactFlow"),
				Identifier: aws.String(instance + "/contact-flow/00000000-0000-0000-0000-000000000000"), PatchDocument: aws.String(`[]`)})
			return err
		}, "ResourceNotFoundException"},
		{"unknown request token", func() error {
			_, err := cc.GetResourceRequestStatus(ctx, &cloudcontrol.GetResourceRequestStatusInput{RequestToken: aws.String("nope")})
			return err
		}, "RequestTokenNotFoundException"},
		{"cancel of an unknown request", func() error {
			_, err := cc.CancelResourceRequest(ctx, &cloudcontrol.CancelResourceRequestInput{RequestToken: aws.String("nope")})
			return err
		}, "RequestTokenNotFoundException"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := apiCode(tc.call()); got != tc.want {
				t.Fatalf("error %q, want %q", got, tc.want)
			}
		})
	}
}

// TestFailedRequests: what the Connect API refuses, a request reports as FAILED with the handler error code
// and the service's message; the SDK's waiter stops with a failure.
func TestFailedRequests(t *testing.T) {
	srv := connecttest.Start(t, memory.New())
	cc := srv.CloudControl()
	ctx := context.Background()
	instance, _ := stack(t, cc)
	status := func(t *testing.T, token *string) *cctypes.ProgressEvent {
		t.Helper()
		st, err := cc.GetResourceRequestStatus(ctx, &cloudcontrol.GetResourceRequestStatusInput{RequestToken: token})
		if err != nil {
			t.Fatal(err)
		}
		return st.ProgressEvent
	}

	out, err := cc.CreateResource(ctx, &cloudcontrol.CreateResourceInput{TypeName: aws.String("AWS::Connect::TaskTemplate"),
		DesiredState: js(t, map[string]any{"InstanceArn": instance, "Name": "broken",
			"Fields": []any{map[string]any{"Id": map[string]any{"Name": "Amount"}, "Type": "NUMBER"}}})})
	if err != nil || out.ProgressEvent.OperationStatus != cctypes.OperationStatusInProgress {
		t.Fatalf("CreateResource: %v %+v", err, out)
	}
	ev := status(t, out.ProgressEvent.RequestToken)
	if ev.OperationStatus != cctypes.OperationStatusFailed || ev.ErrorCode != cctypes.HandlerErrorCodeInvalidRequest ||
		aws.ToString(ev.StatusMessage) != "2 validation errors: Fields: A template needs a field of type NAME (REQUIRED_PROPERTY_MISSING); "+
			"ContactFlowArn: A template needs a ContactFlowArn or a field of type QUICK_CONNECT (REQUIRED_PROPERTY_MISSING)" || ev.Identifier != nil ||
		!ev.EventTime.Equal(*out.ProgressEvent.EventTime) {
		t.Fatalf("broken template: %+v %s", ev, aws.ToString(ev.StatusMessage))
	}
	w := cloudcontrol.NewResourceRequestSuccessWaiter(cc)
	if err := w.Wait(ctx, &cloudcontrol.GetResourceRequestStatusInput{RequestToken: out.ProgressEvent.RequestToken}, time.Minute); err == nil {
		t.Fatal("the waiter took a FAILED request for a success")
	}

	gone := instance + "/task-template/00000000-0000-0000-0000-000000000000"
	del, err := cc.DeleteResource(ctx, &cloudcontrol.DeleteResourceInput{TypeName: aws.String("AWS::Connect::TaskTemplate"), Identifier: aws.String(gone)})
	if err != nil {
		t.Fatal(err)
	}
	if ev := status(t, del.ProgressEvent.RequestToken); ev.OperationStatus != cctypes.OperationStatusFailed || ev.ErrorCode != cctypes.HandlerErrorCodeNotFound {
		t.Fatalf("delete of a missing template: %+v", ev)
	}

	// Cancel: only PENDING or IN_PROGRESS requests can be canceled (API reference); this one has finished, so
	// the cancel is refused and the request stays as it ended.
	_, err = cc.CancelResourceRequest(ctx, &cloudcontrol.CancelResourceRequestInput{RequestToken: del.ProgressEvent.RequestToken})
	if apiCode(err) != "ValidationException" {
		t.Fatalf("cancel of a finished request: %v, want ValidationException", err)
	}
	if ev := status(t, del.ProgressEvent.RequestToken); ev.OperationStatus != cctypes.OperationStatusFailed {
		t.Fatalf("after the refused cancel: %+v", ev)
	}
}

func TestClientTokenIdempotency(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		ctx := context.Background()
		cc := srv.CloudControl()
		instance, flow := stack(t, cc)
		desired := js(t, map[string]any{"InstanceArn": instance, "Name": "Once", "ContactFlowArn": flow,
			"Fields": []any{map[string]any{"Id": map[string]any{"Name": "Title"}, "Type": "NAME"}}})
		in := &cloudcontrol.CreateResourceInput{TypeName: aws.String("AWS::Connect::TaskTemplate"), DesiredState: desired, ClientToken: aws.String("token-1")}
		first, err := cc.CreateResource(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		again, err := cc.CreateResource(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		if *again.ProgressEvent.RequestToken != *first.ProgressEvent.RequestToken || *again.ProgressEvent.Identifier != *first.ProgressEvent.Identifier {
			t.Fatalf("a repeated ClientToken made a new request: %+v vs %+v", again.ProgressEvent, first.ProgressEvent)
		}
		rn, _ := connectlocal.ParseARN(instance)
		list, err := srv.Client.ListTaskTemplates(ctx, &connect.ListTaskTemplatesInput{InstanceId: aws.String(rn.InstanceID)})
		if err != nil || len(list.TaskTemplates) != 1 {
			t.Fatalf("templates after a retried create: %v %d", err, len(list.TaskTemplates))
		}
		in.DesiredState = aws.String(strings.Replace(*desired, "Once", "Twice", 1))
		_, err = cc.CreateResource(ctx, in)
		var conflict *cctypes.ClientTokenConflictException
		if !errors.As(err, &conflict) {
			t.Fatalf("same ClientToken, other input: %v, want ClientTokenConflictException", err)
		}
	})
}

func TestListResourceRequests(t *testing.T) {
	srv := connecttest.Start(t, memory.New())
	cc := srv.CloudControl()
	ctx := context.Background()
	instance, flow := stack(t, cc) // two CREATE requests, SUCCESS
	if _, err := cc.DeleteResource(ctx, &cloudcontrol.DeleteResourceInput{TypeName: aws.String("AWS::Connect::ContactFlow"), Identifier: aws.String(flow)}); err != nil {
		t.Fatal(err)
	}
	if _, err := cc.DeleteResource(ctx, &cloudcontrol.DeleteResourceInput{TypeName: aws.String("AWS::Connect::ContactFlow"), Identifier: aws.String(flow)}); err != nil {
		t.Fatal(err) // the second one FAILS: NotFound
	}
	all, err := cc.ListResourceRequests(ctx, &cloudcontrol.ListResourceRequestsInput{})
	if err != nil || len(all.ResourceRequestStatusSummaries) != 4 {
		t.Fatalf("ListResourceRequests: %v %+v", err, all)
	}
	if s := all.ResourceRequestStatusSummaries; s[0].OperationStatus != cctypes.OperationStatusFailed || aws.ToString(s[3].Identifier) != instance {
		t.Fatalf("not newest first: %+v", s)
	}
	creates, err := cc.ListResourceRequests(ctx, &cloudcontrol.ListResourceRequestsInput{ResourceRequestStatusFilter: &cctypes.ResourceRequestStatusFilter{
		Operations: []cctypes.Operation{cctypes.OperationCreate}, OperationStatuses: []cctypes.OperationStatus{cctypes.OperationStatusSuccess}}})
	if err != nil || len(creates.ResourceRequestStatusSummaries) != 2 {
		t.Fatalf("filtered: %v %+v", err, creates)
	}
	var tokens []string
	p := cloudcontrol.NewListResourceRequestsPaginator(cc, &cloudcontrol.ListResourceRequestsInput{MaxResults: aws.Int32(1)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range page.ResourceRequestStatusSummaries {
			tokens = append(tokens, *s.RequestToken)
		}
	}
	if len(tokens) != 4 || tokens[0] != *all.ResourceRequestStatusSummaries[0].RequestToken || tokens[3] != *all.ResourceRequestStatusSummaries[3].RequestToken {
		t.Fatalf("paged tokens %v", tokens)
	}
}
