package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type DisassociateQueueQuickConnectsRequest struct {
	InstanceId      string
	QueueId         string
	QuickConnectIds []string
}

func disassociateQueueQuickConnects(ctx context.Context, a *API, scope connectlocal.Scope, in *DisassociateQueueQuickConnectsRequest) (*struct{}, error) {
	return &struct{}{}, a.svc.UpdateQueue(ctx, scope, connectlocal.QueueUpdate{Instance: in.InstanceId, ID: in.QueueId, Disassociate: in.QuickConnectIds})
}
