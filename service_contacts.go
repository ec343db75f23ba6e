package connectlocal

import (
	"context"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
)

// StartTaskContactInput is StartTaskContact's request, already checked against the model.
type StartTaskContactInput struct {
	InstanceID        string
	PreviousContactID string
	RelatedContactID  string
	ContactFlowID     string
	QuickConnectID    string
	TaskTemplateID    string
	Name              string
	Description       string
	ScheduledTime     time.Time // zero when absent
	Attributes        map[string]string
	References        map[string]Reference
	SegmentAttributes []byte // as sent, kept with the contact
	ExpiryMinutes     int    // from SegmentAttributes["connect:ContactExpiry"]; 0 when absent
	ClientToken       string
}

// referenceTypes are the types a task may carry at creation (spec-facts §7.4, [S1]).
var referenceTypes = map[string]bool{"URL": true, "NUMBER": true, "STRING": true, "DATE": true, "EMAIL": true}

// fieldReferenceType is the reference type that carries each custom field's value (spec-facts §7.3).
var fieldReferenceType = map[FieldType]string{
	FieldURL: "URL", FieldEmail: "EMAIL", FieldNumber: "NUMBER", FieldDateTime: "DATE",
	FieldText: "STRING", FieldTextArea: "STRING", FieldSingleSelect: "STRING", FieldBoolean: "STRING",
}

// Size limits of a task (spec-facts §1).
const (
	MaxAttributesBytes = 32768
	MaxReferencesBytes = 4096
)

// StartTaskContact starts a task, from a template when TaskTemplateID is set (spec-facts §7).
func (s *Service) StartTaskContact(ctx context.Context, scope Scope, in StartTaskContactInput) (Contact, error) {
	now := s.now()
	if err := checkTaskMembers(&in, now); err != nil {
		return Contact{}, err
	}
	id := s.newID(ctx)
	var c Contact
	err := s.Store.Update(ctx, instanceKey(scope, in.InstanceID), func(tx Tx) error {
		// Built afresh on every run: a store may re-run this function, and the template rules fill c in.
		c = Contact{ID: id, Name: in.Name, Description: in.Description, QuickConnectID: in.QuickConnectID,
			ContactFlowID: in.ContactFlowID, InitiationTimestamp: now, ScheduledTimestamp: in.ScheduledTime,
			ExpiryMinutes: in.ExpiryMinutes, Attributes: maps.Clone(in.Attributes), References: maps.Clone(in.References),
			SegmentAttributes: in.SegmentAttributes, PreviousContactID: in.PreviousContactID, RelatedContactID: in.RelatedContactID}
		inst, err := requireInstance(tx, scope, in.InstanceID)
		if err != nil {
			return err
		}
		c.InstanceID = inst
		key := TokenKey{Operation: "StartTaskContact", InstanceID: inst, Token: in.ClientToken}
		if id, ok, err := s.remembered(tx, scope, key); err != nil || ok {
			c = Contact{InstanceID: inst, ID: id}
			return err
		}
		if err := s.linkContacts(tx, scope, &c); err != nil {
			return err
		}
		if in.TaskTemplateID != "" {
			if err := s.applyTemplate(tx, scope, &c, in.TaskTemplateID); err != nil {
				return err
			}
		} else if in.ContactFlowID != "" && in.QuickConnectID != "" {
			return Errorf(InvalidRequest, "Specify only one of ContactFlowId, QuickConnectId and TaskTemplateId")
		}
		if c.ContactFlowID == "" && c.QuickConnectID == "" {
			return Errorf(InvalidRequest, "A task needs a ContactFlowId, a QuickConnectId or a TaskTemplateId whose template has a flow")
		}
		if c.QuickConnectID != "" {
			// The quick connect, given or a template's default, must be of the instance (issue 20).
			if _, err := requireQuickConnect(tx, scope, inst, c.QuickConnectID); err != nil {
				if CodeOf(err) == NotFound {
					// Named after the member, so a form (the console's preview) can show it beside the field.
					return Errorf(NotFound, "QuickConnectId '%s' names no quick connect of this instance", c.QuickConnectID)
				}
				return err
			}
		}
		if c.ContactFlowID != "" {
			f, err := getFlow(tx, scope, inst, c.ContactFlowID)
			if err != nil {
				return err
			}
			c.ContactFlowID = f.ID
		}
		n, err := tx.CountActiveContacts(scope, inst, now)
		if err != nil {
			return err
		}
		if n >= s.Quotas.ActiveTasks {
			return quotaError("concurrent active tasks per instance", s.Quotas.ActiveTasks)
		}
		if err := tx.PutContact(scope, c); err != nil {
			return err
		}
		if err := s.keepTasks(tx, scope, inst, now, n+1); err != nil {
			return err
		}
		return s.remember(tx, scope, key, c.ID)
	})
	if err != nil {
		return Contact{}, err
	}
	return c, nil
}

// checkTaskMembers checks what needs no store: references, attributes, schedule, expiry (spec-facts §7.4).
func checkTaskMembers(in *StartTaskContactInput, now time.Time) error {
	if in.PreviousContactID != "" && in.RelatedContactID != "" {
		return Errorf(InvalidRequest, "Specify PreviousContactId or RelatedContactId, not both")
	}
	if err := checkReferences(in.References); err != nil {
		return err
	}
	if err := checkAttributeKeys(in.Attributes); err != nil {
		return err
	}
	if err := checkAttributesSize(in.Attributes); err != nil {
		return err
	}
	if !in.ScheduledTime.IsZero() {
		if err := checkSchedule(in.ScheduledTime, now); err != nil {
			return err
		}
	}
	if in.ExpiryMinutes != 0 { // 0: absent
		if err := CheckExpiryMinutes(in.ExpiryMinutes); err != nil {
			return err
		}
	}
	return nil
}

// linkContacts resolves PreviousContactId (a chain) and RelatedContactId (copies attributes).
func (s *Service) linkContacts(tx Tx, scope Scope, c *Contact) error {
	c.InitialContactID = c.ID
	if c.PreviousContactID != "" {
		prev, err := tx.GetContact(scope, c.InstanceID, c.PreviousContactID)
		if err != nil {
			if CodeOf(err) == NotFound {
				return notFound("Contact", c.PreviousContactID)
			}
			return err
		}
		n, err := tx.CountContactsWithPrevious(scope, c.InstanceID, prev.ID)
		if err != nil {
			return err
		}
		if n >= MaxLinkedTasks {
			return quotaError("tasks linked to one previous contact", MaxLinkedTasks)
		}
		c.InitialContactID = prev.InitialContactID
	}
	if c.RelatedContactID != "" {
		rel, err := tx.GetContact(scope, c.InstanceID, c.RelatedContactID)
		if err != nil {
			if CodeOf(err) == NotFound {
				return notFound("Contact", c.RelatedContactID)
			}
			return err
		}
		merged := maps.Clone(rel.Attributes)
		if merged == nil && len(c.Attributes) > 0 {
			merged = map[string]string{}
		}
		maps.Copy(merged, c.Attributes)
		c.Attributes = merged
	}
	return nil
}

// applyTemplate checks the request against the template (spec-facts §7.1–7.3): the flow, each field's value,
// required fields, and fills defaults.
func (s *Service) applyTemplate(tx Tx, scope Scope, c *Contact, raw string) error {
	id, err := templateID(scope, c.InstanceID, raw)
	if err != nil {
		return err
	}
	t, err := tx.GetTaskTemplate(scope, c.InstanceID, id, 0)
	if err != nil {
		if CodeOf(err) == NotFound {
			return notFound("Task template", raw)
		}
		return err
	}
	if t.Status != StatusActive {
		return Errorf(InvalidRequest, "Task template '%s' is INACTIVE and cannot start tasks", raw)
	}
	c.TaskTemplateID, c.TaskTemplateVersion, c.TaskTemplateName = t.ID, t.Version, t.Name
	hasQuickConnect := false
	for _, f := range t.Fields {
		hasQuickConnect = hasQuickConnect || f.Type == FieldQuickConnect
	}
	switch {
	case c.ContactFlowID != "" && c.QuickConnectID != "":
		return Errorf(InvalidRequest, "Specify only one of ContactFlowId and QuickConnectId with a TaskTemplateId")
	case c.QuickConnectID != "" && !hasQuickConnect:
		return Errorf(InvalidRequest, "Task template '%s' has no QUICK_CONNECT field, so QuickConnectId cannot be given", raw)
	case c.ContactFlowID != "" && t.ContactFlowID != "":
		return Errorf(InvalidRequest, "Task template '%s' has its own flow; ContactFlowId cannot be given", raw)
	case c.ContactFlowID == "" && c.QuickConnectID == "":
		c.ContactFlowID = t.ContactFlowID // may stay empty: a QUICK_CONNECT default can still route it
	}

	var missing []string
	for _, f := range t.Fields {
		value, ok := fieldValue(c, f)
		if !ok {
			if d, has := t.Default(f.Name); TemplateDefaultsFillTasks && has && d != "" {
				setFieldValue(c, f, d)
				value, ok = d, true
			}
		}
		if !ok {
			if slices.Contains(t.Constraints.RequiredFields, f.Name) {
				missing = append(missing, f.Name)
			}
			continue
		}
		if msg := CheckFieldValue(f, value); msg != "" {
			return Errorf(InvalidArgument, "%s", msg)
		}
	}
	if len(missing) > 0 {
		return Errorf(InvalidRequest, "Required fields of task template '%s' have no value: %s", t.Name, strings.Join(missing, ", "))
	}
	if c.ContactFlowID == "" && c.QuickConnectID == "" {
		return Errorf(InvalidRequest, "Task template '%s' has no flow; give a ContactFlowId or a QuickConnectId", raw)
	}
	return nil
}

// fieldValue reads a template field's value from where StartTaskContact carries it (spec-facts §7.3).
func fieldValue(c *Contact, f Field) (string, bool) {
	switch f.Type {
	case FieldName:
		return c.Name, c.Name != ""
	case FieldDescription:
		return c.Description, c.Description != ""
	case FieldScheduledTime:
		if c.ScheduledTimestamp.IsZero() {
			return "", false
		}
		return strconv.FormatInt(c.ScheduledTimestamp.Unix(), 10), true
	case FieldQuickConnect:
		return c.QuickConnectID, c.QuickConnectID != ""
	case FieldExpiryDuration:
		if c.ExpiryMinutes == 0 {
			return "", false
		}
		return strconv.Itoa(c.ExpiryMinutes), true
	case FieldSelfAssign:
		return "", false // not settable through StartTaskContact (spec-facts §7.3)
	}
	r, ok := c.References[f.Name]
	return r.Value, ok
}

// setFieldValue applies a default where the request left the field out.
func setFieldValue(c *Contact, f Field, v string) {
	switch f.Type {
	case FieldName:
		c.Name = v
	case FieldDescription:
		c.Description = v
	case FieldScheduledTime:
		if n, err := strconv.ParseInt(v, 10, 64); err == nil {
			c.ScheduledTimestamp = time.Unix(n, 0).UTC()
		}
	case FieldQuickConnect:
		c.QuickConnectID = v
	case FieldExpiryDuration:
		// Shown by DescribeContact exactly as when the caller sends connect:ContactExpiry itself (issue 12).
		if n, err := strconv.Atoi(v); err == nil {
			c.ExpiryMinutes = n
			c.SegmentAttributes = withContactExpiry(c.SegmentAttributes, n)
		}
	case FieldSelfAssign:
	default:
		if c.References == nil {
			c.References = map[string]Reference{}
		}
		c.References[f.Name] = Reference{Type: fieldReferenceType[f.Type], Value: v}
	}
}

// DescribeContact returns a task contact, with its end (stop or expiry) as seen now.
func (s *Service) DescribeContact(ctx context.Context, scope Scope, instance, id string) (Contact, error) {
	var c Contact
	err := s.Store.View(ctx, func(tx Tx) error {
		inst, err := requireInstance(tx, scope, instance)
		if err != nil {
			return err
		}
		if c, err = getContact(tx, scope, inst, id); err != nil {
			return err
		}
		if at, reason, ended := c.EndedAt(s.now()); ended {
			c.DisconnectTimestamp, c.DisconnectReason = at, reason
		}
		return nil
	})
	return c, err
}

func getContact(tx Tx, scope Scope, inst, raw string) (Contact, error) {
	id, ok := childID(scope, inst, KindContact, raw)
	if !ok {
		return Contact{}, notFound("Contact", raw)
	}
	c, err := tx.GetContact(scope, inst, id)
	if CodeOf(err) == NotFound {
		return Contact{}, notFound("Contact", raw)
	}
	return c, err
}

// StopContact ends an active task (spec-facts §8).
func (s *Service) StopContact(ctx context.Context, scope Scope, instance, id string, withReason bool) error {
	if withReason {
		return Errorf(InvalidArgument, "DisconnectReason may be given only for outbound campaign contacts, not for tasks")
	}
	now := s.now()
	return s.Store.Update(ctx, instanceKey(scope, instance), func(tx Tx) error {
		inst, err := requireInstance(tx, scope, instance)
		if err != nil {
			return err
		}
		c, err := getContact(tx, scope, inst, id)
		if err != nil {
			return err
		}
		if _, _, ended := c.EndedAt(now); ended {
			return Errorf(InvalidRequest, "Contact '%s' has already ended", id)
		}
		c.DisconnectTimestamp, c.DisconnectReason = now, "API"
		if err := tx.PutContact(scope, c); err != nil {
			return err
		}
		// A stop ends a task: without this, a stop after an instance's last start kept EndedTasks+1.
		return s.keepTasks(tx, scope, inst, now, -1)
	})
}
