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
	"strings"
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

	// Group commit: Updates queue here and one goroutine runs as many as are waiting in one transaction,
	// each inside its own savepoint, so one fsync acknowledges them all.
	cache     *cache
	updates   chan *update
	quit      chan struct{} // closed by Close
	stopped   chan struct{} // closed when the commit loop has finished
	closeOnce sync.Once
}

type update struct {
	ctx  context.Context
	fn   func(connectlocal.Tx) error
	done chan error
}

// maxBatch bounds how many Updates share one commit.
const maxBatch = 64

var uriPath = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")

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
	// '%', '?' and '#' in the path would be read as an escape, the query or a fragment of the URI (a test's
	// t.TempDir() holds '#' when a subtest name repeats): escape them so the file is exactly path.
	return "file:" + uriPath.Replace(path) + "?" + q.Encode()
}

// Options tune the store.
type Options struct {
	CacheBytes int64 // the read cache's bound in bytes; 0: DefaultCacheBytes, negative: no cache
}

// Open opens (creating if needed) the SQLite file at path and brings its schema up to date.
func Open(ctx context.Context, path string, opts ...Options) (*Store, error) {
	var o Options
	if len(opts) > 0 {
		o = opts[0]
	}
	if o.CacheBytes == 0 {
		o.CacheBytes = DefaultCacheBytes
	}
	if path == "" {
		return nil, fmt.Errorf("sqlite: empty path: use sqlite:PATH")
	}
	w, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return nil, fmt.Errorf("sqlite %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	s := &Store{write: w, cache: newCache(max(o.CacheBytes, 0))}
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
	s.updates = make(chan *update, maxBatch)
	s.quit = make(chan struct{})
	s.stopped = make(chan struct{})
	go s.commitLoop()
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

// inTx runs fn in a plain write transaction, for migrations and the secret (outside the commit loop).
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

// View runs fn in a read transaction: one consistent WAL snapshot, begun at fn's first read the cache cannot
// answer.
func (s *Store) View(ctx context.Context, fn func(connectlocal.Tx) error) error {
	gen := s.cache.generation() // before the snapshot: see cache.go
	t := &txn{ctx: ctx, db: s.read, stmts: &s.readStmts, cache: s.cache, gen: gen}
	defer t.end() // also when fn panics: a leaked read transaction would pin the WAL
	err := fn(t)
	t.end()
	t.prepareMissed(s.read)
	return err
}

// Update runs fn once, inside the next group commit (one writer: the key needs nothing finer), and returns
// once that commit is durable (or fn failed, in which case nothing fn wrote is kept: its savepoint is
// rolled back).
func (s *Store) Update(ctx context.Context, _ connectlocal.UpdateKey, fn func(connectlocal.Tx) error) error {
	u := &update{ctx: ctx, fn: fn, done: make(chan error, 1)}
	select {
	case s.updates <- u:
	case <-ctx.Done():
		return ctx.Err()
	case <-s.quit:
		return errClosed
	}
	select {
	case err := <-u.done:
		return err
	case <-s.stopped:
		select {
		case err := <-u.done: // committed just before the loop stopped
			return err
		default:
			return errClosed
		}
	}
}

var errClosed = errors.New("sqlite: store is closed")

func (s *Store) commitLoop() {
	defer close(s.stopped)
	for {
		var first *update
		select {
		case first = <-s.updates:
		case <-s.quit:
			return
		}
		batch := []*update{first}
	drain:
		for len(batch) < maxBatch {
			select {
			case u := <-s.updates:
				batch = append(batch, u)
			default:
				break drain
			}
		}
		s.commit(batch)
	}
}

// commit runs a batch in one IMMEDIATE transaction, each Update in a savepoint of its own.
func (s *Store) commit(updates []*update) {
	results := make([]error, len(updates))
	tx, err := s.write.BeginTx(context.Background(), nil)
	if err != nil {
		for _, u := range updates {
			u.done <- wrap(err)
		}
		return
	}
	var missed, touched []string
	touchedAll := false
	written := &batch{touched: map[string]bool{}}
	for i, u := range updates {
		if err := u.ctx.Err(); err != nil {
			results[i] = err
			continue
		}
		if _, err := tx.Exec(`SAVEPOINT u`); err != nil {
			results[i] = wrap(err)
			continue
		}
		// Statements run under the commit loop's own context, not the request's: a request cancelled mid-statement
		// would make the driver interrupt SQLite, which rolls back the whole shared transaction.
		t := &txn{ctx: context.Background(), tx: tx, writable: true, stmts: &s.writeStmts, cache: s.cache, batch: written}
		results[i] = runFn(u.fn, t)
		missed = append(missed, t.missed...)
		touched = append(touched, t.touched...)
		touchedAll = touchedAll || t.touchedAll
		if results[i] != nil {
			if _, err := tx.Exec(`ROLLBACK TO u`); err != nil {
				// The savepoint cannot be undone: fail the whole batch rather than commit half of it.
				tx.Rollback()
				s.cache.invalidate(nil, true)
				for _, u := range updates {
					u.done <- wrap(err)
				}
				return
			}
		}
		tx.Exec(`RELEASE u`)
	}
	commitErr := wrap(tx.Commit())
	// Before anyone hears of the commit, so that no caller can read its own write's old value.
	s.cache.invalidate(touched, touchedAll)
	for i, u := range updates {
		if results[i] == nil {
			results[i] = commitErr
		}
		u.done <- results[i]
	}
	(&txn{stmts: &s.writeStmts, missed: missed}).prepareMissed(s.write)
}

// runFn runs fn, turning a panic into an error so one bad Update cannot take the batch down.
func runFn(fn func(connectlocal.Tx) error, t *txn) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("sqlite: update panicked: %v", p)
		}
	}()
	return fn(t)
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
	s.closeOnce.Do(func() { close(s.quit) })
	<-s.stopped
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
