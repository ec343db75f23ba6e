package connectlocal

import "time"

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

// RetentionTx is what a Store offers for the Retention bounds (embedded in Tx).
type RetentionTx interface {
	// DeleteTaskTemplateVersionsBefore deletes the template's snapshot versions below version, never the
	// latest.
	DeleteTaskTemplateVersionsBefore(s Scope, instanceID, id string, version int64) error
	// CountContacts counts the instance's contacts, active and ended.
	CountContacts(s Scope, instanceID string) (int, error)
	// DeleteEndedContacts deletes up to limit contacts of the instance that have ended at now (stopped, or
	// expired) and expire before expiresBefore, the earliest expiry first, and returns how many it deleted.
	DeleteEndedContacts(s Scope, instanceID string, now, expiresBefore time.Time, limit int) (int, error)
}

// keepVersions deletes the snapshot versions of t that Retention no longer keeps.
func (s *Service) keepVersions(tx Tx, scope Scope, t TaskTemplate) error {
	if keep := int64(s.Retention.TemplateVersions); keep > 0 && t.Version > keep {
		return tx.DeleteTaskTemplateVersionsBefore(scope, t.InstanceID, t.ID, t.Version-keep+1)
	}
	return nil
}

// keepTasks deletes what Retention no longer keeps of an instance's tasks, given how many are active. A
// start adds one task, so deleting at most a few per start keeps the instance within the bound.
func (s *Service) keepTasks(tx Tx, scope Scope, instance string, now time.Time, active int) error {
	const perStart = 4
	if age := s.Retention.TaskRecordAge; age > 0 {
		if _, err := tx.DeleteEndedContacts(scope, instance, now, now.Add(-age), perStart); err != nil {
			return err
		}
	}
	if s.Retention.EndedTasks <= 0 {
		return nil
	}
	n, err := tx.CountContacts(scope, instance)
	if err != nil {
		return err
	}
	if excess := n - active - s.Retention.EndedTasks; excess > 0 {
		_, err = tx.DeleteEndedContacts(scope, instance, now, maxTime, min(excess, perStart))
	}
	return err
}

var maxTime = time.Unix(1<<62/int64(time.Second), 0)
