package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type UpdateRoutingProfileDefaultOutboundQueueRequest struct {
	InstanceId             string
	RoutingProfileId       string
	DefaultOutboundQueueId string
}

func updateRoutingProfileDefaultOutboundQueue(ctx context.Context, a *API, scope connectlocal.Scope, in *UpdateRoutingProfileDefaultOutboundQueueRequest) (*struct{}, error) {
	return &struct{}{}, a.svc.UpdateRoutingProfileDefaultOutboundQueue(ctx, scope, connectlocal.RoutingProfileInput{Instance: in.InstanceId,
		ID: in.RoutingProfileId, DefaultOutboundQueueID: &in.DefaultOutboundQueueId})
}
