package awsapi_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/internal/connecttest"
)

// Helpers the routing objects' tests share: each makes what a test needs through the real operations, and
// finds an instance's default object by name instead of making it again.

// hoursByName returns the id of the instance's hours named name.
func hoursByName(t testing.TB, c *connect.Client, inst, name string) string {
	t.Helper()
	out, err := c.ListHoursOfOperations(ctx, &connect.ListHoursOfOperationsInput{InstanceId: &inst})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range out.HoursOfOperationSummaryList {
		if *h.Name == name {
			return *h.Id
		}
	}
	t.Fatalf("no hours named %q", name)
	return ""
}

// queueByName returns the id of the instance's STANDARD queue named name, or "".
func queueByName(t testing.TB, c *connect.Client, inst, name string) string {
	t.Helper()
	out, err := c.ListQueues(ctx, &connect.ListQueuesInput{InstanceId: &inst, QueueTypes: []types.QueueType{types.QueueTypeStandard}})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range out.QueueSummaryList {
		if aws.ToString(q.Name) == name {
			return *q.Id
		}
	}
	return ""
}

// putQueue makes a queue and returns its id: a STANDARD one on the Basic Hours, or for "AGENT" a user's agent
// queue (a user is made for it: its id is the queue's).
func putQueue(t testing.TB, srv *connecttest.Server, inst, name, typ string) string {
	t.Helper()
	c := srv.Client
	if typ == "AGENT" {
		return putUser(t, srv, inst, "agentq"+randomSuffix(), mustRoutingProfile(t, srv, inst, "Basic Routing Profile"))
	}
	out, err := c.CreateQueue(ctx, &connect.CreateQueueInput{InstanceId: &inst, Name: &name,
		HoursOfOperationId: aws.String(hoursByName(t, c, inst, "Basic Hours"))})
	if err != nil {
		t.Fatal(err)
	}
	return *out.QueueId
}

// mustRoutingProfile returns the routing profile named name, making it (VOICE 1, default queue BasicQueue)
// when the instance has none.
func mustRoutingProfile(t testing.TB, srv *connecttest.Server, inst, name string) string {
	t.Helper()
	c := srv.Client
	list, err := c.ListRoutingProfiles(ctx, &connect.ListRoutingProfilesInput{InstanceId: &inst})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range list.RoutingProfileSummaryList {
		if *p.Name == name {
			return *p.Id
		}
	}
	out, err := c.CreateRoutingProfile(ctx, &connect.CreateRoutingProfileInput{InstanceId: &inst, Name: &name, Description: aws.String(name),
		DefaultOutboundQueueId: aws.String(queueByName(t, c, inst, "BasicQueue")),
		MediaConcurrencies:     []types.MediaConcurrency{{Channel: types.ChannelVoice, Concurrency: aws.Int32(1)}}})
	if err != nil {
		t.Fatal(err)
	}
	return *out.RoutingProfileId
}

// mustSecurityProfile returns the security profile named name, making it when the instance has none.
func mustSecurityProfile(t testing.TB, srv *connecttest.Server, inst, name string) string {
	t.Helper()
	c := srv.Client
	list, err := c.ListSecurityProfiles(ctx, &connect.ListSecurityProfilesInput{InstanceId: &inst})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range list.SecurityProfileSummaryList {
		if *p.Name == name {
			return *p.Id
		}
	}
	out, err := c.CreateSecurityProfile(ctx, &connect.CreateSecurityProfileInput{InstanceId: &inst, SecurityProfileName: &name,
		Permissions: []string{"BasicAgentAccess"}})
	if err != nil {
		t.Fatal(err)
	}
	return *out.SecurityProfileId
}

// putUser makes a soft-phone user on the routing profile (with the "Agent" security profile when none is
// given) and returns its id.
func putUser(t testing.TB, srv *connecttest.Server, inst, name, routingProfile string, securityProfiles ...string) string {
	t.Helper()
	if len(securityProfiles) == 0 {
		securityProfiles = []string{mustSecurityProfile(t, srv, inst, "Agent")}
	}
	out, err := srv.Client.CreateUser(ctx, &connect.CreateUserInput{InstanceId: &inst, Username: &name, Password: aws.String("Password123"),
		RoutingProfileId: &routingProfile, SecurityProfileIds: securityProfiles,
		PhoneConfig: &types.UserPhoneConfig{PhoneType: types.PhoneTypeSoftPhone}})
	if err != nil {
		t.Fatal(err)
	}
	return *out.UserId
}

// putUserAs moves the user to another routing profile.
func putUserAs(t testing.TB, srv *connecttest.Server, inst, id, _ string, routingProfile string) {
	t.Helper()
	if _, err := srv.Client.UpdateUserRoutingProfile(ctx, &connect.UpdateUserRoutingProfileInput{InstanceId: &inst, UserId: &id,
		RoutingProfileId: &routingProfile}); err != nil {
		t.Fatal(err)
	}
}

// getObject reads one routing object from the store (ok false: none), for tests that check what is kept.
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
