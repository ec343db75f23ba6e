package cloudcontrol_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol"
	cctypes "github.com/aws/aws-sdk-go-v2/service/cloudcontrol/types"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	conntypes "github.com/aws/aws-sdk-go-v2/service/connect/types"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/internal/connecttest"
)

// failed runs CreateResource or UpdateResource (patch != nil) and returns the finished request, which must
// have FAILED with code.
func failed(t *testing.T, cc *cloudcontrol.Client, typeName, id string, desired any, patch []any, code cctypes.HandlerErrorCode) string {
	t.Helper()
	ctx := context.Background()
	var token *string
	if patch != nil {
		out, err := cc.UpdateResource(ctx, &cloudcontrol.UpdateResourceInput{TypeName: aws.String(typeName), Identifier: aws.String(id), PatchDocument: js(t, patch)})
		if err != nil {
			t.Fatalf("UpdateResource: %v", err)
		}
		token = out.ProgressEvent.RequestToken
	} else {
		out, err := cc.CreateResource(ctx, &cloudcontrol.CreateResourceInput{TypeName: aws.String(typeName), DesiredState: js(t, desired)})
		if err != nil {
			t.Fatalf("CreateResource: %v", err)
		}
		token = out.ProgressEvent.RequestToken
	}
	st, err := cc.GetResourceRequestStatus(ctx, &cloudcontrol.GetResourceRequestStatusInput{RequestToken: token})
	if err != nil {
		t.Fatal(err)
	}
	if ev := st.ProgressEvent; ev.OperationStatus != cctypes.OperationStatusFailed || ev.ErrorCode != code {
		t.Fatalf("got %s %s %q, want FAILED %s", ev.OperationStatus, ev.ErrorCode, aws.ToString(ev.StatusMessage), code)
	}
	return aws.ToString(st.ProgressEvent.StatusMessage)
}

// invalidModel runs CreateResource and wants ValidationException "Model validation failed (...)" at once (no
// request started).
func invalidModel(t *testing.T, cc *cloudcontrol.Client, typeName string, desired any, contains string) {
	t.Helper()
	_, err := cc.CreateResource(context.Background(), &cloudcontrol.CreateResourceInput{TypeName: aws.String(typeName), DesiredState: js(t, desired)})
	if apiCode(err) != "ValidationException" || !strings.Contains(err.Error(), "Model validation failed (") || !strings.Contains(err.Error(), contains) {
		t.Fatalf("CreateResource %v: %v, want ValidationException containing %q", desired, err, contains)
	}
}

func notUpdatable(t *testing.T, cc *cloudcontrol.Client, typeName, id string, patch []any, prop string) {
	t.Helper()
	_, err := cc.UpdateResource(context.Background(), &cloudcontrol.UpdateResourceInput{TypeName: aws.String(typeName),
		Identifier: aws.String(id), PatchDocument: js(t, patch)})
	var nu *cctypes.NotUpdatableException
	if !errors.As(err, &nu) || !strings.Contains(nu.ErrorMessage(), "/properties/"+prop) {
		t.Fatalf("patching %s: %v, want NotUpdatableException", prop, err)
	}
}

func list(t *testing.T, cc *cloudcontrol.Client, typeName string, model any) map[string]map[string]any {
	t.Helper()
	out, err := cc.ListResources(context.Background(), &cloudcontrol.ListResourcesInput{TypeName: aws.String(typeName), ResourceModel: js(t, model)})
	if err != nil {
		t.Fatalf("ListResources %s: %v", typeName, err)
	}
	got := map[string]map[string]any{}
	for _, d := range out.ResourceDescriptions {
		var m map[string]any
		if err := jsonUnmarshal(aws.ToString(d.Properties), &m); err != nil {
			t.Fatal(err)
		}
		got[aws.ToString(d.Identifier)] = m
	}
	return got
}

func TestAgentStatus_lifecycle(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		ctx := context.Background()
		cc := srv.CloudControl()
		instance, _ := stack(t, cc)
		const typ = "AWS::Connect::AgentStatus"
		arn := *create(t, cc, typ, map[string]any{"InstanceArn": instance, "Name": "Lunch", "State": "ENABLED",
			"Description": "eating", "DisplayOrder": 3, "Tags": []any{map[string]any{"Key": "team", "Value": "a"}}}).Identifier
		got := props(t, cc, typ, arn)
		if got["AgentStatusArn"] != arn || got["InstanceArn"] != instance || got["Name"] != "Lunch" || got["State"] != "ENABLED" ||
			got["Type"] != "CUSTOM" || got["Description"] != "eating" || got["DisplayOrder"] != float64(3) ||
			got["LastModifiedRegion"] != "us-east-1" || got["LastModifiedTime"] == nil || len(got["Tags"].([]any)) != 1 {
			t.Fatalf("GetResource %v", got)
		}
		rn, _ := connectlocal.ParseARN(arn)
		describe := func() *conntypes.AgentStatus {
			t.Helper()
			d, err := srv.Client.DescribeAgentStatus(ctx, &connect.DescribeAgentStatusInput{InstanceId: aws.String(rn.InstanceID), AgentStatusId: aws.String(rn.ID)})
			if err != nil {
				t.Fatal(err)
			}
			return d.AgentStatus
		}
		update(t, cc, typ, arn, []any{
			map[string]any{"op": "replace", "path": "/Name", "value": "Break"},
			map[string]any{"op": "remove", "path": "/Description"},
			map[string]any{"op": "replace", "path": "/State", "value": "DISABLED"},
			map[string]any{"op": "replace", "path": "/DisplayOrder", "value": 5},
			map[string]any{"op": "replace", "path": "/Tags", "value": []any{map[string]any{"Key": "owner", "Value": "kim"}}},
		})
		if s := describe(); aws.ToString(s.Name) != "Break" || aws.ToString(s.Description) != "" || s.State != conntypes.AgentStatusStateDisabled ||
			aws.ToInt32(s.DisplayOrder) != 5 || s.Tags["owner"] != "kim" || s.Tags["team"] != "" {
			t.Fatalf("after the patch Connect sees %+v", s)
		}
		update(t, cc, typ, arn, []any{map[string]any{"op": "add", "path": "/ResetOrderNumber", "value": true}})
		if s := describe(); s.DisplayOrder != nil {
			t.Fatalf("ResetOrderNumber left DisplayOrder %v", *s.DisplayOrder)
		}

		all := list(t, cc, typ, map[string]any{"InstanceArn": instance})
		if all[arn]["Name"] != "Break" || len(all) != 3 { // with the instance's Available and Offline
			t.Fatalf("ListResources %v", all)
		}

		// Refusals.
		if msg := failed(t, cc, typ, arn, nil, []any{map[string]any{"op": "replace", "path": "/Type", "value": "ROUTABLE"}},
			cctypes.HandlerErrorCodeInvalidRequest); !strings.Contains(msg, "Type cannot be updated") {
			t.Fatalf("Type patch: %q", msg)
		}
		failed(t, cc, typ, "", map[string]any{"InstanceArn": instance, "Name": "Route", "State": "ENABLED", "Type": "ROUTABLE"},
			nil, cctypes.HandlerErrorCodeInvalidRequest)
		failed(t, cc, typ, "", map[string]any{"InstanceArn": instance, "Name": "Break", "State": "ENABLED"},
			nil, cctypes.HandlerErrorCodeAlreadyExists)
		failed(t, cc, typ, "", map[string]any{"InstanceArn": instance + "0", "Name": "Nowhere", "State": "ENABLED"},
			nil, cctypes.HandlerErrorCodeNotFound)
		invalidModel(t, cc, typ, map[string]any{"InstanceArn": instance, "Name": "x"},
			"required key [State] not found")
		invalidModel(t, cc, typ, map[string]any{"InstanceArn": instance, "Name": "x", "State": "ENABLED", "Colour": 1},
			"extraneous key [Colour] is not permitted")
		invalidModel(t, cc, typ, map[string]any{"InstanceArn": instance, "Name": "x", "State": "ENABLED", "DisplayOrder": 51},
			"#/DisplayOrder: 51 is not less or equal to 50")

		// Connect has no DeleteAgentStatus: the delete succeeds and the status stays (the registry's delete
		// handler asks for no permission).
		out, err := cc.DeleteResource(ctx, &cloudcontrol.DeleteResourceInput{TypeName: aws.String(typ), Identifier: aws.String(arn)})
		if err != nil {
			t.Fatal(err)
		}
		wait(t, cc, out.ProgressEvent.RequestToken)
		if s := describe(); aws.ToString(s.Name) != "Break" {
			t.Fatalf("after DeleteResource %+v", s)
		}
	})
}

const moduleContent = `{"Version":"2019-10-30","StartAction":"end","Actions":[{"Identifier":"end","Type":"EndFlowModuleExecution","Parameters":{},"Transitions":{}}]}`

func TestFlowModule_lifecycle(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		ctx := context.Background()
		cc := srv.CloudControl()
		instance, _ := stack(t, cc)
		const typ = "AWS::Connect::ContactFlowModule"
		arn := *create(t, cc, typ, map[string]any{"InstanceArn": instance, "Name": "Greeting", "Content": moduleContent,
			"Description": "says hello", "State": "ARCHIVED", "Tags": []any{map[string]any{"Key": "team", "Value": "a"}}}).Identifier
		got := props(t, cc, typ, arn)
		if got["ContactFlowModuleArn"] != arn || got["InstanceArn"] != instance || got["Name"] != "Greeting" || got["Content"] != moduleContent ||
			got["Description"] != "says hello" || got["State"] != "ARCHIVED" || got["Status"] != "PUBLISHED" || len(got["Tags"].([]any)) != 1 {
			t.Fatalf("GetResource %v", got)
		}
		rn, _ := connectlocal.ParseARN(arn)
		describe := func() *conntypes.ContactFlowModule {
			t.Helper()
			d, err := srv.Client.DescribeContactFlowModule(ctx, &connect.DescribeContactFlowModuleInput{InstanceId: aws.String(rn.InstanceID), ContactFlowModuleId: aws.String(rn.ID)})
			if err != nil {
				t.Fatal(err)
			}
			return d.ContactFlowModule
		}
		newContent := strings.ReplaceAll(moduleContent, `"end"`, `"stop"`)
		update(t, cc, typ, arn, []any{
			map[string]any{"op": "replace", "path": "/Name", "value": "Welcome"},
			map[string]any{"op": "replace", "path": "/Content", "value": newContent},
			map[string]any{"op": "remove", "path": "/Description"},
			map[string]any{"op": "replace", "path": "/State", "value": "ACTIVE"},
			map[string]any{"op": "replace", "path": "/Tags", "value": []any{map[string]any{"Key": "owner", "Value": "kim"}}},
		})
		if m := describe(); aws.ToString(m.Name) != "Welcome" || aws.ToString(m.Content) != newContent || aws.ToString(m.Description) != "" ||
			m.State != conntypes.ContactFlowModuleStateActive || m.Tags["owner"] != "kim" || m.Tags["team"] != "" {
			t.Fatalf("after the patch Connect sees %+v", m)
		}
		// A content the service refuses fails the request before the name changes.
		failed(t, cc, typ, arn, nil, []any{map[string]any{"op": "replace", "path": "/Name", "value": "Never"},
			map[string]any{"op": "replace", "path": "/Content", "value": `{"Version":"2019-10-30","StartAction":"x","Actions":[]}`}},
			cctypes.HandlerErrorCodeInvalidRequest)
		if m := describe(); aws.ToString(m.Name) != "Welcome" || aws.ToString(m.Content) != newContent {
			t.Fatalf("after a refused patch Connect sees %+v", m)
		}
		if msg := failed(t, cc, typ, arn, nil, []any{map[string]any{"op": "replace", "path": "/InstanceArn", "value": instance + "0"}},
			cctypes.HandlerErrorCodeInvalidRequest); msg != "InstanceArn cannot be updated." {
			t.Fatalf("InstanceArn patch: %q", msg)
		}

		all := list(t, cc, typ, map[string]any{"InstanceArn": instance})
		if len(all) != 1 || all[arn]["Name"] != "Welcome" {
			t.Fatalf("ListResources %v", all)
		}
		_, err := cc.ListResources(ctx, &cloudcontrol.ListResourcesInput{TypeName: aws.String(typ)})
		var ir *cctypes.InvalidRequestException
		if !errors.As(err, &ir) {
			t.Fatalf("ListResources without the instance: %v", err)
		}
		failed(t, cc, typ, "", map[string]any{"InstanceArn": instance, "Name": "Welcome", "Content": moduleContent},
			nil, cctypes.HandlerErrorCodeAlreadyExists)
		invalidModel(t, cc, typ, map[string]any{"InstanceArn": instance, "Name": "x"},
			"required key [Content] not found")
		remove(t, cc, typ, arn)
	})
}

func TestStorageConfig_lifecycle(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		ctx := context.Background()
		cc := srv.CloudControl()
		instance, _ := stack(t, cc)
		const typ = "AWS::Connect::InstanceStorageConfig"
		s3 := map[string]any{"BucketName": "recordings", "BucketPrefix": "calls"}
		id := *create(t, cc, typ, map[string]any{"InstanceArn": instance, "ResourceType": "CALL_RECORDINGS", "StorageType": "S3",
			"S3Config": s3}).Identifier
		parts := strings.Split(id, "|")
		if len(parts) != 3 || parts[0] != instance || parts[1] == "" || parts[2] != "CALL_RECORDINGS" {
			t.Fatalf("identifier %q, want InstanceArn|AssociationId|ResourceType", id)
		}
		got := props(t, cc, typ, id)
		if got["InstanceArn"] != instance || got["AssociationId"] != parts[1] || got["ResourceType"] != "CALL_RECORDINGS" ||
			got["StorageType"] != "S3" || got["S3Config"].(map[string]any)["BucketName"] != "recordings" {
			t.Fatalf("GetResource %v", got)
		}
		rn, _ := connectlocal.ParseARN(instance)
		update(t, cc, typ, id, []any{map[string]any{"op": "replace", "path": "/S3Config/BucketName", "value": "archive"}})
		d, err := srv.Client.DescribeInstanceStorageConfig(ctx, &connect.DescribeInstanceStorageConfigInput{InstanceId: aws.String(rn.InstanceID),
			AssociationId: aws.String(parts[1]), ResourceType: conntypes.InstanceStorageResourceTypeCallRecordings})
		if err != nil || aws.ToString(d.StorageConfig.S3Config.BucketName) != "archive" {
			t.Fatalf("Connect after the patch: %v %+v", err, d)
		}
		ctr := *create(t, cc, typ, map[string]any{"InstanceArn": instance, "ResourceType": "CONTACT_TRACE_RECORDS",
			"StorageType": "KINESIS_STREAM", "KinesisStreamConfig": map[string]any{"StreamArn": "arn:aws:kinesis:us-east-1:123456789012:stream/ctr"}}).Identifier

		all := list(t, cc, typ, map[string]any{"InstanceArn": instance})
		if len(all) != 2 || all[id]["StorageType"] != "S3" || all[ctr]["StorageType"] != "KINESIS_STREAM" {
			t.Fatalf("ListResources %v", all)
		}
		if one := list(t, cc, typ, map[string]any{"InstanceArn": instance, "ResourceType": "CONTACT_TRACE_RECORDS"}); len(one) != 1 || one[ctr] == nil {
			t.Fatalf("ListResources of one resource type %v", one)
		}

		notUpdatable(t, cc, typ, id, []any{map[string]any{"op": "replace", "path": "/ResourceType", "value": "CHAT_TRANSCRIPTS"}}, "ResourceType")
		failed(t, cc, typ, id, nil, []any{map[string]any{"op": "replace", "path": "/StorageType", "value": "KINESIS_STREAM"}},
			cctypes.HandlerErrorCodeInvalidRequest)
		failed(t, cc, typ, "", map[string]any{"InstanceArn": instance, "ResourceType": "CHAT_TRANSCRIPTS", "StorageType": "KINESIS_FIREHOSE",
			"KinesisFirehoseConfig": map[string]any{"FirehoseArn": "arn:aws:firehose:us-east-1:123456789012:deliverystream/x"}}, nil, cctypes.HandlerErrorCodeInvalidRequest)
		failed(t, cc, typ, "", map[string]any{"InstanceArn": instance, "ResourceType": "CALL_RECORDINGS", "StorageType": "S3", "S3Config": s3},
			nil, cctypes.HandlerErrorCodeAlreadyExists) // one destination per resource type
		failed(t, cc, typ, "", map[string]any{"InstanceArn": instance + "0", "ResourceType": "CHAT_TRANSCRIPTS", "StorageType": "S3", "S3Config": s3},
			nil, cctypes.HandlerErrorCodeNotFound)
		invalidModel(t, cc, typ, map[string]any{"InstanceArn": instance, "ResourceType": "CALL_RECORDINGS",
			"StorageType": "S3", "S3Config": map[string]any{"BucketName": "b"}}, "#/S3Config: required key [BucketPrefix] not found")
		for _, bad := range []string{"x", instance, instance + "|a", instance + "|" + parts[1] + "|CHAT_TRANSCRIPTS"} {
			_, err := cc.GetResource(ctx, &cloudcontrol.GetResourceInput{TypeName: aws.String(typ), Identifier: aws.String(bad)})
			var nf *cctypes.ResourceNotFoundException
			if !errors.As(err, &nf) {
				t.Fatalf("GetResource %q: %v, want ResourceNotFoundException", bad, err)
			}
		}
		remove(t, cc, typ, id)
		remove(t, cc, typ, ctr)
	})
}

func TestIntegrations_lifecycle(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		ctx := context.Background()
		cc := srv.CloudControl()
		instance, _ := stack(t, cc)
		rn, _ := connectlocal.ParseARN(instance)
		const typ = "AWS::Connect::IntegrationAssociation"
		fn := "arn:aws:lambda:us-east-1:123456789012:function:lookup"
		v2 := "arn:aws:lex:us-east-1:123456789012:bot-alias/BOTID12345/TSTALIASID"
		v1 := "arn:aws:lex:us-east-1:000000000000:bot/OrderFlowers"
		ids := map[string]string{}
		for _, c := range []struct{ t, arn string }{{"LAMBDA_FUNCTION", fn}, {"LEX_BOT", v2}, {"LEX_BOT", v1}} {
			id := *create(t, cc, typ, map[string]any{"InstanceId": instance, "IntegrationType": c.t, "IntegrationArn": c.arn}).Identifier
			if id != instance+"|"+c.t+"|"+c.arn {
				t.Fatalf("identifier %q", id)
			}
			got := props(t, cc, typ, id)
			if got["InstanceId"] != instance || got["IntegrationType"] != c.t || got["IntegrationArn"] != c.arn || len(got["IntegrationAssociationId"].(string)) != 36 {
				t.Fatalf("GetResource %v", got)
			}
			ids[c.arn] = id
		}
		fns, err := srv.Client.ListLambdaFunctions(ctx, &connect.ListLambdaFunctionsInput{InstanceId: aws.String(rn.InstanceID)})
		if err != nil || len(fns.LambdaFunctions) != 1 || fns.LambdaFunctions[0] != fn {
			t.Fatalf("ListLambdaFunctions %v %+v", err, fns)
		}
		bots, err := srv.Client.ListBots(ctx, &connect.ListBotsInput{InstanceId: aws.String(rn.InstanceID), LexVersion: conntypes.LexVersionV1})
		if err != nil || len(bots.LexBots) != 1 || aws.ToString(bots.LexBots[0].LexBot.Name) != "OrderFlowers" || aws.ToString(bots.LexBots[0].LexBot.LexRegion) != "us-east-1" {
			t.Fatalf("ListBots V1 %v %+v", err, bots)
		}
		all := list(t, cc, typ, map[string]any{"InstanceId": instance})
		if len(all) != 3 || all[ids[fn]] == nil || all[ids[v2]] == nil {
			t.Fatalf("ListResources %v", all)
		}

		notUpdatable(t, cc, typ, ids[fn], []any{map[string]any{"op": "replace", "path": "/IntegrationArn", "value": fn + "2"}}, "IntegrationArn")
		if msg := failed(t, cc, typ, "", map[string]any{"InstanceId": instance, "IntegrationType": "APPLICATION",
			"IntegrationArn": "arn:aws:app-integrations:us-east-1:123456789012:application/x"}, nil, cctypes.HandlerErrorCodeInvalidRequest); !strings.Contains(msg, "IntegrationType APPLICATION is not served") {
			t.Fatalf("APPLICATION: %q", msg)
		}
		failed(t, cc, typ, "", map[string]any{"InstanceId": instance, "IntegrationType": "LEX_BOT", "IntegrationArn": "arn:aws:s3:::bucket"},
			nil, cctypes.HandlerErrorCodeInvalidRequest)
		failed(t, cc, typ, "", map[string]any{"InstanceId": instance, "IntegrationType": "LAMBDA_FUNCTION", "IntegrationArn": fn},
			nil, cctypes.HandlerErrorCodeAlreadyExists)
		failed(t, cc, typ, "", map[string]any{"InstanceId": instance + "0", "IntegrationType": "LAMBDA_FUNCTION", "IntegrationArn": fn},
			nil, cctypes.HandlerErrorCodeNotFound)
		_, err = cc.GetResource(ctx, &cloudcontrol.GetResourceInput{TypeName: aws.String(typ), Identifier: aws.String(instance + "|LAMBDA_FUNCTION|" + fn + "x")})
		var nf *cctypes.ResourceNotFoundException
		if !errors.As(err, &nf) {
			t.Fatalf("GetResource of an association that does not exist: %v", err)
		}
		for _, id := range ids {
			remove(t, cc, typ, id)
		}
		if all := list(t, cc, typ, map[string]any{"InstanceId": instance}); len(all) != 0 {
			t.Fatalf("after the deletes %v", all)
		}
	})
}

func jsonUnmarshal(s string, v any) error { return json.Unmarshal([]byte(s), v) }
