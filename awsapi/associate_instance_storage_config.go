package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type AssociateInstanceStorageConfigRequest struct {
	InstanceId    string
	ResourceType  string
	StorageConfig InstanceStorageConfig
	ClientToken   *string
}

type AssociateInstanceStorageConfigResponse struct {
	AssociationId string
}

func associateInstanceStorageConfig(ctx context.Context, a *API, scope connectlocal.Scope, in *AssociateInstanceStorageConfigRequest) (*AssociateInstanceStorageConfigResponse, error) {
	id, err := a.svc.AssociateInstanceStorageConfig(ctx, scope, in.InstanceId, val(in.ClientToken), storageConfigIn(in.ResourceType, in.StorageConfig))
	if err != nil {
		return nil, err
	}
	return &AssociateInstanceStorageConfigResponse{AssociationId: id}, nil
}
