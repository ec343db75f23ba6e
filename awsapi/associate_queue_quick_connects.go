package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type AssociateQueueQuickConnectsRequest struct {
	InstanceId      string
	QueueId         string
	QuickConnectIds []string
}

func associateQueueQuickConnects(ctx context.Context, a *API, scope connectlocal.Scope, in *AssociateQueueQuickConnectsRequest) (*struct{}, error) {
	return &struct{}{}, a.svc.UpdateQueue(ctx, scope, connectlocal.QueueUpdate{Instance: in.InstanceId, ID: in.QueueId, Associate: in.QuickConnectIds})
}
