package postgres

import "github.com/connectlocal/connectlocal"

func (t *txn) Scopes() ([]connectlocal.Scope, error) {
	rows, err := t.tx.Query(t.ctx, `SELECT account, region FROM instances UNION SELECT account, region FROM tokens ORDER BY 1, 2`)
	if err != nil {
		return nil, t.check(err)
	}
	defer rows.Close()
	var out []connectlocal.Scope
	for rows.Next() {
		var s connectlocal.Scope
		if err := rows.Scan(&s.Account, &s.Region); err != nil {
			return nil, t.check(err)
		}
		out = append(out, s)
	}
	return out, t.check(rows.Err())
}

func (t *txn) TaskTemplateVersions(s connectlocal.Scope, instanceID, id string) ([]connectlocal.TaskTemplate, error) {
	out, err := list[connectlocal.TaskTemplate, connectlocal.TaskTemplate](t, `SELECT body FROM template_versions
		WHERE account = $1 AND region = $2 AND instance_id = $3 AND id = $4 ORDER BY version`, s.Account, s.Region, instanceID, id)
	if err == nil && len(out) == 0 {
		return nil, notFound("task template", id)
	}
	return out, err
}

func (t *txn) DeleteScopeTokens(s connectlocal.Scope) (int, error) {
	n, err := t.exec(`DELETE FROM tokens WHERE account = $1 AND region = $2 AND instance_id = ''`, s.Account, s.Region)
	return int(n), err
}
