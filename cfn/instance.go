package cfn

import (
	"encoding/json"
	"time"
)

// InstanceCreate turns AWS::Connect::Instance properties into CreateInstance's request. Of Attributes only
// InboundCalls and OutboundCalls have CreateInstance members; the others are ignored.
func InstanceCreate(props map[string]any, clientToken string) map[string]any {
	req := map[string]any{}
	for k, v := range props {
		switch k {
		case "IdentityManagementType", "InstanceAlias", "DirectoryId":
			req[k] = v
		case "Attributes":
			if a, ok := v.(map[string]any); ok {
				req["InboundCallsEnabled"] = a["InboundCalls"]
				req["OutboundCallsEnabled"] = a["OutboundCalls"]
			}
		case "Tags":
			if tags := TagMap(v); len(tags) > 0 {
				req["Tags"] = tags
			}
		}
	}
	if clientToken != "" {
		req["ClientToken"] = clientToken
	}
	return req
}

// InstanceModel turns DescribeInstance's Instance into the type's properties (CreatedTime as an ISO 8601
// string, the schema's type for it).
func InstanceModel(inst map[string]any) map[string]any {
	m := map[string]any{"Arn": inst["Arn"], "Id": inst["Id"], "IdentityManagementType": inst["IdentityManagementType"],
		"InstanceStatus": inst["InstanceStatus"], "ServiceRole": inst["ServiceRole"],
		"Attributes": map[string]any{"InboundCalls": inst["InboundCallsEnabled"], "OutboundCalls": inst["OutboundCallsEnabled"]}}
	if v, ok := inst["InstanceAlias"]; ok && v != nil {
		m["InstanceAlias"] = v
	}
	if n, ok := inst["CreatedTime"].(json.Number); ok {
		if f, err := n.Float64(); err == nil {
			m["CreatedTime"] = time.UnixMilli(int64(f * 1000)).UTC().Format(time.RFC3339)
		}
	} else if f, ok := inst["CreatedTime"].(float64); ok {
		m["CreatedTime"] = time.UnixMilli(int64(f * 1000)).UTC().Format(time.RFC3339)
	}
	if tags, ok := inst["Tags"].(map[string]any); ok && len(tags) > 0 {
		m["Tags"] = TagList(tags)
	}
	return m
}
