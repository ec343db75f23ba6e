package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type UpdateQueueNameRequest struct {
	InstanceId  string
	QueueId     string
	Name        *string
	Description *string // "" clears it: Terraform sends "" for an unset description (lenientMembers)
}

func updateQueueName(ctx context.Context, a *API, scope connectlocal.Scope, in *UpdateQueueNameRequest) (*struct{}, error) {
	if in.Name == nil && in.Description == nil {
		return nil, connectlocal.Errorf(connectlocal.InvalidArgument, "At least Name or Description must be provided")
	}
	if in.Description != nil && len([]rune(*in.Description)) > 250 {
		// The model's maximum, checked here because the member is lenient about its minimum.
		return nil, connectlocal.Errorf(connectlocal.InvalidArgument, "Description must have length less than or equal to 250")
	}
	return &struct{}{}, a.svc.UpdateQueue(ctx, scope, connectlocal.QueueUpdate{Instance: in.InstanceId, ID: in.QueueId,
		Name: in.Name, Description: in.Description})
}
