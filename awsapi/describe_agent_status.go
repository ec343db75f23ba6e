package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type DescribeAgentStatusRequest struct {
	InstanceId    string
	AgentStatusId string
}

type DescribeAgentStatusResponse struct {
	AgentStatus AgentStatus
}

func describeAgentStatus(ctx context.Context, a *API, scope connectlocal.Scope, in *DescribeAgentStatusRequest) (*DescribeAgentStatusResponse, error) {
	r, err := a.svc.DescribeAgentStatus(ctx, scope, in.InstanceId, in.AgentStatusId)
	if err != nil {
		return nil, err
	}
	return &DescribeAgentStatusResponse{AgentStatus: agentStatusOut(scope, r)}, nil
}
