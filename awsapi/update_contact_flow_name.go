package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type UpdateContactFlowNameRequest struct {
	InstanceId    string
	ContactFlowId string
	Name          *string
	Description   *string
}

func updateContactFlowName(ctx context.Context, a *API, scope connectlocal.Scope, in *UpdateContactFlowNameRequest) (*struct{}, error) {
	return &struct{}{}, a.svc.UpdateContactFlowMetadata(ctx, scope, connectlocal.UpdateFlowMetadataInput{Instance: in.InstanceId,
		ID: in.ContactFlowId, Name: in.Name, Description: in.Description})
}
