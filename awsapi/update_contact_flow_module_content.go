package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type UpdateContactFlowModuleContentRequest struct {
	InstanceId          string
	ContactFlowModuleId string
	Content             *string
	Settings            *string
}

func updateContactFlowModuleContent(ctx context.Context, a *API, scope connectlocal.Scope, in *UpdateContactFlowModuleContentRequest) (*struct{}, error) {
	return &struct{}{}, a.svc.UpdateContactFlowModuleContent(ctx, scope, connectlocal.FlowModuleInput{Instance: in.InstanceId,
		ID: in.ContactFlowModuleId, Content: in.Content, Settings: in.Settings})
}
