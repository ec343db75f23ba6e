package connectlocal

import (
	"context"
	"slices"
	"strings"
)

// QueueKind describes queues to the shared object helpers (service_objects.go). Its Quota is 0 because the
// quota counts STANDARD queues only: every user has an AGENT queue, and users have their own quota.
var QueueKind = ObjectKindInfo{Kind: KindQueue, Noun: "Queue"}

// Queue types and statuses (model QueueType, QueueStatus).
const (
	QueueStandard = "STANDARD"
	QueueAgent    = "AGENT"
	QueueEnabled  = "ENABLED"
	QueueDisabled = "DISABLED"
)

// MaxQuickConnectsPerQueue is "Quick connects per queue" of the Amazon Connect service quotas page
// (docs.aws.amazon.com/connect/latest/adminguide/amazon-connect-service-limits.html).
const MaxQuickConnectsPerQueue = 50

// QueueARN is a queue's ARN: .../queue/ID for a STANDARD queue, .../queue/agent/ID for a user's AGENT queue
// (aws-cli awscli/examples/connect/list-queues.rst). Tags stay keyed by the .../queue/ID form (ObjectARN), so
// the store's cascade finds them.
func QueueARN(scope Scope, r Record[Queue]) string {
	if r.Value.Type == QueueAgent {
		return scope.InstanceARN(r.InstanceID) + "/queue/agent/" + r.ID
	}
	return r.ARN(scope)
}

// QueueInput is CreateQueue's request, already checked against the model.
type QueueInput struct {
	Instance             string
	Name                 string
	Description          string
	HoursOfOperationID   string
	MaxContacts          *int
	OutboundCaller       OutboundCaller
	OutboundEmailAddress string
	QuickConnectIDs      []string
	Tags                 map[string]string
}

// OutboundCaller is a queue's OutboundCallerConfig.
type OutboundCaller struct {
	Name     string
	NumberID string
	FlowID   string
}

// checkOutboundCaller resolves the outbound whisper flow. The caller id number is a phone number, which
// connectlocal does not hold: it is kept as given (README, "What connectlocal does not hold").
func checkOutboundCaller(tx Tx, scope Scope, inst string, c *OutboundCaller) error {
	if c.FlowID == "" {
		return nil
	}
	f, err := getFlow(tx, scope, inst, c.FlowID)
	if err != nil {
		return err
	}
	// The member is documented as "the outbound whisper flow"; the console offers only flows of that type,
	// so another type is refused (decided, research-routing §3).
	if f.Type != "OUTBOUND_WHISPER" {
		return Errorf(InvalidArgument, "OutboundFlowId '%s' must be a flow of type OUTBOUND_WHISPER, not %s", c.FlowID, f.Type)
	}
	c.FlowID = f.ID
	return nil
}

// resolveQuickConnects checks that each id (or ARN) names a quick connect of the instance and returns the ids,
// without repeats, in the order given.
func resolveQuickConnects(tx Tx, scope Scope, inst string, raws []string) ([]string, error) {
	var out []string
	for _, raw := range raws {
		id, err := requireObject(tx, scope, inst, QuickConnectKind, raw)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out, nil
}

// CreateQueue stores a new STANDARD queue on hours of the instance.
func (s *Service) CreateQueue(ctx context.Context, scope Scope, in QueueInput) (Record[Queue], error) {
	v := Queue{Name: in.Name, Type: QueueStandard, Description: in.Description, MaxContacts: in.MaxContacts, Status: QueueEnabled,
		OutboundEmailAddressID: in.OutboundEmailAddress}
	return createRecord(ctx, s, scope, QueueKind, NewObject[Queue]{Instance: in.Instance, Name: in.Name, Value: v, Tags: in.Tags,
		Check: func(tx Tx, inst string, v *Queue) error {
			all, err := allRecords[Queue](tx, scope, inst, KindQueue)
			if err != nil {
				return err
			}
			n := 0
			for _, q := range all {
				if q.Value.Type != QueueAgent {
					n++
				}
			}
			if limit := s.objectQuota("queues-per-instance", MaxQueuesPerInstance); n >= limit {
				e := Errorf(QuotaExceeded, "The quota of %d queues per instance has been reached", limit)
				e.Quota = "queues-per-instance"
				return e
			}
			if v.HoursOfOperationID, err = requireObject(tx, scope, inst, HoursKind, in.HoursOfOperationID); err != nil {
				return err
			}
			caller := in.OutboundCaller
			if err := checkOutboundCaller(tx, scope, inst, &caller); err != nil {
				return err
			}
			v.OutboundCallerIDName, v.OutboundCallerIDNumberID, v.OutboundFlowID = caller.Name, caller.NumberID, caller.FlowID
			v.QuickConnectIDs, err = resolveQuickConnects(tx, scope, inst, in.QuickConnectIDs)
			return err
		}})
}

// getQueue reads a queue by id or ARN, the AGENT form (.../queue/agent/ID) included.
func getQueue(tx Tx, scope Scope, inst, raw string) (Record[Queue], error) {
	return getRecord[Queue](tx, scope, inst, QueueKind, agentQueueARN(raw))
}

// agentQueueARN turns .../queue/agent/ID into .../queue/ID, the form ParseARN and the store know.
func agentQueueARN(raw string) string {
	if strings.HasPrefix(raw, "arn:") {
		return strings.Replace(raw, "/queue/agent/", "/queue/", 1)
	}
	return raw
}

// DescribeQueue reads a queue with its tags.
func (s *Service) DescribeQueue(ctx context.Context, scope Scope, instance, id string) (Record[Queue], error) {
	return describeRecord[Queue](ctx, s, scope, QueueKind, instance, agentQueueARN(id))
}

// ListQueues reads one page of the instance's queues; types filters by QueueType (empty: both, as the model's
// ListQueues documentation says).
func (s *Service) ListQueues(ctx context.Context, scope Scope, instance string, types []string, page Page) ([]Record[Queue], string, error) {
	var keep func(Tx, Record[Queue]) (bool, error)
	if len(types) > 0 {
		keep = func(_ Tx, r Record[Queue]) (bool, error) { return slices.Contains(types, r.Value.Type), nil }
	}
	return listRecords(ctx, s, scope, QueueKind, instance, page, 100, strings.Join(types, ","), keep)
}

// DeleteQueue removes a STANDARD queue no routing profile or quick connect uses (Terraform retries
// ResourceInUseException for a minute, expecting exactly this). A user's AGENT queue goes with the user
// (decided: InvalidRequestException, research-routing §3).
func (s *Service) DeleteQueue(ctx context.Context, scope Scope, instance, id string) error {
	return deleteRecord(ctx, s, scope, QueueKind, instance, agentQueueARN(id), func(tx Tx, inst string, r Record[Queue]) error {
		if r.Value.Type == QueueAgent {
			return Errorf(InvalidRequest, "Queue '%s' is an agent queue; it is deleted with its user", id)
		}
		return refuseIfReferenced(tx, scope, inst, QueueKind, r.ID)
	})
}

// QueueUpdate is one of the UpdateQueue*/Associate/DisassociateQueueQuickConnects requests: the members it
// names are set, the others kept.
type QueueUpdate struct {
	Instance string
	ID       string
	// UpdateQueueName
	Name, Description *string
	// UpdateQueueHoursOfOperation
	HoursOfOperationID *string
	// UpdateQueueMaxContacts: SetMaxContacts with MaxContacts nil removes the limit.
	SetMaxContacts bool
	MaxContacts    *int
	// UpdateQueueOutboundCallerConfig: replaces the whole config (Terraform sends all of it).
	OutboundCaller *OutboundCaller
	// UpdateQueueStatus
	Status *string
	// AssociateQueueQuickConnects / DisassociateQueueQuickConnects
	Associate, Disassociate []string
}

// UpdateQueue applies one update request. An AGENT queue is the user's and changes with the user
// (decided: InvalidRequestException).
func (s *Service) UpdateQueue(ctx context.Context, scope Scope, in QueueUpdate) error {
	_, err := updateRecord(ctx, s, scope, QueueKind, in.Instance, agentQueueARN(in.ID), func(tx Tx, inst string, r *Record[Queue]) error {
		q := &r.Value
		if q.Type == QueueAgent {
			return Errorf(InvalidRequest, "Queue '%s' is an agent queue and cannot be changed", in.ID)
		}
		if in.Name != nil {
			q.Name, r.Name = *in.Name, *in.Name
		}
		if in.Description != nil {
			q.Description = *in.Description // "" clears it: Terraform sends "" for an unset description
		}
		if in.HoursOfOperationID != nil {
			id, err := requireObject(tx, scope, inst, HoursKind, *in.HoursOfOperationID)
			if err != nil {
				return err
			}
			q.HoursOfOperationID = id
		}
		if in.SetMaxContacts {
			q.MaxContacts = in.MaxContacts
		}
		if in.OutboundCaller != nil {
			c := *in.OutboundCaller
			if err := checkOutboundCaller(tx, scope, inst, &c); err != nil {
				return err
			}
			q.OutboundCallerIDName, q.OutboundCallerIDNumberID, q.OutboundFlowID = c.Name, c.NumberID, c.FlowID
		}
		if in.Status != nil {
			q.Status = *in.Status
		}
		if in.Associate != nil {
			ids, err := resolveQuickConnects(tx, scope, inst, in.Associate)
			if err != nil {
				return err
			}
			// Associating one already associated changes nothing (decided: Terraform only adds new ones).
			for _, id := range ids {
				if !slices.Contains(q.QuickConnectIDs, id) {
					q.QuickConnectIDs = append(q.QuickConnectIDs, id)
				}
			}
			if len(q.QuickConnectIDs) > MaxQuickConnectsPerQueue {
				return Errorf(QuotaExceeded, "A queue may have at most %d quick connects; this request would give it %d",
					MaxQuickConnectsPerQueue, len(q.QuickConnectIDs))
			}
		}
		for _, raw := range in.Disassociate {
			// One not associated is ignored (decided), as Terraform removes only what it associated.
			id, ok := childID(scope, inst, KindQuickConnect, raw)
			if ok {
				q.QuickConnectIDs = slices.DeleteFunc(q.QuickConnectIDs, func(x string) bool { return x == id })
			}
		}
		return nil
	})
	return err
}

// QueueQuickConnects reads one page of a queue's quick connects, in association order, with the queue.
func (s *Service) QueueQuickConnects(ctx context.Context, scope Scope, instance, raw string, page Page) (Record[Queue], []Record[QuickConnect], string, error) {
	var q Record[Queue]
	out, next, err := listPage(ctx, s, page, 100, func(tx Tx) (string, func(Cursor, int) ([]Record[QuickConnect], error), error) {
		inst, err := requireInstance(tx, scope, instance)
		if err != nil {
			return "", nil, err
		}
		if q, err = getQueue(tx, scope, inst, raw); err != nil {
			return "", nil, err
		}
		return "QueueQuickConnects\x00" + inst + "\x00" + q.ID, func(after Cursor, limit int) ([]Record[QuickConnect], error) {
			ids := q.Value.QuickConnectIDs
			if after.ID != "" {
				i := slices.Index(ids, after.ID)
				if i < 0 {
					return nil, Errorf(InvalidArgument, "The NextToken is not valid for this request")
				}
				ids = ids[i+1:]
			}
			var rs []Record[QuickConnect]
			for _, id := range ids {
				if len(rs) == limit {
					break
				}
				o, err := tx.GetObject(scope, inst, KindQuickConnect, id)
				if CodeOf(err) == NotFound {
					continue
				}
				if err != nil {
					return nil, err
				}
				r, err := decodeRecord[QuickConnect](o)
				if err != nil {
					return nil, err
				}
				rs = append(rs, r)
			}
			return rs, nil
		}, nil
	}, func(r Record[QuickConnect]) Cursor { return Cursor{ID: r.ID} })
	return q, out, next, err
}

// SearchQueues finds queues by name, description, resourceID (the field names QueueSearchCriteria documents),
// QueueTypeCondition and tags.
func (s *Service) SearchQueues(ctx context.Context, scope Scope, in SearchInput) ([]Record[Queue], string, int64, error) {
	return searchRecords(ctx, s, scope, QueueKind, in, func(r Record[Queue]) SearchFields {
		return commonFields(r.ID, r.Value.Name, r.Value.Description, nil)
	}, func(r Record[Queue], member, value string) bool {
		return member == "QueueTypeCondition" && r.Value.Type == value
	})
}

// putDefaultQueue stores the instance's "BasicQueue": STANDARD, on the instance's Basic Hours, ENABLED, with no
// contact limit (real queues without one show MaxContacts null; research-routing §1.2, [OBS2]).
func putDefaultQueue(tx Tx, scope Scope, inst Instance, id, hoursID string) error {
	now := inst.CreatedTime
	q := Record[Queue]{Object: Object{InstanceID: inst.ID, Kind: KindQueue, ID: id, Name: DefaultQueueName, CreatedTime: now,
		LastModifiedTime: now}, Value: Queue{Name: DefaultQueueName, Type: QueueStandard, HoursOfOperationID: hoursID, Status: QueueEnabled}}
	return putRecord(tx, scope, QueueKind, &q)
}
