package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type DisassociateInstanceStorageConfigRequest struct {
	InstanceId    string
	AssociationId string
	ResourceType  string
	ClientToken   *string
}

func disassociateInstanceStorageConfig(ctx context.Context, a *API, scope connectlocal.Scope, in *DisassociateInstanceStorageConfigRequest) (*struct{}, error) {
	return &struct{}{}, a.svc.DisassociateInstanceStorageConfig(ctx, scope, in.InstanceId, in.AssociationId, in.ResourceType)
}
