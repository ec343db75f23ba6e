package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"maps"
	"strings"
	"sync"
	"time"

	"github.com/connectlocal/connectlocal"
)

type txn struct {
	ctx      context.Context
	tx       *sql.Tx // a View's is begun on first use (lazy): a View the cache answers opens none
	db       *sql.DB // the pool a lazy View begins on
	writable bool
	stmts    *sync.Map // query → *sql.Stmt prepared on this transaction's pool
	missed   []string  // queries to prepare once the transaction has given its connection back

	cache      *cache
	gen        uint64 // View: the cache generation when it began
	touched    []string
	touchedAll bool
	batch      *batch // Update: what the whole group commit has written so far
}

// batch is what the Updates of one group commit have written: the cache holds committed values only, so an
// Update may use it for any key its batch has not touched.
type batch struct {
	touched map[string]bool
	all     bool
}

// cached returns a cached value for key, when the cache can answer for this transaction.
func cached[T any](t *txn, key string) (T, bool) {
	var zero T
	if t.cache == nil || (t.batch != nil && (t.batch.all || t.batch.touched[key])) {
		return zero, false
	}
	v, ok := t.cache.get(key)
	if !ok {
		return zero, false
	}
	return v.(T), true
}

// cachedAt is cached for a key built in a caller's buffer (keyBuf): a hit makes no key string. The key
// strings of a cached GetTaskTemplate's instance, template and tags were ~4% of the bytes its request
// allocated (heap profile of the binary, issue 19).
func cachedAt[T any](t *txn, key []byte) (T, bool) {
	var zero T
	if t.cache == nil || (t.batch != nil && (t.batch.all || t.batch.touched[string(key)])) {
		return zero, false
	}
	v, ok := t.cache.getAt(key)
	if !ok {
		return zero, false
	}
	return v.(T), true
}

// keyBuf is room for a cache key on the stack.
type keyBuf [160]byte

// remember caches a value read in a View (size: its stored JSON's); an Update's reads may include its batch's
// uncommitted writes. The cache keeps v: the caller must hand out a copy.
func (t *txn) remember(key string, v any, size int) {
	if t.cache != nil && t.batch == nil {
		t.cache.put(key, v, size, t.gen)
	}
}

// begin starts a lazy View's read transaction; the profile of a cached GetTaskTemplate showed a tenth of all
// CPU opening and closing transactions nothing read from (issue 10).
func (t *txn) begin() error {
	if t.tx != nil {
		return nil
	}
	tx, err := t.db.BeginTx(t.ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return wrap(err)
	}
	t.tx = tx
	return nil
}

// end finishes a View's transaction, if it began one.
func (t *txn) end() {
	if t.tx != nil {
		t.tx.Rollback()
		t.tx = nil
	}
}

func (t *txn) touch(keys ...string) {
	t.touched = append(t.touched, keys...)
	if t.batch != nil {
		for _, k := range keys {
			t.batch.touched[k] = true
		}
	}
}

func (t *txn) touchAll() {
	t.touchedAll = true
	if t.batch != nil {
		t.batch.all = true
	}
}

// stmt returns the cached prepared statement bound to this transaction, or nil. Preparing here could wait
// forever for a connection (the writer pool has one, and this transaction holds it), so a miss runs
// unprepared and is prepared after the transaction (prepareMissed). Parsing SQL was a tenth of a read's CPU.
func (t *txn) stmt(query string) *sql.Stmt {
	if v, ok := t.stmts.Load(query); ok {
		return t.tx.StmtContext(t.ctx, v.(*sql.Stmt))
	}
	t.missed = append(t.missed, query)
	return nil
}

// prepareMissed prepares the queries this transaction ran unprepared.
func (t *txn) prepareMissed(db *sql.DB) {
	for _, q := range t.missed {
		if _, ok := t.stmts.Load(q); ok {
			continue
		}
		if st, err := db.Prepare(q); err == nil {
			if _, loaded := t.stmts.LoadOrStore(q, st); loaded {
				st.Close()
			}
		}
	}
}

// row is a *sql.Row, or the error that kept the query from running.
type row struct {
	r   *sql.Row
	err error
}

func (r row) Scan(dest ...any) error {
	if r.err != nil {
		return r.err
	}
	return r.r.Scan(dest...)
}

func (t *txn) queryRow(query string, args ...any) row {
	if err := t.begin(); err != nil {
		return row{err: err}
	}
	if st := t.stmt(query); st != nil {
		return row{r: st.QueryRowContext(t.ctx, args...)}
	}
	return row{r: t.tx.QueryRowContext(t.ctx, query, args...)}
}

func (t *txn) query(query string, args ...any) (*sql.Rows, error) {
	if err := t.begin(); err != nil {
		return nil, err
	}
	if st := t.stmt(query); st != nil {
		return st.QueryContext(t.ctx, args...)
	}
	return t.tx.QueryContext(t.ctx, query, args...)
}

var errReadOnly = connectlocal.Errorf(connectlocal.Internal, "write inside a read-only transaction")

func (t *txn) exec(query string, args ...any) (sql.Result, error) {
	if !t.writable {
		return nil, errReadOnly
	}
	var res sql.Result
	var err error
	if st := t.stmt(query); st != nil {
		res, err = st.ExecContext(t.ctx, args...)
	} else {
		res, err = t.tx.ExecContext(t.ctx, query, args...)
	}
	return res, wrap(err)
}

func notFound(what, id string) error {
	return connectlocal.Errorf(connectlocal.NotFound, "%s %s not found", what, id)
}

// one reads a single JSON body into v, turning no row into NotFound.
func (t *txn) one(v any, what, id, query string, args ...any) error {
	_, err := t.oneSized(v, what, id, query, args...)
	return err
}

// oneSized is one, also returning the body's size (what the cache counts).
func (t *txn) oneSized(v any, what, id, query string, args ...any) (int, error) {
	var body []byte
	if err := t.queryRow(query, args...).Scan(&body); err != nil {
		if isNoRows(err) {
			return 0, notFound(what, id)
		}
		return 0, wrap(err)
	}
	return len(body), json.Unmarshal(body, v)
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
	rows, err := t.query(query, args...)
	if err != nil {
		return nil, wrap(err)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var body []byte
		var v D
		if err := rows.Scan(&body); err != nil {
			return nil, wrap(err)
		}
		if err := json.Unmarshal(body, &v); err != nil {
			return nil, err
		}
		out = append(out, valueOf[D, T](v))
	}
	return out, wrap(rows.Err())
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
	return n, wrap(err)
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
	err := t.queryRow(`SELECT n FROM counters WHERE account = ? AND region = ? AND instance_id = ? AND kind = ?`, s.Account, s.Region, instanceID, kind).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return n, wrap(err)
}

func (t *txn) addCounter(s connectlocal.Scope, instanceID, kind string, delta int) error {
	_, err := t.exec(`INSERT INTO counters (account, region, instance_id, kind, n) VALUES (?, ?, ?, ?, ?) ON CONFLICT (account, region, instance_id, kind) DO UPDATE SET n = counters.n + excluded.n`, s.Account, s.Region, instanceID, kind, delta)
	return err
}

// Instances

func (t *txn) GetInstance(s connectlocal.Scope, id string) (connectlocal.Instance, error) {
	var buf keyBuf
	key := appendInstanceKey(buf[:0], s.Account, s.Region, id)
	if inst, ok := cachedAt[connectlocal.Instance](t, key); ok {
		return inst.Clone(), nil // attributes and data sets are a map and a slice the caller may change
	}
	var inst connectlocal.Instance
	n, err := t.oneSized(&inst, "instance", id, `SELECT body FROM instances WHERE account = ? AND region = ? AND id = ?`, s.Account, s.Region, id)
	if err == nil {
		t.remember(string(key), inst.Clone(), n)
	}
	return inst, err
}

func (t *txn) ListInstances(s connectlocal.Scope, after connectlocal.Cursor, limit int) ([]connectlocal.Instance, error) {
	at, id := cursorArgs(after)
	return list[connectlocal.Instance, connectlocal.Instance](t, `SELECT body FROM instances WHERE account = ? AND region = ? AND (created_ns, id) > (?, ?)
		ORDER BY created_ns, id LIMIT ?`, s.Account, s.Region, at, id, limit)
}

func (t *txn) CountInstances(s connectlocal.Scope) (int, error) {
	return t.count(`SELECT count(*) FROM instances WHERE account = ? AND region = ?`, s.Account, s.Region)
}

func (t *txn) CreateInstance(s connectlocal.Scope, inst connectlocal.Instance) error {
	body, _ := json.Marshal(inst)
	var alias any
	if inst.Alias != "" {
		alias = strings.ToLower(inst.Alias)
	}
	t.touch(instanceKey(s.Account, s.Region, inst.ID))
	_, err := t.exec(`INSERT INTO instances (account, region, id, created_ns, alias_lower, body) VALUES (?, ?, ?, ?, ?, ?)`,
		s.Account, s.Region, inst.ID, inst.CreatedTime.UnixNano(), alias, body)
	return err
}

func (t *txn) DeleteInstance(s connectlocal.Scope, id string) error {
	t.touchAll() // the cascade reaches templates, flows and tags the cache may hold
	res, err := t.exec(`DELETE FROM instances WHERE account = ? AND region = ? AND id = ?`, s.Account, s.Region, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFound("instance", id)
	}
	for _, table := range []string{"templates", "template_versions", "flows", "contacts", "tokens", "counters", "objects"} {
		if _, err := t.exec(`DELETE FROM `+table+` WHERE account = ? AND region = ? AND instance_id = ?`, s.Account, s.Region, id); err != nil {
			return err
		}
	}
	arn := s.InstanceARN(id)
	_, err = t.exec(`DELETE FROM tags WHERE account = ? AND region = ? AND (arn = ? OR substr(arn, 1, ?) = ?)`,
		s.Account, s.Region, arn, len(arn)+1, arn+"/")
	return err
}

// Task templates

func (t *txn) GetTaskTemplate(s connectlocal.Scope, instanceID, id string, version int64) (connectlocal.TaskTemplate, error) {
	var tmpl connectlocal.TaskTemplate
	if version == 0 {
		var buf keyBuf
		key := appendTemplateKey(buf[:0], s.Account, s.Region, instanceID, id)
		if tmpl, ok := cachedAt[connectlocal.TaskTemplate](t, key); ok {
			return tmpl.Clone(), nil
		}
		n, err := t.oneSized(&tmpl, "task template", id, `SELECT body FROM templates WHERE account = ? AND region = ? AND instance_id = ? AND id = ?`,
			s.Account, s.Region, instanceID, id)
		if err == nil {
			t.remember(string(key), tmpl, n)
			return tmpl.Clone(), nil
		}
		return tmpl, err
	}
	err := t.one(&tmpl, "task template version", id, `SELECT body FROM template_versions
		WHERE account = ? AND region = ? AND instance_id = ? AND id = ? AND version = ?`, s.Account, s.Region, instanceID, id, version)
	return tmpl, err
}

func (t *txn) ListTaskTemplates(s connectlocal.Scope, instanceID string, f connectlocal.TemplateFilter, after connectlocal.Cursor, limit int) ([]connectlocal.TaskTemplate, error) {
	at, id := cursorArgs(after)
	q := `SELECT body FROM templates WHERE account = ? AND region = ? AND instance_id = ? AND (created_ns, id) > (?, ?)`
	args := []any{s.Account, s.Region, instanceID, at, id}
	if f.Name != "" {
		q += ` AND name = ?`
		args = append(args, f.Name)
	}
	if f.Status != "" {
		q += ` AND status = ?`
		args = append(args, string(f.Status))
	}
	return list[templateSummary, connectlocal.TaskTemplate](t, q+` ORDER BY created_ns, id LIMIT ?`, append(args, limit)...)
}

func (t *txn) CountTaskTemplates(s connectlocal.Scope, instanceID string) (int, error) {
	return t.counter(s, instanceID, "templates")
}

func (t *txn) PutTaskTemplate(s connectlocal.Scope, tmpl connectlocal.TaskTemplate) error {
	if !t.writable {
		return errReadOnly
	}
	t.touch(templateKey(s.Account, s.Region, tmpl.InstanceID, tmpl.ID))
	body, _ := json.Marshal(tmpl)
	// No read of the current version first: the INSERT's key or the UPDATE's version condition checks it.
	if tmpl.Version == 1 {
		if _, err := t.exec(`INSERT INTO templates (account, region, instance_id, id, created_ns, name, status, version, body)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, s.Account, s.Region, tmpl.InstanceID, tmpl.ID, tmpl.CreatedTime.UnixNano(),
			tmpl.Name, string(tmpl.Status), tmpl.Version, body); err != nil {
			return err
		}
		if err := t.addCounter(s, tmpl.InstanceID, "templates", 1); err != nil {
			return err
		}
	} else {
		res, err := t.exec(`UPDATE templates SET name = ?, status = ?, version = ?, body = ?
			WHERE account = ? AND region = ? AND instance_id = ? AND id = ? AND version = ?`, tmpl.Name, string(tmpl.Status), tmpl.Version, body,
			s.Account, s.Region, tmpl.InstanceID, tmpl.ID, tmpl.Version-1)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return connectlocal.Errorf(connectlocal.Internal, "task template %s: version %d is not the latest plus one", tmpl.ID, tmpl.Version)
		}
	}
	var err error
	_, err = t.exec(`INSERT INTO template_versions (account, region, instance_id, id, version, body) VALUES (?, ?, ?, ?, ?, ?)`,
		s.Account, s.Region, tmpl.InstanceID, tmpl.ID, tmpl.Version, body)
	return err
}

func (t *txn) DeleteTaskTemplate(s connectlocal.Scope, instanceID, id string) error {
	t.touch(templateKey(s.Account, s.Region, instanceID, id), tagsKey(s.Account, s.Region, s.TaskTemplateARN(instanceID, id)))
	res, err := t.exec(`DELETE FROM templates WHERE account = ? AND region = ? AND instance_id = ? AND id = ?`, s.Account, s.Region, instanceID, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFound("task template", id)
	}
	if err := t.addCounter(s, instanceID, "templates", -1); err != nil {
		return err
	}
	if _, err := t.exec(`DELETE FROM template_versions WHERE account = ? AND region = ? AND instance_id = ? AND id = ?`, s.Account, s.Region, instanceID, id); err != nil {
		return err
	}
	_, err = t.exec(`DELETE FROM tags WHERE account = ? AND region = ? AND arn = ?`, s.Account, s.Region, s.TaskTemplateARN(instanceID, id))
	return err
}

// Contact flows

func (t *txn) GetContactFlow(s connectlocal.Scope, instanceID, id string) (connectlocal.ContactFlow, error) {
	key := flowKey(s.Account, s.Region, instanceID, id)
	if f, ok := cached[connectlocal.ContactFlow](t, key); ok {
		return f, nil
	}
	var f connectlocal.ContactFlow // only strings and scalars: the cache may keep the same value it returns
	n, err := t.oneSized(&f, "flow", id, `SELECT body FROM flows WHERE account = ? AND region = ? AND instance_id = ? AND id = ?`, s.Account, s.Region, instanceID, id)
	if err == nil {
		t.remember(key, f, n)
	}
	return f, err
}

func (t *txn) ListContactFlows(s connectlocal.Scope, instanceID string, types []string, after connectlocal.Cursor, limit int) ([]connectlocal.ContactFlow, error) {
	at, id := cursorArgs(after)
	q := `SELECT body FROM flows WHERE account = ? AND region = ? AND instance_id = ? AND (created_ns, id) > (?, ?)`
	args := []any{s.Account, s.Region, instanceID, at, id}
	if len(types) > 0 {
		q += ` AND type IN (?` + strings.Repeat(", ?", len(types)-1) + `)`
		for _, typ := range types {
			args = append(args, typ)
		}
	}
	return list[connectlocal.ContactFlow, connectlocal.ContactFlow](t, q+` ORDER BY created_ns, id LIMIT ?`, append(args, limit)...)
}

func (t *txn) CountContactFlows(s connectlocal.Scope, instanceID string) (int, error) {
	return t.counter(s, instanceID, "flows")
}

func (t *txn) PutContactFlow(s connectlocal.Scope, f connectlocal.ContactFlow) error {
	t.touch(flowKey(s.Account, s.Region, f.InstanceID, f.ID))
	body, _ := json.Marshal(f)
	existed, err := t.count(`SELECT count(*) FROM flows WHERE account = ? AND region = ? AND instance_id = ? AND id = ?`, s.Account, s.Region, f.InstanceID, f.ID)
	if err != nil {
		return err
	}
	_, err = t.exec(`INSERT INTO flows (account, region, instance_id, id, created_ns, name, type, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (account, region, instance_id, id) DO UPDATE SET name = excluded.name, type = excluded.type, body = excluded.body`,
		s.Account, s.Region, f.InstanceID, f.ID, f.CreatedTime.UnixNano(), f.Name, f.Type, body)
	if err != nil || existed > 0 {
		return err
	}
	return t.addCounter(s, f.InstanceID, "flows", 1)
}

func (t *txn) DeleteContactFlow(s connectlocal.Scope, instanceID, id string) error {
	t.touch(flowKey(s.Account, s.Region, instanceID, id), tagsKey(s.Account, s.Region, s.ContactFlowARN(instanceID, id)))
	res, err := t.exec(`DELETE FROM flows WHERE account = ? AND region = ? AND instance_id = ? AND id = ?`, s.Account, s.Region, instanceID, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFound("flow", id)
	}
	if err := t.addCounter(s, instanceID, "flows", -1); err != nil {
		return err
	}
	_, err = t.exec(`DELETE FROM tags WHERE account = ? AND region = ? AND arn = ?`, s.Account, s.Region, s.ContactFlowARN(instanceID, id))
	return err
}

// Contacts

func (t *txn) GetContact(s connectlocal.Scope, instanceID, id string) (connectlocal.Contact, error) {
	var c connectlocal.Contact
	err := t.one(&c, "contact", id, `SELECT body FROM contacts WHERE account = ? AND region = ? AND instance_id = ? AND id = ?`, s.Account, s.Region, instanceID, id)
	return c, err
}

func (t *txn) PutContact(s connectlocal.Scope, c connectlocal.Contact) error {
	body, _ := json.Marshal(c)
	stopped := 0
	if !c.DisconnectTimestamp.IsZero() {
		stopped = 1
	}
	existed, err := t.count(`SELECT count(*) FROM contacts WHERE account = ? AND region = ? AND instance_id = ? AND id = ?`, s.Account, s.Region, c.InstanceID, c.ID)
	if err != nil {
		return err
	}
	_, err = t.exec(`INSERT INTO contacts (account, region, instance_id, id, previous_id, stopped, expires_ns, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (account, region, instance_id, id) DO UPDATE SET previous_id = excluded.previous_id, stopped = excluded.stopped,
		expires_ns = excluded.expires_ns, body = excluded.body`,
		s.Account, s.Region, c.InstanceID, c.ID, c.PreviousContactID, stopped, c.ExpiresAt().UnixNano(), body)
	if err != nil || existed > 0 {
		return err
	}
	return t.addCounter(s, c.InstanceID, "contacts", 1)
}

func (t *txn) CountActiveContacts(s connectlocal.Scope, instanceID string, now time.Time) (int, error) {
	return t.count(`SELECT count(*) FROM contacts WHERE account = ? AND region = ? AND instance_id = ? AND stopped = 0 AND expires_ns > ?`,
		s.Account, s.Region, instanceID, now.UnixNano())
}

func (t *txn) CountContactsWithPrevious(s connectlocal.Scope, instanceID, previousID string) (int, error) {
	return t.count(`SELECT count(*) FROM contacts WHERE account = ? AND region = ? AND instance_id = ? AND previous_id = ?`,
		s.Account, s.Region, instanceID, previousID)
}

// Tags and tokens

func (t *txn) Tags(s connectlocal.Scope, arn string) (map[string]string, error) {
	var buf keyBuf
	kb := appendTagsKey(buf[:0], s.Account, s.Region, arn)
	if tags, ok := cachedAt[map[string]string](t, kb); ok {
		return maps.Clone(tags), nil
	}
	key := string(kb)
	var tags map[string]string
	n, err := t.oneSized(&tags, "tags", arn, `SELECT body FROM tags WHERE account = ? AND region = ? AND arn = ?`, s.Account, s.Region, arn)
	if connectlocal.CodeOf(err) == connectlocal.NotFound {
		t.remember(key, map[string]string(nil), 0) // "no tags" is the common answer
		return nil, nil
	}
	if len(tags) == 0 {
		tags = nil
	}
	if err == nil {
		t.remember(key, tags, n)
	}
	return maps.Clone(tags), err
}

func (t *txn) PutTags(s connectlocal.Scope, arn string, tags map[string]string) error {
	t.touch(tagsKey(s.Account, s.Region, arn))
	if len(tags) == 0 {
		_, err := t.exec(`DELETE FROM tags WHERE account = ? AND region = ? AND arn = ?`, s.Account, s.Region, arn)
		return err
	}
	body, _ := json.Marshal(tags)
	_, err := t.exec(`INSERT INTO tags (account, region, arn, body) VALUES (?, ?, ?, ?)
		ON CONFLICT (account, region, arn) DO UPDATE SET body = excluded.body`, s.Account, s.Region, arn, body)
	return err
}

func (t *txn) Token(s connectlocal.Scope, key connectlocal.TokenKey, now time.Time) (string, bool, error) {
	var value string
	err := t.queryRow(`SELECT value FROM tokens WHERE account = ? AND region = ? AND operation = ? AND instance_id = ?
		AND token = ? AND expires_ns > ?`, s.Account, s.Region, key.Operation, key.InstanceID, key.Token, now.UnixNano()).Scan(&value)
	if isNoRows(err) {
		return "", false, nil
	}
	if err != nil {
		return "", false, wrap(err)
	}
	return value, true, nil
}

func (t *txn) PutToken(s connectlocal.Scope, key connectlocal.TokenKey, value string, expires time.Time) error {
	_, err := t.exec(`INSERT INTO tokens (account, region, operation, instance_id, token, value, expires_ns) VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (account, region, operation, instance_id, token) DO UPDATE SET value = excluded.value, expires_ns = excluded.expires_ns`,
		s.Account, s.Region, key.Operation, key.InstanceID, key.Token, value, expires.UnixNano())
	return err
}
