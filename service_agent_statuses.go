package connectlocal

import (
	"context"
	"slices"
	"strings"
)

// AgentStatusKind describes agent statuses to the shared object helpers (service_objects.go). There is no
// delete: "Agent status ARNs cannot be deleted but can be renamed or disabled" (Connect API reference,
// agent-status-api.html).
var AgentStatusKind = ObjectKindInfo{Kind: KindAgentStatus, Noun: "Agent status",
	Quota: MaxAgentStatusesPerInstance, QuotaName: "agent-statuses-per-instance"}

// AgentStatusInput is CreateAgentStatus's request (and UpdateAgentStatus's, whose nil members stay), already
// checked against the model.
type AgentStatusInput struct {
	Instance     string
	ID           string // Update only
	Name         *string
	Description  *string // Update: "" clears it (the update's description has min 0)
	State        *string
	DisplayOrder *int
	ResetOrder   bool // Update: ResetOrderNumber drops the display order
	Tags         map[string]string
}

// CreateAgentStatus stores a new CUSTOM status: the ROUTABLE and OFFLINE ones come with the instance and the
// request has no Type (model CreateAgentStatusRequest).
func (s *Service) CreateAgentStatus(ctx context.Context, scope Scope, in AgentStatusInput) (Record[AgentStatus], error) {
	v := AgentStatus{Name: deref(in.Name), Description: deref(in.Description), Type: "CUSTOM", State: deref(in.State),
		DisplayOrder: deref(in.DisplayOrder)}
	return createRecord(ctx, s, scope, AgentStatusKind, NewObject[AgentStatus]{Instance: in.Instance, Name: v.Name, Value: v, Tags: in.Tags})
}

// DescribeAgentStatus reads a status with its tags.
func (s *Service) DescribeAgentStatus(ctx context.Context, scope Scope, instance, id string) (Record[AgentStatus], error) {
	return describeRecord[AgentStatus](ctx, s, scope, AgentStatusKind, instance, id)
}

// ListAgentStatuses reads one page of the instance's statuses of the given types (none: all).
func (s *Service) ListAgentStatuses(ctx context.Context, scope Scope, instance string, types []string, page Page) ([]Record[AgentStatus], string, error) {
	var keep func(Tx, Record[AgentStatus]) (bool, error)
	if len(types) > 0 {
		keep = func(_ Tx, r Record[AgentStatus]) (bool, error) { return slices.Contains(types, r.Value.Type), nil }
	}
	return listRecords(ctx, s, scope, AgentStatusKind, instance, page, 100, strings.Join(types, ","), keep)
}

// UpdateAgentStatus changes the members the request names; a taken name is DuplicateResourceException.
func (s *Service) UpdateAgentStatus(ctx context.Context, scope Scope, in AgentStatusInput) error {
	if in.ResetOrder && in.DisplayOrder != nil {
		return Errorf(InvalidArgument, "DisplayOrder and ResetOrderNumber cannot both be given")
	}
	_, err := updateRecord(ctx, s, scope, AgentStatusKind, in.Instance, in.ID, func(tx Tx, inst string, r *Record[AgentStatus]) error {
		if in.Name != nil {
			r.Value.Name, r.Name = *in.Name, *in.Name
		}
		if in.Description != nil {
			r.Value.Description = *in.Description
		}
		if in.State != nil {
			r.Value.State = *in.State
		}
		if in.DisplayOrder != nil {
			r.Value.DisplayOrder = *in.DisplayOrder
		}
		if in.ResetOrder {
			r.Value.DisplayOrder = 0
		}
		return nil
	})
	return err
}
