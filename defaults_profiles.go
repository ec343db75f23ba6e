package connectlocal

import "context"

// The routing profile, security profiles and agent statuses of a new instance (research-routing §1.2).

// DefaultRoutingProfileName is the instance's routing profile (aws-cli
// awscli/examples/connect/list-routing-profiles.rst).
const DefaultRoutingProfileName = "Basic Routing Profile"

// defaultSecurityProfiles are the four every instance lists (aws-cli list-security-profiles.rst; aws-nuke
// treats exactly these as built in). Their permissions are decided: AWS publishes the names of permissions
// (admin guide, security-profile-list.html) but not the built-in profiles' sets.
var defaultSecurityProfiles = []SecurityProfile{
	{Name: "Admin", Description: "Full access to every feature of the instance", Permissions: []string{
		"BasicAgentAccess", "OutboundCallAccess", "AccessMetrics", "RealtimeContactLens.View", "ContactSearch.View",
		"ListenCallRecordings", "Users.Create", "Users.Edit", "Users.View", "Users.Delete",
		"SecurityProfiles.Create", "SecurityProfiles.Edit", "SecurityProfiles.View", "SecurityProfiles.Delete",
		"AgentGrouping.Create", "AgentGrouping.Edit", "AgentGrouping.View", "AgentGrouping.Delete",
		"AgentStates.Create", "AgentStates.Edit", "AgentStates.View",
		"RoutingPolicies.Create", "RoutingPolicies.Edit", "RoutingPolicies.View",
		"Queues.Create", "Queues.Edit", "Queues.View", "Queues.EnableAndDisable",
		"TransferDestinations.Create", "TransferDestinations.Edit", "TransferDestinations.View", "TransferDestinations.Delete",
		"HoursOfOperation.Create", "HoursOfOperation.Edit", "HoursOfOperation.View", "HoursOfOperation.Delete",
		"ContactFlows.Create", "ContactFlows.Edit", "ContactFlows.View", "ContactFlows.Publish",
		"ContactFlowModules.Create", "ContactFlowModules.Edit", "ContactFlowModules.View", "ContactFlowModules.Delete",
		"Prompts.Create", "Prompts.Edit", "Prompts.View", "Prompts.Delete",
		"PhoneNumbers.Claim", "PhoneNumbers.Edit", "PhoneNumbers.View", "PhoneNumbers.Release",
		"TaskTemplates.Create", "TaskTemplates.Edit", "TaskTemplates.View", "TaskTemplates.Delete",
	}},
	{Name: "Agent", Description: "Access to the Contact Control Panel", Permissions: []string{"BasicAgentAccess", "OutboundCallAccess"}},
	{Name: "CallCenterManager", Description: "Manage users, routing and metrics", Permissions: []string{
		"BasicAgentAccess", "OutboundCallAccess", "AccessMetrics", "ContactSearch.View", "ListenCallRecordings",
		"Users.Create", "Users.Edit", "Users.View", "AgentStates.Create", "AgentStates.Edit", "AgentStates.View",
		"RoutingPolicies.Create", "RoutingPolicies.Edit", "RoutingPolicies.View", "Queues.Create", "Queues.Edit", "Queues.View",
		"TransferDestinations.Create", "TransferDestinations.Edit", "TransferDestinations.View",
		"HoursOfOperation.Create", "HoursOfOperation.Edit", "HoursOfOperation.View", "ContactFlows.View",
	}},
	{Name: "QualityAnalyst", Description: "Review contacts and metrics", Permissions: []string{
		"BasicAgentAccess", "AccessMetrics", "ContactSearch.View", "ListenCallRecordings",
	}},
}

// putDefaultProfiles stores the instance's routing profile, security profiles and agent statuses. The
// routing profile's default outbound queue and queue configs are the instance's "BasicQueue" when the queue
// defaults have stored it (they run first); without it the profile has no queue.
func (s *Service) putDefaultProfiles(ctx context.Context, tx Tx, scope Scope, inst Instance) error {
	now := inst.CreatedTime
	object := func(kind ResourceKind, name string) Object {
		return Object{InstanceID: inst.ID, Kind: kind, ID: derivedID(inst.ID, string(kind)+"/"+name), Name: name, CreatedTime: now, LastModifiedTime: now}
	}
	// Concurrency VOICE 1, CHAT 2, TASK 1 and BasicQueue on VOICE and CHAT are a real instance's (an agent's
	// CCP configuration and agent event stream records published in public repositories, research §1.2);
	// priority, delay, the timer and the cross-channel behaviour are decided.
	rp := Record[RoutingProfile]{Object: object(KindRoutingProfile, DefaultRoutingProfileName), Value: RoutingProfile{
		Name: DefaultRoutingProfileName, Description: "Default routing profile", IsDefault: true,
		AgentAvailabilityTimer: DefaultAgentAvailabilityTimer,
		MediaConcurrencies: []MediaConcurrency{{Channel: "VOICE", Concurrency: 1, CrossChannelBehavior: DefaultCrossChannelBehavior},
			{Channel: "CHAT", Concurrency: 2, CrossChannelBehavior: DefaultCrossChannelBehavior},
			{Channel: "TASK", Concurrency: 1, CrossChannelBehavior: DefaultCrossChannelBehavior}}}}
	if q, err := tx.FindObject(scope, inst.ID, KindQueue, "BasicQueue"); err == nil {
		rp.Value.DefaultOutboundQueueID = q.ID
		rp.Value.Queues = []RoutingProfileQueue{{QueueID: q.ID, Channel: "VOICE", Priority: 1}, {QueueID: q.ID, Channel: "CHAT", Priority: 1}}
	} else if CodeOf(err) != NotFound {
		return err
	}
	if err := putRecord(tx, scope, RoutingProfileKind, &rp); err != nil {
		return err
	}
	for _, sp := range defaultSecurityProfiles {
		r := Record[SecurityProfile]{Object: object(KindSecurityProfile, sp.Name), Value: sp}
		if err := putRecord(tx, scope, SecurityProfileKind, &r); err != nil {
			return err
		}
	}
	// Available (ROUTABLE) and Offline (OFFLINE), both enabled, as a real instance's CCP lists them; their
	// display order is decided.
	for _, st := range []AgentStatus{{Name: "Available", Type: "ROUTABLE", State: "ENABLED", DisplayOrder: 1},
		{Name: "Offline", Type: "OFFLINE", State: "ENABLED", DisplayOrder: 2}} {
		r := Record[AgentStatus]{Object: object(KindAgentStatus, st.Name), Value: st}
		if err := putRecord(tx, scope, AgentStatusKind, &r); err != nil {
			return err
		}
	}
	return nil
}
