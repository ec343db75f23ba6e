package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type UpdateInstanceStorageConfigRequest struct {
	InstanceId    string
	AssociationId string
	ResourceType  string
	StorageConfig InstanceStorageConfig
	ClientToken   *string
}

func updateInstanceStorageConfig(ctx context.Context, a *API, scope connectlocal.Scope, in *UpdateInstanceStorageConfigRequest) (*struct{}, error) {
	return &struct{}{}, a.svc.UpdateInstanceStorageConfig(ctx, scope, in.InstanceId, in.AssociationId, storageConfigIn(in.ResourceType, in.StorageConfig))
}
