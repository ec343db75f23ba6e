package cfn

import "github.com/connectlocal/connectlocal"

// RoutingProfile is the CloudFormation type of a routing profile.
const RoutingProfile = "AWS::Connect::RoutingProfile"

// RoutingProfileUnserved names the property whose read connectlocal cannot serve: Describe gives only the
// manual assignment queues' ids, without their channels.
var RoutingProfileUnserved = map[string]string{
	"ManualAssignmentQueueConfigs": "ListRoutingProfileManualAssignmentQueues",
}

// RoutingProfileCreate turns AWS::Connect::RoutingProfile properties into CreateRoutingProfile's request.
// QueueConfigs go separately (QueueConfigsRequest): a create takes at most 10 of them.
func RoutingProfileCreate(props map[string]any) map[string]any {
	req := map[string]any{}
	for k, v := range props {
		switch k {
		case "InstanceArn":
			req["InstanceId"] = v
		case "DefaultOutboundQueueArn":
			req["DefaultOutboundQueueId"] = v
		case "Name", "Description", "MediaConcurrencies", "AgentAvailabilityTimer":
			req[k] = v
		case "Tags":
			requestTags(req, v)
		}
	}
	return req
}

// QueueConfigsRequest turns the type's QueueConfigs into Connect's RoutingProfileQueueConfig list.
func QueueConfigsRequest(v any) []any {
	list, _ := v.([]any)
	out := []any{}
	for _, it := range list {
		c, _ := it.(map[string]any)
		ref, _ := c["QueueReference"].(map[string]any)
		r := map[string]any{"QueueReference": map[string]any{"QueueId": ref["QueueArn"], "Channel": ref["Channel"]}}
		copyKeys(r, c, "Priority", "Delay")
		out = append(out, r)
	}
	return out
}

// QueueConfigKey identifies a queue config by its queue ARN and channel.
func QueueConfigKey(scope connectlocal.Scope, inst string, c any) string {
	m, _ := c.(map[string]any)
	ref, _ := m["QueueReference"].(map[string]any)
	return objectARN(scope, inst, connectlocal.KindQueue, str(ref["QueueArn"])) + " " + str(ref["Channel"])
}

// RoutingProfileModel turns DescribeRoutingProfile's RoutingProfile and ListRoutingProfileQueues' summaries
// into the type's properties.
func RoutingProfileModel(scope connectlocal.Scope, inst string, rp map[string]any, queues []any) map[string]any {
	m := map[string]any{"RoutingProfileArn": rp["RoutingProfileArn"], "InstanceArn": scope.InstanceARN(inst)}
	copyKeys(m, rp, "Name", "Description", "MediaConcurrencies", "AgentAvailabilityTimer")
	if id := str(rp["DefaultOutboundQueueId"]); id != "" {
		m["DefaultOutboundQueueArn"] = objectARN(scope, inst, connectlocal.KindQueue, id)
	}
	var configs []any
	for _, q := range queues {
		s, _ := q.(map[string]any)
		configs = append(configs, map[string]any{"Priority": s["Priority"], "Delay": s["Delay"],
			"QueueReference": map[string]any{"Channel": s["Channel"], "QueueArn": objectARN(scope, inst, connectlocal.KindQueue, str(s["QueueId"]))}})
	}
	if len(configs) > 0 {
		m["QueueConfigs"] = configs
	}
	return withTags(m, rp["Tags"])
}
