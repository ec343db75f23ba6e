package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type DescribeSecurityProfileRequest struct {
	SecurityProfileId string
	InstanceId        string
}

type DescribeSecurityProfileResponse struct {
	SecurityProfile SecurityProfile
}

func describeSecurityProfile(ctx context.Context, a *API, scope connectlocal.Scope, in *DescribeSecurityProfileRequest) (*DescribeSecurityProfileResponse, error) {
	r, err := a.svc.DescribeSecurityProfile(ctx, scope, in.InstanceId, in.SecurityProfileId)
	if err != nil {
		return nil, err
	}
	return &DescribeSecurityProfileResponse{SecurityProfile: securityProfileOut(scope, r)}, nil
}
