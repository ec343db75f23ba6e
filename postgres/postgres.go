package postgres

import (
	"context"
	"crypto/rand"
	"embed"
	"errors"
	"fmt"
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

// Store is a pgx pool. Update runs at SERIALIZABLE isolation and re-runs fn when PostgreSQL reports a
// serialization conflict, so every node sees the same outcome a single serialized writer would give.
type Store struct {
	pool *pgxpool.Pool
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

// Update runs fn at SERIALIZABLE; a serialization failure or deadlock re-runs it with a short random pause.
func (s *Store) Update(ctx context.Context, fn func(connectlocal.Tx) error) error {
	for attempt := 1; ; attempt++ {
		err := s.updateOnce(ctx, fn)
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

// writerLock is the advisory lock every Update holds, on every node. Optimistic SERIALIZABLE alone
// collapsed under contention (every create in an instance touches its counter row and name predicate, so
// concurrent ones failed each other until retries ran out); queueing writers keeps each transaction short
// and conflict-free, while SERIALIZABLE and the retry stay as the guard for anything else writing the schema.
const writerLock int32 = 0x636f6e6e // "conn"; the second key is the schema, as for migrationLock

func (s *Store) updateOnce(ctx context.Context, fn func(connectlocal.Tx) error) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return wrap(err)
	}
	defer conn.Release()
	// The lock is taken before BEGIN: a SERIALIZABLE snapshot starts at its first statement, so waiting for
	// the lock inside the transaction would leave it reading a state from before the previous writer's commit.
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1, hashtext(current_schema()))`, writerLock); err != nil {
		return wrap(err)
	}
	defer conn.Exec(context.Background(), `SELECT pg_advisory_unlock($1, hashtext(current_schema()))`, writerLock)
	tx, err := conn.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.Serializable})
	if err != nil {
		return wrap(err)
	}
	// A panic in fn must not leak the transaction: it would hold the writer lock, blocking every node.
	defer func() {
		if p := recover(); p != nil {
			tx.Rollback(context.Background())
			panic(p)
		}
	}()
	t := &txn{ctx: ctx, tx: tx, writable: true}
	if err := fn(t); err != nil {
		tx.Rollback(context.Background())
		if t.conflict != nil {
			return t.conflict // the domain error may hide the serialization failure that caused it
		}
		return err
	}
	return wrap(tx.Commit(ctx))
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
