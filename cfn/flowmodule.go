package cfn

import "github.com/connectlocal/connectlocal"

// ContactFlowModuleCreate turns AWS::Connect::ContactFlowModule properties into CreateContactFlowModule's
// request. State has no CreateContactFlowModule member (a new module is ACTIVE); the handler sets it after.
func ContactFlowModuleCreate(props map[string]any) map[string]any {
	req := map[string]any{}
	for k, v := range props {
		switch k {
		case "InstanceArn":
			req["InstanceId"] = v
		case "Name", "Content", "Description", "Settings", "ExternalInvocationConfiguration":
			req[k] = v
		case "Tags":
			if tags := TagMap(v); len(tags) > 0 {
				req["Tags"] = tags
			}
		}
	}
	return req
}

// ContactFlowModuleModel turns DescribeContactFlowModule's ContactFlowModule into the type's properties, as
// the provider's ReadHandler sets them (aws-connect-contactflowmodule ReadHandler.java: InstanceArn, Content,
// Name, Description, Tags, State, Status). Settings is shown when the module has some.
func ContactFlowModuleModel(scope connectlocal.Scope, instanceID string, mod map[string]any) map[string]any {
	m := map[string]any{"ContactFlowModuleArn": mod["Arn"], "InstanceArn": scope.InstanceARN(instanceID)}
	for _, k := range []string{"Name", "Content", "Description", "State", "Status", "Settings"} {
		if v, ok := mod[k]; ok && v != nil && v != "" {
			m[k] = v
		}
	}
	if tags, ok := mod["Tags"].(map[string]any); ok && len(tags) > 0 {
		m["Tags"] = TagList(tags)
	}
	return m
}
