package awsapi_test

import (
	"testing"
	"time"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/internal/connecttest"
)

// The routing and security profiles a user names are served by another helper's operations; until those are
// merged, these tests put the objects straight into the store. The lead replaces these with the real
// CreateRoutingProfile / CreateSecurityProfile calls after merging.

var testScope = connectlocal.Scope{Account: "123456789012", Region: "us-east-1"}

// putObject stores one routing object of the instance and returns its id.
func putObject(t *testing.T, srv *connecttest.Server, inst string, kind connectlocal.ResourceKind, name string, v any) string {
	t.Helper()
	id := srv.Service.NewID()
	now := time.Now().UTC().Truncate(time.Millisecond)
	o := connectlocal.Object{InstanceID: inst, Kind: kind, ID: id, Name: name, CreatedTime: now, LastModifiedTime: now}
	if err := connectlocal.EncodeObject(&o, v); err != nil {
		t.Fatal(err)
	}
	err := srv.Service.Store.Update(ctx, connectlocal.InstanceKey(testScope, inst), func(tx connectlocal.Tx) error {
		return tx.PutObject(testScope, o)
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// mustRoutingProfile stores a routing profile named name.
func mustRoutingProfile(t *testing.T, srv *connecttest.Server, inst, name string) string {
	t.Helper()
	return putObject(t, srv, inst, connectlocal.KindRoutingProfile, name, connectlocal.RoutingProfile{Name: name,
		MediaConcurrencies: []connectlocal.MediaConcurrency{{Channel: "VOICE", Concurrency: 1}}})
}

// mustSecurityProfile stores a security profile named name.
func mustSecurityProfile(t *testing.T, srv *connecttest.Server, inst, name string) string {
	t.Helper()
	return putObject(t, srv, inst, connectlocal.KindSecurityProfile, name, connectlocal.SecurityProfile{Name: name,
		Permissions: []string{"BasicAgentAccess"}})
}

// getObject reads one routing object from the store (ok false: none).
func getObject(t *testing.T, srv *connecttest.Server, inst string, kind connectlocal.ResourceKind, id string) (connectlocal.Object, bool) {
	t.Helper()
	var o connectlocal.Object
	err := srv.Service.Store.View(ctx, func(tx connectlocal.Tx) (err error) {
		o, err = tx.GetObject(testScope, inst, kind, id)
		return err
	})
	if connectlocal.CodeOf(err) == connectlocal.NotFound {
		return o, false
	}
	if err != nil {
		t.Fatal(err)
	}
	return o, true
}
