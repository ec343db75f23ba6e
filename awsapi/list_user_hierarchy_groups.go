package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type ListUserHierarchyGroupsRequest struct {
	InstanceId string
	NextToken  *string
	MaxResults *int
}

type ListUserHierarchyGroupsResponse struct {
	UserHierarchyGroupSummaryList []HierarchyGroupSummary
	NextToken                     *string `json:",omitempty"`
}

func listUserHierarchyGroups(ctx context.Context, a *API, scope connectlocal.Scope, in *ListUserHierarchyGroupsRequest) (*ListUserHierarchyGroupsResponse, error) {
	rs, next, err := a.svc.ListUserHierarchyGroups(ctx, scope, in.InstanceId, pageOf(in.NextToken, in.MaxResults))
	if err != nil {
		return nil, err
	}
	out := &ListUserHierarchyGroupsResponse{UserHierarchyGroupSummaryList: make([]HierarchyGroupSummary, len(rs)), NextToken: str(next)}
	for i, r := range rs {
		out.UserHierarchyGroupSummaryList[i] = groupSummary(scope, r)
	}
	return out, nil
}
