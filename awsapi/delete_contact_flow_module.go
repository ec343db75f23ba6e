package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type DeleteContactFlowModuleRequest struct {
	InstanceId          string
	ContactFlowModuleId string
}

func deleteContactFlowModule(ctx context.Context, a *API, scope connectlocal.Scope, in *DeleteContactFlowModuleRequest) (*struct{}, error) {
	return &struct{}{}, a.svc.DeleteContactFlowModule(ctx, scope, in.InstanceId, in.ContactFlowModuleId)
}
