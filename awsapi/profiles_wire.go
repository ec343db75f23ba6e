package awsapi

import (
	"github.com/connectlocal/connectlocal"
)

// The routing profiles', security profiles' and agent statuses' shapes, shared by their operations.

type RoutingProfileQueueReference struct {
	QueueId string
	Channel string
}

type RoutingProfileQueueConfig struct {
	QueueReference RoutingProfileQueueReference
	Priority       int
	Delay          int
}

type RoutingProfileManualAssignmentQueueConfig struct {
	QueueReference RoutingProfileQueueReference
}

type CrossChannelBehavior struct {
	BehaviorType string
}

type MediaConcurrency struct {
	Channel              string
	Concurrency          int
	CrossChannelBehavior *CrossChannelBehavior `json:",omitempty"`
}

type RoutingProfile struct {
	InstanceId                               string
	Name                                     string
	RoutingProfileArn                        string
	RoutingProfileId                         string
	Description                              *string `json:",omitempty"`
	MediaConcurrencies                       []MediaConcurrency
	DefaultOutboundQueueId                   *string           `json:",omitempty"`
	Tags                                     map[string]string `json:",omitempty"`
	NumberOfAssociatedQueues                 int64
	NumberOfAssociatedManualAssignmentQueues int64
	NumberOfAssociatedUsers                  *int64 `json:",omitempty"` // Describe only: search answers leave it out
	AgentAvailabilityTimer                   string
	LastModifiedTime                         *epochTime
	LastModifiedRegion                       string
	IsDefault                                bool
	AssociatedQueueIds                       []string `json:",omitempty"`
	AssociatedManualAssignmentQueueIds       []string `json:",omitempty"`
}

type RoutingProfileSummary struct {
	Id                 string
	Arn                string
	Name               string
	LastModifiedTime   *epochTime
	LastModifiedRegion string
}

type RoutingProfileQueueConfigSummary struct {
	QueueId   string
	QueueArn  string
	QueueName string
	Priority  int
	Delay     int
	Channel   string
}

func queueConfigsIn(in []RoutingProfileQueueConfig) []connectlocal.RoutingProfileQueue {
	if in == nil {
		return nil
	}
	out := make([]connectlocal.RoutingProfileQueue, len(in))
	for i, c := range in {
		out[i] = connectlocal.RoutingProfileQueue{QueueID: c.QueueReference.QueueId, Channel: c.QueueReference.Channel,
			Priority: c.Priority, Delay: c.Delay}
	}
	return out
}

func manualQueuesIn(in []RoutingProfileManualAssignmentQueueConfig) []connectlocal.QueueChannel {
	refs := make([]RoutingProfileQueueReference, len(in))
	for i, c := range in {
		refs[i] = c.QueueReference
	}
	return queueRefsIn(refs)
}

func queueRefsIn(in []RoutingProfileQueueReference) []connectlocal.QueueChannel {
	if in == nil {
		return nil
	}
	out := make([]connectlocal.QueueChannel, len(in))
	for i, r := range in {
		out[i] = connectlocal.QueueChannel{QueueID: r.QueueId, Channel: r.Channel}
	}
	return out
}

func concurrenciesIn(in []MediaConcurrency) []connectlocal.MediaConcurrency {
	if in == nil {
		return nil
	}
	out := make([]connectlocal.MediaConcurrency, len(in))
	for i, m := range in {
		out[i] = connectlocal.MediaConcurrency{Channel: m.Channel, Concurrency: m.Concurrency}
		if m.CrossChannelBehavior != nil {
			out[i].CrossChannelBehavior = m.CrossChannelBehavior.BehaviorType
		}
	}
	return out
}

// routingProfileOut is the model's RoutingProfile for a record: exactly the channels stored (Terraform
// compares them with its configuration), each with its cross-channel behaviour or the default.
func routingProfileOut(scope connectlocal.Scope, r connectlocal.Record[connectlocal.RoutingProfile]) RoutingProfile {
	v := r.Value
	out := RoutingProfile{InstanceId: r.InstanceID, Name: v.Name, RoutingProfileArn: r.ARN(scope), RoutingProfileId: r.ID,
		Description: str(v.Description), MediaConcurrencies: make([]MediaConcurrency, len(v.MediaConcurrencies)),
		DefaultOutboundQueueId: str(v.DefaultOutboundQueueID), Tags: tagsOut(r.Tags),
		AgentAvailabilityTimer: v.AgentAvailabilityTimer, LastModifiedTime: stamp(r.LastModifiedTime),
		LastModifiedRegion: scope.Region, IsDefault: v.IsDefault,
		AssociatedQueueIds: v.AssociatedQueueIDs(), AssociatedManualAssignmentQueueIds: v.AssociatedManualQueueIDs()}
	out.NumberOfAssociatedQueues = int64(len(out.AssociatedQueueIds))
	out.NumberOfAssociatedManualAssignmentQueues = int64(len(out.AssociatedManualAssignmentQueueIds))
	if out.AgentAvailabilityTimer == "" {
		out.AgentAvailabilityTimer = connectlocal.DefaultAgentAvailabilityTimer
	}
	for i, m := range v.MediaConcurrencies {
		behavior := m.CrossChannelBehavior
		if behavior == "" {
			behavior = connectlocal.DefaultCrossChannelBehavior
		}
		out.MediaConcurrencies[i] = MediaConcurrency{Channel: m.Channel, Concurrency: m.Concurrency,
			CrossChannelBehavior: &CrossChannelBehavior{BehaviorType: behavior}}
	}
	return out
}

type SecurityProfile struct {
	Id                                   string
	OrganizationResourceId               string
	Arn                                  string
	SecurityProfileName                  string
	Description                          *string           `json:",omitempty"`
	Tags                                 map[string]string `json:",omitempty"`
	AllowedAccessControlTags             map[string]string `json:",omitempty"`
	TagRestrictedResources               []string          `json:",omitempty"`
	LastModifiedTime                     *epochTime
	LastModifiedRegion                   string
	HierarchyRestrictedResources         []string `json:",omitempty"`
	AllowedAccessControlHierarchyGroupId *string  `json:",omitempty"`
}

type SecurityProfileSummary struct {
	Id                 string
	Arn                string
	Name               string
	LastModifiedTime   *epochTime
	LastModifiedRegion string
}

type SecurityProfileSearchSummary struct {
	Id                     string
	OrganizationResourceId string
	Arn                    string
	SecurityProfileName    string
	Description            *string           `json:",omitempty"`
	Tags                   map[string]string `json:",omitempty"`
}

func securityProfileOut(scope connectlocal.Scope, r connectlocal.Record[connectlocal.SecurityProfile]) SecurityProfile {
	v := r.Value
	return SecurityProfile{Id: r.ID, OrganizationResourceId: r.InstanceID, Arn: r.ARN(scope), SecurityProfileName: v.Name,
		Description: str(v.Description), Tags: tagsOut(r.Tags), AllowedAccessControlTags: v.AllowedAccessControlTags,
		TagRestrictedResources: v.TagRestrictedResources, LastModifiedTime: stamp(r.LastModifiedTime), LastModifiedRegion: scope.Region,
		HierarchyRestrictedResources: v.HierarchyRestrictedResources, AllowedAccessControlHierarchyGroupId: str(v.AllowedAccessControlHierarchyGroupID)}
}

type AgentStatus struct {
	AgentStatusARN     string
	AgentStatusId      string
	Name               string
	Description        *string `json:",omitempty"`
	Type               string
	DisplayOrder       *int `json:",omitempty"`
	State              string
	Tags               map[string]string `json:",omitempty"`
	LastModifiedTime   *epochTime
	LastModifiedRegion string
}

type AgentStatusSummary struct {
	Id                 string
	Arn                string
	Name               string
	Type               string
	LastModifiedTime   *epochTime
	LastModifiedRegion string
}

func agentStatusOut(scope connectlocal.Scope, r connectlocal.Record[connectlocal.AgentStatus]) AgentStatus {
	v := r.Value
	out := AgentStatus{AgentStatusARN: r.ARN(scope), AgentStatusId: r.ID, Name: v.Name, Description: str(v.Description), Type: v.Type,
		State: v.State, Tags: tagsOut(r.Tags), LastModifiedTime: stamp(r.LastModifiedTime), LastModifiedRegion: scope.Region}
	if v.DisplayOrder > 0 {
		out.DisplayOrder = &v.DisplayOrder
	}
	return out
}
