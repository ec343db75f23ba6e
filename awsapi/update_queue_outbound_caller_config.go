package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type UpdateQueueOutboundCallerConfigRequest struct {
	InstanceId           string
	QueueId              string
	OutboundCallerConfig OutboundCallerConfig
}

func updateQueueOutboundCallerConfig(ctx context.Context, a *API, scope connectlocal.Scope, in *UpdateQueueOutboundCallerConfigRequest) (*struct{}, error) {
	c := in.OutboundCallerConfig.domain()
	return &struct{}{}, a.svc.UpdateQueue(ctx, scope, connectlocal.QueueUpdate{Instance: in.InstanceId, ID: in.QueueId, OutboundCaller: &c})
}
