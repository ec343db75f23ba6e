package cloudcontrol_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol"
	cctypes "github.com/aws/aws-sdk-go-v2/service/cloudcontrol/types"
	"github.com/aws/aws-sdk-go-v2/service/connect"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/internal/connecttest"
	"github.com/connectlocal/connectlocal/memory"
	"github.com/connectlocal/connectlocal/sqlite"
)

// lateFailure is a Store whose armed Update commits and then reports a failure, as a PostgreSQL backend killed
// after COMMIT does: the caller sees an error for a write that is stored.
type lateFailure struct {
	connectlocal.Store
	armed atomic.Int32
}

func (s *lateFailure) Update(ctx context.Context, key connectlocal.UpdateKey, fn func(connectlocal.Tx) error) error {
	err := s.Store.Update(ctx, key, fn)
	if err == nil && s.armed.Add(-1) == 0 {
		return errors.New("connection reset by peer after COMMIT")
	}
	return err
}

// arm makes the next Update fail after committing.
func (s *lateFailure) arm() { s.armed.Store(1) }

// status is the recorded outcome of a request.
func status(t *testing.T, cc *cloudcontrol.Client, token *string) *cctypes.ProgressEvent {
	t.Helper()
	st, err := cc.GetResourceRequestStatus(context.Background(), &cloudcontrol.GetResourceRequestStatusInput{RequestToken: token})
	if err != nil {
		t.Fatal(err)
	}
	return st.ProgressEvent
}

// TestOutcomeIsTheStores (issue 19, item 2): a create, or a delete, whose write is committed but whose store
// reports a failure is recorded as it is stored (SUCCESS, with its identifier), not FAILED/InternalFailure,
// so a client that trusts the record neither loses the resource nor retries into AlreadyExists.
func TestOutcomeIsTheStores(t *testing.T) {
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
	for name, open := range stores {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			store := &lateFailure{Store: open(t)}
			srv := connecttest.Start(t, store)
			cc := srv.CloudControl()
			instance, flow := stack(t, cc)
			rn, _ := connectlocal.ParseARN(instance)

			mutate := func(t *testing.T, run func() (*cctypes.ProgressEvent, error)) *cctypes.ProgressEvent {
				t.Helper()
				store.arm()
				start, err := run()
				if err != nil {
					t.Fatal(err)
				}
				ev := status(t, cc, start.RequestToken)
				if ev.OperationStatus != cctypes.OperationStatusSuccess || aws.ToString(ev.Identifier) == "" {
					t.Fatalf("a committed write recorded as %s %s: %s", ev.OperationStatus, ev.ErrorCode, aws.ToString(ev.StatusMessage))
				}
				return ev
			}

			tmpl := mutate(t, func() (*cctypes.ProgressEvent, error) {
				out, err := cc.CreateResource(ctx, &cloudcontrol.CreateResourceInput{TypeName: aws.String("AWS::Connect::TaskTemplate"),
					DesiredState: js(t, map[string]any{"InstanceArn": instance, "Name": "Stored", "ContactFlowArn": flow,
						"Fields": []any{map[string]any{"Id": map[string]any{"Name": "Title"}, "Type": "NAME"}}})})
				if err != nil {
					return nil, err
				}
				return out.ProgressEvent, nil
			})
			list, err := srv.Client.ListTaskTemplates(ctx, &connect.ListTaskTemplatesInput{InstanceId: aws.String(rn.InstanceID)})
			if err != nil || len(list.TaskTemplates) != 1 || aws.ToString(list.TaskTemplates[0].Arn) != *tmpl.Identifier {
				t.Fatalf("templates after the create: %v %+v", err, list)
			}

			second := mutate(t, func() (*cctypes.ProgressEvent, error) {
				out, err := cc.CreateResource(ctx, &cloudcontrol.CreateResourceInput{TypeName: aws.String("AWS::Connect::ContactFlow"),
					DesiredState: js(t, map[string]any{"InstanceArn": instance, "Name": "Second", "Type": "CONTACT_FLOW", "Content": flowContent})})
				if err != nil {
					return nil, err
				}
				return out.ProgressEvent, nil
			})
			props(t, cc, "AWS::Connect::ContactFlow", *second.Identifier)

			mutate(t, func() (*cctypes.ProgressEvent, error) {
				out, err := cc.DeleteResource(ctx, &cloudcontrol.DeleteResourceInput{TypeName: aws.String("AWS::Connect::TaskTemplate"), Identifier: tmpl.Identifier})
				if err != nil {
					return nil, err
				}
				return out.ProgressEvent, nil
			})
			list, err = srv.Client.ListTaskTemplates(ctx, &connect.ListTaskTemplatesInput{InstanceId: aws.String(rn.InstanceID)})
			if err != nil || len(list.TaskTemplates) != 0 {
				t.Fatalf("templates after the delete: %v %+v", err, list)
			}

			inst := mutate(t, func() (*cctypes.ProgressEvent, error) {
				out, err := cc.CreateResource(ctx, &cloudcontrol.CreateResourceInput{TypeName: aws.String("AWS::Connect::Instance"),
					DesiredState: js(t, map[string]any{"IdentityManagementType": "CONNECT_MANAGED", "InstanceAlias": "late-" + name,
						"Attributes": map[string]any{"InboundCalls": true, "OutboundCalls": true}})})
				if err != nil {
					return nil, err
				}
				return out.ProgressEvent, nil
			})
			if got := props(t, cc, "AWS::Connect::Instance", *inst.Identifier); got["InstanceAlias"] != "late-"+name {
				t.Fatalf("instance %v", got)
			}
		})
	}
}

// TestTaskTemplate_schema (issue 19, item 7): properties the registry schema refuses are refused before any
// request starts, with ValidationException in CloudFormation's schema words, and nothing is created.
func TestTaskTemplate_schema(t *testing.T) {
	srv := connecttest.Start(t, memory.New())
	cc := srv.CloudControl()
	ctx := context.Background()
	instance, flow := stack(t, cc)
	rn, _ := connectlocal.ParseARN(instance)
	good := func() map[string]any {
		return map[string]any{"InstanceArn": instance, "Name": "Schema", "ContactFlowArn": flow,
			"Fields": []any{map[string]any{"Id": map[string]any{"Name": "Title"}, "Type": "NAME"}}}
	}
	with := func(k string, v any) map[string]any {
		m := good()
		m[k] = v
		return m
	}
	cases := []struct {
		name    string
		desired map[string]any
		want    string
	}{
		{"unknown property", with("Bogus", 1), "#: extraneous key [Bogus] is not permitted"},
		{"misspelt property", with("SelfAssignFlowArn", flow), "#: extraneous key [SelfAssignFlowArn] is not permitted"},
		{"field without Id", with("Fields", []any{map[string]any{"Type": "NAME"}}), "#/Fields/0: required key [Id] not found"},
		{"unknown key in a field", with("Fields", []any{map[string]any{"Id": map[string]any{"Name": "T"}, "Type": "NAME", "Extra": true}}),
			"#/Fields/0: extraneous key [Extra] is not permitted"},
		{"ClientToken not a UUID", with("ClientToken", "not-a-uuid"), "#/ClientToken: string [not-a-uuid] does not match pattern"},
		{"aws: tag key", with("Tags", []any{map[string]any{"Key": "aws:x", "Value": "v"}}), "#/Tags/0/Key: string [aws:x] does not match pattern"},
		{"duplicate tag key", with("Tags", []any{map[string]any{"Key": "k", "Value": "1"}, map[string]any{"Key": "k", "Value": "2"}}), "#/Tags: duplicate tag key [k]"},
		{"empty DefaultValue", with("Defaults", []any{map[string]any{"Id": map[string]any{"Name": "Title"}, "DefaultValue": ""}}),
			"#/Defaults/0/DefaultValue: expected minLength: 1, actual: 0"},
		{"bad InstanceArn", with("InstanceArn", "my-instance"), "#/InstanceArn: string [my-instance] does not match pattern"},
		{"no InstanceArn", func() map[string]any { m := good(); delete(m, "InstanceArn"); return m }(), "#: required key [InstanceArn] not found"},
		{"unknown status", with("Status", "ON"), "#/Status: ON is not a valid enum value"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := cc.CreateResource(ctx, &cloudcontrol.CreateResourceInput{TypeName: aws.String("AWS::Connect::TaskTemplate"), DesiredState: js(t, tc.desired)})
			var ae interface{ ErrorMessage() string }
			if apiCode(err) != "ValidationException" || !errors.As(err, &ae) ||
				!strings.HasPrefix(ae.ErrorMessage(), "Model validation failed (") || !strings.Contains(ae.ErrorMessage(), tc.want) {
				t.Fatalf("got %v, want ValidationException with %q", err, tc.want)
			}
		})
	}
	list, err := srv.Client.ListTaskTemplates(ctx, &connect.ListTaskTemplatesInput{InstanceId: aws.String(rn.InstanceID)})
	if err != nil || len(list.TaskTemplates) != 0 {
		t.Fatalf("templates after refusals: %v %d", err, len(list.TaskTemplates))
	}
	reqs, err := cc.ListResourceRequests(ctx, &cloudcontrol.ListResourceRequestsInput{})
	if err != nil || len(reqs.ResourceRequestStatusSummaries) != 2 { // the instance and the flow of stack
		t.Fatalf("requests after refusals: %v %+v", err, reqs)
	}
	// A UUID ClientToken property is taken.
	create(t, cc, "AWS::Connect::TaskTemplate", with("ClientToken", "8c2f5c8e-6f3a-4b8e-9d3c-1a2b3c4d5e6f"))
}

// TestRequestMembers (issue 19, item 7): the Cloud Control model's own constraints hold: a RoleArn that is no
// role ARN, a filter on an operation the model lacks, and text that is not UTF-8 are refused.
func TestRequestMembers(t *testing.T) {
	srv := connecttest.Start(t, memory.New())
	cc := srv.CloudControl()
	ctx := context.Background()
	instance, flow := stack(t, cc)
	rn, _ := connectlocal.ParseARN(instance)

	_, err := cc.CreateResource(ctx, &cloudcontrol.CreateResourceInput{TypeName: aws.String("AWS::Connect::TaskTemplate"),
		RoleArn: aws.String("not-a-role-arn"), DesiredState: js(t, map[string]any{"InstanceArn": instance, "Name": "R", "ContactFlowArn": flow,
			"Fields": []any{map[string]any{"Id": map[string]any{"Name": "Title"}, "Type": "NAME"}}})})
	if apiCode(err) != "ValidationException" || !strings.Contains(err.Error(), "'roleArn'") {
		t.Fatalf("bad RoleArn: %v", err)
	}
	_, err = cc.ListResourceRequests(ctx, &cloudcontrol.ListResourceRequestsInput{ResourceRequestStatusFilter: &cctypes.ResourceRequestStatusFilter{
		Operations: []cctypes.Operation{"RENAME"}}})
	if apiCode(err) != "ValidationException" || !strings.Contains(err.Error(), "enum value set: [CREATE, DELETE, UPDATE]") {
		t.Fatalf("unknown Operations filter: %v", err)
	}
	// A lone surrogate escaped inside DesiredState would decode to U+FFFD.
	_, err = cc.CreateResource(ctx, &cloudcontrol.CreateResourceInput{TypeName: aws.String("AWS::Connect::TaskTemplate"),
		DesiredState: aws.String(`{"InstanceArn":"` + instance + `","Name":"bad \udc80","ContactFlowArn":"` + flow + `","Fields":[{"Id":{"Name":"Title"},"Type":"NAME"}]}`)})
	if apiCode(err) != "ValidationException" {
		t.Fatalf("lone surrogate in DesiredState: %v", err)
	}
	// Raw bytes that are not UTF-8 in the body.
	body := `{"TypeName":"AWS::Connect::TaskTemplate","DesiredState":"{\"InstanceArn\":\"` + instance + `\",\"Name\":\"bad ` + "\xff" +
		`\",\"ContactFlowArn\":\"` + flow + `\",\"Fields\":[{\"Id\":{\"Name\":\"Title\"},\"Type\":\"NAME\"}]}"}`
	req, _ := http.NewRequest("POST", srv.URL+"/", strings.NewReader(body))
	req.Header.Set("X-Amz-Target", "CloudApiService.CreateResource")
	req.Header.Set("Content-Type", "application/x-amz-json-1.0")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 400 || !strings.Contains(string(b), "SerializationException") {
		t.Fatalf("invalid UTF-8: %d %s", resp.StatusCode, b)
	}
	list, err := srv.Client.ListTaskTemplates(ctx, &connect.ListTaskTemplatesInput{InstanceId: aws.String(rn.InstanceID)})
	if err != nil || len(list.TaskTemplates) != 0 {
		t.Fatalf("templates after refusals: %v %d", err, len(list.TaskTemplates))
	}
}
