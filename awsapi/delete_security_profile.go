package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type DeleteSecurityProfileRequest struct {
	InstanceId        string
	SecurityProfileId string
}

func deleteSecurityProfile(ctx context.Context, a *API, scope connectlocal.Scope, in *DeleteSecurityProfileRequest) (*struct{}, error) {
	return &struct{}{}, a.svc.DeleteSecurityProfile(ctx, scope, in.InstanceId, in.SecurityProfileId)
}
