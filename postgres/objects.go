package postgres

import (
	"encoding/json"

	"github.com/connectlocal/connectlocal"
)

func (t *txn) GetObject(s connectlocal.Scope, instanceID string, kind connectlocal.ResourceKind, id string) (connectlocal.Object, error) {
	var o connectlocal.Object
	err := t.one(&o, string(kind), id, `SELECT body FROM objects WHERE account = $1 AND region = $2 AND instance_id = $3 AND kind = $4 AND id = $5`,
		s.Account, s.Region, instanceID, string(kind), id)
	return o, err
}

func (t *txn) FindObject(s connectlocal.Scope, instanceID string, kind connectlocal.ResourceKind, name string) (connectlocal.Object, error) {
	var o connectlocal.Object
	if name == "" {
		return o, notFound(string(kind), name)
	}
	err := t.one(&o, string(kind), name, `SELECT body FROM objects WHERE account = $1 AND region = $2 AND instance_id = $3 AND kind = $4 AND name = $5`,
		s.Account, s.Region, instanceID, string(kind), name)
	return o, err
}

func (t *txn) ListObjects(s connectlocal.Scope, instanceID string, kind connectlocal.ResourceKind, after connectlocal.Cursor, limit int) ([]connectlocal.Object, error) {
	at, id := cursorArgs(after)
	return list[connectlocal.Object, connectlocal.Object](t, `SELECT body FROM objects WHERE account = $1 AND region = $2 AND instance_id = $3 AND kind = $4
		AND (created_ns, id) > ($5, $6) ORDER BY created_ns, id LIMIT $7`, s.Account, s.Region, instanceID, string(kind), at, id, limit)
}

func (t *txn) CountObjects(s connectlocal.Scope, instanceID string, kind connectlocal.ResourceKind) (int, error) {
	return t.count(`SELECT count(*) FROM objects WHERE account = $1 AND region = $2 AND instance_id = $3 AND kind = $4`, s.Account, s.Region, instanceID, string(kind))
}

func (t *txn) PutObject(s connectlocal.Scope, o connectlocal.Object) error {
	body, err := json.Marshal(o)
	if err != nil {
		return err
	}
	_, err = t.exec(`INSERT INTO objects (account, region, instance_id, kind, id, created_ns, name, body) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
		ON CONFLICT (account, region, instance_id, kind, id) DO UPDATE SET created_ns = excluded.created_ns, name = excluded.name, body = excluded.body`,
		s.Account, s.Region, o.InstanceID, string(o.Kind), o.ID, o.CreatedTime.UnixNano(), o.Name, body)
	return err
}

func (t *txn) DeleteObject(s connectlocal.Scope, instanceID string, kind connectlocal.ResourceKind, id string) error {
	arn := s.ObjectARN(instanceID, kind, id)
	res, err := t.exec(`DELETE FROM objects WHERE account = $1 AND region = $2 AND instance_id = $3 AND kind = $4 AND id = $5`,
		s.Account, s.Region, instanceID, string(kind), id)
	if err != nil {
		return err
	}
	if res == 0 {
		return notFound(string(kind), id)
	}
	_, err = t.exec(`DELETE FROM tags WHERE account = $1 AND region = $2 AND arn = $3`, s.Account, s.Region, arn)
	return err
}
