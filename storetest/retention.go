package storetest

import (
	"fmt"
	"testing"
	"time"

	"github.com/connectlocal/connectlocal"
)

// testRetentionTx checks the RetentionTx methods directly.
func testRetentionTx(t *testing.T, s connectlocal.Store) {
	for v := int64(1); v <= 5; v++ {
		tmpl := template("i", "t", "T", 1)
		tmpl.Version = v
		update(t, s, func(tx connectlocal.Tx) error { return tx.PutTaskTemplate(scope, tmpl) })
	}
	for _, below := range []int64{4, 99} { // 99: all but the latest
		update(t, s, func(tx connectlocal.Tx) error { return tx.DeleteTaskTemplateVersionsBefore(scope, "i", "t", below) })
		view(t, s, func(tx connectlocal.Tx) error {
			for v := int64(0); v <= 5; v++ {
				got, err := tx.GetTaskTemplate(scope, "i", "t", v)
				switch {
				case v >= 1 && v < min(below, 5):
					wantCode(t, err, connectlocal.NotFound)
				case err != nil:
					return fmt.Errorf("below %d, version %d: %w", below, v, err)
				case v == 0 && got.Version != 5:
					t.Errorf("latest is version %d, want 5", got.Version)
				}
			}
			return nil
		})
	}
	now := base.Add(24 * time.Hour)
	contact := func(id string, expiresIn time.Duration, stopped bool) connectlocal.Contact {
		c := connectlocal.Contact{InstanceID: "i", ID: id, InitiationTimestamp: base, ExpiryMinutes: int(expiresIn / time.Minute)}
		if stopped {
			c.DisconnectTimestamp, c.DisconnectReason = base.Add(time.Minute), "API"
		}
		return c
	}
	all := []connectlocal.Contact{contact("stopped-1h", time.Hour, true), contact("expired-10m", 10*time.Minute, false),
		contact("active", 7*24*time.Hour, false), contact("stopped-2h", 2*time.Hour, true), contact("stopped-late", 3*24*time.Hour, true)}
	update(t, s, func(tx connectlocal.Tx) error {
		for _, c := range all {
			if err := tx.PutContact(scope, c); err != nil {
				return err
			}
		}
		return tx.PutContact(scope, all[2]) // a replace counts nothing
	})
	count := func(want int) {
		t.Helper()
		view(t, s, func(tx connectlocal.Tx) error {
			if n, err := tx.CountContacts(scope, "i"); err != nil || n != want {
				t.Fatalf("CountContacts = %d, %v; want %d", n, err, want)
			}
			return nil
		})
	}
	count(5)
	deleted := func(before time.Time, limit, want int) {
		t.Helper()
		update(t, s, func(tx connectlocal.Tx) error {
			n, err := tx.DeleteEndedContacts(scope, "i", now, before, limit)
			if err == nil && n != want {
				t.Fatalf("DeleteEndedContacts deleted %d, want %d", n, want)
			}
			return err
		})
	}
	deleted(base.Add(time.Hour+time.Minute), 10, 2) // the two that expire within the hour; not "stopped-2h"
	count(3)
	deleted(base.Add(365*24*time.Hour), 1, 1) // the earliest expiry first: "stopped-2h"
	deleted(base.Add(365*24*time.Hour), 5, 1) // "stopped-late"; the active one stays
	count(1)
	view(t, s, func(tx connectlocal.Tx) error {
		_, err := tx.GetContact(scope, "i", "active")
		return err
	})
}

// testRetention checks that Service keeps history within its Retention, on every backend.
func testRetention(t *testing.T, s connectlocal.Store) {
	svc := connectlocal.NewService(s)
	now := base
	svc.Now = func() time.Time { return now }
	svc.Retention = connectlocal.Retention{TemplateVersions: 3, EndedTasks: 2, TaskRecordAge: 30 * 24 * time.Hour}
	inst, err := svc.CreateInstance(ctx, scope, connectlocal.CreateInstanceInput{IdentityManagementType: "CONNECT_MANAGED", Alias: "retained"})
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := svc.CreateTaskTemplate(ctx, scope, connectlocal.CreateTaskTemplateInput{InstanceID: inst.ID, Name: "t",
		Fields: []connectlocal.Field{{Name: "n", Type: connectlocal.FieldName}, {Name: "q", Type: connectlocal.FieldQuickConnect}}})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		d := fmt.Sprint("update ", i)
		if _, err := svc.UpdateTaskTemplate(ctx, scope, connectlocal.UpdateTaskTemplateInput{InstanceID: inst.ID, ID: tmpl.ID, Description: &d}); err != nil {
			t.Fatal(err)
		}
	}
	for v := int64(1); v <= 6; v++ {
		_, _, err := svc.GetTaskTemplate(ctx, scope, inst.ID, tmpl.ID, v)
		if kept := v >= 4; kept != (err == nil) {
			t.Errorf("snapshot version %d: %v; want kept=%v (the latest 3 of 6)", v, err, kept)
		}
	}
	qc, err := svc.CreateQuickConnect(ctx, scope, connectlocal.QuickConnectInput{Instance: inst.ID, Name: "qc",
		Config: connectlocal.QuickConnectConfig{Type: "PHONE_NUMBER", HasPhone: true, PhoneNumber: "+15555550100"}})
	if err != nil {
		t.Fatal(err)
	}
	start := func() string {
		t.Helper()
		c, err := svc.StartTaskContact(ctx, scope, connectlocal.StartTaskContactInput{InstanceID: inst.ID, QuickConnectID: qc.ID, Name: "task"})
		if err != nil {
			t.Fatal(err)
		}
		return c.ID
	}
	var ids []string
	for i := 0; i < 5; i++ {
		now = now.Add(time.Minute)
		id := start()
		ids = append(ids, id)
		if err := svc.StopContact(ctx, scope, inst.ID, id, false); err != nil {
			t.Fatal(err)
		}
	}
	now = now.Add(time.Minute)
	active := start()
	for i, id := range ids {
		_, err := svc.DescribeContact(ctx, scope, inst.ID, id)
		if kept := i >= 3; kept != (err == nil) {
			t.Errorf("ended task %d of 5: %v; want kept=%v (2 ended tasks kept)", i+1, err, kept)
		}
	}
	// Past the record age every ended task goes; the active one expires within 7 days and goes too.
	now = now.Add(40 * 24 * time.Hour)
	last := start()
	for _, id := range append(ids[3:], active) {
		if _, err := svc.DescribeContact(ctx, scope, inst.ID, id); connectlocal.CodeOf(err) != connectlocal.NotFound {
			t.Errorf("task %s past its record age: %v", id, err)
		}
	}
	if _, err := svc.DescribeContact(ctx, scope, inst.ID, last); err != nil {
		t.Error(err)
	}
}
