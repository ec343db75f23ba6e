package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type UpdateUserHierarchyRequest struct {
	HierarchyGroupId *string
	UserId           string
	InstanceId       string
}

// updateUserHierarchy: a request without HierarchyGroupId takes the user out of its group (Terraform sends
// none when hierarchy_group_id is removed).
func updateUserHierarchy(ctx context.Context, a *API, scope connectlocal.Scope, in *UpdateUserHierarchyRequest) (*struct{}, error) {
	group := val(in.HierarchyGroupId)
	return &struct{}{}, a.svc.UpdateUser(ctx, scope, connectlocal.UserUpdate{Instance: in.InstanceId, ID: in.UserId, HierarchyGroupID: &group})
}
