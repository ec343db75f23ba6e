package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type DescribeUserHierarchyStructureRequest struct {
	InstanceId string
}

// DescribeUserHierarchyStructureResponse always holds a HierarchyStructure, {} when no level is set: Terraform
// treats a missing one as an empty result and fails (research-routing §2).
type DescribeUserHierarchyStructureResponse struct {
	HierarchyStructure HierarchyStructure
}

func describeUserHierarchyStructure(ctx context.Context, a *API, scope connectlocal.Scope, in *DescribeUserHierarchyStructureRequest) (*DescribeUserHierarchyStructureResponse, error) {
	v, err := a.svc.DescribeUserHierarchyStructure(ctx, scope, in.InstanceId)
	if err != nil {
		return nil, err
	}
	out := &DescribeUserHierarchyStructureResponse{}
	for i, slot := range out.HierarchyStructure.levels() {
		if l := v.Structure.Levels[i]; l.Name != "" {
			*slot = &HierarchyLevel{Id: l.ID, Arn: scope.HierarchyLevelARN(v.InstanceID, i+1), Name: l.Name,
				LastModifiedTime: stamp(v.LastModifiedTime), LastModifiedRegion: scope.Region}
		}
	}
	return out, nil
}
