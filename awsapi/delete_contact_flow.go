package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type DeleteContactFlowRequest struct {
	InstanceId    string
	ContactFlowId string
}

func deleteContactFlow(ctx context.Context, a *API, scope connectlocal.Scope, in *DeleteContactFlowRequest) (*empty, error) {
	return &empty{}, a.svc.DeleteContactFlow(ctx, scope, in.InstanceId, in.ContactFlowId)
}
