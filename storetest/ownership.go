package storetest

import (
	"testing"

	"github.com/connectlocal/connectlocal"
)

// testOwnership proves the Tx contract "values a Tx returns belong to the caller": a caller that changes a
// returned value, down to its slices and maps, changes neither the store nor what the next read returns
// (a cache must not hand out what it keeps). The values written belong to their caller too.
func testOwnership(t *testing.T, s connectlocal.Store) {
	tmpl := template("i", "t", "T", 1)
	contact := connectlocal.Contact{InstanceID: "i", ID: "c", InitiationTimestamp: base, Attributes: map[string]string{"a": "b"},
		References: map[string]connectlocal.Reference{"r": {Type: "URL", Value: "https://x"}}, SegmentAttributes: []byte(`{"k":1}`)}
	tags := map[string]string{"a": "1"}
	written := tmpl.Clone()
	update(t, s, func(tx connectlocal.Tx) error {
		if err := tx.CreateInstance(scope, instance("i", "owned", 1)); err != nil {
			return err
		}
		if err := tx.PutTaskTemplate(scope, written); err != nil {
			return err
		}
		if err := tx.PutContact(scope, contact.Clone()); err != nil {
			return err
		}
		return tx.PutTags(scope, "arn:x", tags)
	})
	mutateTemplate(&written)             // after the write: the store must have kept its own copy
	for round := 0; round < 3; round++ { // the first read may fill a cache, the later ones come from it
		view(t, s, func(tx connectlocal.Tx) error {
			gotT, err := tx.GetTaskTemplate(scope, "i", "t", 0)
			if err != nil {
				return err
			}
			diff(t, "template read after a caller changed an earlier one", tmpl, gotT)
			mutateTemplate(&gotT)
			gotV, err := tx.GetTaskTemplate(scope, "i", "t", 1)
			if err != nil {
				return err
			}
			diff(t, "version read after a caller changed an earlier one", tmpl, gotV)
			mutateTemplate(&gotV)
			gotC, err := tx.GetContact(scope, "i", "c")
			if err != nil {
				return err
			}
			diff(t, "contact read after a caller changed an earlier one", contact, gotC)
			gotC.Attributes["a"], gotC.References["r"], gotC.SegmentAttributes[0] = "changed", connectlocal.Reference{}, 'X'
			gotTags, err := tx.Tags(scope, "arn:x")
			if err != nil {
				return err
			}
			diff(t, "tags read after a caller changed earlier ones", map[string]string{"a": "1"}, gotTags)
			gotTags["a"], gotTags["new"] = "changed", "x"
			return nil
		})
	}
	tags["a"] = "changed by the writer"
	view(t, s, func(tx connectlocal.Tx) error {
		got, err := tx.Tags(scope, "arn:x")
		if err != nil {
			return err
		}
		diff(t, "tags after the writer changed its map", map[string]string{"a": "1"}, got)
		return nil
	})
}

// mutateTemplate changes every member that could share memory with a store's copy.
func mutateTemplate(t *connectlocal.TaskTemplate) {
	t.Name = "changed"
	t.Fields[0].Name = "changed"
	t.Fields[1].SingleSelectOptions[0] = "changed"
	t.Constraints.RequiredFields[0] = "changed"
	t.Constraints.ReadOnlyFields[0] = "changed"
	t.Constraints.InvisibleFields[0] = "changed"
	t.Defaults[0].Value = "changed"
}
