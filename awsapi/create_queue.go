package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type CreateQueueRequest struct {
	InstanceId           string
	Name                 string
	Description          *string
	OutboundCallerConfig *OutboundCallerConfig
	OutboundEmailConfig  *OutboundEmailConfig
	HoursOfOperationId   string
	MaxContacts          *int
	QuickConnectIds      []string
	// EmailAddressesConfig names email addresses, which connectlocal does not hold: accepted, not kept.
	EmailAddressesConfig []EmailAddressConfig
	Tags                 map[string]string
}

type CreateQueueResponse struct {
	QueueArn string
	QueueId  string
}

func createQueue(ctx context.Context, a *API, scope connectlocal.Scope, in *CreateQueueRequest) (*CreateQueueResponse, error) {
	req := connectlocal.QueueInput{Instance: in.InstanceId, Name: in.Name, Description: val(in.Description),
		HoursOfOperationID: in.HoursOfOperationId, MaxContacts: in.MaxContacts, OutboundCaller: in.OutboundCallerConfig.domain(),
		QuickConnectIDs: in.QuickConnectIds, Tags: in.Tags}
	if in.OutboundEmailConfig != nil {
		req.OutboundEmailAddress = val(in.OutboundEmailConfig.OutboundEmailAddressId)
	}
	r, err := a.svc.CreateQueue(ctx, scope, req)
	if err != nil {
		return nil, err
	}
	return &CreateQueueResponse{QueueArn: connectlocal.QueueARN(scope, r), QueueId: r.ID}, nil
}
