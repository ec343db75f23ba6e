package cfn

import (
	"strings"

	"github.com/connectlocal/connectlocal"
)

// TaskTemplateCreate turns AWS::Connect::TaskTemplate properties into CreateTaskTemplate's request (members
// named as the Connect model names them) and the tags to put on the template afterwards: CreateTaskTemplate
// takes no Tags, and the schema says tagOnCreate is false. Values pass through unchanged, so the request's
// own checks judge them; a property of the wrong shape stays wrong.
func TaskTemplateCreate(props map[string]any) (req map[string]any, tags map[string]any) {
	req = map[string]any{}
	for cfnName, v := range props {
		switch cfnName {
		case "InstanceArn":
			req["InstanceId"] = v // Connect takes an instance id or its ARN
		case "ContactFlowArn":
			req["ContactFlowId"] = v
		case "SelfAssignContactFlowArn":
			req["SelfAssignFlowId"] = v
		case "Defaults":
			req["Defaults"] = map[string]any{"DefaultFieldValues": v}
		case "Name", "Description", "Fields", "Constraints", "Status", "ClientToken":
			req[cfnName] = v
		case "Tags":
			tags = TagMap(v)
		}
	}
	return req, tags
}

// TaskTemplateUpdate is UpdateTaskTemplate's request that makes the template with id arn look as props say.
// A property left out keeps its stored value, as UpdateTaskTemplate does with a member left out.
func TaskTemplateUpdate(arn string, props map[string]any) map[string]any {
	req, _ := TaskTemplateCreate(props)
	delete(req, "ClientToken")
	req["TaskTemplateId"] = arn
	return req
}

// requestToProperty names each CreateTaskTemplate member after its property.
var requestToProperty = map[string]string{
	"InstanceId": "InstanceArn", "ContactFlowId": "ContactFlowArn", "SelfAssignFlowId": "SelfAssignContactFlowArn",
	"Defaults.DefaultFieldValues": "Defaults",
}

// TaskTemplatePath turns a CreateTaskTemplate member path (Defaults.DefaultFieldValues[1].DefaultValue) into
// the property path of the same value (Defaults[1].DefaultValue).
func TaskTemplatePath(member string) string {
	for from, to := range requestToProperty {
		if member == from || strings.HasPrefix(member, from+".") || strings.HasPrefix(member, from+"[") {
			return to + member[len(from):]
		}
	}
	return member
}

// TaskTemplateProblem restates a problem the Connect API found at a CreateTaskTemplate member path in the
// type's terms: the property path, and the message with the member's name replaced by the property's.
func TaskTemplateProblem(member, message string) (string, string) {
	top := member[:len(member)-len(strings.TrimLeft(member, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))]
	if prop := TaskTemplatePath(top); prop != top {
		message = strings.ReplaceAll(message, top, prop)
	}
	return TaskTemplatePath(member), message
}

// TaskTemplateModel turns GetTaskTemplate's answer into the type's properties. Flow ids become ARNs, as the
// schema's properties are ARNs.
func TaskTemplateModel(scope connectlocal.Scope, get map[string]any) map[string]any {
	inst, _ := get["InstanceId"].(string)
	m := map[string]any{"Arn": get["Arn"], "InstanceArn": scope.InstanceARN(inst)}
	for _, k := range []string{"Name", "Description", "Fields", "Constraints", "Status"} {
		if v, ok := get[k]; ok && v != nil {
			m[k] = v
		}
	}
	if id, _ := get["ContactFlowId"].(string); id != "" {
		m["ContactFlowArn"] = flowARN(scope, inst, id)
	}
	if id, _ := get["SelfAssignFlowId"].(string); id != "" {
		m["SelfAssignContactFlowArn"] = flowARN(scope, inst, id)
	}
	if d, ok := get["Defaults"].(map[string]any); ok {
		if list, ok := d["DefaultFieldValues"].([]any); ok && len(list) > 0 {
			m["Defaults"] = list
		}
	}
	if c, ok := m["Constraints"].(map[string]any); ok {
		for k, v := range c {
			if l, ok := v.([]any); v == nil || ok && len(l) == 0 {
				delete(c, k)
			}
		}
		if len(c) == 0 {
			delete(m, "Constraints")
		}
	}
	if tags, ok := get["Tags"].(map[string]any); ok && len(tags) > 0 {
		m["Tags"] = TagList(tags)
	}
	return m
}

func flowARN(scope connectlocal.Scope, inst, id string) string {
	if strings.HasPrefix(id, "arn:") {
		return id
	}
	return scope.ContactFlowARN(inst, id)
}
