package awsapi_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/internal/connecttest"
)

// newUser is a CreateUser request as Terraform sends it (always a PhoneConfig with AutoAccept and the ACW
// limit, even false/0).
func newUser(inst, name, rp string, sps ...string) *connect.CreateUserInput {
	return &connect.CreateUserInput{InstanceId: &inst, Username: &name, Password: aws.String("Password123"),
		RoutingProfileId: &rp, SecurityProfileIds: sps,
		PhoneConfig: &types.UserPhoneConfig{PhoneType: types.PhoneTypeSoftPhone, AutoAccept: false, AfterContactWorkTimeLimit: 0}}
}

// A user through its whole life: create (with its AGENT queue), describe, every update, list, delete.
func TestUser(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		rp := mustRoutingProfile(t, srv, inst, "Sales")
		rp2 := mustRoutingProfile(t, srv, inst, "Support")
		agent := mustSecurityProfile(t, srv, inst, "Agent")
		admin := mustSecurityProfile(t, srv, inst, "Admin")

		// Terraform's acceptance tests name users ~43 characters long: the documented 20 is not enforced.
		name := "resource-test-terraform-1234567890123456789"
		in := newUser(inst, name, rp, agent)
		in.IdentityInfo = &types.UserIdentityInfo{FirstName: aws.String("Ada"), LastName: aws.String("Lovelace")}
		in.Tags = map[string]string{"team": "support"}
		out, err := c.CreateUser(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		id := *out.UserId
		if *out.UserArn != "arn:aws:connect:us-east-1:123456789012:instance/"+inst+"/agent/"+id {
			t.Errorf("arn %s", *out.UserArn)
		}
		got, err := c.DescribeUser(ctx, &connect.DescribeUserInput{InstanceId: &inst, UserId: out.UserArn})
		if err != nil {
			t.Fatal(err)
		}
		u := got.User
		if *u.Id != id || *u.Username != name || *u.IdentityInfo.FirstName != "Ada" || *u.IdentityInfo.LastName != "Lovelace" ||
			u.IdentityInfo.Email != nil || u.PhoneConfig.PhoneType != types.PhoneTypeSoftPhone || u.PhoneConfig.AutoAccept ||
			u.PhoneConfig.AfterContactWorkTimeLimit != 0 || *u.RoutingProfileId != rp || !slices.Equal(u.SecurityProfileIds, []string{agent}) ||
			u.HierarchyGroupId != nil || u.Tags["team"] != "support" || u.LastModifiedTime == nil || *u.LastModifiedRegion != "us-east-1" {
			t.Errorf("describe: %+v", u)
		}

		// The password is kept only as a digest, and the AGENT queue has the user's id, no name.
		o, _ := getObject(t, srv, inst, connectlocal.KindUser, id)
		if strings.Contains(string(o.Doc), "Password123") {
			t.Errorf("the store holds the password in plain text: %s", o.Doc)
		}
		q, ok := getObject(t, srv, inst, connectlocal.KindQueue, id)
		var queue connectlocal.Queue
		if !ok || connectlocal.DecodeObject(q, &queue) != nil || queue.Type != "AGENT" || queue.Status != "ENABLED" || queue.Name != "" || q.Name != "" {
			t.Errorf("agent queue: %v %+v %+v", ok, q, queue)
		}

		// Refusals change nothing.
		_, err = c.CreateUser(ctx, newUser(inst, name, rp, agent))
		wantAPIError(t, err, "DuplicateResourceException")
		noPassword := newUser(inst, "nopassword", rp, agent)
		noPassword.Password = nil
		_, err = c.CreateUser(ctx, noPassword)
		wantAPIError(t, err, "InvalidRequestException")
		weak := newUser(inst, "weak", rp, agent)
		weak.Password = aws.String("password")
		_, err = c.CreateUser(ctx, weak)
		wantAPIError(t, err, "InvalidParameterException")
		for _, bad := range []string{"has space", "café", "user@example", "a@@b.com"} {
			_, err = c.CreateUser(ctx, newUser(inst, bad, rp, agent))
			wantAPIError(t, err, "InvalidParameterException")
		}
		_, err = c.CreateUser(ctx, newUser(inst, "nobody", "00000000-0000-0000-0000-000000000000", agent))
		wantAPIError(t, err, "ResourceNotFoundException")
		_, err = c.CreateUser(ctx, newUser(inst, "nobody", rp, agent, "00000000-0000-0000-0000-000000000000"))
		wantAPIError(t, err, "ResourceNotFoundException")
		group := newUser(inst, "nobody", rp, agent)
		group.HierarchyGroupId = aws.String("00000000-0000-0000-0000-000000000000")
		_, err = c.CreateUser(ctx, group)
		wantAPIError(t, err, "ResourceNotFoundException")
		desk := newUser(inst, "desk", rp, agent)
		desk.PhoneConfig.PhoneType = types.PhoneTypeDeskPhone
		_, err = c.CreateUser(ctx, desk)
		wantAPIError(t, err, "InvalidParameterException")
		both := newUser(inst, "both", rp, agent)
		both.PhoneConfig.AutoAccept = true // the SDK sends AutoAccept only when true
		both.AutoAcceptConfigs = []types.AutoAcceptConfig{{Channel: types.ChannelChat, AutoAccept: true}}
		_, err = c.CreateUser(ctx, both)
		wantAPIError(t, err, "InvalidParameterException")
		_, err = c.CreateUser(ctx, newUser("00000000-0000-0000-0000-000000000000", "nobody", rp, agent))
		wantAPIError(t, err, "ResourceNotFoundException")
		list, err := c.ListUsers(ctx, &connect.ListUsersInput{InstanceId: &inst})
		if err != nil || len(list.UserSummaryList) != 1 {
			t.Fatalf("users after refusals: %+v %v", list, err)
		}

		// Per-channel auto-accept, kept for the task lifecycle; PhoneConfig.AutoAccept is VOICE's.
		chat := newUser(inst, "chat.agent@example.com", rp, agent)
		chat.PhoneConfig = &types.UserPhoneConfig{PhoneType: types.PhoneTypeDeskPhone, DeskPhoneNumber: aws.String("+15555550100")}
		chat.AutoAcceptConfigs = []types.AutoAcceptConfig{{Channel: types.ChannelChat, AutoAccept: true},
			{Channel: types.ChannelTask, AutoAccept: true}, {Channel: types.ChannelVoice, AutoAccept: false}}
		chatOut, err := c.CreateUser(ctx, chat)
		if err != nil {
			t.Fatal(err)
		}
		got, _ = c.DescribeUser(ctx, &connect.DescribeUserInput{InstanceId: &inst, UserId: chatOut.UserId})
		var channels []string
		for _, a := range got.User.AutoAcceptConfigs {
			if a.AutoAccept {
				channels = append(channels, string(a.Channel))
			}
		}
		if !slices.Equal(channels, []string{"CHAT", "TASK"}) || got.User.PhoneConfig.AutoAccept || *got.User.PhoneConfig.DeskPhoneNumber != "+15555550100" ||
			got.User.IdentityInfo != nil {
			t.Errorf("per-channel auto-accept: %+v", got.User)
		}

		// Every update operation.
		if _, err := c.UpdateUserIdentityInfo(ctx, &connect.UpdateUserIdentityInfoInput{InstanceId: &inst, UserId: &id,
			IdentityInfo: &types.UserIdentityInfo{FirstName: aws.String("Grace"), Email: aws.String("grace@example.com")}}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.UpdateUserPhoneConfig(ctx, &connect.UpdateUserPhoneConfigInput{InstanceId: &inst, UserId: &id,
			PhoneConfig: &types.UserPhoneConfig{PhoneType: types.PhoneTypeDeskPhone, AutoAccept: true,
				AfterContactWorkTimeLimit: 30, DeskPhoneNumber: aws.String("+15555550123")}}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.UpdateUserRoutingProfile(ctx, &connect.UpdateUserRoutingProfileInput{InstanceId: &inst, UserId: &id, RoutingProfileId: &rp2}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.UpdateUserSecurityProfiles(ctx, &connect.UpdateUserSecurityProfilesInput{InstanceId: &inst, UserId: &id,
			SecurityProfileIds: []string{admin}}); err != nil {
			t.Fatal(err)
		}
		got, _ = c.DescribeUser(ctx, &connect.DescribeUserInput{InstanceId: &inst, UserId: &id})
		u = got.User
		if *u.IdentityInfo.FirstName != "Grace" || u.IdentityInfo.LastName != nil || *u.IdentityInfo.Email != "grace@example.com" ||
			u.PhoneConfig.PhoneType != types.PhoneTypeDeskPhone || !u.PhoneConfig.AutoAccept || u.PhoneConfig.AfterContactWorkTimeLimit != 30 ||
			*u.PhoneConfig.DeskPhoneNumber != "+15555550123" || *u.RoutingProfileId != rp2 || !slices.Equal(u.SecurityProfileIds, []string{admin}) ||
			len(u.AutoAcceptConfigs) != 1 || u.AutoAcceptConfigs[0].Channel != types.ChannelVoice {
			t.Errorf("after updates: %+v", u)
		}
		_, err = c.UpdateUserRoutingProfile(ctx, &connect.UpdateUserRoutingProfileInput{InstanceId: &inst, UserId: &id, RoutingProfileId: aws.String("missing")})
		wantAPIError(t, err, "ResourceNotFoundException")
		_, err = c.UpdateUserSecurityProfiles(ctx, &connect.UpdateUserSecurityProfilesInput{InstanceId: &inst, UserId: &id, SecurityProfileIds: []string{agent, "missing"}})
		wantAPIError(t, err, "ResourceNotFoundException")
		_, err = c.UpdateUserHierarchy(ctx, &connect.UpdateUserHierarchyInput{InstanceId: &inst, UserId: &id, HierarchyGroupId: aws.String("missing")})
		wantAPIError(t, err, "ResourceNotFoundException")
		_, err = c.UpdateUserPhoneConfig(ctx, &connect.UpdateUserPhoneConfigInput{InstanceId: &inst, UserId: &id,
			PhoneConfig: &types.UserPhoneConfig{PhoneType: types.PhoneTypeDeskPhone, DeskPhoneNumber: aws.String("555")}})
		wantAPIError(t, err, "InvalidParameterException")
		_, err = c.UpdateUserIdentityInfo(ctx, &connect.UpdateUserIdentityInfoInput{InstanceId: &inst, UserId: aws.String("missing"),
			IdentityInfo: &types.UserIdentityInfo{FirstName: aws.String("x")}})
		wantAPIError(t, err, "ResourceNotFoundException")
		got, _ = c.DescribeUser(ctx, &connect.DescribeUserInput{InstanceId: &inst, UserId: &id})
		if *got.User.RoutingProfileId != rp2 || !slices.Equal(got.User.SecurityProfileIds, []string{admin}) || *got.User.PhoneConfig.DeskPhoneNumber != "+15555550123" {
			t.Errorf("a refused update changed the user: %+v", got.User)
		}

		// UpdateUserPhoneConfig replaces the whole config: Terraform turning auto_accept off sends no AutoAccept.
		if _, err := c.UpdateUserPhoneConfig(ctx, &connect.UpdateUserPhoneConfigInput{InstanceId: &inst, UserId: &id,
			PhoneConfig: &types.UserPhoneConfig{PhoneType: types.PhoneTypeSoftPhone}}); err != nil {
			t.Fatal(err)
		}
		got, _ = c.DescribeUser(ctx, &connect.DescribeUserInput{InstanceId: &inst, UserId: &id})
		if p := got.User.PhoneConfig; p.PhoneType != types.PhoneTypeSoftPhone || p.AutoAccept || p.AfterContactWorkTimeLimit != 0 ||
			p.DeskPhoneNumber != nil || len(got.User.AutoAcceptConfigs) != 0 {
			t.Errorf("after a phone config without auto-accept: %+v %+v", p, got.User.AutoAcceptConfigs)
		}

		// A hierarchy group is set, then removed by an UpdateUserHierarchy without one (as Terraform sends it).
		if _, err := c.UpdateUserHierarchyStructure(ctx, &connect.UpdateUserHierarchyStructureInput{InstanceId: &inst,
			HierarchyStructure: &types.HierarchyStructureUpdate{LevelOne: &types.HierarchyLevelUpdate{Name: aws.String("Region")}}}); err != nil {
			t.Fatal(err)
		}
		g, err := c.CreateUserHierarchyGroup(ctx, &connect.CreateUserHierarchyGroupInput{InstanceId: &inst, Name: aws.String("EMEA")})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.UpdateUserHierarchy(ctx, &connect.UpdateUserHierarchyInput{InstanceId: &inst, UserId: &id, HierarchyGroupId: g.HierarchyGroupArn}); err != nil {
			t.Fatal(err)
		}
		got, _ = c.DescribeUser(ctx, &connect.DescribeUserInput{InstanceId: &inst, UserId: &id})
		if aws.ToString(got.User.HierarchyGroupId) != *g.HierarchyGroupId {
			t.Errorf("hierarchy group: %v", got.User.HierarchyGroupId)
		}
		if _, err := c.UpdateUserHierarchy(ctx, &connect.UpdateUserHierarchyInput{InstanceId: &inst, UserId: &id}); err != nil {
			t.Fatal(err)
		}
		got, _ = c.DescribeUser(ctx, &connect.DescribeUserInput{InstanceId: &inst, UserId: &id})
		if got.User.HierarchyGroupId != nil {
			t.Errorf("hierarchy group after removal: %v", *got.User.HierarchyGroupId)
		}

		page, err := c.ListUsers(ctx, &connect.ListUsersInput{InstanceId: &inst, MaxResults: aws.Int32(1)})
		if err != nil || len(page.UserSummaryList) != 1 || *page.UserSummaryList[0].Username != name || page.NextToken == nil {
			t.Fatalf("first page: %+v %v", page, err)
		}
		page, err = c.ListUsers(ctx, &connect.ListUsersInput{InstanceId: &inst, MaxResults: aws.Int32(1), NextToken: page.NextToken})
		if err != nil || len(page.UserSummaryList) != 1 || *page.UserSummaryList[0].Id != *chatOut.UserId || page.NextToken != nil ||
			page.UserSummaryList[0].LastModifiedTime == nil || *page.UserSummaryList[0].Arn != *chatOut.UserArn {
			t.Fatalf("second page: %+v %v", page, err)
		}

		if _, err := c.DeleteUser(ctx, &connect.DeleteUserInput{InstanceId: &inst, UserId: &id}); err != nil {
			t.Fatal(err)
		}
		_, err = c.DescribeUser(ctx, &connect.DescribeUserInput{InstanceId: &inst, UserId: &id})
		wantAPIError(t, err, "ResourceNotFoundException")
		if _, ok := getObject(t, srv, inst, connectlocal.KindQueue, id); ok {
			t.Error("the AGENT queue outlived its user")
		}
		_, err = c.DeleteUser(ctx, &connect.DeleteUserInput{InstanceId: &inst, UserId: &id})
		wantAPIError(t, err, "ResourceNotFoundException")
		// The name is free again.
		if _, err := c.CreateUser(ctx, newUser(inst, name, rp, agent)); err != nil {
			t.Fatal(err)
		}
	})
}

// Only a CONNECT_MANAGED instance takes (and needs) a password; a SAML one refuses it, and its e-mail too.
func TestUserPasswordByIdentityManagement(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		out, err := c.CreateInstance(ctx, &connect.CreateInstanceInput{IdentityManagementType: types.DirectoryTypeSaml,
			InstanceAlias: aws.String("saml-" + randomSuffix()), InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(true)})
		if err != nil {
			t.Fatal(err)
		}
		inst := *out.Id
		rp := mustRoutingProfile(t, srv, inst, "Basic Routing Profile")
		sp := mustSecurityProfile(t, srv, inst, "Agent")
		_, err = c.CreateUser(ctx, newUser(inst, "saml-user", rp, sp))
		wantAPIError(t, err, "InvalidRequestException")
		in := newUser(inst, "saml-user", rp, sp)
		in.Password = nil
		in.IdentityInfo = &types.UserIdentityInfo{Email: aws.String("a@example.com")}
		_, err = c.CreateUser(ctx, in)
		wantAPIError(t, err, "InvalidRequestException")
		in.IdentityInfo = &types.UserIdentityInfo{FirstName: aws.String("Saml")}
		if _, err := c.CreateUser(ctx, in); err != nil {
			t.Fatal(err)
		}
	})
}

// SearchUsers: the documented criteria field names, hierarchy group conditions, tag and attribute filters.
func TestSearchUsers(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		rp := mustRoutingProfile(t, srv, inst, "Sales")
		agent := mustSecurityProfile(t, srv, inst, "Agent")
		admin := mustSecurityProfile(t, srv, inst, "Admin")
		if _, err := c.UpdateUserHierarchyStructure(ctx, &connect.UpdateUserHierarchyStructureInput{InstanceId: &inst,
			HierarchyStructure: &types.HierarchyStructureUpdate{LevelOne: &types.HierarchyLevelUpdate{Name: aws.String("Region")},
				LevelTwo: &types.HierarchyLevelUpdate{Name: aws.String("Site")}}}); err != nil {
			t.Fatal(err)
		}
		emea, _ := c.CreateUserHierarchyGroup(ctx, &connect.CreateUserHierarchyGroupInput{InstanceId: &inst, Name: aws.String("EMEA")})
		paris, err := c.CreateUserHierarchyGroup(ctx, &connect.CreateUserHierarchyGroupInput{InstanceId: &inst, Name: aws.String("Paris"), ParentGroupId: emea.HierarchyGroupId})
		if err != nil {
			t.Fatal(err)
		}
		alice := newUser(inst, "alice", rp, agent)
		alice.IdentityInfo = &types.UserIdentityInfo{FirstName: aws.String("Alice"), LastName: aws.String("Martin")}
		alice.HierarchyGroupId = paris.HierarchyGroupId
		alice.PhoneConfig.AfterContactWorkTimeLimit = 20
		alice.Tags = map[string]string{"shift": "day"}
		a, err := c.CreateUser(ctx, alice)
		if err != nil {
			t.Fatal(err)
		}
		bob := newUser(inst, "bob", rp, admin)
		bob.HierarchyGroupId = emea.HierarchyGroupId
		bob.Tags = map[string]string{"shift": "night"}
		b, err := c.CreateUser(ctx, bob)
		if err != nil {
			t.Fatal(err)
		}
		search := func(crit *types.UserSearchCriteria, filter *types.UserSearchFilter) []string {
			t.Helper()
			out, err := c.SearchUsers(ctx, &connect.SearchUsersInput{InstanceId: &inst, SearchCriteria: crit, SearchFilter: filter})
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, u := range out.Users {
				ids = append(ids, *u.Id)
			}
			if int(*out.ApproximateTotalCount) != len(ids) {
				t.Errorf("count %d for %d users", *out.ApproximateTotalCount, len(ids))
			}
			return ids
		}
		str := func(field, value string, cmp types.StringComparisonType) *types.UserSearchCriteria {
			return &types.UserSearchCriteria{StringCondition: &types.StringCondition{FieldName: &field, Value: &value, ComparisonType: cmp}}
		}
		group := func(id *string, match types.HierarchyGroupMatchType) *types.HierarchyGroupCondition {
			return &types.HierarchyGroupCondition{Value: id, HierarchyGroupMatchType: match}
		}
		both := []string{*a.UserId, *b.UserId}
		for _, tc := range []struct {
			name   string
			crit   *types.UserSearchCriteria
			filter *types.UserSearchFilter
			want   []string
		}{
			{"all", nil, nil, both},
			{"username", str("Username", "ALI", types.StringComparisonTypeStartsWith), nil, []string{*a.UserId}},
			{"first name", str("FirstName", "Alice", types.StringComparisonTypeExact), nil, []string{*a.UserId}},
			{"last name", str("LastName", "art", types.StringComparisonTypeContains), nil, []string{*a.UserId}},
			{"security profile", str("SecurityProfileId", admin, types.StringComparisonTypeExact), nil, []string{*b.UserId}},
			{"routing profile", str("RoutingProfileId", rp, types.StringComparisonTypeExact), nil, both},
			{"resource id", str("resourceId", *b.UserId, types.StringComparisonTypeExact), nil, []string{*b.UserId}},
			{"or", &types.UserSearchCriteria{OrConditions: []types.UserSearchCriteria{*str("Username", "alice", types.StringComparisonTypeExact),
				*str("Username", "bob", types.StringComparisonTypeExact)}}, nil, both},
			{"and", &types.UserSearchCriteria{AndConditions: []types.UserSearchCriteria{*str("Username", "alice", types.StringComparisonTypeExact),
				*str("Username", "bob", types.StringComparisonTypeExact)}}, nil, nil},
			{"group exact", &types.UserSearchCriteria{HierarchyGroupCondition: group(emea.HierarchyGroupId, types.HierarchyGroupMatchTypeExact)}, nil, []string{*b.UserId}},
			{"group with children", &types.UserSearchCriteria{HierarchyGroupCondition: group(emea.HierarchyGroupArn, types.HierarchyGroupMatchTypeWithChildGroups)}, nil, both},
			{"tag filter", nil, &types.UserSearchFilter{TagFilter: &types.ControlPlaneTagFilter{TagCondition: &types.TagCondition{TagKey: aws.String("shift"), TagValue: aws.String("night")}}}, []string{*b.UserId}},
			{"attribute filter", nil, &types.UserSearchFilter{UserAttributeFilter: &types.ControlPlaneUserAttributeFilter{
				AndCondition: &types.AttributeAndCondition{TagConditions: []types.TagCondition{{TagKey: aws.String("shift"), TagValue: aws.String("day")}},
					HierarchyGroupCondition: group(emea.HierarchyGroupId, types.HierarchyGroupMatchTypeWithChildGroups)}}}, []string{*a.UserId}},
			{"attribute filter or", str("Username", "b", types.StringComparisonTypeContains), &types.UserSearchFilter{UserAttributeFilter: &types.ControlPlaneUserAttributeFilter{
				OrConditions: []types.AttributeAndCondition{{HierarchyGroupCondition: group(paris.HierarchyGroupId, types.HierarchyGroupMatchTypeExact)},
					{TagConditions: []types.TagCondition{{TagKey: aws.String("shift"), TagValue: aws.String("night")}}}}}}, []string{*b.UserId}},
		} {
			if got := search(tc.crit, tc.filter); !slices.Equal(got, tc.want) {
				t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
			}
		}

		// AfterContactWorkTimeLimit is in milliseconds in SearchUsers (the model's UserPhoneConfig documentation).
		out, err := c.SearchUsers(ctx, &connect.SearchUsersInput{InstanceId: &inst, SearchCriteria: str("Username", "alice", types.StringComparisonTypeExact)})
		if err != nil || len(out.Users) != 1 {
			t.Fatalf("%+v %v", out, err)
		}
		s := out.Users[0]
		if s.PhoneConfig.AfterContactWorkTimeLimit != 20000 || *s.IdentityInfo.FirstName != "Alice" || *s.HierarchyGroupId != *paris.HierarchyGroupId ||
			s.Tags["shift"] != "day" || *s.Arn != *a.UserArn || !slices.Equal(s.SecurityProfileIds, []string{agent}) {
			t.Errorf("search summary: %+v", s)
		}
		page, err := c.SearchUsers(ctx, &connect.SearchUsersInput{InstanceId: &inst, MaxResults: aws.Int32(1)})
		if err != nil || len(page.Users) != 1 || page.NextToken == nil || *page.ApproximateTotalCount != 2 {
			t.Fatalf("first page: %+v %v", page, err)
		}
		page, err = c.SearchUsers(ctx, &connect.SearchUsersInput{InstanceId: &inst, MaxResults: aws.Int32(1), NextToken: page.NextToken})
		if err != nil || len(page.Users) != 1 || *page.Users[0].Id != *b.UserId || page.NextToken != nil {
			t.Fatalf("second page: %+v %v", page, err)
		}
		_, err = c.SearchUsers(ctx, &connect.SearchUsersInput{InstanceId: &inst, SearchCriteria: str("Email", "x", types.StringComparisonTypeExact)})
		wantAPIError(t, err, "InvalidParameterException")
		_, err = c.SearchUsers(ctx, &connect.SearchUsersInput{InstanceId: aws.String("00000000-0000-0000-0000-000000000000")})
		wantAPIError(t, err, "ResourceNotFoundException")
	})
}
