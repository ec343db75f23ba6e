package awsapi

import (
	"context"
	"strconv"

	"github.com/connectlocal/connectlocal"
)

type DescribeUserHierarchyGroupRequest struct {
	HierarchyGroupId string
	InstanceId       string
}

type DescribeUserHierarchyGroupResponse struct {
	HierarchyGroup HierarchyGroup
}

// describeUserHierarchyGroup answers the group with its path: LevelOne down to the group itself, as in
// aws-cli examples/connect/describe-user-hierarchy-group.rst (LevelId is the level's number, "1".."5").
func describeUserHierarchyGroup(ctx context.Context, a *API, scope connectlocal.Scope, in *DescribeUserHierarchyGroupRequest) (*DescribeUserHierarchyGroupResponse, error) {
	v, err := a.svc.DescribeUserHierarchyGroup(ctx, scope, in.InstanceId, in.HierarchyGroupId)
	if err != nil {
		return nil, err
	}
	g := HierarchyGroup{Id: v.ID, Arn: v.ARN(scope), Name: v.Value.Name, LevelId: strconv.Itoa(v.Value.Level), Tags: tagsOut(v.Tags),
		LastModifiedTime: stamp(v.LastModifiedTime), LastModifiedRegion: scope.Region}
	slots := g.HierarchyPath.levels()
	for _, p := range v.Path {
		if l := p.Value.Level; l >= 1 && l <= len(slots) {
			s := groupSummary(scope, p)
			*slots[l-1] = &s
		}
	}
	return &DescribeUserHierarchyGroupResponse{HierarchyGroup: g}, nil
}
