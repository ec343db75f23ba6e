package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/connectlocal/connectlocal"
)

// Group commit (issue 10): a node's concurrent Updates share one transaction, each in a savepoint, so one
// COMMIT (one WAL flush) and fewer round trips serve them all, as the SQLite store's commit loop does. A few
// lanes (Options.CommitLanes) each take whatever Updates are waiting and run them one after another on one
// connection; the queued writes of one Update ride with the next one's first read.
//
// Locks: a group takes all its keys' advisory locks at its start, in one global order (lockGroup), so groups
// on two nodes cannot deadlock on their key sets; a group that waits too long for them gives up and its
// Updates run in transactions of their own (Store.updateAlone). A deadlock that still happens (on a unique
// index shared across keys, such as an instance alias) fails one statement: the group, if it was taking its
// locks, or else that Update, which is undone to its savepoint and re-run on its own.
type update struct {
	ctx  context.Context
	key  connectlocal.UpdateKey
	fn   func(connectlocal.Tx) error
	done chan error
}

// maxGroup bounds a group: PostgreSQL caches 64 subtransaction ids per backend; beyond that every
// snapshot of every session gets slower.
const maxGroup = 32

// errAlone tells Update to run fn in a transaction of its own: its key was busy, it hit a conflict, or the
// group failed before its COMMIT was sent (so nothing of it was kept and a re-run is safe).
var errAlone = errors.New("postgres: run the update on its own")

var errClosed = errors.New("postgres: store is closed")

// panicked carries a panic in fn from a lane to the Update that called it, which panics again.
type panicked struct{ v any }

func (p panicked) Error() string { return fmt.Sprint("postgres: update panicked: ", p.v) }

// group is one shared transaction's bookkeeping.
type group struct {
	results []error // per Update of the group; nil until it fails
}

// outcome is what an Update that failed with err is told: a conflict re-runs it alone.
func (g *group) outcome(err error) error {
	if retryable(err) {
		return errAlone
	}
	return err
}

func (s *Store) lane() {
	defer s.lanes.Done()
	for {
		var first *update
		select {
		case first = <-s.updates:
		case <-s.quit:
			return
		}
		batch := []*update{first}
	drain:
		for len(batch) < maxGroup {
			select {
			case u := <-s.updates:
				batch = append(batch, u)
			default:
				break drain
			}
		}
		s.commitGroup(batch)
	}
}

// runAlone runs one Update in the lane (keeping the lane busy, so that the next ones queue and form a group).
func (s *Store) runAlone(u *update) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = panicked{p}
		}
	}()
	err = s.updateOnce(u.ctx, s.begin(u.key), u.fn)
	if retryable(err) {
		return errAlone
	}
	return err
}

func (s *Store) commitGroup(batch []*update) {
	live := batch[:0]
	for _, u := range batch {
		if err := u.ctx.Err(); err != nil {
			u.done <- err
			continue
		}
		live = append(live, u)
	}
	switch len(live) {
	case 0:
		return
	case 1:
		dbgSingles.Add(1)
		live[0].done <- s.runAlone(live[0])
		return
	}
	// Statements run under the lane's context, not a request's: cancelling one request's statement would
	// break the connection and with it everyone's transaction. statement_timeout still bounds each.
	ctx := context.Background()
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		for _, u := range live {
			u.done <- wrap(err)
		}
		return
	}
	defer conn.Release()
	if !s.lockGroup(ctx, conn, live) {
		return
	}
	run := live
	g := &group{results: make([]error, len(run))}
	dbgGroups.Add(1)
	dbgGrouped.Add(int64(len(run)))
	answer := func() {
		for i, u := range run {
			u.done <- g.results[i]
		}
	}
	abort := func() { // nothing was committed: every Update re-runs on its own
		rollback(conn)
		for i, err := range g.results {
			if _, ok := err.(panicked); !ok {
				g.results[i] = errAlone
			}
		}
		answer()
	}
	// carry: statements not sent yet, the last of which opens the savepoint of the next Update; their
	// failure belongs to run[owner] (-1: to no Update, the transaction is then broken).
	carry := []queued{{sql: "SAVEPOINT u"}}
	owner := -1
	for i, u := range run {
		t := &txn{ctx: ctx, tx: conn, writable: true, pending: slices.Clone(carry), carried: len(carry), owner: owner, group: g}
		err := callFn(u.fn, t)
		if err == nil && t.carried > 0 && !t.broken {
			// fn read nothing: send what is queued now, so that a failure of it is told apart from the
			// previous Update's.
			err = t.check(t.send("", nil, nil))
		}
		if t.broken {
			if _, ok := err.(panicked); ok {
				g.results[i] = err
			}
			abort()
			return
		}
		switch {
		case t.carried > 0: // fn failed before sending anything: nothing of it ran; the carry stays as it was
			g.results[i] = g.failed(t, err)
		case err == nil:
			carry = append(t.pending, queued{sql: "RELEASE SAVEPOINT u"}, queued{sql: "SAVEPOINT u"})
			owner = i
		default: // fn failed after some of its statements ran: undo them; savepoint u then serves the next
			g.results[i] = g.failed(t, err)
			carry, owner = []queued{{sql: "ROLLBACK TO SAVEPOINT u"}}, -1
		}
	}
	// The last Update's writes and COMMIT in one round trip.
	t := &txn{ctx: ctx, tx: conn, writable: true, pending: carry, carried: len(carry), owner: owner, group: g}
	err = t.send("COMMIT", nil, func(br pgx.BatchResults) error {
		tag, err := br.Exec()
		if err == nil && tag.String() == "ROLLBACK" {
			return errors.New("postgres: the group's transaction was aborted")
		}
		return err
	})
	if t.broken {
		abort()
		return
	}
	if err != nil {
		// The server refused the COMMIT (nothing kept) or the connection failed (the outcome is unknown, as
		// for a single Update's COMMIT): every Update not failed already hears it.
		rollback(conn)
		werr := g.outcome(wrap(err))
		for i := range g.results {
			if g.results[i] == nil {
				g.results[i] = werr
			}
		}
	}
	answer()
}

// failed is the answer of an Update whose fn returned err: a conflict seen during fn re-runs it alone.
func (g *group) failed(t *txn, err error) error {
	if _, ok := err.(panicked); ok {
		return err
	}
	if t.conflict != nil {
		return errAlone
	}
	return err
}

// lockGroup begins the group's transaction and takes the store-wide lock shared and each key's lock, in
// ascending order of lock id. Every transaction takes its advisory locks in that order (the store-wide lock
// first, see begin) and takes none later, so no two wait for each other's in a cycle. A wait longer than
// groupLockTimeout (a slow Update holds a key) gives up: the group's Updates then run on their own, so a slow
// Update holds back no Update of another key for longer than that. It returns whether the locks are held; if
// not, every Update has been told to run alone.
func (s *Store) lockGroup(ctx context.Context, conn *pgxpool.Conn, live []*update) bool {
	ids := make([]int64, len(live))
	for i, u := range live {
		ids[i] = s.keyLock(u.key)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	b := &pgx.Batch{}
	b.Queue("BEGIN ISOLATION LEVEL READ COMMITTED")
	b.Queue("SET LOCAL lock_timeout = " + groupLockTimeout)
	b.Queue("SELECT pg_advisory_xact_lock_shared($1)", lockID(s.schema, "all"))
	for _, k := range ids {
		b.Queue("SELECT pg_advisory_xact_lock($1)", k)
	}
	b.Queue("SET LOCAL lock_timeout TO DEFAULT") // the Updates' own statements wait as in a transaction of their own
	if err := conn.SendBatch(ctx, b).Close(); err != nil {
		rollback(conn)
		for _, u := range live {
			u.done <- errAlone
		}
		return false
	}
	return true
}

// groupLockTimeout bounds how long a group waits for its keys' locks.
const groupLockTimeout = "'200ms'"

// callFn runs fn, turning a panic into an error so that one bad Update cannot take the lane down.
func callFn(fn func(connectlocal.Tx) error, t *txn) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = panicked{p}
		}
	}()
	return fn(t)
}
