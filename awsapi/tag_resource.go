package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type TagResourceRequest struct {
	ResourceArn string            `json:"resourceArn"`
	Tags        map[string]string `json:"tags"`
}

func tagResource(ctx context.Context, a *API, scope connectlocal.Scope, in *TagResourceRequest) (*empty, error) {
	return &empty{}, a.svc.TagResource(ctx, scope, in.ResourceArn, in.Tags)
}
