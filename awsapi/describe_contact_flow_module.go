package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type DescribeContactFlowModuleRequest struct {
	InstanceId          string
	ContactFlowModuleId string
}

type DescribeContactFlowModuleResponse struct {
	ContactFlowModule ContactFlowModule
}

func describeContactFlowModule(ctx context.Context, a *API, scope connectlocal.Scope, in *DescribeContactFlowModuleRequest) (*DescribeContactFlowModuleResponse, error) {
	r, err := a.svc.DescribeContactFlowModule(ctx, scope, in.InstanceId, in.ContactFlowModuleId)
	if err != nil {
		return nil, err
	}
	return &DescribeContactFlowModuleResponse{ContactFlowModule: flowModuleOut(scope, r)}, nil
}
