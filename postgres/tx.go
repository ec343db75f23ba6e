package postgres

import (
	"context"
	"errors"

	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/connectlocal/connectlocal"
)

// querier is what a txn runs statements on: a View's pgx.Tx or an Update's connection.
type querier interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults
}

type txn struct {
	ctx      context.Context
	tx       querier
	conflict error // the first serialization failure seen; Update re-runs fn
	writable bool
	// pending are statements not sent yet: an Update's BEGIN and locks, and writes whose answer nothing
	// needs (upserts of tags, tokens, counters, contacts). They ride in one pipelined round trip with the
	// next statement that must answer, or with COMMIT (issue 10: an update was ten round trips). A queued
	// write's failure is reported by that later call, or by Update.
	pending []queued
	// In a group commit (group.go), the first carried pending statements belong to the previous Update of
	// the group (its queued writes and the savepoint switch); their failure is that Update's, recorded in
	// group.results[owner], not this one's. broken is set when the shared transaction cannot go on.
	carried int
	owner   int
	group   *group
	broken  bool
	// flowHint is the flow a template read in this Update names, read in the same statement: the check
	// that follows (the flow exists) then needs no round trip of its own. The Update holds the instance's
	// lock, so only this txn could change the flow: every method that writes flows clears it.
	flowHint *flowHint
}

type flowHint struct {
	scope          connectlocal.Scope
	instanceID, id string
	flow           connectlocal.ContactFlow
	found          bool
}

type queued struct {
	sql  string
	args []any
}

// later queues a write whose answer nothing needs now.
func (t *txn) later(query string, args ...any) error {
	if !t.writable {
		return errReadOnly
	}
	t.pending = append(t.pending, queued{query, args})
	return nil
}

// send runs the pending statements and then query (when not empty) in one pipelined round trip; read reads
// query's results. It returns the first error.
func (t *txn) send(query string, args []any, read func(pgx.BatchResults) error) error {
	b := &pgx.Batch{}
	for _, p := range t.pending {
		b.Queue(p.sql, p.args...)
	}
	sent := t.pending
	n := len(sent)
	t.pending = nil
	if query != "" {
		b.Queue(query, args...)
	}
	br := t.tx.SendBatch(t.ctx, b)
	var first error
	firstAt := -1
	for i := 0; i < n; i++ {
		if _, err := br.Exec(); err != nil && first == nil {
			first, firstAt = err, i
		}
	}
	if first == nil && query != "" {
		first = read(br)
	}
	if err := br.Close(); err != nil && first == nil {
		first = err
	}
	carried := t.carried
	t.carried = 0
	if firstAt < 0 || firstAt >= carried {
		return first
	}
	// A carried statement failed: the pipeline skipped everything after it, this Update's statements too.
	// The previous Update failed; undo it to its savepoint (which then serves this Update) and send ours again.
	if t.owner < 0 {
		t.broken = true
		return first
	}
	t.group.results[t.owner] = t.group.outcome(wrap(first))
	if _, err := t.tx.Exec(t.ctx, "ROLLBACK TO SAVEPOINT u"); err != nil {
		t.broken = true
		return err
	}
	t.pending = append([]queued(nil), sent[carried:]...)
	return t.send(query, args, read)
}

// batchRow is a row read in the round trip that also sends the pending statements.
type batchRow struct {
	t     *txn
	query string
	args  []any
}

func (r batchRow) Scan(dest ...any) error {
	return r.t.send(r.query, r.args, func(br pgx.BatchResults) error { return br.QueryRow().Scan(dest...) })
}

func (t *txn) queryRow(query string, args ...any) pgx.Row {
	if len(t.pending) == 0 {
		return t.tx.QueryRow(t.ctx, query, args...)
	}
	return batchRow{t, query, args}
}

// eachRow runs query and calls fn on each row.
func (t *txn) eachRow(query string, args []any, fn func(pgx.Rows) error) error {
	read := func(rows pgx.Rows, err error) error {
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			if err := fn(rows); err != nil {
				return err
			}
		}
		return rows.Err()
	}
	if len(t.pending) == 0 {
		return read(t.tx.Query(t.ctx, query, args...))
	}
	return t.send(query, args, func(br pgx.BatchResults) error { return read(br.Query()) })
}

var errReadOnly = connectlocal.Errorf(connectlocal.Internal, "write inside a read-only transaction")

// check classifies a driver error and remembers the first serialization conflict.
func (t *txn) check(err error) error {
	err = wrap(err)
	if retryable(err) && t.conflict == nil {
		t.conflict = err
	}
	return err
}

func (t *txn) exec(query string, args ...any) (int64, error) {
	if !t.writable {
		return 0, errReadOnly
	}
	if len(t.pending) == 0 {
		tag, err := t.tx.Exec(t.ctx, query, args...)
		return tag.RowsAffected(), t.check(err)
	}
	var n int64
	err := t.send(query, args, func(br pgx.BatchResults) error {
		tag, err := br.Exec()
		n = tag.RowsAffected()
		return err
	})
	return n, t.check(err)
}

func notFound(what, id string) error {
	return connectlocal.Errorf(connectlocal.NotFound, "%s %s not found", what, id)
}

// one reads a single JSON body into v, turning no row into NotFound.
func (t *txn) one(v any, what, id, query string, args ...any) error {
	var body []byte
	if err := t.queryRow(query, args...).Scan(&body); err != nil {
		if errors.Is(err, pgx.ErrNoRows) {
			return notFound(what, id)
		}
		return t.check(err)
	}
	return json.Unmarshal(body, v)
}

// templateSummary decodes only what a template list shows: the decoder skips Fields, Constraints and Defaults
// without building them, which made lists of 100 ten-field templates several times cheaper.
type templateSummary struct {
	InstanceID, ID, Name, Description string
	Status                            connectlocal.TemplateStatus
	CreatedTime, LastModifiedTime     time.Time
	Version                           int64
}

func (s templateSummary) value() connectlocal.TaskTemplate {
	return connectlocal.TaskTemplate{InstanceID: s.InstanceID, ID: s.ID, Name: s.Name, Description: s.Description,
		Status: s.Status, CreatedTime: s.CreatedTime, LastModifiedTime: s.LastModifiedTime, Version: s.Version}
}

// decoded is what list decodes a JSON body into, and how it becomes the result type.
type decoded[T any] interface{ value() T }

// list reads JSON bodies into D and returns their values.
func list[D any, T any](t *txn, query string, args ...any) ([]T, error) {
	var out []T
	err := t.eachRow(query, args, func(rows pgx.Rows) error {
		var body []byte
		var v D
		if err := rows.Scan(&body); err != nil {
			return err
		}
		if err := json.Unmarshal(body, &v); err != nil {
			return err
		}
		out = append(out, valueOf[D, T](v))
		return nil
	})
	if err != nil {
		return nil, t.check(err)
	}
	return out, nil
}

// valueOf converts a decoded row: D is either T itself or a narrower struct that knows its T.
func valueOf[D any, T any](d D) T {
	if v, ok := any(d).(decoded[T]); ok {
		return v.value()
	}
	return any(d).(T)
}

func (t *txn) count(query string, args ...any) (int, error) {
	var n int
	err := t.queryRow(query, args...).Scan(&n)
	return n, t.check(err)
}

func cursorArgs(c connectlocal.Cursor) (int64, string) {
	if c.IsZero() {
		return -1 << 62, ""
	}
	return c.CreatedTime.UnixNano(), c.ID
}

// counter reads a per-instance count kept by the writes (migration 0002).
func (t *txn) counter(s connectlocal.Scope, instanceID, kind string) (int, error) {
	var n int
	err := t.queryRow(`SELECT n FROM counters WHERE account = $1 AND region = $2 AND instance_id = $3 AND kind = $4`, s.Account, s.Region, instanceID, kind).Scan(&n)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, nil
	}
	return n, t.check(err)
}

func (t *txn) addCounter(s connectlocal.Scope, instanceID, kind string, delta int) error {
	return t.later(`INSERT INTO counters (account, region, instance_id, kind, n) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (account, region, instance_id, kind) DO UPDATE SET n = counters.n + excluded.n`, s.Account, s.Region, instanceID, kind, delta)
}

// Instances

func (t *txn) GetInstance(s connectlocal.Scope, id string) (connectlocal.Instance, error) {
	var inst connectlocal.Instance
	err := t.one(&inst, "instance", id, `SELECT body FROM instances WHERE account = $1 AND region = $2 AND id = $3`, s.Account, s.Region, id)
	return inst, err
}

func (t *txn) ListInstances(s connectlocal.Scope, after connectlocal.Cursor, limit int) ([]connectlocal.Instance, error) {
	at, id := cursorArgs(after)
	return list[connectlocal.Instance, connectlocal.Instance](t, `SELECT body FROM instances WHERE account = $1 AND region = $2 AND (created_ns, id) > ($3, $4)
		ORDER BY created_ns, id LIMIT $5`, s.Account, s.Region, at, id, limit)
}

func (t *txn) CountInstances(s connectlocal.Scope) (int, error) {
	return t.count(`SELECT count(*) FROM instances WHERE account = $1 AND region = $2`, s.Account, s.Region)
}

func (t *txn) CreateInstance(s connectlocal.Scope, inst connectlocal.Instance) error {
	body, _ := json.Marshal(inst)
	var alias any
	if inst.Alias != "" {
		alias = strings.ToLower(inst.Alias)
	}
	_, err := t.exec(`INSERT INTO instances (account, region, id, created_ns, alias_lower, body) VALUES ($1, $2, $3, $4, $5, $6)`,
		s.Account, s.Region, inst.ID, inst.CreatedTime.UnixNano(), alias, body)
	return err
}

func (t *txn) DeleteInstance(s connectlocal.Scope, id string) error {
	t.flowHint = nil
	n, err := t.exec(`DELETE FROM instances WHERE account = $1 AND region = $2 AND id = $3`, s.Account, s.Region, id)
	if err != nil {
		return err
	}
	if n == 0 {
		return notFound("instance", id)
	}
	for _, table := range []string{"templates", "template_versions", "flows", "contacts", "tokens", "counters", "objects"} {
		if _, err := t.exec(`DELETE FROM `+table+` WHERE account = $1 AND region = $2 AND instance_id = $3`, s.Account, s.Region, id); err != nil {
			return err
		}
	}
	arn := s.InstanceARN(id)
	_, err = t.exec(`DELETE FROM tags WHERE account = $1 AND region = $2 AND (arn = $3 OR substr(arn, 1, $4) = $5)`,
		s.Account, s.Region, arn, len(arn)+1, arn+"/")
	return err
}

// Task templates

func (t *txn) GetTaskTemplate(s connectlocal.Scope, instanceID, id string, version int64) (connectlocal.TaskTemplate, error) {
	var tmpl connectlocal.TaskTemplate
	if version == 0 && t.writable {
		return t.templateAndFlow(s, instanceID, id)
	}
	if version == 0 {
		err := t.one(&tmpl, "task template", id, `SELECT body FROM templates WHERE account = $1 AND region = $2 AND instance_id = $3 AND id = $4`,
			s.Account, s.Region, instanceID, id)
		return tmpl, err
	}
	err := t.one(&tmpl, "task template version", id, `SELECT body FROM template_versions
		WHERE account = $1 AND region = $2 AND instance_id = $3 AND id = $4 AND version = $5`, s.Account, s.Region, instanceID, id, version)
	return tmpl, err
}

// templateAndFlow reads the latest version of a template and, in the same statement, the flow it names
// (issue 10: a template update is then two round trips, not three).
func (t *txn) templateAndFlow(s connectlocal.Scope, instanceID, id string) (connectlocal.TaskTemplate, error) {
	var tmpl connectlocal.TaskTemplate
	var body, flow []byte
	err := t.queryRow(`SELECT t.body, (SELECT f.body FROM flows f WHERE f.account = $1 AND f.region = $2 AND f.instance_id = $3
			AND f.id = convert_from(t.body, 'UTF8')::json ->> 'ContactFlowID')
		FROM templates t WHERE t.account = $1 AND t.region = $2 AND t.instance_id = $3 AND t.id = $4`, s.Account, s.Region, instanceID, id).Scan(&body, &flow)
	if errors.Is(err, pgx.ErrNoRows) {
		return tmpl, notFound("task template", id)
	}
	if err != nil {
		return tmpl, t.check(err)
	}
	if err := json.Unmarshal(body, &tmpl); err != nil {
		return tmpl, err
	}
	if tmpl.ContactFlowID != "" {
		h := &flowHint{scope: s, instanceID: instanceID, id: tmpl.ContactFlowID, found: flow != nil}
		if h.found {
			if err := json.Unmarshal(flow, &h.flow); err != nil {
				return tmpl, err
			}
		}
		t.flowHint = h
	}
	return tmpl, nil
}

func (t *txn) ListTaskTemplates(s connectlocal.Scope, instanceID string, f connectlocal.TemplateFilter, after connectlocal.Cursor, limit int) ([]connectlocal.TaskTemplate, error) {
	at, id := cursorArgs(after)
	q := `SELECT body FROM templates WHERE account = $1 AND region = $2 AND instance_id = $3 AND (created_ns, id) > ($4, $5)`
	args := []any{s.Account, s.Region, instanceID, at, id}
	if f.Name != "" {
		args = append(args, f.Name)
		q += ` AND name = $` + strconv.Itoa(len(args))
	}
	if f.Status != "" {
		args = append(args, string(f.Status))
		q += ` AND status = $` + strconv.Itoa(len(args))
	}
	args = append(args, limit)
	return list[templateSummary, connectlocal.TaskTemplate](t, q+` ORDER BY created_ns, id LIMIT $`+strconv.Itoa(len(args)), args...)
}

func (t *txn) CountTaskTemplates(s connectlocal.Scope, instanceID string) (int, error) {
	return t.counter(s, instanceID, "templates")
}

// PutTaskTemplate is one statement, queued to ride with the next one: the latest row, the version row and (for
// a new template) the counter are written by data-modifying CTEs. An update's version condition is checked by
// dividing by the number of rows written, so a version that is not latest+1 fails the statement (22012)
// without a round trip of its own. Its errors (a name clash, a wrong version) reach the caller from a later
// call or from Update, as the Tx contract allows; Service checks both under the instance's lock first.
func (t *txn) PutTaskTemplate(s connectlocal.Scope, tmpl connectlocal.TaskTemplate) error {
	body, _ := json.Marshal(tmpl)
	if tmpl.Version == 1 {
		return t.later(`WITH latest AS (
				INSERT INTO templates (account, region, instance_id, id, created_ns, name, status, version, body)
				VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8) RETURNING 1),
			counter AS (
				INSERT INTO counters (account, region, instance_id, kind, n) SELECT $1, $2, $3, 'templates', 1 FROM latest
				ON CONFLICT (account, region, instance_id, kind) DO UPDATE SET n = counters.n + 1),
			version AS (
				INSERT INTO template_versions (account, region, instance_id, id, version, body) SELECT $1, $2, $3, $4, 1, $8 FROM latest)
			SELECT 1`,
			s.Account, s.Region, tmpl.InstanceID, tmpl.ID, tmpl.CreatedTime.UnixNano(), tmpl.Name, string(tmpl.Status), body)
	}
	return t.later(`WITH latest AS (
			UPDATE templates SET name = $5, status = $6, version = $7, body = $8
			WHERE account = $1 AND region = $2 AND instance_id = $3 AND id = $4 AND version = $7 - 1 RETURNING 1),
		version AS (
			INSERT INTO template_versions (account, region, instance_id, id, version, body) SELECT $1, $2, $3, $4, $7, $8 FROM latest RETURNING 1)
		SELECT 1 / count(*) FROM version`,
		s.Account, s.Region, tmpl.InstanceID, tmpl.ID, tmpl.Name, string(tmpl.Status), tmpl.Version, body)
}

func (t *txn) DeleteTaskTemplate(s connectlocal.Scope, instanceID, id string) error {
	n, err := t.exec(`DELETE FROM templates WHERE account = $1 AND region = $2 AND instance_id = $3 AND id = $4`, s.Account, s.Region, instanceID, id)
	if err != nil {
		return err
	}
	if n == 0 {
		return notFound("task template", id)
	}
	if err := t.addCounter(s, instanceID, "templates", -1); err != nil {
		return err
	}
	if _, err := t.exec(`DELETE FROM template_versions WHERE account = $1 AND region = $2 AND instance_id = $3 AND id = $4`, s.Account, s.Region, instanceID, id); err != nil {
		return err
	}
	_, err = t.exec(`DELETE FROM tags WHERE account = $1 AND region = $2 AND arn = $3`, s.Account, s.Region, s.TaskTemplateARN(instanceID, id))
	return err
}

// Contact flows

func (t *txn) GetContactFlow(s connectlocal.Scope, instanceID, id string) (connectlocal.ContactFlow, error) {
	if h := t.flowHint; h != nil && h.scope == s && h.instanceID == instanceID && h.id == id {
		if !h.found {
			return connectlocal.ContactFlow{}, notFound("flow", id)
		}
		return h.flow, nil // a copy: ContactFlow holds no slice or map
	}
	var f connectlocal.ContactFlow
	err := t.one(&f, "flow", id, `SELECT body FROM flows WHERE account = $1 AND region = $2 AND instance_id = $3 AND id = $4`, s.Account, s.Region, instanceID, id)
	return f, err
}

func (t *txn) ListContactFlows(s connectlocal.Scope, instanceID string, types []string, after connectlocal.Cursor, limit int) ([]connectlocal.ContactFlow, error) {
	at, id := cursorArgs(after)
	q := `SELECT body FROM flows WHERE account = $1 AND region = $2 AND instance_id = $3 AND (created_ns, id) > ($4, $5)`
	args := []any{s.Account, s.Region, instanceID, at, id}
	if len(types) > 0 {
		args = append(args, types)
		q += ` AND type = ANY($` + strconv.Itoa(len(args)) + `)`
	}
	args = append(args, limit)
	return list[connectlocal.ContactFlow, connectlocal.ContactFlow](t, q+` ORDER BY created_ns, id LIMIT $`+strconv.Itoa(len(args)), args...)
}

func (t *txn) CountContactFlows(s connectlocal.Scope, instanceID string) (int, error) {
	return t.counter(s, instanceID, "flows")
}

func (t *txn) PutContactFlow(s connectlocal.Scope, f connectlocal.ContactFlow) error {
	t.flowHint = nil
	body, _ := json.Marshal(f)
	existed, err := t.count(`SELECT count(*) FROM flows WHERE account = $1 AND region = $2 AND instance_id = $3 AND id = $4`, s.Account, s.Region, f.InstanceID, f.ID)
	if err != nil {
		return err
	}
	_, err = t.exec(`INSERT INTO flows (account, region, instance_id, id, created_ns, name, type, body) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
		ON CONFLICT (account, region, instance_id, id) DO UPDATE SET name = excluded.name, type = excluded.type, body = excluded.body`,
		s.Account, s.Region, f.InstanceID, f.ID, f.CreatedTime.UnixNano(), f.Name, f.Type, body)
	if err != nil || existed > 0 {
		return err
	}
	return t.addCounter(s, f.InstanceID, "flows", 1)
}

func (t *txn) DeleteContactFlow(s connectlocal.Scope, instanceID, id string) error {
	t.flowHint = nil
	n, err := t.exec(`DELETE FROM flows WHERE account = $1 AND region = $2 AND instance_id = $3 AND id = $4`, s.Account, s.Region, instanceID, id)
	if err != nil {
		return err
	}
	if n == 0 {
		return notFound("flow", id)
	}
	if err := t.addCounter(s, instanceID, "flows", -1); err != nil {
		return err
	}
	_, err = t.exec(`DELETE FROM tags WHERE account = $1 AND region = $2 AND arn = $3`, s.Account, s.Region, s.ContactFlowARN(instanceID, id))
	return err
}

// Contacts

func (t *txn) GetContact(s connectlocal.Scope, instanceID, id string) (connectlocal.Contact, error) {
	var c connectlocal.Contact
	err := t.one(&c, "contact", id, `SELECT body FROM contacts WHERE account = $1 AND region = $2 AND instance_id = $3 AND id = $4`, s.Account, s.Region, instanceID, id)
	return c, err
}

func (t *txn) PutContact(s connectlocal.Scope, c connectlocal.Contact) error {
	body, _ := json.Marshal(c)
	stopped := 0
	if !c.DisconnectTimestamp.IsZero() {
		stopped = 1
	}
	// One statement also counts a new contact: "old" reads the snapshot from before the upsert.
	return t.later(`WITH old AS (SELECT 1 FROM contacts WHERE account = $1 AND region = $2 AND instance_id = $3 AND id = $4),
		up AS (INSERT INTO contacts (account, region, instance_id, id, previous_id, stopped, expires_ns, body) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
			ON CONFLICT (account, region, instance_id, id) DO UPDATE SET previous_id = excluded.previous_id, stopped = excluded.stopped,
			expires_ns = excluded.expires_ns, body = excluded.body)
		INSERT INTO counters (account, region, instance_id, kind, n) SELECT $1, $2, $3, 'contacts', 1 WHERE NOT EXISTS (SELECT 1 FROM old)
		ON CONFLICT (account, region, instance_id, kind) DO UPDATE SET n = counters.n + 1`,
		s.Account, s.Region, c.InstanceID, c.ID, c.PreviousContactID, stopped, c.ExpiresAt().UnixNano(), body)
}

func (t *txn) CountActiveContacts(s connectlocal.Scope, instanceID string, now time.Time) (int, error) {
	return t.count(`SELECT count(*) FROM contacts WHERE account = $1 AND region = $2 AND instance_id = $3 AND stopped = 0 AND expires_ns > $4`,
		s.Account, s.Region, instanceID, now.UnixNano())
}

func (t *txn) CountContactsWithPrevious(s connectlocal.Scope, instanceID, previousID string) (int, error) {
	return t.count(`SELECT count(*) FROM contacts WHERE account = $1 AND region = $2 AND instance_id = $3 AND previous_id = $4`,
		s.Account, s.Region, instanceID, previousID)
}

// Tags and tokens

func (t *txn) Tags(s connectlocal.Scope, arn string) (map[string]string, error) {
	var tags map[string]string
	err := t.one(&tags, "tags", arn, `SELECT body FROM tags WHERE account = $1 AND region = $2 AND arn = $3`, s.Account, s.Region, arn)
	if connectlocal.CodeOf(err) == connectlocal.NotFound {
		return nil, nil
	}
	if len(tags) == 0 {
		tags = nil
	}
	return tags, err
}

func (t *txn) PutTags(s connectlocal.Scope, arn string, tags map[string]string) error {
	if len(tags) == 0 {
		return t.later(`DELETE FROM tags WHERE account = $1 AND region = $2 AND arn = $3`, s.Account, s.Region, arn)
	}
	body, _ := json.Marshal(tags)
	return t.later(`INSERT INTO tags (account, region, arn, body) VALUES ($1, $2, $3, $4)
		ON CONFLICT (account, region, arn) DO UPDATE SET body = excluded.body`, s.Account, s.Region, arn, body)
}

func (t *txn) Token(s connectlocal.Scope, key connectlocal.TokenKey, now time.Time) (string, bool, error) {
	var value string
	err := t.queryRow(`SELECT value FROM tokens WHERE account = $1 AND region = $2 AND operation = $3 AND instance_id = $4
		AND token = $5 AND expires_ns > $6`, s.Account, s.Region, key.Operation, key.InstanceID, key.Token, now.UnixNano()).Scan(&value)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, t.check(err)
	}
	return value, true, nil
}

func (t *txn) PutToken(s connectlocal.Scope, key connectlocal.TokenKey, value string, expires time.Time) error {
	return t.later(`INSERT INTO tokens (account, region, operation, instance_id, token, value, expires_ns) VALUES ($1, $2, $3, $4, $5, $6, $7)
		ON CONFLICT (account, region, operation, instance_id, token) DO UPDATE SET value = excluded.value, expires_ns = excluded.expires_ns`,
		s.Account, s.Region, key.Operation, key.InstanceID, key.Token, value, expires.UnixNano())
}
