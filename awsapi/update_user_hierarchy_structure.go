package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type UpdateUserHierarchyStructureRequest struct {
	HierarchyStructure HierarchyStructureUpdate
	InstanceId         string
}

// updateUserHierarchyStructure: a level the request leaves out is removed (Terraform sends only the levels
// its configuration has, and an empty structure to destroy).
func updateUserHierarchyStructure(ctx context.Context, a *API, scope connectlocal.Scope, in *UpdateUserHierarchyStructureRequest) (*struct{}, error) {
	h := in.HierarchyStructure
	var names [5]*string
	for i, l := range []*HierarchyLevelUpdate{h.LevelOne, h.LevelTwo, h.LevelThree, h.LevelFour, h.LevelFive} {
		if l != nil {
			names[i] = &l.Name
		}
	}
	return &struct{}{}, a.svc.UpdateUserHierarchyStructure(ctx, scope, in.InstanceId, names)
}
