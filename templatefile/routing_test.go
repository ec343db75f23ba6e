package templatefile_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/aws/smithy-go"

	"github.com/connectlocal/connectlocal/internal/connecttest"
	"github.com/connectlocal/connectlocal/memory"
	"github.com/connectlocal/connectlocal/templatefile"
)

// rtStack holds every routing type, each referring to the others as a stack does.
const rtStack = `Resources:
  Inst:
    Type: AWS::Connect::Instance
    Properties:
      IdentityManagementType: CONNECT_MANAGED
      InstanceAlias: routing
      Attributes: {InboundCalls: true, OutboundCalls: true}
  Transfer:
    Type: AWS::Connect::ContactFlow
    Properties:
      InstanceArn: !GetAtt Inst.Arn
      Name: To queue
      Type: QUEUE_TRANSFER
      Content: '{}'
  Whisper:
    Type: AWS::Connect::ContactFlow
    Properties:
      InstanceArn: !GetAtt Inst.Arn
      Name: Whisper
      Type: OUTBOUND_WHISPER
      Content: '{}'
  Hours:
    Type: AWS::Connect::HoursOfOperation
    Properties:
      InstanceArn: !GetAtt Inst.Arn
      Name: Office
      TimeZone: Europe/Paris
      Config:
        - Day: MONDAY
          StartTime: {Hours: 9, Minutes: 0}
          EndTime: {Hours: 17, Minutes: 30}
  Phone:
    Type: AWS::Connect::QuickConnect
    Properties:
      InstanceArn: !GetAtt Inst.Arn
      Name: Desk
      QuickConnectConfig:
        QuickConnectType: PHONE_NUMBER
        PhoneConfig: {PhoneNumber: '+15550100'}
  Sales:
    Type: AWS::Connect::Queue
    Properties:
      InstanceArn: !GetAtt Inst.Arn
      Name: Sales
      HoursOfOperationArn: !GetAtt Hours.HoursOfOperationArn
      MaxContacts: 10
      QuickConnectArns: [!Ref Phone]
      OutboundCallerConfig: {OutboundFlowArn: !Ref Whisper}
  ToSales:
    Type: AWS::Connect::QuickConnect
    Properties:
      InstanceArn: !GetAtt Inst.Arn
      Name: To sales
      QuickConnectConfig:
        QuickConnectType: QUEUE
        QueueConfig: {QueueArn: !GetAtt Sales.QueueArn, ContactFlowArn: !Ref Transfer}
  Agents:
    Type: AWS::Connect::RoutingProfile
    Properties:
      InstanceArn: !GetAtt Inst.Arn
      Name: Agents
      Description: all agents
      DefaultOutboundQueueArn: !GetAtt Sales.QueueArn
      MediaConcurrencies:
        - {Channel: VOICE, Concurrency: 1}
        - {Channel: CHAT, Concurrency: 2}
      QueueConfigs:
        - {Delay: 0, Priority: 1, QueueReference: {Channel: VOICE, QueueArn: !Ref Sales}}
        - {Delay: 0, Priority: 2, QueueReference: {Channel: CHAT, QueueArn: !Ref Sales}}
`

func rtErrorsOf(t *testing.T, text string) []string {
	t.Helper()
	found, err := templatefile.Check("stack.yaml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range found {
		if f.Severity == "error" {
			out = append(out, f.Path+": "+f.Message+" ("+f.Code+")")
		}
	}
	return out
}

// TestCheck_routing: a stack of the routing types that refer to each other passes; each broken reference,
// schema problem or unserved property is found at its property.
func TestCheck_routing(t *testing.T) {
	if got := rtErrorsOf(t, rtStack); len(got) != 0 {
		t.Fatalf("a good stack: %v", got)
	}
	cases := []struct{ name, from, to, want string }{
		{"hours not defined", "HoursOfOperationArn: !GetAtt Hours.HoursOfOperationArn", "HoursOfOperationArn: !GetAtt Nope.HoursOfOperationArn",
			"Resources.Sales.Properties.HoursOfOperationArn: Resource 'Nope' is not defined in this template (ResourceNotFoundException)"},
		{"hours of the wrong type", "HoursOfOperationArn: !GetAtt Hours.HoursOfOperationArn", "HoursOfOperationArn: !Ref Phone",
			"Resources.Sales.Properties.HoursOfOperationArn: Resource 'Phone' is of type AWS::Connect::QuickConnect, not AWS::Connect::HoursOfOperation (InvalidParameterException)"},
		{"attribute that is no ARN", "DefaultOutboundQueueArn: !GetAtt Sales.QueueArn", "DefaultOutboundQueueArn: !GetAtt Sales.Name",
			"Resources.Agents.Properties.DefaultOutboundQueueArn: !GetAtt Sales.Name is not the AWS::Connect::Queue's ARN; use !GetAtt Sales.QueueArn or !Ref Sales (ValidationError)"},
		{"queue config to a quick connect", "{Channel: CHAT, QueueArn: !Ref Sales}", "{Channel: CHAT, QueueArn: !Ref ToSales}",
			"Resources.Agents.Properties.QueueConfigs[1].QueueReference.QueueArn: Resource 'ToSales' is of type AWS::Connect::QuickConnect, not AWS::Connect::Queue (InvalidParameterException)"},
		{"repeated queue and channel", "{Channel: CHAT, QueueArn: !Ref Sales}", "{Channel: VOICE, QueueArn: !Ref Sales}",
			"Resources.Agents.Properties.QueueConfigs[1]: The queue is already in QueueConfigs on channel VOICE (InvalidParameterException)"},
		{"quick connect flow of the wrong type", "ContactFlowArn: !Ref Transfer}", "ContactFlowArn: !Ref Whisper}",
			"Resources.ToSales.Properties.QuickConnectConfig.QueueConfig.ContactFlowArn: Flow 'Whisper' is of type OUTBOUND_WHISPER; this property takes a flow of type QUEUE_TRANSFER (InvalidParameterException)"},
		{"outbound flow of the wrong type", "OutboundFlowArn: !Ref Whisper", "OutboundFlowArn: !Ref Transfer",
			"Resources.Sales.Properties.OutboundCallerConfig.OutboundFlowArn: Flow 'Transfer' is of type QUEUE_TRANSFER; this property takes a flow of type OUTBOUND_WHISPER (InvalidParameterException)"},
		{"hour out of range", "EndTime: {Hours: 17, Minutes: 30}", "EndTime: {Hours: 24, Minutes: 30}",
			"Resources.Hours.Properties.Config[0].EndTime.Hours: #/Config/0/EndTime/Hours: 24 is not less or equal to 23 (ValidationException)"},
		{"missing required", "      Description: all agents\n", "",
			"Resources.Agents.Properties: #: required key [Description] not found (ValidationException)"},
		{"unknown property", "      MaxContacts: 10\n", "      MaxContact: 10\n",
			"Resources.Sales.Properties.MaxContact: #: extraneous key [MaxContact] is not permitted (ValidationException)"},
		{"time zone", "TimeZone: Europe/Paris", "TimeZone: Mars/Olympus",
			"Resources.Hours.Properties.TimeZone: Invalid TimeZone 'Mars/Olympus' (InvalidParameterException)"},
		{"voice concurrency", "{Channel: VOICE, Concurrency: 1}", "{Channel: VOICE, Concurrency: 2}",
			"Resources.Agents.Properties.MediaConcurrencies: Concurrency for VOICE must be 1, not 2 (InvalidParameterException)"},
		{"a block of another type", "        PhoneConfig: {PhoneNumber: '+15550100'}\n", "        PhoneConfig: {PhoneNumber: '+15550100'}\n" +
			"        UserConfig: {UserArn: 'arn:aws:connect:us-east-1:123456789012:instance/i/agent/u', ContactFlowArn: 'arn:aws:connect:us-east-1:123456789012:instance/i/contact-flow/f'}\n",
			"Resources.Phone.Properties.QuickConnectConfig.UserConfig: QuickConnectConfig.UserConfig does not belong to a quick connect of type PHONE_NUMBER (InvalidParameterException)"},
		{"unserved property", "      TimeZone: Europe/Paris\n", "      TimeZone: Europe/Paris\n      ChildHoursOfOperations: [{Id: x}]\n",
			"Resources.Hours.Properties.ChildHoursOfOperations: connectlocal does not serve ChildHoursOfOperations, which AssociateHoursOfOperations needs; the resource would fail with InvalidRequest (InvalidRequest)"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(rtStack, tc.from) {
				t.Fatalf("the stack lacks %q", tc.from)
			}
			got := rtErrorsOf(t, strings.Replace(rtStack, tc.from, tc.to, 1))
			if len(got) != 1 || got[0] != tc.want {
				t.Fatalf("got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestCheck_routingInstances: references across instances, by literal ARNs or by resources.
func TestCheck_routingInstances(t *testing.T) {
	text := `Resources:
  Hours:
    Type: AWS::Connect::HoursOfOperation
    Properties:
      InstanceArn: arn:aws:connect:us-east-1:123456789012:instance/a
      Name: Office
      TimeZone: UTC
      Config: []
  Q1:
    Type: AWS::Connect::Queue
    Properties:
      InstanceArn: arn:aws:connect:us-east-1:123456789012:instance/b
      Name: Q1
      HoursOfOperationArn: !Ref Hours
  Q2:
    Type: AWS::Connect::Queue
    Properties:
      InstanceArn: arn:aws:connect:us-east-1:123456789012:instance/b
      Name: Q2
      HoursOfOperationArn: arn:aws:connect:us-east-1:123456789012:instance/a/operating-hours/h
`
	want := []string{
		"Resources.Q1.Properties.HoursOfOperationArn: Resource 'Hours' belongs to another instance than this resource (ResourceNotFoundException)",
		"Resources.Q2.Properties.HoursOfOperationArn: arn:aws:connect:us-east-1:123456789012:instance/a/operating-hours/h names a resource of instance a, not of this resource's instance b (ResourceNotFoundException)",
	}
	if got := rtErrorsOf(t, text); !slices.Equal(got, want) {
		t.Fatalf("got %q\nwant %q", got, want)
	}
}

// TestCheck_routingAgreesWithServer: for properties the schema refuses, validate says what Cloud Control says.
func TestCheck_routingAgreesWithServer(t *testing.T) {
	srv := connecttest.Start(t, memory.New())
	cc := srv.CloudControl()
	ctx := context.Background()
	inst, err := srv.Client.CreateInstance(ctx, &connect.CreateInstanceInput{IdentityManagementType: types.DirectoryTypeConnectManaged,
		InstanceAlias: aws.String("routing-agrees"), InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(true)})
	if err != nil {
		t.Fatal(err)
	}
	for typ, props := range map[string]map[string]any{
		"AWS::Connect::RoutingProfile": {"InstanceArn": *inst.Arn, "Name": "", "Bogus": 1, "AgentAvailabilityTimer": "SOMETIMES",
			"MediaConcurrencies": []any{map[string]any{"Channel": "FAX", "Concurrency": 11}}, "QueueConfigs": []any{},
			"DefaultOutboundQueueArn": *inst.Arn + "/agent/x"},
		"AWS::Connect::HoursOfOperation": {"InstanceArn": *inst.Arn, "Name": "Office", "TimeZone": "UTC",
			"Config": []any{map[string]any{"Day": "FUNDAY", "StartTime": map[string]any{"Hours": -1, "Minutes": 60}}}},
		"AWS::Connect::QuickConnect": {"InstanceArn": *inst.Arn, "Name": "QC", "QuickConnectConfig": map[string]any{"QuickConnectType": "QUEUE",
			"QueueConfig": map[string]any{"QueueArn": "q"}, "PhoneConfig": map[string]any{"PhoneNumber": "555"}}},
		"AWS::Connect::Queue": {"InstanceArn": *inst.Arn, "Name": "Q", "MaxContacts": -1, "Status": "OFF", "QuickConnectArns": []any{}},
	} {
		t.Run(typ, func(t *testing.T) {
			text := mustJSON(t, map[string]any{"Resources": map[string]any{"R": map[string]any{"Type": typ, "Properties": props}}})
			found, err := templatefile.Check("t.json", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			var said []string
			for _, f := range found {
				said = append(said, f.Message)
			}
			_, err = cc.CreateResource(ctx, &cloudcontrol.CreateResourceInput{TypeName: aws.String(typ), DesiredState: aws.String(mustJSON(t, props))})
			var ae smithy.APIError
			if !errors.As(err, &ae) || ae.ErrorCode() != "ValidationException" {
				t.Fatalf("Cloud Control: %v", err)
			}
			lines := strings.Split(strings.TrimSuffix(strings.TrimPrefix(ae.ErrorMessage(), "Model validation failed ("), ")"), "\n")
			slices.Sort(lines)
			slices.Sort(said)
			if !slices.Equal(lines, said) || len(lines) < 2 {
				t.Fatalf("validate says\n%s\nCloud Control says\n%s", strings.Join(said, "\n"), strings.Join(lines, "\n"))
			}
		})
	}
}

// TestCheck_routingStackDeploys: the stack validate passes is one Cloud Control creates, resource by resource
// in dependency order with each reference replaced by the identifier it names.
func TestCheck_routingStackDeploys(t *testing.T) {
	srv := connecttest.Start(t, memory.New())
	cc := srv.CloudControl()
	ctx := context.Background()
	ref := func(x string) map[string]any { return map[string]any{"Ref": x} }
	att := func(x, a string) map[string]any { return map[string]any{"Fn::GetAtt": []any{x, a}} }
	inst := att("Inst", "Arn")
	order := []struct {
		name, typ string
		props     map[string]any
	}{
		{"Inst", "AWS::Connect::Instance", map[string]any{"IdentityManagementType": "CONNECT_MANAGED", "InstanceAlias": "routing-deploys",
			"Attributes": map[string]any{"InboundCalls": true, "OutboundCalls": true}}},
		{"Transfer", "AWS::Connect::ContactFlow", map[string]any{"InstanceArn": inst, "Name": "To queue", "Type": "QUEUE_TRANSFER",
			"Content": `{"Version":"2019-10-30","StartAction":"end","Actions":[{"Identifier":"end","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}]}`}},
		{"Hours", "AWS::Connect::HoursOfOperation", map[string]any{"InstanceArn": inst, "Name": "Office", "TimeZone": "Europe/Paris",
			"Config": []any{map[string]any{"Day": "MONDAY", "StartTime": map[string]any{"Hours": 9, "Minutes": 0}, "EndTime": map[string]any{"Hours": 17, "Minutes": 30}}}}},
		{"Phone", "AWS::Connect::QuickConnect", map[string]any{"InstanceArn": inst, "Name": "Desk",
			"QuickConnectConfig": map[string]any{"QuickConnectType": "PHONE_NUMBER", "PhoneConfig": map[string]any{"PhoneNumber": "+15550100"}}}},
		{"Sales", "AWS::Connect::Queue", map[string]any{"InstanceArn": inst, "Name": "Sales", "HoursOfOperationArn": att("Hours", "HoursOfOperationArn"),
			"MaxContacts": 10, "QuickConnectArns": []any{ref("Phone")}}},
		{"ToSales", "AWS::Connect::QuickConnect", map[string]any{"InstanceArn": inst, "Name": "To sales", "QuickConnectConfig": map[string]any{
			"QuickConnectType": "QUEUE", "QueueConfig": map[string]any{"QueueArn": att("Sales", "QueueArn"), "ContactFlowArn": ref("Transfer")}}}},
		{"Agents", "AWS::Connect::RoutingProfile", map[string]any{"InstanceArn": inst, "Name": "Agents", "Description": "all agents",
			"DefaultOutboundQueueArn": att("Sales", "QueueArn"),
			"MediaConcurrencies":      []any{map[string]any{"Channel": "VOICE", "Concurrency": 1}, map[string]any{"Channel": "CHAT", "Concurrency": 2}},
			"QueueConfigs": []any{map[string]any{"Delay": 0, "Priority": 1, "QueueReference": map[string]any{"Channel": "VOICE", "QueueArn": ref("Sales")}},
				map[string]any{"Delay": 0, "Priority": 2, "QueueReference": map[string]any{"Channel": "CHAT", "QueueArn": ref("Sales")}}}}},
	}
	resources := map[string]any{}
	for _, r := range order {
		resources[r.name] = map[string]any{"Type": r.typ, "Properties": r.props}
	}
	if got := rtErrorsOf(t, mustJSON(t, map[string]any{"Resources": resources})); len(got) != 0 {
		t.Fatalf("validate: %v", got)
	}
	made := map[string]string{}
	var resolve func(v any) any
	resolve = func(v any) any {
		switch v := v.(type) {
		case map[string]any:
			if x, ok := v["Ref"].(string); ok {
				return made[x]
			}
			if a, ok := v["Fn::GetAtt"].([]any); ok {
				return made[a[0].(string)] // each attribute used is the resource's ARN, its identifier
			}
			out := map[string]any{}
			for k, e := range v {
				out[k] = resolve(e)
			}
			return out
		case []any:
			out := make([]any, len(v))
			for i, e := range v {
				out[i] = resolve(e)
			}
			return out
		}
		return v
	}
	w := cloudcontrol.NewResourceRequestSuccessWaiter(cc)
	for _, r := range order {
		out, err := cc.CreateResource(ctx, &cloudcontrol.CreateResourceInput{TypeName: aws.String(r.typ), DesiredState: aws.String(mustJSON(t, resolve(r.props)))})
		if err != nil {
			t.Fatalf("%s: %v", r.name, err)
		}
		done, err := w.WaitForOutput(ctx, &cloudcontrol.GetResourceRequestStatusInput{RequestToken: out.ProgressEvent.RequestToken}, time.Minute)
		if err != nil {
			st, _ := cc.GetResourceRequestStatus(ctx, &cloudcontrol.GetResourceRequestStatusInput{RequestToken: out.ProgressEvent.RequestToken})
			t.Fatalf("%s: %v %+v", r.name, err, st.ProgressEvent)
		}
		made[r.name] = aws.ToString(done.ProgressEvent.Identifier)
	}
}

// TestCheck_routingRulesAgreeWithServer: a rule validate applies beyond the schema fails the Cloud Control
// request with the same words.
func TestCheck_routingRulesAgreeWithServer(t *testing.T) {
	srv := connecttest.Start(t, memory.New())
	cc := srv.CloudControl()
	ctx := context.Background()
	inst, err := srv.Client.CreateInstance(ctx, &connect.CreateInstanceInput{IdentityManagementType: types.DirectoryTypeConnectManaged,
		InstanceAlias: aws.String("routing-rules"), InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(true)})
	if err != nil {
		t.Fatal(err)
	}
	queues, err := srv.Client.ListQueues(ctx, &connect.ListQueuesInput{InstanceId: inst.Id, QueueTypes: []types.QueueType{types.QueueTypeStandard}})
	if err != nil || len(queues.QueueSummaryList) == 0 {
		t.Fatal(err)
	}
	cases := map[string]map[string]any{
		"AWS::Connect::HoursOfOperation": {"InstanceArn": *inst.Arn, "Name": "Office", "TimeZone": "Mars/Olympus", "Config": []any{}},
		"AWS::Connect::RoutingProfile": {"InstanceArn": *inst.Arn, "Name": "RP", "Description": "d", "DefaultOutboundQueueArn": *queues.QueueSummaryList[0].Arn,
			"MediaConcurrencies": []any{map[string]any{"Channel": "VOICE", "Concurrency": 2}}},
		"AWS::Connect::QuickConnect": {"InstanceArn": *inst.Arn, "Name": "QC", "QuickConnectConfig": map[string]any{"QuickConnectType": "PHONE_NUMBER",
			"PhoneConfig": map[string]any{"PhoneNumber": "+15550100"}, "QueueConfig": map[string]any{"QueueArn": *queues.QueueSummaryList[0].Arn,
				"ContactFlowArn": *inst.Arn + "/contact-flow/f"}}},
	}
	for typ, props := range cases {
		t.Run(typ, func(t *testing.T) {
			found, err := templatefile.Check("t.json", []byte(mustJSON(t, map[string]any{"Resources": map[string]any{"R": map[string]any{"Type": typ, "Properties": props}}})))
			if err != nil || len(found) != 1 {
				t.Fatalf("validate: %v %v", found, err)
			}
			out, err := cc.CreateResource(ctx, &cloudcontrol.CreateResourceInput{TypeName: aws.String(typ), DesiredState: aws.String(mustJSON(t, props))})
			if err != nil {
				t.Fatal(err)
			}
			st, err := cc.GetResourceRequestStatus(ctx, &cloudcontrol.GetResourceRequestStatusInput{RequestToken: out.ProgressEvent.RequestToken})
			if err != nil {
				t.Fatal(err)
			}
			if ev := st.ProgressEvent; ev.OperationStatus != "FAILED" || ev.ErrorCode != "InvalidRequest" || aws.ToString(ev.StatusMessage) != found[0].Message {
				t.Fatalf("Cloud Control %s %s %q; validate %q", ev.OperationStatus, ev.ErrorCode, aws.ToString(ev.StatusMessage), found[0].Message)
			}
		})
	}
}
