package templatefile_test

import (
	"context"
	"slices"
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

// peopleStack is a stack with an instance, a two-level structure, a group EMEA, a security profile Leads and
// the resources in extra (YAML at resource indentation).
func peopleStack(extra string) string {
	return `Resources:
  Instance:
    Type: AWS::Connect::Instance
    Properties:
      IdentityManagementType: CONNECT_MANAGED
      InstanceAlias: people
      Attributes: {InboundCalls: true, OutboundCalls: true}
  Structure:
    Type: AWS::Connect::UserHierarchyStructure
    Properties:
      InstanceArn: !GetAtt Instance.Arn
      UserHierarchyStructure: {LevelOne: {Name: Region}, LevelTwo: {Name: Site}}
  Emea:
    Type: AWS::Connect::UserHierarchyGroup
    DependsOn: Structure
    Properties: {InstanceArn: !GetAtt Instance.Arn, Name: EMEA}
  Leads:
    Type: AWS::Connect::SecurityProfile
    Properties: {InstanceArn: !GetAtt Instance.Arn, SecurityProfileName: Leads}
` + extra
}

// user is a User resource U with the given extra property lines (indented as properties).
func user(props string) string {
	return `  U:
    Type: AWS::Connect::User
    Properties:
      InstanceArn: !GetAtt Instance.Arn
      Username: jane
      Password: Secret123!
` + props
}

// TestCheck_people: the people types are checked against their schemas, and their references to other
// resources of the file are followed (type, attribute, instance, a group's level against the structure).
func TestCheck_people(t *testing.T) {
	const rp = "      RoutingProfileArn: " + instanceARN + "/routing-profile/r\n"
	cases := []struct {
		name, extra string
		want        []string // path (code)
	}{
		{"clean", user(rp + "      SecurityProfileArns: [!Ref Leads]\n      HierarchyGroupArn: !GetAtt Emea.UserHierarchyGroupArn\n"), nil},
		{"parameters and computed values are not judged", user("      RoutingProfileArn: !Ref P\n      SecurityProfileArns: !Split [',', !Ref P]\n") + "Parameters: {P: {Type: String}}\n", nil},
		{"missing required", user(rp), []string{"Resources.U.Properties (ValidationException)"}},
		{"unknown property", user(rp + "      SecurityProfileArns: [!Ref Leads]\n      Colour: red\n"), []string{"Resources.U.Properties.Colour (ValidationException)"}},
		{"reference to nothing", user(rp + "      SecurityProfileArns: [!Ref Nobody]\n"), []string{"Resources.U.Properties.SecurityProfileArns[0] (ResourceNotFoundException)"}},
		{"reference of another type", user(rp + "      SecurityProfileArns: [!Ref Emea]\n"), []string{"Resources.U.Properties.SecurityProfileArns[0] (ResourceNotFoundException)"}},
		{"another attribute", user(rp + "      SecurityProfileArns: [!GetAtt Leads.LastModifiedTime]\n"), []string{"Resources.U.Properties.SecurityProfileArns[0] (ResourceNotFoundException)"}},
		{"group of another instance", `  Other:
    Type: AWS::Connect::Instance
    Properties: {IdentityManagementType: CONNECT_MANAGED, InstanceAlias: o, Attributes: {InboundCalls: true, OutboundCalls: true}}
  G:
    Type: AWS::Connect::UserHierarchyGroup
    Properties: {InstanceArn: !GetAtt Other.Arn, Name: G}
` + user(rp+"      SecurityProfileArns: [!Ref Leads]\n      HierarchyGroupArn: !Ref G\n"), []string{"Resources.U.Properties.HierarchyGroupArn (ResourceNotFoundException)"}},
		{"level beyond the structure", `  Site:
    Type: AWS::Connect::UserHierarchyGroup
    Properties: {InstanceArn: !GetAtt Instance.Arn, Name: Site, ParentGroupArn: !Ref Emea}
  Team:
    Type: AWS::Connect::UserHierarchyGroup
    Properties: {InstanceArn: !GetAtt Instance.Arn, Name: Team, ParentGroupArn: !GetAtt Site.UserHierarchyGroupArn}
`, []string{"Resources.Team.Properties.ParentGroupArn (InvalidRequestException)"}},
		{"a group's parent of another type", `  G:
    Type: AWS::Connect::UserHierarchyGroup
    DependsOn: [Leads, Structure]
    Properties: {InstanceArn: !GetAtt Instance.Arn, Name: G, ParentGroupArn: !Ref Leads}
`, []string{"Resources.G.Properties.ParentGroupArn (ResourceNotFoundException)"}},
		{"a group that may come before the structure", `  G:
    Type: AWS::Connect::UserHierarchyGroup
    Properties: {InstanceArn: !GetAtt Instance.Arn, Name: G}
`, []string{"Resources.G.Properties (GROUP_BEFORE_STRUCTURE)"}},
		{"a group after the structure through its parent's reference", `  G:
    Type: AWS::Connect::UserHierarchyGroup
    Properties: {InstanceArn: !GetAtt Instance.Arn, Name: G, ParentGroupArn: !Sub "${Emea}"}
`, nil},
		{"no password on an instance that manages its users", `  V:
    Type: AWS::Connect::User
    Properties:
      InstanceArn: !GetAtt Instance.Arn
      Username: vic
      RoutingProfileArn: ` + instanceARN + `/routing-profile/r
      SecurityProfileArns: [!Ref Leads]
`, []string{"Resources.V.Properties (InvalidRequestException)"}},
		{"a password and an email under SAML", `  Saml:
    Type: AWS::Connect::Instance
    Properties: {IdentityManagementType: SAML, InstanceAlias: s, Attributes: {InboundCalls: true, OutboundCalls: true}}
  V:
    Type: AWS::Connect::User
    Properties:
      InstanceArn: !GetAtt Saml.Arn
      Username: vic
      Password: Secret123!
      RoutingProfileArn: ` + instanceARN + `/routing-profile/r
      SecurityProfileArns: [` + instanceARN + `/security-profile/s]
`, []string{"Resources.V.Properties.Password (InvalidRequestException)"}},
		{"a bad profile name", `  P:
    Type: AWS::Connect::SecurityProfile
    Properties: {InstanceArn: !GetAtt Instance.Arn, SecurityProfileName: "a/b", Permissions: [BasicAgentAccess]}
`, []string{"Resources.P.Properties.SecurityProfileName (ValidationException)"}},
		{"a structure level without a name", `  S2:
    Type: AWS::Connect::UserHierarchyStructure
    Properties: {InstanceArn: ` + instanceARN + `, UserHierarchyStructure: {LevelOne: {}}}
`, []string{"Resources.S2.Properties.UserHierarchyStructure.LevelOne (ValidationException)"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			found, err := templatefile.Check("t.yaml", []byte(peopleStack(tc.extra)))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range found {
				got = append(got, f.Path+" ("+f.Code+")")
			}
			if !slices.Equal(got, tc.want) {
				t.Fatalf("got %q\nwant %q\n%v", got, tc.want, found)
			}
		})
	}
}

// TestCheck_peopleAgreesWithCloudControl: what validate says of a user's properties against the schema is
// what Cloud Control answers CreateResource with.
func TestCheck_peopleAgreesWithCloudControl(t *testing.T) {
	srv := connecttest.Start(t, memory.New())
	cc := srv.CloudControl()
	for _, props := range []string{
		`{"InstanceArn":"` + instanceARN + `","Username":"jane","RoutingProfileArn":"` + instanceARN + `/routing-profile/r"}`,
		`{"InstanceArn":"` + instanceARN + `","Username":"jane","RoutingProfileArn":"` + instanceARN + `/queue/q","SecurityProfileArns":["x"],"Colour":1}`,
	} {
		file := `{"Resources":{"U":{"Type":"AWS::Connect::User","Properties":` + props + `}}}`
		found, err := templatefile.Check("t.json", []byte(file))
		if err != nil || len(found) == 0 {
			t.Fatalf("Check: %v %v", err, found)
		}
		_, err = cc.CreateResource(context.Background(), &cloudcontrol.CreateResourceInput{TypeName: aws.String("AWS::Connect::User"), DesiredState: aws.String(props)})
		if err == nil {
			t.Fatalf("Cloud Control took %s", props)
		}
		for _, f := range found {
			if f.Code != "ValidationException" || !strings.Contains(err.Error(), f.Message) {
				t.Errorf("validate says %s: %s; Cloud Control says %v", f.Code, f.Message, err)
			}
		}
	}
}

// TestCheck_identityAgreesWithServer: a user without a password on a CONNECT_MANAGED instance of the file is
// refused by validate in the words CreateUser, through Cloud Control, refuses it with.
func TestCheck_identityAgreesWithServer(t *testing.T) {
	found, err := templatefile.Check("t.yaml", []byte(peopleStack(`  V:
    Type: AWS::Connect::User
    Properties:
      InstanceArn: !GetAtt Instance.Arn
      Username: vic
      RoutingProfileArn: `+instanceARN+`/routing-profile/r
      SecurityProfileArns: [!Ref Leads]
`)))
	if err != nil || len(found) != 1 {
		t.Fatalf("Check: %v %v", err, found)
	}
	srv := connecttest.Start(t, memory.New())
	cc := srv.CloudControl()
	ctx := context.Background()
	inst, err := srv.Client.CreateInstance(ctx, &connect.CreateInstanceInput{IdentityManagementType: types.DirectoryTypeConnectManaged,
		InstanceAlias: aws.String("identity"), InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(true)})
	if err != nil {
		t.Fatal(err)
	}
	rps, err := srv.Client.ListRoutingProfiles(ctx, &connect.ListRoutingProfilesInput{InstanceId: inst.Id})
	if err != nil || len(rps.RoutingProfileSummaryList) == 0 {
		t.Fatal(err)
	}
	sps, err := srv.Client.ListSecurityProfiles(ctx, &connect.ListSecurityProfilesInput{InstanceId: inst.Id})
	if err != nil || len(sps.SecurityProfileSummaryList) == 0 {
		t.Fatal(err)
	}
	out, err := cc.CreateResource(ctx, &cloudcontrol.CreateResourceInput{TypeName: aws.String("AWS::Connect::User"), DesiredState: aws.String(
		`{"InstanceArn":"` + aws.ToString(inst.Arn) + `","Username":"vic","RoutingProfileArn":"` + aws.ToString(rps.RoutingProfileSummaryList[0].Arn) +
			`","SecurityProfileArns":["` + aws.ToString(sps.SecurityProfileSummaryList[0].Arn) + `"]}`)})
	if err != nil {
		t.Fatal(err)
	}
	st, err := cc.GetResourceRequestStatus(ctx, &cloudcontrol.GetResourceRequestStatusInput{RequestToken: out.ProgressEvent.RequestToken})
	if err != nil || aws.ToString(st.ProgressEvent.StatusMessage) != found[0].Message {
		t.Fatalf("Cloud Control says %v %q; validate says %q", err, aws.ToString(st.ProgressEvent.StatusMessage), found[0].Message)
	}
}
