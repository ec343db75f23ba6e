package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type UpdateQueueStatusRequest struct {
	InstanceId string
	QueueId    string
	Status     string
}

func updateQueueStatus(ctx context.Context, a *API, scope connectlocal.Scope, in *UpdateQueueStatusRequest) (*struct{}, error) {
	return &struct{}{}, a.svc.UpdateQueue(ctx, scope, connectlocal.QueueUpdate{Instance: in.InstanceId, ID: in.QueueId, Status: &in.Status})
}
