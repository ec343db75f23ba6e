package awsapi_test

import (
	"fmt"
	"slices"
	"sort"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal/internal/connecttest"
)

func queueConfig(queue string, ch types.Channel, priority, delay int32) types.RoutingProfileQueueConfig {
	return types.RoutingProfileQueueConfig{QueueReference: &types.RoutingProfileQueueReference{QueueId: aws.String(queue), Channel: ch},
		Priority: aws.Int32(priority), Delay: aws.Int32(delay)}
}

func concurrency(ch types.Channel, n int32) types.MediaConcurrency {
	return types.MediaConcurrency{Channel: ch, Concurrency: aws.Int32(n)}
}

func describeRP(t *testing.T, c *connect.Client, inst, id string) types.RoutingProfile {
	t.Helper()
	out, err := c.DescribeRoutingProfile(ctx, &connect.DescribeRoutingProfileInput{InstanceId: &inst, RoutingProfileId: &id})
	if err != nil {
		t.Fatal(err)
	}
	return *out.RoutingProfile
}

// rpQueues lists a profile's queue configs as "queue/CHANNEL/priority/delay", sorted.
func rpQueues(t *testing.T, c *connect.Client, inst, id string) []string {
	t.Helper()
	var got []string
	p := connect.NewListRoutingProfileQueuesPaginator(c, &connect.ListRoutingProfileQueuesInput{InstanceId: &inst, RoutingProfileId: &id,
		MaxResults: aws.Int32(1)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range page.RoutingProfileQueueConfigSummaryList {
			got = append(got, fmt.Sprintf("%s/%s/%d/%d", *q.QueueName, q.Channel, *q.Priority, q.Delay))
			if *q.QueueArn != "arn:aws:connect:us-east-1:123456789012:instance/"+inst+"/queue/"+*q.QueueId {
				t.Errorf("queue arn %s", *q.QueueArn)
			}
		}
	}
	sort.Strings(got)
	return got
}

// A new instance holds the "Basic Routing Profile", the four security profiles and the Available and
// Offline agent statuses.
func TestProfileDefaults(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)

		rps, err := c.ListRoutingProfiles(ctx, &connect.ListRoutingProfilesInput{InstanceId: &inst})
		if err != nil {
			t.Fatal(err)
		}
		if len(rps.RoutingProfileSummaryList) != 1 || *rps.RoutingProfileSummaryList[0].Name != "Basic Routing Profile" {
			t.Fatalf("routing profiles: %+v", rps.RoutingProfileSummaryList)
		}
		basic := describeRP(t, c, inst, *rps.RoutingProfileSummaryList[0].Id)
		var chans []string
		for _, m := range basic.MediaConcurrencies {
			chans = append(chans, string(m.Channel))
		}
		if !basic.IsDefault || slices.Compare(chans, []string{"VOICE", "CHAT", "TASK"}) != 0 || *basic.MediaConcurrencies[1].Concurrency != 2 {
			t.Errorf("Basic Routing Profile: %+v", basic)
		}
		// With the queue defaults (another branch of issue 20) the profile routes BasicQueue on VOICE and CHAT
		// and calls out through it; without them it has no queue.
		if basic.DefaultOutboundQueueId != nil {
			if got := rpQueues(t, c, inst, *basic.RoutingProfileId); slices.Compare(got, []string{"BasicQueue/CHAT/1/0", "BasicQueue/VOICE/1/0"}) != 0 {
				t.Errorf("Basic Routing Profile's queues: %v", got)
			}
		}
		// The default profile is refused a delete.
		_, err = c.DeleteRoutingProfile(ctx, &connect.DeleteRoutingProfileInput{InstanceId: &inst, RoutingProfileId: basic.RoutingProfileId})
		wantAPIError(t, err, "InvalidRequestException")

		sps, err := c.ListSecurityProfiles(ctx, &connect.ListSecurityProfilesInput{InstanceId: &inst})
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, sp := range sps.SecurityProfileSummaryList {
			names = append(names, *sp.Name)
		}
		sort.Strings(names)
		if slices.Compare(names, []string{"Admin", "Agent", "CallCenterManager", "QualityAnalyst"}) != 0 {
			t.Errorf("security profiles: %v", names)
		}

		sts, err := c.ListAgentStatuses(ctx, &connect.ListAgentStatusesInput{InstanceId: &inst})
		if err != nil {
			t.Fatal(err)
		}
		kinds := map[string]types.AgentStatusType{}
		for _, st := range sts.AgentStatusSummaryList {
			kinds[*st.Name] = st.Type
		}
		if len(kinds) != 2 || kinds["Available"] != types.AgentStatusTypeRoutable || kinds["Offline"] != types.AgentStatusTypeOffline {
			t.Errorf("agent statuses: %v", kinds)
		}
	})
}

// Routing profiles through their whole life: create with queues, describe, list its queues, every update,
// associate/disassociate as Terraform does, search, and the deletes references refuse.
func TestRoutingProfile(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		sales := putQueue(t, srv, inst, "Sales", "STANDARD")
		support := putQueue(t, srv, inst, "Support", "STANDARD")
		agentQ := putQueue(t, srv, inst, "", "AGENT")

		out, err := c.CreateRoutingProfile(ctx, &connect.CreateRoutingProfileInput{InstanceId: &inst, Name: aws.String("Tier 1"),
			Description: aws.String("first line"), DefaultOutboundQueueId: &sales,
			MediaConcurrencies: []types.MediaConcurrency{concurrency(types.ChannelVoice, 1)},
			QueueConfigs:       []types.RoutingProfileQueueConfig{queueConfig(sales, types.ChannelVoice, 1, 0), queueConfig(support, types.ChannelVoice, 2, 5)},
			Tags:               map[string]string{"team": "a"}})
		if err != nil {
			t.Fatal(err)
		}
		id := *out.RoutingProfileId
		if *out.RoutingProfileArn != "arn:aws:connect:us-east-1:123456789012:instance/"+inst+"/routing-profile/"+id {
			t.Errorf("arn %s", *out.RoutingProfileArn)
		}
		rp := describeRP(t, c, inst, id)
		// Exactly the channels sent come back (Terraform compares them), with a cross-channel behaviour.
		if *rp.Name != "Tier 1" || *rp.Description != "first line" || *rp.DefaultOutboundQueueId != sales || len(rp.MediaConcurrencies) != 1 ||
			rp.MediaConcurrencies[0].CrossChannelBehavior == nil || rp.NumberOfAssociatedQueues == nil || *rp.NumberOfAssociatedQueues != 2 ||
			*rp.NumberOfAssociatedUsers != 0 || rp.IsDefault || rp.Tags["team"] != "a" || *rp.InstanceId != inst || rp.LastModifiedTime == nil ||
			rp.AgentAvailabilityTimer == "" {
			t.Errorf("describe: %+v", rp)
		}
		if got := rpQueues(t, c, inst, id); slices.Compare(got, []string{"Sales/VOICE/1/0", "Support/VOICE/2/5"}) != 0 {
			t.Errorf("queues: %v", got)
		}

		// Bad input changes nothing: VOICE above 1, a channel twice, an unknown or AGENT queue, a pair twice.
		bad := []*connect.CreateRoutingProfileInput{
			{MediaConcurrencies: []types.MediaConcurrency{concurrency(types.ChannelVoice, 2)}},
			{MediaConcurrencies: []types.MediaConcurrency{concurrency(types.ChannelChat, 2), concurrency(types.ChannelChat, 3)}},
			{MediaConcurrencies: []types.MediaConcurrency{concurrency(types.ChannelChat, 11)}},
			{DefaultOutboundQueueId: &agentQ},
			{QueueConfigs: []types.RoutingProfileQueueConfig{queueConfig(agentQ, types.ChannelVoice, 1, 0)}},
			{QueueConfigs: []types.RoutingProfileQueueConfig{queueConfig(sales, types.ChannelVoice, 1, 0), queueConfig(sales, types.ChannelVoice, 2, 0)}},
		}
		for i, in := range bad {
			in.InstanceId, in.Name, in.Description = &inst, aws.String("Bad"), aws.String("bad")
			if in.DefaultOutboundQueueId == nil {
				in.DefaultOutboundQueueId = &sales
			}
			if in.MediaConcurrencies == nil {
				in.MediaConcurrencies = []types.MediaConcurrency{concurrency(types.ChannelVoice, 1)}
			}
			_, err := c.CreateRoutingProfile(ctx, in)
			if wantAPIError(t, err, "InvalidParameterException") == nil {
				t.Errorf("case %d accepted", i)
			}
		}
		_, err = c.CreateRoutingProfile(ctx, &connect.CreateRoutingProfileInput{InstanceId: &inst, Name: aws.String("Lost"), Description: aws.String("x"),
			DefaultOutboundQueueId: aws.String("00000000-0000-0000-0000-000000000000"), MediaConcurrencies: []types.MediaConcurrency{concurrency(types.ChannelVoice, 1)}})
		wantAPIError(t, err, "ResourceNotFoundException")
		_, err = c.CreateRoutingProfile(ctx, &connect.CreateRoutingProfileInput{InstanceId: &inst, Name: aws.String("Tier 1"), Description: aws.String("x"),
			DefaultOutboundQueueId: &sales, MediaConcurrencies: []types.MediaConcurrency{concurrency(types.ChannelVoice, 1)}})
		wantAPIError(t, err, "DuplicateResourceException")
		list, err := c.ListRoutingProfiles(ctx, &connect.ListRoutingProfilesInput{InstanceId: &inst})
		if err != nil || len(list.RoutingProfileSummaryList) != 2 {
			t.Fatalf("list after refusals: %+v %v", list, err)
		}
		var basicProfile string // objects made in the same millisecond list in id order: find it by name
		for _, p := range list.RoutingProfileSummaryList {
			if *p.Name == "Basic Routing Profile" {
				basicProfile = *p.Id
			}
		}

		// Updates, in Terraform's order: name+description, concurrency (replace), default queue, queue diff.
		if _, err := c.UpdateRoutingProfileName(ctx, &connect.UpdateRoutingProfileNameInput{InstanceId: &inst, RoutingProfileId: &id,
			Name: aws.String("Tier one"), Description: aws.String("the first line")}); err != nil {
			t.Fatal(err)
		}
		_, err = c.UpdateRoutingProfileName(ctx, &connect.UpdateRoutingProfileNameInput{InstanceId: &inst, RoutingProfileId: &id,
			Name: aws.String("Basic Routing Profile")})
		wantAPIError(t, err, "DuplicateResourceException")
		_, err = c.UpdateRoutingProfileName(ctx, &connect.UpdateRoutingProfileNameInput{InstanceId: &inst, RoutingProfileId: &id})
		wantAPIError(t, err, "InvalidParameterException")
		if _, err := c.UpdateRoutingProfileConcurrency(ctx, &connect.UpdateRoutingProfileConcurrencyInput{InstanceId: &inst, RoutingProfileId: &id,
			MediaConcurrencies: []types.MediaConcurrency{concurrency(types.ChannelVoice, 1), {Channel: types.ChannelChat, Concurrency: aws.Int32(3),
				CrossChannelBehavior: &types.CrossChannelBehavior{BehaviorType: types.BehaviorTypeRouteAnyChannel}}}}); err != nil {
			t.Fatal(err)
		}
		_, err = c.UpdateRoutingProfileConcurrency(ctx, &connect.UpdateRoutingProfileConcurrencyInput{InstanceId: &inst, RoutingProfileId: &id,
			MediaConcurrencies: []types.MediaConcurrency{concurrency(types.ChannelVoice, 3)}})
		wantAPIError(t, err, "InvalidParameterException")
		if _, err := c.UpdateRoutingProfileDefaultOutboundQueue(ctx, &connect.UpdateRoutingProfileDefaultOutboundQueueInput{InstanceId: &inst,
			RoutingProfileId: &id, DefaultOutboundQueueId: &support}); err != nil {
			t.Fatal(err)
		}
		_, err = c.UpdateRoutingProfileDefaultOutboundQueue(ctx, &connect.UpdateRoutingProfileDefaultOutboundQueueInput{InstanceId: &inst,
			RoutingProfileId: &id, DefaultOutboundQueueId: &agentQ})
		wantAPIError(t, err, "InvalidParameterException")
		rp = describeRP(t, c, inst, id)
		if *rp.Name != "Tier one" || *rp.Description != "the first line" || *rp.DefaultOutboundQueueId != support || len(rp.MediaConcurrencies) != 2 ||
			*rp.MediaConcurrencies[1].Concurrency != 3 || rp.MediaConcurrencies[1].CrossChannelBehavior.BehaviorType != types.BehaviorTypeRouteAnyChannel {
			t.Errorf("after updates: %+v", rp)
		}

		if _, err := c.DisassociateRoutingProfileQueues(ctx, &connect.DisassociateRoutingProfileQueuesInput{InstanceId: &inst, RoutingProfileId: &id,
			QueueReferences: []types.RoutingProfileQueueReference{{QueueId: &support, Channel: types.ChannelVoice}}}); err != nil {
			t.Fatal(err)
		}
		_, err = c.DisassociateRoutingProfileQueues(ctx, &connect.DisassociateRoutingProfileQueuesInput{InstanceId: &inst, RoutingProfileId: &id,
			QueueReferences: []types.RoutingProfileQueueReference{{QueueId: &support, Channel: types.ChannelVoice}}})
		wantAPIError(t, err, "InvalidParameterException")
		if _, err := c.AssociateRoutingProfileQueues(ctx, &connect.AssociateRoutingProfileQueuesInput{InstanceId: &inst, RoutingProfileId: &id,
			QueueConfigs: []types.RoutingProfileQueueConfig{queueConfig(support, types.ChannelChat, 3, 1)}}); err != nil {
			t.Fatal(err)
		}
		_, err = c.AssociateRoutingProfileQueues(ctx, &connect.AssociateRoutingProfileQueuesInput{InstanceId: &inst, RoutingProfileId: &id,
			QueueConfigs: []types.RoutingProfileQueueConfig{queueConfig(sales, types.ChannelVoice, 3, 1)}})
		wantAPIError(t, err, "InvalidParameterException")
		if _, err := c.UpdateRoutingProfileQueues(ctx, &connect.UpdateRoutingProfileQueuesInput{InstanceId: &inst, RoutingProfileId: &id,
			QueueConfigs: []types.RoutingProfileQueueConfig{queueConfig(sales, types.ChannelVoice, 9, 9)}}); err != nil {
			t.Fatal(err)
		}
		_, err = c.UpdateRoutingProfileQueues(ctx, &connect.UpdateRoutingProfileQueuesInput{InstanceId: &inst, RoutingProfileId: &id,
			QueueConfigs: []types.RoutingProfileQueueConfig{queueConfig(sales, types.ChannelTask, 1, 1)}})
		wantAPIError(t, err, "InvalidParameterException")
		if got := rpQueues(t, c, inst, id); slices.Compare(got, []string{"Sales/VOICE/9/9", "Support/CHAT/3/1"}) != 0 {
			t.Errorf("queues after the diff: %v", got)
		}

		// Search: by name, by an associated queue, by tag; an unsupported field is refused.
		search, err := c.SearchRoutingProfiles(ctx, &connect.SearchRoutingProfilesInput{InstanceId: &inst,
			SearchCriteria: &types.RoutingProfileSearchCriteria{StringCondition: &types.StringCondition{FieldName: aws.String("associatedQueueIds"),
				Value: &support, ComparisonType: types.StringComparisonTypeExact}}})
		if err != nil || *search.ApproximateTotalCount != 1 || *search.RoutingProfiles[0].RoutingProfileId != id ||
			len(search.RoutingProfiles[0].AssociatedQueueIds) != 2 {
			t.Errorf("search by queue: %+v %v", search, err)
		}
		search, err = c.SearchRoutingProfiles(ctx, &connect.SearchRoutingProfilesInput{InstanceId: &inst,
			SearchFilter: &types.RoutingProfileSearchFilter{TagFilter: &types.ControlPlaneTagFilter{TagCondition: &types.TagCondition{TagKey: aws.String("team")}}}})
		if err != nil || *search.ApproximateTotalCount != 1 {
			t.Errorf("search by tag: %+v %v", search, err)
		}
		search, err = c.SearchRoutingProfiles(ctx, &connect.SearchRoutingProfilesInput{InstanceId: &inst,
			SearchCriteria: &types.RoutingProfileSearchCriteria{StringCondition: &types.StringCondition{FieldName: aws.String("name"),
				Value: aws.String("routing"), ComparisonType: types.StringComparisonTypeContains}}})
		if err != nil || *search.ApproximateTotalCount != 1 || *search.RoutingProfiles[0].Name != "Basic Routing Profile" {
			t.Errorf("search by name: %+v %v", search, err)
		}
		_, err = c.SearchRoutingProfiles(ctx, &connect.SearchRoutingProfilesInput{InstanceId: &inst,
			SearchCriteria: &types.RoutingProfileSearchCriteria{StringCondition: &types.StringCondition{FieldName: aws.String("colour"), Value: aws.String("x")}}})
		wantAPIError(t, err, "InvalidParameterException")

		// A user's routing profile cannot be deleted; once the user has another, it can.
		user := putUser(t, srv, inst, "jane", id)
		if rp := describeRP(t, c, inst, id); *rp.NumberOfAssociatedUsers != 1 {
			t.Errorf("users: %d", *rp.NumberOfAssociatedUsers)
		}
		_, err = c.DeleteRoutingProfile(ctx, &connect.DeleteRoutingProfileInput{InstanceId: &inst, RoutingProfileId: &id})
		wantAPIError(t, err, "ResourceInUseException")
		putUserAs(t, srv, inst, user, "jane", basicProfile)
		if _, err := c.DeleteRoutingProfile(ctx, &connect.DeleteRoutingProfileInput{InstanceId: &inst, RoutingProfileId: &id}); err != nil {
			t.Fatal(err)
		}
		_, err = c.DescribeRoutingProfile(ctx, &connect.DescribeRoutingProfileInput{InstanceId: &inst, RoutingProfileId: &id})
		wantAPIError(t, err, "ResourceNotFoundException")
		_, err = c.ListRoutingProfileQueues(ctx, &connect.ListRoutingProfileQueuesInput{InstanceId: &inst, RoutingProfileId: &id})
		wantAPIError(t, err, "ResourceNotFoundException")
		_, err = c.DeleteRoutingProfile(ctx, &connect.DeleteRoutingProfileInput{InstanceId: &inst, RoutingProfileId: &id})
		wantAPIError(t, err, "ResourceNotFoundException")
	})
}

// Security profiles: create, describe, permissions (paged, replaced, cleared by an empty list), search,
// and the delete a user refuses.
func TestSecurityProfile(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		out, err := c.CreateSecurityProfile(ctx, &connect.CreateSecurityProfileInput{InstanceId: &inst, SecurityProfileName: aws.String("Supervisors"),
			Description: aws.String("floor leads"), Permissions: []string{"BasicAgentAccess", "Queues.View", "BasicAgentAccess"},
			AllowedAccessControlTags: map[string]string{"dept": "sales"}, TagRestrictedResources: []string{"User"},
			Tags: map[string]string{"team": "b"}})
		if err != nil {
			t.Fatal(err)
		}
		id := *out.SecurityProfileId
		if *out.SecurityProfileArn != "arn:aws:connect:us-east-1:123456789012:instance/"+inst+"/security-profile/"+id {
			t.Errorf("arn %s", *out.SecurityProfileArn)
		}
		got, err := c.DescribeSecurityProfile(ctx, &connect.DescribeSecurityProfileInput{InstanceId: &inst, SecurityProfileId: out.SecurityProfileArn})
		if err != nil {
			t.Fatal(err)
		}
		sp := got.SecurityProfile
		if *sp.SecurityProfileName != "Supervisors" || *sp.Description != "floor leads" || *sp.OrganizationResourceId != inst ||
			sp.AllowedAccessControlTags["dept"] != "sales" || len(sp.TagRestrictedResources) != 1 || sp.Tags["team"] != "b" || sp.LastModifiedTime == nil {
			t.Errorf("describe: %+v", sp)
		}
		perms := func() []string {
			var all []string
			p := connect.NewListSecurityProfilePermissionsPaginator(c, &connect.ListSecurityProfilePermissionsInput{InstanceId: &inst,
				SecurityProfileId: &id, MaxResults: aws.Int32(1)})
			for p.HasMorePages() {
				page, err := p.NextPage(ctx)
				if err != nil {
					t.Fatal(err)
				}
				all = append(all, page.Permissions...)
			}
			return all
		}
		if got := perms(); slices.Compare(got, []string{"BasicAgentAccess", "Queues.View"}) != 0 {
			t.Errorf("permissions: %v", got)
		}

		_, err = c.CreateSecurityProfile(ctx, &connect.CreateSecurityProfileInput{InstanceId: &inst, SecurityProfileName: aws.String("Supervisors")})
		wantAPIError(t, err, "DuplicateResourceException")
		_, err = c.CreateSecurityProfile(ctx, &connect.CreateSecurityProfileInput{InstanceId: &inst, SecurityProfileName: aws.String("No/slash")})
		wantAPIError(t, err, "InvalidParameterException")

		// Description alone keeps the permissions; Permissions replace; an empty list clears them.
		if _, err := c.UpdateSecurityProfile(ctx, &connect.UpdateSecurityProfileInput{InstanceId: &inst, SecurityProfileId: &id,
			Description: aws.String("leads")}); err != nil {
			t.Fatal(err)
		}
		if got := perms(); len(got) != 2 {
			t.Errorf("permissions after a description update: %v", got)
		}
		if _, err := c.UpdateSecurityProfile(ctx, &connect.UpdateSecurityProfileInput{InstanceId: &inst, SecurityProfileId: &id,
			Permissions: []string{"Users.View"}}); err != nil {
			t.Fatal(err)
		}
		if got := perms(); slices.Compare(got, []string{"Users.View"}) != 0 {
			t.Errorf("permissions replaced: %v", got)
		}
		if _, err := c.UpdateSecurityProfile(ctx, &connect.UpdateSecurityProfileInput{InstanceId: &inst, SecurityProfileId: &id,
			Permissions: []string{}}); err != nil {
			t.Fatal(err)
		}
		if got := perms(); len(got) != 0 {
			t.Errorf("permissions cleared: %v", got)
		}
		got, _ = c.DescribeSecurityProfile(ctx, &connect.DescribeSecurityProfileInput{InstanceId: &inst, SecurityProfileId: &id})
		if *got.SecurityProfile.Description != "leads" {
			t.Errorf("description: %+v", got.SecurityProfile)
		}

		search, err := c.SearchSecurityProfiles(ctx, &connect.SearchSecurityProfilesInput{InstanceId: &inst,
			SearchCriteria: &types.SecurityProfileSearchCriteria{StringCondition: &types.StringCondition{FieldName: aws.String("name"),
				Value: aws.String("super"), ComparisonType: types.StringComparisonTypeContains}}})
		if err != nil || *search.ApproximateTotalCount != 1 || *search.SecurityProfiles[0].Id != id || search.SecurityProfiles[0].Tags["team"] != "b" {
			t.Errorf("search: %+v %v", search, err)
		}
		search, err = c.SearchSecurityProfiles(ctx, &connect.SearchSecurityProfilesInput{InstanceId: &inst})
		if err != nil || *search.ApproximateTotalCount != 5 {
			t.Errorf("search all: %+v %v", search, err)
		}

		rps, _ := c.ListRoutingProfiles(ctx, &connect.ListRoutingProfilesInput{InstanceId: &inst})
		putUser(t, srv, inst, "joe", *rps.RoutingProfileSummaryList[0].Id, id)
		_, err = c.DeleteSecurityProfile(ctx, &connect.DeleteSecurityProfileInput{InstanceId: &inst, SecurityProfileId: &id})
		wantAPIError(t, err, "ResourceInUseException")
		other, err := c.CreateSecurityProfile(ctx, &connect.CreateSecurityProfileInput{InstanceId: &inst, SecurityProfileName: aws.String("Spare")})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.DeleteSecurityProfile(ctx, &connect.DeleteSecurityProfileInput{InstanceId: &inst, SecurityProfileId: other.SecurityProfileId}); err != nil {
			t.Fatal(err)
		}
		_, err = c.DescribeSecurityProfile(ctx, &connect.DescribeSecurityProfileInput{InstanceId: &inst, SecurityProfileId: other.SecurityProfileId})
		wantAPIError(t, err, "ResourceNotFoundException")
		_, err = c.ListSecurityProfilePermissions(ctx, &connect.ListSecurityProfilePermissionsInput{InstanceId: &inst, SecurityProfileId: other.SecurityProfileId})
		wantAPIError(t, err, "ResourceNotFoundException")
	})
}

// Agent statuses: CreateAgentStatus makes CUSTOM ones, ListAgentStatuses filters by type, updates rename,
// disable, reorder.
func TestAgentStatus(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		out, err := c.CreateAgentStatus(ctx, &connect.CreateAgentStatusInput{InstanceId: &inst, Name: aws.String("Lunch"),
			Description: aws.String("out to lunch"), State: types.AgentStatusStateEnabled, DisplayOrder: aws.Int32(3),
			Tags: map[string]string{"k": "v"}})
		if err != nil {
			t.Fatal(err)
		}
		id := *out.AgentStatusId
		if *out.AgentStatusARN != "arn:aws:connect:us-east-1:123456789012:instance/"+inst+"/agent-state/"+id {
			t.Errorf("arn %s", *out.AgentStatusARN)
		}
		got, err := c.DescribeAgentStatus(ctx, &connect.DescribeAgentStatusInput{InstanceId: &inst, AgentStatusId: &id})
		if err != nil {
			t.Fatal(err)
		}
		st := got.AgentStatus
		if *st.Name != "Lunch" || *st.Description != "out to lunch" || st.Type != types.AgentStatusTypeCustom || *st.DisplayOrder != 3 ||
			st.State != types.AgentStatusStateEnabled || st.Tags["k"] != "v" || st.LastModifiedTime == nil {
			t.Errorf("describe: %+v", st)
		}
		_, err = c.CreateAgentStatus(ctx, &connect.CreateAgentStatusInput{InstanceId: &inst, Name: aws.String("Available"), State: types.AgentStatusStateEnabled})
		wantAPIError(t, err, "DuplicateResourceException")
		_, err = c.CreateAgentStatus(ctx, &connect.CreateAgentStatusInput{InstanceId: &inst, Name: aws.String("Far"), State: types.AgentStatusStateEnabled,
			DisplayOrder: aws.Int32(51)})
		wantAPIError(t, err, "InvalidParameterException")

		custom, err := c.ListAgentStatuses(ctx, &connect.ListAgentStatusesInput{InstanceId: &inst, AgentStatusTypes: []types.AgentStatusType{types.AgentStatusTypeCustom}})
		if err != nil || len(custom.AgentStatusSummaryList) != 1 || *custom.AgentStatusSummaryList[0].Id != id {
			t.Errorf("custom: %+v %v", custom, err)
		}
		two, err := c.ListAgentStatuses(ctx, &connect.ListAgentStatusesInput{InstanceId: &inst,
			AgentStatusTypes: []types.AgentStatusType{types.AgentStatusTypeRoutable, types.AgentStatusTypeOffline}})
		if err != nil || len(two.AgentStatusSummaryList) != 2 {
			t.Errorf("routable+offline: %+v %v", two, err)
		}
		page, err := c.ListAgentStatuses(ctx, &connect.ListAgentStatusesInput{InstanceId: &inst, MaxResults: aws.Int32(2)})
		if err != nil || len(page.AgentStatusSummaryList) != 2 || page.NextToken == nil {
			t.Fatalf("first page: %+v %v", page, err)
		}
		page, err = c.ListAgentStatuses(ctx, &connect.ListAgentStatusesInput{InstanceId: &inst, MaxResults: aws.Int32(2), NextToken: page.NextToken})
		if err != nil || len(page.AgentStatusSummaryList) != 1 || page.NextToken != nil {
			t.Fatalf("second page: %+v %v", page, err)
		}

		if _, err := c.UpdateAgentStatus(ctx, &connect.UpdateAgentStatusInput{InstanceId: &inst, AgentStatusId: &id, Name: aws.String("Break"),
			Description: aws.String(""), State: types.AgentStatusStateDisabled, ResetOrderNumber: true}); err != nil {
			t.Fatal(err)
		}
		got, _ = c.DescribeAgentStatus(ctx, &connect.DescribeAgentStatusInput{InstanceId: &inst, AgentStatusId: &id})
		if st := got.AgentStatus; *st.Name != "Break" || st.Description != nil || st.State != types.AgentStatusStateDisabled || st.DisplayOrder != nil {
			t.Errorf("after update: %+v", st)
		}
		_, err = c.UpdateAgentStatus(ctx, &connect.UpdateAgentStatusInput{InstanceId: &inst, AgentStatusId: &id, Name: aws.String("Offline")})
		wantAPIError(t, err, "DuplicateResourceException")
		_, err = c.UpdateAgentStatus(ctx, &connect.UpdateAgentStatusInput{InstanceId: &inst, AgentStatusId: aws.String("00000000-0000-0000-0000-000000000000"),
			Name: aws.String("Gone")})
		wantAPIError(t, err, "ResourceNotFoundException")
		_, err = c.DescribeAgentStatus(ctx, &connect.DescribeAgentStatusInput{InstanceId: aws.String("00000000-0000-0000-0000-000000000000"), AgentStatusId: &id})
		wantAPIError(t, err, "ResourceNotFoundException")
	})
}

// Manual assignment queues are kept apart from the queue configs, and every routing profile operation on a
// profile that is not there answers ResourceNotFoundException.
func TestRoutingProfileManualQueues(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		q := putQueue(t, srv, inst, "Backlog", "STANDARD")
		out, err := c.CreateRoutingProfile(ctx, &connect.CreateRoutingProfileInput{InstanceId: &inst, Name: aws.String("Manual"),
			Description: aws.String("manual work"), DefaultOutboundQueueId: &q, MediaConcurrencies: []types.MediaConcurrency{concurrency(types.ChannelTask, 4)},
			ManualAssignmentQueueConfigs: []types.RoutingProfileManualAssignmentQueueConfig{{QueueReference: &types.RoutingProfileQueueReference{QueueId: &q, Channel: types.ChannelTask}}}})
		if err != nil {
			t.Fatal(err)
		}
		rp := describeRP(t, c, inst, *out.RoutingProfileId)
		if *rp.NumberOfAssociatedQueues != 0 || *rp.NumberOfAssociatedManualAssignmentQueues != 1 || rp.AssociatedManualAssignmentQueueIds[0] != q {
			t.Errorf("describe: %+v", rp)
		}
		if got := rpQueues(t, c, inst, *out.RoutingProfileId); len(got) != 0 {
			t.Errorf("manual queues listed as queue configs: %v", got)
		}
		if _, err := c.DisassociateRoutingProfileQueues(ctx, &connect.DisassociateRoutingProfileQueuesInput{InstanceId: &inst, RoutingProfileId: out.RoutingProfileId,
			ManualAssignmentQueueReferences: []types.RoutingProfileQueueReference{{QueueId: &q, Channel: types.ChannelTask}}}); err != nil {
			t.Fatal(err)
		}
		if rp := describeRP(t, c, inst, *out.RoutingProfileId); *rp.NumberOfAssociatedManualAssignmentQueues != 0 {
			t.Errorf("after disassociate: %+v", rp)
		}
		_, err = c.AssociateRoutingProfileQueues(ctx, &connect.AssociateRoutingProfileQueuesInput{InstanceId: &inst, RoutingProfileId: out.RoutingProfileId})
		wantAPIError(t, err, "InvalidParameterException")

		missing := aws.String("00000000-0000-0000-0000-000000000000")
		for name, call := range map[string]func() error{
			"Describe": func() error {
				_, err := c.DescribeRoutingProfile(ctx, &connect.DescribeRoutingProfileInput{InstanceId: &inst, RoutingProfileId: missing})
				return err
			},
			"Name": func() error {
				_, err := c.UpdateRoutingProfileName(ctx, &connect.UpdateRoutingProfileNameInput{InstanceId: &inst, RoutingProfileId: missing, Name: aws.String("x")})
				return err
			},
			"Concurrency": func() error {
				_, err := c.UpdateRoutingProfileConcurrency(ctx, &connect.UpdateRoutingProfileConcurrencyInput{InstanceId: &inst, RoutingProfileId: missing,
					MediaConcurrencies: []types.MediaConcurrency{concurrency(types.ChannelVoice, 1)}})
				return err
			},
			"DefaultOutboundQueue": func() error {
				_, err := c.UpdateRoutingProfileDefaultOutboundQueue(ctx, &connect.UpdateRoutingProfileDefaultOutboundQueueInput{InstanceId: &inst,
					RoutingProfileId: missing, DefaultOutboundQueueId: &q})
				return err
			},
			"Associate": func() error {
				_, err := c.AssociateRoutingProfileQueues(ctx, &connect.AssociateRoutingProfileQueuesInput{InstanceId: &inst, RoutingProfileId: missing,
					QueueConfigs: []types.RoutingProfileQueueConfig{queueConfig(q, types.ChannelVoice, 1, 0)}})
				return err
			},
			"Queues": func() error {
				_, err := c.UpdateRoutingProfileQueues(ctx, &connect.UpdateRoutingProfileQueuesInput{InstanceId: &inst, RoutingProfileId: missing,
					QueueConfigs: []types.RoutingProfileQueueConfig{queueConfig(q, types.ChannelVoice, 1, 0)}})
				return err
			},
			"Search": func() error {
				_, err := c.SearchRoutingProfiles(ctx, &connect.SearchRoutingProfilesInput{InstanceId: missing})
				return err
			},
		} {
			if ae := wantAPIError(t, call(), "ResourceNotFoundException"); ae == nil {
				t.Errorf("%s", name)
			}
		}
	})
}
