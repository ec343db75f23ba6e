package connectlocal

import (
	"encoding/json"
	"time"
)

// Object is one of an instance's routing objects (issue 20): hours of operation, a queue, a quick connect,
// a routing profile, a security profile, a user, a hierarchy group, an agent status, a flow module, a
// vocabulary, and the instance's associations (storage configs, Lambda functions, bots). They share one store
// section: their rules differ (service_<kind>.go), their storage does not, so each backend stores them as a
// JSON document of the kind's type and a new kind needs no migration.
type Object struct {
	InstanceID string
	Kind       ResourceKind
	ID         string
	// Name is unique among the instance's objects of one kind when it is not empty; the store enforces it
	// exactly as given, so a kind whose names compare case-insensitively stores them folded, and a kind whose
	// names may repeat leaves it empty.
	Name             string
	CreatedTime      time.Time
	LastModifiedTime time.Time
	Doc              json.RawMessage // the kind's own type, as JSON
}

// The routing objects' kinds. Those with an ARN are named by the ARN's resource segment (ObjectARN);
// the associations have none.
const (
	KindHours           ResourceKind = "operating-hours"
	KindQueue           ResourceKind = "queue"
	KindQuickConnect    ResourceKind = "transfer-destination"
	KindRoutingProfile  ResourceKind = "routing-profile"
	KindSecurityProfile ResourceKind = "security-profile"
	KindUser            ResourceKind = "agent"
	KindHierarchyGroup  ResourceKind = "agent-group"
	KindAgentStatus     ResourceKind = "agent-state"
	KindFlowModule      ResourceKind = "flow-module"
	KindVocabulary      ResourceKind = "vocabulary"
	// The instance's associations and singletons, which have no ARN of their own.
	KindHierarchyStructure ResourceKind = "hierarchy-structure"
	KindStorageConfig      ResourceKind = "storage-config"
	KindLambdaFunction     ResourceKind = "lambda-function"
	KindBot                ResourceKind = "bot"
)

// ObjectKinds lists every routing object kind, for the code that walks them all (export, counts).
var ObjectKinds = []ResourceKind{KindHours, KindQueue, KindQuickConnect, KindRoutingProfile, KindSecurityProfile,
	KindUser, KindHierarchyGroup, KindAgentStatus, KindFlowModule, KindVocabulary, KindHierarchyStructure,
	KindStorageConfig, KindLambdaFunction, KindBot}

// kindNouns name each kind in messages.
var kindNouns = map[ResourceKind]string{KindHours: "hours of operation", KindQueue: "queue", KindQuickConnect: "quick connect",
	KindRoutingProfile: "routing profile", KindSecurityProfile: "security profile", KindUser: "user",
	KindHierarchyGroup: "hierarchy group", KindAgentStatus: "agent status", KindFlowModule: "flow module",
	KindVocabulary: "vocabulary", KindHierarchyStructure: "hierarchy structure", KindStorageConfig: "storage config",
	KindLambdaFunction: "Lambda function", KindBot: "bot"}

// arnKinds are the object kinds an ARN can name (ParseARN accepts them).
var arnKinds = map[ResourceKind]bool{KindHours: true, KindQueue: true, KindQuickConnect: true,
	KindRoutingProfile: true, KindSecurityProfile: true, KindUser: true, KindHierarchyGroup: true,
	KindAgentStatus: true, KindFlowModule: true, KindVocabulary: true}

// ObjectARN is .../instance/INSTANCE/KIND/ID for a kind with an ARN.
func (s Scope) ObjectARN(instanceID string, kind ResourceKind, id string) string {
	return s.InstanceARN(instanceID) + "/" + string(kind) + "/" + id
}

// DecodeObject reads o's document into v (a pointer to the kind's type).
func DecodeObject(o Object, v any) error {
	if err := json.Unmarshal(o.Doc, v); err != nil {
		return Errorf(Internal, "stored %s %s is unreadable: %v", o.Kind, o.ID, err)
	}
	return nil
}

// EncodeObject sets o's document to v.
func EncodeObject(o *Object, v any) error {
	doc, err := json.Marshal(v)
	if err != nil {
		return Errorf(Internal, "%s %s cannot be stored: %v", o.Kind, o.ID, err)
	}
	o.Doc = doc
	return nil
}

// ObjectRef names one routing object of the same instance.
type ObjectRef struct {
	Kind ResourceKind
	ID   string
}

// referrer is a kind's value that names other objects of its instance (a queue its hours, a routing profile
// its queues, a user its routing profile): what a delete must not leave dangling.
type referrer interface{ references() []ObjectRef }

// referrers decodes each kind whose value can name other objects; one row per kind.
var referrers = map[ResourceKind]func(json.RawMessage) (referrer, error){
	KindHours:          decodeReferrer[HoursOfOperation],
	KindQueue:          decodeReferrer[Queue],
	KindQuickConnect:   decodeReferrer[QuickConnect],
	KindRoutingProfile: decodeReferrer[RoutingProfile],
	KindUser:           decodeReferrer[User],
	KindHierarchyGroup: decodeReferrer[HierarchyGroup],
}

func decodeReferrer[T referrer](doc json.RawMessage) (referrer, error) {
	var v T
	err := json.Unmarshal(doc, &v)
	return v, err
}

// referencedBy returns an object of the instance that names target, if any.
func referencedBy(tx Tx, scope Scope, inst string, target ObjectRef) (Object, bool, error) {
	for _, kind := range ObjectKinds {
		decode := referrers[kind]
		if decode == nil {
			continue
		}
		var after Cursor
		for {
			objs, err := tx.ListObjects(scope, inst, kind, after, 500)
			if err != nil {
				return Object{}, false, err
			}
			for _, o := range objs {
				v, err := decode(o.Doc)
				if err != nil {
					return Object{}, false, Errorf(Internal, "stored %s %s is unreadable: %v", o.Kind, o.ID, err)
				}
				for _, ref := range v.references() {
					if ref == target {
						return o, true, nil
					}
				}
			}
			if len(objs) < 500 {
				break
			}
			after = Cursor{CreatedTime: objs[len(objs)-1].CreatedTime, ID: objs[len(objs)-1].ID}
		}
	}
	return Object{}, false, nil
}

// refuseIfReferenced is the delete check of a kind other objects name: InUse, naming the first user.
func refuseIfReferenced(tx Tx, scope Scope, inst string, info ObjectKindInfo, id string) error {
	o, found, err := referencedBy(tx, scope, inst, ObjectRef{Kind: info.Kind, ID: id})
	if err != nil || !found {
		return err
	}
	return Errorf(InUse, "%s '%s' is in use by %s '%s'", info.Noun, id, kindNouns[o.Kind], o.ID)
}
