package sqlite

import (
	"time"

	"github.com/connectlocal/connectlocal"
)

func (t *txn) DeleteTaskTemplateVersionsBefore(s connectlocal.Scope, instanceID, id string, version int64) error {
	_, err := t.exec(`DELETE FROM template_versions WHERE account = ? AND region = ? AND instance_id = ? AND id = ? AND version < ?
		AND version < (SELECT version FROM templates WHERE account = ? AND region = ? AND instance_id = ? AND id = ?)`,
		s.Account, s.Region, instanceID, id, version, s.Account, s.Region, instanceID, id)
	return err
}

// CountContacts reads the count PutContact and DeleteEndedContacts keep (migration 0003).
func (t *txn) CountContacts(s connectlocal.Scope, instanceID string) (int, error) {
	return t.counter(s, instanceID, "contacts")
}

func (t *txn) DeleteEndedContacts(s connectlocal.Scope, instanceID string, now, expiresBefore time.Time, limit int) (int, error) {
	res, err := t.exec(`DELETE FROM contacts WHERE account = ? AND region = ? AND instance_id = ? AND id IN (
			SELECT id FROM contacts WHERE account = ? AND region = ? AND instance_id = ? AND expires_ns < ? AND (stopped = 1 OR expires_ns <= ?)
			ORDER BY expires_ns, id LIMIT ?)`,
		s.Account, s.Region, instanceID, s.Account, s.Region, instanceID, expiresBefore.UnixNano(), now.UnixNano(), limit)
	if err != nil {
		return 0, err
	}
	n, _ := res.RowsAffected()
	if n == 0 {
		return 0, nil
	}
	return int(n), t.addCounter(s, instanceID, "contacts", -int(n))
}
