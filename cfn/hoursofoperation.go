package cfn

import "github.com/connectlocal/connectlocal"

// HoursOfOperation is the CloudFormation type of a routing object's hours.
const HoursOfOperation = "AWS::Connect::HoursOfOperation"

// HoursOfOperationUnserved names the properties whose operations connectlocal lacks (overrides and the
// child and parent associations after create).
var HoursOfOperationUnserved = map[string]string{
	"HoursOfOperationOverrides": "CreateHoursOfOperationOverride and ListHoursOfOperationOverrides",
	"ChildHoursOfOperations":    "AssociateHoursOfOperations",
}

// HoursOfOperationCreate turns AWS::Connect::HoursOfOperation properties into CreateHoursOfOperation's
// request. Config has the same shape in both; a parent's Id is an hours id or ARN, as Connect takes either.
func HoursOfOperationCreate(props map[string]any) map[string]any {
	req := map[string]any{}
	for k, v := range props {
		switch k {
		case "InstanceArn":
			req["InstanceId"] = v
		case "Name", "Description", "TimeZone", "Config":
			req[k] = v
		case "ParentHoursOfOperations":
			list, _ := v.([]any)
			parents := []any{}
			for _, p := range list {
				if m, ok := p.(map[string]any); ok {
					parents = append(parents, map[string]any{"HoursOfOperationId": m["Id"]})
				}
			}
			req["ParentHoursOfOperationConfigs"] = parents
		case "Tags":
			requestTags(req, v)
		}
	}
	return req
}

// HoursOfOperationUpdate is UpdateHoursOfOperation's request making the hours look as props say. A removed
// Description is sent as "", which clears it (the provider's UpdateHandler sends "" for a null one).
func HoursOfOperationUpdate(instance, id string, props map[string]any) map[string]any {
	req := map[string]any{"InstanceId": instance, "HoursOfOperationId": id, "Description": ""}
	copyKeys(req, props, "Name", "Description", "TimeZone", "Config")
	return req
}

// HoursOfOperationModel turns DescribeHoursOfOperation's HoursOfOperation into the type's properties. A
// parent is shown by its id and name, as Describe gives them.
func HoursOfOperationModel(scope connectlocal.Scope, inst string, h map[string]any) map[string]any {
	m := map[string]any{"HoursOfOperationArn": h["HoursOfOperationArn"], "InstanceArn": scope.InstanceARN(inst)}
	copyKeys(m, h, "Name", "Description", "TimeZone")
	m["Config"] = []any{}
	if c, ok := h["Config"].([]any); ok {
		m["Config"] = c
	}
	if ps, ok := h["ParentHoursOfOperations"].([]any); ok && len(ps) > 0 {
		var out []any
		for _, p := range ps {
			if pm, ok := p.(map[string]any); ok {
				out = append(out, map[string]any{"Id": pm["Id"], "Name": pm["Name"]})
			}
		}
		m["ParentHoursOfOperations"] = out
	}
	return withTags(m, h["Tags"])
}
