package templatefile_test

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"

	"github.com/connectlocal/connectlocal/internal/connecttest"
	"github.com/connectlocal/connectlocal/memory"
	"github.com/connectlocal/connectlocal/templatefile"
)

const moduleContent = `{"Version":"2019-10-30","StartAction":"end","Actions":[{"Identifier":"end","Type":"EndFlowModuleExecution","Parameters":{},"Transitions":{}}]}`

// fourTypes is a stack of an instance and one resource of each of the four types, each naming the instance
// through !GetAtt Inst.Arn (the storage config through a literal ARN), with extra lines appended.
func fourTypes(extra string) string {
	return `Resources:
  Inst:
    Type: AWS::Connect::Instance
    Properties:
      IdentityManagementType: CONNECT_MANAGED
      InstanceAlias: four
      Attributes: {InboundCalls: true, OutboundCalls: true}
  Lunch:
    Type: AWS::Connect::AgentStatus
    Properties:
      InstanceArn: !GetAtt Inst.Arn
      Name: Lunch
      State: ENABLED
      DisplayOrder: 3
  Greeting:
    Type: AWS::Connect::ContactFlowModule
    Properties:
      InstanceArn: !GetAtt Inst.Arn
      Name: Greeting
      Content: '` + moduleContent + `'
  Recordings:
    Type: AWS::Connect::InstanceStorageConfig
    Properties:
      InstanceArn: ` + instanceARN + `
      ResourceType: CALL_RECORDINGS
      StorageType: S3
      S3Config: {BucketName: recordings, BucketPrefix: calls}
  Lookup:
    Type: AWS::Connect::IntegrationAssociation
    Properties:
      InstanceId: !GetAtt [Inst, Arn]
      IntegrationType: LAMBDA_FUNCTION
      IntegrationArn: !GetAtt LookupFunction.Arn
  Bot:
    Type: AWS::Connect::IntegrationAssociation
    Properties:
      InstanceId: !GetAtt Inst.Arn
      IntegrationType: LEX_BOT
      IntegrationArn: arn:aws:lex:us-east-1:123456789012:bot-alias/BOTID12345/TSTALIASID
  LookupFunction:
    Type: AWS::Lambda::Function
    Properties: {}
` + extra
}

// TestCheck_fourTypes: `connectlocal validate` on a file of AgentStatus, ContactFlowModule,
// InstanceStorageConfig and IntegrationAssociation resources: a good file has no finding; each bad property is
// found at its place, with the schema's words (ValidationException), the handler's (InvalidRequest, the
// module's InvalidContactFlowModuleException) or CloudFormation's for a reference to nothing.
func TestCheck_fourTypes(t *testing.T) {
	cases := []struct {
		name, from, to string
		want           []string // path: message prefix (code)
	}{
		{"good", "", "", nil},
		{"unknown property", "      DisplayOrder: 3\n", "      DisplayOrder: 3\n      Colour: red\n",
			[]string{"Resources.Lunch.Properties.Colour: #: extraneous key [Colour] is not permitted (ValidationException)"}},
		{"display order out of range", "DisplayOrder: 3", "DisplayOrder: 51",
			[]string{"Resources.Lunch.Properties.DisplayOrder: #/DisplayOrder: 51 is not less or equal to 50 (ValidationException)"}},
		{"missing required", "      State: ENABLED\n", "",
			[]string{"Resources.Lunch.Properties: #: required key [State] not found (ValidationException)"}},
		{"routable status", "      State: ENABLED\n", "      State: ENABLED\n      Type: ROUTABLE\n",
			[]string{"Resources.Lunch.Properties.Type: Type ROUTABLE cannot be created (InvalidRequest)"}},
		{"module content", `"StartAction":"end"`, `"StartAction":"nowhere"`,
			[]string{"Resources.Greeting.Properties.Content: " /* the flow problems */}},
		{"storage type for the resource type", "StorageType: S3\n", "StorageType: KINESIS_STREAM\n",
			[]string{"Resources.Recordings.Properties.StorageType: StorageType KINESIS_STREAM is not supported for resource type CALL_RECORDINGS (InvalidRequest)"}},
		{"storage block", "S3Config: {BucketName: recordings, BucketPrefix: calls}", "S3Config: {BucketName: recordings}",
			[]string{"Resources.Recordings.Properties.S3Config: #/S3Config: required key [BucketPrefix] not found (ValidationException)"}},
		{"integration type not served", "IntegrationType: LAMBDA_FUNCTION", "IntegrationType: APPLICATION",
			[]string{"Resources.Lookup.Properties.IntegrationType: IntegrationType APPLICATION is not served by connectlocal (InvalidRequest)"}},
		{"not a bot", "bot-alias/BOTID12345/TSTALIASID", "bucket",
			[]string{"Resources.Bot.Properties.IntegrationArn: IntegrationArn 'arn:aws:lex:us-east-1:123456789012:bucket' is no Lex bot ARN (InvalidRequest)"}},
		{"reference to nothing", "InstanceId: !GetAtt Inst.Arn", "InstanceId: !GetAtt Nowhere.Arn",
			[]string{"Resources.Bot.Properties.InstanceId: Template format error: Unresolved resource dependencies [Nowhere] (ValidationError)"}},
		{"reference to another type", "InstanceId: !GetAtt Inst.Arn", "InstanceId: !GetAtt LookupFunction.Arn",
			[]string{"Resources.Bot.Properties.InstanceId: Resource 'LookupFunction' is of type AWS::Lambda::Function, not AWS::Connect::Instance (NotFound)"}},
		{"instance id, not arn", "InstanceId: !GetAtt Inst.Arn", "InstanceId: !GetAtt Inst.Id",
			[]string{"Resources.Bot.Properties.InstanceId: InstanceId takes the instance's ARN: use !GetAtt Inst.Arn, not Id (NotFound)"}},
		{"literal instance not an ARN", "InstanceArn: " + instanceARN, "InstanceArn: my-instance",
			[]string{"Resources.Recordings.Properties.InstanceArn: #/InstanceArn: string [my-instance] does not match pattern"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			text := fourTypes("")
			if tc.from != "" {
				if !strings.Contains(text, tc.from) {
					t.Fatalf("%q is not in the stack", tc.from)
				}
				text = strings.Replace(text, tc.from, tc.to, 1)
			}
			found, err := templatefile.Check("t.yaml", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range found {
				if f.Severity == "error" {
					got = append(got, f.Path+": "+f.Message+" ("+f.Code+")")
				}
			}
			if len(got) != len(tc.want) {
				t.Fatalf("found %q, want %q", got, tc.want)
			}
			for i, w := range tc.want {
				prefix, code, _ := strings.Cut(w, " (")
				if !strings.HasPrefix(got[i], prefix) || code != "" && !strings.HasSuffix(got[i], "("+code) {
					t.Fatalf("found %q, want %q", got, tc.want)
				}
			}
			if tc.name == "module content" && !strings.Contains(got[0], "StartAction must name an action in Actions (InvalidContactFlowModuleException)") {
				t.Fatalf("found %q", got)
			}
		})
	}
}

// TestCheck_fourTypesAgreeWithServer: what validate says of an IntegrationAssociation and an AgentStatus is
// the StatusMessage Cloud Control's request fails with for the same properties.
func TestCheck_fourTypesAgreeWithServer(t *testing.T) {
	srv := connecttest.Start(t, memory.New())
	cc := srv.CloudControl()
	ctx := context.Background()
	inst, err := srv.Client.CreateInstance(ctx, &connect.CreateInstanceInput{IdentityManagementType: types.DirectoryTypeConnectManaged,
		InstanceAlias: aws.String("agrees4"), InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(true)})
	if err != nil {
		t.Fatal(err)
	}
	for typ, props := range map[string]map[string]any{
		"AWS::Connect::IntegrationAssociation": {"InstanceId": *inst.Arn, "IntegrationType": "CASES_DOMAIN", "IntegrationArn": "arn:aws:cases:us-east-1:123456789012:domain/d"},
		"AWS::Connect::AgentStatus":            {"InstanceArn": *inst.Arn, "Name": "x", "State": "ENABLED", "Type": "OFFLINE"},
		"AWS::Connect::InstanceStorageConfig": {"InstanceArn": *inst.Arn, "ResourceType": "AGENT_EVENTS", "StorageType": "S3",
			"S3Config": map[string]any{"BucketName": "b", "BucketPrefix": "p"}},
	} {
		found, err := templatefile.Check("t.json", []byte(mustJSON(t, map[string]any{"Resources": map[string]any{"R": map[string]any{"Type": typ, "Properties": props}}})))
		if err != nil {
			t.Fatal(err)
		}
		out, err := cc.CreateResource(ctx, &cloudcontrol.CreateResourceInput{TypeName: aws.String(typ), DesiredState: aws.String(mustJSON(t, props))})
		if err != nil {
			t.Fatal(err)
		}
		st, err := cc.GetResourceRequestStatus(ctx, &cloudcontrol.GetResourceRequestStatusInput{RequestToken: out.ProgressEvent.RequestToken})
		if err != nil {
			t.Fatal(err)
		}
		if len(found) != 1 || found[0].Message != aws.ToString(st.ProgressEvent.StatusMessage) || found[0].Code != string(st.ProgressEvent.ErrorCode) {
			t.Fatalf("%s: validate found %v; Cloud Control ended %s %s %q", typ, found, st.ProgressEvent.OperationStatus,
				st.ProgressEvent.ErrorCode, aws.ToString(st.ProgressEvent.StatusMessage))
		}
	}
}
