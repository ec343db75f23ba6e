package cfn

import (
	"strings"

	"github.com/connectlocal/connectlocal"
)

// Queue is the CloudFormation type of a STANDARD queue.
const Queue = "AWS::Connect::Queue"

// QueueUnserved names the properties connectlocal cannot keep: it holds no email addresses.
var QueueUnserved = map[string]string{
	"AdditionalEmailAddresses": "AssociateQueueEmailAddresses and ListQueueEmailAddresses",
}

// QueueCreate turns AWS::Connect::Queue properties into CreateQueue's request. Status has no CreateQueue
// member: a queue is created ENABLED and a DISABLED one is set afterwards with UpdateQueueStatus.
func QueueCreate(props map[string]any) map[string]any {
	req := map[string]any{}
	for k, v := range props {
		switch k {
		case "InstanceArn":
			req["InstanceId"] = v
		case "HoursOfOperationArn":
			req["HoursOfOperationId"] = v
		case "Name", "Description", "MaxContacts":
			req[k] = v
		case "OutboundCallerConfig":
			req[k] = QueueOutboundCaller(v)
		case "OutboundEmailConfig":
			req[k] = v // same shape
		case "QuickConnectArns":
			req["QuickConnectIds"] = v
		case "Tags":
			requestTags(req, v)
		}
	}
	return req
}

// QueueOutboundCaller turns the type's OutboundCallerConfig into the Connect one (ARN members become ids,
// which Connect takes as ARNs too).
func QueueOutboundCaller(v any) map[string]any {
	in, _ := v.(map[string]any)
	out := map[string]any{}
	for from, to := range map[string]string{"OutboundCallerIdName": "OutboundCallerIdName",
		"OutboundCallerIdNumberArn": "OutboundCallerIdNumberId", "OutboundFlowArn": "OutboundFlowId"} {
		if x, ok := in[from]; ok {
			out[to] = x
		}
	}
	return out
}

// QueueModel turns DescribeQueue's Queue and the queue's quick connects (ListQueueQuickConnects' ARNs) into
// the type's properties; ids become ARNs, as the schema's properties are ARNs.
func QueueModel(scope connectlocal.Scope, inst string, q map[string]any, quickConnects []any) map[string]any {
	m := map[string]any{"QueueArn": q["QueueArn"], "InstanceArn": scope.InstanceARN(inst), "Type": connectlocal.QueueStandard}
	if strings.Contains(str(q["QueueArn"]), "/queue/agent/") { // DescribeQueue has no type; an agent's queue has this ARN
		m["Type"] = connectlocal.QueueAgent
	}
	copyKeys(m, q, "Name", "Description", "MaxContacts", "Status", "OutboundEmailConfig")
	if id := str(q["HoursOfOperationId"]); id != "" {
		m["HoursOfOperationArn"] = objectARN(scope, inst, connectlocal.KindHours, id)
	}
	if c, ok := q["OutboundCallerConfig"].(map[string]any); ok {
		out := map[string]any{}
		copyKeys(out, c, "OutboundCallerIdName")
		if n := str(c["OutboundCallerIdNumberId"]); n != "" {
			if !strings.HasPrefix(n, "arn:") { // a phone number is not under the instance
				n = "arn:" + scope.Partition() + ":connect:" + scope.Region + ":" + scope.Account + ":phone-number/" + n
			}
			out["OutboundCallerIdNumberArn"] = n
		}
		if f := str(c["OutboundFlowId"]); f != "" {
			out["OutboundFlowArn"] = objectARN(scope, inst, connectlocal.KindContactFlow, f)
		}
		if len(out) > 0 {
			m["OutboundCallerConfig"] = out
		}
	}
	if len(quickConnects) > 0 {
		m["QuickConnectArns"] = quickConnects
	}
	return withTags(m, q["Tags"])
}
