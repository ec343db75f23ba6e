package sqlite

import (
	"encoding/json"

	"github.com/connectlocal/connectlocal"
)

// Routing objects (issue 20) are read from the database every time: they are not on any hot path the cache
// was built for, so they stay out of it (only their tags, which share the tags cache, are touched).

func (t *txn) GetObject(s connectlocal.Scope, instanceID string, kind connectlocal.ResourceKind, id string) (connectlocal.Object, error) {
	var o connectlocal.Object
	err := t.one(&o, string(kind), id, `SELECT body FROM objects WHERE account = ? AND region = ? AND instance_id = ? AND kind = ? AND id = ?`,
		s.Account, s.Region, instanceID, string(kind), id)
	return o, err
}

func (t *txn) FindObject(s connectlocal.Scope, instanceID string, kind connectlocal.ResourceKind, name string) (connectlocal.Object, error) {
	var o connectlocal.Object
	if name == "" {
		return o, notFound(string(kind), name)
	}
	err := t.one(&o, string(kind), name, `SELECT body FROM objects WHERE account = ? AND region = ? AND instance_id = ? AND kind = ? AND name = ?`,
		s.Account, s.Region, instanceID, string(kind), name)
	return o, err
}

func (t *txn) ListObjects(s connectlocal.Scope, instanceID string, kind connectlocal.ResourceKind, after connectlocal.Cursor, limit int) ([]connectlocal.Object, error) {
	at, id := cursorArgs(after)
	return list[connectlocal.Object, connectlocal.Object](t, `SELECT body FROM objects WHERE account = ? AND region = ? AND instance_id = ? AND kind = ?
		AND (created_ns, id) > (?, ?) ORDER BY created_ns, id LIMIT ?`, s.Account, s.Region, instanceID, string(kind), at, id, limit)
}

func (t *txn) CountObjects(s connectlocal.Scope, instanceID string, kind connectlocal.ResourceKind) (int, error) {
	return t.count(`SELECT count(*) FROM objects WHERE account = ? AND region = ? AND instance_id = ? AND kind = ?`, s.Account, s.Region, instanceID, string(kind))
}

func (t *txn) PutObject(s connectlocal.Scope, o connectlocal.Object) error {
	body, err := json.Marshal(o)
	if err != nil {
		return err
	}
	_, err = t.exec(`INSERT INTO objects (account, region, instance_id, kind, id, created_ns, name, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (account, region, instance_id, kind, id) DO UPDATE SET created_ns = excluded.created_ns, name = excluded.name, body = excluded.body`,
		s.Account, s.Region, o.InstanceID, string(o.Kind), o.ID, o.CreatedTime.UnixNano(), o.Name, body)
	return err
}

func (t *txn) DeleteObject(s connectlocal.Scope, instanceID string, kind connectlocal.ResourceKind, id string) error {
	arn := s.ObjectARN(instanceID, kind, id)
	t.touch(tagsKey(s.Account, s.Region, arn))
	res, err := t.exec(`DELETE FROM objects WHERE account = ? AND region = ? AND instance_id = ? AND kind = ? AND id = ?`,
		s.Account, s.Region, instanceID, string(kind), id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFound(string(kind), id)
	}
	_, err = t.exec(`DELETE FROM tags WHERE account = ? AND region = ? AND arn = ?`, s.Account, s.Region, arn)
	return err
}
