package postgres

import (
	"context"
	"crypto/rand"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	mrand "math/rand/v2"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/connectlocal/connectlocal"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is a pgx pool on one schema (the DSN's search_path, else the database's default). Update runs at
// SERIALIZABLE isolation behind a table lock and re-runs fn on a serialization failure or deadlock, so every
// node sees the outcome a single serialized writer would give.
type Store struct {
	pool *pgxpool.Pool

	secretMu sync.Mutex
	secret   []byte // never changes once created: read once

	retries atomic.Int64 // re-runs of fn after a conflict, for tests
}

// Options tune the pool and the session.
type Options struct {
	// MaxConns caps the pool. 0 keeps the DSN's pool_max_conns, else pgx's default (4 or the CPU count).
	MaxConns int32
	// StatementTimeout ends any statement (a lock wait included) and any transaction left idle that long.
	// 0 keeps the DSN's statement_timeout, else 30s; negative means none.
	StatementTimeout time.Duration
}

const defaultStatementTimeout = 30 * time.Second

// lockClass is the first key of the advisory lock migrations take ("conn"); the second is a hash of the
// schema, so stores in different schemas of one database migrate independently.
const lockClass = 0x636f6e6e

// maxAttempts bounds the runs of fn in one Update.
const maxAttempts = 20

// Open connects to the DSN (a postgres:// URL or libpq key=value pairs, search_path included) and applies
// the migrations it has not seen. Its errors name host and port, never the password.
func Open(ctx context.Context, dsn string, opts ...Options) (*Store, error) {
	var o Options
	if len(opts) > 0 {
		o = opts[0]
	}
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: the DSN is not valid (%s); want postgres://USER[:PASSWORD]@HOST:PORT/DATABASE?sslmode=disable or host=HOST port=PORT user=USER dbname=DATABASE",
			scrub(parseReason(err), dsn))
	}
	if o.MaxConns > 0 {
		cfg.MaxConns = o.MaxConns
	}
	params := cfg.ConnConfig.RuntimeParams
	if _, set := params["statement_timeout"]; o.StatementTimeout != 0 || !set {
		timeout := o.StatementTimeout
		if timeout == 0 {
			timeout = defaultStatementTimeout
		}
		params["statement_timeout"] = strconv.FormatInt(max(timeout.Milliseconds(), 0), 10)
	}
	// A node stopped in the middle of an Update must not hold the update lock for every other node forever.
	if _, set := params["idle_in_transaction_session_timeout"]; !set {
		params["idle_in_transaction_session_timeout"] = params["statement_timeout"]
	}
	where := fmt.Sprintf("postgres %s:%d/%s", cfg.ConnConfig.Host, cfg.ConnConfig.Port, cfg.ConnConfig.Database)
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("%s: %s", where, scrub(describe(err), dsn))
	}
	pingCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := pool.Ping(pingCtx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("%s: cannot connect: %s", where, scrub(describe(err), dsn))
	}
	s := &Store{pool: pool}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("%s: %s", where, scrub(describe(err), dsn))
	}
	return s, nil
}

// parseReason is what pgx says is wrong with a DSN, without its quote of the DSN.
func parseReason(err error) string {
	msg := err.Error()
	if i := strings.LastIndex(msg, "`: "); i >= 0 {
		return msg[i+3:]
	}
	return "cannot parse it"
}

// describe renders a connection error without pgx's quote of the configuration.
func describe(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Severity + ": " + pe.Message + " (SQLSTATE " + pe.Code + ")"
	}
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) {
		if u := errors.Unwrap(ce); u != nil {
			return u.Error()
		}
		return "connection refused or unreachable"
	}
	return err.Error()
}

// scrub removes the DSN's password from msg, wherever a driver may have quoted it.
func scrub(msg, dsn string) string {
	var pw string
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		pw, _ = u.User.Password()
	}
	for _, f := range strings.Fields(dsn) {
		if v, ok := strings.CutPrefix(f, "password="); ok {
			pw = strings.Trim(v, "'")
		}
	}
	if pw != "" && strings.Contains(msg, pw) {
		return strings.ReplaceAll(msg, pw, "xxxxx")
	}
	return msg
}

// migrate applies the embedded migrations not yet recorded in schema_migrations, in name order, each in its
// own transaction under an advisory lock, so nodes starting at once take turns and each applies what the
// ones before it left.
func (s *Store) migrate(ctx context.Context) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	locked := func(fn func(tx pgx.Tx) error) error {
		// READ COMMITTED: each statement after the lock sees what the previous holder committed.
		return pgx.BeginTxFunc(ctx, conn, pgx.TxOptions{IsoLevel: pgx.ReadCommitted}, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1, hashtext(coalesce(current_schema(), '')))`, lockClass); err != nil {
				return err
			}
			return fn(tx)
		})
	}
	err = locked(func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY)`)
		return err
	})
	if err != nil {
		return err
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		body, err := migrations.ReadFile(name)
		if err != nil {
			return err
		}
		err = locked(func(tx pgx.Tx) error {
			var done bool
			if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE name = $1)`, name).Scan(&done); err != nil || done {
				return err
			}
			if _, err := tx.Exec(ctx, string(body)); err != nil {
				return fmt.Errorf("migration %s: %w", name, err)
			}
			_, err := tx.Exec(ctx, `INSERT INTO schema_migrations (name) VALUES ($1)`, name)
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// View runs fn in a REPEATABLE READ, READ ONLY transaction: one snapshot, no locks taken.
func (s *Store) View(ctx context.Context, fn func(connectlocal.Tx) error) error {
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return wrap(err)
	}
	defer tx.Rollback(context.Background())
	return fn(&txn{ctx: ctx, tx: tx})
}

// Update runs fn in a SERIALIZABLE transaction. A serialization failure (40001) or deadlock (40P01) rolls
// it back and runs fn again after a short random pause, at most maxAttempts times in all.
func (s *Store) Update(ctx context.Context, fn func(connectlocal.Tx) error) error {
	for attempt := 1; ; attempt++ {
		err := s.updateOnce(ctx, fn)
		if !retryable(err) {
			return err
		}
		if attempt == maxAttempts {
			return fmt.Errorf("postgres: %d attempts, each ended by a conflict: %w", attempt, err)
		}
		s.retries.Add(1)
		pause := time.Duration(mrand.Int64N(int64(attempt) * int64(time.Millisecond)))
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(pause):
		}
	}
}

func (s *Store) updateOnce(ctx context.Context, fn func(connectlocal.Tx) error) error {
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.Serializable})
	if err != nil {
		return wrap(err)
	}
	defer tx.Rollback(context.Background())
	// Writers queue here. Optimistic SERIALIZABLE alone collapsed under contention (every create in an
	// instance touches its counter row, so concurrent ones failed each other until retries ran out). The
	// lock must come before the snapshot: pg_advisory_xact_lock is a SELECT, which takes the snapshot before
	// it waits, so the writer after it would read stale rows and fail anyway. SERIALIZABLE and the retry
	// stay as the guard for anything that writes without the lock.
	if _, err := tx.Exec(ctx, `LOCK TABLE update_lock IN EXCLUSIVE MODE`); err != nil {
		return wrap(err)
	}
	t := &txn{ctx: ctx, tx: tx, writable: true}
	err = fn(t)
	switch {
	case t.conflict != nil:
		return t.conflict // fn's own error may be one the conflict caused
	case err != nil:
		return err
	case t.failed != nil:
		return t.failed // fn went on after a failed statement: PostgreSQL will only roll back
	}
	return wrap(tx.Commit(ctx))
}

// conflictError marks a serialization failure or deadlock: Update runs fn again.
type conflictError struct{ err error }

func (e conflictError) Error() string { return "postgres: serialization conflict: " + e.err.Error() }
func (e conflictError) Unwrap() error { return e.err }

func retryable(err error) bool {
	var c conflictError
	return errors.As(err, &c)
}

// Secret returns the pagination-token key: the first node to ask creates it, every node reads the same.
func (s *Store) Secret(ctx context.Context) ([]byte, error) {
	s.secretMu.Lock()
	defer s.secretMu.Unlock()
	if s.secret != nil {
		return s.secret, nil
	}
	fresh := make([]byte, 32)
	rand.Read(fresh)
	if _, err := s.pool.Exec(ctx, `INSERT INTO meta (key, value) VALUES ('secret', $1) ON CONFLICT (key) DO NOTHING`, fresh); err != nil {
		return nil, wrap(err)
	}
	var secret []byte
	if err := s.pool.QueryRow(ctx, `SELECT value FROM meta WHERE key = 'secret'`).Scan(&secret); err != nil {
		return nil, wrap(err)
	}
	s.secret = secret
	return secret, nil
}

// Ping checks the database answers.
func (s *Store) Ping(ctx context.Context) error { return wrap(s.pool.Ping(ctx)) }

// Close closes the pool, waiting for connections in use to come back.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// uniqueMessages says which name a unique index refused, by the index's name (migrations/0001_init.sql).
var uniqueMessages = map[string]string{
	"instances_alias": "the instance alias is already in use in this region",
	"templates_name":  "a task template with this name already exists in the instance",
	"flows_name":      "a flow with this name already exists in the instance",
}

// wrap classifies a driver error at the boundary: a unique violation (23505) is AlreadyExists, a
// serialization failure (40001) or deadlock (40P01) a conflict Update retries, anything else an error that
// connectlocal.CodeOf reports as Internal (its text is for the log; clients get a generic message).
func wrap(err error) error {
	if err == nil {
		return nil
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "23505":
			msg, ok := uniqueMessages[pe.ConstraintName]
			if !ok {
				msg = "the record already exists"
			}
			return &connectlocal.Error{Code: connectlocal.AlreadyExists, Message: msg}
		case "40001", "40P01":
			return conflictError{err}
		}
	}
	return fmt.Errorf("postgres: %w", err)
}
