package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type DescribeQuickConnectRequest struct {
	InstanceId     string
	QuickConnectId string
}

type DescribeQuickConnectResponse struct {
	QuickConnect QuickConnect
}

func describeQuickConnect(ctx context.Context, a *API, scope connectlocal.Scope, in *DescribeQuickConnectRequest) (*DescribeQuickConnectResponse, error) {
	r, err := a.svc.DescribeQuickConnect(ctx, scope, in.InstanceId, in.QuickConnectId)
	if err != nil {
		return nil, err
	}
	return &DescribeQuickConnectResponse{QuickConnect: quickConnectOut(scope, r)}, nil
}
