package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type DescribeRoutingProfileRequest struct {
	InstanceId       string
	RoutingProfileId string
}

type DescribeRoutingProfileResponse struct {
	RoutingProfile RoutingProfile
}

func describeRoutingProfile(ctx context.Context, a *API, scope connectlocal.Scope, in *DescribeRoutingProfileRequest) (*DescribeRoutingProfileResponse, error) {
	v, err := a.svc.DescribeRoutingProfile(ctx, scope, in.InstanceId, in.RoutingProfileId)
	if err != nil {
		return nil, err
	}
	out := routingProfileOut(scope, v.Record)
	users := int64(v.Users)
	out.NumberOfAssociatedUsers = &users
	return &DescribeRoutingProfileResponse{RoutingProfile: out}, nil
}
