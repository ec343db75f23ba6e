package templatefile

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/cfn"
)

// The routing objects' types (AWS::Connect::HoursOfOperation, Queue, QuickConnect, RoutingProfile): each is
// checked against its registry schema, as Cloud Control does before any handler runs; then for what
// connectlocal does not serve, and for its references to other resources of the file.

// routingUnserved is each routing type's properties connectlocal refuses (cfn's Unserved tables).
var routingUnserved = map[string]map[string]string{
	cfn.HoursOfOperation: cfn.HoursOfOperationUnserved,
	cfn.Queue:            cfn.QueueUnserved,
	cfn.RoutingProfile:   cfn.RoutingProfileUnserved,
	cfn.QuickConnect:     {},
}

// routingRef is a property that names another resource: the type it must be, and for a flow the flow type
// the server asks for (research-routing §3: a QUEUE quick connect's flow is QUEUE_TRANSFER, a USER one's
// AGENT_TRANSFER, a queue's outbound flow OUTBOUND_WHISPER).
type routingRef struct {
	path, typ, flowType string
}

// routingRefs lists the properties of a routing resource that name another resource, by property path.
func routingRefs(typ string, props map[string]any) []routingRef {
	var refs []routingRef
	switch typ {
	case cfn.Queue:
		refs = append(refs, routingRef{"HoursOfOperationArn", cfn.HoursOfOperation, ""},
			routingRef{"OutboundCallerConfig.OutboundFlowArn", cfn.ContactFlow, "OUTBOUND_WHISPER"})
		list, _ := props["QuickConnectArns"].([]any)
		for i := range list {
			refs = append(refs, routingRef{fmt.Sprintf("QuickConnectArns[%d]", i), cfn.QuickConnect, ""})
		}
	case cfn.RoutingProfile:
		refs = append(refs, routingRef{"DefaultOutboundQueueArn", cfn.Queue, ""})
		list, _ := props["QueueConfigs"].([]any)
		for i := range list {
			refs = append(refs, routingRef{fmt.Sprintf("QueueConfigs[%d].QueueReference.QueueArn", i), cfn.Queue, ""})
		}
	case cfn.QuickConnect:
		refs = append(refs, routingRef{"QuickConnectConfig.QueueConfig.QueueArn", cfn.Queue, ""},
			routingRef{"QuickConnectConfig.QueueConfig.ContactFlowArn", cfn.ContactFlow, "QUEUE_TRANSFER"},
			routingRef{"QuickConnectConfig.UserConfig.UserArn", "AWS::Connect::User", ""},
			routingRef{"QuickConnectConfig.UserConfig.ContactFlowArn", cfn.ContactFlow, "AGENT_TRANSFER"})
	}
	return refs
}

// routingAt reads the value at a property path (A.B[2].C) of props; ok is false when it is not there.
func routingAt(props map[string]any, path string) (any, bool) {
	var v any = props
	for _, seg := range strings.Split(strings.ReplaceAll(path, "[", ".["), ".") {
		if strings.HasPrefix(seg, "[") {
			var i int
			fmt.Sscanf(seg, "[%d]", &i)
			list, ok := v.([]any)
			if !ok || i >= len(list) {
				return nil, false
			}
			v = list[i]
			continue
		}
		m, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		if v, ok = m[seg]; !ok {
			return nil, false
		}
	}
	return v, true
}

// routing checks one resource of a routing type; it reports whether typ is one.
func (c *checker) routing(name, typ string, res, resources, params map[string]any) bool {
	unserved, ok := routingUnserved[typ]
	if !ok {
		return false
	}
	base := "Resources." + name + ".Properties"
	props, ok := res["Properties"].(map[string]any)
	if !ok {
		if _, ok := res["Properties"].(Intrinsic); ok {
			return true // the whole definition is computed at deploy time
		}
		props = map[string]any{}
	}
	d := definition{base: base}
	resolved := c.resolve(props, "", &d.unknown).(map[string]any)
	found := false
	for _, p := range cfn.PropertySchemaOf(typ).Problems(resolved) {
		path := p.Path()
		if d.hidden(path, false) || p.Key != "" && !p.Extraneous && d.hidden(join(path, p.Key), false) {
			continue
		}
		c.add(routingPath(base, path), p.String(), "ValidationException", "error")
		found = true
	}
	if found {
		return true // Cloud Control stops at the schema
	}
	keys := make([]string, 0, len(unserved))
	for k := range unserved {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if cfn.Asks(props, k) {
			c.add(join(base, k), fmt.Sprintf("connectlocal does not serve %s, which %s needs; the resource would fail with InvalidRequest",
				k, unserved[k]), "InvalidRequest", "error")
		}
	}
	for _, ref := range routingRefs(typ, props) {
		v, ok := routingAt(props, ref.path)
		if !ok {
			continue
		}
		if msg, code := c.routingFollow(v, ref, props, resources, params); msg != "" {
			c.add(join(base, ref.path), msg, code, "error")
		}
	}
	if typ == cfn.RoutingProfile {
		c.routingRepeatedQueues(base, props)
	}
	c.routingRules(base, typ, props)
	return true
}

// routingRules runs the server's store-free rules on the values the file gives literally (an intrinsic anywhere in
// them leaves them unjudged): an hours' TimeZone, a profile's MediaConcurrencies, and which block a quick
// connect's type needs (connectlocal's checkQuickConnectConfig: the block of the type, and only it).
func (c *checker) routingRules(base, typ string, props map[string]any) {
	bad := func(path string, err error) {
		c.add(join(base, path), connectlocal.AsError(err).Message, "InvalidParameterException", "error")
	}
	switch typ {
	case cfn.HoursOfOperation:
		if tz, ok := props["TimeZone"].(string); ok {
			if err := connectlocal.CheckTimeZone(tz); err != nil {
				bad("TimeZone", err)
			}
		}
	case cfn.RoutingProfile:
		list, _ := props["MediaConcurrencies"].([]any)
		var mcs []connectlocal.MediaConcurrency
		for _, it := range list {
			m, _ := it.(map[string]any)
			ch, ok := m["Channel"].(string)
			n, err := strconv.Atoi(fmt.Sprint(m["Concurrency"]))
			if !ok || err != nil {
				return
			}
			mcs = append(mcs, connectlocal.MediaConcurrency{Channel: ch, Concurrency: n})
		}
		if list != nil {
			if err := connectlocal.CheckConcurrencies(mcs); err != nil {
				bad("MediaConcurrencies", err)
			}
		}
	case cfn.QuickConnect:
		cfg, _ := props["QuickConnectConfig"].(map[string]any)
		t, ok := cfg["QuickConnectType"].(string)
		if !ok {
			return
		}
		for block, owner := range map[string]string{"UserConfig": "USER", "QueueConfig": "QUEUE", "PhoneConfig": "PHONE_NUMBER"} {
			_, has := cfg[block]
			switch {
			case owner == t && !has:
				c.add(join(base, "QuickConnectConfig"), fmt.Sprintf("A quick connect of type %s needs QuickConnectConfig.%s", t, block),
					"InvalidParameterException", "error")
			case owner != t && has:
				c.add(join(base, "QuickConnectConfig."+block), fmt.Sprintf("QuickConnectConfig.%s does not belong to a quick connect of type %s", block, t),
					"InvalidParameterException", "error")
			}
		}
	}
}

func routingPath(base, path string) string {
	if path == "" {
		return base
	}
	return join(base, path)
}

// routingFollow judges one routingRef: a Ref or GetAtt must name a resource of the file of the right type (with
// the attribute that is its ARN), in the same instance, and a flow of the type the server asks for; a literal
// ARN must be of the right kind in the resource's own instance. It returns the problem and its error code.
func (c *checker) routingFollow(v any, ref routingRef, props, resources, params map[string]any) (string, string) {
	switch v := v.(type) {
	case Intrinsic:
		target := v.Target()
		if target == "" || params[target] != nil || strings.HasPrefix(target, "AWS::") || v.Fn == "Sub" {
			return "", "" // known at deploy time only
		}
		res, ok := resources[target].(map[string]any)
		if !ok {
			return fmt.Sprintf("Resource '%s' is not defined in this template", target), "ResourceNotFoundException"
		}
		typ, _ := res["Type"].(string)
		if typ != ref.typ {
			return fmt.Sprintf("Resource '%s' is of type %s, not %s", target, typ, ref.typ), "InvalidParameterException"
		}
		if v.Fn == "GetAtt" {
			if s := cfn.Schemas[typ]; s != nil {
				attr := routingGetAtt(v.Arg)
				if attr != s.PrimaryIdentifier {
					return fmt.Sprintf("!GetAtt %s.%s is not the %s's ARN; use !GetAtt %s.%s or !Ref %s", target, attr, typ,
						target, s.PrimaryIdentifier, target), "ValidationError"
				}
			}
		}
		other, _ := res["Properties"].(map[string]any)
		if a, b := instanceKey(props["InstanceArn"]), instanceKey(other["InstanceArn"]); a != "" && b != "" && a != b {
			return fmt.Sprintf("Resource '%s' belongs to another instance than this resource", target), "ResourceNotFoundException"
		}
		if ref.flowType != "" {
			if ft, ok := other["Type"].(string); ok && ft != ref.flowType {
				return fmt.Sprintf("Flow '%s' is of type %s; this property takes a flow of type %s", target, ft, ref.flowType), "InvalidParameterException"
			}
		}
	case string:
		rn, ok := connectlocal.ParseARN(v)
		inst, iok := connectlocal.ParseARN(routingStr(props["InstanceArn"]))
		if ok && iok && inst.Kind == connectlocal.KindInstance && rn.InstanceID != inst.InstanceID {
			return fmt.Sprintf("%s names a resource of instance %s, not of this resource's instance %s", v, rn.InstanceID, inst.InstanceID), "ResourceNotFoundException"
		}
	}
	return "", ""
}

// routingGetAtt is the attribute of a GetAtt argument (X.Attr or [X, Attr]).
func routingGetAtt(arg any) string {
	switch a := arg.(type) {
	case string:
		_, attr, _ := strings.Cut(a, ".")
		return attr
	case []any:
		if len(a) > 1 {
			s, _ := a[1].(string)
			return s
		}
	}
	return ""
}

// routingRepeatedQueues reports a (queue, channel) pair given twice in a routing profile's QueueConfigs, which the
// server refuses (InvalidParameterException; research-routing §3).
func (c *checker) routingRepeatedQueues(base string, props map[string]any) {
	list, _ := props["QueueConfigs"].([]any)
	seen := map[string]bool{}
	for i, it := range list {
		m, _ := it.(map[string]any)
		ref, _ := m["QueueReference"].(map[string]any)
		q := ref["QueueArn"]
		var key string
		switch q := q.(type) {
		case string:
			key = "literal:" + q
		case Intrinsic:
			if q.Target() == "" {
				continue
			}
			key = "resource:" + q.Target()
		default:
			continue
		}
		ch, ok := ref["Channel"].(string)
		if !ok {
			continue
		}
		key += " " + ch
		if seen[key] {
			c.add(join(base, fmt.Sprintf("QueueConfigs[%d]", i)), fmt.Sprintf("The queue is already in QueueConfigs on channel %s", ch),
				"InvalidParameterException", "error")
		}
		seen[key] = true
	}
}

func routingStr(v any) string {
	s, _ := v.(string)
	return s
}
