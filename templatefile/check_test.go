package templatefile_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"

	"github.com/connectlocal/connectlocal/internal/connecttest"
	"github.com/connectlocal/connectlocal/memory"
	"github.com/connectlocal/connectlocal/templatefile"
)

const (
	instanceARN = "arn:aws:connect:us-east-1:123456789012:instance/abc"
	flowARN     = instanceARN + "/contact-flow/f"
)

// stack is a CloudFormation template with one AWS::Connect::TaskTemplate whose properties are a valid
// template's with extra YAML lines (indented as properties) appended.
func stack(extra string) string {
	return `Resources:
  T:
    Type: AWS::Connect::TaskTemplate
    Properties:
      InstanceArn: ` + instanceARN + `
      Name: Refund
      ContactFlowArn: ` + flowARN + `
` + extra
}

func fieldsLine(s string) string { return "      Fields:\n" + s }

const nameField = "        - Id: {Name: Title}\n          Type: NAME\n"

// TestCheck_schema (issue 19, item 9): a CloudFormation template the TaskTemplate registry schema refuses is
// refused at the property, with the schema's words and Cloud Control's error type, and nothing else is said
// about it (Cloud Control stops there).
func TestCheck_schema(t *testing.T) {
	cases := []struct {
		name, extra string
		want        []string // path: message
	}{
		{"extra key", fieldsLine(nameField) + "      Colour: red\n",
			[]string{"Resources.T.Properties.Colour: #: extraneous key [Colour] is not permitted"}},
		{"extra key in a field", fieldsLine(nameField + "          Hint: x\n"),
			[]string{"Resources.T.Properties.Fields[0].Hint: #/Fields/0: extraneous key [Hint] is not permitted"}},
		{"ClientToken not a UUID", fieldsLine(nameField) + "      ClientToken: abc\n",
			[]string{"Resources.T.Properties.ClientToken: #/ClientToken: string [abc] does not match pattern"}},
		{"aws: tag key", fieldsLine(nameField) + "      Tags:\n        - {Key: 'aws:team', Value: x}\n",
			[]string{"Resources.T.Properties.Tags[0].Key: #/Tags/0/Key: string [aws:team] does not match pattern"}},
		{"duplicate tag keys", fieldsLine(nameField) + "      Tags:\n        - {Key: team, Value: a}\n        - {Key: team, Value: b}\n",
			[]string{"Resources.T.Properties.Tags: #/Tags: duplicate tag key [team]"}},
		{"empty DefaultValue", fieldsLine(nameField) + "      Defaults:\n        - Id: {Name: Title}\n          DefaultValue: ''\n",
			[]string{"Resources.T.Properties.Defaults[0].DefaultValue: #/Defaults/0/DefaultValue: expected minLength: 1, actual: 0"}},
		{"field without Id", fieldsLine("        - Type: NAME\n"),
			[]string{"Resources.T.Properties.Fields[0]: #/Fields/0: required key [Id] not found"}},
		{"intrinsics are not judged", fieldsLine("        - Id: !Ref FieldId\n          Type: NAME\n") + "      ClientToken: !Ref Token\n", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			found, err := templatefile.Check("t.yaml", []byte(stack(tc.extra)))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range found {
				if f.Severity != "error" {
					continue
				}
				if f.Code != "ValidationException" {
					t.Errorf("code %s: %v", f.Code, f)
				}
				got = append(got, f.Path+": "+f.Message)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("found %q, want %q", got, tc.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tc.want[i]) {
					t.Fatalf("found %q, want %q", got, tc.want)
				}
			}
		})
	}
}

// TestCheck_badInstanceArn: a literal InstanceArn that is no instance ARN is named as such, with the form it
// needs, not as a Connect InstanceId problem.
func TestCheck_badInstanceArn(t *testing.T) {
	found, err := templatefile.Check("t.yaml", []byte(strings.Replace(stack(fieldsLine(nameField)), "InstanceArn: "+instanceARN, "InstanceArn: my-instance", 1)))
	if err != nil {
		t.Fatal(err)
	}
	if len(found) != 1 || found[0].Path != "Resources.T.Properties.InstanceArn" ||
		!strings.Contains(found[0].Message, "#/InstanceArn: string [my-instance] does not match pattern") ||
		!strings.Contains(found[0].Message, "arn:aws:connect:<region>:<account>:instance/<instance id>") {
		t.Fatalf("found %v", found)
	}
}

// TestCheck_agreesWithServer: what validate says of a CloudFormation resource is what Cloud Control answers
// for the same properties (one problem a line of its ValidationException), and what it says of a CLI input is
// the error the Connect API answers, with no code the server does not give.
func TestCheck_agreesWithServer(t *testing.T) {
	srv := connecttest.Start(t, memory.New())
	cc := srv.CloudControl()
	ctx := context.Background()
	inst, err := srv.Client.CreateInstance(ctx, &connect.CreateInstanceInput{IdentityManagementType: types.DirectoryTypeConnectManaged,
		InstanceAlias: aws.String("agrees"), InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(true)})
	if err != nil {
		t.Fatal(err)
	}
	props := map[string]any{"InstanceArn": *inst.Arn, "Name": "Refund", "ContactFlowArn": *inst.Arn + "/contact-flow/f",
		"Fields": []any{map[string]any{"Type": "NAME", "Hint": "x"}}, "ClientToken": "abc", "Bogus": 1,
		"Tags":     []any{map[string]any{"Key": "aws:a", "Value": "x"}, map[string]any{"Key": "b", "Value": "x"}, map[string]any{"Key": "b", "Value": "y"}},
		"Defaults": []any{map[string]any{"Id": map[string]any{"Name": "Title"}, "DefaultValue": ""}}}
	text := mustJSON(t, map[string]any{"Resources": map[string]any{"T": map[string]any{"Type": "AWS::Connect::TaskTemplate", "Properties": props}}})
	found, err := templatefile.Check("t.json", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	var said []string
	for _, f := range found {
		said = append(said, f.Message)
	}
	_, err = cc.CreateResource(ctx, &cloudcontrol.CreateResourceInput{TypeName: aws.String("AWS::Connect::TaskTemplate"),
		DesiredState: aws.String(mustJSON(t, props))})
	var ae smithy.APIError
	if !errors.As(err, &ae) || ae.ErrorCode() != "ValidationException" {
		t.Fatalf("Cloud Control: %v", err)
	}
	lines := strings.Split(strings.TrimSuffix(strings.TrimPrefix(ae.ErrorMessage(), "Model validation failed ("), ")"), "\n")
	slices.Sort(lines)
	slices.Sort(said)
	if !slices.Equal(lines, said) {
		t.Fatalf("validate says\n%s\nCloud Control says\n%s", strings.Join(said, "\n"), strings.Join(lines, "\n"))
	}

	// A CLI input with a field without Id: the Connect API answers one InvalidParameterException.
	cli := fmt.Sprintf(`{"InstanceId":%q,"Name":"x","ContactFlowId":"f","Fields":[{"Type":"NAME"}]}`, *inst.Id)
	found, err = templatefile.Check("t.json", []byte(cli))
	if err != nil {
		t.Fatal(err)
	}
	_, err = srv.Client.CreateTaskTemplate(ctx, &connect.CreateTaskTemplateInput{InstanceId: inst.Id, Name: aws.String("x"),
		ContactFlowId: aws.String("f"), Fields: []types.TaskTemplateField{{Type: types.TaskTemplateFieldTypeName}}},
		func(o *connect.Options) { // the SDK would refuse the missing Id itself; the server's answer is the point
			o.APIOptions = append(o.APIOptions, func(s *middleware.Stack) error {
				_, err := s.Initialize.Remove("OperationInputValidation")
				return err
			})
		})
	var ip *types.InvalidParameterException
	if !errors.As(err, &ip) {
		t.Fatalf("CreateTaskTemplate: %v", err)
	}
	if len(found) != 1 || found[0].Code != "InvalidParameterException" || found[0].Path != "Fields[0].Id" {
		t.Fatalf("validate found %v; the server answers only %v", found, err)
	}
}

func mustJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
