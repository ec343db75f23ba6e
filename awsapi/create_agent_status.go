package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type CreateAgentStatusRequest struct {
	InstanceId   string
	Name         string
	Description  *string
	State        string
	DisplayOrder *int
	Tags         map[string]string
}

type CreateAgentStatusResponse struct {
	AgentStatusARN string
	AgentStatusId  string
}

func createAgentStatus(ctx context.Context, a *API, scope connectlocal.Scope, in *CreateAgentStatusRequest) (*CreateAgentStatusResponse, error) {
	r, err := a.svc.CreateAgentStatus(ctx, scope, connectlocal.AgentStatusInput{Instance: in.InstanceId, Name: &in.Name,
		Description: in.Description, State: &in.State, DisplayOrder: in.DisplayOrder, Tags: in.Tags})
	if err != nil {
		return nil, err
	}
	return &CreateAgentStatusResponse{AgentStatusARN: r.ARN(scope), AgentStatusId: r.ID}, nil
}
