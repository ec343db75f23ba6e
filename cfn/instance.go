package cfn

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/connectlocal/connectlocal"
)

// InstanceAttributes pairs each property of AWS::Connect::Instance's Attributes with the Connect
// InstanceAttributeType it sets, in the Connect model's order. The names differ only in spelling; the CDK's
// CfnInstance.AttributesProperty documents each property as "Boolean flag which enables <TYPE> on an
// instance" (docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_connect.CfnInstance.AttributesProperty.html).
var InstanceAttributes = []struct{ Property, Type string }{
	{"InboundCalls", "INBOUND_CALLS"},
	{"OutboundCalls", "OUTBOUND_CALLS"},
	{"ContactflowLogs", "CONTACTFLOW_LOGS"},
	{"ContactLens", "CONTACT_LENS"},
	{"AutoResolveBestVoices", "AUTO_RESOLVE_BEST_VOICES"},
	{"UseCustomTTSVoices", "USE_CUSTOM_TTS_VOICES"},
	{"EarlyMedia", "EARLY_MEDIA"},
	{"MultiPartyConference", "MULTI_PARTY_CONFERENCE"},
	{"HighVolumeOutBound", "HIGH_VOLUME_OUTBOUND"},
	{"EnhancedContactMonitoring", "ENHANCED_CONTACT_MONITORING"},
	{"EnhancedChatMonitoring", "ENHANCED_CHAT_MONITORING"},
	{"MultiPartyChatConference", "MULTI_PARTY_CHAT_CONFERENCE"},
	{"MessageStreaming", "MESSAGE_STREAMING"},
}

// InstanceCreate turns AWS::Connect::Instance properties into CreateInstance's request. Of Attributes only
// InboundCalls and OutboundCalls are CreateInstance members; InstanceAttributeValues gives the others, which
// UpdateInstanceAttribute sets once the instance exists.
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

// InstanceAttributeValues checks an instance's properties' Attributes against the type's schema (an object of
// booleans that needs InboundCalls and OutboundCalls and allows no other key) and returns the Connect
// attribute type → value ("true" or "false") of each property it gives. The error is InvalidArgument in the
// words of CloudFormation's schema validation ("Model validation failed (#/Attributes: extraneous key [X] is
// not permitted)"), so bad Attributes fail before anything is created or changed.
func InstanceAttributeValues(props map[string]any) (map[string]string, error) {
	raw, ok := props["Attributes"]
	if !ok {
		return nil, modelInvalid("#: required key [Attributes] not found")
	}
	attrs, ok := raw.(map[string]any)
	if !ok {
		return nil, modelInvalid("#/Attributes: expected type: JSONObject, found: %s", jsonType(raw))
	}
	known := map[string]string{}
	for _, a := range InstanceAttributes {
		known[a.Property] = a.Type
	}
	var problems []string
	for _, req := range []string{"InboundCalls", "OutboundCalls"} {
		if _, ok := attrs[req]; !ok {
			problems = append(problems, fmt.Sprintf("#/Attributes: required key [%s] not found", req))
		}
	}
	keys := make([]string, 0, len(attrs))
	for k := range attrs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := map[string]string{}
	for _, k := range keys {
		typ, ok := known[k]
		if !ok {
			problems = append(problems, fmt.Sprintf("#/Attributes: extraneous key [%s] is not permitted", k))
			continue
		}
		b, ok := attrs[k].(bool)
		if !ok {
			problems = append(problems, fmt.Sprintf("#/Attributes/%s: expected type: Boolean, found: %s", k, jsonType(attrs[k])))
			continue
		}
		out[typ] = fmt.Sprint(b)
	}
	if len(problems) > 0 {
		return nil, modelInvalid("%s", strings.Join(problems, " "))
	}
	return out, nil
}

func modelInvalid(format string, args ...any) error {
	return connectlocal.Errorf(connectlocal.InvalidArgument, "Model validation failed (%s)", fmt.Sprintf(format, args...))
}

// jsonType names a decoded JSON value's type as the schema validator's messages do.
func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "Null"
	case bool:
		return "Boolean"
	case string:
		return "String"
	case json.Number, float64:
		return "Number"
	case []any:
		return "JSONArray"
	}
	return "JSONObject"
}

// InstanceModel turns DescribeInstance's Instance (or ListInstances' InstanceSummary) and
// ListInstanceAttributes' Attributes into the type's properties (CreatedTime as an ISO 8601 string, the
// schema's type for it). Attributes holds every attribute the schema names, read from the instance.
func InstanceModel(inst map[string]any, attributes []any) map[string]any {
	m := map[string]any{"Arn": inst["Arn"], "Id": inst["Id"], "IdentityManagementType": inst["IdentityManagementType"],
		"InstanceStatus": inst["InstanceStatus"], "ServiceRole": inst["ServiceRole"],
		"Attributes": InstanceAttributesModel(attributes)}
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

// InstanceAttributesModel turns ListInstanceAttributes' Attributes ([{AttributeType, Value}]) into the
// Attributes property. A value is on when it reads "true" in any case (UpdateInstanceAttribute's values).
func InstanceAttributesModel(attributes []any) map[string]any {
	values := map[string]string{}
	for _, a := range attributes {
		if kv, ok := a.(map[string]any); ok {
			typ, _ := kv["AttributeType"].(string)
			v, _ := kv["Value"].(string)
			values[typ] = v
		}
	}
	out := map[string]any{}
	for _, a := range InstanceAttributes {
		if v, ok := values[a.Type]; ok {
			out[a.Property] = strings.EqualFold(v, "true")
		}
	}
	return out
}
