package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type DeleteQueueRequest struct {
	InstanceId string
	QueueId    string
}

func deleteQueue(ctx context.Context, a *API, scope connectlocal.Scope, in *DeleteQueueRequest) (*struct{}, error) {
	return &struct{}{}, a.svc.DeleteQueue(ctx, scope, in.InstanceId, in.QueueId)
}
