package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type UpdateRoutingProfileConcurrencyRequest struct {
	InstanceId         string
	RoutingProfileId   string
	MediaConcurrencies []MediaConcurrency
}

func updateRoutingProfileConcurrency(ctx context.Context, a *API, scope connectlocal.Scope, in *UpdateRoutingProfileConcurrencyRequest) (*struct{}, error) {
	return &struct{}{}, a.svc.UpdateRoutingProfileConcurrency(ctx, scope, connectlocal.RoutingProfileInput{Instance: in.InstanceId,
		ID: in.RoutingProfileId, MediaConcurrencies: concurrenciesIn(in.MediaConcurrencies)})
}
