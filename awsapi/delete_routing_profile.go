package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type DeleteRoutingProfileRequest struct {
	InstanceId       string
	RoutingProfileId string
}

func deleteRoutingProfile(ctx context.Context, a *API, scope connectlocal.Scope, in *DeleteRoutingProfileRequest) (*struct{}, error) {
	return &struct{}{}, a.svc.DeleteRoutingProfile(ctx, scope, in.InstanceId, in.RoutingProfileId)
}
