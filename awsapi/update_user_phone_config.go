package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type UpdateUserPhoneConfigRequest struct {
	PhoneConfig UserPhoneConfig
	UserId      string
	InstanceId  string
}

func updateUserPhoneConfig(ctx context.Context, a *API, scope connectlocal.Scope, in *UpdateUserPhoneConfigRequest) (*struct{}, error) {
	return &struct{}{}, a.svc.UpdateUser(ctx, scope, connectlocal.UserUpdate{Instance: in.InstanceId, ID: in.UserId, Phone: phoneIn(&in.PhoneConfig)})
}
