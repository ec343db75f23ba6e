package connectlocal

import (
	"context"
	"maps"
	"strings"
)

// The routing objects (issue 20) share one life: created under a quota with a unique name, read with their
// tags, listed in keyset pages, changed in place, deleted unless another object uses them. These helpers are
// that life once; each kind's file (service_<kind>.go) holds only its own rules.

// ObjectKindInfo says how one kind is named in messages and bounded.
type ObjectKindInfo struct {
	Kind ResourceKind
	// Noun names one object in messages: "Queue", "Hours of operation".
	Noun string
	// Quota is the most objects of the kind an instance holds (0: unbounded); QuotaName is its `--quota`
	// name, when it has one.
	Quota     int
	QuotaName string
}

// Record is one routing object decoded: its envelope (ID, times, instance), its kind's value and its tags.
type Record[T any] struct {
	Object
	Value T
	Tags  map[string]string
}

// ARN is the record's ARN in scope.
func (r Record[T]) ARN(scope Scope) string { return scope.ObjectARN(r.InstanceID, r.Kind, r.ID) }

func decodeRecord[T any](o Object) (Record[T], error) {
	r := Record[T]{Object: o}
	err := DecodeObject(o, &r.Value)
	return r, err
}

// objectID accepts an object's id or its full ARN when that names an object of the kind in the instance.
func objectID(scope Scope, inst string, info ObjectKindInfo, raw string) (string, error) {
	id, ok := childID(scope, inst, info.Kind, raw)
	if !ok {
		return "", Errorf(NotFound, "%s '%s' not found", info.Noun, raw)
	}
	return id, nil
}

// getRecord reads the object raw names (id or ARN) in the instance; NotFound names the kind.
func getRecord[T any](tx Tx, scope Scope, inst string, info ObjectKindInfo, raw string) (Record[T], error) {
	id, err := objectID(scope, inst, info, raw)
	if err != nil {
		return Record[T]{}, err
	}
	o, err := tx.GetObject(scope, inst, info.Kind, id)
	if err != nil {
		if CodeOf(err) == NotFound {
			return Record[T]{}, Errorf(NotFound, "%s '%s' not found", info.Noun, raw)
		}
		return Record[T]{}, err
	}
	return decodeRecord[T](o)
}

// putRecord encodes r's value and stores it; a taken name is AlreadyExists in the kind's words.
func putRecord[T any](tx Tx, scope Scope, info ObjectKindInfo, r *Record[T]) error {
	if err := EncodeObject(&r.Object, r.Value); err != nil {
		return err
	}
	if err := tx.PutObject(scope, r.Object); err != nil {
		if CodeOf(err) == AlreadyExists {
			return Errorf(AlreadyExists, "%s with name '%s' already exists in this instance", info.Noun, r.Name)
		}
		return err
	}
	return nil
}

// NewObject describes a create: the value, its unique name (empty: none), its tags, and the kind's checks,
// which run inside the create's transaction once the instance is known.
type NewObject[T any] struct {
	Instance string // id or ARN, as the caller gave it
	Name     string
	Value    T
	Tags     map[string]string
	Check    func(tx Tx, inst string, v *T) error
}

// createRecord is every kind's create: instance, quota, checks, unique name, tags, in one Update.
func createRecord[T any](ctx context.Context, s *Service, scope Scope, info ObjectKindInfo, in NewObject[T]) (Record[T], error) {
	now := s.now()
	id := s.newID(ctx)
	var r Record[T]
	err := s.Store.Update(ctx, instanceKey(scope, in.Instance), func(tx Tx) error {
		inst, err := requireInstance(tx, scope, in.Instance)
		if err != nil {
			return err
		}
		r = Record[T]{Object: Object{InstanceID: inst, Kind: info.Kind, ID: id, Name: in.Name, CreatedTime: now,
			LastModifiedTime: now}, Value: in.Value, Tags: maps.Clone(in.Tags)}
		if limit := s.objectQuota(info.QuotaName, info.Quota); limit > 0 {
			n, err := tx.CountObjects(scope, inst, info.Kind)
			if err != nil {
				return err
			}
			if n >= limit {
				e := Errorf(QuotaExceeded, "The quota of %d %s objects per instance has been reached", limit, strings.ToLower(info.Noun))
				e.Quota = info.QuotaName
				return e
			}
		}
		if in.Check != nil {
			if err := in.Check(tx, inst, &r.Value); err != nil {
				return err
			}
		}
		if err := putRecord(tx, scope, info, &r); err != nil {
			return err
		}
		if len(in.Tags) > 0 {
			return tx.PutTags(scope, r.ARN(scope), in.Tags)
		}
		return nil
	})
	if err != nil {
		return Record[T]{}, err
	}
	return r, nil
}

// describeRecord reads one object with its tags.
func describeRecord[T any](ctx context.Context, s *Service, scope Scope, info ObjectKindInfo, instance, raw string) (Record[T], error) {
	var r Record[T]
	err := s.Store.View(ctx, func(tx Tx) error {
		inst, err := requireInstance(tx, scope, instance)
		if err != nil {
			return err
		}
		if r, err = getRecord[T](tx, scope, inst, info, raw); err != nil {
			return err
		}
		r.Tags, err = tx.Tags(scope, r.ARN(scope))
		return err
	})
	return r, err
}

// listRecords reads one page of the kind's objects that keep passes (nil: all), in creation order. The page
// holds at most page.Limit matches; a filter that skips many reads on in chunks within the same View.
func listRecords[T any](ctx context.Context, s *Service, scope Scope, info ObjectKindInfo, instance string, page Page,
	defaultLimit int, query string, keep func(tx Tx, r Record[T]) (bool, error)) ([]Record[T], string, error) {
	return listPage(ctx, s, page, defaultLimit, func(tx Tx) (string, func(Cursor, int) ([]Record[T], error), error) {
		inst, err := requireInstance(tx, scope, instance)
		q := "List\x00" + string(info.Kind) + "\x00" + inst + "\x00" + query
		return q, func(after Cursor, limit int) ([]Record[T], error) {
			var out []Record[T]
			for len(out) < limit {
				objs, err := tx.ListObjects(scope, inst, info.Kind, after, 200)
				if err != nil {
					return nil, err
				}
				for _, o := range objs {
					r, err := decodeRecord[T](o)
					if err != nil {
						return nil, err
					}
					ok := keep == nil
					if !ok {
						if ok, err = keep(tx, r); err != nil {
							return nil, err
						}
					}
					if ok {
						out = append(out, r)
						if len(out) == limit {
							break
						}
					}
				}
				if len(objs) < 200 {
					break
				}
				last := objs[len(objs)-1]
				after = Cursor{CreatedTime: last.CreatedTime, ID: last.ID}
			}
			return out, nil
		}, err
	}, func(r Record[T]) Cursor { return Cursor{CreatedTime: r.CreatedTime, ID: r.ID} })
}

// allRecords reads every object of the kind in the instance (inside a transaction: reference checks).
func allRecords[T any](tx Tx, scope Scope, inst string, kind ResourceKind) ([]Record[T], error) {
	var out []Record[T]
	var after Cursor
	for {
		objs, err := tx.ListObjects(scope, inst, kind, after, 500)
		if err != nil {
			return nil, err
		}
		for _, o := range objs {
			r, err := decodeRecord[T](o)
			if err != nil {
				return nil, err
			}
			out = append(out, r)
		}
		if len(objs) < 500 {
			return out, nil
		}
		last := objs[len(objs)-1]
		after = Cursor{CreatedTime: last.CreatedTime, ID: last.ID}
	}
}

// updateRecord changes one object in place: change may edit r.Value and r.Name (a rename is checked for
// clashes by the store) and returns an error to change nothing. LastModifiedTime moves to now.
func updateRecord[T any](ctx context.Context, s *Service, scope Scope, info ObjectKindInfo, instance, raw string,
	change func(tx Tx, inst string, r *Record[T]) error) (Record[T], error) {
	now := s.now()
	var r Record[T]
	err := s.Store.Update(ctx, instanceKey(scope, instance), func(tx Tx) error {
		inst, err := requireInstance(tx, scope, instance)
		if err != nil {
			return err
		}
		if r, err = getRecord[T](tx, scope, inst, info, raw); err != nil {
			return err
		}
		if err := change(tx, inst, &r); err != nil {
			return err
		}
		r.LastModifiedTime = now
		return putRecord(tx, scope, info, &r)
	})
	if err != nil {
		return Record[T]{}, err
	}
	return r, nil
}

// deleteRecord removes one object unless inUse (may be nil) says another object still needs it.
func deleteRecord[T any](ctx context.Context, s *Service, scope Scope, info ObjectKindInfo, instance, raw string,
	inUse func(tx Tx, inst string, r Record[T]) error) error {
	return s.Store.Update(ctx, instanceKey(scope, instance), func(tx Tx) error {
		inst, err := requireInstance(tx, scope, instance)
		if err != nil {
			return err
		}
		r, err := getRecord[T](tx, scope, inst, info, raw)
		if err != nil {
			return err
		}
		if inUse != nil {
			if err := inUse(tx, inst, r); err != nil {
				return err
			}
		}
		return tx.DeleteObject(scope, inst, info.Kind, r.ID)
	})
}

// requireObject checks, inside a transaction, that raw (an id or ARN) names an object of the kind in the
// instance, and returns its id; what is missing is an InvalidArgument naming the member (as Connect answers a
// reference to nothing in a create: "ResourceNotFoundException"-free 400s are its rule for nested ids).
func requireObject(tx Tx, scope Scope, inst string, info ObjectKindInfo, raw string) (string, error) {
	id, err := objectID(scope, inst, info, raw)
	if err != nil {
		return "", err
	}
	if _, err := tx.GetObject(scope, inst, info.Kind, id); err != nil {
		if CodeOf(err) == NotFound {
			return "", Errorf(NotFound, "%s '%s' not found", info.Noun, raw)
		}
		return "", err
	}
	return id, nil
}
