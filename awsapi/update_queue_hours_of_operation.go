package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type UpdateQueueHoursOfOperationRequest struct {
	InstanceId         string
	QueueId            string
	HoursOfOperationId string
}

func updateQueueHoursOfOperation(ctx context.Context, a *API, scope connectlocal.Scope, in *UpdateQueueHoursOfOperationRequest) (*struct{}, error) {
	return &struct{}{}, a.svc.UpdateQueue(ctx, scope, connectlocal.QueueUpdate{Instance: in.InstanceId, ID: in.QueueId, HoursOfOperationID: &in.HoursOfOperationId})
}
