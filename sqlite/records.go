package sqlite

import (
	"encoding/json"

	"github.com/connectlocal/connectlocal"
)

// PutInstance replaces the instance's body; the key columns (alias, creation time) stay as created.
func (t *txn) PutInstance(s connectlocal.Scope, inst connectlocal.Instance) error {
	body, _ := json.Marshal(inst)
	t.touch(instanceKey(s.Account, s.Region, inst.ID))
	res, err := t.exec(`UPDATE instances SET body = ? WHERE account = ? AND region = ? AND id = ?`, body, s.Account, s.Region, inst.ID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFound("instance", inst.ID)
	}
	return nil
}

// ListContacts pages through the contacts' primary key.
func (t *txn) ListContacts(s connectlocal.Scope, instanceID, afterID string, limit int) ([]connectlocal.Contact, error) {
	return list[connectlocal.Contact, connectlocal.Contact](t, `SELECT body FROM contacts WHERE account = ? AND region = ? AND instance_id = ? AND id > ?
		ORDER BY id LIMIT ?`, s.Account, s.Region, instanceID, afterID, limit)
}
