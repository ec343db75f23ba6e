package model

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
)

// AddedOperations are the operations the embedded model takes from the full Connect model on top of the
// trimmed one (issue 12: what Terraform's aws provider and moto's suite call around instances and tasks).
var AddedOperations = []string{
	"DescribeInstanceAttribute", "UpdateInstanceAttribute", "ListInstanceAttributes",
	"AssociateAnalyticsDataSet", "DisassociateAnalyticsDataSet", "ListAnalyticsDataAssociations",
	"BatchAssociateAnalyticsDataSet", "BatchDisassociateAnalyticsDataSet",
	"ListContactReferences", "UpdateContact", "UpdateContactAttributes", "UpdateContactSchedule",
	"TagContact", "UntagContact", "SearchContacts",
	// issue 20: the routing objects
	"CreateHoursOfOperation", "DescribeHoursOfOperation", "UpdateHoursOfOperation", "DeleteHoursOfOperation",
	"ListHoursOfOperations", "SearchHoursOfOperations",
	// issue 20: the instance's integrations and vocabularies
	"AssociateInstanceStorageConfig", "DescribeInstanceStorageConfig", "ListInstanceStorageConfigs", "UpdateInstanceStorageConfig", "DisassociateInstanceStorageConfig", "AssociateLambdaFunction", "DisassociateLambdaFunction", "ListLambdaFunctions", "AssociateBot", "DisassociateBot", "ListBots", "CreateVocabulary", "DescribeVocabulary", "DeleteVocabulary", "SearchVocabularies",
	// issue 20: queues and quick connects
	"CreateQueue", "DescribeQueue", "ListQueues", "DeleteQueue", "UpdateQueueHoursOfOperation", "UpdateQueueMaxContacts",
	"UpdateQueueName", "UpdateQueueOutboundCallerConfig", "UpdateQueueStatus", "AssociateQueueQuickConnects",
	"DisassociateQueueQuickConnects", "ListQueueQuickConnects", "SearchQueues",
	"CreateQuickConnect", "DescribeQuickConnect", "ListQuickConnects", "DeleteQuickConnect", "UpdateQuickConnectConfig",
	"UpdateQuickConnectName", "SearchQuickConnects",
	// issue 20: routing profiles, security profiles, agent statuses
	"CreateRoutingProfile", "DescribeRoutingProfile", "ListRoutingProfiles", "DeleteRoutingProfile", "ListRoutingProfileQueues",
	"AssociateRoutingProfileQueues", "DisassociateRoutingProfileQueues", "UpdateRoutingProfileConcurrency",
	"UpdateRoutingProfileDefaultOutboundQueue", "UpdateRoutingProfileName", "UpdateRoutingProfileQueues", "SearchRoutingProfiles",
	"CreateSecurityProfile", "DescribeSecurityProfile", "ListSecurityProfiles", "UpdateSecurityProfile", "DeleteSecurityProfile",
	"ListSecurityProfilePermissions", "SearchSecurityProfiles",
	"CreateAgentStatus", "DescribeAgentStatus", "ListAgentStatuses", "UpdateAgentStatus",
	// issue 20: users and the user hierarchy
	"CreateUser", "DescribeUser", "ListUsers", "DeleteUser", "UpdateUserHierarchy", "UpdateUserIdentityInfo",
	"UpdateUserPhoneConfig", "UpdateUserRoutingProfile", "UpdateUserSecurityProfiles", "SearchUsers",
	"CreateUserHierarchyGroup", "DescribeUserHierarchyGroup", "ListUserHierarchyGroups", "DeleteUserHierarchyGroup",
	"UpdateUserHierarchyGroupName", "DescribeUserHierarchyStructure", "UpdateUserHierarchyStructure",
	// issue 20: contact flow modules, and the flow metadata updates Cloud Control needs
	"CreateContactFlowModule", "DescribeContactFlowModule", "ListContactFlowModules", "DeleteContactFlowModule",
	"UpdateContactFlowModuleContent", "UpdateContactFlowModuleMetadata", "UpdateContactFlowName", "UpdateContactFlowMetadata",
}

// AddedShapes are error shapes the wire's error table names before any embedded operation lists them
// (awsapi/errors.go: ResourceInUseException answers a delete of what another object uses, on operations whose
// list lacks it, as the exception's own documentation says DeleteHoursOfOperation does).
var AddedShapes = []string{"ResourceInUseException", "ResourceConflictException"}

// Extend returns the trimmed model with the named operations of the full model added, each with every shape
// it reaches that the trimmed model lacks. Member order is kept; new operations follow the trimmed ones in
// the order given, and new shapes follow the trimmed ones in the full model's order.
func Extend(trimmed, full []byte, ops []string) ([]byte, error) {
	top, err := entries(trimmed)
	if err != nil {
		return nil, fmt.Errorf("trimmed model: %w", err)
	}
	fullTop, err := entries(full)
	if err != nil {
		return nil, fmt.Errorf("full model: %w", err)
	}
	fullOps, err := entries(lookup(fullTop, "operations"))
	if err != nil {
		return nil, fmt.Errorf("full model operations: %w", err)
	}
	fullShapes, err := entries(lookup(fullTop, "shapes"))
	if err != nil {
		return nil, fmt.Errorf("full model shapes: %w", err)
	}
	myOps, err := entries(lookup(top, "operations"))
	if err != nil {
		return nil, fmt.Errorf("trimmed model operations: %w", err)
	}
	myShapes, err := entries(lookup(top, "shapes"))
	if err != nil {
		return nil, fmt.Errorf("trimmed model shapes: %w", err)
	}

	have := map[string]bool{}
	for _, e := range myShapes {
		have[e.key] = true
	}
	want := map[string]bool{}
	var visit func(name string) error
	visit = func(name string) error {
		if have[name] || want[name] {
			return nil
		}
		raw := lookup(fullShapes, name)
		if raw == nil {
			return fmt.Errorf("shape %s is not in the full model", name)
		}
		want[name] = true
		var s struct {
			Member, Key, Value *struct{ Shape string }
			Members            map[string]struct{ Shape string }
		}
		if err := json.Unmarshal(raw, &s); err != nil {
			return err
		}
		for _, ref := range []*struct{ Shape string }{s.Member, s.Key, s.Value} {
			if ref != nil {
				if err := visit(ref.Shape); err != nil {
					return err
				}
			}
		}
		for _, m := range s.Members {
			if err := visit(m.Shape); err != nil {
				return err
			}
		}
		return nil
	}
	for _, name := range ops {
		if lookup(myOps, name) != nil {
			return nil, fmt.Errorf("operation %s is already in the trimmed model", name)
		}
		raw := lookup(fullOps, name)
		if raw == nil {
			return nil, fmt.Errorf("operation %s is not in the full model", name)
		}
		var op struct {
			Input, Output *struct{ Shape string }
			Errors        []struct{ Shape string }
		}
		if err := json.Unmarshal(raw, &op); err != nil {
			return nil, err
		}
		refs := op.Errors
		for _, r := range []*struct{ Shape string }{op.Input, op.Output} {
			if r != nil {
				refs = append(refs, *r)
			}
		}
		for _, r := range refs {
			if err := visit(r.Shape); err != nil {
				return nil, err
			}
		}
		myOps = append(myOps, entry{name, raw})
	}
	for _, name := range AddedShapes {
		if err := visit(name); err != nil {
			return nil, err
		}
	}
	for _, e := range fullShapes {
		if want[e.key] {
			myShapes = append(myShapes, e)
		}
	}
	for i := range top {
		switch top[i].key {
		case "operations":
			top[i].value = encode(myOps)
		case "shapes":
			top[i].value = encode(myShapes)
		}
	}
	return encode(top), nil
}

type entry struct {
	key   string
	value json.RawMessage
}

// entries reads a JSON object's members in order.
func entries(raw []byte) ([]entry, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, fmt.Errorf("not a JSON object")
	}
	var out []entry
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, err
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		out = append(out, entry{t.(string), v})
	}
	return out, nil
}

func lookup(es []entry, key string) json.RawMessage {
	i := slices.IndexFunc(es, func(e entry) bool { return e.key == key })
	if i < 0 {
		return nil
	}
	return es[i].value
}

func encode(es []entry) []byte {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, e := range es {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(e.key)
		b.Write(k)
		b.WriteByte(':')
		b.Write(e.value)
	}
	b.WriteByte('}')
	return b.Bytes()
}
