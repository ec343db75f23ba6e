package connectlocal

import (
	"context"
	"time"
	_ "time/tzdata" // TimeZone is checked against the IANA database wherever the binary runs
)

// HoursKind describes hours of operation to the shared object helpers (service_objects.go).
var HoursKind = ObjectKindInfo{Kind: KindHours, Noun: "Hours of operation", Quota: MaxHoursPerInstance,
	QuotaName: "hours-of-operation-per-instance"}

// HoursInput is CreateHoursOfOperation's request (and UpdateHoursOfOperation's, whose nil members stay),
// already checked against the model.
type HoursInput struct {
	Instance    string
	ID          string // Update only
	Name        *string
	Description *string
	TimeZone    *string
	Config      []HoursConfig
	Parents     []string
	Tags        map[string]string
}

// checkTimeZone accepts an IANA zone name, as the Connect console's list offers them.
func checkTimeZone(tz string) error {
	if tz == "" || tz == "Local" {
		return Errorf(InvalidArgument, "Invalid TimeZone '%s'", tz)
	}
	if _, err := time.LoadLocation(tz); err != nil {
		return Errorf(InvalidArgument, "Invalid TimeZone '%s'", tz)
	}
	return nil
}

// checkParents checks that each parent names other hours of the instance.
func checkParents(tx Tx, scope Scope, inst, self string, parents []string) ([]string, error) {
	out := make([]string, 0, len(parents))
	for _, raw := range parents {
		id, err := requireObject(tx, scope, inst, HoursKind, raw)
		if err != nil {
			return nil, err
		}
		if id == self {
			return nil, Errorf(InvalidArgument, "Hours of operation '%s' cannot be its own parent", raw)
		}
		out = append(out, id)
	}
	return out, nil
}

// CreateHoursOfOperation stores new hours; the name is unique in the instance.
func (s *Service) CreateHoursOfOperation(ctx context.Context, scope Scope, in HoursInput) (Record[HoursOfOperation], error) {
	v := HoursOfOperation{Name: deref(in.Name), Description: deref(in.Description), TimeZone: deref(in.TimeZone), Config: in.Config}
	if err := checkTimeZone(v.TimeZone); err != nil {
		return Record[HoursOfOperation]{}, err
	}
	return createRecord(ctx, s, scope, HoursKind, NewObject[HoursOfOperation]{Instance: in.Instance, Name: v.Name, Value: v, Tags: in.Tags,
		Check: func(tx Tx, inst string, v *HoursOfOperation) (err error) {
			v.Parents, err = checkParents(tx, scope, inst, "", in.Parents)
			return err
		}})
}

// DescribeHoursOfOperation reads hours with their tags.
func (s *Service) DescribeHoursOfOperation(ctx context.Context, scope Scope, instance, id string) (Record[HoursOfOperation], error) {
	return describeRecord[HoursOfOperation](ctx, s, scope, HoursKind, instance, id)
}

// HoursNames returns the names of the given hours ids (for ParentHoursOfOperations), skipping deleted ones.
func (s *Service) HoursNames(ctx context.Context, scope Scope, instance string, ids []string) (map[string]string, error) {
	names := map[string]string{}
	err := s.Store.View(ctx, func(tx Tx) error {
		inst, err := requireInstance(tx, scope, instance)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if o, err := tx.GetObject(scope, inst, KindHours, id); err == nil {
				names[id] = o.Name
			} else if CodeOf(err) != NotFound {
				return err
			}
		}
		return nil
	})
	return names, err
}

// UpdateHoursOfOperation changes the members the request names.
func (s *Service) UpdateHoursOfOperation(ctx context.Context, scope Scope, in HoursInput) error {
	if in.TimeZone != nil {
		if err := checkTimeZone(*in.TimeZone); err != nil {
			return err
		}
	}
	_, err := updateRecord(ctx, s, scope, HoursKind, in.Instance, in.ID, func(tx Tx, inst string, r *Record[HoursOfOperation]) error {
		if in.Name != nil {
			r.Value.Name, r.Name = *in.Name, *in.Name
		}
		if in.Description != nil {
			r.Value.Description = *in.Description
		}
		if in.TimeZone != nil {
			r.Value.TimeZone = *in.TimeZone
		}
		if in.Config != nil {
			r.Value.Config = in.Config
		}
		return nil
	})
	return err
}

// DeleteHoursOfOperation removes hours no queue (or other hours) uses; a used one is refused, as Connect
// refuses deleting the hours of a queue.
func (s *Service) DeleteHoursOfOperation(ctx context.Context, scope Scope, instance, id string) error {
	return deleteRecord(ctx, s, scope, HoursKind, instance, id, func(tx Tx, inst string, r Record[HoursOfOperation]) error {
		return refuseIfReferenced(tx, scope, inst, HoursKind, r.ID)
	})
}

// ListHoursOfOperations reads one page of the instance's hours.
func (s *Service) ListHoursOfOperations(ctx context.Context, scope Scope, instance string, page Page) ([]Record[HoursOfOperation], string, error) {
	return listRecords[HoursOfOperation](ctx, s, scope, HoursKind, instance, page, 100, "", nil)
}

// SearchHoursOfOperations finds hours by name, description, resourceID (documented field names of
// HoursOfOperationSearchCriteria) and tags.
func (s *Service) SearchHoursOfOperations(ctx context.Context, scope Scope, in SearchInput) ([]Record[HoursOfOperation], string, int64, error) {
	return searchRecords(ctx, s, scope, HoursKind, in, func(r Record[HoursOfOperation]) SearchFields {
		return commonFields(r.ID, r.Value.Name, r.Value.Description, map[string][]string{"timezone": {r.Value.TimeZone}})
	}, nil)
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
