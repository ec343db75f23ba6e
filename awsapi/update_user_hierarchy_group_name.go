package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type UpdateUserHierarchyGroupNameRequest struct {
	Name             string
	HierarchyGroupId string
	InstanceId       string
}

func updateUserHierarchyGroupName(ctx context.Context, a *API, scope connectlocal.Scope, in *UpdateUserHierarchyGroupNameRequest) (*struct{}, error) {
	return &struct{}{}, a.svc.UpdateUserHierarchyGroupName(ctx, scope, in.InstanceId, in.HierarchyGroupId, in.Name)
}
