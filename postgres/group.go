package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"github.com/connectlocal/connectlocal"
)

// Group commit per key (issue 10): Updates of one key on one node wait for each other anyway (they hold the
// key's advisory lock in turn). So while one of them runs, the others queue on the node, and the next
// transaction runs all that are queued, each in a savepoint: one BEGIN, lock and COMMIT (one WAL flush)
// for them all, and no lock wait between them. Updates of different keys never share a transaction, so they
// keep running in parallel, and a group waits only for its own key's lock, as a single Update would.
// Grouping keys together was tried (lanes taking every queued Update): on two cores the groups ran their
// round trips one after another and wrote less per second than parallel transactions (BENCHMARKS.md).
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

// panicked carries a panic in fn from the key's runner to the Update that called it, which panics again.
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

// keyQueue holds the Updates of one key waiting on this node while the key's runner works.
type keyQueue struct{ waiting []*update }

// enqueue hands u to its key's runner, starting one when the key has none.
func (s *Store) enqueue(id int64, u *update) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return errClosed
	}
	if q, ok := s.active[id]; ok {
		q.waiting = append(q.waiting, u)
		return nil
	}
	q := &keyQueue{waiting: []*update{u}}
	s.active[id] = q
	s.runners.Add(1)
	go s.runKey(id, q)
	return nil
}

// runKey runs the key's queued Updates, as many as are waiting (up to maxGroup) per transaction, until none
// is left.
func (s *Store) runKey(id int64, q *keyQueue) {
	defer s.runners.Done()
	for {
		s.mu.Lock()
		n := min(len(q.waiting), maxGroup)
		if n == 0 {
			delete(s.active, id)
			s.mu.Unlock()
			return
		}
		batch := q.waiting[:n:n]
		q.waiting = q.waiting[n:]
		s.mu.Unlock()
		s.commitGroup(batch)
	}
}

// runAlone runs a group of one Update: the transaction of its own that updateAlone would run.
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
		live[0].done <- s.runAlone(live[0])
		return
	}
	// Statements run under the runner's context, not a request's: cancelling one request's statement would
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
	run := live
	g := &group{results: make([]error, len(run))}
	s.groupedUpdates.Add(int64(len(run)))
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
	// carry: statements not sent yet (the last opens the savepoint of the next Update); their failure belongs
	// to run[owner] (-1: to no Update, the transaction is then broken).
	// The group begins as a single Update does (BEGIN and the key's lock, see begin), in the first Update's
	// first round trip.
	carry := append(s.begin(run[0].key), queued{sql: "SAVEPOINT u"})
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
		default:
			// fn failed after some of its statements ran: undo them now, not in the next Update's round trip, so
			// that the transaction is never in the aborted state when pgx prepares that Update's statements (a
			// Parse in an aborted transaction fails and leaves pgx's statement cache out of step). Savepoint u is
			// then open again and serves the next Update.
			g.results[i] = g.failed(t, err)
			if _, err := conn.Exec(ctx, "ROLLBACK TO SAVEPOINT u"); err != nil {
				abort()
				return
			}
			carry, owner = nil, -1
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

// callFn runs fn, turning a panic into an error so that one bad Update cannot take the group down.
func callFn(fn func(connectlocal.Tx) error, t *txn) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = panicked{p}
		}
	}()
	return fn(t)
}
