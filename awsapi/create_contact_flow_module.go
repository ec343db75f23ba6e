package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type CreateContactFlowModuleRequest struct {
	InstanceId                      string
	Name                            string
	Description                     *string // "" is accepted: Terraform-style callers send it for no description
	Content                         string
	Tags                            map[string]string
	ClientToken                     *string // accepted, not replayed: a retried create answers DuplicateResourceException
	Settings                        *string
	ExternalInvocationConfiguration *ExternalInvocationConfiguration
}

type CreateContactFlowModuleResponse struct {
	Id  string
	Arn string
}

func createContactFlowModule(ctx context.Context, a *API, scope connectlocal.Scope, in *CreateContactFlowModuleRequest) (*CreateContactFlowModuleResponse, error) {
	r, err := a.svc.CreateContactFlowModule(ctx, scope, connectlocal.FlowModuleInput{Instance: in.InstanceId, Name: &in.Name,
		Description: in.Description, Content: &in.Content, Settings: in.Settings, Tags: in.Tags})
	if err != nil {
		return nil, err
	}
	return &CreateContactFlowModuleResponse{Id: r.ID, Arn: r.ARN(scope)}, nil
}
