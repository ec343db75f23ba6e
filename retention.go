package connectlocal

import (
	"context"
	"time"
)

// Retention bounds the history the store keeps, so that no client can fill memory or disk with it (issue 10).
// Each bound is a `serve` flag; the README lists them.
type Retention struct {
	// TemplateVersions is how many snapshot versions of a template are kept, the latest included; older ones
	// are deleted as new ones are written. The service documents no limit: snapshots exist so that a task
	// can show the template it was started from, and tests rarely look further back than a few updates.
	TemplateVersions int
	// EndedTasks is how many ended (stopped or expired) tasks an instance keeps; past it, the ones with
	// the oldest expiry go first. The service documents no count: it keeps every contact for 24 months.
	EndedTasks int
	// TaskRecordAge is how long a task is kept after its expiry time. The service keeps contact
	// information "for 24 months from the InitiationTimestamp, and then it is deleted" (DescribeContact,
	// https://docs.aws.amazon.com/connect/latest/APIReference/API_DescribeContact.html); counting from the
	// expiry instead keeps a task at most its expiry (7 days at most) longer.
	TaskRecordAge time.Duration
}

// Retention defaults.
const (
	DefaultTemplateVersions = 20
	DefaultEndedTasks       = 10000
	DefaultTaskRecordAge    = 2 * 365 * 24 * time.Hour // 24 months
)

// DefaultRetention returns the defaults above.
func DefaultRetention() Retention {
	return Retention{TemplateVersions: DefaultTemplateVersions, EndedTasks: DefaultEndedTasks, TaskRecordAge: DefaultTaskRecordAge}
}

// keepVersions deletes the snapshot versions of t that Retention no longer keeps.
func (s *Service) keepVersions(tx Tx, scope Scope, t TaskTemplate) error {
	if keep := int64(s.Retention.TemplateVersions); keep > 0 && t.Version > keep {
		return tx.DeleteTaskTemplateVersionsBefore(scope, t.InstanceID, t.ID, t.Version-keep+1)
	}
	return nil
}

// keepTasks deletes what Retention no longer keeps of an instance's tasks, given how many are active (-1:
// count them). A start or a stop changes one task, so deleting at most a few per write keeps the instance
// within the bound; SweepTasks covers what ends without a write (expiry) and instances nobody writes to.
func (s *Service) keepTasks(tx Tx, scope Scope, instance string, now time.Time, active int) error {
	const perWrite = 4
	_, err := s.trimTasks(tx, scope, instance, now, active, perWrite)
	return err
}

// trimTasks deletes up to limit tasks of each kind Retention drops (older than TaskRecordAge past their
// expiry, then the ended tasks past EndedTasks, earliest expiry first) and returns how many it deleted.
func (s *Service) trimTasks(tx Tx, scope Scope, instance string, now time.Time, active, limit int) (int, error) {
	deleted := 0
	if age := s.Retention.TaskRecordAge; age > 0 {
		n, err := tx.DeleteEndedContacts(scope, instance, now, now.Add(-age), limit)
		if err != nil {
			return deleted, err
		}
		deleted += n
	}
	if s.Retention.EndedTasks <= 0 {
		return deleted, nil
	}
	total, err := tx.CountContacts(scope, instance)
	if err != nil {
		return deleted, err
	}
	if active < 0 {
		if active, err = tx.CountActiveContacts(scope, instance, now); err != nil {
			return deleted, err
		}
	}
	if excess := total - active - s.Retention.EndedTasks; excess > 0 {
		n, err := tx.DeleteEndedContacts(scope, instance, now, maxTime, min(excess, limit))
		deleted += n
		return deleted, err
	}
	return deleted, nil
}

// SweepTasks applies Retention to every instance's tasks at the service's clock and returns how many it
// deleted: a task that expired in an idle instance is otherwise kept until the instance's next write
// (issue 19 #4). serve runs it periodically; tests call it after moving the clock, with no sleep.
func (s *Service) SweepTasks(ctx context.Context) (int, error) {
	if s.Retention.TaskRecordAge <= 0 && s.Retention.EndedTasks <= 0 {
		return 0, nil
	}
	type target struct {
		scope Scope
		id    string
	}
	var targets []target
	err := s.Store.View(ctx, func(tx Tx) error {
		scopes, err := tx.Scopes()
		if err != nil {
			return err
		}
		for _, sc := range scopes {
			insts, err := allInstances(tx, sc)
			if err != nil {
				return err
			}
			for _, inst := range insts {
				targets = append(targets, target{sc, inst.ID})
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	const batch = 500 // one short transaction each, so requests to the instance are not held back long
	total := 0
	for _, tg := range targets {
		for {
			now, n := s.now(), 0
			err := s.Store.Update(ctx, InstanceKey(tg.scope, tg.id), func(tx Tx) error {
				var err error
				n, err = s.trimTasks(tx, tg.scope, tg.id, now, -1, batch)
				if CodeOf(err) == NotFound {
					n, err = 0, nil // the instance was deleted meanwhile
				}
				return err
			})
			if err != nil {
				return total, err
			}
			total += n
			if n < batch {
				break
			}
		}
	}
	return total, nil
}

var maxTime = time.Unix(1<<62/int64(time.Second), 0)
