package cloudcontrol_test

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol"
	cctypes "github.com/aws/aws-sdk-go-v2/service/cloudcontrol/types"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/internal/connecttest"
	"github.com/connectlocal/connectlocal/memory"
)

const (
	ccSecurityProfile = "AWS::Connect::SecurityProfile"
	ccUser            = "AWS::Connect::User"
	ccGroup           = "AWS::Connect::UserHierarchyGroup"
	ccStructure       = "AWS::Connect::UserHierarchyStructure"
)

// peopleInstance makes an instance through Cloud Control and returns its ARN and id.
func peopleInstance(t *testing.T, cc *cloudcontrol.Client, alias string) (string, string) {
	t.Helper()
	ev := create(t, cc, "AWS::Connect::Instance", map[string]any{"IdentityManagementType": "CONNECT_MANAGED",
		"InstanceAlias": alias, "Attributes": map[string]any{"InboundCalls": true, "OutboundCalls": true}})
	rn, _ := connectlocal.ParseARN(*ev.Identifier)
	return *ev.Identifier, rn.InstanceID
}

// connectNamed finds an object of the instance by name with a Connect List call: the default ones.
func basicRoutingProfile(t *testing.T, c *connect.Client, instance string) string {
	t.Helper()
	out, err := c.ListRoutingProfiles(context.Background(), &connect.ListRoutingProfilesInput{InstanceId: aws.String(instance)})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range out.RoutingProfileSummaryList {
		if aws.ToString(p.Name) == "Basic Routing Profile" {
			return aws.ToString(p.Arn)
		}
	}
	t.Fatal("no Basic Routing Profile")
	return ""
}

func securityProfileNamed(t *testing.T, c *connect.Client, instance, name string) string {
	t.Helper()
	out, err := c.ListSecurityProfiles(context.Background(), &connect.ListSecurityProfilesInput{InstanceId: aws.String(instance)})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range out.SecurityProfileSummaryList {
		if aws.ToString(p.Name) == name {
			return aws.ToString(p.Arn)
		}
	}
	t.Fatalf("no security profile %q", name)
	return ""
}

// otherRoutingProfile makes a second routing profile with the Connect API, on BasicQueue.
func otherRoutingProfile(t *testing.T, c *connect.Client, instance string) string {
	t.Helper()
	ctx := context.Background()
	qs, err := c.ListQueues(ctx, &connect.ListQueuesInput{InstanceId: aws.String(instance), QueueTypes: []types.QueueType{types.QueueTypeStandard}})
	if err != nil || len(qs.QueueSummaryList) == 0 {
		t.Fatalf("ListQueues: %v %+v", err, qs)
	}
	out, err := c.CreateRoutingProfile(ctx, &connect.CreateRoutingProfileInput{InstanceId: aws.String(instance), Name: aws.String("Night"),
		Description: aws.String("night shift"), DefaultOutboundQueueId: qs.QueueSummaryList[0].Id,
		MediaConcurrencies: []types.MediaConcurrency{{Channel: types.ChannelVoice, Concurrency: aws.Int32(1)}}})
	if err != nil {
		t.Fatal(err)
	}
	return aws.ToString(out.RoutingProfileArn)
}

// failed sends a mutation and checks that its request ended FAILED with code and a message holding message.
func wantFailed(t *testing.T, cc *cloudcontrol.Client, ev *cctypes.ProgressEvent, err error, code cctypes.HandlerErrorCode, message string) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	st := status(t, cc, ev.RequestToken)
	if st.OperationStatus != cctypes.OperationStatusFailed || st.ErrorCode != code || !strings.Contains(aws.ToString(st.StatusMessage), message) {
		t.Fatalf("recorded %s %s %q, want FAILED %s with %q", st.OperationStatus, st.ErrorCode, aws.ToString(st.StatusMessage), code, message)
	}
}

func patchOf(t *testing.T, cc *cloudcontrol.Client, typeName, id string, patch any) (*cctypes.ProgressEvent, error) {
	out, err := cc.UpdateResource(context.Background(), &cloudcontrol.UpdateResourceInput{TypeName: aws.String(typeName),
		Identifier: aws.String(id), PatchDocument: js(t, patch)})
	if err != nil {
		return nil, err
	}
	return out.ProgressEvent, nil
}

func createOf(t *testing.T, cc *cloudcontrol.Client, typeName string, desired any) (*cctypes.ProgressEvent, error) {
	out, err := cc.CreateResource(context.Background(), &cloudcontrol.CreateResourceInput{TypeName: aws.String(typeName), DesiredState: js(t, desired)})
	if err != nil {
		return nil, err
	}
	return out.ProgressEvent, nil
}

func deleteOf(t *testing.T, cc *cloudcontrol.Client, typeName, id string) (*cctypes.ProgressEvent, error) {
	out, err := cc.DeleteResource(context.Background(), &cloudcontrol.DeleteResourceInput{TypeName: aws.String(typeName), Identifier: aws.String(id)})
	if err != nil {
		return nil, err
	}
	return out.ProgressEvent, nil
}

func listIDs(t *testing.T, cc *cloudcontrol.Client, typeName, instance string) []string {
	t.Helper()
	out, err := cc.ListResources(context.Background(), &cloudcontrol.ListResourcesInput{TypeName: aws.String(typeName),
		ResourceModel: js(t, map[string]any{"InstanceArn": instance})})
	if err != nil {
		t.Fatalf("ListResources %s: %v", typeName, err)
	}
	var ids []string
	for _, d := range out.ResourceDescriptions {
		var m map[string]any
		if err := json.Unmarshal([]byte(aws.ToString(d.Properties)), &m); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, aws.ToString(d.Identifier))
	}
	sort.Strings(ids)
	return ids
}

func asJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// TestUserHierarchy_lifecycle: the structure and its groups through Cloud Control, seen by the Connect API.
func TestUserHierarchy_lifecycle(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		ctx := context.Background()
		cc := srv.CloudControl()
		instance, instID := peopleInstance(t, cc, "cc-hierarchy")

		ev := create(t, cc, ccStructure, map[string]any{"InstanceArn": instance, "UserHierarchyStructure": map[string]any{
			"LevelOne": map[string]any{"Name": "Region"}, "LevelTwo": map[string]any{"Name": "Site"}}})
		structure := *ev.Identifier
		if structure != instance+"/user-hierarchy-structure" {
			t.Fatalf("structure identifier %s", structure)
		}
		got := props(t, cc, ccStructure, structure)
		levels := got["UserHierarchyStructure"].(map[string]any)
		one := levels["LevelOne"].(map[string]any)
		if got["InstanceArn"] != instance || got["UserHierarchyStructureArn"] != structure || one["Name"] != "Region" ||
			!strings.HasPrefix(one["HierarchyLevelArn"].(string), instance+"/agent-group-level/") || one["HierarchyLevelId"] == "" ||
			levels["LevelTwo"].(map[string]any)["Name"] != "Site" || levels["LevelThree"] != nil {
			t.Fatalf("GetResource structure %v", got)
		}
		update(t, cc, ccStructure, structure, []any{
			map[string]any{"op": "replace", "path": "/UserHierarchyStructure/LevelTwo/Name", "value": "Building"},
			map[string]any{"op": "add", "path": "/UserHierarchyStructure/LevelThree", "value": map[string]any{"Name": "Team"}},
		})
		hs, err := srv.Client.DescribeUserHierarchyStructure(ctx, &connect.DescribeUserHierarchyStructureInput{InstanceId: aws.String(instID)})
		if err != nil || aws.ToString(hs.HierarchyStructure.LevelTwo.Name) != "Building" || aws.ToString(hs.HierarchyStructure.LevelThree.Name) != "Team" ||
			aws.ToString(hs.HierarchyStructure.LevelOne.Id) != one["HierarchyLevelId"] {
			t.Fatalf("Connect sees %v %+v", err, hs)
		}
		// InstanceArn is create-only (the schema).
		if _, err := patchOf(t, cc, ccStructure, structure, []any{map[string]any{"op": "replace", "path": "/InstanceArn", "value": instance + "x"}}); apiCode(err) != "NotUpdatableException" {
			t.Fatalf("patching InstanceArn: %v, want NotUpdatableException", err)
		}
		// No list handler: one structure per instance.
		_, err = cc.ListResources(ctx, &cloudcontrol.ListResourcesInput{TypeName: aws.String(ccStructure), ResourceModel: js(t, map[string]any{"InstanceArn": instance})})
		var ua *cctypes.UnsupportedActionException
		if !errors.As(err, &ua) {
			t.Fatalf("ListResources of structures: %v, want UnsupportedActionException", err)
		}

		parent := *create(t, cc, ccGroup, map[string]any{"InstanceArn": instance, "Name": "EMEA",
			"Tags": []any{map[string]any{"Key": "team", "Value": "ops"}}}).Identifier
		child := *create(t, cc, ccGroup, map[string]any{"InstanceArn": instance, "Name": "Dublin", "ParentGroupArn": parent}).Identifier
		got = props(t, cc, ccGroup, child)
		if got["UserHierarchyGroupArn"] != child || got["InstanceArn"] != instance || got["Name"] != "Dublin" || got["ParentGroupArn"] != parent || got["Tags"] != nil {
			t.Fatalf("GetResource child group %v", got)
		}
		if got := props(t, cc, ccGroup, parent); got["ParentGroupArn"] != nil || asJSON(got["Tags"]) != `[{"Key":"team","Value":"ops"}]` {
			t.Fatalf("GetResource parent group %v", got)
		}
		update(t, cc, ccGroup, child, []any{
			map[string]any{"op": "replace", "path": "/Name", "value": "Cork"},
			map[string]any{"op": "add", "path": "/Tags", "value": []any{map[string]any{"Key": "site", "Value": "south"}}},
		})
		rn, _ := connectlocal.ParseARN(child)
		g, err := srv.Client.DescribeUserHierarchyGroup(ctx, &connect.DescribeUserHierarchyGroupInput{InstanceId: aws.String(instID), HierarchyGroupId: aws.String(rn.ID)})
		if err != nil || aws.ToString(g.HierarchyGroup.Name) != "Cork" || g.HierarchyGroup.Tags["site"] != "south" || aws.ToString(g.HierarchyGroup.LevelId) != "2" {
			t.Fatalf("Connect sees %v %+v", err, g)
		}
		// ParentGroupArn is create-only (the provider's schema).
		if _, err := patchOf(t, cc, ccGroup, child, []any{map[string]any{"op": "remove", "path": "/ParentGroupArn"}}); apiCode(err) != "NotUpdatableException" {
			t.Fatalf("patching ParentGroupArn: %v, want NotUpdatableException", err)
		}
		if ids := listIDs(t, cc, ccGroup, instance); !slices.Equal(ids, sorted(parent, child)) {
			t.Fatalf("ListResources groups %v", ids)
		}
		// The same name twice, or a parent that does not exist, is the service's refusal.
		ev, err = createOf(t, cc, ccGroup, map[string]any{"InstanceArn": instance, "Name": "EMEA"})
		wantFailed(t, cc, ev, err, cctypes.HandlerErrorCodeAlreadyExists, "")
		ev, err = createOf(t, cc, ccGroup, map[string]any{"InstanceArn": instance, "Name": "Orphan",
			"ParentGroupArn": instance + "/agent-group/00000000-0000-0000-0000-000000000000"})
		wantFailed(t, cc, ev, err, cctypes.HandlerErrorCodeNotFound, "")

		// A level that holds groups cannot go, nor can the structure while groups are left.
		ev, err = deleteOf(t, cc, ccStructure, structure)
		wantFailed(t, cc, ev, err, cctypes.HandlerErrorCodeInvalidRequest, "")
		ev, err = deleteOf(t, cc, ccGroup, parent) // a child group is under it
		wantFailed(t, cc, ev, err, cctypes.HandlerErrorCodeInvalidRequest, "")

		remove(t, cc, ccGroup, child)
		remove(t, cc, ccGroup, parent)
		out, err := cc.DeleteResource(ctx, &cloudcontrol.DeleteResourceInput{TypeName: aws.String(ccStructure), Identifier: aws.String(structure)})
		if err != nil {
			t.Fatal(err)
		}
		wait(t, cc, out.ProgressEvent.RequestToken)
		// Decided: an instance always has a structure to read; deleting it empties it.
		if got := props(t, cc, ccStructure, structure); got["UserHierarchyStructure"] != nil {
			t.Fatalf("structure after delete %v", got)
		}
		hs, err = srv.Client.DescribeUserHierarchyStructure(ctx, &connect.DescribeUserHierarchyStructureInput{InstanceId: aws.String(instID)})
		if err != nil || hs.HierarchyStructure.LevelOne != nil {
			t.Fatalf("Connect sees %v %+v", err, hs)
		}
		// An identifier that names no structure.
		for _, id := range []string{instance, instance + "/user-hierarchy-structure/x", strings.Replace(structure, instID, "00000000-0000-0000-0000-000000000000", 1)} {
			_, err := cc.GetResource(ctx, &cloudcontrol.GetResourceInput{TypeName: aws.String(ccStructure), Identifier: aws.String(id)})
			var nf *cctypes.ResourceNotFoundException
			if !errors.As(err, &nf) {
				t.Fatalf("GetResource %s: %v, want ResourceNotFoundException", id, err)
			}
		}
	})
}

func sorted(s ...string) []string {
	sort.Strings(s)
	return s
}

// TestSecurityProfile_lifecycle: create, read (permissions come from ListSecurityProfilePermissions), every
// updatable property patched, list, delete; the name is create-only.
func TestSecurityProfile_lifecycle(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		ctx := context.Background()
		cc := srv.CloudControl()
		instance, instID := peopleInstance(t, cc, "cc-profiles")
		ev := create(t, cc, ccSecurityProfile, map[string]any{"InstanceArn": instance, "SecurityProfileName": "Supervisors",
			"Description": "floor leads", "Permissions": []any{"OutboundCallAccess", "BasicAgentAccess"},
			"AllowedAccessControlTags": []any{map[string]any{"Key": "dept", "Value": "sales"}},
			"TagRestrictedResources":   []any{"User"},
			"Tags":                     []any{map[string]any{"Key": "env", "Value": "dev"}}})
		arn := *ev.Identifier
		got := props(t, cc, ccSecurityProfile, arn)
		if got["SecurityProfileArn"] != arn || got["InstanceArn"] != instance || got["SecurityProfileName"] != "Supervisors" ||
			got["Description"] != "floor leads" || asJSON(got["Permissions"]) != `["BasicAgentAccess","OutboundCallAccess"]` ||
			asJSON(got["AllowedAccessControlTags"]) != `[{"Key":"dept","Value":"sales"}]` || asJSON(got["TagRestrictedResources"]) != `["User"]` ||
			asJSON(got["Tags"]) != `[{"Key":"env","Value":"dev"}]` || got["LastModifiedRegion"] != "us-east-1" {
			t.Fatalf("GetResource %v", got)
		}
		if _, ok := got["LastModifiedTime"].(float64); !ok {
			t.Fatalf("LastModifiedTime %T %v, want a number", got["LastModifiedTime"], got["LastModifiedTime"])
		}
		update(t, cc, ccSecurityProfile, arn, []any{
			map[string]any{"op": "replace", "path": "/Description", "value": "leads"},
			map[string]any{"op": "replace", "path": "/Permissions", "value": []any{"BasicAgentAccess"}},
			map[string]any{"op": "remove", "path": "/AllowedAccessControlTags"},
			map[string]any{"op": "remove", "path": "/TagRestrictedResources"},
			map[string]any{"op": "replace", "path": "/Tags", "value": []any{map[string]any{"Key": "env", "Value": "prod"}}},
		})
		rn, _ := connectlocal.ParseARN(arn)
		d, err := srv.Client.DescribeSecurityProfile(ctx, &connect.DescribeSecurityProfileInput{InstanceId: aws.String(instID), SecurityProfileId: aws.String(rn.ID)})
		if err != nil || aws.ToString(d.SecurityProfile.Description) != "leads" || len(d.SecurityProfile.AllowedAccessControlTags) != 0 ||
			len(d.SecurityProfile.TagRestrictedResources) != 0 || d.SecurityProfile.Tags["env"] != "prod" {
			t.Fatalf("Connect sees %v %+v", err, d)
		}
		perms, err := srv.Client.ListSecurityProfilePermissions(ctx, &connect.ListSecurityProfilePermissionsInput{InstanceId: aws.String(instID), SecurityProfileId: aws.String(rn.ID)})
		if err != nil || !slices.Equal(perms.Permissions, []string{"BasicAgentAccess"}) {
			t.Fatalf("permissions %v %+v", err, perms)
		}
		update(t, cc, ccSecurityProfile, arn, []any{map[string]any{"op": "remove", "path": "/Description"}, map[string]any{"op": "remove", "path": "/Permissions"}})
		if got := props(t, cc, ccSecurityProfile, arn); got["Description"] != nil || asJSON(got["Permissions"]) != `[]` {
			t.Fatalf("after removing Description and Permissions %v", got)
		}
		// The name and the instance are create-only (the schema).
		if _, err := patchOf(t, cc, ccSecurityProfile, arn, []any{map[string]any{"op": "replace", "path": "/SecurityProfileName", "value": "Other"}}); apiCode(err) != "NotUpdatableException" {
			t.Fatalf("patching SecurityProfileName: %v, want NotUpdatableException", err)
		}
		// A name the schema refuses stops at the schema; a name already used is the service's refusal.
		if _, err := createOf(t, cc, ccSecurityProfile, map[string]any{"InstanceArn": instance, "SecurityProfileName": "bad/name"}); apiCode(err) != "ValidationException" ||
			!strings.Contains(err.Error(), "#/SecurityProfileName: string [bad/name] does not match pattern") {
			t.Fatalf("bad name: %v", err)
		}
		ev, err = createOf(t, cc, ccSecurityProfile, map[string]any{"InstanceArn": instance, "SecurityProfileName": "Supervisors"})
		wantFailed(t, cc, ev, err, cctypes.HandlerErrorCodeAlreadyExists, "")

		ids := listIDs(t, cc, ccSecurityProfile, instance)
		if len(ids) != 5 || !slices.Contains(ids, arn) { // Admin, Agent, CallCenterManager, QualityAnalyst and this one
			t.Fatalf("ListResources %v", ids)
		}
		remove(t, cc, ccSecurityProfile, arn)
	})
}

// TestUser_lifecycle: a user whose references are resources of the same instance (the default routing
// profile, a security profile and a hierarchy group made through Cloud Control); each updatable property
// patched through the Connect operation the provider's update handler uses; what the handler cannot change
// refused as it refuses it.
func TestUser_lifecycle(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		ctx := context.Background()
		cc := srv.CloudControl()
		instance, instID := peopleInstance(t, cc, "cc-users")
		basic := basicRoutingProfile(t, srv.Client, instID)
		night := otherRoutingProfile(t, srv.Client, instID)
		agent := securityProfileNamed(t, srv.Client, instID, "Agent")
		create(t, cc, ccStructure, map[string]any{"InstanceArn": instance, "UserHierarchyStructure": map[string]any{
			"LevelOne": map[string]any{"Name": "Region"}, "LevelTwo": map[string]any{"Name": "Site"}}})
		emea := *create(t, cc, ccGroup, map[string]any{"InstanceArn": instance, "Name": "EMEA"}).Identifier
		dublin := *create(t, cc, ccGroup, map[string]any{"InstanceArn": instance, "Name": "Dublin", "ParentGroupArn": emea}).Identifier
		leads := *create(t, cc, ccSecurityProfile, map[string]any{"InstanceArn": instance, "SecurityProfileName": "Leads"}).Identifier

		ev := create(t, cc, ccUser, map[string]any{"InstanceArn": instance, "Username": "jane.doe@example.com", "Password": "Secret123!",
			"RoutingProfileArn": basic, "SecurityProfileArns": []any{leads}, "HierarchyGroupArn": dublin,
			"IdentityInfo": map[string]any{"FirstName": "Jane", "LastName": "Doe", "Email": "jane@example.com"},
			"PhoneConfig":  map[string]any{"PhoneType": "SOFT_PHONE", "AutoAccept": false, "AfterContactWorkTimeLimit": 30},
			"Tags":         []any{map[string]any{"Key": "team", "Value": "a"}}})
		arn := *ev.Identifier
		got := props(t, cc, ccUser, arn)
		if got["UserArn"] != arn || got["InstanceArn"] != instance || got["Username"] != "jane.doe@example.com" || got["Password"] != nil ||
			got["RoutingProfileArn"] != basic || asJSON(got["SecurityProfileArns"]) != asJSON([]string{leads}) || got["HierarchyGroupArn"] != dublin ||
			asJSON(got["IdentityInfo"]) != `{"Email":"jane@example.com","FirstName":"Jane","LastName":"Doe"}` ||
			asJSON(got["PhoneConfig"]) != `{"AfterContactWorkTimeLimit":30,"AutoAccept":false,"PhoneType":"SOFT_PHONE"}` ||
			asJSON(got["Tags"]) != `[{"Key":"team","Value":"a"}]` {
			t.Fatalf("GetResource %v", got)
		}
		rn, _ := connectlocal.ParseARN(arn)
		describe := func() *types.User {
			t.Helper()
			d, err := srv.Client.DescribeUser(ctx, &connect.DescribeUserInput{InstanceId: aws.String(instID), UserId: aws.String(rn.ID)})
			if err != nil {
				t.Fatal(err)
			}
			return d.User
		}
		if u := describe(); aws.ToString(u.Username) != "jane.doe@example.com" || u.Tags["team"] != "a" {
			t.Fatalf("Connect sees %+v", u)
		}

		both := sorted(agent, leads)
		update(t, cc, ccUser, arn, []any{
			map[string]any{"op": "replace", "path": "/IdentityInfo/FirstName", "value": "Janet"},
			map[string]any{"op": "replace", "path": "/PhoneConfig/AutoAccept", "value": true},
			map[string]any{"op": "replace", "path": "/PhoneConfig/AfterContactWorkTimeLimit", "value": 60},
			map[string]any{"op": "replace", "path": "/RoutingProfileArn", "value": night},
			map[string]any{"op": "replace", "path": "/HierarchyGroupArn", "value": emea},
			map[string]any{"op": "replace", "path": "/SecurityProfileArns", "value": []any{both[0], both[1]}},
			map[string]any{"op": "replace", "path": "/Tags", "value": []any{map[string]any{"Key": "team", "Value": "b"}}},
		})
		u := describe()
		if aws.ToString(u.IdentityInfo.FirstName) != "Janet" || aws.ToString(u.IdentityInfo.LastName) != "Doe" || !u.PhoneConfig.AutoAccept ||
			u.PhoneConfig.AfterContactWorkTimeLimit != 60 || !strings.HasSuffix(night, aws.ToString(u.RoutingProfileId)) ||
			!strings.HasSuffix(emea, aws.ToString(u.HierarchyGroupId)) || len(u.SecurityProfileIds) != 2 || u.Tags["team"] != "b" {
			t.Fatalf("after patch, Connect sees %+v", u)
		}
		if got := props(t, cc, ccUser, arn); asJSON(got["SecurityProfileArns"]) != asJSON(both) || got["RoutingProfileArn"] != night {
			t.Fatalf("after patch %v", got)
		}
		// Removing the group takes the user out of it (UpdateUserHierarchy without a group).
		update(t, cc, ccUser, arn, []any{map[string]any{"op": "remove", "path": "/HierarchyGroupArn"}, map[string]any{"op": "remove", "path": "/Tags"}})
		if u := describe(); u.HierarchyGroupId != nil || len(u.Tags) != 0 {
			t.Fatalf("after removing the group, Connect sees %+v", u)
		}
		before := props(t, cc, ccUser, arn)

		// What the provider's update handler refuses, and references to nothing: FAILED, nothing changed.
		nowhere := instance + "/routing-profile/00000000-0000-0000-0000-000000000000"
		for _, tc := range []struct {
			name  string
			patch []any
			code  cctypes.HandlerErrorCode
			msg   string
		}{
			{"username", []any{map[string]any{"op": "replace", "path": "/Username", "value": "other"}}, cctypes.HandlerErrorCodeInvalidRequest, "Username cannot be updated."},
			{"password", []any{map[string]any{"op": "add", "path": "/Password", "value": "Another123!"}}, cctypes.HandlerErrorCodeInvalidRequest, "Password cannot be updated."},
			{"per-channel list", []any{map[string]any{"op": "add", "path": "/AutoAcceptConfigs", "value": []any{map[string]any{"Channel": "CHAT", "AutoAccept": true}}}},
				cctypes.HandlerErrorCodeInvalidRequest, "AutoAcceptConfigs"},
			{"routing profile that does not exist", []any{map[string]any{"op": "replace", "path": "/RoutingProfileArn", "value": nowhere}}, cctypes.HandlerErrorCodeNotFound, ""},
		} {
			t.Run(tc.name, func(t *testing.T) {
				ev, err := patchOf(t, cc, ccUser, arn, tc.patch)
				wantFailed(t, cc, ev, err, tc.code, tc.msg)
			})
		}
		// Refused before any request: an unknown property, an empty list of security profiles (minItems is not
		// checked here; the service refuses it), a create-time required property missing.
		if _, err := patchOf(t, cc, ccUser, arn, []any{map[string]any{"op": "add", "path": "/Colour", "value": "red"}}); apiCode(err) != "ValidationException" ||
			!strings.Contains(err.Error(), "#: extraneous key [Colour] is not permitted") {
			t.Fatalf("unknown property: %v", err)
		}
		if _, err := createOf(t, cc, ccUser, map[string]any{"InstanceArn": instance, "Username": "nobody", "RoutingProfileArn": basic}); apiCode(err) != "ValidationException" ||
			!strings.Contains(err.Error(), "#: required key [SecurityProfileArns] not found") {
			t.Fatalf("missing SecurityProfileArns: %v", err)
		}
		if _, err := createOf(t, cc, ccUser, map[string]any{"InstanceArn": instance, "Username": "nobody", "RoutingProfileArn": basic,
			"SecurityProfileArns": []any{"Agent"}}); apiCode(err) != "ValidationException" || !strings.Contains(err.Error(), "#/SecurityProfileArns/0: string [Agent] does not match pattern") {
			t.Fatalf("a name for an ARN: %v", err)
		}
		ev, err := createOf(t, cc, ccUser, map[string]any{"InstanceArn": instance, "Username": "nobody", "Password": "Secret123!",
			"RoutingProfileArn": basic, "SecurityProfileArns": []any{instance + "/security-profile/00000000-0000-0000-0000-000000000000"}})
		wantFailed(t, cc, ev, err, cctypes.HandlerErrorCodeNotFound, "")
		ev, err = createOf(t, cc, ccUser, map[string]any{"InstanceArn": instance, "Username": "jane.doe@example.com", "Password": "Secret123!",
			"RoutingProfileArn": basic, "SecurityProfileArns": []any{agent}})
		wantFailed(t, cc, ev, err, cctypes.HandlerErrorCodeAlreadyExists, "")
		ev, err = createOf(t, cc, ccUser, map[string]any{"InstanceArn": instance, "Username": "skilled", "Password": "Secret123!",
			"RoutingProfileArn": basic, "SecurityProfileArns": []any{agent},
			"UserProficiencies": []any{map[string]any{"AttributeName": "lang", "AttributeValue": "fr", "Level": 3}}})
		wantFailed(t, cc, ev, err, cctypes.HandlerErrorCodeInvalidRequest, "UserProficiencies")
		if after := props(t, cc, ccUser, arn); asJSON(after) != asJSON(before) {
			t.Fatalf("the user changed:\nbefore %v\nafter  %v", before, after)
		}

		if ids := listIDs(t, cc, ccUser, instance); !slices.Equal(ids, []string{arn}) {
			t.Fatalf("ListResources users %v", ids)
		}
		// A security profile a user has cannot be deleted (ResourceInUseException: the provider's InvalidRequest).
		ev, err = deleteOf(t, cc, ccSecurityProfile, leads)
		wantFailed(t, cc, ev, err, cctypes.HandlerErrorCodeInvalidRequest, "")
		remove(t, cc, ccUser, arn)
		remove(t, cc, ccSecurityProfile, leads)
		ev, err = deleteOf(t, cc, ccUser, arn) // already gone
		wantFailed(t, cc, ev, err, cctypes.HandlerErrorCodeNotFound, "")
	})
}

// TestPeople_listNeedsInstance: the list handlers of these types need the instance, as their Connect List
// calls do.
func TestPeople_listNeedsInstance(t *testing.T) {
	srv := connecttest.Start(t, memory.New())
	cc := srv.CloudControl()
	for _, typ := range []string{ccSecurityProfile, ccUser, ccGroup} {
		_, err := cc.ListResources(context.Background(), &cloudcontrol.ListResourcesInput{TypeName: aws.String(typ)})
		var ir *cctypes.InvalidRequestException
		if !errors.As(err, &ir) || !strings.Contains(ir.ErrorMessage(), "Required property: [InstanceArn]") {
			t.Fatalf("%s: %v, want InvalidRequestException", typ, err)
		}
	}
}

// TestPeople_outcomeIsTheStores: CreateSecurityProfile, CreateUser and CreateUserHierarchyGroup take no
// ClientToken; a create committed whose store then reports a failure is found by its unique name and recorded
// SUCCESS, once, as it is stored (issue 19, item 2); so is the structure's idempotent update.
func TestPeople_outcomeIsTheStores(t *testing.T) {
	ctx := context.Background()
	store := &lateFailure{Store: memory.New()}
	srv := connecttest.Start(t, store)
	cc := srv.CloudControl()
	instance, instID := peopleInstance(t, cc, "cc-late")
	basic := basicRoutingProfile(t, srv.Client, instID)
	armed := func(typeName string, desired any) string {
		t.Helper()
		store.arm()
		ev, err := createOf(t, cc, typeName, desired)
		if err != nil {
			t.Fatal(err)
		}
		st := status(t, cc, ev.RequestToken)
		if st.OperationStatus != cctypes.OperationStatusSuccess || aws.ToString(st.Identifier) == "" {
			t.Fatalf("%s: a committed create recorded as %s %s: %s", typeName, st.OperationStatus, st.ErrorCode, aws.ToString(st.StatusMessage))
		}
		return *st.Identifier
	}
	armed(ccStructure, map[string]any{"InstanceArn": instance, "UserHierarchyStructure": map[string]any{"LevelOne": map[string]any{"Name": "Region"}}})
	group := armed(ccGroup, map[string]any{"InstanceArn": instance, "Name": "EMEA"})
	profile := armed(ccSecurityProfile, map[string]any{"InstanceArn": instance, "SecurityProfileName": "Late"})
	user := armed(ccUser, map[string]any{"InstanceArn": instance, "Username": "late", "Password": "Secret123!",
		"RoutingProfileArn": basic, "SecurityProfileArns": []any{profile}, "HierarchyGroupArn": group})
	if ids := listIDs(t, cc, ccGroup, instance); !slices.Equal(ids, []string{group}) {
		t.Fatalf("groups %v", ids)
	}
	if ids := listIDs(t, cc, ccUser, instance); !slices.Equal(ids, []string{user}) {
		t.Fatalf("users %v", ids)
	}
	ps, err := srv.Client.ListSecurityProfiles(ctx, &connect.ListSecurityProfilesInput{InstanceId: aws.String(instID)})
	if err != nil || len(ps.SecurityProfileSummaryList) != 5 {
		t.Fatalf("security profiles %v %+v", err, ps)
	}
}

// TestPeople_seenThroughCloudControl: what the Connect API made (a user, the default Admin profile) is a
// Cloud Control resource; an instance's deletion takes its people with it; a structure for an instance that
// does not exist fails as NotFound.
func TestPeople_seenThroughCloudControl(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		ctx := context.Background()
		cc := srv.CloudControl()
		instance, instID := peopleInstance(t, cc, "cc-seen")
		admin := securityProfileNamed(t, srv.Client, instID, "Admin")
		basic := basicRoutingProfile(t, srv.Client, instID)
		rn, _ := connectlocal.ParseARN(basic)
		srn, _ := connectlocal.ParseARN(admin)
		u, err := srv.Client.CreateUser(ctx, &connect.CreateUserInput{InstanceId: aws.String(instID), Username: aws.String("made.by.connect"),
			Password: aws.String("Secret123!"), RoutingProfileId: aws.String(rn.ID), SecurityProfileIds: []string{srn.ID},
			PhoneConfig: &types.UserPhoneConfig{PhoneType: types.PhoneTypeSoftPhone}})
		if err != nil {
			t.Fatal(err)
		}
		got := props(t, cc, ccUser, aws.ToString(u.UserArn))
		if got["Username"] != "made.by.connect" || got["RoutingProfileArn"] != basic || asJSON(got["SecurityProfileArns"]) != asJSON([]string{admin}) ||
			got["IdentityInfo"] != nil || got["HierarchyGroupArn"] != nil {
			t.Fatalf("GetResource of a Connect user %v", got)
		}
		if got := props(t, cc, ccSecurityProfile, admin); got["SecurityProfileName"] != "Admin" || len(got["Permissions"].([]any)) == 0 {
			t.Fatalf("GetResource of Admin %v", got)
		}
		remove(t, cc, "AWS::Connect::Instance", instance)
		_, err = cc.GetResource(ctx, &cloudcontrol.GetResourceInput{TypeName: aws.String(ccUser), Identifier: u.UserArn})
		var nf *cctypes.ResourceNotFoundException
		if !errors.As(err, &nf) {
			t.Fatalf("the user of a deleted instance: %v, want ResourceNotFoundException", err)
		}
		ev, err := createOf(t, cc, ccStructure, map[string]any{"InstanceArn": instance, "UserHierarchyStructure": map[string]any{"LevelOne": map[string]any{"Name": "R"}}})
		wantFailed(t, cc, ev, err, cctypes.HandlerErrorCodeNotFound, "")
	})
}
