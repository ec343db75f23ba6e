package sqlite

import (
	"cmp"
	"slices"

	"github.com/connectlocal/connectlocal"
)

func (t *txn) Scopes() ([]connectlocal.Scope, error) {
	rows, err := t.query(`SELECT account, region FROM instances UNION SELECT account, region FROM tokens ORDER BY 1, 2`)
	if err != nil {
		return nil, wrap(err)
	}
	defer rows.Close()
	var out []connectlocal.Scope
	for rows.Next() {
		var s connectlocal.Scope
		if err := rows.Scan(&s.Account, &s.Region); err != nil {
			return nil, wrap(err)
		}
		out = append(out, s)
	}
	return out, wrap(rows.Err())
}

func (t *txn) TaskTemplateVersions(s connectlocal.Scope, instanceID, id string) ([]connectlocal.TaskTemplate, error) {
	out, err := list[connectlocal.TaskTemplate, connectlocal.TaskTemplate](t, `SELECT body FROM template_versions
		WHERE account = ? AND region = ? AND instance_id = ? AND id = ? ORDER BY version`, s.Account, s.Region, instanceID, id)
	if err == nil && len(out) == 0 {
		return nil, notFound("task template", id)
	}
	return out, err
}

// InstanceContacts reads them all and sorts in Go: the initiation time lives only in the JSON body.
func (t *txn) InstanceContacts(s connectlocal.Scope, instanceID string) ([]connectlocal.Contact, error) {
	out, err := list[connectlocal.Contact, connectlocal.Contact](t, `SELECT body FROM contacts WHERE account = ? AND region = ? AND instance_id = ?`,
		s.Account, s.Region, instanceID)
	sortContacts(out)
	return out, err
}

func (t *txn) DeleteScopeTokens(s connectlocal.Scope) (int, error) {
	res, err := t.exec(`DELETE FROM tokens WHERE account = ? AND region = ? AND instance_id = ''`, s.Account, s.Region)
	if err != nil {
		return 0, err
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

func sortContacts(cs []connectlocal.Contact) {
	slices.SortFunc(cs, func(a, b connectlocal.Contact) int {
		return cmp.Or(a.InitiationTimestamp.Compare(b.InitiationTimestamp), cmp.Compare(a.ID, b.ID))
	})
}
