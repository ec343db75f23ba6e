package awsapi_test

import (
	"context"
	"testing"
	"time"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/internal/connecttest"
)

// Until the queue and user operations are on this branch, the routing profile tests store their queues and
// users straight into the store. The lead replaces these with CreateQueue / CreateUser calls after merging.

var profilesScope = connectlocal.Scope{Account: connecttest.Account, Region: connecttest.Region}

// putObject stores one routing object of the instance and returns its id.
func putObject(t testing.TB, srv *connecttest.Server, inst string, kind connectlocal.ResourceKind, name string, v any) string {
	return putObjectAs(t, srv, inst, kind, srv.Service.NewID(), name, v)
}

// putObjectAs stores (or replaces) the routing object of the given id.
func putObjectAs(t testing.TB, srv *connecttest.Server, inst string, kind connectlocal.ResourceKind, id, name string, v any) string {
	t.Helper()
	now := srv.Service.Now().UTC().Truncate(time.Millisecond)
	o := connectlocal.Object{InstanceID: inst, Kind: kind, ID: id, Name: name, CreatedTime: now, LastModifiedTime: now}
	if err := connectlocal.EncodeObject(&o, v); err != nil {
		t.Fatal(err)
	}
	err := srv.Service.Store.Update(context.Background(), connectlocal.InstanceKey(profilesScope, inst), func(tx connectlocal.Tx) error {
		return tx.PutObject(profilesScope, o)
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// putQueue stores a queue (STANDARD or AGENT) and returns its id.
func putQueue(t testing.TB, srv *connecttest.Server, inst, name, typ string) string {
	return putObject(t, srv, inst, connectlocal.KindQueue, name, connectlocal.Queue{Name: name, Type: typ, Status: "ENABLED"})
}

// putUser stores a user with a routing profile and security profiles and returns its id.
func putUser(t testing.TB, srv *connecttest.Server, inst, name, routingProfile string, securityProfiles ...string) string {
	return putUserAs(t, srv, inst, srv.Service.NewID(), name, routingProfile, securityProfiles...)
}

// putUserAs stores (or replaces) the user of the given id.
func putUserAs(t testing.TB, srv *connecttest.Server, inst, id, name, routingProfile string, securityProfiles ...string) string {
	return putObjectAs(t, srv, inst, connectlocal.KindUser, id, name, connectlocal.User{Username: name, RoutingProfileID: routingProfile,
		SecurityProfileIDs: securityProfiles, PhoneType: "SOFT_PHONE"})
}
