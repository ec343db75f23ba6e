package connectlocal

import (
	"context"
	"maps"
	"slices"
	"strings"
	"time"
)

// InstanceAttributeTypes are the model's InstanceAttributeType values, in model order.
var InstanceAttributeTypes = []string{"INBOUND_CALLS", "OUTBOUND_CALLS", "CONTACTFLOW_LOGS", "CONTACT_LENS",
	"AUTO_RESOLVE_BEST_VOICES", "USE_CUSTOM_TTS_VOICES", "EARLY_MEDIA", "MULTI_PARTY_CONFERENCE",
	"HIGH_VOLUME_OUTBOUND", "ENHANCED_CONTACT_MONITORING", "ENHANCED_CHAT_MONITORING",
	"MULTI_PARTY_CHAT_CONFERENCE", "MESSAGE_STREAMING"}

// attributeDefaults are the attributes a new instance has on: the hashicorp/aws provider documents
// auto_resolve_best_voices_enabled, contact_lens_enabled and early_media_enabled as "Defaults to true" and
// contact_flow_logs_enabled, multi_party_conference_enabled as "Defaults to false" (its defaults mirror a new
// instance, so a plan after create shows no diff). Every other type starts "false" (decided: they are opt-in
// features in the admin guide). INBOUND_CALLS and OUTBOUND_CALLS are CreateInstance's two flags.
var attributeDefaults = map[string]string{"AUTO_RESOLVE_BEST_VOICES": "true", "CONTACT_LENS": "true", "EARLY_MEDIA": "true"}

// Attribute returns the value of one instance attribute type: "true" or "false".
func (i Instance) Attribute(typ string) string {
	switch typ {
	case "INBOUND_CALLS":
		return boolString(i.InboundCallsEnabled)
	case "OUTBOUND_CALLS":
		return boolString(i.OutboundCallsEnabled)
	}
	if v, ok := i.Attributes[typ]; ok {
		return v
	}
	if v, ok := attributeDefaults[typ]; ok {
		return v
	}
	return "false"
}

func boolString(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// InstanceAttribute is one attribute type and its value.
type InstanceAttribute struct {
	Type  string
	Value string
}

// DescribeInstanceAttribute returns one attribute's value.
func (s *Service) DescribeInstanceAttribute(ctx context.Context, scope Scope, instance, typ string) (InstanceAttribute, error) {
	var out InstanceAttribute
	err := s.Store.View(ctx, func(tx Tx) error {
		inst, err := getInstance(tx, scope, instance)
		if err != nil {
			return err
		}
		if !slices.Contains(InstanceAttributeTypes, typ) {
			return Errorf(InvalidArgument, "Invalid AttributeType '%s'", typ)
		}
		out = InstanceAttribute{Type: typ, Value: inst.Attribute(typ)}
		return nil
	})
	return out, err
}

// UpdateInstanceAttribute sets one attribute. The value is a boolean in words, as every attribute type is an
// on/off switch (the CloudFormation schema types each as Boolean); case is ignored and "true"/"false" is kept
// (decided, as Java's Boolean.parseBoolean reads it, but anything else is refused rather than read as false).
// INBOUND_CALLS and OUTBOUND_CALLS change the flags DescribeInstance shows.
func (s *Service) UpdateInstanceAttribute(ctx context.Context, scope Scope, instance, typ, value string) error {
	if !slices.Contains(InstanceAttributeTypes, typ) {
		return Errorf(InvalidArgument, "Invalid AttributeType '%s'", typ)
	}
	v := strings.ToLower(value)
	if v != "true" && v != "false" {
		return Errorf(InvalidArgument, "Invalid Value '%s' for attribute %s: use true or false", clip(value), typ)
	}
	return s.Store.Update(ctx, instanceKey(scope, instance), func(tx Tx) error {
		inst, err := getInstance(tx, scope, instance)
		if err != nil {
			return err
		}
		switch typ {
		case "INBOUND_CALLS":
			inst.InboundCallsEnabled = v == "true"
		case "OUTBOUND_CALLS":
			inst.OutboundCallsEnabled = v == "true"
		default:
			inst.Attributes = maps.Clone(inst.Attributes) // a store may share the record it returned
			if inst.Attributes == nil {
				inst.Attributes = map[string]string{}
			}
			inst.Attributes[typ] = v
		}
		return tx.PutInstance(scope, inst)
	})
}

// ListInstanceAttributes returns one page of every attribute type with its value, in model order.
func (s *Service) ListInstanceAttributes(ctx context.Context, scope Scope, instance string, page Page) ([]InstanceAttribute, string, error) {
	var all []InstanceAttribute
	var id string
	err := s.Store.View(ctx, func(tx Tx) error {
		inst, err := getInstance(tx, scope, instance)
		if err != nil {
			return err
		}
		id = inst.ID
		for _, typ := range InstanceAttributeTypes {
			all = append(all, InstanceAttribute{Type: typ, Value: inst.Attribute(typ)})
		}
		return nil
	})
	if err != nil {
		return nil, "", err
	}
	// MaxResult7 caps a page at 7; with no MaxResults a page holds all 13 (decided).
	return pageOf(ctx, s, page, len(all), "ListInstanceAttributes\x00"+id, all)
}

// getInstance resolves an instance id or ARN and returns its record.
func getInstance(tx Tx, scope Scope, raw string) (Instance, error) {
	id, err := requireInstance(tx, scope, raw)
	if err != nil {
		return Instance{}, err
	}
	return tx.GetInstance(scope, id)
}

// pageOf returns one page of items already read and ordered, and the token for the next: the token keeps
// the index of the next item, signed like every other token, for lists the service builds in memory.
func pageOf[T any](ctx context.Context, s *Service, page Page, defaultLimit int, query string, items []T) ([]T, string, error) {
	if page.Limit <= 0 {
		page.Limit = defaultLimit
	}
	secret, err := s.Store.Secret(ctx)
	if err != nil {
		return nil, "", err
	}
	start := 0
	if page.Token != "" {
		c, err := decodeToken(secret, query, page.Token)
		if err != nil {
			return nil, "", err
		}
		start = int(c.CreatedTime.UnixNano())
		if start < 0 || start > len(items) {
			return nil, "", Errorf(InvalidArgument, "The NextToken is not valid for this request")
		}
	}
	end := min(start+page.Limit, len(items))
	var next string
	if end < len(items) {
		next = encodeToken(secret, query, Cursor{CreatedTime: time.Unix(0, int64(end)), ID: "#"})
	}
	return items[start:end], next, nil
}
