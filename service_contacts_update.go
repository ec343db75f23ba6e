package connectlocal

import (
	"cmp"
	"context"
	"encoding/json"
	"maps"
	"regexp"
	"slices"
	"strings"
	"time"
)

// attributeKey is what a contact attribute key may hold: StartTaskContact's and UpdateContactAttributes'
// model documentation say "Attribute keys can include only alphanumeric, dash, and underscore characters."
var attributeKey = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

// checkAttributeKeys refuses the first key (in sorted order) outside [A-Za-z0-9_-], naming it.
func checkAttributeKeys(attrs map[string]string) error {
	for _, k := range slices.Sorted(maps.Keys(attrs)) {
		if !attributeKey.MatchString(k) {
			return Errorf(InvalidArgument, "Attribute key '%s' is not valid: keys can include only alphanumeric, dash, and underscore characters", clip(k))
		}
	}
	return nil
}

func checkAttributesSize(attrs map[string]string) error {
	size := 0
	for k, v := range attrs {
		size += len(k) + len(v)
	}
	if size > MaxAttributesBytes {
		return Errorf(InvalidArgument, "Attributes hold %d bytes; at most %d are allowed", size, MaxAttributesBytes)
	}
	return nil
}

// referenceValueType is the field type whose value rule a reference of each type follows, wherever the
// reference arrives: StartTaskContact with or without a template, and UpdateContact (issue 19 #10). A NUMBER
// reference holds what a NUMBER field does, and so on; DATE is epoch seconds (spec-facts §7.4); STRING takes
// anything. An empty value is no value (UpdateContact empties a reference with it).
var referenceValueType = map[string]FieldType{"NUMBER": FieldNumber, "EMAIL": FieldEmail, "URL": FieldURL, "DATE": FieldDateTime}

// checkReferences checks each reference's type and value, and the size of the whole set (spec-facts §7.4).
func checkReferences(refs map[string]Reference) error {
	size := 0
	for _, k := range slices.Sorted(maps.Keys(refs)) {
		r := refs[k]
		size += len(k) + len(r.Value)
		if !referenceTypes[r.Type] {
			return Errorf(InvalidArgument, "Reference '%s' has type %s; a task may carry only URL, NUMBER, STRING, DATE and EMAIL references", k, r.Type)
		}
		if ft, ok := referenceValueType[r.Type]; ok && r.Value != "" {
			if want := valueWant(Field{Name: k, Type: ft}, r.Value); want != "" {
				return Errorf(InvalidArgument, "Reference '%s' of type %s must hold %s, not '%s'", k, r.Type, want, clip(r.Value))
			}
		}
	}
	if size > MaxReferencesBytes {
		return Errorf(InvalidArgument, "References hold %d bytes; at most %d are allowed", size, MaxReferencesBytes)
	}
	return nil
}

// withContactExpiry returns segment attributes raw with connect:ContactExpiry set to minutes, in the shape a
// caller sends it, keeping every other attribute as it was.
func withContactExpiry(raw []byte, minutes int) []byte {
	attrs := map[string]json.RawMessage{}
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &attrs); err != nil || attrs == nil {
			attrs = map[string]json.RawMessage{}
		}
	}
	v, _ := json.Marshal(map[string]any{"ValueMap": map[string]any{"ExpiryDuration": map[string]any{"ValueInteger": minutes}}})
	attrs["connect:ContactExpiry"] = v
	out, _ := json.Marshal(attrs)
	return out
}

// mergeSegmentAttributes overlays update's keys on raw's.
func mergeSegmentAttributes(raw, update []byte) []byte {
	attrs := map[string]json.RawMessage{}
	if len(raw) > 0 {
		_ = json.Unmarshal(raw, &attrs)
	}
	var upd map[string]json.RawMessage
	_ = json.Unmarshal(update, &upd)
	if attrs == nil {
		attrs = map[string]json.RawMessage{}
	}
	maps.Copy(attrs, upd)
	out, _ := json.Marshal(attrs)
	return out
}

// updatable returns the contact for an update: a task of the instance, by id or ARN.
func updatable(tx Tx, scope Scope, instance, id string) (Contact, error) {
	inst, err := requireInstance(tx, scope, instance)
	if err != nil {
		return Contact{}, err
	}
	return getContact(tx, scope, inst, id)
}

// UpdateContactInput is UpdateContact's request, already checked against the model. Nil pointers and maps
// are members the caller left out.
type UpdateContactInput struct {
	InstanceID        string
	ContactID         string
	Name              *string
	Description       *string
	References        map[string]Reference
	SegmentAttributes []byte
	ExpiryMinutes     int // from SegmentAttributes["connect:ContactExpiry"]; 0 when absent
	// NotForTasks names a member given that a task cannot carry (QueueInfo, UserInfo, CustomerEndpoint,
	// SystemEndpoint): a task has no queue, agent or endpoints here.
	NotForTasks string
}

// UpdateContact changes a task's name, description, references and segment attributes, ongoing or
// completed (the operation's documentation: "for both ongoing and completed contacts"). A task started from
// a template keeps that template's rules: a reference that carries a field's value keeps the field's
// reference type and value type, and a required field cannot be emptied (spec-facts §7.3). An empty Name is
// taken otherwise: UpdateContact's Name is the model's Name shape, length 0 to 1024 (the API reference says
// "Minimum length of 0"), unlike StartTaskContact's, which needs 1 (issue 19 #11).
func (s *Service) UpdateContact(ctx context.Context, scope Scope, in UpdateContactInput) error {
	if in.NotForTasks != "" {
		return Errorf(InvalidRequest, "%s cannot be updated on a task contact", in.NotForTasks)
	}
	if in.Name == nil && in.Description == nil && in.References == nil && in.SegmentAttributes == nil {
		// The operation's documentation: "At least one field to be updated must be present in the request."
		return Errorf(InvalidRequest, "At least one field to be updated must be present in the request")
	}
	if in.ExpiryMinutes != 0 { // 0: absent
		if err := CheckExpiryMinutes(in.ExpiryMinutes); err != nil {
			return err
		}
	}
	now := s.now()
	return s.Store.Update(ctx, instanceKey(scope, in.InstanceID), func(tx Tx) error {
		c, err := updatable(tx, scope, in.InstanceID, in.ContactID)
		if err != nil {
			return err
		}
		if in.Name != nil {
			c.Name = *in.Name
		}
		if in.Description != nil {
			c.Description = *in.Description
		}
		if in.References != nil {
			c.References = maps.Clone(c.References)
			if c.References == nil {
				c.References = map[string]Reference{}
			}
			maps.Copy(c.References, in.References)
			if err := checkReferences(c.References); err != nil {
				return err
			}
		}
		if in.SegmentAttributes != nil {
			c.SegmentAttributes = mergeSegmentAttributes(c.SegmentAttributes, in.SegmentAttributes)
			if in.ExpiryMinutes != 0 {
				c.ExpiryMinutes = in.ExpiryMinutes
			}
		}
		if c.TaskTemplateID != "" {
			if err := checkAgainstTemplate(tx, scope, &c, in); err != nil {
				return err
			}
		}
		c.LastUpdateTimestamp = now
		return tx.PutContact(scope, c)
	})
}

// checkAgainstTemplate applies the rules of the template version a task was started from to what an update
// changes.
func checkAgainstTemplate(tx Tx, scope Scope, c *Contact, in UpdateContactInput) error {
	t, err := tx.GetTaskTemplate(scope, c.InstanceID, c.TaskTemplateID, c.TaskTemplateVersion)
	if CodeOf(err) == NotFound {
		return nil // the template was deleted: nothing left to hold the task to
	}
	if err != nil {
		return err
	}
	for _, f := range t.Fields {
		required := slices.Contains(t.Constraints.RequiredFields, f.Name)
		var value string
		switch f.Type {
		case FieldName:
			if in.Name == nil {
				continue
			}
			value = *in.Name
		case FieldDescription:
			if in.Description == nil {
				continue
			}
			value = *in.Description
		default:
			r, ok := in.References[f.Name]
			if !ok {
				continue
			}
			want, isRef := fieldReferenceType[f.Type]
			if !isRef {
				continue
			}
			if r.Type != want {
				return Errorf(InvalidArgument, "Reference '%s' carries field '%s' of task template '%s', so its type must stay %s, not %s", f.Name, f.Name, t.Name, want, r.Type)
			}
			value = r.Value
		}
		if value == "" {
			if required {
				return Errorf(InvalidRequest, "Required field '%s' of task template '%s' cannot be emptied", f.Name, t.Name)
			}
			continue
		}
		if msg := CheckFieldValue(f, value); msg != "" {
			return Errorf(InvalidArgument, "%s", msg)
		}
	}
	return nil
}

// UpdateContactAttributes merges attributes into the contact's, ongoing or completed (the operation's
// documentation). A key already present takes the new value. A task linked by PreviousContactId shares the
// update with every contact of its chain: StartTaskContact's PreviousContactId documentation says "Any
// updates to user-defined attributes to task contacts linked using the same PreviousContactID will affect
// every contact in the chain" (spec-facts §7.4, issue 19 #6). Each member keeps its other attributes; what a
// linked task starts with is its own (decided: the model documents copying at creation only for
// RelatedContactId).
func (s *Service) UpdateContactAttributes(ctx context.Context, scope Scope, instance, initialContactID string, attrs map[string]string) error {
	if err := checkAttributeKeys(attrs); err != nil {
		return err
	}
	now := s.now()
	return s.Store.Update(ctx, instanceKey(scope, instance), func(tx Tx) error {
		c, err := updatable(tx, scope, instance, initialContactID)
		if err != nil {
			return err
		}
		chain, err := chainOf(tx, scope, c)
		if err != nil {
			return err
		}
		for _, m := range chain {
			merged := maps.Clone(m.Attributes)
			if merged == nil {
				merged = map[string]string{}
			}
			maps.Copy(merged, attrs)
			if err := checkAttributesSize(merged); err != nil {
				return err
			}
			m.Attributes, m.LastUpdateTimestamp = merged, now
			if err := tx.PutContact(scope, m); err != nil {
				return err
			}
		}
		return nil
	})
}

// chainOf returns c and every other contact linked with it by PreviousContactId: those with its
// InitialContactID, which StartTaskContact copies down a chain. A contact neither linked to a previous one nor
// named as one is alone, found with one count; a chain costs a walk of the instance's contacts (at most
// --ended-tasks plus the active ones), as no store indexes InitialContactID.
func chainOf(tx Tx, scope Scope, c Contact) ([]Contact, error) {
	chain := []Contact{c}
	if c.PreviousContactID == "" {
		n, err := tx.CountContactsWithPrevious(scope, c.InstanceID, c.ID)
		if err != nil || n == 0 {
			return chain, err
		}
	}
	root := cmp.Or(c.InitialContactID, c.ID)
	after := ""
	for {
		batch, err := tx.ListContacts(scope, c.InstanceID, after, 500)
		if err != nil {
			return nil, err
		}
		for _, o := range batch {
			if o.ID != c.ID && cmp.Or(o.InitialContactID, o.ID) == root {
				chain = append(chain, o)
			}
		}
		if len(batch) < 500 {
			return chain, nil
		}
		after = batch[len(batch)-1].ID
	}
}

// UpdateContactSchedule moves a scheduled task that has not yet started ("a task contact that is already
// scheduled", the operation's documentation) to a new time within StartTaskContact's window.
func (s *Service) UpdateContactSchedule(ctx context.Context, scope Scope, instance, id string, at time.Time) error {
	now := s.now()
	if err := checkSchedule(at, now); err != nil {
		return err
	}
	return s.Store.Update(ctx, instanceKey(scope, instance), func(tx Tx) error {
		c, err := updatable(tx, scope, instance, id)
		if err != nil {
			return err
		}
		if c.ScheduledTimestamp.IsZero() {
			return Errorf(InvalidRequest, "Contact '%s' is not a scheduled task", id)
		}
		if _, _, ended := c.EndedAt(now); ended {
			return Errorf(InvalidRequest, "Contact '%s' has already ended", id)
		}
		if !c.ScheduledTimestamp.After(now) {
			return Errorf(InvalidRequest, "Contact '%s' has already started at its scheduled time", id)
		}
		c.ScheduledTimestamp, c.LastUpdateTimestamp = at, now
		return tx.PutContact(scope, c)
	})
}

// CheckExpiryMinutes checks connect:ContactExpiry's minutes (spec-facts §7.4: 1 to 129,600), naming the
// value as sent.
func CheckExpiryMinutes(n int) error {
	if n < 1 || n > MaxExpiryMinutes {
		return Errorf(InvalidArgument, "connect:ContactExpiry must be 1 to %d minutes, not %d", MaxExpiryMinutes, n)
	}
	return nil
}

// checkSchedule is StartTaskContact's window for ScheduledTime (spec-facts §7.4, §15.7).
func checkSchedule(at, now time.Time) error {
	// A minute of grace for the caller's clock.
	if at.Before(now.Add(-time.Minute)) {
		return Errorf(InvalidArgument, "ScheduledTime %s is in the past", at.Format(time.RFC3339))
	}
	if at.After(now.AddDate(0, 0, MaxScheduleDays)) {
		return Errorf(InvalidArgument, "ScheduledTime may be at most %d days ahead", MaxScheduleDays)
	}
	return nil
}

// MaxContactTags is how many tags a contact holds: the model's ContactTagMap, which DescribeContact's Tags
// use too, holds at most 6.
const MaxContactTags = 6

// TagContact merges tags into the contact's; the same key overwrites.
func (s *Service) TagContact(ctx context.Context, scope Scope, instance, id string, tags map[string]string) error {
	return s.Store.Update(ctx, instanceKey(scope, instance), func(tx Tx) error {
		c, err := updatable(tx, scope, instance, id)
		if err != nil {
			return err
		}
		merged := maps.Clone(c.Tags)
		if merged == nil {
			merged = map[string]string{}
		}
		maps.Copy(merged, tags)
		if len(merged) > MaxContactTags {
			return Errorf(InvalidArgument, "A contact may have at most %d tags; this request would give it %d", MaxContactTags, len(merged))
		}
		c.Tags = merged
		return tx.PutContact(scope, c)
	})
}

// UntagContact removes the keys; keys the contact lacks are ignored.
func (s *Service) UntagContact(ctx context.Context, scope Scope, instance, id string, keys []string) error {
	return s.Store.Update(ctx, instanceKey(scope, instance), func(tx Tx) error {
		c, err := updatable(tx, scope, instance, id)
		if err != nil {
			return err
		}
		c.Tags = maps.Clone(c.Tags)
		for _, k := range keys {
			delete(c.Tags, k)
		}
		if len(c.Tags) == 0 {
			c.Tags = nil
		}
		return tx.PutContact(scope, c)
	})
}

// NamedReference is one of a contact's references with its name.
type NamedReference struct {
	Name string
	Reference
}

// ContactReferencesPageSize is how many references a ListContactReferences page holds (the request has no
// MaxResults; decided).
const ContactReferencesPageSize = 100

// ListContactReferences returns one page of the task's references whose type is in types, by name.
func (s *Service) ListContactReferences(ctx context.Context, scope Scope, instance, id string, types []string, token string) ([]NamedReference, string, error) {
	var refs []NamedReference
	var key string
	err := s.Store.View(ctx, func(tx Tx) error {
		c, err := updatable(tx, scope, instance, id)
		if err != nil {
			return err
		}
		key = c.InstanceID + "\x00" + c.ID
		for _, name := range slices.Sorted(maps.Keys(c.References)) {
			if r := c.References[name]; slices.Contains(types, r.Type) {
				refs = append(refs, NamedReference{Name: name, Reference: r})
			}
		}
		return nil
	})
	if err != nil {
		return nil, "", err
	}
	sorted := slices.Clone(types)
	slices.Sort(sorted)
	query := strings.Join(append([]string{"ListContactReferences", key}, sorted...), "\x00")
	return pageOf(ctx, s, Page{Token: token}, ContactReferencesPageSize, query, refs)
}
