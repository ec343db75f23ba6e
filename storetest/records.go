package storetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/connectlocal/connectlocal"
)

// testPutInstance: PutInstance replaces the record (attributes, data sets and flags survive a round trip),
// keeps the alias taken and the list order, and is NotFound for an unknown instance.
func testPutInstance(t *testing.T, s connectlocal.Store) {
	a, b := instance("a", "alias-a", 1), instance("b", "alias-b", 2)
	update(t, s, func(tx connectlocal.Tx) error {
		if err := tx.CreateInstance(scope, a); err != nil {
			return err
		}
		return tx.CreateInstance(scope, b)
	})
	a.OutboundCallsEnabled = true
	a.Attributes = map[string]string{"CONTACT_LENS": "false"}
	a.AnalyticsDataSets = []connectlocal.AnalyticsDataAssociation{{DataSetID: "contact_record", TargetAccountID: "111122223333",
		ResourceShareID: "share-1", CreatedTime: base}}
	update(t, s, func(tx connectlocal.Tx) error { return tx.PutInstance(scope, a) })
	view(t, s, func(tx connectlocal.Tx) error {
		got, err := tx.GetInstance(scope, "a")
		if err != nil {
			return err
		}
		diff(t, "instance", a, got)
		list, err := tx.ListInstances(scope, connectlocal.Cursor{}, 10)
		if err != nil {
			return err
		}
		if len(list) != 2 || list[0].ID != "a" || list[1].ID != "b" {
			t.Errorf("list after PutInstance: %+v", list)
		}
		diff(t, "listed instance", a, list[0])
		// What a Tx returns belongs to the caller (the Tx contract): changing it changes nothing stored.
		got.Attributes["CONTACT_LENS"] = "true"
		got.AnalyticsDataSets[0].DataSetID = "changed"
		list[0].Attributes["EARLY_MEDIA"] = "false"
		return nil
	})
	view(t, s, func(tx connectlocal.Tx) error {
		got, err := tx.GetInstance(scope, "a")
		diff(t, "instance after the caller changed its copies", a, got)
		return err
	})
	err := s.Update(ctx, everything, func(tx connectlocal.Tx) error { return tx.CreateInstance(scope, instance("c", "ALIAS-A", 3)) })
	wantCode(t, err, connectlocal.AlreadyExists)
	err = s.Update(ctx, everything, func(tx connectlocal.Tx) error { return tx.PutInstance(scope, instance("zz", "", 4)) })
	wantCode(t, err, connectlocal.NotFound)
	err = s.Update(ctx, everything, func(tx connectlocal.Tx) error {
		other := connectlocal.Scope{Account: "999999999999", Region: scope.Region}
		return tx.PutInstance(other, a)
	})
	wantCode(t, err, connectlocal.NotFound)
	err = s.View(ctx, func(tx connectlocal.Tx) error { return tx.PutInstance(scope, a) })
	if err == nil {
		t.Error("PutInstance inside View succeeded")
	}
}

// testListContacts: contacts come in id order, after the given id, at most limit, only the instance's, with
// their tags and update time.
func testListContacts(t *testing.T, s connectlocal.Store) {
	var want []connectlocal.Contact
	update(t, s, func(tx connectlocal.Tx) error {
		for i := 9; i >= 0; i-- { // written out of order
			c := connectlocal.Contact{InstanceID: "i", ID: fmt.Sprintf("c%d", i), InitiationTimestamp: base.Add(time.Duration(i) * time.Second),
				Tags: map[string]string{"n": fmt.Sprint(i)}, LastUpdateTimestamp: base.Add(time.Hour)}
			if err := tx.PutContact(scope, c); err != nil {
				return err
			}
			want = append([]connectlocal.Contact{c}, want...)
		}
		return tx.PutContact(scope, connectlocal.Contact{InstanceID: "other", ID: "c5", InitiationTimestamp: base})
	})
	view(t, s, func(tx connectlocal.Tx) error {
		var got []connectlocal.Contact
		after := ""
		for {
			page, err := tx.ListContacts(scope, "i", after, 4)
			if err != nil {
				return err
			}
			if len(page) > 4 {
				t.Fatalf("page of %d, limit 4", len(page))
			}
			got = append(got, page...)
			if len(page) < 4 {
				break
			}
			after = page[len(page)-1].ID
		}
		diff(t, "contacts", want, got)
		got[0].Tags["n"] = "changed"
		again, err := tx.ListContacts(scope, "i", "", 1)
		if err != nil {
			return err
		}
		diff(t, "contact after the caller changed its tags", want[0], again[0])
		none, err := tx.ListContacts(scope, "nope", "", 10)
		if len(none) != 0 {
			t.Errorf("contacts of an unknown instance: %+v", none)
		}
		return err
	})
}

// rerunIssue12 adds the operations of issue 12 that write to testRerun's scenario.
func rerunIssue12(ctx context.Context, svc *connectlocal.Service, sc connectlocal.Scope, inst, contact string, rec func(string, any, error)) {
	rec("UpdateInstanceAttribute", nil, svc.UpdateInstanceAttribute(ctx, sc, inst, "CONTACT_LENS", "false"))
	rec("UpdateInstanceAttribute calls", nil, svc.UpdateInstanceAttribute(ctx, sc, inst, "OUTBOUND_CALLS", "true"))
	as, failed, err := svc.AssociateAnalyticsDataSets(ctx, sc, inst, []string{"a", "b", "a"}, "")
	rec("AssociateAnalyticsDataSets", []any{as, failed}, err)
	deleted, missing, err := svc.DisassociateAnalyticsDataSets(ctx, sc, inst, []string{"a", "z"}, "")
	rec("DisassociateAnalyticsDataSets", []any{deleted, missing}, err)
	name := "renamed"
	rec("UpdateContact", nil, svc.UpdateContact(ctx, sc, connectlocal.UpdateContactInput{InstanceID: inst, ContactID: contact, Name: &name,
		References: map[string]connectlocal.Reference{"Amount": {Type: "NUMBER", Value: "7"}}}))
	rec("UpdateContact refused", nil, svc.UpdateContact(ctx, sc, connectlocal.UpdateContactInput{InstanceID: inst, ContactID: contact,
		References: map[string]connectlocal.Reference{"Amount": {Type: "NUMBER", Value: "seven"}}}))
	rec("UpdateContactAttributes", nil, svc.UpdateContactAttributes(ctx, sc, inst, contact, map[string]string{"k": "v"}))
	rec("UpdateContactSchedule", nil, svc.UpdateContactSchedule(ctx, sc, inst, contact, base.Add(time.Hour)))
	rec("TagContact", nil, svc.TagContact(ctx, sc, inst, contact, map[string]string{"t": "1", "u": "2"}))
	rec("UntagContact", nil, svc.UntagContact(ctx, sc, inst, contact, []string{"t"}))
	attrs, _, err := svc.ListInstanceAttributes(ctx, sc, inst, connectlocal.Page{})
	rec("ListInstanceAttributes", attrs, err)
}

func (f *failingTx) PutInstance(s connectlocal.Scope, inst connectlocal.Instance) error {
	if err := f.tick(); err != nil {
		return err
	}
	return f.Tx.PutInstance(s, inst)
}

func (f *failingTx) ListContacts(s connectlocal.Scope, instanceID, afterID string, limit int) ([]connectlocal.Contact, error) {
	if err := f.tick(); err != nil {
		return nil, err
	}
	return f.Tx.ListContacts(s, instanceID, afterID, limit)
}
