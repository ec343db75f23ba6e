// Package storetest is the conformance suite every connectlocal.Store passes: each backend's test is one
// call, storetest.Run(t, newStore), with a fresh store per subtest.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/connectlocal/connectlocal"
	"github.com/google/go-cmp/cmp"
)

var (
	ctx   = context.Background()
	scope = connectlocal.Scope{Account: "123456789012", Region: "us-east-1"}
	base  = time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	// everything is the key of the suite's own Updates, which write across instances.
	everything = connectlocal.UpdateKey{}
)

// Run runs the suite; newStore returns a fresh, empty store.
func Run(t *testing.T, newStore func(t *testing.T) connectlocal.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s connectlocal.Store)
	}{
		{"Instances", testInstances},
		{"InstanceAliasUnique", testInstanceAlias},
		{"TemplateVersions", testTemplateVersions},
		{"TemplateNamesUnique", testTemplateNames},
		{"TemplateListKeyset", testTemplateList},
		{"Flows", testFlows},
		{"Contacts", testContacts},
		{"TagsAndTokens", testTagsAndTokens},
		{"ScopeIsolation", testIsolation},
		{"DeleteInstanceCascades", testCascade},
		{"UpdateIsAtomic", testAtomic},
		{"UpdatePanicKeepsNothing", testPanic},
		{"ViewIsReadOnly", testReadOnly},
		{"Secret", testSecret},
		{"ConcurrentCreatesOneName", testConcurrentNames},
		{"ConcurrentUpdatesLoseNothing", testConcurrentUpdates},
		{"ReturnedValuesBelongToCaller", testOwnership},
		{"ServiceRerunsSafely", testRerun},
		{"RetentionTx", testRetentionTx},
		{"RetentionBounds", testRetention},
		{"PutInstance", testPutInstance}, {"ListContacts", testListContacts}, // records.go
		{"State", testState},               // state.go
		{"Objects", testObjects},           // objects.go
		{"UpdateKeyCovers", testKeyCovers}, // keys.go
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newStore(t)
			t.Cleanup(func() { s.Close() })
			tc.fn(t, s)
		})
	}
}

func update(t *testing.T, s connectlocal.Store, fn func(connectlocal.Tx) error) {
	t.Helper()
	if err := s.Update(ctx, everything, fn); err != nil {
		t.Fatalf("Update: %v", err)
	}
}

func view(t *testing.T, s connectlocal.Store, fn func(connectlocal.Tx) error) {
	t.Helper()
	if err := s.View(ctx, fn); err != nil {
		t.Fatalf("View: %v", err)
	}
}

func wantCode(t *testing.T, err error, code connectlocal.Code) {
	t.Helper()
	if err == nil || connectlocal.CodeOf(err) != code {
		t.Fatalf("want %s, got %v", code, err)
	}
}

func instance(id, alias string, at int) connectlocal.Instance {
	return connectlocal.Instance{ID: id, IdentityManagementType: "CONNECT_MANAGED", Alias: alias, InboundCallsEnabled: true,
		Status: "ACTIVE", ServiceRole: "role", CreatedTime: base.Add(time.Duration(at) * time.Second)}
}

func template(inst, id, name string, at int) connectlocal.TaskTemplate {
	return connectlocal.TaskTemplate{InstanceID: inst, ID: id, Name: name, Description: "d", ContactFlowID: "flow",
		Fields: []connectlocal.Field{{Name: "N", Type: connectlocal.FieldName, Description: "x"},
			{Name: "S", Type: connectlocal.FieldSingleSelect, SingleSelectOptions: []string{"a", "b"}}},
		Constraints: connectlocal.Constraints{RequiredFields: []string{"N"}, ReadOnlyFields: []string{"S"}, InvisibleFields: []string{"S"}},
		Defaults:    []connectlocal.DefaultFieldValue{{Name: "S", Value: "a"}},
		Status:      connectlocal.StatusActive, CreatedTime: base.Add(time.Duration(at) * time.Second),
		LastModifiedTime: base.Add(time.Duration(at) * time.Second), Version: 1}
}

func diff(t *testing.T, what string, want, got any) {
	t.Helper()
	if d := cmp.Diff(want, got); d != "" {
		t.Fatalf("%s (-want +got):\n%s", what, d)
	}
}

func testInstances(t *testing.T, s connectlocal.Store) {
	a, b := instance("a", "alpha", 2), instance("b", "", 1)
	a.DirectoryID, a.OutboundCallsEnabled = "d-1234567890", true
	update(t, s, func(tx connectlocal.Tx) error {
		if err := tx.CreateInstance(scope, a); err != nil {
			return err
		}
		return tx.CreateInstance(scope, b)
	})
	view(t, s, func(tx connectlocal.Tx) error {
		got, err := tx.GetInstance(scope, "a")
		if err != nil {
			return err
		}
		diff(t, "instance", a, got)
		_, err = tx.GetInstance(scope, "zzz")
		wantCode(t, err, connectlocal.NotFound)
		list, err := tx.ListInstances(scope, connectlocal.Cursor{}, 10)
		if err != nil {
			return err
		}
		diff(t, "list", []connectlocal.Instance{b, a}, list)
		list, err = tx.ListInstances(scope, connectlocal.Cursor{CreatedTime: b.CreatedTime, ID: b.ID}, 10)
		if err != nil {
			return err
		}
		diff(t, "page 2", []connectlocal.Instance{a}, list)
		n, err := tx.CountInstances(scope)
		if err != nil || n != 2 {
			t.Fatalf("count %d", n)
		}
		return err
	})
	update(t, s, func(tx connectlocal.Tx) error { return tx.DeleteInstance(scope, "a") })
	wantCode(t, s.Update(ctx, everything, func(tx connectlocal.Tx) error { return tx.DeleteInstance(scope, "a") }), connectlocal.NotFound)
}

func testInstanceAlias(t *testing.T, s connectlocal.Store) {
	update(t, s, func(tx connectlocal.Tx) error { return tx.CreateInstance(scope, instance("a", "Support", 1)) })
	other := connectlocal.Scope{Account: "210987654321", Region: "us-east-1"}
	wantCode(t, s.Update(ctx, everything, func(tx connectlocal.Tx) error { return tx.CreateInstance(other, instance("b", "support", 2)) }), connectlocal.AlreadyExists)
	// Another region may use it; deleting frees it.
	update(t, s, func(tx connectlocal.Tx) error {
		return tx.CreateInstance(connectlocal.Scope{Account: "123456789012", Region: "eu-west-1"}, instance("c", "support", 3))
	})
	update(t, s, func(tx connectlocal.Tx) error { return tx.DeleteInstance(scope, "a") })
	update(t, s, func(tx connectlocal.Tx) error { return tx.CreateInstance(other, instance("b", "SUPPORT", 2)) })
}

func testTemplateVersions(t *testing.T, s connectlocal.Store) {
	v1 := template("i", "t", "one", 1)
	v2 := v1
	v2.Name, v2.Version, v2.Fields, v2.Defaults, v2.Status = "two", 2, v1.Fields[:1], nil, connectlocal.StatusInactive
	v2.Constraints = connectlocal.Constraints{RequiredFields: []string{"N"}}
	update(t, s, func(tx connectlocal.Tx) error { return tx.PutTaskTemplate(scope, v1) })
	update(t, s, func(tx connectlocal.Tx) error { return tx.PutTaskTemplate(scope, v2) })
	wantCode(t, s.Update(ctx, everything, func(tx connectlocal.Tx) error {
		v := v2
		v.Version = 4 // must be latest+1
		return tx.PutTaskTemplate(scope, v)
	}), connectlocal.Internal)
	view(t, s, func(tx connectlocal.Tx) error {
		for version, want := range map[int64]connectlocal.TaskTemplate{0: v2, 1: v1, 2: v2} {
			got, err := tx.GetTaskTemplate(scope, "i", "t", version)
			if err != nil {
				return err
			}
			diff(t, fmt.Sprint("version ", version), want, got)
		}
		_, err := tx.GetTaskTemplate(scope, "i", "t", 3)
		wantCode(t, err, connectlocal.NotFound)
		_, err = tx.GetTaskTemplate(scope, "i", "nope", 0)
		wantCode(t, err, connectlocal.NotFound)
		n, err := tx.CountTaskTemplates(scope, "i")
		if err != nil || n != 1 {
			t.Fatalf("count %d", n)
		}
		return err
	})
	update(t, s, func(tx connectlocal.Tx) error { return tx.DeleteTaskTemplate(scope, "i", "t") })
	view(t, s, func(tx connectlocal.Tx) error {
		_, err := tx.GetTaskTemplate(scope, "i", "t", 1)
		wantCode(t, err, connectlocal.NotFound)
		if n, err := tx.CountTaskTemplates(scope, "i"); err != nil || n != 0 {
			t.Errorf("count after delete: %d", n)
		}
		return nil
	})
	wantCode(t, s.Update(ctx, everything, func(tx connectlocal.Tx) error { return tx.DeleteTaskTemplate(scope, "i", "t") }), connectlocal.NotFound)
}

func testTemplateNames(t *testing.T, s connectlocal.Store) {
	update(t, s, func(tx connectlocal.Tx) error { return tx.PutTaskTemplate(scope, template("i", "a", "A", 1)) })
	update(t, s, func(tx connectlocal.Tx) error { return tx.PutTaskTemplate(scope, template("i", "b", "B", 2)) })
	update(t, s, func(tx connectlocal.Tx) error { return tx.PutTaskTemplate(scope, template("j", "c", "A", 3)) }) // other instance
	wantCode(t, s.Update(ctx, everything, func(tx connectlocal.Tx) error { return tx.PutTaskTemplate(scope, template("i", "d", "A", 4)) }), connectlocal.AlreadyExists)
	rename := template("i", "b", "A", 2)
	rename.Version = 2
	wantCode(t, s.Update(ctx, everything, func(tx connectlocal.Tx) error { return tx.PutTaskTemplate(scope, rename) }), connectlocal.AlreadyExists)
	update(t, s, func(tx connectlocal.Tx) error { return tx.DeleteTaskTemplate(scope, "i", "a") })
	update(t, s, func(tx connectlocal.Tx) error { return tx.PutTaskTemplate(scope, rename) }) // the name is free again
	view(t, s, func(tx connectlocal.Tx) error {
		got, err := tx.ListTaskTemplates(scope, "i", connectlocal.TemplateFilter{Name: "A"}, connectlocal.Cursor{}, 10)
		if err != nil || len(got) != 1 || got[0].ID != "b" {
			t.Fatalf("by name: %v", got)
		}
		got, err = tx.ListTaskTemplates(scope, "i", connectlocal.TemplateFilter{Name: "A", Status: connectlocal.StatusInactive}, connectlocal.Cursor{}, 10)
		if err != nil || len(got) != 0 {
			t.Fatalf("by name and status: %v %v", got, err)
		}
		return err
	})
}

func testTemplateList(t *testing.T, s connectlocal.Store) {
	var ids []string
	update(t, s, func(tx connectlocal.Tx) error {
		for i := 0; i < 30; i++ {
			// Pairs share a CreatedTime: ties are broken by ID.
			tmpl := template("i", fmt.Sprintf("id-%02d", 29-i), fmt.Sprint("n", i), i/2)
			if i%3 == 0 {
				tmpl.Status = connectlocal.StatusInactive
			}
			if err := tx.PutTaskTemplate(scope, tmpl); err != nil {
				return err
			}
		}
		return nil
	})
	for i := 0; i < 15; i++ { // expected order: by time, then id
		ids = append(ids, fmt.Sprintf("id-%02d", 29-2*i-1), fmt.Sprintf("id-%02d", 29-2*i))
	}
	var got []string
	after := connectlocal.Cursor{}
	view(t, s, func(tx connectlocal.Tx) error {
		for {
			page, err := tx.ListTaskTemplates(scope, "i", connectlocal.TemplateFilter{}, after, 7)
			if err != nil {
				return err
			}
			if len(page) == 0 {
				break
			}
			for _, p := range page {
				got = append(got, p.ID)
			}
			last := page[len(page)-1]
			after = connectlocal.Cursor{CreatedTime: last.CreatedTime, ID: last.ID}
		}
		inactive, err := tx.ListTaskTemplates(scope, "i", connectlocal.TemplateFilter{Status: connectlocal.StatusInactive}, connectlocal.Cursor{}, 100)
		if err != nil || len(inactive) != 10 {
			t.Fatalf("INACTIVE: %d", len(inactive))
		}
		return err
	})
	diff(t, "keyset order", ids, got)
}

func testFlows(t *testing.T, s connectlocal.Store) {
	f := connectlocal.ContactFlow{InstanceID: "i", ID: "f", Name: "Main", Type: "CONTACT_FLOW", Description: "d", Content: "{}",
		Status: "PUBLISHED", Published: true, CreatedTime: base, LastModifiedTime: base}
	g := f
	g.ID, g.Name, g.Type, g.CreatedTime = "g", "Whisper", "AGENT_WHISPER", base.Add(time.Second)
	update(t, s, func(tx connectlocal.Tx) error {
		if err := tx.PutContactFlow(scope, f); err != nil {
			return err
		}
		return tx.PutContactFlow(scope, g)
	})
	dup := f
	dup.ID = "h"
	wantCode(t, s.Update(ctx, everything, func(tx connectlocal.Tx) error { return tx.PutContactFlow(scope, dup) }), connectlocal.AlreadyExists)
	f.Content = `{"v":2}`
	update(t, s, func(tx connectlocal.Tx) error { return tx.PutContactFlow(scope, f) }) // replace keeps its name
	view(t, s, func(tx connectlocal.Tx) error {
		got, err := tx.GetContactFlow(scope, "i", "f")
		if err != nil {
			return err
		}
		diff(t, "flow", f, got)
		whisper, err := tx.ListContactFlows(scope, "i", []string{"AGENT_WHISPER"}, connectlocal.Cursor{}, 10)
		if err != nil || len(whisper) != 1 || whisper[0].ID != "g" {
			t.Fatalf("type filter: %v", whisper)
		}
		all, err := tx.ListContactFlows(scope, "i", nil, connectlocal.Cursor{}, 10)
		if err != nil || len(all) != 2 {
			t.Fatalf("all: %v", all)
		}
		n, err := tx.CountContactFlows(scope, "i")
		if err != nil || n != 2 {
			t.Fatalf("count %d", n)
		}
		return err
	})
	update(t, s, func(tx connectlocal.Tx) error { return tx.DeleteContactFlow(scope, "i", "f") })
	view(t, s, func(tx connectlocal.Tx) error {
		if n, err := tx.CountContactFlows(scope, "i"); err != nil || n != 1 {
			t.Errorf("flow count after delete: %d", n)
		}
		return nil
	})
	wantCode(t, s.View(ctx, func(tx connectlocal.Tx) error { _, err := tx.GetContactFlow(scope, "i", "f"); return err }), connectlocal.NotFound)
}

func testContacts(t *testing.T, s connectlocal.Store) {
	c := connectlocal.Contact{InstanceID: "i", ID: "c1", InitialContactID: "c1", Name: "n", Description: "d", ContactFlowID: "f",
		InitiationTimestamp: base, ExpiryMinutes: 60, Attributes: map[string]string{"a": "b"},
		References: map[string]connectlocal.Reference{"r": {Type: "URL", Value: "https://x"}}, SegmentAttributes: []byte(`{"k":1}`),
		TaskTemplateID: "t", TaskTemplateVersion: 3, TaskTemplateName: "T"}
	c2 := connectlocal.Contact{InstanceID: "i", ID: "c2", InitialContactID: "c1", PreviousContactID: "c1", InitiationTimestamp: base,
		ScheduledTimestamp: base.Add(time.Hour)}
	c3 := c2
	c3.ID, c3.DisconnectTimestamp, c3.DisconnectReason = "c3", base.Add(time.Minute), "API"
	update(t, s, func(tx connectlocal.Tx) error {
		for _, x := range []connectlocal.Contact{c, c2, c3} {
			if err := tx.PutContact(scope, x); err != nil {
				return err
			}
		}
		return nil
	})
	view(t, s, func(tx connectlocal.Tx) error {
		got, err := tx.GetContact(scope, "i", "c1")
		if err != nil {
			return err
		}
		diff(t, "contact", c, got)
		for at, want := range map[time.Duration]int{0: 2, 61 * time.Minute: 1, 8 * 24 * time.Hour: 0} {
			n, err := tx.CountActiveContacts(scope, "i", base.Add(at))
			if err != nil {
				return err
			}
			if n != want {
				t.Errorf("active at +%v: %d, want %d", at, n, want)
			}
		}
		n, err := tx.CountContactsWithPrevious(scope, "i", "c1")
		if err != nil || n != 2 {
			t.Fatalf("with previous: %d", n)
		}
		_, err2 := tx.GetContact(scope, "i", "nope")
		wantCode(t, err2, connectlocal.NotFound)
		return err
	})
}

func testTagsAndTokens(t *testing.T, s connectlocal.Store) {
	key := connectlocal.TokenKey{Operation: "Op", InstanceID: "i", Token: "tok"}
	update(t, s, func(tx connectlocal.Tx) error {
		if err := tx.PutTags(scope, "arn:x", map[string]string{"a": "1", "b": ""}); err != nil {
			return err
		}
		return tx.PutToken(scope, key, "value", base.Add(time.Hour))
	})
	view(t, s, func(tx connectlocal.Tx) error {
		tags, err := tx.Tags(scope, "arn:x")
		if err != nil {
			return err
		}
		diff(t, "tags", map[string]string{"a": "1", "b": ""}, tags)
		if none, err := tx.Tags(scope, "arn:y"); err != nil || none != nil {
			t.Fatalf("no tags should be nil, got %v", none)
		}
		v, ok, err := tx.Token(scope, key, base)
		if err != nil || !ok || v != "value" {
			t.Fatalf("token: %q %v %v", v, ok, err)
		}
		if _, ok, err := tx.Token(scope, key, base.Add(2*time.Hour)); err != nil || ok {
			t.Fatal("expired token still answers")
		}
		if _, ok, err := tx.Token(scope, connectlocal.TokenKey{Operation: "Other", InstanceID: "i", Token: "tok"}, base); err != nil || ok {
			t.Fatal("token answers for another operation")
		}
		return nil
	})
	update(t, s, func(tx connectlocal.Tx) error { return tx.PutTags(scope, "arn:x", map[string]string{}) })
	view(t, s, func(tx connectlocal.Tx) error {
		if tags, err := tx.Tags(scope, "arn:x"); err != nil || tags != nil {
			t.Fatalf("empty map did not remove tags: %v", tags)
		}
		return nil
	})
}

func testIsolation(t *testing.T, s connectlocal.Store) {
	update(t, s, func(tx connectlocal.Tx) error {
		if err := tx.CreateInstance(scope, instance("i", "", 1)); err != nil {
			return err
		}
		if err := tx.PutTaskTemplate(scope, template("i", "t", "T", 1)); err != nil {
			return err
		}
		return tx.PutTags(scope, "arn:x", map[string]string{"a": "b"})
	})
	for _, other := range []connectlocal.Scope{{Account: "210987654321", Region: "us-east-1"}, {Account: "123456789012", Region: "eu-west-1"}} {
		view(t, s, func(tx connectlocal.Tx) error {
			_, err := tx.GetInstance(other, "i")
			wantCode(t, err, connectlocal.NotFound)
			_, err = tx.GetTaskTemplate(other, "i", "t", 0)
			wantCode(t, err, connectlocal.NotFound)
			list, err1 := tx.ListTaskTemplates(other, "i", connectlocal.TemplateFilter{}, connectlocal.Cursor{}, 10)
			insts, err2 := tx.ListInstances(other, connectlocal.Cursor{}, 10)
			tags, err3 := tx.Tags(other, "arn:x")
			if err := errors.Join(err1, err2, err3); err != nil {
				return err
			}
			if len(list)+len(insts)+len(tags) != 0 {
				t.Fatalf("%v sees %v %v %v", other, list, insts, tags)
			}
			return nil
		})
		// The same template name in another scope is no clash.
		update(t, s, func(tx connectlocal.Tx) error { return tx.PutTaskTemplate(other, template("i", "t2", "T", 1)) })
	}
}

func testCascade(t *testing.T, s connectlocal.Store) {
	key := connectlocal.TokenKey{Operation: "CreateTaskTemplate", InstanceID: "i", Token: "tok"}
	keep := connectlocal.TokenKey{Operation: "CreateInstance", Token: "tok"}
	update(t, s, func(tx connectlocal.Tx) error {
		for _, fn := range []func() error{
			func() error { return tx.CreateInstance(scope, instance("i", "casc", 1)) },
			func() error { return tx.CreateInstance(scope, instance("j", "other", 2)) },
			func() error { return tx.PutTaskTemplate(scope, template("i", "t", "T", 1)) },
			func() error { return tx.PutTaskTemplate(scope, template("j", "t", "T", 1)) },
			func() error {
				return tx.PutContactFlow(scope, connectlocal.ContactFlow{InstanceID: "i", ID: "f", Name: "F", Type: "CONTACT_FLOW", CreatedTime: base})
			},
			func() error {
				return tx.PutContact(scope, connectlocal.Contact{InstanceID: "i", ID: "c", InitiationTimestamp: base})
			},
			func() error { return tx.PutTags(scope, scope.InstanceARN("i"), map[string]string{"a": "b"}) },
			func() error { return tx.PutTags(scope, scope.TaskTemplateARN("i", "t"), map[string]string{"a": "b"}) },
			func() error { return tx.PutTags(scope, scope.ContactFlowARN("i", "f"), map[string]string{"a": "b"}) },
			func() error { return tx.PutTags(scope, scope.TaskTemplateARN("j", "t"), map[string]string{"a": "b"}) },
			func() error { return tx.PutToken(scope, key, "t", base.Add(time.Hour)) },
			func() error { return tx.PutToken(scope, keep, "i", base.Add(time.Hour)) },
		} {
			if err := fn(); err != nil {
				return err
			}
		}
		return nil
	})
	update(t, s, func(tx connectlocal.Tx) error { return tx.DeleteInstance(scope, "i") })
	view(t, s, func(tx connectlocal.Tx) error {
		_, err := tx.GetTaskTemplate(scope, "i", "t", 1)
		wantCode(t, err, connectlocal.NotFound)
		_, err = tx.GetContactFlow(scope, "i", "f")
		wantCode(t, err, connectlocal.NotFound)
		_, err = tx.GetContact(scope, "i", "c")
		wantCode(t, err, connectlocal.NotFound)
		for _, arn := range []string{scope.InstanceARN("i"), scope.TaskTemplateARN("i", "t"), scope.ContactFlowARN("i", "f")} {
			if tags, err := tx.Tags(scope, arn); err != nil || tags != nil {
				t.Errorf("tags of %s survive: %v", arn, tags)
			}
		}
		if _, ok, err := tx.Token(scope, key, base); err != nil || ok {
			t.Error("the instance's token survives")
		}
		if _, ok, err := tx.Token(scope, keep, base); err != nil || !ok {
			t.Error("a token outside the instance was deleted")
		}
		if tags, err := tx.Tags(scope, scope.TaskTemplateARN("j", "t")); err != nil || tags == nil {
			t.Error("another instance's tags were deleted")
		}
		if _, err := tx.GetTaskTemplate(scope, "j", "t", 0); err != nil {
			t.Errorf("another instance's template: %v", err)
		}
		for _, c := range []func() (int, error){
			func() (int, error) { return tx.CountTaskTemplates(scope, "i") },
			func() (int, error) { return tx.CountContactFlows(scope, "i") },
		} {
			if n, err := c(); err != nil || n != 0 {
				t.Errorf("a count of the deleted instance is %d", n)
			}
		}
		if n, err := tx.CountTaskTemplates(scope, "j"); err != nil || n != 1 {
			t.Errorf("another instance's count is %d", n)
		}
		return nil
	})
}

func testAtomic(t *testing.T, s connectlocal.Store) {
	update(t, s, func(tx connectlocal.Tx) error { return tx.CreateInstance(scope, instance("i", "atomic", 1)) })
	update(t, s, func(tx connectlocal.Tx) error { return tx.PutTaskTemplate(scope, template("i", "t", "T", 1)) })
	boom := errors.New("boom")
	err := s.Update(ctx, everything, func(tx connectlocal.Tx) error {
		if err := tx.PutTaskTemplate(scope, template("i", "u", "U", 2)); err != nil {
			return err
		}
		v2 := template("i", "t", "T2", 1)
		v2.Version = 2
		if err := tx.PutTaskTemplate(scope, v2); err != nil {
			return err
		}
		if err := tx.PutTags(scope, "arn:x", map[string]string{"a": "b"}); err != nil {
			return err
		}
		if err := tx.DeleteInstance(scope, "i"); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Update returned %v, want fn's error", err)
	}
	view(t, s, func(tx connectlocal.Tx) error {
		if _, err := tx.GetInstance(scope, "i"); err != nil {
			t.Errorf("deleted instance not restored: %v", err)
		}
		if _, err := tx.GetTaskTemplate(scope, "i", "u", 0); connectlocal.CodeOf(err) != connectlocal.NotFound {
			t.Errorf("template of a failed Update kept: %v", err)
		}
		got, err := tx.GetTaskTemplate(scope, "i", "t", 0)
		if err != nil || got.Name != "T" || got.Version != 1 {
			t.Errorf("template after failed update: %+v %v", got, err)
		}
		if tags, err := tx.Tags(scope, "arn:x"); err != nil || tags != nil {
			t.Errorf("tags of a failed Update kept")
		}
		return nil
	})
	// The name the failed Update used is free.
	update(t, s, func(tx connectlocal.Tx) error { return tx.PutTaskTemplate(scope, template("i", "v", "U", 3)) })
}

func testReadOnly(t *testing.T, s connectlocal.Store) {
	err := s.View(ctx, func(tx connectlocal.Tx) error { return tx.CreateInstance(scope, instance("i", "", 1)) })
	if err == nil {
		t.Fatal("a write inside View succeeded")
	}
	view(t, s, func(tx connectlocal.Tx) error {
		_, err := tx.GetInstance(scope, "i")
		wantCode(t, err, connectlocal.NotFound)
		return nil
	})
}

func testSecret(t *testing.T, s connectlocal.Store) {
	a, err := s.Secret(ctx)
	if err != nil || len(a) != 32 {
		t.Fatalf("secret: %d bytes, %v", len(a), err)
	}
	b, err := s.Secret(ctx)
	if err != nil || string(a) != string(b) {
		t.Fatal("secret changed between calls")
	}
	if err := s.Ping(ctx); err != nil {
		t.Fatal(err)
	}
}

func testConcurrentNames(t *testing.T, s connectlocal.Store) {
	const n = 8
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = s.Update(ctx, connectlocal.InstanceKey(scope, "i"), func(tx connectlocal.Tx) error {
				return tx.PutTaskTemplate(scope, template("i", fmt.Sprint("t", i), "same", i))
			})
		}()
	}
	wg.Wait()
	wins := 0
	for _, err := range errs {
		if err == nil {
			wins++
		} else if connectlocal.CodeOf(err) != connectlocal.AlreadyExists {
			t.Errorf("loser got %v, want AlreadyExists", err)
		}
	}
	if wins != 1 {
		t.Fatalf("%d creates of one name won, want 1", wins)
	}
}

func testConcurrentUpdates(t *testing.T, s connectlocal.Store) {
	update(t, s, func(tx connectlocal.Tx) error { return tx.PutTaskTemplate(scope, template("i", "t", "T", 1)) })
	const n = 10
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := s.Update(ctx, connectlocal.InstanceKey(scope, "i"), func(tx connectlocal.Tx) error {
				cur, err := tx.GetTaskTemplate(scope, "i", "t", 0)
				if err != nil {
					return err
				}
				cur.Version++
				return tx.PutTaskTemplate(scope, cur)
			})
			if err != nil {
				t.Errorf("update: %v", err)
			}
		}()
	}
	wg.Wait()
	view(t, s, func(tx connectlocal.Tx) error {
		got, err := tx.GetTaskTemplate(scope, "i", "t", 0)
		if err != nil || got.Version != n+1 {
			t.Fatalf("version %d after %d concurrent updates, want %d", got.Version, n, n+1)
		}
		return err
	})
}

// A panicking Update keeps nothing and leaves the store writable (a panic reaches the server's recover).
func testPanic(t *testing.T, s connectlocal.Store) {
	func() {
		defer func() { recover() }()
		err := s.Update(ctx, everything, func(tx connectlocal.Tx) error {
			if err := tx.CreateInstance(scope, instance("p", "panicky", 1)); err != nil {
				return err
			}
			panic("boom")
		})
		if err == nil { // a backend may pass the panic on or return it as an error, never succeed
			t.Error("a panicking Update returned nil")
		}
	}()
	view(t, s, func(tx connectlocal.Tx) error {
		_, err := tx.GetInstance(scope, "p")
		wantCode(t, err, connectlocal.NotFound)
		return nil
	})
	update(t, s, func(tx connectlocal.Tx) error { return tx.CreateInstance(scope, instance("p", "panicky", 1)) })
}
