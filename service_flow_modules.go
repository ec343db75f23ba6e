package connectlocal

import (
	"context"
	"unicode/utf8"
)

// FlowModuleKind describes contact flow modules to the shared object helpers (service_objects.go).
var FlowModuleKind = ObjectKindInfo{Kind: KindFlowModule, Noun: "Flow module", Quota: MaxFlowModulesPerInstance,
	QuotaName: "flow-modules-per-instance"}

// MaxFlowModuleDescription is the model's ContactFlowModuleDescription maximum, checked here because the wire
// lets an empty description past the model's `.*\S.*` pattern (Terraform sends "" for an unset one, research
// §2) and with it the member's other constraints.
const MaxFlowModuleDescription = 500

// FlowModuleInput is CreateContactFlowModule's request and the two updates' (nil members stay), already
// checked against the model.
type FlowModuleInput struct {
	Instance    string
	ID          string // updates only
	Name        *string
	Description *string
	Content     *string
	State       *string // ACTIVE | ARCHIVED (UpdateContactFlowModuleMetadata)
	Settings    *string
	Tags        map[string]string
}

func checkModuleDescription(d *string) error {
	if d != nil && utf8.RuneCountInString(*d) > MaxFlowModuleDescription {
		return Errorf(InvalidArgument, "Value '%s' at 'description' failed to satisfy constraint: Member must have length less than or equal to %d",
			clip(*d), MaxFlowModuleDescription)
	}
	return nil
}

// checkModuleContent checks a module's content as a published flow's, structure and references alike; a
// module has no SAVED state through the API (CreateContactFlowModule has no Status), so it is always checked.
func checkModuleContent(tx Tx, scope Scope, inst, content string) error {
	if err := CheckFlowContent(content, true); err != nil {
		return err
	}
	return checkFlowReferences(tx, scope, inst, content)
}

// CreateContactFlowModule stores a new module: PUBLISHED and ACTIVE, its name unique in the instance.
func (s *Service) CreateContactFlowModule(ctx context.Context, scope Scope, in FlowModuleInput) (Record[FlowModule], error) {
	if err := checkModuleDescription(in.Description); err != nil {
		return Record[FlowModule]{}, err
	}
	v := FlowModule{Name: deref(in.Name), Description: deref(in.Description), Content: deref(in.Content),
		Settings: deref(in.Settings), Status: "PUBLISHED", State: "ACTIVE"}
	return createRecord(ctx, s, scope, FlowModuleKind, NewObject[FlowModule]{Instance: in.Instance, Name: v.Name, Value: v,
		Tags: in.Tags, Check: func(tx Tx, inst string, v *FlowModule) error {
			return checkModuleContent(tx, scope, inst, v.Content)
		}})
}

// DescribeContactFlowModule reads a module with its tags.
func (s *Service) DescribeContactFlowModule(ctx context.Context, scope Scope, instance, id string) (Record[FlowModule], error) {
	return describeRecord[FlowModule](ctx, s, scope, FlowModuleKind, instance, id)
}

// ListContactFlowModules reads one page of the instance's modules, of one state when state is not empty.
func (s *Service) ListContactFlowModules(ctx context.Context, scope Scope, instance, state string, page Page) ([]Record[FlowModule], string, error) {
	var keep func(Tx, Record[FlowModule]) (bool, error)
	if state != "" {
		keep = func(_ Tx, r Record[FlowModule]) (bool, error) { return r.Value.State == state, nil }
	}
	return listRecords(ctx, s, scope, FlowModuleKind, instance, page, 100, state, keep)
}

// UpdateContactFlowModuleContent replaces a module's content (and settings, when given) after checking it.
func (s *Service) UpdateContactFlowModuleContent(ctx context.Context, scope Scope, in FlowModuleInput) error {
	_, err := updateRecord(ctx, s, scope, FlowModuleKind, in.Instance, in.ID, func(tx Tx, inst string, r *Record[FlowModule]) error {
		if in.Content != nil {
			if err := checkModuleContent(tx, scope, inst, *in.Content); err != nil {
				return err
			}
			r.Value.Content = *in.Content
		}
		if in.Settings != nil {
			r.Value.Settings = *in.Settings
		}
		return nil
	})
	return err
}

// UpdateContactFlowModuleMetadata changes a module's name, description and state; "" clears the description.
func (s *Service) UpdateContactFlowModuleMetadata(ctx context.Context, scope Scope, in FlowModuleInput) error {
	if err := checkModuleDescription(in.Description); err != nil {
		return err
	}
	_, err := updateRecord(ctx, s, scope, FlowModuleKind, in.Instance, in.ID, func(tx Tx, inst string, r *Record[FlowModule]) error {
		if in.Name != nil {
			r.Value.Name, r.Name = *in.Name, *in.Name
		}
		if in.Description != nil {
			r.Value.Description = *in.Description
		}
		if in.State != nil {
			r.Value.State = *in.State
		}
		return nil
	})
	return err
}

// DeleteContactFlowModule removes a module. Flows that invoke it are not checked: AWS documents no refusal
// (research §3, "never refused for references").
func (s *Service) DeleteContactFlowModule(ctx context.Context, scope Scope, instance, id string) error {
	return deleteRecord[FlowModule](ctx, s, scope, FlowModuleKind, instance, id, nil)
}
