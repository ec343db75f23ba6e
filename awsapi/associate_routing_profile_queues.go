package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type AssociateRoutingProfileQueuesRequest struct {
	InstanceId                   string
	RoutingProfileId             string
	QueueConfigs                 []RoutingProfileQueueConfig
	ManualAssignmentQueueConfigs []RoutingProfileManualAssignmentQueueConfig
}

func associateRoutingProfileQueues(ctx context.Context, a *API, scope connectlocal.Scope, in *AssociateRoutingProfileQueuesRequest) (*struct{}, error) {
	return &struct{}{}, a.svc.AssociateRoutingProfileQueues(ctx, scope, connectlocal.RoutingProfileInput{Instance: in.InstanceId,
		ID: in.RoutingProfileId, Queues: queueConfigsIn(in.QueueConfigs), ManualQueues: manualQueuesIn(in.ManualAssignmentQueueConfigs)})
}
