package sqlite

import (
	"context"
	"crypto/rand"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"runtime"
	"sort"
	"sync"

	"github.com/connectlocal/connectlocal"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is a SQLite file in WAL mode. Writes go through one connection (SQLite has one writer anyway) with
// synchronous=FULL, so an acknowledged Update survives kill -9 and power loss; reads use a pool of their own
// and run beside the writer.
type Store struct {
	write *sql.DB
	read  *sql.DB
	// Prepared statements per pool: parsing SQL was a tenth of a request's CPU.
	writeStmts, readStmts sync.Map // query → *sql.Stmt
}

func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(FULL)")
	q.Add("_pragma", "foreign_keys(1)")
	if readOnly {
		q.Add("_pragma", "query_only(1)")
	} else {
		q.Set("_txlock", "immediate")
	}
	return "file:" + path + "?" + q.Encode()
}

// Open opens (creating if needed) the SQLite file at path and brings its schema up to date.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, fmt.Errorf("sqlite: empty path: use sqlite:PATH")
	}
	w, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return nil, fmt.Errorf("sqlite %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	s := &Store{write: w}
	if err := s.migrate(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite %s: %w", path, err)
	}
	r, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite %s: %w", path, err)
	}
	r.SetMaxOpenConns(max(4, runtime.GOMAXPROCS(0)*2))
	r.SetMaxIdleConns(max(4, runtime.GOMAXPROCS(0)*2))
	s.read = r
	return s, nil
}

// migrate applies the embedded migrations not yet recorded, each in its own transaction.
func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.write.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY)`); err != nil {
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
		err = s.inTx(ctx, func(tx *sql.Tx) error {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE name = ?`, name).Scan(&n); err != nil || n > 0 {
				return err
			}
			if _, err := tx.ExecContext(ctx, string(body)); err != nil {
				return fmt.Errorf("migration %s: %w", name, err)
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (name) VALUES (?)`, name)
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// View runs fn in a read transaction: one consistent WAL snapshot.
func (s *Store) View(ctx context.Context, fn func(connectlocal.Tx) error) error {
	tx, err := s.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return wrap(err)
	}
	t := &txn{ctx: ctx, tx: tx, stmts: &s.readStmts}
	err = fn(t)
	tx.Rollback()
	t.prepareMissed(s.read)
	return err
}

// Update runs fn in one IMMEDIATE transaction on the single writer connection.
func (s *Store) Update(ctx context.Context, fn func(connectlocal.Tx) error) error {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return wrap(err)
	}
	t := &txn{ctx: ctx, tx: tx, writable: true, stmts: &s.writeStmts}
	defer t.prepareMissed(s.write)
	if err := fn(t); err != nil {
		tx.Rollback()
		return err
	}
	return wrap(tx.Commit())
}

// Secret returns the store's pagination-token key, created on first use.
func (s *Store) Secret(ctx context.Context) ([]byte, error) {
	var secret []byte
	err := s.read.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'secret'`).Scan(&secret)
	if err == nil {
		return secret, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return nil, wrap(err)
	}
	fresh := make([]byte, 32)
	rand.Read(fresh)
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO meta (key, value) VALUES ('secret', ?)`, fresh); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'secret'`).Scan(&secret)
	})
	return secret, wrap(err)
}

// Ping checks both pools answer.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.read.PingContext(ctx); err != nil {
		return wrap(err)
	}
	return wrap(s.write.PingContext(ctx))
}

// Close closes both pools; the WAL is checkpointed by SQLite as the last connection closes.
func (s *Store) Close() error {
	for _, m := range []*sync.Map{&s.readStmts, &s.writeStmts} {
		m.Range(func(_, v any) bool { v.(*sql.Stmt).Close(); return true })
	}
	return errors.Join(s.read.Close(), s.write.Close())
}

// wrap classifies a driver error at the boundary: a unique-key clash is AlreadyExists, anything else is
// Internal (its text is logged, never sent).
func wrap(err error) error {
	if err == nil {
		return nil
	}
	var le *sqlite.Error
	if errors.As(err, &le) {
		switch le.Code() {
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
			return &connectlocal.Error{Code: connectlocal.AlreadyExists, Message: "already exists"}
		}
	}
	if errors.Is(err, sql.ErrNoRows) {
		return &connectlocal.Error{Code: connectlocal.NotFound, Message: "not found"}
	}
	return fmt.Errorf("sqlite: %w", err)
}

func isNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }
