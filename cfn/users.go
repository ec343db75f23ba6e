package cfn

import (
	"sort"

	"github.com/connectlocal/connectlocal"
)

// Type names of the people side of an instance: security profiles, users and the user hierarchy.
const (
	SecurityProfile        = "AWS::Connect::SecurityProfile"
	User                   = "AWS::Connect::User"
	UserHierarchyGroup     = "AWS::Connect::UserHierarchyGroup"
	UserHierarchyStructure = "AWS::Connect::UserHierarchyStructure"
)

// HierarchyLevels are the hierarchy structure's levels, top first, as both the type and Connect name them.
var HierarchyLevels = []string{"LevelOne", "LevelTwo", "LevelThree", "LevelFour", "LevelFive"}

// ARNOf is the ARN of the object of kind named by ref in instance inst: ref itself when it is an ARN already.
func ARNOf(scope connectlocal.Scope, inst string, kind connectlocal.ResourceKind, ref any) any {
	s, ok := ref.(string)
	if !ok || s == "" {
		return ref
	}
	if _, ok := connectlocal.ParseARN(s); ok {
		return s
	}
	return connectlocal.ResourceName{Scope: scope, InstanceID: inst, Kind: kind, ID: s}.String()
}

// IDOf is the id an ARN property names, for the Connect members that take ids (RoutingProfileId,
// SecurityProfileIds, HierarchyGroupId, ParentGroupId). A value that is no ARN of that kind passes unchanged,
// so the operation's own checks judge it.
func IDOf(kind connectlocal.ResourceKind, v any) any {
	s, ok := v.(string)
	if !ok {
		return v
	}
	if rn, ok := connectlocal.ParseARN(s); ok && rn.Kind == kind {
		return rn.ID
	}
	return s
}

// SecurityProfileCreate turns AWS::Connect::SecurityProfile properties into CreateSecurityProfile's request.
// The type's lists of {Key, Value} (Tags, AllowedAccessControlTags) are Connect maps.
func SecurityProfileCreate(props map[string]any) map[string]any {
	req := map[string]any{}
	for k, v := range props {
		switch k {
		case "InstanceArn":
			req["InstanceId"] = v
		case "AllowedAccessControlTags":
			req[k] = TagMap(v)
		case "Tags":
			if tags := TagMap(v); len(tags) > 0 {
				req["Tags"] = tags
			}
		case "SecurityProfileName", "Description", "Permissions", "TagRestrictedResources", "HierarchyRestrictedResources",
			"AllowedAccessControlHierarchyGroupId", "Applications", "AllowedFlowModules", "GranularAccessControlConfiguration":
			req[k] = v
		}
	}
	return req
}

// SecurityProfileUpdatable are the properties UpdateSecurityProfile sets, with the value that empties each
// when a patch removes it (UpdateSecurityProfile keeps a member left out).
var SecurityProfileUpdatable = map[string]any{
	"Description": "", "Permissions": []any{}, "AllowedAccessControlTags": []any{}, "TagRestrictedResources": []any{},
	"HierarchyRestrictedResources": []any{}, "AllowedAccessControlHierarchyGroupId": "",
	"Applications": []any{}, "AllowedFlowModules": []any{}, "GranularAccessControlConfiguration": map[string]any{},
}

// SecurityProfileModel turns DescribeSecurityProfile's SecurityProfile and the profile's permissions
// (ListSecurityProfilePermissions) into the type's properties.
func SecurityProfileModel(scope connectlocal.Scope, inst string, p map[string]any, permissions []string) map[string]any {
	m := map[string]any{"SecurityProfileArn": p["Arn"], "InstanceArn": scope.InstanceARN(inst)}
	for _, k := range []string{"SecurityProfileName", "Description", "AllowedAccessControlHierarchyGroupId",
		"LastModifiedRegion", "LastModifiedTime", "GranularAccessControlConfiguration"} {
		if v, ok := p[k]; ok && v != nil && v != "" {
			m[k] = v
		}
	}
	for _, k := range []string{"TagRestrictedResources", "HierarchyRestrictedResources"} {
		if l, ok := p[k].([]any); ok && len(l) > 0 {
			m[k] = l
		}
	}
	if tags, ok := p["AllowedAccessControlTags"].(map[string]any); ok && len(tags) > 0 {
		m["AllowedAccessControlTags"] = TagList(tags)
	}
	sort.Strings(permissions) // insertionOrder false: the order carries nothing
	list := make([]any, len(permissions))
	for i, s := range permissions {
		list[i] = s
	}
	m["Permissions"] = list
	if tags, ok := p["Tags"].(map[string]any); ok && len(tags) > 0 {
		m["Tags"] = TagList(tags)
	}
	return m
}

// UserChannelConfigs are the per-channel lists of AWS::Connect::User that CreateUser takes as they are.
var UserChannelConfigs = []string{"AutoAcceptConfigs", "AfterContactWorkConfigs", "PhoneNumberConfigs",
	"PersistentConnectionConfigs", "VoiceEnhancementConfigs"}

// UserCreate turns AWS::Connect::User properties into CreateUser's request: ARNs become the ids Connect takes.
func UserCreate(props map[string]any) map[string]any {
	req := map[string]any{}
	for k, v := range props {
		switch k {
		case "InstanceArn":
			req["InstanceId"] = v
		case "RoutingProfileArn":
			req["RoutingProfileId"] = IDOf(connectlocal.KindRoutingProfile, v)
		case "HierarchyGroupArn":
			req["HierarchyGroupId"] = IDOf(connectlocal.KindHierarchyGroup, v)
		case "SecurityProfileArns":
			req["SecurityProfileIds"] = idList(connectlocal.KindSecurityProfile, v)
		case "Tags":
			if tags := TagMap(v); len(tags) > 0 {
				req["Tags"] = tags
			}
		case "Username", "Password", "IdentityInfo", "PhoneConfig", "DirectoryUserId", "AutoAcceptConfigs",
			"AfterContactWorkConfigs", "PhoneNumberConfigs", "PersistentConnectionConfigs", "VoiceEnhancementConfigs":
			req[k] = v
		}
	}
	return req
}

// UserSecurityProfileIDs is UpdateUserSecurityProfiles' SecurityProfileIds for a SecurityProfileArns value.
func UserSecurityProfileIDs(v any) any { return idList(connectlocal.KindSecurityProfile, v) }

func idList(kind connectlocal.ResourceKind, v any) any {
	list, ok := v.([]any)
	if !ok {
		return v
	}
	out := make([]any, len(list))
	for i, e := range list {
		out[i] = IDOf(kind, e)
	}
	return out
}

// UserModel turns DescribeUser's User into the type's properties. Ids become ARNs; Password is write-only
// and never read. The per-channel lists are left out: DescribeUser's VOICE entries repeat PhoneConfig, which
// the model always shows.
func UserModel(scope connectlocal.Scope, inst string, u map[string]any) map[string]any {
	m := map[string]any{"UserArn": u["Arn"], "InstanceArn": scope.InstanceARN(inst)}
	for _, k := range []string{"Username", "DirectoryUserId", "IdentityInfo", "PhoneConfig"} {
		if v, ok := u[k]; ok && v != nil && v != "" {
			m[k] = v
		}
	}
	if info, ok := m["IdentityInfo"].(map[string]any); ok && len(info) == 0 {
		delete(m, "IdentityInfo")
	}
	if id, _ := u["RoutingProfileId"].(string); id != "" {
		m["RoutingProfileArn"] = ARNOf(scope, inst, connectlocal.KindRoutingProfile, id)
	}
	if id, _ := u["HierarchyGroupId"].(string); id != "" {
		m["HierarchyGroupArn"] = ARNOf(scope, inst, connectlocal.KindHierarchyGroup, id)
	}
	if ids, ok := u["SecurityProfileIds"].([]any); ok {
		arns := make([]string, 0, len(ids))
		for _, id := range ids {
			if s, ok := ARNOf(scope, inst, connectlocal.KindSecurityProfile, id).(string); ok {
				arns = append(arns, s)
			}
		}
		sort.Strings(arns) // insertionOrder false
		list := make([]any, len(arns))
		for i, s := range arns {
			list[i] = s
		}
		m["SecurityProfileArns"] = list
	}
	if tags, ok := u["Tags"].(map[string]any); ok && len(tags) > 0 {
		m["Tags"] = TagList(tags)
	}
	return m
}

// UserHierarchyGroupCreate turns AWS::Connect::UserHierarchyGroup properties into CreateUserHierarchyGroup's
// request.
func UserHierarchyGroupCreate(props map[string]any) map[string]any {
	req := map[string]any{}
	for k, v := range props {
		switch k {
		case "InstanceArn":
			req["InstanceId"] = v
		case "Name":
			req[k] = v
		case "ParentGroupArn":
			req["ParentGroupId"] = IDOf(connectlocal.KindHierarchyGroup, v)
		case "Tags":
			if tags := TagMap(v); len(tags) > 0 {
				req["Tags"] = tags
			}
		}
	}
	return req
}

// UserHierarchyGroupModel turns DescribeUserHierarchyGroup's HierarchyGroup into the type's properties. The
// parent is the group one level up its HierarchyPath (LevelId "1".."5").
func UserHierarchyGroupModel(scope connectlocal.Scope, inst string, g map[string]any) map[string]any {
	m := map[string]any{"UserHierarchyGroupArn": g["Arn"], "InstanceArn": scope.InstanceARN(inst), "Name": g["Name"]}
	level, _ := g["LevelId"].(string)
	if path, ok := g["HierarchyPath"].(map[string]any); ok && len(level) == 1 && level[0] >= '2' && level[0] <= '5' {
		if parent, ok := path[HierarchyLevels[level[0]-'2']].(map[string]any); ok && parent["Arn"] != nil {
			m["ParentGroupArn"] = parent["Arn"]
		}
	}
	if tags, ok := g["Tags"].(map[string]any); ok && len(tags) > 0 {
		m["Tags"] = TagList(tags)
	}
	return m
}

// UserHierarchyStructureARN is the primary identifier of an instance's hierarchy structure (the schema's
// pattern: instance/<id>/user-hierarchy-structure).
func UserHierarchyStructureARN(scope connectlocal.Scope, inst string) string {
	return scope.InstanceARN(inst) + "/user-hierarchy-structure"
}

// UserHierarchyStructureUpdate is UpdateUserHierarchyStructure's HierarchyStructure for the type's
// UserHierarchyStructure property: each level's Name (a level's Arn and Id are the service's).
func UserHierarchyStructureUpdate(v any) map[string]any {
	out := map[string]any{}
	levels, _ := v.(map[string]any)
	for _, l := range HierarchyLevels {
		if lv, ok := levels[l].(map[string]any); ok {
			out[l] = map[string]any{"Name": lv["Name"]}
		}
	}
	return out
}

// UserHierarchyStructureModel turns DescribeUserHierarchyStructure's HierarchyStructure into the type's
// properties.
func UserHierarchyStructureModel(scope connectlocal.Scope, inst string, hs map[string]any) map[string]any {
	m := map[string]any{"UserHierarchyStructureArn": UserHierarchyStructureARN(scope, inst), "InstanceArn": scope.InstanceARN(inst)}
	levels := map[string]any{}
	for _, l := range HierarchyLevels {
		if lv, ok := hs[l].(map[string]any); ok {
			levels[l] = map[string]any{"Name": lv["Name"], "HierarchyLevelArn": lv["Arn"], "HierarchyLevelId": lv["Id"]}
		}
	}
	if len(levels) > 0 {
		m["UserHierarchyStructure"] = levels
	}
	return m
}
