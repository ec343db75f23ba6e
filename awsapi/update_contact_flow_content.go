package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type UpdateContactFlowContentRequest struct {
	InstanceId    string
	ContactFlowId string
	Content       string
}

func updateContactFlowContent(ctx context.Context, a *API, scope connectlocal.Scope, in *UpdateContactFlowContentRequest) (*empty, error) {
	return &empty{}, a.svc.UpdateContactFlowContent(ctx, scope, in.InstanceId, in.ContactFlowId, in.Content)
}
