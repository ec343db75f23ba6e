package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type UpdateContactAttributesRequest struct {
	InitialContactId string
	InstanceId       string
	Attributes       map[string]string
}

type UpdateContactAttributesResponse struct{}

func updateContactAttributes(ctx context.Context, a *API, scope connectlocal.Scope, in *UpdateContactAttributesRequest) (*UpdateContactAttributesResponse, error) {
	return &UpdateContactAttributesResponse{}, a.svc.UpdateContactAttributes(ctx, scope, in.InstanceId, in.InitialContactId, in.Attributes)
}
