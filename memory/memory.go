package memory

import (
	"context"
	"crypto/rand"
	"errors"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/connectlocal/connectlocal"
)

// Store keeps everything in maps under one lock: Update is serialized, View runs under the read lock.
// Atomicity comes from an undo log: each write records its inverse, and a failed Update runs them backwards.
type Store struct {
	mu     sync.RWMutex
	secret []byte
	closed bool

	instances map[instKey]connectlocal.Instance
	instOrder map[connectlocal.Scope]*index
	aliases   map[string]instKey // region + lower(alias)

	templates  map[childKey][]connectlocal.TaskTemplate // every version, oldest first
	tmplOrder  map[instKey]*index
	tmplNames  map[instKey]map[string]string
	flows      map[childKey]connectlocal.ContactFlow
	flowOrder  map[instKey]*index
	flowNames  map[instKey]map[string]string
	contacts   map[childKey]connectlocal.Contact
	objects    map[objKey]connectlocal.Object // objects.go
	objOrder   map[kindKey]*index
	objNames   map[kindKey]map[string]string
	tags       map[tagKey]map[string]string
	tokens     map[tokenKey]token
	instTokens map[instKey][]tokenKey
}

type instKey struct {
	scope connectlocal.Scope
	id    string
}

type childKey struct {
	inst instKey
	id   string
}

type tagKey struct {
	scope connectlocal.Scope
	arn   string
}

type tokenKey struct {
	scope connectlocal.Scope
	key   connectlocal.TokenKey
}

type token struct {
	value   string
	expires time.Time
}

// New returns an empty store.
func New() *Store {
	secret := make([]byte, 32)
	rand.Read(secret)
	return &Store{
		secret:     secret,
		instances:  map[instKey]connectlocal.Instance{},
		instOrder:  map[connectlocal.Scope]*index{},
		aliases:    map[string]instKey{},
		templates:  map[childKey][]connectlocal.TaskTemplate{},
		tmplOrder:  map[instKey]*index{},
		tmplNames:  map[instKey]map[string]string{},
		flows:      map[childKey]connectlocal.ContactFlow{},
		flowOrder:  map[instKey]*index{},
		flowNames:  map[instKey]map[string]string{},
		contacts:   map[childKey]connectlocal.Contact{},
		objects:    map[objKey]connectlocal.Object{},
		objOrder:   map[kindKey]*index{},
		objNames:   map[kindKey]map[string]string{},
		tags:       map[tagKey]map[string]string{},
		tokens:     map[tokenKey]token{},
		instTokens: map[instKey][]tokenKey{},
	}
}

var errClosed = errors.New("memory store is closed")

// View runs fn under the read lock.
func (s *Store) View(ctx context.Context, fn func(connectlocal.Tx) error) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return errClosed
	}
	return fn(&tx{s: s})
}

// Update runs fn once under the one write lock (the key needs nothing finer) and undoes its writes if it fails.
// It refuses a write the key does not cover (tx.inInstance), as the Store contract asks.
func (s *Store) Update(ctx context.Context, key connectlocal.UpdateKey, fn func(connectlocal.Tx) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return errClosed
	}
	t := &tx{s: s, writable: true, key: key}
	undo := func() {
		for i := len(t.undo) - 1; i >= 0; i-- {
			t.undo[i]()
		}
	}
	defer func() {
		if p := recover(); p != nil {
			undo() // a panicking update keeps nothing either
			panic(p)
		}
	}()
	err := fn(t)
	if err != nil {
		undo()
	}
	return err
}

// Secret returns the store's random token key.
func (s *Store) Secret(context.Context) ([]byte, error) { return s.secret, nil }

// Ping always answers while the store is open.
func (s *Store) Ping(context.Context) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return errClosed
	}
	return nil
}

// Close drops nothing (the data dies with the process) but refuses later calls.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	return nil
}

// index keeps (CreatedTime, ID) pairs sorted for keyset pages.
type index struct{ items []entry }

type entry struct {
	at int64
	id string
}

func (e entry) less(o entry) bool { return e.at < o.at || (e.at == o.at && e.id < o.id) }

func (x *index) insert(e entry) {
	i := sort.Search(len(x.items), func(i int) bool { return !x.items[i].less(e) })
	x.items = slices.Insert(x.items, i, e)
}

func (x *index) remove(e entry) {
	i := sort.Search(len(x.items), func(i int) bool { return !x.items[i].less(e) })
	if i < len(x.items) && x.items[i] == e {
		x.items = slices.Delete(x.items, i, i+1)
	}
}

// after returns the position of the first item strictly after c.
func (x *index) after(c connectlocal.Cursor) int {
	if c.IsZero() {
		return 0
	}
	e := entry{c.CreatedTime.UnixNano(), c.ID}
	return sort.Search(len(x.items), func(i int) bool { return e.less(x.items[i]) })
}

func entryOf(t time.Time, id string) entry { return entry{t.UnixNano(), id} }

func notFound(what, id string) error {
	return connectlocal.Errorf(connectlocal.NotFound, "%s %s not found", what, id)
}

func aliasKey(region, alias string) string { return region + "\x00" + strings.ToLower(alias) }

func cloneMap[M ~map[K]V, K comparable, V any](m M) M {
	if len(m) == 0 {
		return nil
	}
	return maps.Clone(m)
}
