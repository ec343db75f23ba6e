package cfn

import "github.com/connectlocal/connectlocal"

// AgentStatusCreate turns AWS::Connect::AgentStatus properties into CreateAgentStatus's request. Type has no
// CreateAgentStatus member (a created status is CUSTOM) and ResetOrderNumber only means something to
// UpdateAgentStatus, so neither is sent.
func AgentStatusCreate(props map[string]any) map[string]any {
	req := map[string]any{}
	for k, v := range props {
		switch k {
		case "InstanceArn":
			req["InstanceId"] = v
		case "Name", "Description", "State", "DisplayOrder":
			req[k] = v
		case "Tags":
			if tags := TagMap(v); len(tags) > 0 {
				req["Tags"] = tags
			}
		}
	}
	return req
}

// AgentStatusModel turns DescribeAgentStatus's AgentStatus into the type's properties.
func AgentStatusModel(scope connectlocal.Scope, instanceID string, s map[string]any) map[string]any {
	m := map[string]any{"AgentStatusArn": s["AgentStatusARN"], "InstanceArn": scope.InstanceARN(instanceID)}
	for _, k := range []string{"Name", "Description", "State", "Type", "DisplayOrder", "LastModifiedRegion", "LastModifiedTime"} {
		if v, ok := s[k]; ok && v != nil {
			m[k] = v
		}
	}
	if tags, ok := s["Tags"].(map[string]any); ok && len(tags) > 0 {
		m["Tags"] = TagList(tags)
	}
	return m
}

// AgentStatusTypeProblem refuses a Type CreateAgentStatus cannot make: it makes CUSTOM statuses only (ROUTABLE
// and OFFLINE come with the instance), so another Type would be a model the resource never matches.
func AgentStatusTypeProblem(props map[string]any) error {
	if t, ok := props["Type"]; ok && t != "CUSTOM" {
		return connectlocal.Errorf(connectlocal.InvalidRequest, "Type %v cannot be created: CreateAgentStatus makes CUSTOM statuses "+
			"(the ROUTABLE and OFFLINE ones come with the instance). Nothing was created.", t)
	}
	return nil
}
