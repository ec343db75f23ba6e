package postgres_test

import (
	"context"
	"testing"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/postgres/postgrestest"
)

// An Update's template read also reads the template's flow (one round trip fewer); a flow the same
// Update then writes or deletes is read back as written, not as it was.
func TestUpdate_flowReadWithTemplateFollowsTheUpdatesWrites(t *testing.T) {
	s := postgrestest.Open(t)
	ctx := context.Background()
	scope := connectlocal.Scope{Account: "123456789012", Region: "us-east-1"}
	key := connectlocal.InstanceKey(scope, "i")
	flow := connectlocal.ContactFlow{InstanceID: "i", ID: "f", Name: "F", Type: "CONTACT_FLOW", Content: "v1"}
	tmpl := connectlocal.TaskTemplate{InstanceID: "i", ID: "t", Name: "T", Status: connectlocal.StatusActive, Version: 1, ContactFlowID: "f"}
	err := s.Update(ctx, key, func(tx connectlocal.Tx) error {
		if err := tx.PutContactFlow(scope, flow); err != nil {
			return err
		}
		return tx.PutTaskTemplate(scope, tmpl)
	})
	if err != nil {
		t.Fatal(err)
	}
	err = s.Update(ctx, key, func(tx connectlocal.Tx) error {
		if _, err := tx.GetTaskTemplate(scope, "i", "t", 0); err != nil {
			return err
		}
		got, err := tx.GetContactFlow(scope, "i", "f")
		if err != nil || got.Content != "v1" {
			t.Errorf("flow read with the template: %+v, %v", got, err)
		}
		got.Content = "changed by the caller" // the caller's copy
		if again, _ := tx.GetContactFlow(scope, "i", "f"); again.Content != "v1" {
			t.Errorf("a caller's change reached the store's copy: %q", again.Content)
		}
		changed := flow
		changed.Content = "v2"
		if err := tx.PutContactFlow(scope, changed); err != nil {
			return err
		}
		if got, err := tx.GetContactFlow(scope, "i", "f"); err != nil || got.Content != "v2" {
			t.Errorf("after PutContactFlow: %+v, %v", got, err)
		}
		if _, err := tx.GetTaskTemplate(scope, "i", "t", 0); err != nil {
			return err
		}
		if err := tx.DeleteContactFlow(scope, "i", "f"); err != nil {
			return err
		}
		if _, err := tx.GetContactFlow(scope, "i", "f"); connectlocal.CodeOf(err) != connectlocal.NotFound {
			t.Errorf("after DeleteContactFlow: %v, want NotFound", err)
		}
		if _, err := tx.GetTaskTemplate(scope, "i", "t", 0); err != nil { // names a flow that is gone
			return err
		}
		if _, err := tx.GetContactFlow(scope, "i", "f"); connectlocal.CodeOf(err) != connectlocal.NotFound {
			t.Errorf("a template naming a missing flow: %v, want NotFound", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
