package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type UpdateAgentStatusRequest struct {
	InstanceId       string
	AgentStatusId    string
	Name             *string
	Description      *string // "" clears it (UpdateAgentStatusDescription has min 0)
	State            *string
	DisplayOrder     *int
	ResetOrderNumber *bool
}

func updateAgentStatus(ctx context.Context, a *API, scope connectlocal.Scope, in *UpdateAgentStatusRequest) (*struct{}, error) {
	return &struct{}{}, a.svc.UpdateAgentStatus(ctx, scope, connectlocal.AgentStatusInput{Instance: in.InstanceId, ID: in.AgentStatusId,
		Name: in.Name, Description: in.Description, State: in.State, DisplayOrder: in.DisplayOrder,
		ResetOrder: in.ResetOrderNumber != nil && *in.ResetOrderNumber})
}
