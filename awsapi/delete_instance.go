package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type DeleteInstanceRequest struct {
	InstanceId  string
	ClientToken *string
}

func deleteInstance(ctx context.Context, a *API, scope connectlocal.Scope, in *DeleteInstanceRequest) (*empty, error) {
	return &empty{}, a.svc.DeleteInstance(ctx, scope, in.InstanceId, val(in.ClientToken))
}
