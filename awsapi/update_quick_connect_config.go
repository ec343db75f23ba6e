package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type UpdateQuickConnectConfigRequest struct {
	InstanceId         string
	QuickConnectId     string
	QuickConnectConfig QuickConnectConfig
}

func updateQuickConnectConfig(ctx context.Context, a *API, scope connectlocal.Scope, in *UpdateQuickConnectConfigRequest) (*struct{}, error) {
	c := in.QuickConnectConfig.domain()
	return &struct{}{}, a.svc.UpdateQuickConnect(ctx, scope, connectlocal.QuickConnectUpdate{Instance: in.InstanceId, ID: in.QuickConnectId, Config: &c})
}
