package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type UpdateUserRoutingProfileRequest struct {
	RoutingProfileId string
	UserId           string
	InstanceId       string
}

func updateUserRoutingProfile(ctx context.Context, a *API, scope connectlocal.Scope, in *UpdateUserRoutingProfileRequest) (*struct{}, error) {
	return &struct{}{}, a.svc.UpdateUser(ctx, scope, connectlocal.UserUpdate{Instance: in.InstanceId, ID: in.UserId, RoutingProfileID: &in.RoutingProfileId})
}
