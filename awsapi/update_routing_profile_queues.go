package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type UpdateRoutingProfileQueuesRequest struct {
	InstanceId       string
	RoutingProfileId string
	QueueConfigs     []RoutingProfileQueueConfig
}

func updateRoutingProfileQueues(ctx context.Context, a *API, scope connectlocal.Scope, in *UpdateRoutingProfileQueuesRequest) (*struct{}, error) {
	return &struct{}{}, a.svc.UpdateRoutingProfileQueues(ctx, scope, connectlocal.RoutingProfileInput{Instance: in.InstanceId,
		ID: in.RoutingProfileId, Queues: queueConfigsIn(in.QueueConfigs)})
}
