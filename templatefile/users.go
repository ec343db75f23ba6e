package templatefile

import (
	"fmt"
	"sort"
	"strings"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/cfn"
)

// The people side of an instance in a CloudFormation file: AWS::Connect::SecurityProfile, User,
// UserHierarchyGroup and UserHierarchyStructure. Each is checked as Cloud Control checks it first, against
// its registry schema, and its references to other resources of the file are followed: a user's
// RoutingProfileArn, SecurityProfileArns and HierarchyGroupArn, a group's ParentGroupArn, must name a
// resource of the right type in the same instance, as CreateUser and CreateUserHierarchyGroup answer
// ResourceNotFoundException for anything else.

// reference is an ARN property that names another resource: its type, and the kind its literal ARN has.
type reference struct {
	prop   string // a property, or a list property whose items are references
	target string
	kind   connectlocal.ResourceKind
}

// peopleRefs are the references each type holds. Ref of each target type returns its ARN, and so does the
// GetAtt of its primary identifier (the CloudFormation reference's "Return values").
var peopleRefs = map[string][]reference{
	cfn.SecurityProfile:        nil,
	cfn.UserHierarchyStructure: nil,
	cfn.User: {
		{"RoutingProfileArn", "AWS::Connect::RoutingProfile", connectlocal.KindRoutingProfile},
		{"SecurityProfileArns", cfn.SecurityProfile, connectlocal.KindSecurityProfile},
		{"HierarchyGroupArn", cfn.UserHierarchyGroup, connectlocal.KindHierarchyGroup},
	},
	cfn.UserHierarchyGroup: {
		{"ParentGroupArn", cfn.UserHierarchyGroup, connectlocal.KindHierarchyGroup},
	},
}

// arnAttributes is the GetAtt attribute that gives a target type's ARN.
var arnAttributes = map[string]string{
	"AWS::Connect::RoutingProfile": "RoutingProfileArn",
	cfn.SecurityProfile:            "SecurityProfileArn",
	cfn.UserHierarchyGroup:         "UserHierarchyGroupArn",
}

// people checks resource name when it is one of these types, and says whether it was.
func (c *checker) people(name string, resources, params map[string]any) bool {
	res, _ := resources[name].(map[string]any)
	typ, _ := res["Type"].(string)
	refs, ok := peopleRefs[typ]
	if !ok {
		return false
	}
	props, ok := res["Properties"].(map[string]any)
	if !ok {
		if _, ok := res["Properties"].(Intrinsic); ok {
			return true // computed at deploy time
		}
		props = map[string]any{}
	}
	base := "Resources." + name + ".Properties"
	d := definition{base: base}
	resolved := c.resolve(props, "", &d.unknown).(map[string]any)
	found := false
	for _, p := range cfn.PropertySchemaOf(typ).Problems(resolved) {
		path := p.Path()
		if d.hidden(path, false) || p.Key != "" && !p.Extraneous && d.hidden(join(path, p.Key), false) {
			continue // at or under an intrinsic
		}
		at := base
		if path != "" {
			at = join(base, path)
		}
		c.add(at, p.String(), "ValidationException", "error")
		found = true
	}
	if found {
		return true // Cloud Control stops at the schema: no handler, so no reference, is looked at
	}
	for _, r := range refs {
		switch v := props[r.prop].(type) {
		case []any:
			for i, item := range v {
				c.reference(base, fmt.Sprintf("%s[%d]", r.prop, i), item, r, props, resources, params)
			}
		default:
			c.reference(base, r.prop, v, r, props, resources, params)
		}
	}
	if typ == cfn.User {
		c.identity(base, props, resources)
	}
	if typ == cfn.UserHierarchyGroup {
		c.groupLevel(name, base, props, resources)
		c.structureFirst(name, base, props, resources)
	}
	return true
}

// reference checks one reference: an intrinsic must name a resource of the target type in the same
// instance; a literal ARN must be of the target's kind and, when the instance is a literal too, of it.
func (c *checker) reference(base, path string, v any, r reference, props, resources, params map[string]any) {
	const code = "ResourceNotFoundException"
	switch v := v.(type) {
	case Intrinsic:
		target := v.Target()
		if target == "" || params[target] != nil || strings.HasPrefix(target, "AWS::") {
			return // a parameter, a pseudo parameter or a computed value: known at deploy time only
		}
		res, ok := resources[target].(map[string]any)
		if !ok {
			c.add(join(base, path), fmt.Sprintf("Resource '%s' is not defined in this template", target), code, "error")
			return
		}
		if typ, _ := res["Type"].(string); typ != r.target {
			c.add(join(base, path), fmt.Sprintf("%s names resource '%s' of type %s, not %s", r.prop, target, typ, r.target), code, "error")
			return
		}
		if v.Fn == "GetAtt" {
			if attr := getAttName(v.Arg); attr != "" && attr != arnAttributes[r.target] {
				c.add(join(base, path), fmt.Sprintf("%s takes the ARN of %s: !GetAtt %s.%s or !Ref %s, not its %s", r.prop, target,
					target, arnAttributes[r.target], target, attr), code, "error")
				return
			}
		}
		other, _ := res["Properties"].(map[string]any)
		if a, b := instanceKey(props["InstanceArn"]), instanceKey(other["InstanceArn"]); a != "" && b != "" && a != b {
			c.add(join(base, path), fmt.Sprintf("%s names '%s', which belongs to another instance", r.prop, target), code, "error")
		}
	case string:
		rn, ok := connectlocal.ParseARN(v)
		if !ok {
			return // the schema's pattern has said so
		}
		if rn.Kind != r.kind {
			c.add(join(base, path), fmt.Sprintf("%s takes an ARN of %s, not a %s ARN", r.prop, r.target, rn.Kind), code, "error")
			return
		}
		if inst, ok := props["InstanceArn"].(string); ok {
			if irn, ok := connectlocal.ParseARN(inst); ok && irn.Kind == connectlocal.KindInstance && irn.InstanceID != rn.InstanceID {
				c.add(join(base, path), fmt.Sprintf("%s names an object of instance %s, not of the resource's instance %s", r.prop, rn.InstanceID, irn.InstanceID), code, "error")
			}
		}
	}
}

// groupLevel checks a group's level against a UserHierarchyStructure of the same instance in the file: a
// group sits one level below its parent (level 1 without one), and CreateUserHierarchyGroup refuses a
// level the structure does not define (InvalidRequestException). Parents are followed through the file;
// a parent that is no resource of it leaves the level unknown.
func (c *checker) groupLevel(name, base string, props, resources map[string]any) {
	level, seen := 1, map[string]bool{name: true}
	for cur := props; ; level++ {
		in, ok := cur["ParentGroupArn"].(Intrinsic)
		if !ok {
			if cur["ParentGroupArn"] != nil {
				return // a literal parent: its level is the instance's
			}
			break
		}
		target := in.Target()
		res, ok := resources[target].(map[string]any)
		if !ok || seen[target] {
			if seen[target] {
				c.add(join(base, "ParentGroupArn"), fmt.Sprintf("Group '%s' is its own ancestor", name), "InvalidRequestException", "error")
			}
			return
		}
		seen[target] = true
		if cur, ok = res["Properties"].(map[string]any); !ok {
			return
		}
	}
	inst := instanceKey(props["InstanceArn"])
	if inst == "" {
		return
	}
	var structures []string
	for n, r := range resources {
		res, _ := r.(map[string]any)
		if typ, _ := res["Type"].(string); typ != cfn.UserHierarchyStructure {
			continue
		}
		p, _ := res["Properties"].(map[string]any)
		if instanceKey(p["InstanceArn"]) == inst {
			structures = append(structures, n)
		}
	}
	sort.Strings(structures)
	for _, n := range structures {
		p := resources[n].(map[string]any)["Properties"].(map[string]any)
		levels, ok := p["UserHierarchyStructure"].(map[string]any)
		if _, unknown := p["UserHierarchyStructure"].(Intrinsic); unknown {
			return
		}
		if !ok || levels[cfn.HierarchyLevels[min(level, 5)-1]] == nil || level > 5 {
			at := join(base, "ParentGroupArn")
			if level == 1 {
				at = base // no parent: the place is the group
			}
			c.add(at, fmt.Sprintf("Group '%s' sits at level %d, which structure '%s' does not define", name, level, n),
				"InvalidRequestException", "error")
			return
		}
	}
}

// GroupBeforeStructure warns of a UserHierarchyGroup that does not depend on the UserHierarchyStructure of
// its instance in the same file: CloudFormation creates resources without a dependency in parallel, so the
// group may come first, and CreateUserHierarchyGroup refuses a level the structure does not define yet.
const GroupBeforeStructure = "GROUP_BEFORE_STRUCTURE"

// structureFirst warns when group name has no dependency (DependsOn, or a reference, directly or through
// other resources) on a structure of its instance in the file.
func (c *checker) structureFirst(name, base string, props, resources map[string]any) {
	inst := instanceKey(props["InstanceArn"])
	if inst == "" {
		return
	}
	var structures []string
	for n, r := range resources {
		res, _ := r.(map[string]any)
		p, _ := res["Properties"].(map[string]any)
		if typ, _ := res["Type"].(string); typ == cfn.UserHierarchyStructure && instanceKey(p["InstanceArn"]) == inst {
			structures = append(structures, n)
		}
	}
	sort.Strings(structures)
	for _, s := range structures {
		if !dependsOn(name, s, resources, map[string]bool{}) {
			c.add(base, fmt.Sprintf("Group '%s' does not depend on the hierarchy structure '%s' (add DependsOn: %s): CloudFormation may create "+
				"the group first, and CreateUserHierarchyGroup refuses a level the structure does not define yet", name, s, s), GroupBeforeStructure, "warning")
			return
		}
	}
}

// dependsOn says whether resource name depends on target: through DependsOn or a reference in its
// properties, directly or through the resources it depends on.
func dependsOn(name, target string, resources map[string]any, seen map[string]bool) bool {
	if seen[name] {
		return false
	}
	seen[name] = true
	res, _ := resources[name].(map[string]any)
	var next []string
	switch d := res["DependsOn"].(type) {
	case string:
		next = append(next, d)
	case []any:
		for _, e := range d {
			if s, ok := e.(string); ok {
				next = append(next, s)
			}
		}
	}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case Intrinsic:
			if t := v.Target(); t != "" {
				next = append(next, t)
			}
			walk(v.Arg)
		case map[string]any:
			for _, e := range v {
				walk(e)
			}
		case []any:
			for _, e := range v {
				walk(e)
			}
		}
	}
	walk(res["Properties"])
	for _, n := range next {
		if n == target || dependsOn(n, target, resources, seen) {
			return true
		}
	}
	return false
}

// identity checks a user against the identity management of its instance, when the instance is a resource
// of the file: CreateUser refuses (InvalidRequestException) a user without a password on an instance that
// manages its own users, a password on any other, and a DirectoryUserId or an Email under SAML. The
// messages are the service's (service_users.go, CreateUser's check).
func (c *checker) identity(base string, props, resources map[string]any) {
	in, ok := props["InstanceArn"].(Intrinsic)
	if !ok {
		return
	}
	res, _ := resources[in.Target()].(map[string]any)
	if typ, _ := res["Type"].(string); typ != cfn.Instance {
		return
	}
	ip, _ := res["Properties"].(map[string]any)
	idm, ok := ip["IdentityManagementType"].(string)
	if !ok {
		return // unknown until deploy
	}
	const code = "InvalidRequestException"
	_, password := props["Password"]
	info, _ := props["IdentityInfo"].(map[string]any)
	switch {
	case idm == "CONNECT_MANAGED" && !password:
		c.add(base, "A password is required for a user of an instance that manages its own users", code, "error")
	case idm != "CONNECT_MANAGED" && password:
		c.add(join(base, "Password"), "A password cannot be set for a user of an instance using "+idm+" identity management", code, "error")
	case idm == "SAML" && props["DirectoryUserId"] != nil:
		c.add(join(base, "DirectoryUserId"), "DirectoryUserId cannot be set for a user of an instance using SAML", code, "error")
	case idm == "SAML" && info["Email"] != nil:
		c.add(join(base, "IdentityInfo.Email"), "Email cannot be set for a user of an instance using SAML", code, "error")
	}
}
