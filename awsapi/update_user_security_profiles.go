package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type UpdateUserSecurityProfilesRequest struct {
	SecurityProfileIds []string
	UserId             string
	InstanceId         string
}

// updateUserSecurityProfiles replaces the user's whole list (research-routing §3).
func updateUserSecurityProfiles(ctx context.Context, a *API, scope connectlocal.Scope, in *UpdateUserSecurityProfilesRequest) (*struct{}, error) {
	return &struct{}{}, a.svc.UpdateUser(ctx, scope, connectlocal.UserUpdate{Instance: in.InstanceId, ID: in.UserId, SecurityProfileIDs: in.SecurityProfileIds})
}
