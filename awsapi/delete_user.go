package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type DeleteUserRequest struct {
	InstanceId string
	UserId     string
}

func deleteUser(ctx context.Context, a *API, scope connectlocal.Scope, in *DeleteUserRequest) (*struct{}, error) {
	return &struct{}{}, a.svc.DeleteUser(ctx, scope, in.InstanceId, in.UserId)
}
