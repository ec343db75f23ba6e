package cfn

import "github.com/connectlocal/connectlocal"

// QuickConnect is the CloudFormation type of a quick connect.
const QuickConnect = "AWS::Connect::QuickConnect"

// QuickConnectCreate turns AWS::Connect::QuickConnect properties into CreateQuickConnect's request.
func QuickConnectCreate(props map[string]any) map[string]any {
	req := map[string]any{}
	for k, v := range props {
		switch k {
		case "InstanceArn":
			req["InstanceId"] = v
		case "Name", "Description":
			req[k] = v
		case "QuickConnectConfig":
			req[k] = QuickConnectConfigRequest(v)
		case "Tags":
			requestTags(req, v)
		}
	}
	return req
}

// QuickConnectConfigRequest turns the type's QuickConnectConfig into Connect's: UserArn, QueueArn and
// ContactFlowArn become UserId, QueueId and ContactFlowId (Connect takes the ARNs as ids).
func QuickConnectConfigRequest(v any) map[string]any {
	in, _ := v.(map[string]any)
	out := map[string]any{}
	for k, x := range in {
		switch k {
		case "QuickConnectType":
			out[k] = x
		case "PhoneConfig":
			out[k] = x // same shape
		case "UserConfig", "QueueConfig":
			c, _ := x.(map[string]any)
			r := map[string]any{}
			for ck, cv := range c {
				switch ck {
				case "UserArn":
					r["UserId"] = cv
				case "QueueArn":
					r["QueueId"] = cv
				case "ContactFlowArn":
					r["ContactFlowId"] = cv
				}
			}
			out[k] = r
		}
	}
	return out
}

// QuickConnectModel turns DescribeQuickConnect's QuickConnect into the type's properties, ids as ARNs (as the
// provider's ReadHandler builds them).
func QuickConnectModel(scope connectlocal.Scope, inst string, q map[string]any) map[string]any {
	m := map[string]any{"QuickConnectArn": q["QuickConnectARN"], "InstanceArn": scope.InstanceARN(inst)}
	copyKeys(m, q, "Name", "Description")
	c, _ := q["QuickConnectConfig"].(map[string]any)
	typ := str(c["QuickConnectType"])
	cfg := map[string]any{"QuickConnectType": typ}
	flow := func(x map[string]any) string {
		return objectARN(scope, inst, connectlocal.KindContactFlow, str(x["ContactFlowId"]))
	}
	if u, ok := c["UserConfig"].(map[string]any); ok {
		cfg["UserConfig"] = map[string]any{"UserArn": objectARN(scope, inst, connectlocal.KindUser, str(u["UserId"])), "ContactFlowArn": flow(u)}
	}
	if qc, ok := c["QueueConfig"].(map[string]any); ok {
		cfg["QueueConfig"] = map[string]any{"QueueArn": objectARN(scope, inst, connectlocal.KindQueue, str(qc["QueueId"])), "ContactFlowArn": flow(qc)}
	}
	if p, ok := c["PhoneConfig"].(map[string]any); ok {
		cfg["PhoneConfig"] = p
	}
	m["QuickConnectConfig"], m["QuickConnectType"] = cfg, typ
	return withTags(m, q["Tags"])
}
