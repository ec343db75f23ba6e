package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type DescribeInstanceStorageConfigRequest struct {
	InstanceId    string
	AssociationId string
	ResourceType  string
}

type DescribeInstanceStorageConfigResponse struct {
	StorageConfig InstanceStorageConfig
}

func describeInstanceStorageConfig(ctx context.Context, a *API, scope connectlocal.Scope, in *DescribeInstanceStorageConfigRequest) (*DescribeInstanceStorageConfigResponse, error) {
	r, err := a.svc.DescribeInstanceStorageConfig(ctx, scope, in.InstanceId, in.AssociationId, in.ResourceType)
	if err != nil {
		return nil, err
	}
	return &DescribeInstanceStorageConfigResponse{StorageConfig: storageConfigOut(r)}, nil
}
