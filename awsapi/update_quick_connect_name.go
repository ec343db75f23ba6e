package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type UpdateQuickConnectNameRequest struct {
	InstanceId     string
	QuickConnectId string
	Name           *string
	Description    *string // "" clears it (model min 0; Terraform sends "" when unset)
}

func updateQuickConnectName(ctx context.Context, a *API, scope connectlocal.Scope, in *UpdateQuickConnectNameRequest) (*struct{}, error) {
	if in.Name == nil && in.Description == nil {
		return nil, connectlocal.Errorf(connectlocal.InvalidArgument, "At least Name or Description must be provided")
	}
	return &struct{}{}, a.svc.UpdateQuickConnect(ctx, scope, connectlocal.QuickConnectUpdate{Instance: in.InstanceId, ID: in.QuickConnectId,
		Name: in.Name, Description: in.Description})
}
