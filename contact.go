package connectlocal

import "time"

// Contact is a task contact started with StartTaskContact.
type Contact struct {
	InstanceID          string
	ID                  string
	InitialContactID    string
	PreviousContactID   string
	RelatedContactID    string
	Name                string
	Description         string
	ContactFlowID       string
	QuickConnectID      string
	InitiationTimestamp time.Time
	ScheduledTimestamp  time.Time // zero when not scheduled
	DisconnectTimestamp time.Time // zero while active
	DisconnectReason    string
	ExpiryMinutes       int
	Attributes          map[string]string
	References          map[string]Reference
	SegmentAttributes   []byte // the request's SegmentAttributes JSON, kept as sent
	TaskTemplateID      string
	TaskTemplateVersion int64
	TaskTemplateName    string
	Tags                map[string]string `json:",omitempty"` // TagContact (service_contacts_update.go)
	LastUpdateTimestamp time.Time         `json:",omitzero"`  // zero until UpdateContact* changes it
}

// Reference is a named value a task carries (a URL, a number, ...).
type Reference struct {
	Type  string
	Value string
}

// DefaultExpiryMinutes is a task's lifetime when nothing sets it: 7 days (spec-facts §1, [S3][S4]).
const DefaultExpiryMinutes = 7 * 24 * 60

// EndedAt reports when the contact ended, by StopContact or by expiry, as seen at now.
func (c *Contact) EndedAt(now time.Time) (time.Time, string, bool) {
	if !c.DisconnectTimestamp.IsZero() {
		return c.DisconnectTimestamp, c.DisconnectReason, true
	}
	if exp := c.ExpiresAt(); !exp.After(now) {
		return exp, "EXPIRED", true
	}
	return time.Time{}, "", false
}

// ExpiresAt is (ScheduledTime or InitiationTimestamp) + expiry minutes (spec-facts §7.5).
func (c *Contact) ExpiresAt() time.Time {
	start := c.InitiationTimestamp
	if !c.ScheduledTimestamp.IsZero() {
		start = c.ScheduledTimestamp
	}
	m := c.ExpiryMinutes
	if m <= 0 {
		m = DefaultExpiryMinutes
	}
	return start.Add(time.Duration(m) * time.Minute)
}
