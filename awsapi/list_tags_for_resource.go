package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type ListTagsForResourceRequest struct {
	ResourceArn string `json:"resourceArn"`
}

type ListTagsForResourceResponse struct {
	Tags map[string]string `json:"tags,omitempty"` // omitted when none: the model's TagMap holds at least one
}

func listTagsForResource(ctx context.Context, a *API, scope connectlocal.Scope, in *ListTagsForResourceRequest) (*ListTagsForResourceResponse, error) {
	tags, err := a.svc.ListTagsForResource(ctx, scope, in.ResourceArn)
	if err != nil {
		return nil, err
	}
	return &ListTagsForResourceResponse{Tags: tagsOut(tags)}, nil
}
