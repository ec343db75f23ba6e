package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type UpdateInstanceAttributeRequest struct {
	InstanceId    string
	AttributeType string
	Value         string
	ClientToken   *string // an update of one value is idempotent by itself
}

func updateInstanceAttribute(ctx context.Context, a *API, scope connectlocal.Scope, in *UpdateInstanceAttributeRequest) (*empty, error) {
	return &empty{}, a.svc.UpdateInstanceAttribute(ctx, scope, in.InstanceId, in.AttributeType, in.Value)
}
