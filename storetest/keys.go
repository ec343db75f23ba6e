package storetest

import (
	"fmt"
	"testing"
	"time"

	"github.com/connectlocal/connectlocal"
)

// keyWrite is one write and the narrowest key that covers it (connectlocal.UpdateKey).
type keyWrite struct {
	name string
	key  connectlocal.UpdateKey
	fn   func(tx connectlocal.Tx) error
}

// keyWrites returns every writer of Tx under the key that covers it, on instance "i" (which exists) of
// scope; other is another instance of scope that exists too.
func keyWrites() []keyWrite {
	inst := connectlocal.InstanceKey(scope, "i")
	scopeKey := connectlocal.ScopeKey(scope)
	later := base.Add(time.Hour)
	return []keyWrite{
		{"CreateInstance", scopeKey, func(tx connectlocal.Tx) error { return tx.CreateInstance(scope, instance("n", "", 9)) }},
		{"CreateInstance then its tags and tokens", scopeKey, func(tx connectlocal.Tx) error {
			if err := tx.CreateInstance(scope, instance("n", "", 9)); err != nil {
				return err
			}
			if err := tx.PutTags(scope, scope.InstanceARN("n"), map[string]string{"k": "v"}); err != nil {
				return err
			}
			return tx.PutToken(scope, connectlocal.TokenKey{Operation: "Op", InstanceID: "n", Token: "t"}, "v", later)
		}},
		{"PutInstance", inst, func(tx connectlocal.Tx) error { return tx.PutInstance(scope, instance("i", "", 1)) }},
		{"DeleteInstance and its scope-level token", inst, func(tx connectlocal.Tx) error {
			if err := tx.DeleteInstance(scope, "i"); err != nil {
				return err
			}
			return tx.PutToken(scope, connectlocal.TokenKey{Operation: "DeleteInstance", Token: "t"}, "i", later)
		}},
		{"PutTaskTemplate", inst, func(tx connectlocal.Tx) error { return tx.PutTaskTemplate(scope, template("i", "t", "T", 1)) }},
		{"PutContactFlow", inst, func(tx connectlocal.Tx) error {
			return tx.PutContactFlow(scope, connectlocal.ContactFlow{InstanceID: "i", ID: "f", Name: "F", Type: "CONTACT_FLOW", CreatedTime: base})
		}},
		{"PutContact", inst, func(tx connectlocal.Tx) error {
			return tx.PutContact(scope, connectlocal.Contact{InstanceID: "i", ID: "c", Name: "C", InitiationTimestamp: base})
		}},
		{"PutObject", inst, func(tx connectlocal.Tx) error {
			return tx.PutObject(scope, connectlocal.Object{InstanceID: "i", Kind: connectlocal.KindQueue, ID: "q", Name: "Q", CreatedTime: base, Doc: []byte(`{}`)})
		}},
		{"PutTags", inst, func(tx connectlocal.Tx) error {
			return tx.PutTags(scope, scope.TaskTemplateARN("i", "t"), map[string]string{"k": "v"})
		}},
		{"PutToken in the instance", inst, func(tx connectlocal.Tx) error {
			return tx.PutToken(scope, connectlocal.TokenKey{Operation: "Op", InstanceID: "i", Token: "t"}, "v", later)
		}},
		{"PutToken in the scope", scopeKey, func(tx connectlocal.Tx) error {
			return tx.PutToken(scope, connectlocal.TokenKey{Operation: "Op", Token: "t"}, "v", later)
		}},
		{"DeleteScopeTokens", scopeKey, func(tx connectlocal.Tx) error { _, err := tx.DeleteScopeTokens(scope); return err }},
		{"DeleteEndedContacts", inst, func(tx connectlocal.Tx) error {
			_, err := tx.DeleteEndedContacts(scope, "i", later, later, 10)
			return err
		}},
	}
}

// keyFixture creates instances "i" and "o" of scope.
func keyFixture(t *testing.T, s connectlocal.Store) {
	t.Helper()
	update(t, s, func(tx connectlocal.Tx) error {
		if err := tx.CreateInstance(scope, instance("i", "", 1)); err != nil {
			return err
		}
		return tx.CreateInstance(scope, instance("o", "", 2))
	})
}

// testKeyCovers: every writer succeeds under the narrowest key that covers it (the keys Service gives).
func testKeyCovers(t *testing.T, s connectlocal.Store) {
	keyFixture(t, s)
	for _, w := range keyWrites() {
		if err := s.Update(ctx, w.key, w.fn); err != nil {
			t.Fatalf("%s under %+v: %v", w.name, w.key, err)
		}
		update(t, s, func(tx connectlocal.Tx) error { // back to the fixture for the next write
			for _, id := range []string{"i", "o", "n"} {
				if err := tx.DeleteInstance(scope, id); err != nil && connectlocal.CodeOf(err) != connectlocal.NotFound {
					return err
				}
			}
			if _, err := tx.DeleteScopeTokens(scope); err != nil {
				return err
			}
			if err := tx.CreateInstance(scope, instance("i", "", 1)); err != nil {
				return err
			}
			return tx.CreateInstance(scope, instance("o", "", 2))
		})
	}
}

// RunKeyRefusals is the suite of a store that refuses a write its Update's key does not cover (the memory
// store does, so that every test on it guards the rule PostgreSQL relies on): each writer under another
// instance's key, and under the wrong level of key, answers Internal and keeps nothing.
func RunKeyRefusals(t *testing.T, newStore func(t *testing.T) connectlocal.Store) {
	otherScope := connectlocal.Scope{Account: "210987654321", Region: "us-east-1"}
	for _, w := range keyWrites() {
		var wrong []connectlocal.UpdateKey
		if w.key.InstanceID != "" {
			wrong = []connectlocal.UpdateKey{connectlocal.InstanceKey(scope, "o"), connectlocal.ScopeKey(scope), connectlocal.InstanceKey(otherScope, "i")}
		} else {
			wrong = []connectlocal.UpdateKey{connectlocal.InstanceKey(scope, "o"), connectlocal.ScopeKey(otherScope)}
		}
		for _, key := range wrong {
			t.Run(fmt.Sprintf("%s under %s/%s", w.name, key.Scope.Account, key.InstanceID), func(t *testing.T) {
				s := newStore(t)
				t.Cleanup(func() { s.Close() })
				keyFixture(t, s)
				wantCode(t, s.Update(ctx, key, w.fn), connectlocal.Internal)
				if err := s.Update(ctx, w.key, w.fn); err != nil { // nothing was kept: the write still succeeds
					t.Fatalf("under its own key after the refusal: %v", err)
				}
			})
		}
	}
}
