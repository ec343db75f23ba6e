package awsapi

import (
	"context"
	"encoding/json"

	"github.com/connectlocal/connectlocal"
)

type UpdateContactRequest struct {
	InstanceId        string
	ContactId         string
	Name              *string
	Description       *string
	References        map[string]Reference
	SegmentAttributes json.RawMessage
	QueueInfo         json.RawMessage
	UserInfo          json.RawMessage
	CustomerEndpoint  json.RawMessage
	SystemEndpoint    json.RawMessage
}

type UpdateContactResponse struct{}

func present(raw json.RawMessage) bool { return len(raw) > 0 && string(raw) != "null" }

func updateContact(ctx context.Context, a *API, scope connectlocal.Scope, in *UpdateContactRequest) (*UpdateContactResponse, error) {
	up := connectlocal.UpdateContactInput{InstanceID: in.InstanceId, ContactID: in.ContactId, Name: in.Name, Description: in.Description}
	for _, m := range []struct {
		name string
		raw  json.RawMessage
	}{{"QueueInfo", in.QueueInfo}, {"UserInfo", in.UserInfo}, {"CustomerEndpoint", in.CustomerEndpoint}, {"SystemEndpoint", in.SystemEndpoint}} {
		if present(m.raw) && up.NotForTasks == "" {
			up.NotForTasks = m.name
		}
	}
	if in.References != nil {
		up.References = make(map[string]connectlocal.Reference, len(in.References))
		for k, r := range in.References {
			up.References[k] = connectlocal.Reference{Type: r.Type, Value: val(r.Value)}
		}
	}
	if present(in.SegmentAttributes) {
		up.SegmentAttributes = in.SegmentAttributes
		var err error
		if up.ExpiryMinutes, err = contactExpiry(in.SegmentAttributes); err != nil {
			return nil, err
		}
	}
	return &UpdateContactResponse{}, a.svc.UpdateContact(ctx, scope, up)
}
