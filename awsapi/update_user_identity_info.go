package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type UpdateUserIdentityInfoRequest struct {
	IdentityInfo UserIdentityInfo
	UserId       string
	InstanceId   string
}

func updateUserIdentityInfo(ctx context.Context, a *API, scope connectlocal.Scope, in *UpdateUserIdentityInfoRequest) (*struct{}, error) {
	return &struct{}{}, a.svc.UpdateUser(ctx, scope, connectlocal.UserUpdate{Instance: in.InstanceId, ID: in.UserId, Identity: identityIn(&in.IdentityInfo)})
}
