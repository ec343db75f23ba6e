package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type DeleteQuickConnectRequest struct {
	InstanceId     string
	QuickConnectId string
}

func deleteQuickConnect(ctx context.Context, a *API, scope connectlocal.Scope, in *DeleteQuickConnectRequest) (*struct{}, error) {
	return &struct{}{}, a.svc.DeleteQuickConnect(ctx, scope, in.InstanceId, in.QuickConnectId)
}
