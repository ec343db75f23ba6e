package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type UpdateRoutingProfileNameRequest struct {
	InstanceId       string
	RoutingProfileId string
	Name             *string
	Description      *string
}

func updateRoutingProfileName(ctx context.Context, a *API, scope connectlocal.Scope, in *UpdateRoutingProfileNameRequest) (*struct{}, error) {
	return &struct{}{}, a.svc.UpdateRoutingProfileName(ctx, scope, connectlocal.RoutingProfileInput{Instance: in.InstanceId,
		ID: in.RoutingProfileId, Name: in.Name, Description: in.Description})
}
