package connectlocal

import (
	"context"
	"time"
)

// Store keeps every resource. It persists and enforces only what storage must (atomic writes, unique names);
// it never validates a template — Service does that, once, above every backend.
type Store interface {
	// View runs fn on a consistent read-only snapshot.
	View(ctx context.Context, fn func(Tx) error) error
	// Update runs fn as one atomic transaction: if fn returns an error, nothing it wrote is kept; if Update
	// returns nil, all of it is durable. Updates with the same key are serialized (see UpdateKey); fn may
	// write only what its key covers.
	//
	// fn may run more than once: a backend may re-run it after a failed attempt (PostgreSQL does on a
	// deadlock or serialization failure). Each run starts from the store's state, not from what an earlier
	// run wrote, so fn must have no effects outside tx and must not depend on values an earlier run
	// assigned: whatever it hands back to its caller it sets on every path (storetest's
	// "ServiceRerunsSafely" runs every Service operation after a first run that fails midway).
	Update(ctx context.Context, key UpdateKey, fn func(Tx) error) error
	// Secret returns 32 random bytes created once per store and kept with its data, so that every node on
	// one store signs pagination tokens alike.
	Secret(ctx context.Context) ([]byte, error)
	// Ping reports whether the store answers.
	Ping(ctx context.Context) error
	Close() error
}

// UpdateKey names what an Update serializes on. An instance key (Scope and InstanceID) covers the
// instance's records: its templates, flows, contacts, counters, tags and tokens. A scope key (InstanceID
// empty) covers the scope's instance records and its instance-level tokens; it does not wait for instance
// keys in the scope. The zero key covers everything and waits for, and holds back, every other Update.
// An Update may also write the records of an instance it created itself (no other Update can reach them
// before it commits), and under an instance key the scope-level token that records that instance (DeleteInstance
// keeps its token outside the instance, so the cascade does not remove it).
// A backend may serialize more coarsely (memory and SQLite have one writer); PostgreSQL serializes exactly
// this, so writes to different instances run in parallel on every node. The memory store refuses, with an
// Internal error, a write its key does not cover, so every test on it guards this rule.
type UpdateKey struct {
	Scope      Scope
	InstanceID string
}

// InstanceKey is the key of writes inside one instance.
func InstanceKey(s Scope, instanceID string) UpdateKey {
	return UpdateKey{Scope: s, InstanceID: instanceID}
}

// ScopeKey is the key of instance-level writes in one scope (creating an instance).
func ScopeKey(s Scope) UpdateKey { return UpdateKey{Scope: s} }

// Cursor is the keyset position a list page starts after: the last item's (CreatedTime, ID).
type Cursor struct {
	CreatedTime time.Time
	ID          string
}

// IsZero reports whether the cursor is the start of the list.
func (c Cursor) IsZero() bool { return c.ID == "" && c.CreatedTime.IsZero() }

// TemplateFilter narrows ListTaskTemplates; empty members match everything (exact, case-sensitive).
type TemplateFilter struct {
	Name   string
	Status TemplateStatus
}

// Tx is what a Store offers inside View and Update. Every method acts within one Scope. Values a Tx
// returns belong to the caller, who may change them (their slices and maps too) without changing the
// store or what a later read returns. Lists are ordered by
// (CreatedTime, ID) ascending and return at most limit items strictly after the cursor. Getters return a
// NotFound *Error for a missing record; writers return AlreadyExists when a unique name is taken. Writers
// called inside View return an error. PutTaskTemplate, PutContact, PutTags, PutToken and
// DeleteTaskTemplateVersionsBefore may report their error from a later call or from Update instead
// (PostgreSQL pipelines them); every other method answers at once.
type Tx interface {
	RetentionTx
	RecordTx
	StateTx
	GetInstance(s Scope, id string) (Instance, error)
	ListInstances(s Scope, after Cursor, limit int) ([]Instance, error)
	CountInstances(s Scope) (int, error)
	// CreateInstance inserts; AlreadyExists when the alias (case-insensitive) is taken in the region by
	// any account, since the alias becomes a host name (spec-facts §9).
	CreateInstance(s Scope, inst Instance) error
	// DeleteInstance removes the instance and everything it holds: templates with all their versions,
	// flows, contacts, the tags of all of them, and idempotency tokens recorded for it.
	DeleteInstance(s Scope, id string) error

	// GetTaskTemplate returns the given version, or the latest when version is 0.
	GetTaskTemplate(s Scope, instanceID, id string, version int64) (TaskTemplate, error)
	// ListTaskTemplates returns latest versions; a backend may fill only the summary members (InstanceID, ID,
	// Name, Description, Status, CreatedTime, LastModifiedTime, Version), which is all a list shows.
	ListTaskTemplates(s Scope, instanceID string, f TemplateFilter, after Cursor, limit int) ([]TaskTemplate, error)
	CountTaskTemplates(s Scope, instanceID string) (int, error)
	// PutTaskTemplate stores t as version t.Version and makes it the latest: Version 1 creates the
	// template, a higher one must be exactly latest+1. AlreadyExists when another template of the instance
	// has t.Name.
	PutTaskTemplate(s Scope, t TaskTemplate) error
	// DeleteTaskTemplate removes the template, all its versions and its tags.
	DeleteTaskTemplate(s Scope, instanceID, id string) error

	GetContactFlow(s Scope, instanceID, id string) (ContactFlow, error)
	// ListContactFlows returns flows whose Type is in types (all when types is empty).
	ListContactFlows(s Scope, instanceID string, types []string, after Cursor, limit int) ([]ContactFlow, error)
	CountContactFlows(s Scope, instanceID string) (int, error)
	// PutContactFlow inserts or replaces; AlreadyExists when another flow of the instance has f.Name.
	PutContactFlow(s Scope, f ContactFlow) error
	// DeleteContactFlow removes the flow and its tags.
	DeleteContactFlow(s Scope, instanceID, id string) error

	GetContact(s Scope, instanceID, id string) (Contact, error)
	// PutContact inserts or replaces.
	PutContact(s Scope, c Contact) error
	// CountActiveContacts counts contacts neither stopped nor expired at now.
	CountActiveContacts(s Scope, instanceID string, now time.Time) (int, error)
	// CountContactsWithPrevious counts contacts whose PreviousContactID is previousID.
	CountContactsWithPrevious(s Scope, instanceID, previousID string) (int, error)

	// Tags returns the tags of the resource with the given ARN (an empty map when none).
	Tags(s Scope, arn string) (map[string]string, error)
	// PutTags replaces the resource's tags; an empty map removes them.
	PutTags(s Scope, arn string, tags map[string]string) error

	// Token returns what an idempotency token recorded, unless it has expired at now.
	Token(s Scope, key TokenKey, now time.Time) (string, bool, error)
	// PutToken records value under key until expires.
	PutToken(s Scope, key TokenKey, value string, expires time.Time) error

	ObjectTx
}

// ObjectTx is the part of Tx that keeps an instance's routing objects (object.go). DeleteInstance removes
// them with the instance.
type ObjectTx interface {
	GetObject(s Scope, instanceID string, kind ResourceKind, id string) (Object, error)
	// FindObject returns the object of the kind whose Name is name; NotFound when there is none.
	FindObject(s Scope, instanceID string, kind ResourceKind, name string) (Object, error)
	// ListObjects returns the instance's objects of the kind, in (CreatedTime, ID) order.
	ListObjects(s Scope, instanceID string, kind ResourceKind, after Cursor, limit int) ([]Object, error)
	CountObjects(s Scope, instanceID string, kind ResourceKind) (int, error)
	// PutObject inserts or replaces; AlreadyExists when another object of the instance's kind has o.Name
	// (an empty Name never clashes). A replaced object keeps its CreatedTime as given by the caller.
	PutObject(s Scope, o Object) error
	// DeleteObject removes the object and the tags of its ARN; NotFound when there is none.
	DeleteObject(s Scope, instanceID string, kind ResourceKind, id string) error
}

// TokenKey identifies an idempotency token: the operation, the instance it acts in (empty for
// CreateInstance) and the client's token (spec-facts §6).
type TokenKey struct {
	Operation  string
	InstanceID string
	Token      string
}

// RetentionTx is what a Store offers for the Retention bounds (embedded in Tx).
type RetentionTx interface {
	// DeleteTaskTemplateVersionsBefore deletes the template's snapshot versions below version, never the
	// latest.
	DeleteTaskTemplateVersionsBefore(s Scope, instanceID, id string, version int64) error
	// CountContacts counts the instance's contacts, active and ended.
	CountContacts(s Scope, instanceID string) (int, error)
	// DeleteEndedContacts deletes up to limit contacts of the instance that have ended at now (stopped, or
	// expired) and expire before expiresBefore, the earliest expiry first, and returns how many it deleted.
	DeleteEndedContacts(s Scope, instanceID string, now, expiresBefore time.Time, limit int) (int, error)
}

// RecordTx is the part of Tx that rewrites an instance's record and walks an instance's contacts (issue 12).
// Instance attributes and analytics data-set associations live in the instance's record, and a contact's
// tags in the contact's, so DeleteInstance's cascade removes them with no table of their own.
type RecordTx interface {
	// PutInstance replaces an existing instance's record; NotFound when there is none. Its ID, Alias and
	// CreatedTime must be those it was created with.
	PutInstance(s Scope, inst Instance) error
	// ListContacts returns at most limit contacts of the instance whose ID sorts strictly after afterID,
	// in ID order.
	ListContacts(s Scope, instanceID, afterID string, limit int) ([]Contact, error)
}

// StateTx is the part of Tx that reset and export need (issue 11): they walk the whole store rather than one
// resource, so they need every scope and every template version (contacts: RecordTx.ListContacts).
type StateTx interface {
	// Scopes returns every scope that holds an instance or an idempotency token, ordered by account, then region.
	Scopes() ([]Scope, error)
	// TaskTemplateVersions returns every stored version of the template, oldest first; NotFound when there is
	// no such template.
	TaskTemplateVersions(s Scope, instanceID, id string) ([]TaskTemplate, error)
	// DeleteScopeTokens removes the scope's idempotency tokens that belong to no instance (CreateInstance's and
	// DeleteInstance's; DeleteInstance removes the others) and returns how many it removed.
	DeleteScopeTokens(s Scope) (int, error)
}
