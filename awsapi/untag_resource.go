package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type UntagResourceRequest struct {
	ResourceArn string   `json:"resourceArn"`
	TagKeys     []string `json:"tagKeys"`
}

func untagResource(ctx context.Context, a *API, scope connectlocal.Scope, in *UntagResourceRequest) (*empty, error) {
	return &empty{}, a.svc.UntagResource(ctx, scope, in.ResourceArn, in.TagKeys)
}
