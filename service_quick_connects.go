package connectlocal

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
)

// QuickConnectKind describes quick connects to the shared object helpers (service_objects.go).
var QuickConnectKind = ObjectKindInfo{Kind: KindQuickConnect, Noun: "Quick connect", Quota: MaxQuickConnectsPerInstance,
	QuotaName: "quick-connects-per-instance"}

// Quick connect types (model QuickConnectType).
const (
	QuickConnectUser  = "USER"
	QuickConnectQueue = "QUEUE"
	QuickConnectPhone = "PHONE_NUMBER"
	QuickConnectFlow  = "FLOW"
)

// QuickConnectConfig is the model's QuickConnectConfig: the type and which of its blocks were sent.
type QuickConnectConfig struct {
	Type                          string
	HasUser, HasQueue, HasPhone   bool
	HasFlow                       bool
	UserID, QueueID, PhoneNumber  string
	UserFlowID, QueueFlowID, Flow string
}

// checkQuickConnectConfig resolves a config into the stored value: the block matching the type, and only it
// (the model documents each block as "required only if QuickConnectType is ..."; another block is refused,
// decided, research-routing §3); the user, queue and flow it names must be of the instance, and the flow of
// the type the model's UserQuickConnectConfig ("Transfer to Agent") and QueueQuickConnectConfig ("Transfer to
// Queue") documentation requires.
func checkQuickConnectConfig(tx Tx, scope Scope, inst string, c QuickConnectConfig, v *QuickConnect) error {
	blocks := map[string]bool{QuickConnectUser: c.HasUser, QuickConnectQueue: c.HasQueue, QuickConnectPhone: c.HasPhone, QuickConnectFlow: c.HasFlow}
	member := map[string]string{QuickConnectUser: "UserConfig", QuickConnectQueue: "QueueConfig", QuickConnectPhone: "PhoneConfig", QuickConnectFlow: "FlowConfig"}
	for _, t := range []string{QuickConnectUser, QuickConnectQueue, QuickConnectPhone, QuickConnectFlow} {
		switch {
		case t == c.Type && !blocks[t]:
			return Errorf(InvalidArgument, "A quick connect of type %s needs QuickConnectConfig.%s", c.Type, member[t])
		case t != c.Type && blocks[t]:
			return Errorf(InvalidArgument, "QuickConnectConfig.%s does not belong to a quick connect of type %s", member[t], c.Type)
		}
	}
	flow := func(raw, wantType string) (string, error) {
		f, err := getFlow(tx, scope, inst, raw)
		if err != nil {
			return "", err
		}
		if wantType != "" && f.Type != wantType {
			return "", Errorf(InvalidArgument, "ContactFlowId '%s' must be a flow of type %s, not %s", raw, wantType, f.Type)
		}
		return f.ID, nil
	}
	*v = QuickConnect{Name: v.Name, Description: v.Description, Type: c.Type}
	var err error
	switch c.Type {
	case QuickConnectUser:
		if v.UserID, err = requireObject(tx, scope, inst, ObjectKindInfo{Kind: KindUser, Noun: "User"}, c.UserID); err != nil {
			return err
		}
		v.ContactFlowID, err = flow(c.UserFlowID, "AGENT_TRANSFER")
	case QuickConnectQueue:
		q, err := getQueue(tx, scope, inst, c.QueueID)
		if err != nil {
			return err
		}
		if q.Value.Type != QueueStandard {
			return Errorf(InvalidArgument, "QueueId '%s' is an agent queue; a QUEUE quick connect names a standard queue", c.QueueID)
		}
		v.QueueID = q.ID
		v.ContactFlowID, err = flow(c.QueueFlowID, "QUEUE_TRANSFER")
		return err
	case QuickConnectPhone:
		if !e164.MatchString(c.PhoneNumber) {
			return Errorf(InvalidArgument, "PhoneNumber '%s' must be in E.164 format, like +12065550100", c.PhoneNumber)
		}
		v.PhoneNumber = c.PhoneNumber
	case QuickConnectFlow:
		// No flow type is documented for a FLOW quick connect: any flow of the instance (decided).
		v.ContactFlowID, err = flow(c.Flow, "")
	}
	return err
}

// e164 is what the model's PhoneNumber pattern means (it is escaped twice there, so the wire skips it).
var e164 = regexp.MustCompile(`^\+[1-9]\d{1,14}$`)

// QuickConnectInput is CreateQuickConnect's request, already checked against the model.
type QuickConnectInput struct {
	Instance    string
	Name        string
	Description string
	Config      QuickConnectConfig
	Tags        map[string]string
}

// CreateQuickConnect stores a new quick connect; its name is unique in the instance.
func (s *Service) CreateQuickConnect(ctx context.Context, scope Scope, in QuickConnectInput) (Record[QuickConnect], error) {
	v := QuickConnect{Name: in.Name, Description: in.Description}
	return createRecord(ctx, s, scope, QuickConnectKind, NewObject[QuickConnect]{Instance: in.Instance, Name: in.Name, Value: v, Tags: in.Tags,
		Check: func(tx Tx, inst string, v *QuickConnect) error {
			return checkQuickConnectConfig(tx, scope, inst, in.Config, v)
		}})
}

// DescribeQuickConnect reads a quick connect with its tags.
func (s *Service) DescribeQuickConnect(ctx context.Context, scope Scope, instance, id string) (Record[QuickConnect], error) {
	return describeRecord[QuickConnect](ctx, s, scope, QuickConnectKind, instance, id)
}

// ListQuickConnects reads one page of the instance's quick connects of the given types (empty: all).
func (s *Service) ListQuickConnects(ctx context.Context, scope Scope, instance string, types []string, page Page) ([]Record[QuickConnect], string, error) {
	var keep func(Tx, Record[QuickConnect]) (bool, error)
	if len(types) > 0 {
		keep = func(_ Tx, r Record[QuickConnect]) (bool, error) { return slices.Contains(types, r.Value.Type), nil }
	}
	query := ""
	for _, t := range types {
		query += t + ","
	}
	return listRecords(ctx, s, scope, QuickConnectKind, instance, page, 100, query, keep)
}

// DeleteQuickConnect removes a quick connect and takes it off every queue that offers it: nothing refuses it
// (the model's DeleteQuickConnect and DeleteUser documentation: quick connects are cleaned up after the
// objects they name, so they are never what blocks a delete).
func (s *Service) DeleteQuickConnect(ctx context.Context, scope Scope, instance, id string) error {
	now := s.now()
	return deleteRecord(ctx, s, scope, QuickConnectKind, instance, id, func(tx Tx, inst string, r Record[QuickConnect]) error {
		queues, err := allRecords[Queue](tx, scope, inst, KindQueue)
		if err != nil {
			return err
		}
		for _, q := range queues {
			if !slices.Contains(q.Value.QuickConnectIDs, r.ID) {
				continue
			}
			q.Value.QuickConnectIDs = slices.DeleteFunc(q.Value.QuickConnectIDs, func(x string) bool { return x == r.ID })
			q.LastModifiedTime = now
			if err := putRecord(tx, scope, QueueKind, &q); err != nil {
				return err
			}
		}
		return nil
	})
}

// QuickConnectUpdate is UpdateQuickConnectName (Name, Description) or UpdateQuickConnectConfig (Config).
type QuickConnectUpdate struct {
	Instance          string
	ID                string
	Name, Description *string
	Config            *QuickConnectConfig
}

// UpdateQuickConnect applies one update request.
func (s *Service) UpdateQuickConnect(ctx context.Context, scope Scope, in QuickConnectUpdate) error {
	_, err := updateRecord(ctx, s, scope, QuickConnectKind, in.Instance, in.ID, func(tx Tx, inst string, r *Record[QuickConnect]) error {
		if in.Name != nil {
			r.Value.Name, r.Name = *in.Name, *in.Name
		}
		if in.Description != nil {
			r.Value.Description = *in.Description // "" clears it (model min 0; Terraform sends "" when unset)
		}
		if in.Config != nil {
			return checkQuickConnectConfig(tx, scope, inst, *in.Config, &r.Value)
		}
		return nil
	})
	var e *Error
	if errors.As(err, &e) && e.Code == AlreadyExists {
		// UpdateQuickConnectName's error list has no DuplicateResourceException (decided, research-routing §3).
		return Errorf(InvalidArgument, "%s", e.Message)
	}
	return err
}

// SearchQuickConnects finds quick connects by name, description, resourceID (the field names
// QuickConnectSearchCriteria documents) and tags.
func (s *Service) SearchQuickConnects(ctx context.Context, scope Scope, in SearchInput) ([]Record[QuickConnect], string, int64, error) {
	return searchRecords(ctx, s, scope, QuickConnectKind, in, func(r Record[QuickConnect]) SearchFields {
		return commonFields(r.ID, r.Value.Name, r.Value.Description, nil)
	}, nil)
}

// requireQuickConnect resolves raw (id or ARN) to a quick connect of the instance: StartTaskContact's
// QuickConnectId and a template's QUICK_CONNECT default name one (issue 20, "References are real now").
func requireQuickConnect(tx Tx, scope Scope, inst, raw string) (string, error) {
	return requireObject(tx, scope, inst, QuickConnectKind, raw)
}

// checkQuickConnectDefaults reports a QUICK_CONNECT field default (an id or ARN) that names no quick connect of
// the instance (issue 20, "References are real now"). The default is kept as given.
func checkQuickConnectDefaults(tx Tx, scope Scope, t *TaskTemplate, vs *violations) error {
	for i, d := range t.Defaults {
		f, ok := t.Field(d.Name)
		if !ok || f.Type != FieldQuickConnect || d.Value == "" {
			continue
		}
		id, ok := childID(scope, t.InstanceID, KindQuickConnect, d.Value)
		if ok {
			_, err := tx.GetObject(scope, t.InstanceID, KindQuickConnect, id)
			if err != nil && CodeOf(err) != NotFound {
				return err
			}
			ok = err == nil
		}
		if !ok {
			vs.add(RuleQuickConnectExists, fmt.Sprintf("Defaults.DefaultFieldValues[%d].DefaultValue", i),
				"Quick connect '%s' does not exist in this instance", d.Value)
		}
	}
	return nil
}
