package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

// ListAgentStatusRequest and ListAgentStatusResponse are the model's names for ListAgentStatuses' shapes.
type ListAgentStatusRequest struct {
	InstanceId       string
	NextToken        *string
	MaxResults       *int
	AgentStatusTypes []string
}

type ListAgentStatusResponse struct {
	NextToken              *string `json:",omitempty"`
	AgentStatusSummaryList []AgentStatusSummary
}

func listAgentStatuses(ctx context.Context, a *API, scope connectlocal.Scope, in *ListAgentStatusRequest) (*ListAgentStatusResponse, error) {
	rs, next, err := a.svc.ListAgentStatuses(ctx, scope, in.InstanceId, in.AgentStatusTypes, pageOf(in.NextToken, in.MaxResults))
	if err != nil {
		return nil, err
	}
	out := &ListAgentStatusResponse{NextToken: str(next), AgentStatusSummaryList: make([]AgentStatusSummary, len(rs))}
	for i, r := range rs {
		out.AgentStatusSummaryList[i] = AgentStatusSummary{Id: r.ID, Arn: r.ARN(scope), Name: r.Value.Name, Type: r.Value.Type,
			LastModifiedTime: stamp(r.LastModifiedTime), LastModifiedRegion: scope.Region}
	}
	return out, nil
}
