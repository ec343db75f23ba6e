package postgres

import (
	"context"
	"crypto/rand"
	"embed"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	mrand "math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/connectlocal/connectlocal"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is a pgx pool. Each Update holds an advisory lock on its key (see lockSQL), so every node sees the
// outcome a single serialized writer per key would give, and different instances write in parallel.
type Store struct {
	pool   *pgxpool.Pool
	schema string // current_schema(), part of every advisory lock id
}

// Options tune the pool.
type Options struct {
	MaxConns         int32         // 0: the DSN's pool_max_conns, else pgx's default (4 or the CPU count)
	StatementTimeout time.Duration // 0: 30s
}

// migrationLock is the advisory lock key two starting nodes serialize their migrations on.
const migrationLock int32 = 0x636f6e6d // "conm"; the second key is the schema, so schemas never wait on each other

// maxAttempts bounds the re-runs of a conflicting Update.
const maxAttempts = 30

// Open connects to the DSN (any libpq form) and migrates the schema. Its error names host and port, never
// the password.
func Open(ctx context.Context, dsn string, opts ...Options) (*Store, error) {
	var o Options
	if len(opts) > 0 {
		o = opts[0]
	}
	if o.StatementTimeout == 0 {
		o.StatementTimeout = 30 * time.Second
	}
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, errors.New("postgres: the DSN is not valid: use postgres://USER@HOST:PORT/DB?sslmode=disable")
	}
	if o.MaxConns > 0 {
		cfg.MaxConns = o.MaxConns
	}
	// A statement_timeout given in the DSN wins over the option.
	if _, set := cfg.ConnConfig.RuntimeParams["statement_timeout"]; !set {
		cfg.ConnConfig.RuntimeParams["statement_timeout"] = strconv.FormatInt(o.StatementTimeout.Milliseconds(), 10)
	}
	where := fmt.Sprintf("%s:%d/%s", cfg.ConnConfig.Host, cfg.ConnConfig.Port, cfg.ConnConfig.Database)
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres %s: %s", where, describe(err))
	}
	pingCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := pool.Ping(pingCtx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres %s: cannot connect: %s", where, describe(err))
	}
	s := &Store{pool: pool}
	if err := pool.QueryRow(ctx, `SELECT current_schema()`).Scan(&s.schema); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres %s: %s", where, describe(err))
	}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres %s: %s", where, describe(err))
	}
	return s, nil
}

// describe renders a connection error without the DSN (pgx's messages may quote it, password included).
func describe(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Severity + ": " + pe.Message + " (SQLSTATE " + pe.Code + ")"
	}
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) {
		if u := errors.Unwrap(ce); u != nil {
			return redactable(u)
		}
		return "connection refused or unreachable"
	}
	return redactable(err)
}

// redactable keeps an error's own words unless it could carry the connection string.
func redactable(err error) string {
	msg := err.Error()
	for _, marker := range []string{"password", "postgres://", "postgresql://"} {
		if strings.Contains(strings.ToLower(msg), marker) {
			return "connection failed"
		}
	}
	return msg
}

// migrate applies the embedded migrations not yet recorded, under an advisory lock so nodes starting at
// once take turns.
func (s *Store) migrate(ctx context.Context) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1, hashtext(current_schema()))`, migrationLock); err != nil {
		return err
	}
	defer conn.Exec(context.Background(), `SELECT pg_advisory_unlock($1, hashtext(current_schema()))`, migrationLock)
	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY)`); err != nil {
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
		err = pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			var n int
			if err := tx.QueryRow(ctx, `SELECT count(*) FROM schema_migrations WHERE name = $1`, name).Scan(&n); err != nil || n > 0 {
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

// View runs fn in a REPEATABLE READ, READ ONLY transaction: one snapshot.
func (s *Store) View(ctx context.Context, fn func(connectlocal.Tx) error) error {
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return wrap(err)
	}
	defer tx.Rollback(context.Background())
	return fn(&txn{ctx: ctx, tx: tx})
}

// Update runs fn in a READ COMMITTED transaction holding key's advisory lock (see begin); a deadlock or
// serialization failure re-runs it with a short random pause (the Store contract allows it).
func (s *Store) Update(ctx context.Context, key connectlocal.UpdateKey, fn func(connectlocal.Tx) error) error {
	begin := s.begin(key)
	for attempt := 1; ; attempt++ {
		err := s.updateOnce(ctx, begin, fn)
		if !retryable(err) || attempt == maxAttempts {
			return err
		}
		pause := time.Duration(mrand.IntN(1+attempt*2)) * time.Millisecond
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(pause):
		}
	}
}

// begin is what starts an Update on key: BEGIN and transaction-scoped advisory locks, released by COMMIT or
// ROLLBACK with no statement of their own. They are queued, not sent: they ride with fn's first statement. Every Update holds the store-wide lock
// shared and its key's lock exclusively; the zero key holds the store-wide lock exclusively. So writes to
// one instance queue (its counters, names and tokens need it), writes to different instances or scopes run
// at once on every node, and an Update of everything waits for all of them (issue 10).
//
// READ COMMITTED suffices because every writer of a key's records holds the key's lock, and each statement
// sees every commit made before it: the previous holder's writes are visible once the lock is granted.
// What spans keys is enforced by unique indexes (an alias is unique in its region across accounts).
func (s *Store) begin(key connectlocal.UpdateKey) []queued {
	all := lockID(s.schema, "all")
	begin := queued{sql: "BEGIN ISOLATION LEVEL READ COMMITTED"}
	if key == (connectlocal.UpdateKey{}) {
		return []queued{begin, {"SELECT pg_advisory_xact_lock($1)", []any{all}}}
	}
	k := lockID(s.schema, "key", key.Scope.Account, key.Scope.Region, key.InstanceID)
	// One statement; every Update takes the two locks in this order, so none waits for another in a cycle.
	return []queued{begin, {"SELECT pg_advisory_xact_lock_shared($1), pg_advisory_xact_lock($2)", []any{all, k}}}
}

// lockID hashes parts into an advisory lock id. The schema is part of it, so stores in different schemas of
// one database never queue on each other; a collision only makes two keys wait for each other.
func lockID(parts ...string) int64 {
	h := fnv.New64a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return int64(h.Sum64())
}

func (s *Store) updateOnce(ctx context.Context, begin []queued, fn func(connectlocal.Tx) error) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return wrap(err)
	}
	defer conn.Release()
	// A panic in fn must not leak the transaction: it would hold its locks.
	defer func() {
		if p := recover(); p != nil {
			rollback(conn)
			panic(p)
		}
	}()
	t := &txn{ctx: ctx, tx: conn, writable: true, pending: append([]queued(nil), begin...)}
	if err := fn(t); err != nil {
		rollback(conn)
		if t.conflict != nil {
			return t.conflict // the domain error may hide the serialization failure that caused it
		}
		return err
	}
	// The queued writes and COMMIT in one round trip.
	err = t.send("COMMIT", nil, func(br pgx.BatchResults) error {
		tag, err := br.Exec()
		if err == nil && tag.String() == "ROLLBACK" { // COMMIT of a transaction a failed statement aborted
			return connectlocal.Errorf(connectlocal.Internal, "postgres: the transaction was aborted by an earlier error")
		}
		return err
	})
	if err != nil {
		rollback(conn)
		return wrap(err)
	}
	return nil
}

// rollback ends the connection's transaction, if any; a connection that cannot is closed by pgx on release.
func rollback(conn *pgxpool.Conn) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := conn.Exec(ctx, "ROLLBACK"); err != nil {
		conn.Conn().PgConn().Close(ctx)
	}
}

// conflictError marks a serialization failure or deadlock: Update re-runs fn.
type conflictError struct{ err error }

func (e conflictError) Error() string { return "postgres: serialization conflict: " + e.err.Error() }

func retryable(err error) bool {
	var c conflictError
	return errors.As(err, &c)
}

// Secret returns the pagination-token key, created once.
func (s *Store) Secret(ctx context.Context) ([]byte, error) {
	fresh := make([]byte, 32)
	crand(fresh)
	if _, err := s.pool.Exec(ctx, `INSERT INTO meta (key, value) VALUES ('secret', $1) ON CONFLICT (key) DO NOTHING`, fresh); err != nil {
		return nil, wrap(err)
	}
	var secret []byte
	err := s.pool.QueryRow(ctx, `SELECT value FROM meta WHERE key = 'secret'`).Scan(&secret)
	return secret, wrap(err)
}

// Ping checks the database answers.
func (s *Store) Ping(ctx context.Context) error { return wrap(s.pool.Ping(ctx)) }

// Close closes the pool.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// wrap classifies a driver error at the boundary: 23505 is AlreadyExists, a serialization failure (40001) or
// deadlock (40P01) a conflict Update retries, no row NotFound, anything else Internal.
func wrap(err error) error {
	if err == nil {
		return nil
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "23505":
			return &connectlocal.Error{Code: connectlocal.AlreadyExists, Message: "already exists"}
		case "40001", "40P01":
			return conflictError{err}
		}
	}
	if errors.Is(err, pgx.ErrNoRows) {
		return &connectlocal.Error{Code: connectlocal.NotFound, Message: "not found"}
	}
	return fmt.Errorf("postgres: %w", err)
}

func crand(b []byte) { rand.Read(b) }
