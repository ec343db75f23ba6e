package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type CreateInstanceRequest struct {
	ClientToken            *string
	IdentityManagementType string
	InstanceAlias          *string
	DirectoryId            *string
	InboundCallsEnabled    bool
	OutboundCallsEnabled   bool
	Tags                   map[string]string
}

type CreateInstanceResponse struct {
	Id  string
	Arn string
}

func createInstance(ctx context.Context, a *API, scope connectlocal.Scope, in *CreateInstanceRequest) (*CreateInstanceResponse, error) {
	inst, err := a.svc.CreateInstance(ctx, scope, connectlocal.CreateInstanceInput{
		IdentityManagementType: in.IdentityManagementType, Alias: val(in.InstanceAlias), DirectoryID: val(in.DirectoryId),
		InboundCallsEnabled: in.InboundCallsEnabled, OutboundCallsEnabled: in.OutboundCallsEnabled,
		Tags: in.Tags, ClientToken: val(in.ClientToken),
	})
	if err != nil {
		return nil, err
	}
	return &CreateInstanceResponse{Id: inst.ID, Arn: scope.InstanceARN(inst.ID)}, nil
}
