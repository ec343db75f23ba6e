package storetest

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/connectlocal/connectlocal"
)

// testObjects checks the routing objects' section (issue 20): names unique per instance and kind, keyset
// order, replace and rename, delete with the tags of the object's ARN, and the instance's cascade.
func testObjects(t *testing.T, s connectlocal.Store) {
	q := connectlocal.Object{InstanceID: "i", Kind: connectlocal.KindQueue, ID: "q1", Name: "BasicQueue",
		CreatedTime: base, LastModifiedTime: base, Doc: json.RawMessage(`{"Name":"BasicQueue","MaxContacts":3}`)}
	q2 := q
	q2.ID, q2.Name, q2.CreatedTime = "q2", "Other", base.Add(time.Second)
	anon := q
	anon.ID, anon.Name, anon.CreatedTime = "q3", "", base.Add(2*time.Second)
	anon2 := anon
	anon2.ID = "q4"
	hours := q
	hours.Kind, hours.ID = connectlocal.KindHours, "h1" // the same name in another kind is no clash
	update(t, s, func(tx connectlocal.Tx) error {
		if err := tx.CreateInstance(scope, instance("i", "objects", 0)); err != nil {
			return err
		}
		for _, o := range []connectlocal.Object{q, q2, anon, anon2, hours} {
			if err := tx.PutObject(scope, o); err != nil {
				return err
			}
		}
		return tx.PutTags(scope, scope.ObjectARN("i", connectlocal.KindQueue, "q1"), map[string]string{"a": "b"})
	})
	dup := q
	dup.ID, dup.CreatedTime = "q9", base.Add(3*time.Second)
	wantCode(t, s.Update(ctx, everything, func(tx connectlocal.Tx) error { return tx.PutObject(scope, dup) }), connectlocal.AlreadyExists)
	q.Name, q.Doc = "Renamed", json.RawMessage(`{"Name":"Renamed","MaxContacts":4}`)
	update(t, s, func(tx connectlocal.Tx) error { return tx.PutObject(scope, q) })
	dup.Name = "BasicQueue" // the old name is free again
	update(t, s, func(tx connectlocal.Tx) error { return tx.PutObject(scope, dup) })
	view(t, s, func(tx connectlocal.Tx) error {
		got, err := tx.GetObject(scope, "i", connectlocal.KindQueue, "q1")
		if err != nil {
			return err
		}
		if string(got.Doc) != string(q.Doc) || got.Name != "Renamed" || !got.CreatedTime.Equal(base) {
			t.Errorf("get: %+v", got)
		}
		got.Doc[0] = 'x' // the caller's copy
		if again, _ := tx.GetObject(scope, "i", connectlocal.KindQueue, "q1"); string(again.Doc) != string(q.Doc) {
			t.Errorf("a returned document changed the store: %s", again.Doc)
		}
		found, err := tx.FindObject(scope, "i", connectlocal.KindQueue, "Other")
		if err != nil || found.ID != "q2" {
			t.Errorf("find: %+v %v", found, err)
		}
		if _, err := tx.FindObject(scope, "i", connectlocal.KindQueue, ""); connectlocal.CodeOf(err) != connectlocal.NotFound {
			t.Errorf("find by an empty name: %v", err)
		}
		page, err := tx.ListObjects(scope, "i", connectlocal.KindQueue, connectlocal.Cursor{}, 2)
		if err != nil || len(page) != 2 || page[0].ID != "q1" || page[1].ID != "q2" {
			t.Fatalf("first page: %+v %v", page, err)
		}
		rest, err := tx.ListObjects(scope, "i", connectlocal.KindQueue, connectlocal.Cursor{CreatedTime: page[1].CreatedTime, ID: page[1].ID}, 10)
		if err != nil || len(rest) != 3 || rest[0].ID != "q3" || rest[1].ID != "q4" || rest[2].ID != "q9" {
			t.Fatalf("second page: %+v %v", rest, err)
		}
		if n, err := tx.CountObjects(scope, "i", connectlocal.KindQueue); err != nil || n != 5 {
			t.Errorf("count %d %v", n, err)
		}
		if n, err := tx.CountObjects(scope, "i", connectlocal.KindHours); err != nil || n != 1 {
			t.Errorf("hours count %d %v", n, err)
		}
		return nil
	})
	update(t, s, func(tx connectlocal.Tx) error { return tx.DeleteObject(scope, "i", connectlocal.KindQueue, "q1") })
	view(t, s, func(tx connectlocal.Tx) error {
		if _, err := tx.GetObject(scope, "i", connectlocal.KindQueue, "q1"); connectlocal.CodeOf(err) != connectlocal.NotFound {
			t.Errorf("deleted object: %v", err)
		}
		if tags, err := tx.Tags(scope, scope.ObjectARN("i", connectlocal.KindQueue, "q1")); err != nil || len(tags) != 0 {
			t.Errorf("a deleted object's tags: %v %v", tags, err)
		}
		return nil
	})
	wantCode(t, s.Update(ctx, everything, func(tx connectlocal.Tx) error { return tx.DeleteObject(scope, "i", connectlocal.KindQueue, "q1") }), connectlocal.NotFound)
	update(t, s, func(tx connectlocal.Tx) error { return tx.DeleteInstance(scope, "i") })
	view(t, s, func(tx connectlocal.Tx) error {
		for _, kind := range []connectlocal.ResourceKind{connectlocal.KindQueue, connectlocal.KindHours} {
			if n, err := tx.CountObjects(scope, "i", kind); err != nil || n != 0 {
				t.Errorf("%s left after DeleteInstance: %d %v", kind, n, err)
			}
		}
		return nil
	})
}
