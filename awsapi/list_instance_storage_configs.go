package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type ListInstanceStorageConfigsRequest struct {
	InstanceId   string
	ResourceType string
	NextToken    *string
	MaxResults   *int
}

type ListInstanceStorageConfigsResponse struct {
	StorageConfigs []InstanceStorageConfig
	NextToken      *string `json:",omitempty"`
}

func listInstanceStorageConfigs(ctx context.Context, a *API, scope connectlocal.Scope, in *ListInstanceStorageConfigsRequest) (*ListInstanceStorageConfigsResponse, error) {
	rs, next, err := a.svc.ListInstanceStorageConfigs(ctx, scope, in.InstanceId, in.ResourceType, pageOf(in.NextToken, in.MaxResults))
	if err != nil {
		return nil, err
	}
	out := &ListInstanceStorageConfigsResponse{StorageConfigs: make([]InstanceStorageConfig, len(rs)), NextToken: str(next)}
	for i, r := range rs {
		out.StorageConfigs[i] = storageConfigOut(r)
	}
	return out, nil
}
