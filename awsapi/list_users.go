package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type ListUsersRequest struct {
	InstanceId string
	NextToken  *string
	MaxResults *int
}

type ListUsersResponse struct {
	UserSummaryList []UserSummary
	NextToken       *string `json:",omitempty"`
}

func listUsers(ctx context.Context, a *API, scope connectlocal.Scope, in *ListUsersRequest) (*ListUsersResponse, error) {
	rs, next, err := a.svc.ListUsers(ctx, scope, in.InstanceId, pageOf(in.NextToken, in.MaxResults))
	if err != nil {
		return nil, err
	}
	out := &ListUsersResponse{UserSummaryList: make([]UserSummary, len(rs)), NextToken: str(next)}
	for i, r := range rs {
		out.UserSummaryList[i] = UserSummary{Id: r.ID, Arn: r.ARN(scope), Username: r.Value.Username,
			LastModifiedTime: stamp(r.LastModifiedTime), LastModifiedRegion: scope.Region}
	}
	return out, nil
}
