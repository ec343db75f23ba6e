package awsapi

import (
	"encoding/json"
	"slices"
	"strconv"
	"time"
)

// The answers read most often are written by hand instead of by encoding/json's reflective walk, which was
// ~9% of a cached GetTaskTemplate's CPU in the binary under wrk (pprof). Each appendJSON writes exactly the
// bytes json.Marshal writes for its value (the same member order, omitempty and null rules, escaping and
// number format): TestAppendJSONMatchesMarshal compares them on many values.

// jsonAppender is a response that writes its own JSON; writeJSON prefers it to json.Marshal.
type jsonAppender interface {
	appendJSON(b []byte) []byte
}

// appendJSONString appends s as encoding/json does: the common string (printable ASCII without the
// characters it escapes, HTML's included) as it is; anything else through encoding/json itself.
func appendJSONString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if !jsonPlain[s[i]] {
			q, _ := json.Marshal(s) // a string always encodes
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// jsonPlain marks the bytes encoding/json writes as they are: printable ASCII but for '"', '\\' and HTML's
// '<', '>' and '&'.
var jsonPlain = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

// appendMember appends `"name":` after a comma unless it opens the object.
func appendMember(b []byte, first bool, name string) []byte {
	if !first {
		b = append(b, ',')
	}
	b = append(b, '"')
	b = append(b, name...)
	return append(b, '"', ':')
}

func appendOptString(b []byte, first bool, name string, p *string) ([]byte, bool) {
	if p == nil {
		return b, first
	}
	return appendJSONString(appendMember(b, first, name), *p), false
}

func appendEpoch(b []byte, t *epochTime) []byte {
	if t == nil {
		return append(b, "null"...)
	}
	return strconv.AppendFloat(b, float64(time.Time(*t).UnixMilli())/1000, 'f', -1, 64) // epochTime.MarshalJSON
}

// appendTags appends a string map with its keys sorted, as encoding/json does.
func appendTags(b []byte, tags map[string]string) []byte {
	if tags == nil {
		return append(b, "null"...)
	}
	keys := make([]string, 0, len(tags))
	for k := range tags {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b = append(b, '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, k)
		b = append(b, ':')
		b = appendJSONString(b, tags[k])
	}
	return append(b, '}')
}

func (id *TaskTemplateFieldIdentifier) appendJSON(b []byte) []byte {
	b, _ = appendOptString(append(b, '{'), true, "Name", id.Name)
	return append(b, '}')
}

func appendFieldRefs(b []byte, refs []fieldRef) []byte {
	if refs == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i := range refs {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '{')
		if id := refs[i].Id; id != nil {
			b = id.appendJSON(appendMember(b, true, "Id"))
		}
		b = append(b, '}')
	}
	return append(b, ']')
}

func (c *TaskTemplateConstraints) appendJSON(b []byte) []byte {
	b = appendFieldRefs(appendMember(append(b, '{'), true, "RequiredFields"), c.RequiredFields)
	b = appendFieldRefs(appendMember(b, false, "ReadOnlyFields"), c.ReadOnlyFields)
	b = appendFieldRefs(appendMember(b, false, "InvisibleFields"), c.InvisibleFields)
	return append(b, '}')
}

func (d *TaskTemplateDefaults) appendJSON(b []byte) []byte {
	b = appendMember(append(b, '{'), true, "DefaultFieldValues")
	if d.DefaultFieldValues == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range d.DefaultFieldValues {
			v := &d.DefaultFieldValues[i]
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '{')
			first := true
			if v.Id != nil {
				b, first = v.Id.appendJSON(appendMember(b, true, "Id")), false
			}
			b, _ = appendOptString(b, first, "DefaultValue", v.DefaultValue)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

func (f *TaskTemplateField) appendJSON(b []byte) []byte {
	b = append(b, '{')
	first := true
	if f.Id != nil {
		b, first = f.Id.appendJSON(appendMember(b, true, "Id")), false
	}
	b, first = appendOptString(b, first, "Description", f.Description)
	b, first = appendOptString(b, first, "Type", f.Type)
	if len(f.SingleSelectOptions) > 0 {
		b = append(appendMember(b, first, "SingleSelectOptions"), '[')
		for i, o := range f.SingleSelectOptions {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, o)
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

func (r *GetTaskTemplateResponse) appendJSON(b []byte) []byte {
	b = appendJSONString(appendMember(append(b, '{'), true, "InstanceId"), r.InstanceId)
	b = appendJSONString(appendMember(b, false, "Id"), r.Id)
	b = appendJSONString(appendMember(b, false, "Arn"), r.Arn)
	b = appendJSONString(appendMember(b, false, "Name"), r.Name)
	b, _ = appendOptString(b, false, "Description", r.Description)
	b, _ = appendOptString(b, false, "ContactFlowId", r.ContactFlowId)
	b, _ = appendOptString(b, false, "SelfAssignFlowId", r.SelfAssignFlowId)
	if r.Constraints != nil {
		b = r.Constraints.appendJSON(appendMember(b, false, "Constraints"))
	}
	if r.Defaults != nil {
		b = r.Defaults.appendJSON(appendMember(b, false, "Defaults"))
	}
	b = appendMember(b, false, "Fields")
	if r.Fields == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range r.Fields {
			if i > 0 {
				b = append(b, ',')
			}
			b = r.Fields[i].appendJSON(b)
		}
		b = append(b, ']')
	}
	b = appendJSONString(appendMember(b, false, "Status"), r.Status)
	if r.LastModifiedTime != nil {
		b = appendEpoch(appendMember(b, false, "LastModifiedTime"), r.LastModifiedTime)
	}
	if r.CreatedTime != nil {
		b = appendEpoch(appendMember(b, false, "CreatedTime"), r.CreatedTime)
	}
	if len(r.Tags) > 0 {
		b = appendTags(appendMember(b, false, "Tags"), r.Tags)
	}
	return append(b, '}')
}

func (r *DescribeInstanceResponse) appendJSON(b []byte) []byte {
	in := &r.Instance
	b = appendMember(append(b, '{'), true, "Instance")
	b = appendJSONString(appendMember(append(b, '{'), true, "Id"), in.Id)
	b = appendJSONString(appendMember(b, false, "Arn"), in.Arn)
	b = appendJSONString(appendMember(b, false, "IdentityManagementType"), in.IdentityManagementType)
	b, _ = appendOptString(b, false, "InstanceAlias", in.InstanceAlias)
	b = appendEpoch(appendMember(b, false, "CreatedTime"), in.CreatedTime)
	b = appendJSONString(appendMember(b, false, "ServiceRole"), in.ServiceRole)
	b = appendJSONString(appendMember(b, false, "InstanceStatus"), in.InstanceStatus)
	b = strconv.AppendBool(appendMember(b, false, "InboundCallsEnabled"), in.InboundCallsEnabled)
	b = strconv.AppendBool(appendMember(b, false, "OutboundCallsEnabled"), in.OutboundCallsEnabled)
	b, _ = appendOptString(b, false, "InstanceAccessUrl", in.InstanceAccessUrl)
	if len(in.Tags) > 0 {
		b = appendTags(appendMember(b, false, "Tags"), in.Tags)
	}
	return append(b, '}', '}')
}
