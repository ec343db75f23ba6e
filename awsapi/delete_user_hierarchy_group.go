package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type DeleteUserHierarchyGroupRequest struct {
	HierarchyGroupId string
	InstanceId       string
}

func deleteUserHierarchyGroup(ctx context.Context, a *API, scope connectlocal.Scope, in *DeleteUserHierarchyGroupRequest) (*struct{}, error) {
	return &struct{}{}, a.svc.DeleteUserHierarchyGroup(ctx, scope, in.InstanceId, in.HierarchyGroupId)
}
