package cfn

import "github.com/connectlocal/connectlocal"

// ContactFlowCreate turns AWS::Connect::ContactFlow properties into CreateContactFlow's request. State
// (ACTIVE | ARCHIVED) has no CreateContactFlow member: a new flow is ACTIVE (the provider's CreateHandler
// sends no state either).
func ContactFlowCreate(props map[string]any) map[string]any {
	req := map[string]any{}
	for k, v := range props {
		switch k {
		case "InstanceArn":
			req["InstanceId"] = v
		case "Name", "Content", "Type", "Description":
			req[k] = v
		case "Tags":
			if tags := TagMap(v); len(tags) > 0 {
				req["Tags"] = tags
			}
		}
	}
	return req
}

// ContactFlowModel turns DescribeContactFlow's ContactFlow into the type's properties.
func ContactFlowModel(scope connectlocal.Scope, instanceID string, flow map[string]any) map[string]any {
	m := map[string]any{"ContactFlowArn": flow["Arn"], "InstanceArn": scope.InstanceARN(instanceID), "State": "ACTIVE"}
	for _, k := range []string{"Name", "Content", "Type", "Description", "Status", "State"} {
		if v, ok := flow[k]; ok && v != nil {
			m[k] = v
		}
	}
	if tags, ok := flow["Tags"].(map[string]any); ok && len(tags) > 0 {
		m["Tags"] = TagList(tags)
	}
	return m
}
