package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal/internal/connecttest"
	"github.com/connectlocal/connectlocal/internal/e2e"
	"github.com/connectlocal/connectlocal/postgres/postgrestest"
	"github.com/jackc/pgx/v5"
)

// The short crash test runs in go test (and .ci/run); the long one is
//
//	go test ./cmd/connectlocal -run TestCrash -crash.rounds 20 -crash.writes 2000
var (
	crashRounds = flag.Int("crash.rounds", 1, "SIGKILL rounds per store in TestCrash")
	crashWrites = flag.Int("crash.writes", 150, "acknowledged writes before each SIGKILL in TestCrash")
)

const crashWriters = 16

// ledger is what the writers were told: every acknowledged template, its last acknowledged description, and
// the descriptions of later updates whose answer never came (the server died under them: each may or may
// not have landed).
type ledger struct {
	mu      sync.Mutex
	acked   map[string]string   // template id → acknowledged description
	pending map[string][]string // template id → unanswered later descriptions
	n       atomic.Int64
	// killing is set just before each SIGKILL (and a database strike); a write failing while it is unset is
	// a failure of a live server.
	killing atomic.Bool
	failed  []error
}

func (l *ledger) failure(err error) {
	if !l.killing.Load() {
		l.mu.Lock()
		l.failed = append(l.failed, err)
		l.mu.Unlock()
	}
}

// mark is a channel closed once the ledger holds at least n acknowledged writes.
type mark struct {
	n    int64
	once sync.Once
	ch   chan struct{}
}

func newMark(n int64) *mark { return &mark{n: n, ch: make(chan struct{})} }

// write drives 16 writers (creates, and updates of their own templates) until stop is closed, closing each
// mark once its number of writes was acknowledged.
func (l *ledger) write(c *connect.Client, inst string, round int, marks []*mark, stop <-chan struct{}) {
	var wg sync.WaitGroup
	for w := 0; w < crashWriters; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []string
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				ctx := context.Background()
				if len(mine) > 0 && i%3 == 0 {
					id := mine[i%len(mine)]
					desc := fmt.Sprintf("r%d-w%d-update-%d", round, w, i)
					l.mu.Lock()
					l.pending[id] = append(l.pending[id], desc)
					l.mu.Unlock()
					_, err := c.UpdateTaskTemplate(ctx, &connect.UpdateTaskTemplateInput{InstanceId: &inst, TaskTemplateId: &id, Description: &desc})
					if err != nil {
						l.failure(err)
						continue
					}
					l.mu.Lock()
					l.acked[id] = desc
					delete(l.pending, id)
					l.mu.Unlock()
					l.ack(marks)
					continue
				}
				desc := fmt.Sprintf("r%d-w%d-create-%d", round, w, i)
				out, err := c.CreateTaskTemplate(ctx, &connect.CreateTaskTemplateInput{InstanceId: &inst,
					Name: aws.String("crash-" + desc), Description: &desc, Fields: []types.TaskTemplateField{
						{Id: &types.TaskTemplateFieldIdentifier{Name: aws.String("Title")}, Type: types.TaskTemplateFieldTypeName},
						{Id: &types.TaskTemplateFieldIdentifier{Name: aws.String("Assign")}, Type: types.TaskTemplateFieldTypeQuickConnect}}})
				if err != nil {
					l.failure(err)
				} else {
					mine = append(mine, *out.Id)
					l.mu.Lock()
					l.acked[*out.Id] = desc
					l.mu.Unlock()
					l.ack(marks)
				}
			}
		}()
	}
	wg.Wait()
}

func (l *ledger) ack(marks []*mark) {
	n := l.n.Add(1)
	for _, m := range marks {
		if n >= m.n {
			m.once.Do(func() { close(m.ch) })
		}
	}
}

// await waits for m, failing the test if the node stops acknowledging writes altogether.
func await(t *testing.T, m *mark, what string) {
	t.Helper()
	select {
	case <-m.ch:
	case <-time.After(2 * time.Minute):
		t.Fatalf("no %d acknowledged writes %s within 2 minutes", m.n, what)
	}
}

// verify checks every acknowledged write is there after the restart.
func (l *ledger) verify(t *testing.T, c *connect.Client, inst string) {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	for id, desc := range l.acked {
		got, err := c.GetTaskTemplate(context.Background(), &connect.GetTaskTemplateInput{InstanceId: &inst, TaskTemplateId: &id})
		if err != nil {
			t.Fatalf("acknowledged template %s lost: %v", id, err)
		}
		if d := aws.ToString(got.Description); d != desc && !slices.Contains(l.pending[id], d) {
			t.Fatalf("template %s: description %q, acknowledged %q (unanswered since: %q)", id, d, desc, l.pending[id])
		}
	}
}

// crash runs rounds of: 16 writers, SIGKILL once n writes are acknowledged (and, when midway is given, a
// blow to the database's side first), restart on the same store, check every acknowledged write.
func crash(t *testing.T, store string, midway func(t *testing.T)) {
	args := []string{"--store", store, "--quota", "task-templates-per-instance=1000000"}
	p := startServe(t, nil, args...)
	c := connecttest.NewClient(p.URL, "123456789012", "us-east-1")
	inst, err := c.CreateInstance(context.Background(), &connect.CreateInstanceInput{IdentityManagementType: types.DirectoryTypeConnectManaged,
		InstanceAlias: aws.String("crash"), InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(true)})
	if err != nil {
		t.Fatal(err)
	}
	l := &ledger{acked: map[string]string{}, pending: map[string][]string{}}
	for round := 0; round < *crashRounds; round++ {
		base := l.n.Load()
		half, enough := newMark(base+int64(*crashWrites)/2), newMark(base+int64(*crashWrites))
		stop, done := make(chan struct{}), make(chan struct{})
		go func() { l.write(c, *inst.Id, round, []*mark{half, enough}, stop); close(done) }()
		if midway != nil {
			await(t, half, "before the strike")
			l.killing.Store(true) // requests in flight on the struck connections fail
			midway(t)
		}
		await(t, enough, "before the kill")
		l.killing.Store(true)
		if err := p.cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		p.cmd.Wait()
		close(stop)
		<-done
		l.killing.Store(false)
		if len(l.failed) > 0 {
			t.Fatalf("%d writes failed on a live server, e.g. %v", len(l.failed), l.failed[0])
		}
		p = startServe(t, nil, args...)
		c = connecttest.NewClient(p.URL, "123456789012", "us-east-1")
		l.verify(t, c, *inst.Id)
	}
	t.Logf("%d rounds, %d acknowledged writes, all kept", *crashRounds, l.n.Load())
}

func TestCrash_SIGKILLUnder16Writers(t *testing.T) {
	e2e.Require(t, "crash rounds: SIGKILL under 16 writers on each store")
	t.Run("sqlite", func(t *testing.T) {
		crash(t, "sqlite:"+filepath.Join(t.TempDir(), "crash.db"), nil)
	})
	t.Run("postgres node", func(t *testing.T) {
		crash(t, postgrestest.DSN(t), nil)
	})
	// The database's side of the crash without stopping the shared server: every connection of the node is
	// terminated (pg_terminate_backend) while the writers run, then the node is killed as well.
	t.Run("postgres connections terminated", func(t *testing.T) {
		app := fmt.Sprintf("connectlocal_crash_%d", os.Getpid())
		dsn := postgrestest.DSN(t) + "&application_name=" + app
		crash(t, dsn, func(t *testing.T) {
			conn, err := pgx.Connect(context.Background(), os.Getenv(postgrestest.EnvVar))
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close(context.Background())
			var killed int
			if err := conn.QueryRow(context.Background(),
				"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1", app).Scan(&killed); err != nil {
				t.Fatal(err)
			}
			if killed == 0 {
				t.Fatal("no connection of the node to terminate")
			}
			t.Logf("terminated %d backends of the node", killed)
		})
	})
}
