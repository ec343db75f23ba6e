package postgres

import (
	"encoding/json"

	"github.com/connectlocal/connectlocal"
)

// PutInstance replaces the instance's body; the key columns (alias, creation time) stay as created.
func (t *txn) PutInstance(s connectlocal.Scope, inst connectlocal.Instance) error {
	body, _ := json.Marshal(inst)
	n, err := t.exec(`UPDATE instances SET body = $1 WHERE account = $2 AND region = $3 AND id = $4`, body, s.Account, s.Region, inst.ID)
	if err != nil {
		return err
	}
	if n == 0 {
		return notFound("instance", inst.ID)
	}
	return nil
}

// ListContacts pages through the contacts in byte order of their ids (COLLATE "C"), as the other stores do,
// whatever the database's collation.
func (t *txn) ListContacts(s connectlocal.Scope, instanceID, afterID string, limit int) ([]connectlocal.Contact, error) {
	return list[connectlocal.Contact, connectlocal.Contact](t, `SELECT body FROM contacts WHERE account = $1 AND region = $2 AND instance_id = $3
		AND id COLLATE "C" > $4 ORDER BY id COLLATE "C" LIMIT $5`, s.Account, s.Region, instanceID, afterID, limit)
}
