package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type ListRoutingProfilesRequest struct {
	InstanceId string
	NextToken  *string
	MaxResults *int
}

type ListRoutingProfilesResponse struct {
	RoutingProfileSummaryList []RoutingProfileSummary
	NextToken                 *string `json:",omitempty"`
}

func listRoutingProfiles(ctx context.Context, a *API, scope connectlocal.Scope, in *ListRoutingProfilesRequest) (*ListRoutingProfilesResponse, error) {
	rs, next, err := a.svc.ListRoutingProfiles(ctx, scope, in.InstanceId, pageOf(in.NextToken, in.MaxResults))
	if err != nil {
		return nil, err
	}
	out := &ListRoutingProfilesResponse{RoutingProfileSummaryList: make([]RoutingProfileSummary, len(rs)), NextToken: str(next)}
	for i, r := range rs {
		out.RoutingProfileSummaryList[i] = RoutingProfileSummary{Id: r.ID, Arn: r.ARN(scope), Name: r.Value.Name,
			LastModifiedTime: stamp(r.LastModifiedTime), LastModifiedRegion: scope.Region}
	}
	return out, nil
}
