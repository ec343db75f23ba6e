package postgres

import (
	"time"

	"github.com/connectlocal/connectlocal"
)

// DeleteTaskTemplateVersionsBefore is queued: it rides with the next statement or COMMIT.
func (t *txn) DeleteTaskTemplateVersionsBefore(s connectlocal.Scope, instanceID, id string, version int64) error {
	return t.later(`DELETE FROM template_versions WHERE account = $1 AND region = $2 AND instance_id = $3 AND id = $4 AND version < $5
		AND version < (SELECT version FROM templates WHERE account = $1 AND region = $2 AND instance_id = $3 AND id = $4)`,
		s.Account, s.Region, instanceID, id, version)
}

// CountContacts reads the count PutContact and DeleteEndedContacts keep (migration 0003).
func (t *txn) CountContacts(s connectlocal.Scope, instanceID string) (int, error) {
	return t.counter(s, instanceID, "contacts")
}

// DeleteEndedContacts deletes and keeps the count in one statement.
func (t *txn) DeleteEndedContacts(s connectlocal.Scope, instanceID string, now, expiresBefore time.Time, limit int) (int, error) {
	if !t.writable {
		return 0, errReadOnly
	}
	var n int
	err := t.queryRow(`WITH gone AS (
			DELETE FROM contacts WHERE account = $1 AND region = $2 AND instance_id = $3 AND id IN (
				SELECT id FROM contacts WHERE account = $1 AND region = $2 AND instance_id = $3 AND expires_ns < $4
				AND (stopped = 1 OR expires_ns <= $5) ORDER BY expires_ns, id LIMIT $6)
			RETURNING 1),
		counted AS (
			UPDATE counters SET n = n - (SELECT count(*) FROM gone)
			WHERE account = $1 AND region = $2 AND instance_id = $3 AND kind = 'contacts' AND EXISTS (SELECT 1 FROM gone))
		SELECT count(*) FROM gone`, s.Account, s.Region, instanceID, expiresBefore.UnixNano(), now.UnixNano(), limit).Scan(&n)
	return n, t.check(err)
}
