package awsapi

import (
	"context"
	"encoding/json"
	"time"

	"github.com/connectlocal/connectlocal"
)

type Reference struct {
	Value        *string
	Type         string
	Status       *string
	Arn          *string
	StatusReason *string
}

type TaskAttachment struct {
	FileName string
	S3Url    string
}

type StartTaskContactRequest struct {
	InstanceId        string
	PreviousContactId *string
	ContactFlowId     *string
	Attributes        map[string]string
	Name              string
	References        map[string]Reference
	Description       *string
	ClientToken       *string
	ScheduledTime     *epochTime
	TaskTemplateId    *string
	QuickConnectId    *string
	RelatedContactId  *string
	SegmentAttributes json.RawMessage
	Attachments       []TaskAttachment
}

type StartTaskContactResponse struct {
	ContactId string
}

// contactExpiry reads SegmentAttributes["connect:ContactExpiry"].ValueMap.ExpiryDuration.ValueInteger (minutes,
// spec-facts §7.4). The attribute without that integer is refused rather than ignored (issue 12).
func contactExpiry(raw json.RawMessage) (int, error) {
	var attrs map[string]json.RawMessage
	if len(raw) == 0 || json.Unmarshal(raw, &attrs) != nil {
		return 0, nil
	}
	exp, ok := attrs["connect:ContactExpiry"]
	if !ok {
		return 0, nil
	}
	var v struct {
		ValueMap map[string]struct{ ValueInteger *int }
	}
	missing := connectlocal.Errorf(connectlocal.InvalidArgument,
		"SegmentAttributes 'connect:ContactExpiry' needs ValueMap.ExpiryDuration.ValueInteger, the expiry in minutes")
	if json.Unmarshal(exp, &v) != nil {
		return 0, missing
	}
	d, ok := v.ValueMap["ExpiryDuration"]
	if !ok || d.ValueInteger == nil {
		return 0, missing
	}
	// Checked here, where 0 still reads as sent: past this point 0 means "absent" (issue 19 #11).
	if err := connectlocal.CheckExpiryMinutes(*d.ValueInteger); err != nil {
		return 0, err
	}
	return *d.ValueInteger, nil
}

func startTaskContact(ctx context.Context, a *API, scope connectlocal.Scope, in *StartTaskContactRequest) (*StartTaskContactResponse, error) {
	task := connectlocal.StartTaskContactInput{
		InstanceID: in.InstanceId, PreviousContactID: val(in.PreviousContactId), RelatedContactID: val(in.RelatedContactId),
		ContactFlowID: val(in.ContactFlowId), QuickConnectID: val(in.QuickConnectId), TaskTemplateID: val(in.TaskTemplateId),
		Name: in.Name, Description: val(in.Description), Attributes: in.Attributes, ClientToken: val(in.ClientToken),
	}
	var err error
	if task.ExpiryMinutes, err = contactExpiry(in.SegmentAttributes); err != nil {
		return nil, err
	}
	if len(in.SegmentAttributes) > 0 && string(in.SegmentAttributes) != "null" {
		task.SegmentAttributes = in.SegmentAttributes
	}
	if in.ScheduledTime != nil {
		task.ScheduledTime = time.Time(*in.ScheduledTime).UTC()
	}
	if len(in.References) > 0 {
		task.References = make(map[string]connectlocal.Reference, len(in.References))
		for k, r := range in.References {
			task.References[k] = connectlocal.Reference{Type: r.Type, Value: val(r.Value)}
		}
	}
	c, err := a.svc.StartTaskContact(ctx, scope, task)
	if err != nil {
		return nil, err
	}
	return &StartTaskContactResponse{ContactId: c.ID}, nil
}
