package cloudcontrol

import (
	"context"
	"strings"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/cfn"
)

// The people side of an instance: AWS::Connect::SecurityProfile, User, UserHierarchyGroup and
// UserHierarchyStructure, each through the Connect operations its registry handlers name.

// createNamed runs a Create operation that takes no ClientToken. Its object's name is unique in the
// instance, so after an ambiguous (Internal) failure an object of that name can only be this create's,
// committed before the failure (see call); otherwise the create runs once more.
func (h *Handler) createNamed(ctx context.Context, scope connectlocal.Scope, op string, req map[string]any, arnKey string,
	find func() (string, error)) (string, error) {
	out, err := h.api.Invoke(ctx, scope, op, req)
	if err != nil && connectlocal.CodeOf(err) == connectlocal.Internal && ctx.Err() == nil { // CodeOf(nil) is Internal too
		if arn, ferr := find(); ferr == nil && arn != "" {
			return arn, nil
		}
		out, err = h.api.Invoke(ctx, scope, op, req)
	}
	if err != nil {
		return "", err
	}
	doc, err := document(out)
	if err != nil {
		return "", err
	}
	arn, _ := doc[arnKey].(string)
	return arn, nil
}

// summaries reads every page of a Connect List operation's summaries.
func (h *Handler) summaries(ctx context.Context, scope connectlocal.Scope, op, key string, req map[string]any) ([]map[string]any, error) {
	var all []map[string]any
	for {
		out, err := h.call(ctx, scope, op, req)
		if err != nil {
			return nil, err
		}
		items, _ := out[key].([]any)
		for _, it := range items {
			if m, ok := it.(map[string]any); ok {
				all = append(all, m)
			}
		}
		next, _ := out["NextToken"].(string)
		if next == "" {
			return all, nil
		}
		req["NextToken"] = next
	}
}

// named finds the ARN of the summary whose nameKey is name, "" when there is none.
func (h *Handler) named(ctx context.Context, scope connectlocal.Scope, op, key, instance, nameKey string, name any) (string, error) {
	list, err := h.summaries(ctx, scope, op, key, map[string]any{"InstanceId": instance})
	if err != nil {
		return "", err
	}
	for _, m := range list {
		if m[nameKey] == name {
			arn, _ := m["Arn"].(string)
			return arn, nil
		}
	}
	return "", nil
}

// listPage runs one page of a Connect List operation for ListResources and reads each object it names in
// full (the summaries hold a name only), as the instances' list handler does.
func (h *Handler) listPage(ctx context.Context, scope connectlocal.Scope, model map[string]any, next string, max int, op, key string,
	read func(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName) (map[string]any, error)) ([]map[string]any, string, error) {
	out, err := h.call(ctx, scope, op, pageRequest(model["InstanceArn"], next, max))
	if err != nil {
		return nil, "", err
	}
	var list []map[string]any
	items, _ := out[key].([]any)
	for _, it := range items {
		m, _ := it.(map[string]any)
		arn, _ := m["Arn"].(string)
		rn, ok := connectlocal.ParseARN(arn)
		if !ok {
			continue
		}
		model, err := read(h, ctx, scope, rn)
		if connectlocal.CodeOf(err) == connectlocal.NotFound {
			continue // deleted since the list answered
		}
		if err != nil {
			return nil, "", err
		}
		list = append(list, model)
	}
	token, _ := out["NextToken"].(string)
	return list, token, nil
}

// cannotUpdate is the provider's refusal of a changed property its update handler cannot change, in its
// words ("InstanceArn cannot be updated.": aws-cloudformation-resource-providers-connect, aws-connect-user
// UpdateHandler.java, which says the same of DirectoryUserId, Password and Username), a FAILED request with
// ErrorCode InvalidRequest.
func cannotUpdate(cur, next map[string]any, props ...string) error {
	for _, p := range props {
		if len(changed(cur, next, p)) > 0 {
			return connectlocal.Errorf(connectlocal.InvalidRequest, "%s cannot be updated.", p)
		}
	}
	return nil
}

// emptied puts into req, for each updatable property the patch removed, the value that empties it: the
// Connect Update operations keep a member left out.
func emptied(req, cur, next map[string]any, empty map[string]any, member func(string) string) {
	for prop, v := range empty {
		if _, had := cur[prop]; had {
			if _, has := next[prop]; !has {
				req[member(prop)] = v
			}
		}
	}
}

// --- AWS::Connect::SecurityProfile

func createSecurityProfile(h *Handler, ctx context.Context, scope connectlocal.Scope, props map[string]any) (string, error) {
	req := cfn.SecurityProfileCreate(props)
	return h.createNamed(ctx, scope, "CreateSecurityProfile", req, "SecurityProfileArn", func() (string, error) {
		return h.named(ctx, scope, "ListSecurityProfiles", "SecurityProfileSummaryList", str(req, "InstanceId"), "Name", req["SecurityProfileName"])
	})
}

func readSecurityProfile(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName) (map[string]any, error) {
	out, err := h.call(ctx, scope, "DescribeSecurityProfile", map[string]any{"InstanceId": rn.InstanceID, "SecurityProfileId": rn.ID})
	if err != nil {
		return nil, err
	}
	// DescribeSecurityProfile has no permissions: the read handler lists them.
	var perms []string
	req := map[string]any{"InstanceId": rn.InstanceID, "SecurityProfileId": rn.ID}
	for {
		page, err := h.call(ctx, scope, "ListSecurityProfilePermissions", req)
		if err != nil {
			return nil, err
		}
		for _, p := range strings_(page["Permissions"]) {
			perms = append(perms, p)
		}
		next, _ := page["NextToken"].(string)
		if next == "" {
			break
		}
		req["NextToken"] = next
	}
	p, _ := out["SecurityProfile"].(map[string]any)
	return cfn.SecurityProfileModel(scope, rn.InstanceID, p, perms), nil
}

func updateSecurityProfile(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName, cur, next map[string]any) error {
	var props []string
	for p := range cfn.SecurityProfileUpdatable {
		props = append(props, p)
	}
	if len(changed(cur, next, props...)) > 0 {
		req := cfn.SecurityProfileCreate(next)
		delete(req, "SecurityProfileName") // create-only; Cloud Control has refused a change already
		delete(req, "Tags")
		req["InstanceId"], req["SecurityProfileId"] = rn.InstanceID, rn.ID
		emptied(req, cur, next, cfn.SecurityProfileUpdatable, func(p string) string { return p })
		if _, ok := req["AllowedAccessControlTags"].([]any); ok {
			req["AllowedAccessControlTags"] = map[string]any{}
		}
		if _, err := h.call(ctx, scope, "UpdateSecurityProfile", req); err != nil {
			return err
		}
	}
	return h.retag(ctx, scope, rn.String(), cur, next)
}

func deleteSecurityProfile(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName) error {
	_, err := h.call(ctx, scope, "DeleteSecurityProfile", map[string]any{"InstanceId": rn.InstanceID, "SecurityProfileId": rn.ID})
	return err
}

func listSecurityProfiles(h *Handler, ctx context.Context, scope connectlocal.Scope, model map[string]any, next string, max int) ([]map[string]any, string, error) {
	return h.listPage(ctx, scope, model, next, max, "ListSecurityProfiles", "SecurityProfileSummaryList", readSecurityProfile)
}

// --- AWS::Connect::User

func createUser(h *Handler, ctx context.Context, scope connectlocal.Scope, props map[string]any) (string, error) {
	// connectlocal holds no proficiencies (AssociateUserProficiencies is not served): refused, not dropped.
	if _, ok := props["UserProficiencies"]; ok {
		return "", connectlocal.Errorf(connectlocal.InvalidRequest, "connectlocal does not serve AssociateUserProficiencies, so a user's "+
			"UserProficiencies cannot be set; leave the property out. Nothing was created.")
	}
	req := cfn.UserCreate(props)
	return h.createNamed(ctx, scope, "CreateUser", req, "UserArn", func() (string, error) {
		return h.named(ctx, scope, "ListUsers", "UserSummaryList", str(req, "InstanceId"), "Username", req["Username"])
	})
}

func readUser(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName) (map[string]any, error) {
	out, err := h.call(ctx, scope, "DescribeUser", map[string]any{"InstanceId": rn.InstanceID, "UserId": rn.ID})
	if err != nil {
		return nil, err
	}
	u, _ := out["User"].(map[string]any)
	return cfn.UserModel(scope, rn.InstanceID, u), nil
}

// updateUser changes what the provider's update handler changes, in its order: identity, phone, routing
// profile, hierarchy group, security profiles, then tags. What it cannot change is refused before any call.
func updateUser(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName, cur, next map[string]any) error {
	if err := cannotUpdate(cur, next, "InstanceArn", "DirectoryUserId", "Password", "Username"); err != nil {
		return err
	}
	// The per-channel lists are CreateUser's only here (UpdateUserConfig is not served); the read model leaves
	// them out, so a patch that adds one would be dropped without a word.
	for _, p := range append(cfn.UserChannelConfigs, "UserProficiencies") {
		if len(changed(cur, next, p)) > 0 {
			return connectlocal.Errorf(connectlocal.InvalidRequest, "connectlocal cannot update a user's %s (UpdateUserConfig and the "+
				"proficiency operations are not served); PhoneConfig sets the VOICE channel. Nothing was changed.", p)
		}
	}
	id := map[string]any{"InstanceId": rn.InstanceID, "UserId": rn.ID}
	with := func(k string, v any) map[string]any {
		m := map[string]any{k: v}
		for a, b := range id {
			m[a] = b
		}
		return m
	}
	steps := []struct {
		prop, op, member string
		value            func() any
	}{
		{"IdentityInfo", "UpdateUserIdentityInfo", "IdentityInfo", func() any {
			if v, ok := next["IdentityInfo"]; ok {
				return v
			}
			return map[string]any{} // removed: the identity is emptied (UpdateUserIdentityInfo replaces it)
		}},
		{"PhoneConfig", "UpdateUserPhoneConfig", "PhoneConfig", func() any {
			if v, ok := next["PhoneConfig"]; ok {
				return v
			}
			return map[string]any{"PhoneType": "SOFT_PHONE"} // removed: back to a new user's phone
		}},
		{"RoutingProfileArn", "UpdateUserRoutingProfile", "RoutingProfileId", func() any {
			return cfn.IDOf(connectlocal.KindRoutingProfile, next["RoutingProfileArn"])
		}},
		{"HierarchyGroupArn", "UpdateUserHierarchy", "HierarchyGroupId", func() any {
			return cfn.IDOf(connectlocal.KindHierarchyGroup, next["HierarchyGroupArn"])
		}},
		{"SecurityProfileArns", "UpdateUserSecurityProfiles", "SecurityProfileIds", func() any {
			return cfn.UserSecurityProfileIDs(next["SecurityProfileArns"])
		}},
	}
	for _, s := range steps {
		if len(changed(cur, next, s.prop)) == 0 {
			continue
		}
		req := with(s.member, s.value())
		if req[s.member] == nil {
			delete(req, s.member) // UpdateUserHierarchy without a group takes the user out of its group
		}
		if _, err := h.call(ctx, scope, s.op, req); err != nil {
			return err
		}
	}
	return h.retag(ctx, scope, rn.String(), cur, next)
}

func deleteUser(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName) error {
	_, err := h.call(ctx, scope, "DeleteUser", map[string]any{"InstanceId": rn.InstanceID, "UserId": rn.ID})
	return err
}

func listUsers(h *Handler, ctx context.Context, scope connectlocal.Scope, model map[string]any, next string, max int) ([]map[string]any, string, error) {
	return h.listPage(ctx, scope, model, next, max, "ListUsers", "UserSummaryList", readUser)
}

// --- AWS::Connect::UserHierarchyGroup

func createUserHierarchyGroup(h *Handler, ctx context.Context, scope connectlocal.Scope, props map[string]any) (string, error) {
	req := cfn.UserHierarchyGroupCreate(props)
	return h.createNamed(ctx, scope, "CreateUserHierarchyGroup", req, "HierarchyGroupArn", func() (string, error) {
		return h.named(ctx, scope, "ListUserHierarchyGroups", "UserHierarchyGroupSummaryList", str(req, "InstanceId"), "Name", req["Name"])
	})
}

func readUserHierarchyGroup(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName) (map[string]any, error) {
	out, err := h.call(ctx, scope, "DescribeUserHierarchyGroup", map[string]any{"InstanceId": rn.InstanceID, "HierarchyGroupId": rn.ID})
	if err != nil {
		return nil, err
	}
	g, _ := out["HierarchyGroup"].(map[string]any)
	return cfn.UserHierarchyGroupModel(scope, rn.InstanceID, g), nil
}

func updateUserHierarchyGroup(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName, cur, next map[string]any) error {
	if err := cannotUpdate(cur, next, "InstanceArn"); err != nil {
		return err
	}
	if len(changed(cur, next, "Name")) > 0 {
		if _, err := h.call(ctx, scope, "UpdateUserHierarchyGroupName", map[string]any{"InstanceId": rn.InstanceID,
			"HierarchyGroupId": rn.ID, "Name": next["Name"]}); err != nil {
			return err
		}
	}
	return h.retag(ctx, scope, rn.String(), cur, next)
}

func deleteUserHierarchyGroup(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName) error {
	_, err := h.call(ctx, scope, "DeleteUserHierarchyGroup", map[string]any{"InstanceId": rn.InstanceID, "HierarchyGroupId": rn.ID})
	return err
}

func listUserHierarchyGroups(h *Handler, ctx context.Context, scope connectlocal.Scope, model map[string]any, next string, max int) ([]map[string]any, string, error) {
	return h.listPage(ctx, scope, model, next, max, "ListUserHierarchyGroups", "UserHierarchyGroupSummaryList", readUserHierarchyGroup)
}

// --- AWS::Connect::UserHierarchyStructure
//
// One structure per instance, so it is named by the instance: instance/<id>/user-hierarchy-structure (the
// schema's pattern). Create, update and delete are all UpdateUserHierarchyStructure (the registry's
// handlers' permissions); delete empties the structure. Decided: the structure of an existing instance can
// always be read, empty or not, as DescribeUserHierarchyStructure always answers one.

// identifyUserHierarchyStructure reads the structure's identifier as its instance.
func identifyUserHierarchyStructure(scope connectlocal.Scope, id string) (connectlocal.ResourceName, bool) {
	inst, ok := strings.CutSuffix(id, "/user-hierarchy-structure")
	if !ok {
		return connectlocal.ResourceName{}, false
	}
	rn, ok := connectlocal.ParseARN(inst)
	if !ok || rn.Kind != connectlocal.KindInstance || rn.Scope != scope {
		return connectlocal.ResourceName{}, false
	}
	rn.Kind, rn.ID = connectlocal.KindHierarchyStructure, rn.InstanceID
	return rn, true
}

func createUserHierarchyStructure(h *Handler, ctx context.Context, scope connectlocal.Scope, props map[string]any) (string, error) {
	inst, _ := props["InstanceArn"].(string)
	if _, err := h.call(ctx, scope, "UpdateUserHierarchyStructure", map[string]any{"InstanceId": inst,
		"HierarchyStructure": cfn.UserHierarchyStructureUpdate(props["UserHierarchyStructure"])}); err != nil {
		return "", err
	}
	rn, _ := connectlocal.ParseARN(inst)
	return cfn.UserHierarchyStructureARN(scope, rn.InstanceID), nil
}

func readUserHierarchyStructure(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName) (map[string]any, error) {
	out, err := h.call(ctx, scope, "DescribeUserHierarchyStructure", map[string]any{"InstanceId": rn.InstanceID})
	if err != nil {
		return nil, err
	}
	hs, _ := out["HierarchyStructure"].(map[string]any)
	return cfn.UserHierarchyStructureModel(scope, rn.InstanceID, hs), nil
}

func updateUserHierarchyStructure(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName, cur, next map[string]any) error {
	if len(changed(cur, next, "UserHierarchyStructure")) == 0 {
		return nil
	}
	_, err := h.call(ctx, scope, "UpdateUserHierarchyStructure", map[string]any{"InstanceId": rn.InstanceID,
		"HierarchyStructure": cfn.UserHierarchyStructureUpdate(next["UserHierarchyStructure"])})
	return err
}

func deleteUserHierarchyStructure(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName) error {
	_, err := h.call(ctx, scope, "UpdateUserHierarchyStructure", map[string]any{"InstanceId": rn.InstanceID,
		"HierarchyStructure": map[string]any{}})
	return err
}
