package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type UpdateContactFlowMetadataRequest struct {
	InstanceId       string
	ContactFlowId    string
	Name             *string
	Description      *string
	ContactFlowState *string
}

func updateContactFlowMetadata(ctx context.Context, a *API, scope connectlocal.Scope, in *UpdateContactFlowMetadataRequest) (*struct{}, error) {
	return &struct{}{}, a.svc.UpdateContactFlowMetadata(ctx, scope, connectlocal.UpdateFlowMetadataInput{Instance: in.InstanceId,
		ID: in.ContactFlowId, Name: in.Name, Description: in.Description, State: in.ContactFlowState})
}
