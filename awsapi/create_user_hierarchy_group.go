package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type CreateUserHierarchyGroupRequest struct {
	Name          string
	ParentGroupId *string
	InstanceId    string
	Tags          map[string]string
}

type CreateUserHierarchyGroupResponse struct {
	HierarchyGroupId  string
	HierarchyGroupArn string
}

func createUserHierarchyGroup(ctx context.Context, a *API, scope connectlocal.Scope, in *CreateUserHierarchyGroupRequest) (*CreateUserHierarchyGroupResponse, error) {
	r, err := a.svc.CreateUserHierarchyGroup(ctx, scope, connectlocal.HierarchyGroupInput{Instance: in.InstanceId, Name: in.Name,
		ParentID: val(in.ParentGroupId), Tags: in.Tags})
	if err != nil {
		return nil, err
	}
	return &CreateUserHierarchyGroupResponse{HierarchyGroupId: r.ID, HierarchyGroupArn: r.ARN(scope)}, nil
}
