package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type DisassociateRoutingProfileQueuesRequest struct {
	InstanceId                      string
	RoutingProfileId                string
	QueueReferences                 []RoutingProfileQueueReference
	ManualAssignmentQueueReferences []RoutingProfileQueueReference
}

func disassociateRoutingProfileQueues(ctx context.Context, a *API, scope connectlocal.Scope, in *DisassociateRoutingProfileQueuesRequest) (*struct{}, error) {
	return &struct{}{}, a.svc.DisassociateRoutingProfileQueues(ctx, scope, in.InstanceId, in.RoutingProfileId,
		queueRefsIn(in.QueueReferences), queueRefsIn(in.ManualAssignmentQueueReferences))
}
