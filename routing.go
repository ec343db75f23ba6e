package connectlocal

// The routing objects' types (issue 20), each stored as an Object's document (object.go). Ids that name other
// objects are bare ids of the same instance, never ARNs (the service resolves an ARN before storing it).
// The rules of each kind live in service_<kind>.go.

// Queue is a queue: STANDARD ones are made by CreateQueue; each user has an AGENT queue whose id is the user's
// and which has no name (aws-cli examples/connect/list-queues.rst).
type Queue struct {
	Name                     string   `json:",omitempty"`
	Type                     string   // STANDARD | AGENT
	Description              string   `json:",omitempty"`
	HoursOfOperationID       string   `json:",omitempty"`
	MaxContacts              *int     `json:",omitempty"` // nil: no limit
	Status                   string   // ENABLED | DISABLED
	OutboundCallerIDName     string   `json:",omitempty"`
	OutboundCallerIDNumberID string   `json:",omitempty"`
	OutboundFlowID           string   `json:",omitempty"`
	OutboundEmailAddressID   string   `json:",omitempty"`
	QuickConnectIDs          []string `json:",omitempty"` // AssociateQueueQuickConnects, in association order
}

func (q Queue) references() []ObjectRef {
	refs := []ObjectRef{}
	if q.HoursOfOperationID != "" {
		refs = append(refs, ObjectRef{KindHours, q.HoursOfOperationID})
	}
	for _, id := range q.QuickConnectIDs {
		refs = append(refs, ObjectRef{KindQuickConnect, id})
	}
	return refs
}

// QuickConnect is a transfer destination: a user, a queue, a phone number or a flow.
type QuickConnect struct {
	Name          string
	Description   string `json:",omitempty"`
	Type          string // USER | QUEUE | PHONE_NUMBER | FLOW
	UserID        string `json:",omitempty"`
	QueueID       string `json:",omitempty"`
	ContactFlowID string `json:",omitempty"`
	PhoneNumber   string `json:",omitempty"`
}

func (q QuickConnect) references() []ObjectRef {
	// Only the queue blocks a delete: Connect's DeleteUser documentation tells callers to delete a user's
	// quick connects after the user, so a USER quick connect may dangle.
	if q.Type == "QUEUE" && q.QueueID != "" {
		return []ObjectRef{{KindQueue, q.QueueID}}
	}
	return nil
}

// RoutingProfile says which queues an agent takes contacts from, on which channels, how many at once.
type RoutingProfile struct {
	Name                   string
	Description            string `json:",omitempty"`
	DefaultOutboundQueueID string
	MediaConcurrencies     []MediaConcurrency
	Queues                 []RoutingProfileQueue `json:",omitempty"` // one per (queue, channel)
	AgentAvailabilityTimer string                `json:",omitempty"`
	IsDefault              bool                  `json:",omitempty"` // the instance's "Basic Routing Profile"
	// ManualQueues are the manual assignment queues (ManualAssignmentQueueConfigs), one per (queue, channel).
	ManualQueues []QueueChannel `json:",omitempty"`
}

// QueueChannel names one queue on one channel (the model's RoutingProfileQueueReference).
type QueueChannel struct {
	QueueID string
	Channel string
}

// MediaConcurrency is one channel's concurrency and cross-channel behaviour.
type MediaConcurrency struct {
	Channel              string // VOICE | CHAT | TASK | EMAIL
	Concurrency          int
	CrossChannelBehavior string `json:",omitempty"` // ROUTE_CURRENT_CHANNEL_ONLY | ROUTE_ANY_CHANNEL
}

// RoutingProfileQueue is one queue of a routing profile on one channel.
type RoutingProfileQueue struct {
	QueueID  string
	Channel  string
	Priority int
	Delay    int
}

func (r RoutingProfile) references() []ObjectRef {
	refs := []ObjectRef{{KindQueue, r.DefaultOutboundQueueID}}
	for _, q := range r.Queues {
		refs = append(refs, ObjectRef{KindQueue, q.QueueID})
	}
	for _, q := range r.ManualQueues {
		refs = append(refs, ObjectRef{KindQueue, q.QueueID})
	}
	return refs
}

// SecurityProfile is a named set of permissions.
type SecurityProfile struct {
	Name                     string
	Description              string            `json:",omitempty"`
	Permissions              []string          `json:",omitempty"`
	AllowedAccessControlTags map[string]string `json:",omitempty"`
	TagRestrictedResources   []string          `json:",omitempty"`
	// HierarchyRestrictedResources and AllowedAccessControlHierarchyGroupID are kept as given and echoed.
	HierarchyRestrictedResources         []string `json:",omitempty"`
	AllowedAccessControlHierarchyGroupID string   `json:",omitempty"`
}

// AgentStatus is a state an agent can be in: ROUTABLE (Available), OFFLINE, or a CUSTOM one.
type AgentStatus struct {
	Name         string
	Description  string `json:",omitempty"`
	Type         string // ROUTABLE | CUSTOM | OFFLINE
	DisplayOrder int    `json:",omitempty"`
	State        string // ENABLED | DISABLED
}

// User is an agent or another user of the instance.
type User struct {
	Username                  string
	FirstName                 string `json:",omitempty"`
	LastName                  string `json:",omitempty"`
	Email                     string `json:",omitempty"`
	SecondaryEmail            string `json:",omitempty"`
	Mobile                    string `json:",omitempty"`
	DirectoryUserID           string `json:",omitempty"`
	RoutingProfileID          string
	SecurityProfileIDs        []string
	HierarchyGroupID          string `json:",omitempty"`
	PhoneType                 string // SOFT_PHONE | DESK_PHONE
	AutoAccept                bool   `json:",omitempty"`
	AfterContactWorkTimeLimit int    `json:",omitempty"`
	DeskPhoneNumber           string `json:",omitempty"`
	// AutoAcceptChannels are the channels whose contacts the user accepts without an offer (AutoAcceptConfigs).
	AutoAcceptChannels []string `json:",omitempty"`
	// PersistentConnection is the VOICE channel's persistent connection (PhoneConfig.PersistentConnection).
	PersistentConnection bool `json:",omitempty"`
	// PasswordHash is a salted digest of a CONNECT_MANAGED user's password (service_users.go); never answered.
	PasswordHash string `json:",omitempty"`
}

func (u User) references() []ObjectRef {
	refs := []ObjectRef{{KindRoutingProfile, u.RoutingProfileID}}
	for _, id := range u.SecurityProfileIDs {
		refs = append(refs, ObjectRef{KindSecurityProfile, id})
	}
	if u.HierarchyGroupID != "" {
		refs = append(refs, ObjectRef{KindHierarchyGroup, u.HierarchyGroupID})
	}
	return refs
}

// HierarchyGroup is one group of the user hierarchy, at a level 1-5.
type HierarchyGroup struct {
	Name     string
	Level    int    // 1..5
	ParentID string `json:",omitempty"`
}

func (g HierarchyGroup) references() []ObjectRef {
	if g.ParentID == "" {
		return nil
	}
	return []ObjectRef{{KindHierarchyGroup, g.ParentID}}
}

// HierarchyStructure is the instance's one hierarchy structure: the names of levels 1-5 ("" = unset). It is
// stored as one object of KindHierarchyStructure whose id is the instance's.
type HierarchyStructure struct {
	Levels [5]HierarchyLevel
}

// HierarchyLevel is one level's name and id.
type HierarchyLevel struct {
	ID   string `json:",omitempty"`
	Name string `json:",omitempty"`
}

// FlowModule is a contact flow module: a reusable piece of flow.
type FlowModule struct {
	Name        string
	Description string `json:",omitempty"`
	Content     string
	Settings    string `json:",omitempty"` // FlowModuleSettings, kept as given
	Status      string // PUBLISHED | SAVED
	State       string // ACTIVE | ARCHIVED
}

// Vocabulary is a custom vocabulary for Contact Lens.
type Vocabulary struct {
	Name          string
	LanguageCode  string
	Content       string
	State         string // ACTIVE once created (connectlocal builds none)
	FailureReason string `json:",omitempty"`
}

// StorageConfig is one instance storage config association (AssociateInstanceStorageConfig).
type StorageConfig struct {
	ResourceType          string // CHAT_TRANSCRIPTS | CALL_RECORDINGS | CONTACT_TRACE_RECORDS | AGENT_EVENTS | ...
	StorageType           string // S3 | KINESIS_VIDEO_STREAM | KINESIS_STREAM | KINESIS_FIREHOSE
	S3BucketName          string `json:",omitempty"`
	S3BucketPrefix        string `json:",omitempty"`
	EncryptionType        string `json:",omitempty"`
	EncryptionKeyID       string `json:",omitempty"`
	KinesisVideoPrefix    string `json:",omitempty"`
	KinesisVideoRetention int    `json:",omitempty"`
	KinesisStreamARN      string `json:",omitempty"`
	KinesisFirehoseARN    string `json:",omitempty"`
}

// LambdaFunction is a Lambda function associated with the instance (its ARN is the object's id).
type LambdaFunction struct {
	FunctionARN string
}

// Bot is a Lex bot associated with the instance: V1 by name and region, V2 by alias ARN.
type Bot struct {
	LexV1Name   string `json:",omitempty"`
	LexV1Region string `json:",omitempty"`
	LexV2Alias  string `json:",omitempty"`
}
