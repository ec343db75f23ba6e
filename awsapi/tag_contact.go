package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type TagContactRequest struct {
	ContactId  string
	InstanceId string
	Tags       map[string]string
}

type TagContactResponse struct{}

func tagContact(ctx context.Context, a *API, scope connectlocal.Scope, in *TagContactRequest) (*TagContactResponse, error) {
	return &TagContactResponse{}, a.svc.TagContact(ctx, scope, in.InstanceId, in.ContactId, in.Tags)
}
