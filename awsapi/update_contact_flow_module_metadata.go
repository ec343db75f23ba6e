package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type UpdateContactFlowModuleMetadataRequest struct {
	InstanceId          string
	ContactFlowModuleId string
	Name                *string
	Description         *string // "" clears it: Terraform sends "" for an unset description (research §2)
	State               *string
}

func updateContactFlowModuleMetadata(ctx context.Context, a *API, scope connectlocal.Scope, in *UpdateContactFlowModuleMetadataRequest) (*struct{}, error) {
	return &struct{}{}, a.svc.UpdateContactFlowModuleMetadata(ctx, scope, connectlocal.FlowModuleInput{Instance: in.InstanceId,
		ID: in.ContactFlowModuleId, Name: in.Name, Description: in.Description, State: in.State})
}
