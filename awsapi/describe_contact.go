package awsapi

import (
	"context"
	"encoding/json"

	"github.com/connectlocal/connectlocal"
)

type DescribeContactRequest struct {
	InstanceId string
	ContactId  string
}

type TaskTemplateInfoV2 struct {
	Arn  string
	Name string
}

type Contact struct {
	Arn                 string
	Id                  string
	InitialContactId    string
	PreviousContactId   *string `json:",omitempty"`
	RelatedContactId    *string `json:",omitempty"`
	InitiationMethod    string
	Channel             string
	Name                string
	Description         *string `json:",omitempty"`
	InitiationTimestamp *epochTime
	ScheduledTimestamp  *epochTime `json:",omitempty"`
	LastUpdateTimestamp *epochTime
	DisconnectTimestamp *epochTime          `json:",omitempty"`
	DisconnectReason    *string             `json:",omitempty"`
	Attributes          map[string]string   `json:",omitempty"`
	SegmentAttributes   json.RawMessage     `json:",omitempty"`
	TaskTemplateInfo    *TaskTemplateInfoV2 `json:",omitempty"`
	Tags                map[string]string   `json:",omitempty"`
}

type DescribeContactResponse struct {
	Contact Contact
}

func describeContact(ctx context.Context, a *API, scope connectlocal.Scope, in *DescribeContactRequest) (*DescribeContactResponse, error) {
	c, err := a.svc.DescribeContact(ctx, scope, in.InstanceId, in.ContactId)
	if err != nil {
		return nil, err
	}
	out := Contact{
		Arn: scope.ContactARN(c.InstanceID, c.ID), Id: c.ID, InitialContactId: c.InitialContactID,
		PreviousContactId: str(c.PreviousContactID), RelatedContactId: str(c.RelatedContactID),
		InitiationMethod: "API", Channel: "TASK", Name: c.Name, Description: str(c.Description),
		InitiationTimestamp: stamp(c.InitiationTimestamp), ScheduledTimestamp: stamp(c.ScheduledTimestamp),
		LastUpdateTimestamp: stamp(c.InitiationTimestamp), DisconnectTimestamp: stamp(c.DisconnectTimestamp),
		DisconnectReason: str(c.DisconnectReason), Attributes: c.Attributes, SegmentAttributes: c.SegmentAttributes,
	}
	out.Tags = tagsOut(c.Tags)
	// The last change: an UpdateContact* call, or the end, whichever came later.
	if c.LastUpdateTimestamp.After(c.InitiationTimestamp) {
		out.LastUpdateTimestamp = stamp(c.LastUpdateTimestamp)
	}
	if c.DisconnectTimestamp.After(c.LastUpdateTimestamp) {
		out.LastUpdateTimestamp = stamp(c.DisconnectTimestamp)
	}
	if c.TaskTemplateID != "" {
		out.TaskTemplateInfo = &TaskTemplateInfoV2{Arn: scope.TaskTemplateARN(c.InstanceID, c.TaskTemplateID), Name: c.TaskTemplateName}
	}
	return &DescribeContactResponse{Contact: out}, nil
}
