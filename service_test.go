package connectlocal_test

import (
	"context"
	"errors"
	"testing"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/memory"
)

// rerunStore runs every Update function twice: once in a transaction that is then rolled back (as the
// PostgreSQL store does on a serialization conflict), then for real. Service functions must give the same
// result either way.
type rerunStore struct{ *memory.Store }

var errConflict = errors.New("simulated conflict")

func (s rerunStore) Update(ctx context.Context, fn func(connectlocal.Tx) error) error {
	s.Store.Update(ctx, func(tx connectlocal.Tx) error {
		fn(tx)
		return errConflict
	})
	return s.Store.Update(ctx, fn)
}

func TestServiceUpdatesAreRerunnable(t *testing.T) {
	ctx := context.Background()
	scope := connectlocal.Scope{Account: "123456789012", Region: "us-east-1"}
	svc := connectlocal.NewService(rerunStore{memory.New()})
	inst, err := svc.CreateInstance(ctx, scope, connectlocal.CreateInstanceInput{IdentityManagementType: "CONNECT_MANAGED", Alias: "rerun"})
	if err != nil {
		t.Fatal(err)
	}
	flow, err := svc.CreateContactFlow(ctx, scope, connectlocal.CreateContactFlowInput{InstanceID: inst.ID, Name: "f", Type: "CONTACT_FLOW",
		Content: `{"Version":"2019-10-30","StartAction":"a","Actions":[{"Identifier":"a","Type":"X","Parameters":{},"Transitions":{}}]}`})
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := svc.CreateTaskTemplate(ctx, scope, connectlocal.CreateTaskTemplateInput{InstanceID: inst.ID, Name: "t", ContactFlowID: flow.ID,
		Fields:   []connectlocal.Field{{Name: "N", Type: connectlocal.FieldName}, {Name: "Amount", Type: connectlocal.FieldNumber}},
		Defaults: []connectlocal.DefaultFieldValue{{Name: "Amount", Value: "5"}}, ClientToken: "tok"})
	if err != nil {
		t.Fatal(err)
	}
	up, err := svc.UpdateTaskTemplate(ctx, scope, connectlocal.UpdateTaskTemplateInput{InstanceID: inst.ID, ID: tmpl.ID, Name: ptr("t2")})
	if err != nil || up.Version != 2 {
		t.Fatalf("update: %+v %v", up, err)
	}
	refs := map[string]connectlocal.Reference{"Other": {Type: "STRING", Value: "x"}}
	c, err := svc.StartTaskContact(ctx, scope, connectlocal.StartTaskContactInput{InstanceID: inst.ID, TaskTemplateID: tmpl.ID, Name: "task", References: refs})
	if err != nil {
		t.Fatalf("start from template: %v", err)
	}
	if c.ContactFlowID != flow.ID || c.References["Amount"].Value != "5" || len(refs) != 1 {
		t.Fatalf("contact %+v; the request's references became %v", c, refs)
	}
	if err := svc.StopContact(ctx, scope, inst.ID, c.ID, false); err != nil {
		t.Fatal(err)
	}
	if err := svc.TagResource(ctx, scope, scope.InstanceARN(inst.ID), map[string]string{"a": "b"}); err != nil {
		t.Fatal(err)
	}
}

func ptr[T any](v T) *T { return &v }
