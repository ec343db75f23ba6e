package templatefile

import (
	"fmt"
	"sort"
	"strings"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/cfn"
)

// The CloudFormation types checked besides TaskTemplate (issue 20): AgentStatus, ContactFlowModule,
// InstanceStorageConfig and IntegrationAssociation. Each is checked as Cloud Control takes it: first its
// registry schema (Cloud Control stops there), then what its handler refuses before it stores anything.

// instanceProps names the property of each type that names its instance.
var instanceProps = map[string]string{
	cfn.AgentStatus:            "InstanceArn",
	cfn.ContactFlowModule:      "InstanceArn",
	cfn.InstanceStorageConfig:  "InstanceArn",
	cfn.IntegrationAssociation: "InstanceId",
}

// handlerChecks are each type's refusals that need no store, in the handler's own words.
var handlerChecks = map[string]func(props map[string]any, unknown func(string) bool) (path string, err error){
	cfn.AgentStatus: func(props map[string]any, unknown func(string) bool) (string, error) {
		if unknown("Type") {
			return "", nil
		}
		return "Type", cfn.AgentStatusTypeProblem(props)
	},
	cfn.ContactFlowModule: func(props map[string]any, unknown func(string) bool) (string, error) {
		content, ok := props["Content"].(string)
		if !ok || unknown("Content") {
			return "", nil
		}
		return "Content", connectlocal.CheckFlowContent(content, true) // a module's content is always checked as published
	},
	cfn.InstanceStorageConfig: func(props map[string]any, unknown func(string) bool) (string, error) {
		for _, p := range []string{"ResourceType", "StorageType", "S3Config", "KinesisVideoStreamConfig", "KinesisStreamConfig", "KinesisFirehoseConfig"} {
			if unknown(p) {
				return "", nil
			}
		}
		str := func(block, key string) string {
			m, _ := props[block].(map[string]any)
			s, _ := m[key].(string)
			return s
		}
		rt, _ := props["ResourceType"].(string)
		st, _ := props["StorageType"].(string)
		return "StorageType", connectlocal.CheckStorageConfig(connectlocal.StorageConfig{ResourceType: rt, StorageType: st,
			S3BucketName: str("S3Config", "BucketName"), KinesisVideoPrefix: str("KinesisVideoStreamConfig", "Prefix"),
			KinesisStreamARN: str("KinesisStreamConfig", "StreamArn"), KinesisFirehoseARN: str("KinesisFirehoseConfig", "FirehoseArn")})
	},
	cfn.IntegrationAssociation: func(props map[string]any, unknown func(string) bool) (string, error) {
		typ, _ := props["IntegrationType"].(string)
		if unknown("IntegrationType") || typ == cfn.IntegrationLexBot && unknown("IntegrationArn") {
			return "", nil
		}
		arn, _ := props["IntegrationArn"].(string)
		path := "IntegrationType"
		if typ == cfn.IntegrationLexBot {
			path = "IntegrationArn"
		}
		return path, cfn.IntegrationProblem(typ, arn)
	},
}

// otherResource checks one resource of a type above; it reports whether the type is one of them.
func (c *checker) otherResource(name, typ string, res, resources, params map[string]any) bool {
	check, ok := handlerChecks[typ]
	if !ok {
		return false
	}
	props, ok := res["Properties"].(map[string]any)
	if !ok {
		if _, ok := res["Properties"].(Intrinsic); ok {
			return true // the whole definition is computed at deploy time
		}
		props = map[string]any{}
	}
	d := definition{base: "Resources." + name + ".Properties"}
	resolved := c.resolve(props, "", &d.unknown).(map[string]any)
	c.instanceRef(d.base, instanceProps[typ], props, resources, params)
	if c.schemaOf(typ, d, resolved) {
		return true // Cloud Control stops at the schema: no handler runs
	}
	path, err := check(resolved, func(p string) bool { return d.hidden(p, false) })
	if err != nil {
		e := connectlocal.AsError(err)
		msg := e.Message
		if len(e.Problems) > 0 {
			msg += ": " + strings.Join(e.Problems, "; ")
		}
		c.add(join(d.base, path), msg, handlerCode(e.Code), "error")
	}
	return true
}

// handlerCode is the HandlerErrorCode Cloud Control's request ends with for a handler's refusal.
func handlerCode(code connectlocal.Code) string {
	if code == connectlocal.InvalidFlow {
		return "InvalidContactFlowModuleException" // CreateContactFlowModule's own error, which the request carries
	}
	return "InvalidRequest"
}

// schemaOf reports where props break typ's registry schema, as Cloud Control refuses them (ValidationException
// "Model validation failed (...)"); a problem at or under a value only known at deploy time is left out.
func (c *checker) schemaOf(typ string, d definition, props map[string]any) bool {
	found := false
	for _, p := range cfn.PropertySchemaOf(typ).Problems(props) {
		path := p.Path()
		if d.hidden(path, false) || p.Key != "" && !p.Extraneous && d.hidden(join(path, p.Key), false) {
			continue
		}
		at := d.base
		if path != "" {
			at = join(d.base, path)
		}
		msg := p.String()
		if strings.HasPrefix(path, "Instance") && strings.Contains(p.Text, "does not match pattern") {
			msg += " — " + path + " takes an instance ARN, arn:aws:connect:<region>:<account>:instance/<instance id>, or a !GetAtt of an AWS::Connect::Instance's Arn"
		}
		c.add(at, msg, "ValidationException", "error")
		found = true
	}
	return found
}

// instanceAttributes are what Fn::GetAtt reads of an AWS::Connect::Instance (its read-only properties).
var instanceAttributes = map[string]bool{"Arn": true, "Id": true, "CreatedTime": true, "InstanceStatus": true, "ServiceRole": true}

// instanceRef checks an instance property that refers to a resource of the file: CloudFormation refuses a
// reference to a resource the template lacks ("Template format error: Unresolved resource dependencies [X] in
// the Resources block of the template"), and one to another type, or to an attribute other than the ARN,
// names no instance (the handler answers NotFound).
func (c *checker) instanceRef(base, prop string, props, resources, params map[string]any) {
	in, ok := props[prop].(Intrinsic)
	if !ok {
		return
	}
	target := in.Target()
	if target == "" || params[target] != nil || strings.HasPrefix(target, "AWS::") {
		return
	}
	at := join(base, prop)
	res, ok := resources[target].(map[string]any)
	if !ok {
		c.add(at, fmt.Sprintf("Template format error: Unresolved resource dependencies [%s] in the Resources block of the template", target),
			"ValidationError", "error")
		return
	}
	if typ, _ := res["Type"].(string); typ != cfn.Instance {
		c.add(at, fmt.Sprintf("Resource '%s' is of type %s, not %s: %s names no instance", target, typ, cfn.Instance, prop), "NotFound", "error")
		return
	}
	if in.Fn == "GetAtt" {
		attr := getAttName(in.Arg)
		switch {
		case !instanceAttributes[attr]:
			names := make([]string, 0, len(instanceAttributes))
			for a := range instanceAttributes {
				names = append(names, a)
			}
			sort.Strings(names)
			c.add(at, fmt.Sprintf("Template error: resource %s does not support attribute type %s in Fn::GetAtt (it has %s)", target, attr,
				strings.Join(names, ", ")), "ValidationError", "error")
		case attr != "Arn":
			c.add(at, fmt.Sprintf("%s takes the instance's ARN: use !GetAtt %s.Arn, not %s", prop, target, attr), "NotFound", "error")
		}
	}
}

// getAttName is the attribute of a Fn::GetAtt argument ("X.Arn" or [X, Arn]).
func getAttName(arg any) string {
	switch a := arg.(type) {
	case string:
		_, attr, _ := strings.Cut(a, ".")
		return attr
	case []any:
		if len(a) == 2 {
			s, _ := a[1].(string)
			return s
		}
	}
	return ""
}
