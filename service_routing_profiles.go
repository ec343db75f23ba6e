package connectlocal

import (
	"context"
	"slices"
	"strconv"
)

// RoutingProfileKind describes routing profiles to the shared object helpers (service_objects.go).
var RoutingProfileKind = ObjectKindInfo{Kind: KindRoutingProfile, Noun: "Routing profile",
	Quota: MaxRoutingProfilesPerInstance, QuotaName: "routing-profiles-per-instance"}

// routingQueueRef names queues in a routing profile's checks. The queue kind's own info lives with the queue
// operations; this one only reads them.
var routingQueueRef = ObjectKindInfo{Kind: KindQueue, Noun: "Queue"}

// MaxQueuesPerRoutingProfile is "Queues per routing profile" of the Connect service quotas page (50); the
// model caps one call at 10 configs.
const MaxQueuesPerRoutingProfile = 50

// Default values a routing profile answers with when the request left them out. Decided (research-routing
// §1.2): ROUTE_CURRENT_CHANNEL_ONLY is what the console shows for a new profile; the timer's default likewise.
const (
	DefaultCrossChannelBehavior   = "ROUTE_CURRENT_CHANNEL_ONLY"
	DefaultAgentAvailabilityTimer = "TIME_SINCE_LAST_ACTIVITY"
)

// RoutingProfileInput is CreateRoutingProfile's request (and the updates', whose nil members stay), already
// checked against the model.
type RoutingProfileInput struct {
	Instance               string
	ID                     string // updates only
	Name                   *string
	Description            *string
	DefaultOutboundQueueID *string
	MediaConcurrencies     []MediaConcurrency
	Queues                 []RoutingProfileQueue
	ManualQueues           []QueueChannel
	AgentAvailabilityTimer string
	Tags                   map[string]string
}

// checkConcurrencies applies MediaConcurrency's documented ranges: VOICE exactly 1, the others 1-10 (the
// model's range; EMAIL decided as CHAT), and one entry per channel (decided: Terraform's schema says a
// channel "cannot be duplicated").
func checkConcurrencies(mcs []MediaConcurrency) error {
	if len(mcs) == 0 {
		return Errorf(InvalidArgument, "MediaConcurrencies must name at least one channel")
	}
	seen := map[string]bool{}
	for _, mc := range mcs {
		if seen[mc.Channel] {
			return Errorf(InvalidArgument, "MediaConcurrencies names the channel %s more than once", mc.Channel)
		}
		seen[mc.Channel] = true
		if mc.Channel == "VOICE" && mc.Concurrency != 1 {
			return Errorf(InvalidArgument, "Concurrency for VOICE must be 1, not %d", mc.Concurrency)
		}
		if mc.Concurrency < 1 || mc.Concurrency > 10 {
			return Errorf(InvalidArgument, "Concurrency for %s must be between 1 and 10, not %d", mc.Channel, mc.Concurrency)
		}
	}
	return nil
}

// requireStandardQueue resolves raw (id or ARN) to a STANDARD queue of the instance: an unknown queue is
// NotFound, an AGENT queue InvalidArgument (decided, research-routing §3: agent queues take no routing).
func requireStandardQueue(tx Tx, scope Scope, inst, raw string) (string, error) {
	id, err := requireObject(tx, scope, inst, routingQueueRef, raw)
	if err != nil {
		return "", err
	}
	o, err := tx.GetObject(scope, inst, KindQueue, id)
	if err != nil {
		return "", err
	}
	var q Queue
	if err := DecodeObject(o, &q); err != nil {
		return "", err
	}
	if q.Type != "" && q.Type != "STANDARD" {
		return "", Errorf(InvalidArgument, "Queue '%s' is an %s queue; a routing profile takes STANDARD queues only", raw, q.Type)
	}
	return id, nil
}

// addQueues resolves and appends queue configs to a profile's, refusing a (queue, channel) pair twice
// (decided, as Terraform's "Queue and channel type combination cannot be duplicated") and more queues than
// the quota (over is the given code: QuotaExceeded on create, InvalidRequest where the model lacks it).
func addQueues(tx Tx, scope Scope, inst string, rp *RoutingProfile, add []RoutingProfileQueue, over Code) error {
	for _, q := range add {
		id, err := requireStandardQueue(tx, scope, inst, q.QueueID)
		if err != nil {
			return err
		}
		if slices.ContainsFunc(rp.Queues, func(x RoutingProfileQueue) bool { return x.QueueID == id && x.Channel == q.Channel }) {
			return Errorf(InvalidArgument, "Queue '%s' is already associated with the routing profile on channel %s", q.QueueID, q.Channel)
		}
		q.QueueID = id
		rp.Queues = append(rp.Queues, q)
	}
	if n := len(rp.queueIDs()); n > MaxQueuesPerRoutingProfile {
		e := Errorf(over, "A routing profile holds at most %d queues, not %d", MaxQueuesPerRoutingProfile, n)
		if over == QuotaExceeded {
			e.Quota = "queues-per-routing-profile"
		}
		return e
	}
	return nil
}

// addManualQueues resolves and appends manual assignment queue references, each pair once.
func addManualQueues(tx Tx, scope Scope, inst string, rp *RoutingProfile, add []QueueChannel) error {
	for _, q := range add {
		id, err := requireStandardQueue(tx, scope, inst, q.QueueID)
		if err != nil {
			return err
		}
		q.QueueID = id
		if slices.Contains(rp.ManualQueues, q) {
			return Errorf(InvalidArgument, "Queue '%s' is already a manual assignment queue of the routing profile on channel %s", id, q.Channel)
		}
		rp.ManualQueues = append(rp.ManualQueues, q)
	}
	return nil
}

// queueIDs lists the distinct queues of the profile's queue configs, in association order.
func (r RoutingProfile) queueIDs() []string {
	var ids []string
	for _, q := range r.Queues {
		if !slices.Contains(ids, q.QueueID) {
			ids = append(ids, q.QueueID)
		}
	}
	return ids
}

// AssociatedQueueIDs lists the distinct queues of the profile's queue configs (Describe's AssociatedQueueIds).
func (r RoutingProfile) AssociatedQueueIDs() []string { return r.queueIDs() }

// AssociatedManualQueueIDs lists the distinct manual assignment queues.
func (r RoutingProfile) AssociatedManualQueueIDs() []string {
	var ids []string
	for _, q := range r.ManualQueues {
		if !slices.Contains(ids, q.QueueID) {
			ids = append(ids, q.QueueID)
		}
	}
	return ids
}

// CreateRoutingProfile stores a new routing profile; its queues must be STANDARD queues of the instance.
func (s *Service) CreateRoutingProfile(ctx context.Context, scope Scope, in RoutingProfileInput) (Record[RoutingProfile], error) {
	if err := checkConcurrencies(in.MediaConcurrencies); err != nil {
		return Record[RoutingProfile]{}, err
	}
	v := RoutingProfile{Name: deref(in.Name), Description: deref(in.Description), MediaConcurrencies: in.MediaConcurrencies,
		AgentAvailabilityTimer: in.AgentAvailabilityTimer}
	return createRecord(ctx, s, scope, RoutingProfileKind, NewObject[RoutingProfile]{Instance: in.Instance, Name: v.Name, Value: v, Tags: in.Tags,
		Check: func(tx Tx, inst string, v *RoutingProfile) (err error) {
			if v.DefaultOutboundQueueID, err = requireStandardQueue(tx, scope, inst, deref(in.DefaultOutboundQueueID)); err != nil {
				return err
			}
			if err := addQueues(tx, scope, inst, v, in.Queues, QuotaExceeded); err != nil {
				return err
			}
			return addManualQueues(tx, scope, inst, v, in.ManualQueues)
		}})
}

// RoutingProfileView is a routing profile with what Describe counts besides it.
type RoutingProfileView struct {
	Record[RoutingProfile]
	Users int // users whose routing profile it is
}

// DescribeRoutingProfile reads a routing profile with its tags and how many users it has.
func (s *Service) DescribeRoutingProfile(ctx context.Context, scope Scope, instance, id string) (RoutingProfileView, error) {
	var v RoutingProfileView
	err := s.Store.View(ctx, func(tx Tx) error {
		inst, err := requireInstance(tx, scope, instance)
		if err != nil {
			return err
		}
		if v.Record, err = getRecord[RoutingProfile](tx, scope, inst, RoutingProfileKind, id); err != nil {
			return err
		}
		if v.Tags, err = tx.Tags(scope, v.ARN(scope)); err != nil {
			return err
		}
		users, err := allRecords[User](tx, scope, inst, KindUser)
		for _, u := range users {
			if u.Value.RoutingProfileID == v.ID {
				v.Users++
			}
		}
		return err
	})
	return v, err
}

// ListRoutingProfiles reads one page of the instance's routing profiles.
func (s *Service) ListRoutingProfiles(ctx context.Context, scope Scope, instance string, page Page) ([]Record[RoutingProfile], string, error) {
	return listRecords[RoutingProfile](ctx, s, scope, RoutingProfileKind, instance, page, 100, "", nil)
}

// DeleteRoutingProfile removes a routing profile no user has. The instance's default profile is refused
// (decided, research-routing §3: the console offers no delete for it; InvalidRequestException).
func (s *Service) DeleteRoutingProfile(ctx context.Context, scope Scope, instance, id string) error {
	return deleteRecord(ctx, s, scope, RoutingProfileKind, instance, id, func(tx Tx, inst string, r Record[RoutingProfile]) error {
		if r.Value.IsDefault {
			return Errorf(InvalidRequest, "The default routing profile '%s' cannot be deleted", r.Value.Name)
		}
		return refuseIfReferenced(tx, scope, inst, RoutingProfileKind, r.ID)
	})
}

// updateRoutingProfile is every UpdateRoutingProfile* operation and the queue associations.
func (s *Service) updateRoutingProfile(ctx context.Context, scope Scope, instance, id string,
	change func(tx Tx, inst string, r *Record[RoutingProfile]) error) error {
	_, err := updateRecord(ctx, s, scope, RoutingProfileKind, instance, id, change)
	return err
}

// UpdateRoutingProfileName changes the name and/or the description; at least one is needed (model doc).
func (s *Service) UpdateRoutingProfileName(ctx context.Context, scope Scope, in RoutingProfileInput) error {
	if in.Name == nil && in.Description == nil {
		return Errorf(InvalidArgument, "At least Name or Description must be provided")
	}
	return s.updateRoutingProfile(ctx, scope, in.Instance, in.ID, func(tx Tx, inst string, r *Record[RoutingProfile]) error {
		if in.Name != nil {
			r.Value.Name, r.Name = *in.Name, *in.Name
		}
		if in.Description != nil {
			r.Value.Description = *in.Description
		}
		return nil
	})
}

// UpdateRoutingProfileConcurrency replaces the channels and their concurrency (Terraform sends the whole set).
func (s *Service) UpdateRoutingProfileConcurrency(ctx context.Context, scope Scope, in RoutingProfileInput) error {
	if err := checkConcurrencies(in.MediaConcurrencies); err != nil {
		return err
	}
	return s.updateRoutingProfile(ctx, scope, in.Instance, in.ID, func(tx Tx, inst string, r *Record[RoutingProfile]) error {
		r.Value.MediaConcurrencies = in.MediaConcurrencies
		return nil
	})
}

// UpdateRoutingProfileDefaultOutboundQueue points the profile at another STANDARD queue.
func (s *Service) UpdateRoutingProfileDefaultOutboundQueue(ctx context.Context, scope Scope, in RoutingProfileInput) error {
	return s.updateRoutingProfile(ctx, scope, in.Instance, in.ID, func(tx Tx, inst string, r *Record[RoutingProfile]) (err error) {
		r.Value.DefaultOutboundQueueID, err = requireStandardQueue(tx, scope, inst, deref(in.DefaultOutboundQueueID))
		return err
	})
}

// AssociateRoutingProfileQueues adds queue configs and manual assignment queues; a pair already there is
// InvalidArgument (decided), so a retry after success is refused rather than silently doubled.
func (s *Service) AssociateRoutingProfileQueues(ctx context.Context, scope Scope, in RoutingProfileInput) error {
	if len(in.Queues) == 0 && len(in.ManualQueues) == 0 {
		return Errorf(InvalidArgument, "QueueConfigs or ManualAssignmentQueueConfigs must be provided")
	}
	return s.updateRoutingProfile(ctx, scope, in.Instance, in.ID, func(tx Tx, inst string, r *Record[RoutingProfile]) error {
		if err := addQueues(tx, scope, inst, &r.Value, in.Queues, InvalidRequest); err != nil {
			return err
		}
		return addManualQueues(tx, scope, inst, &r.Value, in.ManualQueues)
	})
}

// resolveRefs turns queue references (ids or ARNs) into ids; a reference that names no queue of the
// instance is NotFound.
func resolveRefs(scope Scope, inst string, refs []QueueChannel) ([]QueueChannel, error) {
	out := make([]QueueChannel, len(refs))
	for i, q := range refs {
		id, err := objectID(scope, inst, routingQueueRef, q.QueueID)
		if err != nil {
			return nil, err
		}
		out[i] = QueueChannel{QueueID: id, Channel: q.Channel}
	}
	return out, nil
}

// DisassociateRoutingProfileQueues removes (queue, channel) pairs: at most 10 per call (the operation's
// documentation), each one associated (decided: a pair that is not is InvalidArgument, and nothing changes).
func (s *Service) DisassociateRoutingProfileQueues(ctx context.Context, scope Scope, instance, id string, queues, manual []QueueChannel) error {
	if len(queues)+len(manual) == 0 {
		return Errorf(InvalidArgument, "QueueReferences or ManualAssignmentQueueReferences must be provided")
	}
	if len(queues) > 10 || len(manual) > 10 {
		return Errorf(InvalidArgument, "At most 10 queue references can be disassociated in one call")
	}
	return s.updateRoutingProfile(ctx, scope, instance, id, func(tx Tx, inst string, r *Record[RoutingProfile]) error {
		refs, err := resolveRefs(scope, inst, queues)
		if err != nil {
			return err
		}
		for _, ref := range refs {
			i := slices.IndexFunc(r.Value.Queues, func(x RoutingProfileQueue) bool { return x.QueueID == ref.QueueID && x.Channel == ref.Channel })
			if i < 0 {
				return Errorf(InvalidArgument, "Queue '%s' is not associated with the routing profile on channel %s", ref.QueueID, ref.Channel)
			}
			r.Value.Queues = slices.Delete(r.Value.Queues, i, i+1)
		}
		if refs, err = resolveRefs(scope, inst, manual); err != nil {
			return err
		}
		for _, ref := range refs {
			i := slices.Index(r.Value.ManualQueues, ref)
			if i < 0 {
				return Errorf(InvalidArgument, "Queue '%s' is not a manual assignment queue of the routing profile on channel %s", ref.QueueID, ref.Channel)
			}
			r.Value.ManualQueues = slices.Delete(r.Value.ManualQueues, i, i+1)
		}
		return nil
	})
}

// UpdateRoutingProfileQueues changes the priority and delay of pairs already associated ("Queues must first
// be associated to the routing profile", model doc); one that is not is InvalidArgument (decided).
func (s *Service) UpdateRoutingProfileQueues(ctx context.Context, scope Scope, in RoutingProfileInput) error {
	return s.updateRoutingProfile(ctx, scope, in.Instance, in.ID, func(tx Tx, inst string, r *Record[RoutingProfile]) error {
		for _, q := range in.Queues {
			id, err := objectID(scope, inst, routingQueueRef, q.QueueID)
			if err != nil {
				return err
			}
			i := slices.IndexFunc(r.Value.Queues, func(x RoutingProfileQueue) bool { return x.QueueID == id && x.Channel == q.Channel })
			if i < 0 {
				return Errorf(InvalidArgument, "Queue '%s' is not associated with the routing profile on channel %s", q.QueueID, q.Channel)
			}
			r.Value.Queues[i].Priority, r.Value.Queues[i].Delay = q.Priority, q.Delay
		}
		return nil
	})
}

// RoutingProfileQueueView is one queue config with its queue's name, as ListRoutingProfileQueues answers.
type RoutingProfileQueueView struct {
	RoutingProfileQueue
	QueueName string
}

// ListRoutingProfileQueues reads one page of a profile's queue configs in association order, with the
// profile's LastModifiedTime.
func (s *Service) ListRoutingProfileQueues(ctx context.Context, scope Scope, instance, id string, page Page) ([]RoutingProfileQueueView, string, Record[RoutingProfile], error) {
	var rp Record[RoutingProfile]
	items, next, err := listPage(ctx, s, page, 100, func(tx Tx) (string, func(Cursor, int) ([]positioned[RoutingProfileQueueView], error), error) {
		inst, err := requireInstance(tx, scope, instance)
		if err != nil {
			return "", nil, err
		}
		if rp, err = getRecord[RoutingProfile](tx, scope, inst, RoutingProfileKind, id); err != nil {
			return "", nil, err
		}
		return "RoutingProfileQueues\x00" + inst + "\x00" + rp.ID, func(after Cursor, limit int) ([]positioned[RoutingProfileQueueView], error) {
			var out []positioned[RoutingProfileQueueView]
			for i := positionOf(after); i < len(rp.Value.Queues) && len(out) < limit; i++ {
				q := rp.Value.Queues[i]
				o, err := tx.GetObject(scope, inst, KindQueue, q.QueueID)
				if CodeOf(err) == NotFound {
					continue // a profile's queues cannot be deleted; should one be gone, the list shows the rest
				}
				if err != nil {
					return nil, err
				}
				out = append(out, positioned[RoutingProfileQueueView]{i, RoutingProfileQueueView{q, o.Name}})
			}
			return out, nil
		}, nil
	}, positioned[RoutingProfileQueueView].cursor)
	views := make([]RoutingProfileQueueView, len(items))
	for i, it := range items {
		views[i] = it.v
	}
	return views, next, rp, err
}

// positioned is an element of a list held inside one object, paged by its position.
type positioned[T any] struct {
	i int
	v T
}

func (x positioned[T]) cursor() Cursor { return Cursor{ID: strconv.Itoa(x.i + 1)} }

// positionOf is the position a page of an in-object list starts at (its cursor's ID, 0 at the start).
func positionOf(c Cursor) int {
	n, _ := strconv.Atoi(c.ID)
	return n
}

// SearchRoutingProfiles finds routing profiles by the field names RoutingProfileSearchCriteria documents
// (associatedQueueIds, name, description, resourceID) and tags.
func (s *Service) SearchRoutingProfiles(ctx context.Context, scope Scope, in SearchInput) ([]Record[RoutingProfile], string, int64, error) {
	return searchRecords(ctx, s, scope, RoutingProfileKind, in, func(r Record[RoutingProfile]) SearchFields {
		return commonFields(r.ID, r.Value.Name, r.Value.Description, map[string][]string{"associatedQueueIds": r.Value.queueIDs()})
	}, nil)
}
