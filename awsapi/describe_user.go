package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type DescribeUserRequest struct {
	UserId     string
	InstanceId string
}

type DescribeUserResponse struct {
	User User
}

// describeUser never answers the password: the model's User has no such member, and the store keeps a digest.
func describeUser(ctx context.Context, a *API, scope connectlocal.Scope, in *DescribeUserRequest) (*DescribeUserResponse, error) {
	r, err := a.svc.DescribeUser(ctx, scope, in.InstanceId, in.UserId)
	if err != nil {
		return nil, err
	}
	return &DescribeUserResponse{User: userOut(scope, r)}, nil
}
