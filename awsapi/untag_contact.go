package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type UntagContactRequest struct {
	ContactId  string
	InstanceId string
	TagKeys    []string
}

type UntagContactResponse struct{}

func untagContact(ctx context.Context, a *API, scope connectlocal.Scope, in *UntagContactRequest) (*UntagContactResponse, error) {
	return &UntagContactResponse{}, a.svc.UntagContact(ctx, scope, in.InstanceId, in.ContactId, in.TagKeys)
}
